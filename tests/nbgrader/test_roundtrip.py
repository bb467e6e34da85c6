"""The nbgrader round trip per assignment (KURSDESIGN §5, §8.5).

For every module: the solution earns all autograded points, the untouched exercise earns zero,
and each wrong (unanswered) answer loses exactly the points of its own question. `nbgrader validate`
passes on the solution and fails on the exercise – judged by its output, since it exits 0 either way.
Feedback is generated in Swedish without the hidden tests.
"""
import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook

from conftest import REPO, assignments
from upphandlingskurs.assignments import generate, nbgrader, scratch_course, solution_submission

pytestmark = pytest.mark.nbgrader
COURSE_ID = "gr-socialt-ansvarsfull-upphandling"


def answer_to_tests(nb) -> dict[str, float]:
    """{answer grade_id: points of the autograded tests that follow it}. Questions must be independent."""
    out, current = {}, None
    for cell in nb.cells:
        m = cell.metadata.get("nbgrader", {})
        if m.get("solution") and cell.cell_type == "code":
            current = m["grade_id"]
            out[current] = 0.0
        elif m.get("grade") and not m.get("solution") and cell.cell_type == "code":
            assert current is not None, f"test {m['grade_id']} comes before any answer cell"
            out[current] += float(m["points"])
    return out


def with_answer_cleared(facit, release, grade_id):
    nb = nbformat.from_dict(facit)
    stub = next(c for c in release.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = stub.source
    return nb


@pytest.fixture(scope="module", params=assignments())
def graded(request, tmp_path_factory):
    name = request.param
    root = scratch_course(REPO, tmp_path_factory.mktemp(name) / "kurs")
    generate(root, [name])
    release_dir = root / "exercises" / name
    students: dict[str, dict[str, nbformat.NotebookNode]] = {"facit": {}, "tom": {}}
    expected_loss: dict[str, float] = {}
    for src in sorted((REPO / "solutions" / name).glob("*.ipynb")):
        facit = solution_submission(src)
        release = nbformat.read(release_dir / src.name, as_version=4)
        students["facit"][src.name] = facit
        students["tom"][src.name] = release
        for grade_id, points in answer_to_tests(facit).items():
            student = f"fel_{src.stem}_{grade_id}".replace("_", "-").lower()
            students[student] = {n: nb for n, nb in students["facit"].items()}
            expected_loss[student] = points
    # every wrong-answer student gets all notebooks; only its own answer is cleared
    for student in expected_loss:
        nb_name, grade_id = next((n, g) for n in students["facit"]
                                 for g in answer_to_tests(students["facit"][n])
                                 if f"fel_{n[:-6]}_{g}".replace("_", "-").lower() == student)
        release = nbformat.read(release_dir / nb_name, as_version=4)
        students[student] = dict(students["facit"])
        students[student][nb_name] = with_answer_cleared(students["facit"][nb_name], release, grade_id)
    for student, nbs in students.items():
        d = root / "submitted" / student / name
        d.mkdir(parents=True)
        for nb_name, nb in nbs.items():
            nbformat.write(nb, d / nb_name)
    proc = nbgrader(["autograde", name], root)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", COURSE_ID) as gb:
        maximum = gb.find_assignment(name).max_code_score
        scores = {s: gb.find_submission(name, s).code_score for s in students}
    return {"name": name, "root": root, "max": maximum, "scores": scores, "loss": expected_loss, "log": proc.stderr}


def test_solution_earns_all_autograded_points(graded):
    assert graded["max"] > 0
    assert graded["scores"]["facit"] == pytest.approx(graded["max"]), graded["log"][-3000:]


def test_untouched_exercise_earns_zero(graded):
    assert graded["scores"]["tom"] == 0


def test_each_wrong_answer_loses_exactly_its_own_points(graded):
    assert graded["loss"], "no autograded answers"
    for student, loss in graded["loss"].items():
        assert loss > 0, f"{student}: answer without a test"
        assert graded["scores"][student] == pytest.approx(graded["max"] - loss), student


def test_validate_passes_on_solution_and_fails_on_exercise(graded, tmp_path):
    root, name = graded["root"], graded["name"]
    for nb_path in sorted((root / "exercises" / name).glob("*.ipynb")):
        solved = tmp_path / f"facit_{nb_path.name}"
        shutil.copy(root / "submitted" / "facit" / name / nb_path.name, solved)
        ok = nbgrader(["validate", str(solved)], root, check=False)
        assert ok.returncode == 0
        assert "Success! Your notebook passes all the tests." in ok.stdout, ok.stdout + ok.stderr
        bad = nbgrader(["validate", str(nb_path)], root, check=False)
        assert bad.returncode == 0  # nbgrader exits 0 even on failure: judge by the output
        assert "KONTROLLEN HITTADE PROBLEM" in bad.stdout, bad.stdout + bad.stderr
        assert "Success!" not in bad.stdout


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
