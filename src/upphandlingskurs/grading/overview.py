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
