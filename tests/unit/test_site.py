"""The website builder's parts: widgets from saved state, exercises without solutions, links, search, cache."""
import nbformat

from conftest import REPO
from upphandlingskurs.content import site
from upphandlingskurs.content.site import (Page, cache_key, exercise_for_web, leaks, rewrite_links, search_entries,
                                           static_widgets, widget_html)


def _state(models: dict) -> dict:
    return {mid: {"model_name": name, "state": state} for mid, (name, state) in models.items()}


def test_a_widget_is_shown_from_its_saved_state():
    states = _state({
        "box": ("VBoxModel", {"children": ["IPY_MODEL_h", "IPY_MODEL_d", "IPY_MODEL_c", "IPY_MODEL_n", "IPY_MODEL_o"]}),
        "h": ("HTMLModel", {"value": "<h3>Kravbyggaren</h3>"}),
        "d": ("DropdownModel", {"description": "Bransch", "_options_labels": ["Bygg", "Städ"], "index": 1}),
        "c": ("CheckboxModel", {"description": "Krav på kontor i kommunen", "value": False}),
        "n": ("FloatTextModel", {"description": "Värde (kr)", "value": 1.5}),
        "o": ("OutputModel", {"outputs": [{"output_type": "display_data", "data": {"text/html": "<p>1 plats</p>"}}]}),
    })
    out = widget_html("box", states)
    assert "<h3>Kravbyggaren</h3>" in out and "<p>1 plats</p>" in out
    assert "Bransch</span> <span class='kurs-varde'>Städ" in out
    assert "Krav på kontor i kommunen</span> <span class='kurs-varde'>nej" in out
    assert "<span class='kurs-varde'>1,5</span>" in out
    assert widget_html("saknas", states) == ""


def test_static_widgets_replace_every_widget_output_and_drop_the_state():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("w()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        site.WIDGET_VIEW: {"model_id": "l", "version_major": 2, "version_minor": 0}, "text/plain": "Label(...)"})]
    nb.cells.append(cell)
    nb.metadata["widgets"] = {site.WIDGET_STATE: {"state": _state({"l": ("LabelModel", {"value": "Hej"})})}}
    assert static_widgets(nb) == 1
    html = nb.cells[0].outputs[0]["data"]["text/html"]
    assert "<p>Hej</p>" in html and "förvalda värden" in html and "widgets" not in nb.metadata


def test_an_exercise_on_the_web_has_no_solution_no_hidden_test_and_no_output():
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_code_cell('### BEGIN SOLUTION\nsvar_1 = "B"\n### END SOLUTION\nsvar_1 = None')
    answer.outputs = [nbformat.v4.new_output("stream", text="B")]
    nb.cells += [answer, nbformat.v4.new_code_cell('check()\n### BEGIN HIDDEN TESTS\nassert svar_1 == "B"\n'
                                                   '### END HIDDEN TESTS')]
    web = exercise_for_web(nb)
    text = "\n".join(c.source for c in web.cells)
    assert '"B"' not in text and leaks(text) == [] and web.cells[0].outputs == []
    assert leaks("x ### BEGIN SOLUTION y") == ["BEGIN SOLUTION"] and "Exempelsvar" in leaks("*Exempelsvar:* …")


def test_links_between_notebooks_become_links_between_pages():
    pages = {"01_x": Page("01_x", "Modul 01", "modul", REPO / "course/01_x.ipynb", "course/01_x.ipynb"),
             "ordlista": Page("ordlista", "Ordlista", "ordlista", REPO / "course/ordlista.ipynb", "course/ordlista.ipynb"),
             "ovningar/01_x": Page("ovningar/01_x", "Övning 01", "ovning", REPO / "exercises/01_x/01_x.ipynb", "01_x/01_x.ipynb")}
    body = ('<h2>1. Lagen <a class="anchor-link" href="#x">#</a></h2>'
            '<p><a href="01_x.ipynb">modul</a> <a href="ordlista.ipynb#CPV-kod">CPV</a> '
            '<a href="../exercises/01_x/01_x.ipynb">övning</a> <a href="../data/a.csv">filen</a> '
            '<a href="https://example.se">ute</a></p>')
    out = rewrite_links(body, pages["ovningar/01_x"], pages, {})
    assert 'id="1.-Lagen"' in out and 'href="#1.-Lagen"' in out
    assert 'href="../01_x.html"' in out and 'href="../ordlista.html#CPV-kod"' in out
    assert 'href="../ovningar/01_x.html"' in out and "../data/a.csv" not in out and ">filen<" not in out
    assert 'href="https://example.se"' in out


def test_search_has_one_entry_per_section():
    page = Page("01_x", "Modul 01", "modul", REPO / "course/01_x.ipynb", "course/01_x.ipynb",
                body='<h1 id="Modul">Modul</h1><p>Intro</p><h2 id="1.-Lagen">1. Lagen</h2><p>LOU gäller.</p>')
    entries = search_entries(page)
    assert {"t": "Modul 01: 1. Lagen", "u": "01_x.html#1.-Lagen", "x": "LOU gäller."} in entries


def test_the_cache_key_follows_the_notebook(tmp_path):
    a, b = tmp_path / "a.ipynb", tmp_path / "b.ipynb"
    a.write_text("{}"), b.write_text("{ }")
    assert cache_key(a, REPO) == cache_key(a, REPO) != cache_key(b, REPO)


def test_every_module_and_exercise_becomes_a_page():
    pages = site.collect_pages(REPO)
    kinds = [p.kind for p in pages]
    assert kinds[0] == "start" and "ordlista" in kinds
    modules = sorted(REPO.glob("course/[0-9][0-9]_*.ipynb"))
    assert [p.source for p in pages if p.kind == "modul"] == modules
    assert all("exercises" in p.source.parts for p in pages if p.kind == "ovning")
    assert len([p for p in pages if p.kind == "ovning"]) == len(list(REPO.glob("exercises/*/*.ipynb")))



def test_the_workshop_guide_is_a_page_and_the_start_page_links_to_it():
    pages = {p.slug: p for p in site.collect_pages(REPO)}
    guide = pages["workshopguide"]
    assert guide.kind == "guide" and guide.source.name == "workshopguide.ipynb"
    body = site.notebook_body(nbformat.read(guide.source, as_version=4))
    assert site.leaks(body) == []
    start = site.notebook_body(nbformat.read(REPO / "course/index.ipynb", as_version=4))
    out = site.rewrite_links(start, pages["index"], {**pages, **{p.source.stem: p for p in pages.values()}}, {})
    assert 'href="workshopguide.html"' in out


def test_an_executed_notebook_comes_from_the_cache_the_second_time(tmp_path):
    repo = tmp_path / "kurs"
    (repo / "course").mkdir(parents=True)
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("print(6 * 7)"))
    path = repo / "course" / "01_x.ipynb"
    nbformat.write(nb, path)
    first, cached = site.execute(path, repo, tmp_path / "cache")
    assert not cached and first.cells[0].outputs[0]["text"].strip() == "42" and len(first.cells) == 1
    again, cached = site.execute(path, repo, tmp_path / "cache")
    assert cached and again.cells[0].outputs == first.cells[0].outputs
