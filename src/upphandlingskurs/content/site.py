"""The course website: every module with its executed outputs, the exercises, the start page and the glossary.

``make webb`` (``python -m upphandlingskurs.content.site build``) writes a static site to ``build/webb/``
that works offline and from a plain file folder:

- each module (``course/NN_*.ipynb``) is executed with nbclient and cached (``build/webb-cache/``, keyed by the
  notebook, the package and the data), then converted by nbconvert's ``basic`` template into our own page
  (``site_templates/page.html.j2``): ``lang="sv"``, navigation, search, a link that opens the notebook on the
  course's JupyterHub (address in ``kursplan.yaml``) and the notebook itself to download;
- each widget is shown from its saved state as static HTML (the values it starts with, the texts and charts
  it shows), with a note that it responds in JupyterLab; nothing is loaded from the internet;
- the exercises are built from ``exercises/`` (made by nbgrader without solutions and hidden tests) and not
  executed; the build stops if any page contains a solution or hidden-test marker;
- a PDF of each module for print, by Chromium's ``--print-to-pdf`` (skipped, with the reason, when
  there is no Chromium).

Why our own small template rather than a site generator: nbconvert and Jinja2 are already the course's
libraries, and they build offline. Jupyter Book 2 (mystmd) downloads its theme at build time and does not
render ipywidgets from saved state; Sphinx + myst-nb render widgets with JavaScript from a CDN.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import nbformat

from upphandlingskurs.content.curriculum import hub, module_notebooks, planned_modules, read_meta

SITE_DIR = Path("build") / "webb"
CACHE_DIR = Path("build") / "webb-cache"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Never on the website: nbgrader's solution and hidden-test markers and the example answers.
LEAK_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "HIDDEN TESTS",
                "Exempelsvar")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
EXECUTE_TIMEOUT_S = 300


PRESS_BUTTONS = """
import re as _re
import ipywidgets as _w
for _b in [m for m in list(_w.Widget.widgets.values()) if isinstance(m, _w.Button)]:
    if not _re.search(r"spara|ladda|exportera|skriv|exempelsvar|rensa|återställ|ta bort|radera", _b.description, _re.I):
        _b.click()
"""


class SiteError(RuntimeError):
    """The website cannot be built; the message says why, in Swedish."""


@dataclass
class Page:
    slug: str                 # file name without .html, e.g. "01_upphandling_social_hallbarhet", "ovningar/03_iop"
    title: str
    kind: str                 # start | modul | ovning | ordlista | guide
    source: Path              # the notebook the page is made from
    repo_path: str            # the notebook's path in the course repository (for the hub link)
    nav_title: str = ""
    body: str = ""
    pdf: str = ""
    download: str = ""

    @property
    def href(self) -> str:
        return f"{self.slug}.html"


@dataclass
class BuildReport:
    out: Path
    pages: list[Page] = field(default_factory=list)
    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    pdf_note: str = ""
    seconds: float = 0.0

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.out.rglob("*") if p.is_file())

    def summary(self) -> str:
        lines = [f"Webbplatsen byggd i {self.out}: {len(self.pages)} sidor, {len(self.pdfs)} PDF-filer, "
                 f"{self.size_bytes / 1_000_000:.1f} MB, {self.seconds:.1f} s",
                 f"  körda notebookar: {len(self.executed)}, från cachen: {len(self.cached)}"]
        if self.pdf_note:
            lines.append(f"  {self.pdf_note}")
        return "\n".join(lines)


# -- executing, with a cache ---------------------------------------------------------------------------
def _tree_digest(h, root: Path, patterns: tuple[str, ...]) -> None:
    for pattern in patterns:
        for p in sorted(root.glob(pattern)):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(root)).encode())
                h.update(p.read_bytes())


def cache_key(notebook: Path, repo: Path) -> str:
    """Changes when the notebook, the package or the data change (the outputs would)."""
    h = hashlib.sha256(notebook.read_bytes())
    package = repo / "src" / "upphandlingskurs"
    # what a course kernel imports (not the website, the grading tool or the hub)
    _tree_digest(h, package, ("*.py", "decisions/**/*.py", "documents/**/*.py", "widgets/**/*.py"))
    _tree_digest(h, package / "content", ("*.yaml", "fakta/*", "data*.py", "datadir.py", "fakta*.py", "selfcheck.py",
                                          "curriculum.py", "__init__.py"))
    _tree_digest(h, repo / "data", ("*",))
    return h.hexdigest()[:20]


def execute(notebook: Path, repo: Path, cache_dir: Path) -> tuple[nbformat.NotebookNode, bool]:
    """The notebook with its outputs and widget state; ``True`` when it came from the cache."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / f"{notebook.stem}-{cache_key(notebook, repo)}.ipynb"
    if cached.is_file():
        return nbformat.read(cached, as_version=4), True
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=EXECUTE_TIMEOUT_S, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(notebook.parent)}})
    # After the last cell: press each widget's action button once, so that the page shows what the widget
    # shows for its preset values (buttons that save, export or reveal are left alone).
    nb.cells.append(nbformat.v4.new_code_cell(PRESS_BUTTONS))
    try:
        client.execute()
        nb.cells.pop()
    except CellExecutionError as e:
        raise SiteError(f"{notebook.name} gick inte att köra: {str(e).strip().splitlines()[-1]}") from None
    for old in cache_dir.glob(f"{notebook.stem}-*.ipynb"):
        old.unlink()
    tmp = cached.with_suffix(".tmp")
    nbformat.write(nb, tmp)
    tmp.replace(cached)
    return nb, False


# -- widgets from their saved state -------------------------------------------------------------------
def _state(nb) -> dict:
    return nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def _ref(value) -> str | None:
    return value[len("IPY_MODEL_"):] if isinstance(value, str) and value.startswith("IPY_MODEL_") else None


def _output_html(output: dict, states: dict) -> str:
    data = output.get("data", {})
    if output.get("output_type") == "stream":
        return f"<pre>{html.escape(output.get('text', ''))}</pre>"
    if WIDGET_VIEW in data:
        return widget_html(data[WIDGET_VIEW].get("model_id", ""), states)
    if "text/html" in data:
        return "".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"]
    if "image/png" in data:
        alt = html.escape(output.get("metadata", {}).get("alt", "Diagram; innehållet beskrivs i texten"))
        return f'<img src="data:image/png;base64,{data["image/png"]}" alt="{alt}">'
    if "text/markdown" in data:
        import mistune
        return mistune.html(data["text/markdown"])
    if "text/plain" in data:
        return f"<pre>{html.escape(data['text/plain'])}</pre>"
    return ""


def _option_labels(s: dict) -> list[str]:
    return [str(x) for x in s.get("_options_labels", [])]


def _control_value(name: str, s: dict) -> str | None:
    """The value a control shows, in words; None when the model is not a value control."""
    if name in ("DropdownModel", "SelectModel", "RadioButtonsModel", "ToggleButtonsModel", "SelectionSliderModel"):
        labels, index = _option_labels(s), s.get("index")
        return labels[index] if isinstance(index, int) and 0 <= index < len(labels) else "(inget valt)"
    if name in ("SelectMultipleModel",):
        labels = _option_labels(s)
        return ", ".join(labels[i] for i in s.get("index", []) if 0 <= i < len(labels)) or "(inget valt)"
    if name in ("CheckboxModel", "ToggleButtonModel"):
        return "ja" if s.get("value") else "nej"
    if name.endswith(("TextModel", "TextareaModel", "SliderModel", "ComboboxModel")) or name in (
            "IntTextModel", "FloatTextModel", "BoundedIntTextModel", "BoundedFloatTextModel", "DatePickerModel"):
        value = s.get("value")
        if isinstance(value, list):
            return " – ".join(str(v) for v in value)
        if isinstance(value, float):
            return f"{value:g}".replace(".", ",")
        return "" if value is None else str(value)
    return None


def widget_html(model_id: str, states: dict, depth: int = 0) -> str:
    """Static HTML for one widget and its children, from the saved state: labels, values, texts and outputs."""
    model = states.get(model_id)
    if model is None or depth > 30:
        return ""
    name, s = model.get("model_name", ""), model.get("state", {})
    if name == "OutputModel":
        return "".join(_output_html(o, states) for o in s.get("outputs", []))
    if name in ("HTMLModel", "HTMLMathModel"):
        desc = s.get("description", "")
        return (f"<span class='kurs-etikett'>{html.escape(desc)}</span> " if desc else "") + str(s.get("value", ""))
    if name == "LabelModel":
        return f"<p>{html.escape(str(s.get('value', '')))}</p>"
    if name == "ButtonModel":
        return f"<span class='kurs-knapp'>{html.escape(s.get('description', ''))}</span>"
    children = [c for c in (_ref(x) for x in s.get("children", [])) if c]
    if children:
        titles = s.get("titles") or []
        parts = []
        for i, child in enumerate(children):
            inner = widget_html(child, states, depth + 1)
            title = titles[i] if i < len(titles) and titles[i] else ""
            parts.append(f"<section><h4>{html.escape(title)}</h4>{inner}</section>" if title else inner)
        tag = "div class='kurs-rad'" if name in ("HBoxModel", "GridBoxModel") else "div"
        return f"<{tag}>" + "".join(parts) + "</div>"
    value = _control_value(name, s)
    if value is not None:
        label = s.get("description", "") or s.get("placeholder", "")
        return (f"<p class='kurs-falt'><span class='kurs-etikett'>{html.escape(str(label))}</span> "
                f"<span class='kurs-varde'>{html.escape(value) or '–'}</span></p>")
    return ""


WIDGET_NOTE = ("<p class='kurs-widgetnot'><strong>Widget.</strong> Här visas den med sina förvalda värden och "
               "det den visar för dem. Öppna arbetsbladet i JupyterLab för att ändra värdena och se resultatet.</p>")


def static_widgets(nb: nbformat.NotebookNode) -> int:
    """Replace each widget output with static HTML from the saved widget state; returns how many."""
    states, count = _state(nb), 0
    for cell in nb.cells:
        for i, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                body = widget_html(data[WIDGET_VIEW].get("model_id", ""), states)
                cell.outputs[i] = nbformat.v4.new_output(
                    "display_data", data={"text/html": f"<div class='kurs-widget'>{WIDGET_NOTE}{body}</div>"})
                count += 1
    nb.metadata.pop("widgets", None)
    return count


# -- exercises without solutions ------------------------------------------------------------------------
_SOLUTION = re.compile(r"### BEGIN SOLUTION.*?### END SOLUTION", re.S)
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.S)


def exercise_for_web(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """An exercise as a participant gets it, without outputs; any solution or hidden block left is removed."""
    for cell in nb.cells:
        cell.source = _HIDDEN.sub("", _SOLUTION.sub("", cell.source))
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def leaks(text: str) -> list[str]:
    return [m for m in LEAK_MARKERS if m in text]


# -- notebooks to HTML ---------------------------------------------------------------------------------
def _exporter():
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = "#"
    return exporter


def notebook_body(nb: nbformat.NotebookNode) -> str:
    body, _ = _exporter().from_notebook_node(nb)
    return body


def _heading_id(text: str) -> str:
    return text.strip().replace(" ", "-")


def rewrite_links(body: str, page: Page, pages: dict[str, Page], downloads: dict[str, str]) -> str:
    """Links between notebooks become links between pages; headings get JupyterLab's ids; other local links go."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(body, "html.parser")
    prefix = "../" * page.slug.count("/")
    for h in soup.find_all(re.compile(r"^h[1-6]$")):
        for a in h.find_all("a", class_="anchor-link"):
            a["aria-label"] = "Länk till avsnittet"
        text = "".join(t for t in h.find_all(string=True) if t.parent.name != "a" or "anchor-link" not in
                       (t.parent.get("class") or []))
        h["id"] = _heading_id(text)
        for a in h.find_all("a", class_="anchor-link"):
            a["href"] = f"#{h['id']}"
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if href.startswith(("http://", "https://", "mailto:", "#", "data:")):
            continue
        target, _, frag = href.partition("#")
        name = Path(target).name
        key = Path(target).stem
        if target.endswith(".ipynb") and "exercises/" in target and f"ovningar/{key}" in pages:
            a["href"] = prefix + pages[f"ovningar/{key}"].href
        elif target.endswith(".ipynb") and key in pages:
            a["href"] = prefix + pages[key].href + (f"#{frag}" if frag else "")
        elif name in downloads:
            a["href"] = prefix + downloads[name]
        else:  # a file that is not on the website: keep the words, drop the link
            a.replace_with(soup.new_string(a.get_text()))
    for pre in soup.find_all("pre"):  # long code lines wrap (CSS); a region that still scrolls takes focus
        pre["tabindex"] = "0"
    for n, table in enumerate(soup.find_all("table"), 1):
        for th in table.find_all("th"):
            if not th.get_text(strip=True):  # pandas' corner above the index
                th.append(soup.new_tag("span", attrs={"class": "dold"}))
                th.span.string = "Rad"
        if table.parent.name != "div" or "kurs-tabell" not in (table.parent.get("class") or []):
            wrapper = soup.new_tag("div", attrs={"class": "kurs-tabell", "tabindex": "0", "role": "region",
                                                 "aria-label": f"Tabell {n}"})
            table.wrap(wrapper)
    for img in soup.find_all("img"):
        if not img.get("alt") or img["alt"].startswith("No description"):
            img["alt"] = "Diagram; innehållet beskrivs i texten"
    return str(soup)


# -- search -----------------------------------------------------------------------------------------------
def search_entries(page: Page) -> list[dict]:
    """One entry per section of a page: its heading, address and text (for the search box)."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(page.body, "html.parser")
    entries, current = [], {"t": page.title, "u": page.href, "x": []}
    for el in soup.find_all(re.compile(r"^(h[1-4]|p|li|td)$")):
        if re.match(r"h[1-4]", el.name):
            if current["x"] or current["t"] != page.title:
                entries.append(current)
            current = {"t": f"{page.title}: {el.get_text(' ', strip=True).rstrip('#').strip()}",
                       "u": f"{page.href}#{el.get('id', '')}", "x": []}
        else:
            current["x"].append(el.get_text(" ", strip=True))
    entries.append(current)
    return [{"t": e["t"], "u": e["u"], "x": " ".join(e["x"])[:1500]} for e in entries]


# -- PDF ---------------------------------------------------------------------------------------------------
def find_chromium() -> str | None:
    configured = os.environ.get("KURS_CHROMIUM")
    for candidate in [configured] if configured else CHROMIUM_CANDIDATES:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def print_pdf(chromium: str, page_file: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_file.resolve().as_uri()]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not pdf.is_file():
        raise SiteError(f"Chromium kunde inte skriva {pdf.name}: {result.stderr.strip()[-300:]}")


# -- the build ----------------------------------------------------------------------------------------------
def _template():
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(resources.files("upphandlingskurs.content") /
                                                                  "site_templates")),
                             autoescape=jinja2.select_autoescape(["html", "j2"]))
    return env.get_template("page.html.j2")


def collect_pages(repo: Path) -> list[Page]:
    course = repo / "course"
    pages = [Page("index", "Startsida", "start", course / "index.ipynb", "course/index.ipynb", "Startsida")]
    modules = module_notebooks(course)
    titles = {m.id: m.titel for m in planned_modules()}
    for mid, path in modules.items():
        meta = read_meta(path)
        pages.append(Page(path.stem, f"Modul {mid} – {meta.titel}", "modul", path, f"course/{path.name}",
                          f"{mid} {titles.get(mid, meta.titel)}"))
        if meta.ovning:
            ex = repo / "exercises" / meta.ovning / f"{meta.ovning}.ipynb"
            if ex.is_file():
                pages.append(Page(f"ovningar/{meta.ovning}", f"Övning {mid} – {meta.titel}", "ovning", ex,
                                  f"{meta.ovning}/{ex.name}", f"Övning {mid}"))
    glossary = course / "ordlista.ipynb"
    if glossary.is_file():
        pages.append(Page("ordlista", "Ordlista", "ordlista", glossary, "course/ordlista.ipynb", "Ordlista"))
    guide = course / "workshopguide.ipynb"
    if guide.is_file():  # for the instructor; linked from the start page
        pages.append(Page("workshopguide", "Handledning för workshoppar", "guide", guide, "course/workshopguide.ipynb",
                          "Handledning för workshoppar"))
    return pages


def build(repo: Path, out: Path | None = None, *, pdf: bool | None = None, cache_dir: Path | None = None,
          workers: int = 2) -> BuildReport:
    """Build the website into ``out`` (default ``build/webb``); ``pdf=None`` prints PDFs when Chromium exists."""
    started = time.monotonic()
    repo = Path(repo).resolve()
    out = (repo / SITE_DIR) if out is None else Path(out)
    cache_dir = (repo / CACHE_DIR) if cache_dir is None else Path(cache_dir)
    report = BuildReport(out)
    pages = collect_pages(repo)
    by_key = {p.slug: p for p in pages}
    by_key.update({p.source.stem: p for p in pages if p.kind != "ovning"})
    chromium = find_chromium() if pdf is not False else None
    if pdf and chromium is None:
        raise SiteError("Chromium saknas (/usr/bin/chromium): installera Debian-paketet chromium för PDF-filerna")
    if chromium is None:
        report.pdf_note = ("PDF-filerna hoppades över: " +
                           ("Chromium saknas (/usr/bin/chromium)" if pdf is None else "byggt utan PDF"))

    if out.exists():
        shutil.rmtree(out)
    (out / "arbetsblad" / "ovningar").mkdir(parents=True)
    (out / "ovningar").mkdir()
    (out / "pdf").mkdir()

    # downloads: the notebooks themselves (the lecture notebooks, and the exercises without solutions)
    downloads = {}
    for p in pages:
        target = f"arbetsblad/{'ovningar/' if p.kind == 'ovning' else ''}{p.source.name}"
        nb = nbformat.read(p.source, as_version=4)
        if p.kind == "ovning":
            nb = exercise_for_web(nb)
        nbformat.write(nb, out / target)
        downloads.setdefault(p.source.name, target)
        p.download = target

    def executed(p: Page):
        return execute(p.source, repo, cache_dir)

    modules = [p for p in pages if p.kind == "modul"]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = dict(zip([p.slug for p in modules], pool.map(executed, modules)))
    for p in pages:
        if p.kind == "modul":
            nb, from_cache = results[p.slug]
            (report.cached if from_cache else report.executed).append(p.source.name)
            static_widgets(nb)
        else:
            nb = nbformat.read(p.source, as_version=4)
            if p.kind == "ovning":
                nb = exercise_for_web(nb)
        p.body = rewrite_links(notebook_body(nb), p, by_key, downloads)

    template, hub_settings = _template(), hub()
    index = []
    css = (resources.files("upphandlingskurs.content") / "site_templates" / "kurs.css").read_text(encoding="utf-8")
    js = (resources.files("upphandlingskurs.content") / "site_templates" / "sok.js").read_text(encoding="utf-8")
    (out / "kurs.css").write_text(css, encoding="utf-8")
    (out / "sok.js").write_text(js, encoding="utf-8")
    for p in pages:
        if p.kind == "modul" and chromium:
            p.pdf = f"pdf/{p.source.stem}.pdf"
        index += search_entries(p)
    (out / "sokindex.js").write_text("window.KURS_SOKINDEX = " + json.dumps(index, ensure_ascii=False) + ";\n",
                                     encoding="utf-8")
    for p in pages:
        prefix = "../" * p.slug.count("/")
        problems = leaks(p.body)
        if problems:
            raise SiteError(f"{p.source.name}: sidan innehåller {', '.join(problems)} – byggs inte")
        hub_url = hub_settings.url_for(p.repo_path, in_course=p.kind != "ovning")
        text = template.render(page=p, pages=pages, prefix=prefix, hub_url=hub_url, download=prefix + p.download,
                               body=p.body)
        target = out / p.href
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    report.pages = pages
    if chromium:
        for p in pages:
            if p.pdf:
                print_pdf(chromium, out / p.href, out / p.pdf)
                report.pdfs.append(out / p.pdf)
    report.seconds = time.monotonic() - started
    return report


def main(argv: list[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m upphandlingskurs.content.site",
                                     description="Bygg kursens webbplats (build/webb/).")
    parser.add_argument("kommando", choices=["build"], nargs="?", default="build")
    parser.add_argument("--ut", type=Path, default=None, help="mappen webbplatsen skrivs till (build/webb)")
    parser.add_argument("--utan-pdf", action="store_true", help="skriv inga PDF-filer")
    args = parser.parse_args(argv)
    try:
        report = build(Path.cwd(), args.ut, pdf=False if args.utan_pdf else None)
    except SiteError as e:
        print(f"Webbplatsen byggdes inte: {e}", file=sys.stderr)
        return 1
    print(report.summary())
    print(f"Öppna {report.out / 'index.html'} i en webbläsare.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
