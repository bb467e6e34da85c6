// Search the course pages offline: every word of the query must occur in a section's heading or text.
(function () {
  "use strict";
  var field = document.getElementById("sokfalt");
  var list = document.getElementById("sokresultat");
  var status = document.getElementById("sokstatus");
  var index = window.KURS_SOKINDEX || [];
  var prefix = (document.querySelector("link[rel=stylesheet]").getAttribute("href") || "").replace("kurs.css", "");
  function norm(s) { return s.toLocaleLowerCase("sv"); }
  function show(query) {
    list.innerHTML = "";
    var words = norm(query).split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = ""; return; }
    var hits = index.filter(function (e) {
      var text = norm(e.t + " " + e.x);
      return words.every(function (w) { return text.indexOf(w) !== -1; });
    }).slice(0, 20);
    status.textContent = hits.length ? hits.length + (hits.length === 1 ? " träff" : " träffar") : "Inga träffar";
    hits.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = prefix + e.u;
      a.textContent = e.t;
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  if (field) { field.addEventListener("input", function () { show(field.value); }); }
})();
