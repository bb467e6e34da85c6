"""Notebook hygiene (KURSDESIGN §8.2): clean notebooks, valid nbgrader metadata, Swedish stubs, no personal data."""
import re
import subprocess

import nbformat
import pytest

from conftest import REPO, all_notebooks, exercise_notebooks, rel, solution_notebooks


@pytest.mark.parametrize("path", all_notebooks(), ids=rel)
def test_notebook_is_valid_and_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has outputs"
            assert cell.execution_count is None, f"cell {i} has an execution count"


def _nbgrader_cells(nb):
    return [(i, c, c.metadata["nbgrader"]) for i, c in enumerate(nb.cells) if "nbgrader" in c.metadata]


@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_solution_nbgrader_metadata(path):
    nb = nbformat.read(path, as_version=4)
    cells = _nbgrader_cells(nb)
    ids = [m["grade_id"] for _, _, m in cells]
    assert len(ids) == len(set(ids)), f"duplicate grade ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    assert any(m.get("grade") and not m.get("solution") for _, _, m in cells), "no autograded test cell"
    for i, cell, m in cells:
        assert m.get("schema_version") == 3, f"cell {i}: schema_version"
        assert re.fullmatch(r"[A-Za-z0-9_\-]+", m["grade_id"]), f"cell {i}: grade_id {m['grade_id']!r}"
        if m.get("grade"):
            assert float(m.get("points", 0)) > 0, f"cell {i}: a graded cell needs points"
        if m.get("solution") and cell.cell_type == "code":
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source, f"cell {i}"
            stub = cell.source.split("### BEGIN SOLUTION")[0].strip()
            assert stub, f"cell {i}: an answer cell needs a stub line before the solution (e.g. `svar_1 = None`)"
        if m.get("grade") and not m.get("solution") and cell.cell_type == "code":
            assert "check_answer(" in cell.source or "visible self-check" in cell.source, \
                f"cell {i}: an autograded test needs a visible self-check (check_answer)"
            assert "### BEGIN HIDDEN TESTS" in cell.source, f"cell {i}: an autograded test needs hidden tests"
        if m.get("grade") and m.get("solution") and cell.cell_type == "markdown":
            assert "Bedömningsmall" in cell.source, f"cell {i}: a manually graded answer needs a rubric (Bedömningsmall)"


LEAKS = ["BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "Bedömningsmall", "BEGIN MARK SCHEME"]
ENGLISH_STUBS = ["YOUR CODE HERE", "YOUR ANSWER HERE", "NotImplementedError"]


@pytest.mark.parametrize("path", exercise_notebooks(), ids=rel)
def test_exercise_reveals_nothing_and_has_swedish_stubs(path):
    text = path.read_text(encoding="utf-8")
    for leak in LEAKS + ENGLISH_STUBS:
        assert leak not in text, f"{leak!r} in the participant version"
    assert "SKRIV DITT SVAR HÄR" in text


def test_no_participant_data_is_tracked_by_git():
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    bad = [f for f in files if re.search(r"(^|/)(submitted|autograded|feedback|release|exchange)/", f)
           or f.endswith((".db", ".sqlite")) or f.endswith(".xlsx")]
    assert bad == []


def test_gitignore_covers_participant_data():
    ignored = (REPO / ".gitignore").read_text()
    for entry in ("submitted/", "autograded/", "feedback/", "gradebook.db", ".venv/"):
        assert entry in ignored
