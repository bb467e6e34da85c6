"""The nbgrader round trip per assignment (KURSDESIGN §5, §8.5).

For every module: the solution earns all autograded points, the untouched exercise earns zero,
and each wrong (unanswered) answer loses exactly the points of its own question – checked per grade
cell, with every question wrong in one of two submissions, and with a single wrong answer. `nbgrader validate`
passes on the solution and fails on the exercise – judged by its output, since it exits 0 either way.
Feedback is generated in Swedish without the hidden tests.

The submissions are graded the way the instructor grades them, through `kurs rätta`'s fast path
(``grade_modules``: one batch per module, the sandbox, warm kernels), not one plain nbgrader run; the points
are read from nbgrader's gradebook as before. The benchmark (scripts/benchmark_grading.py) checks that this
path gives exactly the points plain `nbgrader autograde` gives.
"""
import re
import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook

from conftest import REPO
from upphandlingskurs.content.assignments import nbgrader, solution_submission
from upphandlingskurs.grading.autograde import Settings, grade_modules
from upphandlingskurs.grading.course import Course

pytestmark = pytest.mark.nbgrader
COURSE_ID = "gr-socialt-ansvarsfull-upphandling"


def answers_with_tests(nb) -> list[tuple[str, list[str], float]]:
    """[(answer grade_id, [its autograded test grade_ids], their points)] in notebook order.

    Each autograded test belongs to the answer cell before it; questions must be independent."""
    out = []
    for cell in nb.cells:
        m = cell.metadata.get("nbgrader", {})
        if m.get("solution") and cell.cell_type == "code":
            out.append((m["grade_id"], [], 0.0))
        elif m.get("grade") and not m.get("solution") and cell.cell_type == "code":
            assert out, f"test {m['grade_id']} comes before any answer cell"
            gid, tests, pts = out[-1]
            out[-1] = (gid, tests + [m["grade_id"]], pts + float(m["points"]))
    return out


def with_answers_cleared(facit, release, grade_ids):
    nb = nbformat.from_dict(facit)
    stubs = {c.metadata["nbgrader"]["grade_id"]: c.source for c in release.cells if "nbgrader" in c.metadata}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in grade_ids:
            cell.source = stubs[gid]
    return nb


_GRADED: dict[str, dict] = {}


@pytest.fixture(scope="session")
def graded(generated_course, assignment):
    # pytest may set up a parametrized session fixture again for the same assignment when the tests of
    # several assignments interleave (e.g. -k "04_ or 05_"); grade each assignment only once.
    if assignment not in _GRADED:
        _GRADED[assignment] = _grade(generated_course, assignment)
    return _GRADED[assignment]


def _grade(generated_course, assignment):
    """Autograde five submissions of one assignment in one batch of `kurs rätta`.

    facit: the solution; tom: the untouched exercise; fel-forsta: only the first answer wrong
    (unanswered); fel-udda / fel-jamna: every other answer wrong, so that together they show that
    each wrong answer costs exactly its own test cells' points (checked per grade cell)."""
    name = assignment
    root = generated_course(name)
    release_dir = root / "exercises" / name
    facit, release, answers = {}, {}, []  # answers: (notebook, answer id, test ids, points)
    for src in sorted((REPO / "solutions" / name).glob("*.ipynb")):
        facit[src.name] = solution_submission(src)
        release[src.name] = nbformat.read(release_dir / src.name, as_version=4)
        answers += [(src.name, *a) for a in answers_with_tests(facit[src.name])]
    assert answers, f"{name}: no autograded answers"
    cleared = {"facit": [], "fel-forsta": answers[:1], "fel-udda": answers[0::2], "fel-jamna": answers[1::2]}
    students = {"tom": dict(release)}
    for student, wrong in cleared.items():
        students[student] = {
            nb: with_answers_cleared(facit[nb], release[nb], {a[1] for a in wrong if a[0] == nb}) for nb in facit}
    for student, nbs in students.items():
        d = root / "submitted" / student / name
        d.mkdir(parents=True)
        for nb_name, nb in nbs.items():
            nbformat.write(nb, d / nb_name)
    outcomes = grade_modules(Course(root), [name], workers=1, settings=Settings(cell_timeout=60))
    log = "\n".join(f"{o.participant}: {o.status} {o.points}/{o.max_points} {o.reasons}" for o in outcomes)
    assert {o.participant for o in outcomes} == set(students), log
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", COURSE_ID) as gb:
        maximum = gb.find_assignment(name).max_code_score
        scores = {s: gb.find_submission(name, s).code_score for s in students}
        cells = {s: {(nb[:-6], t): gb.find_grade(t, nb[:-6], name, s).score
                     for nb, _, tests, _ in answers for t in tests} for s in students}
        max_cells = {(nb[:-6], t): gb.find_grade_cell(t, nb[:-6], name).max_score
                     for nb, _, tests, _ in answers for t in tests}
    return {"name": name, "root": root, "max": maximum, "scores": scores, "cells": cells,
            "max_cells": max_cells, "answers": answers, "cleared": cleared, "log": log}


def test_solution_earns_all_autograded_points(graded):
    assert graded["max"] > 0
    assert graded["scores"]["facit"] == pytest.approx(graded["max"]), graded["log"][-3000:]


def test_untouched_exercise_earns_zero(graded):
    assert graded["scores"]["tom"] == 0


@pytest.mark.parametrize("student", ["fel-forsta", "fel-udda", "fel-jamna"])
def test_each_wrong_answer_loses_exactly_its_own_points(graded, student):
    wrong = graded["cleared"][student]
    lost = sum(points for *_, points in wrong)
    assert all(points > 0 for *_, points in graded["answers"]), "an answer cell without a test"
    assert graded["scores"][student] == pytest.approx(graded["max"] - lost), graded["log"][-3000:]
    wrong_tests = {(nb[:-6], t) for nb, _, tests, _ in wrong for t in tests}
    for cell, score in graded["cells"][student].items():
        expected = 0 if cell in wrong_tests else graded["max_cells"][cell]
        assert score == pytest.approx(expected), f"{student}: {cell} got {score}, expected {expected}"


def test_every_question_is_wrong_in_some_submission(graded):
    covered = {a[1] for s in ("fel-udda", "fel-jamna") for a in graded["cleared"][s]}
    assert covered == {a[1] for a in graded["answers"]}


def test_validate_passes_on_solution_and_fails_on_exercise(graded, tmp_path):
    """One `nbgrader validate` run for all notebooks, solution and exercise in turn (one start of nbgrader)."""
    root, name = graded["root"], graded["name"]
    paths = []
    for nb_path in sorted((root / "exercises" / name).glob("*.ipynb")):
        solved = tmp_path / f"facit_{nb_path.name}"
        shutil.copy(root / "submitted" / "facit" / name / nb_path.name, solved)
        paths += [solved, nb_path]
    run = nbgrader(["validate", *map(str, paths)], root, check=False)
    assert run.returncode == 0, run.stdout + run.stderr  # nbgrader exits 0 even on failure: judge by the output
    verdicts = re.findall(r"Success! Your notebook passes all the tests\.|KONTROLLEN HITTADE PROBLEM", run.stdout)
    assert verdicts == ["Success! Your notebook passes all the tests.", "KONTROLLEN HITTADE PROBLEM"] * (len(paths) // 2), \
        run.stdout + run.stderr


def test_feedback_is_generated_without_hidden_tests(graded):
    root, name = graded["root"], graded["name"]
    nbgrader(["generate_feedback", name, "--student", "tom"], root)
    pages = list((root / "feedback" / "tom" / name).glob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "HIDDEN TESTS" not in html
        assert "check_answer" in html  # the visible self-check is shown
        src = nbformat.read(REPO / "solutions" / name / page.with_suffix(".ipynb").name, as_version=4)
        for cell in src.cells:
            if "### BEGIN HIDDEN TESTS" in cell.source:
                hidden = cell.source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
                for line in filter(None, (l.strip() for l in hidden.splitlines())):
                    assert line not in html.replace("&quot;", '"').replace("&#39;", "'"), line
