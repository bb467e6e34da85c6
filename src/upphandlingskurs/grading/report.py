"""What happened to each submission: status, points and plain Swedish reasons, kept between runs."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .course import WORK_DIR, Course

GRADED = "rättad"
GRADED_WITH_NOTES = "rättad med anmärkning"
NOT_GRADED = "ej rättad"
SKIPPED = "redan rättad"


@dataclass
class Outcome:
    """The result of grading one participant's submission of one module."""

    participant: str
    module: str
    status: str
    points: float | None = None
    max_points: float | None = None
    reasons: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fingerprint: str = ""
    kept: bool = False      # not graded again: the submission is unchanged since the last run

    @property
    def ok(self) -> bool:
        return self.status in (GRADED, GRADED_WITH_NOTES, SKIPPED)

    def summary(self) -> str:
        return "; ".join(self.reasons) if self.reasons else ""


def report_path(course: Course, module: str) -> Path:
    return course.path(WORK_DIR, "rattning", f"{module}.json")


def load(course: Course, module: str) -> dict[str, Outcome]:
    path = report_path(course, module)
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: Outcome(**v) for k, v in data.items()}


def save(course: Course, module: str, outcomes: list[Outcome]) -> Path:
    """Merge this run's outcomes into the module's report (atomically)."""
    path = report_path(course, module)
    path.parent.mkdir(parents=True, exist_ok=True)
    merged = load(course, module)
    for o in outcomes:
        if o.kept and o.participant in merged:
            continue
        merged[o.participant] = o
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({k: asdict(v) for k, v in sorted(merged.items())}, ensure_ascii=False, indent=1),
                   encoding="utf-8")
    os.replace(tmp, path)
    return path
