"""An overview of the course: modules, participants, submitted, graded, not gradable, pending manual grading."""
from __future__ import annotations

from dataclasses import dataclass

from . import report as reports
from .course import Course
from .report import NOT_GRADED


@dataclass
class ModuleStatus:
    module: str
    in_gradebook: bool
    submitted: int
    graded: int
    not_graded: int
    pending_manual: int
    feedback: int


def overview(course: Course) -> tuple[list[ModuleStatus], list[str]]:
    """Per-module counts and the list of known participants (gradebook and submitted/)."""
    from nbgrader.api import MissingEntry

    rows = []
    participants = set(course.submitted())
    with course.gradebook() as gb:
        participants |= {s.id for s in gb.students}
        for module in course.modules():
            notes = reports.load(course, module)
            failed = {p for p, o in notes.items() if o.status == NOT_GRADED}
            submitted = set(course.submitted(module))
            try:
                subs = gb.find_assignment(module).submissions
                in_gb = True
            except MissingEntry:
                subs, in_gb = [], False
            graded = {s.student.id for s in subs
                      if s.student.id not in failed and course.path("autograded", s.student.id, module).is_dir()}
            pending = sum(1 for s in subs if s.student.id in graded and s.needs_manual_grade)
            feedback = sum(1 for p in course.root.glob(f"feedback/*/{module}") if any(p.glob("*.html")))
            rows.append(ModuleStatus(module, in_gb, len(submitted), len(graded), len(failed & submitted),
                                     pending, feedback))
    return rows, sorted(participants)


# --- results per question ("vanliga missförstånd") -------------------------------------------------------
@dataclass
class QuestionResult:
    """How the participants did on one graded cell of a module, without names."""
    module: str
    question: str          # the grade cell's id (grade_id)
    kind: str              # "automatisk" or "manuell"
    max_score: float
    full: int = 0
    partial: int = 0
    zero: int = 0
    pending_manual: int = 0
    not_graded: int = 0    # submitted, but not (yet) graded or not gradable
    not_submitted: int = 0
    points: float = 0.0    # sum of the points of those with a score

    @property
    def scored(self) -> int:
        return self.full + self.partial + self.zero

    @property
    def share_full(self) -> float | None:
        """Per cent of the scored participants who got full points."""
        return round(100.0 * self.full / self.scored, 1) if self.scored else None

    @property
    def mean(self) -> float | None:
        return round(self.points / self.scored, 2) if self.scored else None


def _question_order(course: Course, module: str) -> list[str]:
    """Grade ids in the order the questions stand in the module's notebooks."""
    import nbformat

    order = []
    for path in sorted(course.path("solutions", module).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and meta.get("grade_id"):
                order.append(meta["grade_id"])
    return order


def participants(course: Course, roster: list[str] | None = None) -> list[str]:
    """Everyone the course knows: the participant list, the gradebook and submitted/."""
    people = set(course.submitted()) | set(roster or [])
    with course.gradebook() as gb:
        people |= {s.id for s in gb.students}
    return sorted(people)


def question_results(course: Course, module: str, roster: list[str] | None = None) -> list[QuestionResult]:
    """Per graded question of a module: full, partial and zero points, pending manual grading, not graded and not
    submitted, counted over every known participant (also those who have submitted nothing)."""
    from nbgrader.api import MissingEntry

    course.check_module(module)
    people = participants(course, roster)
    notes = reports.load(course, module)
    failed = {p for p, o in notes.items() if o.status == NOT_GRADED}
    submitted = set(course.submitted(module))
    results: dict[str, QuestionResult] = {}
    with course.gradebook() as gb:
        try:
            assignment = gb.find_assignment(module)
        except MissingEntry:
            assignment = None
        if assignment is not None:
            for nb in assignment.notebooks:
                for cell in nb.grade_cells:
                    results[cell.name] = QuestionResult(module, cell.name,
                                                        "manuell" if cell.cell_type == "markdown" else "automatisk",
                                                        float(cell.max_score))
            subs = {s.student.id: s for s in assignment.submissions}
        else:
            subs = {}
        for pid in people:
            s = subs.get(pid)
            graded = (s is not None and pid not in failed and course.path("autograded", pid, module).is_dir())
            if not graded:
                for r in results.values():
                    if pid in submitted or s is not None or pid in failed:
                        r.not_graded += 1
                    else:
                        r.not_submitted += 1
                continue
            for nb in s.notebooks:
                for g in nb.grades:
                    r = results.get(g.name)
                    if r is None:
                        continue
                    if g.needs_manual_grade and g.manual_score is None:
                        r.pending_manual += 1
                        continue
                    score = float(g.score or 0)
                    r.points += score
                    if r.max_score and score >= r.max_score:
                        r.full += 1
                    elif score > 0:
                        r.partial += 1
                    else:
                        r.zero += 1
    order = {gid: i for i, gid in enumerate(_question_order(course, module))}
    return sorted(results.values(), key=lambda r: (order.get(r.question, len(order)), r.question))
