"""Feedback in Swedish, without the hidden tests (nbgrader generate_feedback with ClearHiddenTests)."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import nbgrader

from .course import Course, CourseError

TEMPLATES = Path(__file__).parent / "templates"
HIDDEN_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


@dataclass
class FeedbackReport:
    written: dict[str, list[Path]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    released: bool = False


def _template_base() -> Path:
    base = Path(tempfile.gettempdir()) / f"kurs-mallar-{os.getuid()}"
    target = base / "feedback"
    target.mkdir(parents=True, exist_ok=True)
    for src in (TEMPLATES / "aterkoppling").iterdir():
        shutil.copy2(src, target / src.name)
    return base


def _config(course: Course):
    cfg = course.config()
    nbgrader_templates = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    # Our Swedish copy of nbgrader's feedback template comes first. nbgrader looks for a template
    # folder named "feedback"; the package keeps it as templates/aterkoppling/ (so that no folder named
    # like the participant-data folder feedback/ is tracked) and lays it out under that name here.
    cfg.HTMLExporter.extra_template_basedirs = [str(_template_base()), str(nbgrader_templates)]
    pre = list(cfg.GenerateFeedback.get("preprocessors", []))
    if "nbgrader.preprocessors.ClearHiddenTests" not in pre:
        raise CourseError("nbgrader_config.py saknar ClearHiddenTests i GenerateFeedback.preprocessors: "
                          "återkopplingen skulle visa de dolda testerna.")
    return cfg


def generate(course: Course, module: str, participants: list[str] | None = None, *, release: bool = False,
             on_start: Callable[[int], None] | None = None,
             on_done: Callable[[str, bool], None] | None = None) -> FeedbackReport:
    """Write feedback/<deltagare>/<modul>/*.html for every autograded participant (or the given ones)."""
    course.check_module(module)
    graded = sorted(p.parent.name for p in course.root.glob(f"autograded/*/{module}") if p.is_dir())
    todo = [p for p in (participants or graded) if p in graded]
    report = FeedbackReport()
    api = course.api(_config(course))
    if on_start:
        on_start(len(todo))
    for p in todo:
        result = api.generate_feedback(module, p, force=True)
        pages = sorted(course.path("feedback", p, module).glob("*.html"))
        leaked = [page for page in pages if any(m in page.read_text(encoding="utf-8") for m in HIDDEN_MARKERS)]
        for page in leaked:          # never hand out hidden tests, whatever the configuration says
            os.remove(page)
        if result["success"] and pages and not leaked:
            report.written[p] = pages
        else:
            report.failed[p] = ("återkopplingen visade dolda tester och togs bort" if leaked
                                else "nbgrader kunde inte skapa återkopplingen")
        if on_done:
            on_done(p, p in report.written)
    if release and report.written:
        for p in report.written:
            result = api.release_feedback(module, p)
            if not result["success"]:
                report.failed[p] = "återkopplingen kunde inte delas ut till JupyterHub"
        report.released = True
    return report
