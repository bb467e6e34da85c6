"""Module template and the course start page."""
import pytest

from conftest import REPO, module_notebooks, rel
from upphandlingskurs.content.curriculum import index_is_current, index_markdown, planned_modules, read_meta, template_problems


@pytest.mark.parametrize("path", module_notebooks(), ids=rel)
def test_module_follows_the_template(path):
    assert template_problems(path) == []


@pytest.mark.parametrize("path", module_notebooks(), ids=rel)
def test_module_is_in_the_course_plan_and_has_its_exercise(path):
    meta = read_meta(path)
    assert meta.modul in {m.id for m in planned_modules()}
    if meta.ovning:
        assert (REPO / "solutions" / meta.ovning).is_dir(), f"{meta.ovning} saknas i solutions/"
        assert (REPO / "exercises" / meta.ovning).is_dir(), f"{meta.ovning} saknas i exercises/"


def test_start_page_is_current():
    assert index_is_current(REPO / "course"), "kör `make kursplan`"


def test_start_page_lists_every_planned_module_and_marks_missing_ones_as_coming():
    text = index_markdown(REPO / "course")
    written = {p.name[:2] for p in module_notebooks()}
    for m in planned_modules():
        assert m.titel in text
        line = next(line for line in text.splitlines() if m.titel in line)
        assert ("*kommer*" in line) == (m.id not in written)


def test_template_check_finds_missing_parts(tmp_path):
    import nbformat
    from upphandlingskurs.content.authoring import md, notebook, write
    path = write(notebook([md("# Modul 99\n\n## Frågor\n\n- x")], kurs={"modul": "99"}), tmp_path / "99_x.ipynb")
    problems = "\n".join(template_problems(path))
    for part in ("Lärandemål", "Nyckelpunkter", "Källor", "Senast granskad", "metadata"):
        assert part in problems


def test_authoring_gives_stable_cell_ids(tmp_path):
    import nbformat
    from upphandlingskurs.content.authoring import answer, md, notebook, write
    cells = lambda: [md("# A"), answer("svar_1", "svar_1 = None", "svar_1 = 1"), md("B")]
    first = nbformat.read(write(notebook(cells()), tmp_path / "a.ipynb"), as_version=4)
    second = nbformat.read(write(notebook(cells()), tmp_path / "b.ipynb"), as_version=4)
    assert [c.id for c in first.cells] == [c.id for c in second.cells] == ["cell-000", "svar_1", "cell-002"]
