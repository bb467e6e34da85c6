"""Broken and hostile submissions go through one batch together with good ones (issue 6).

For each case: the batch completes; the broken one is listed with a plain Swedish reason; no points are
earned that were not deserved; the others' grades are unchanged; running again gives the same result;
nothing in the gradebook or the submissions is lost.
"""
from __future__ import annotations

import hashlib

import pytest

from grading_helpers import MODULE, REPO, make_course, require
from corpus import CASES, Material
from upphandlingskurs.grading.autograde import Settings, grade_module
from upphandlingskurs.grading.course import Course
from upphandlingskurs.grading.report import NOT_GRADED
from upphandlingskurs.grading.sandbox import sandbox_mode

# one worker runs the whole module: its fixture grades a batch once (make test uses --dist loadgroup)
pytestmark = [pytest.mark.nbgrader, pytest.mark.xdist_group("grading:korpus")]
SETTINGS = Settings(cell_timeout=4)
RERUN = ["oandlig-loop", "karnkrasch", "karnkrasch-sista-svaret", "dubblerad-cell", "inte-json",
         "skriver-over-andra"]


def tree_hash(path):
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(path)).encode() + p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = make_course(tmp_path_factory.mktemp("korpus") / "kurs")
    material = Material(REPO, MODULE, root)
    for case in CASES:
        case.build(material, root / "submitted" / case.name / MODULE)
    course = Course(root)
    before = tree_hash(root / "submitted")
    first = {o.participant: o for o in grade_module(course, MODULE, workers=2, settings=SETTINGS)}
    after_first = tree_hash(root / "submitted")
    facit_graded = tree_hash(root / "autograded" / "facit-a")
    # Again: unchanged submissions are kept; a forced re-run grades the tricky ones from scratch, among them
    # the one that tries to overwrite facit-a's results (facit-a is graded by now).
    kept = {o.participant: o for o in grade_module(course, MODULE, workers=2, settings=SETTINGS)}
    second = {o.participant: o for o in grade_module(course, MODULE, RERUN, workers=2, settings=SETTINGS,
                                                     force=True)}
    with course.gradebook() as gb:
        max_code = gb.find_assignment(MODULE).max_code_score
        scores = {s.student.id: s.code_score for s in gb.find_assignment(MODULE).submissions}
    return dict(root=root, course=course, material=material, first=first, second=second, kept=kept, max=max_code,
                scores=scores, hashes=(before, after_first, tree_hash(root / "submitted")),
                facit=(facit_graded, tree_hash(root / "autograded" / "facit-a")))


def test_batch_completes_and_lists_every_submission(batch):
    assert set(batch["first"]) == {c.name for c in CASES}
    assert batch["max"] > 0


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_is_graded_as_deserved_with_a_plain_reason(batch, case):
    if case.needs_sandbox:
        require(sandbox_mode() == "bwrap", "bubblewrap (bwrap) saknas: sandlådan kan inte testas här")
    o = batch["first"][case.name]
    full, first = batch["max"], batch["material"].answer_points
    if not case.graded:
        assert o.status == NOT_GRADED, o
        assert o.points is None
    else:
        assert o.status != NOT_GRADED, o
        last = batch["material"].last_points
        expected = {"full": full, "zero": 0.0, "full-minus-first": full - first, "full-minus-last": full - last}[case.points]
        assert batch["scores"][case.name] == pytest.approx(expected), o
    text = " ".join(o.reasons).lower()
    if case.reason is None:
        assert not o.reasons or case.needs_sandbox, o.reasons
    else:
        assert case.reason in text, o.reasons
        assert "traceback" not in text


def test_a_kernel_crash_names_the_cell_and_keeps_the_other_answers(batch):
    """os._exit() in one answer cell: graded again with that cell's stub; the reason names the cell."""
    m = batch["material"]
    for name, gid in (("karnkrasch", m.answer), ("karnkrasch-sista-svaret", m.last_answer)):
        o = batch["first"][name]
        assert o.status == "rättad med anmärkning", o
        assert any(f"Cellen {gid} avslutade Python" in r for r in o.reasons), o.reasons
        assert 0 < batch["scores"][name] < batch["max"]


def test_old_notebook_format_is_converted_graded_and_reported(batch):
    o = batch["first"]["gammalt-format"]
    assert o.status == "rättad med anmärkning" and batch["scores"]["gammalt-format"] == pytest.approx(batch["max"])
    assert any("formatet 3" in r and "konverterades" in r for r in o.reasons), o.reasons


def test_rerun_gives_the_same_result(batch):
    assert set(batch["second"]) == set(RERUN)
    for name, again in batch["second"].items():
        o = batch["first"][name]
        assert (again.status, again.points, again.reasons) == (o.status, o.points, o.reasons), name


def test_rerun_keeps_unchanged_submissions(batch):
    for name, o in batch["first"].items():
        kept = batch["kept"][name]
        assert kept.kept and kept.status == ("redan rättad" if o.ok else NOT_GRADED), name
        assert (kept.points, kept.reasons) == (o.points, o.reasons), name


def test_nothing_in_the_submissions_is_lost(batch):
    before, after_first, after_all = batch["hashes"]
    assert before == after_first == after_all


def test_good_participants_are_unaffected(batch):
    assert batch["scores"]["facit-a"] == batch["scores"]["facit-b"] == pytest.approx(batch["max"])
    require(sandbox_mode() == "bwrap", "bubblewrap (bwrap) saknas: sandlådan kan inte testas här")
    assert batch["facit"][0] == batch["facit"][1], "another participant's code changed facit-a's results"


def test_gradebook_keeps_every_graded_submission(batch):
    graded = {n for n, o in batch["first"].items() if o.status != NOT_GRADED}
    assert graded <= set(batch["scores"])
    assert (batch["root"] / "gradebook.db").stat().st_size > 0
