"""The course website in a real browser (KURSDESIGN §8, step 9; issue 15).

The site is built once per test session (``upphandlingskurs.content.site.build``, with a PDF per module; the
executed notebooks are cached in ``build/webb-cache/``, shared with ``make webb``), served from 127.0.0.1 by a
small HTTP server that the session stops again, and opened in Debian's Chromium:

1. every page loads, with ``lang="sv"``, a title and no script errors;
2. no internal link is broken (the page exists, and so does the ``#anchor`` on it);
3. no page and no downloadable notebook shows a solution, a hidden test, an example answer or a solution value;
4. every module page has its key points (Nyckelpunkter) and sources (Källor); the start page has the role
   paths and links the glossary; every page links its notebook on the course's JupyterHub;
5. axe-core (WCAG 2.1 A/AA and best practice) finds nothing: the pages are all ours;
6. the search box finds a term; each module has a PDF;
7. the site's size and build time are printed (and written to ``test-artefacts/webb.txt``).
"""
from __future__ import annotations

import functools
import http.server
import re
import threading
import time
import urllib.parse
from pathlib import Path

import nbformat
import pytest

from upphandlingskurs.content.curriculum import hub, module_notebooks, role_paths
from upphandlingskurs.content.site import LEAK_MARKERS, build

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BUILD_BUDGET_S = 180


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # no request log on the test output
        pass


@pytest.fixture(scope="session")
def website(tmp_path_factory, chromium_path):
    out = tmp_path_factory.mktemp("webb") / "webb"
    started = time.monotonic()
    report = build(REPO, out, pdf=True)
    report.seconds = time.monotonic() - started
    return report


@pytest.fixture(scope="session")
def site_url(website):
    handler = functools.partial(_QuietHandler, directory=str(website.out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def site_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def page_files(website) -> list[Path]:
    return sorted(website.out.rglob("*.html"))


def rel_url(website, path: Path) -> str:
    return str(path.relative_to(website.out))


def solution_values() -> list[str]:
    """The answer lines inside the solution blocks of solutions/ (e.g. ``svar_3 = "B"``)."""
    values = set()
    for path in sorted((REPO / "solutions").glob("*/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for block in re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, re.S):
                for line in block.splitlines():
                    line = line.strip()
                    if re.match(r"^\w+\s*=\s*\S", line) and not line.endswith("= None"):
                        values.add(line)
                    elif len(line) > 40 and not line.startswith("#"):  # example answers (free text)
                        values.add(line)
    return sorted(values)


def test_site_size_and_build_time(website, artefacts):
    size_mb = website.size_bytes / 1_000_000
    line = (f"Webbplatsen: {len(website.pages)} sidor, {len(website.pdfs)} PDF-filer, {size_mb:.1f} MB, "
            f"byggd på {website.seconds:.1f} s (körda notebookar: {len(website.executed)}, "
            f"från cachen: {len(website.cached)})")
    print(line)
    (artefacts / "webb.txt").write_text(line + "\n", encoding="utf-8")
    assert size_mb < 50 and website.seconds < BUILD_BUDGET_S, line


def test_every_page_loads_in_swedish_without_errors(website, site_url, site_page):
    assert len(page_files(website)) == len(website.pages)
    errors = []

    def on_error(error):
        errors.append(f"{site_page.url}: {error}")

    site_page.on("pageerror", on_error)
    for path in page_files(website):
        response = site_page.goto(site_url + rel_url(website, path))
        assert response is not None and response.ok, path
        assert site_page.evaluate("document.documentElement.lang") == "sv"
        assert site_page.title().strip()
        assert site_page.locator("nav a[aria-current=page]").count() == 1
    site_page.remove_listener("pageerror", on_error)
    assert not errors, errors


def test_no_internal_link_is_broken(website):
    from bs4 import BeautifulSoup
    ids = {}
    for path in page_files(website):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids[path.resolve()] = {el["id"] for el in soup.find_all(id=True)}
    broken = []
    for path in page_files(website):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for el in soup.find_all(["a", "link", "script", "img"]):
            ref = el.get("href") or el.get("src")
            if not ref or ref.startswith(("http://", "https://", "mailto:", "data:", "javascript:")):
                continue
            target, _, frag = ref.partition("#")
            file = (path.parent / urllib.parse.unquote(target)).resolve() if target else path.resolve()
            if not file.is_file():
                broken.append(f"{rel_url(website, path)}: {ref} (filen finns inte)")
            elif frag and file.suffix == ".html" and urllib.parse.unquote(frag) not in ids.get(file, set()):
                broken.append(f"{rel_url(website, path)}: {ref} (ankaret finns inte)")
    assert not broken, "\n".join(broken)


def test_no_solution_hidden_test_or_example_answer_anywhere(website):
    """No marker anywhere; no solution value on an exercise page, nor on any page unless the lecture shows it.

    (A lecture may show a line that is also a solution: module 00 teaches the answer format with ``svar_1 = "B"``,
    and module 04's optional pandas steps are the code of its deepening. The course notebook already shows
    those lines in JupyterLab; the website adds nothing.)
    """
    values = solution_values()
    assert values, "found no solution values to look for"
    lectures = "\n".join(c.source for p in sorted((REPO / "course").glob("*.ipynb"))
                         for c in nbformat.read(p, as_version=4).cells)
    found = []
    files = page_files(website) + sorted(website.out.rglob("*.ipynb")) + [website.out / "sokindex.js"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":  # the notebook as a participant reads it: its cells' text
            text = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells)
        exercise = "ovningar" in path.parts
        found += [f"{rel_url(website, path)}: {m}" for m in LEAK_MARKERS if m in text]
        found += [f"{rel_url(website, path)}: lösningen {v!r}" for v in values
                  if v in text and (exercise or v not in lectures)]
    assert not found, "\n".join(found)


def test_every_module_page_has_its_key_points_and_sources(website):
    from bs4 import BeautifulSoup
    for nb in module_notebooks(REPO / "course").values():
        soup = BeautifulSoup((website.out / f"{nb.stem}.html").read_text(encoding="utf-8"), "html.parser")
        headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in soup.find_all(["h2", "h3"])]
        for wanted in ("Nyckelpunkter", "Källor"):
            assert any(h.startswith(wanted) for h in headings), f"{nb.stem}: '{wanted}' saknas"
        items = soup.find(id="Nyckelpunkter").find_next(["ul", "ol"]).find_all("li")
        assert len(items) >= 2, f"{nb.stem}: nyckelpunkterna är tomma"


def test_start_page_has_the_paths_and_the_glossary_and_every_page_its_notebook(website, site_url, site_page):
    site_page.goto(site_url + "index.html")
    text = site_page.locator("main").inner_text()
    assert "Välj din väg" in text and text.count("Du tar med dig:") == len(role_paths())
    assert site_page.locator("main a[href='ordlista.html']").count() >= 1
    address = hub().url_for("course/index.ipynb")
    assert site_page.locator(f"a[href='{address}']").count() == 1
    for path in page_files(website):
        html_text = path.read_text(encoding="utf-8")
        assert "/hub/user-redirect/" in html_text and "Ladda ned notebooken" in html_text, path.name


def test_the_glossary_page_lists_the_terms(website):
    from upphandlingskurs.content.glossary import terms
    text = (website.out / "ordlista.html").read_text(encoding="utf-8")
    missing = [t.term for t in terms() if f'id="{t.anchor}"' not in text]
    assert not missing, missing


def test_search_finds_a_term(site_url, site_page):
    site_page.goto(site_url + "01_upphandling_social_hallbarhet.html")
    site_page.fill("#sokfalt", "reserverad upphandling")
    site_page.wait_for_function("document.querySelectorAll('#sokresultat li').length > 0", timeout=5000)
    first = site_page.locator("#sokresultat li a").first
    assert "träff" in site_page.locator("#sokstatus").inner_text()
    first.click()
    site_page.wait_for_load_state()
    assert "reserverad upphandling" in site_page.locator("main").inner_text().lower()


def test_accessibility_of_every_page(website, site_url, site_page, axe_source, artefacts):
    problems = []
    for path in page_files(website):
        site_page.goto(site_url + rel_url(website, path))
        site_page.add_script_tag(content=axe_source)
        violations = site_page.evaluate(
            """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
                 .map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""",
            AXE_TAGS)
        problems += [f"{rel_url(website, path)}: {v['id']} – {v['help']} ({'; '.join(v['nodes'])})"
                     for v in violations]
    (artefacts / "axe" / "webb.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")
    assert not problems, "\n".join(problems)


def test_each_module_has_a_pdf_for_print(website):
    modules = module_notebooks(REPO / "course")
    assert {p.stem for p in website.pdfs} == {nb.stem for nb in modules.values()}
    for pdf in website.pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 10_000, pdf.name
