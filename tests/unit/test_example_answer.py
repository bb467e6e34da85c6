"""Example answers for self-study (widgets/example_answer.py): extraction, release, the 'write first' rule."""
from __future__ import annotations

import json
import re

import nbformat
import pytest
from typer.testing import CliRunner

from conftest import REPO, solution_notebooks
from upphandlingskurs.widgets import example_answer as ea

STUB = "SKRIV DITT SVAR HÄR (dubbelklicka på cellen för att skriva)."
EXAMPLE = "Stödet till unga kan vara ett **IOP**: initiativet kommer från jouren."


def _answer_cell(source: str, grade_id: str = "svar_9") -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "locked": False, "points": 3,
                                 "schema_version": 3, "solution": True, "task": False}
    return cell


def _notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## Fråga 9\n\n**Så bedöms svaret**\n\n- 3 p: ..."), *cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.fixture
def course(tmp_path):
    """A course folder: solutions/03_iop with an example answer, and the participant's copy with the stub."""
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    _notebook(tmp_path / "solutions" / "03_iop" / "03_iop.ipynb",
              _answer_cell(f"### BEGIN SOLUTION\n*Exempelsvar:* {EXAMPLE}\n### END SOLUTION"),
              _answer_cell("### BEGIN SOLUTION\n*Exempelsvar:*\n\n1. Ett.\n2. Två.\n\n**Bedömningsmall (4 poäng)**\n\n"
                           "- 4 p: ...\n### END SOLUTION", "svar_10"))
    participant = _notebook(tmp_path / "exercises" / "03_iop" / "03_iop.ipynb", _answer_cell(STUB),
                            _answer_cell(STUB, "svar_10"))
    return tmp_path, participant


def _write_answer(path, grade_id, text):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = text
    nbformat.write(nb, path)


SELF_STUDY = {}  # no JUPYTERHUB_USER, no KURS_ROOT: the solutions/ folder above the notebook


def test_extracts_only_the_example_answer(course):
    root, _ = course
    answers = ea.extract_example_answers(root / "solutions" / "03_iop" / "03_iop.ipynb")
    assert answers["svar_9"] == EXAMPLE
    assert answers["svar_10"] == "1. Ett.\n2. Två."  # a rubric left in the solution cell is not shown


def test_every_solution_notebooks_free_text_answer_has_an_example_answer():
    for path in solution_notebooks():
        nb = nbformat.read(path, as_version=4)
        free_text = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells
                     if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("solution")]
        assert sorted(ea.extract_example_answers(path)) == sorted(free_text), path.name


@pytest.mark.parametrize("text, written", [
    (STUB, False), ("", False), ("   ", False), ("YOUR ANSWER HERE", False), (STUB + "\n\nJa.", False),
    ("Ett IOP passar här.", True), (STUB + "\n\nJag tror att ett IOP passar.", True),
])
def test_written_means_an_answer_of_ones_own(text, written):
    assert ea.has_written(text) is written


def test_text_handed_out_in_the_answer_cell_does_not_count_as_written():
    template = "Mitt svar om kommunens beslut:\n### BEGIN SOLUTION\n*Exempelsvar:* x\n### END SOLUTION"
    templates = ea.answer_templates({"cells": [_answer_cell(template)]})
    handed_out = "Mitt svar om kommunens beslut:\n" + STUB
    assert ea.has_written(handed_out) and not ea.has_written(handed_out, templates["svar_9"])
    assert ea.has_written(handed_out + "\nJouren tog initiativet.", templates["svar_9"])


def test_write_first_then_the_example_answer(course):
    root, participant = course
    cwd = participant.parent
    outcome = ea.example_answer_for("03", "svar_9", environ=SELF_STUDY, cwd=cwd, session=str(participant))
    assert not outcome.shown and "Skriv först ditt eget svar" in outcome.message and "Ctrl + S" in outcome.message
    _write_answer(participant, "svar_9", "Jouren tog initiativet, så ett IOP kan passa.")
    outcome = ea.example_answer_for("03", "svar_9", environ=SELF_STUDY, cwd=cwd, session=str(participant))
    assert outcome.shown and outcome.text == EXAMPLE
    # the other question is still unanswered
    assert not ea.example_answer_for("03", "svar_10", environ=SELF_STUDY, cwd=cwd, session=str(participant)).shown


def test_the_notebook_is_found_without_a_session_name_and_from_a_relative_one(course):
    root, participant = course
    _write_answer(participant, "svar_9", "Jouren tog initiativet, så ett IOP kan passa.")
    assert ea.locate_notebook("svar_9", environ={}, cwd=participant.parent) == participant
    assert ea.locate_notebook("svar_9", environ={"JPY_SESSION_NAME": "exercises/03_iop/03_iop.ipynb"},
                              cwd=participant.parent) == participant
    assert ea.locate_notebook("svar_9", environ={}, cwd=root) is None
    outcome = ea.example_answer_for("03", "svar_9", environ={}, cwd=root)
    assert not outcome.shown and "Spara den" in outcome.message


def test_workshop_needs_the_instructors_release(course, tmp_path_factory):
    root, participant = course
    exchange = tmp_path_factory.mktemp("exchange")
    hub = {"JUPYTERHUB_USER": "deltagare1", "KURS_EXCHANGE": str(exchange), "KURS_COURSE_ID": "kursen"}
    _write_answer(participant, "svar_9", "Jouren tog initiativet, så ett IOP kan passa.")
    outcome = ea.example_answer_for("03", "svar_9", environ=hub, cwd=participant.parent, session=str(participant))
    assert not outcome.shown and "inte släppta än" in outcome.message  # although solutions/ is right there
    target = ea.release_path("03_iop", environ=hub)
    assert target == exchange / "kursen" / "exempelsvar" / "03.json"
    ea.release(root / "solutions" / "03_iop" / "03_iop.ipynb", target, "03")
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    outcome = ea.example_answer_for("03", "svar_9", environ=hub, cwd=participant.parent, session=str(participant))
    assert outcome.shown and outcome.text == EXAMPLE
    # still: write first
    assert not ea.example_answer_for("03", "svar_10", environ=hub, cwd=participant.parent,
                                     session=str(participant)).shown
    assert ea.withdraw(target) and not ea.withdraw(target)
    assert not ea.example_answer_for("03", "svar_9", environ=hub, cwd=participant.parent,
                                     session=str(participant)).shown


def test_kurs_exempelsvar_releases_and_withdraws(course, tmp_path_factory, monkeypatch):
    from upphandlingskurs.cli import app

    exchange = tmp_path_factory.mktemp("exchange")
    monkeypatch.setenv("KURS_EXCHANGE", str(exchange))
    monkeypatch.delenv("KURS_ROOT", raising=False)
    runner = CliRunner()
    result = runner.invoke(app, ["exempelsvar", "03", "--kurs", str(REPO)])
    assert result.exit_code == 0, result.output
    released = json.loads((exchange / "gr-socialt-ansvarsfull-upphandling" / "exempelsvar" / "03.json").read_text())
    assert released["modul"] == "03" and released["exempelsvar"]
    assert all(not re.search(r"Bedömningsmall|BEGIN SOLUTION", t) for t in released["exempelsvar"].values())
    result = runner.invoke(app, ["exempelsvar", "03", "--dra-tillbaka", "--kurs", str(REPO)])
    assert result.exit_code == 0 and "indragna" in result.output
    result = runner.invoke(app, ["exempelsvar", "99", "--kurs", str(REPO)])
    assert result.exit_code == 1 and "finns inte" in result.output


def test_the_exercises_do_not_contain_the_example_answers():
    for path in sorted((REPO / "exercises").glob("*/*.ipynb")):
        assert ea.MARKER not in path.read_text(encoding="utf-8"), path.name


def test_module_number():
    assert ea.module_number("3") == ea.module_number("03_iop") == ea.module_number(3) == "03"
    with pytest.raises(ea.ExampleAnswerError):
        ea.module_number("iop")


def test_widget_headless(course, monkeypatch):
    root, participant = course
    monkeypatch.chdir(participant.parent)
    monkeypatch.setenv("JPY_SESSION_NAME", str(participant))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("KURS_ROOT", raising=False)
    box = ea.example_answer_button("03", "svar_9")
    button, shown = box.children
    assert button.description == "Visa exempelsvar"
    assert "Exempelsvar</strong>" not in shown.value
    button.click()
    assert "Skriv först ditt eget svar" in shown.value
    _write_answer(participant, "svar_9", "Jouren tog initiativet, så ett IOP kan passa.")
    button.click()
    assert "<strong>IOP</strong>" in shown.value and "Exempelsvar" in shown.value
