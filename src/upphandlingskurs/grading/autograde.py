"""Autograde a module: every participant in isolation, in parallel workers, never stopping the batch.

One participant's grading is a declared list of small steps (``STEPS``), like nbgrader's preprocessors:

1. ``kontrollera`` – check the submission and stage a clean copy (``precheck.stage``; no code runs);
2. ``rätta``      – ``nbgrader autograde`` for this participant only, with the kernel in the sandbox;
3. ``granska``    – read the graded notebook for timeouts, cut output and errors in answer cells;
4. ``poäng``      – read the points from the gradebook.

Each participant is one task in a pool of worker processes (``pebble``). A task that hangs is stopped at
its deadline, a worker that dies is replaced, and the participant is listed with a plain Swedish reason.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import random
import time
from concurrent.futures import FIRST_COMPLETED
from concurrent.futures import wait as futures_wait
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat

from . import precheck
from .course import STAGING, Course, GradebookUnavailable, is_db_error
from .report import GRADED, GRADED_WITH_NOTES, NOT_GRADED, SKIPPED, Outcome
from . import report as reports

SANDBOXED_EXECUTE = "upphandlingskurs.grading.sandbox.SandboxedExecute"
GRADEBOOK_LOST = ("Betygsboken gick inte att nå under rättningen (databasservern svarade inte), så poängen "
                  "sparades inte. Inlämningen är oförändrad; kör kurs rätta igen när databasen svarar.")


@dataclass(frozen=True)
class Settings:
    cell_timeout: int = 60          # seconds per cell (nbgrader's Execute.timeout)
    sandbox: bool = True
    deadline: float | None = None   # seconds per participant; default from cell_timeout

    def participant_deadline(self, n_cells: int) -> float:
        return self.deadline or 120 + self.cell_timeout * max(n_cells, 1) * 1.5


def fingerprint(directory: Path) -> str:
    """Changes when a file in the submission changes (names, sizes, contents)."""
    h = hashlib.sha256()
    if directory.is_dir():
        for p in sorted(directory.rglob("*")):
            if p.is_file() and not p.is_symlink():
                h.update(p.relative_to(directory).as_posix().encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


# --- the steps --------------------------------------------------------------------------------------
def step_check(course: Course, module: str, participant: str, state: dict) -> None:
    checked = precheck.stage(course.path("submitted", participant, module), course.reference_dir(module),
                             course.path(STAGING, participant, module))
    state["notes"].extend(checked.notes)
    if checked.fatal:
        state["fatal"] = checked.fatal


def _autograde_config(course: Course, settings: Settings):
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute

    cfg = course.config()
    cfg.CourseDirectory.submitted_directory = STAGING
    if course.is_sqlite:
        # SQLite only: wait up to 120 s for a gradebook that another worker is writing
        from sqlalchemy.engine import make_url

        url = make_url(course.db_url)
        if "timeout" not in url.query:
            cfg.CourseDirectory.db_url = url.update_query_dict({"timeout": "120"}).render_as_string(hide_password=False)
    if settings.sandbox:
        default = Autograde.class_traits()["autograde_preprocessors"].default()
        cfg.Autograde.autograde_preprocessors = [SANDBOXED_EXECUTE if p is Execute else p for p in default]
    cfg.Execute.timeout = settings.cell_timeout
    cfg.SandboxedExecute.timeout = settings.cell_timeout
    return cfg


def _failure_reason(log: str) -> str:
    text = log or ""
    if "DeadKernelError" in text or "Kernel died" in text or "kernel died" in text:
        return ("Koden avslutade Python under rättningen (kärnan kraschade, till exempel av os._exit() "
                "eller för mycket minne), så notebooken kunde inte rättas klart.")
    if "UnresponsiveKernel" in text or "unresponsive" in text:
        return "Koden svarade inte och gick inte att avbryta (till exempel en oändlig loop som tar allt minne)."
    if "database is locked" in text:
        return "Betygsboken var upptagen; försök igen."
    if "OperationalError" in text or "could not connect" in text or "server closed the connection" in text:
        return GRADEBOOK_LOST
    last = [line for line in text.strip().splitlines() if line.strip()][-1:] or ["okänt fel"]
    return f"nbgrader kunde inte rätta inlämningen ({last[0].strip()[:200]})."


def step_grade(course: Course, module: str, participant: str, state: dict, settings: Settings) -> None:
    cfg = _autograde_config(course, settings)
    for attempt in range(4):
        result = course.api(cfg).autograde(module, participant, force=True, create=True)
        log = (result.get("log") or "") + (result.get("error") or "")
        if result["success"] or "database is locked" not in log:
            break
        time.sleep(0.5 + random.random() * 2)
    if not result["success"]:
        state["fatal"] = _failure_reason(log)


def _cell_label(cell, index: int) -> str:
    gid = cell.metadata.get("nbgrader", {}).get("grade_id")
    return gid or f"nr {index + 1}"


def step_inspect(course: Course, module: str, participant: str, state: dict, settings: Settings) -> None:
    from .sandbox import OUTPUT_NOTE

    for path in sorted(course.path("autograded", participant, module).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            meta = cell.metadata.get("nbgrader", {})
            label = _cell_label(cell, i)
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error" and out.get("ename") in ("CellTimeoutError", "KeyboardInterrupt"):
                    msg = (f"Cellen {label} tog längre tid än {settings.cell_timeout} sekunder och avbröts "
                           "(till exempel en oändlig loop).")
                elif out.get("output_type") == "stream" and out.get("text") == OUTPUT_NOTE:
                    msg = f"Cellen {label} skrev ut för mycket; utskriften kortades av."
                elif out.get("output_type") == "error" and (meta.get("solution") or not meta):
                    msg = f"Cellen {label} gav ett fel när den kördes ({out.get('ename')})."
                else:
                    continue
                if msg not in state["notes"]:
                    state["notes"].append(msg)


def step_points(course: Course, module: str, participant: str, state: dict) -> None:
    with course.gradebook() as gb:
        sub = gb.find_submission(module, participant)
        state["points"], state["max_points"] = float(sub.score), float(sub.max_score)


STEPS = [
    ("kontrollera", step_check),
    ("rätta", step_grade),
    ("granska", step_inspect),
    ("poäng", step_points),
]


def grade_one(root: str, module: str, participant: str, settings: Settings) -> Outcome:
    """Grade one participant's submission. Runs in a worker; never raises for a bad submission."""
    start = time.monotonic()
    course = Course(Path(root))
    state: dict = {"notes": [], "fatal": None}
    for name, step in STEPS:
        try:
            if step in (step_grade, step_inspect):
                step(course, module, participant, state, settings)
            else:
                step(course, module, participant, state)
        except Exception as err:  # a broken submission must not stop the batch
            if isinstance(err, GradebookUnavailable) or is_db_error(err):
                state["fatal"] = GRADEBOOK_LOST
            else:
                state["fatal"] = state["fatal"] or f"Steget '{name}' misslyckades: {type(err).__name__}: {err}"
        if state["fatal"]:
            break
    seconds = round(time.monotonic() - start, 2)
    if state["fatal"]:
        return Outcome(participant, module, NOT_GRADED, reasons=[state["fatal"], *state["notes"]], seconds=seconds)
    return Outcome(participant, module, GRADED_WITH_NOTES if state["notes"] else GRADED,
                   points=state["points"], max_points=state["max_points"], reasons=state["notes"], seconds=seconds)


def _n_code_cells(course: Course, module: str) -> int:
    return sum(sum(c.cell_type == "code" for c in nbformat.read(p, as_version=4).cells)
               for p in course.reference_dir(module).glob("*.ipynb"))


def _worker_init() -> None:
    """In each worker: SQLite waits for a busy gradebook instead of failing, and commits without fsync
    (the gradebook is in WAL mode: it stays consistent; a power cut could only undo the latest grades,
    which a re-run restores)."""
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _pragmas(dbapi_connection, _record):
        if isinstance(dbapi_connection, sqlite3.Connection):
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA busy_timeout=120000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

    import nbgrader.apps  # noqa: F401  (import once per worker, not per participant)


def _plan(course: Course, module: str, participants: list[str] | None, force: bool):
    """(outcomes kept from the last run, participants to grade, fingerprints)."""
    everyone = [p for p, mods in course.submitted(module).items() if module in mods]
    todo = sorted(set(participants or everyone))
    previous = reports.load(course, module)
    prints = {p: fingerprint(course.path("submitted", p, module)) for p in todo}
    kept: list[Outcome] = []
    run: list[str] = []
    for p in todo:
        old = previous.get(p)
        # Unchanged since the last run: keep the result (also "ej rättad": the same file fails the same way).
        if not force and old is not None and old.fingerprint == prints[p] \
                and (course.path("autograded", p, module).is_dir() or old.status == NOT_GRADED):
            kept.append(Outcome(p, module, SKIPPED if old.ok else NOT_GRADED, old.points, old.max_points,
                                old.reasons, fingerprint=old.fingerprint, kept=True))
        else:
            run.append(p)
    return kept, run, prints


def grade_modules(course: Course, modules: list[str], participants: list[str] | None = None, *, workers: int = 2,
                  settings: Settings = Settings(), force: bool = False,
                  on_start: Callable[[int], None] | None = None,
                  on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Grade one or more modules for the given participants (default: everyone in submitted/), in one pool."""
    from pebble import ProcessExpired, ProcessPool

    for module in modules:
        course.check_module(module)
        course.ensure_assignment(module)
    course.prepare_gradebook()
    kept: list[Outcome] = []
    tasks: list[tuple[str, str]] = []
    prints: dict[tuple[str, str], str] = {}
    for module in modules:
        k, run, fp = _plan(course, module, participants, force)
        kept += k
        tasks += [(module, p) for p in run]
        prints.update({(module, p): v for p, v in fp.items()})
    with course.gradebook() as gb:   # create students up front: fewer writers racing later
        for p in sorted({p for _, p in tasks}):
            gb.update_or_create_student(p)
    if on_start:
        on_start(len(tasks))
    for o in kept:
        if on_done:
            on_done(o)
    deadlines = {m: settings.participant_deadline(_n_code_cells(course, m)) for m in modules}
    results: list[Outcome] = []
    if tasks:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPool(max_workers=max(1, min(workers, len(tasks))), context=ctx,
                         initializer=_worker_init) as pool:
            pending = {(m, p): pool.schedule(grade_one, args=(str(course.root), m, p, settings), timeout=deadlines[m])
                       for m, p in tasks}
            while pending:
                # Block until a participant is done (no polling: the parent must not take CPU from the workers).
                done, _ = futures_wait(list(pending.values()), return_when=FIRST_COMPLETED)
                for (m, p), fut in list(pending.items()):
                    if fut not in done:
                        continue
                    del pending[(m, p)]
                    try:
                        outcome = fut.result()
                    except FutureTimeout:
                        outcome = Outcome(p, m, NOT_GRADED, reasons=[
                            f"Rättningen tog längre tid än {deadlines[m] / 60:.0f} minuter och avbröts."])
                    except ProcessExpired as err:
                        outcome = Outcome(p, m, NOT_GRADED, reasons=[
                            f"Rättningsprocessen avbröts oväntat (kod {err.exitcode})."])
                    except Exception as err:
                        outcome = Outcome(p, m, NOT_GRADED, reasons=[f"Oväntat fel: {type(err).__name__}: {err}"])
                    outcome.fingerprint = prints[(m, p)]
                    results.append(outcome)
                    if on_done:
                        on_done(outcome)
    for module in modules:
        reports.save(course, module, [o for o in results if o.module == module])
    return sorted(kept + results, key=lambda o: (o.module, o.participant))


def grade_module(course: Course, module: str, participants: list[str] | None = None, **kwargs) -> list[Outcome]:
    """Grade one module (see ``grade_modules``)."""
    return grade_modules(course, [module], participants, **kwargs)
