"""Autograde a module: every participant in isolation, in parallel workers, never stopping the batch.

One participant's grading is a declared list of small steps (``STEPS``), like nbgrader's preprocessors:

1. ``kontrollera`` – check the submission and stage a clean copy (``precheck.stage``; no code runs);
2. ``rätta``      – ``nbgrader autograde`` for this participant only, with the kernel in the sandbox; when a
   cell kills the kernel (``os._exit``, memory), the notebook is graded again with that cell replaced by
   its stub, so that the other answers keep their points, and the reasons name the cell;
3. ``granska``    – read the graded notebook for timeouts, cut output and errors in answer cells;
4. ``poäng``      – read the points from the gradebook.

Each participant is one task in a pool of worker processes (``pebble``). A task that hangs is stopped at
its deadline, a worker that dies is replaced, and the participant is listed with a plain Swedish reason.

A worker is a long-lived grader (issue 17): it keeps the course's nbgrader configuration, its nbgrader API
and its gradebook connection (``KeptGradebook``: the tables and the database version are checked once per
worker, not by every nbgrader step of every participant) between participants, and the next notebook's
kernel is already starting while one is graded (``sandbox.SandboxedExecute.warm_kernels``). One kernel
serves one notebook only.
"""
from __future__ import annotations

import hashlib
import importlib
import multiprocessing
import os
import random
import shutil
import time
from concurrent.futures import FIRST_COMPLETED
from concurrent.futures import wait as futures_wait
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat

from . import precheck
from .course import STAGING, WORK_DIR, Course, GradebookUnavailable, is_db_error
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
    warm_kernels: bool = True       # kernels in an empty folder, preloaded, the next one started ahead

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
    default = Autograde.class_traits()["autograde_preprocessors"].default()
    cfg.Autograde.autograde_preprocessors = [SANDBOXED_EXECUTE if p is Execute else p for p in default]
    cfg.SandboxedExecute.sandbox = settings.sandbox
    cfg.SandboxedExecute.warm_kernels = settings.warm_kernels
    cfg.SandboxedExecute.kernel_workdir_base = str(course.path(WORK_DIR, "karnor"))
    if settings.warm_kernels:
        # The notebook's outputs are complete when the last cell has run: stop its kernel at once instead of
        # waiting for it to shut down by itself (it serves no other notebook).
        cfg.SandboxedExecute.shutdown_kernel = "immediate"
    cfg.Execute.timeout = settings.cell_timeout
    cfg.SandboxedExecute.timeout = settings.cell_timeout
    return cfg


class Grader:
    """One worker's nbgrader for one course: configuration and API made once, used for many participants."""

    def __init__(self, root: str, settings: Settings):
        self.course = Course(Path(root), keep_config=True)
        self.settings = settings
        self.cfg = _autograde_config(self.course, settings)
        self.api = self.course.api(self.cfg)

        self._imports: dict[str, tuple[str, ...]] = {}

    def autograde(self, module: str, participant: str) -> dict:
        return self.api.autograde(module, participant, force=True, create=True)

    def notebook_imports(self, module: str) -> tuple[str, ...]:
        """The course modules the module's handed-out notebooks import (preloaded in its warm kernels)."""
        if module not in self._imports:
            from .sandbox import course_imports

            sources = [c.source for p in sorted(self.course.reference_dir(module).glob("*.ipynb"))
                       for c in nbformat.read(p, as_version=4).cells if c.cell_type == "code"]
            modules = list(course_imports(sources))
            for name in list(modules):   # what a course module imports only when called (its WARM_IMPORTS)
                modules += getattr(importlib.import_module(name), "WARM_IMPORTS", ())
            self._imports[module] = tuple(dict.fromkeys(modules))
        return self._imports[module]


_GRADERS: dict[tuple, Grader] = {}
_ENV = ("KURS_DB_URL", "KURS_ROOT", "KURS_COURSE_ID", "KURS_SANDBOX")


def grader(root: str, settings: Settings) -> Grader:
    """This process's grader for the course (a new one when the course's environment or settings change)."""
    key = (str(root), settings, tuple(os.environ.get(k) for k in _ENV))
    if key not in _GRADERS:
        _GRADERS.clear()
        _GRADERS[key] = Grader(root, settings)
    return _GRADERS[key]


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


MAX_CRASHES = 3     # cells replaced by their stub before the notebook is given up


def crash_note(label: str) -> str:
    return (f"Cellen {label} avslutade Python när den kördes (kärnan kraschade, till exempel av os._exit() eller "
            "för mycket minne). Notebooken rättades om med den cellen som den delades ut (utan svar), så att "
            "de andra svaren fick sina poäng.")


def _stub_crashed_cell(course: Course, module: str, participant: str, crash: dict) -> str | None:
    """Replace the cell that killed the kernel, in the staged copy, by its stub; return its label.

    An answer cell gets its handed-out stub, a cell the participant added becomes empty. None when the cell
    cannot be replaced (a locked or test cell: the crash is not in the participant's own code cell)."""
    from .precheck import read_notebook

    name = crash.get("notebook") or ""
    staged = course.path(STAGING, participant, module, f"{name}.ipynb")
    reference = course.reference_dir(module) / f"{name}.ipynb"
    if not staged.is_file() or not reference.is_file():
        return None
    nb = nbformat.read(staged, as_version=4)
    gid = crash.get("grade_id")
    if gid:
        stubs = {c.metadata["nbgrader"]["grade_id"]: c for c in read_notebook(reference).cells
                 if isinstance(c.metadata.get("nbgrader"), dict) and "grade_id" in c.metadata["nbgrader"]}
        ref = stubs.get(gid)
        if ref is None or not ref.metadata["nbgrader"].get("solution"):
            return None
        cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid]
        if not cells or cells[0].source == ref.source:
            return None
        cells[0].source = ref.source
        label = gid
    else:
        cells = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code" and "nbgrader" not in c.metadata
                 and c.source == crash.get("source")]
        if not cells or not cells[0][1].source:
            return None
        i, cell = cells[0]
        cell.source = ""
        label = f"nr {i + 1}"
    nbformat.write(nb, staged)
    return label


def step_grade(course: Course, module: str, participant: str, state: dict, settings: Settings,
               worker: Grader | None = None) -> None:
    from . import sandbox

    worker = worker or Grader(str(course.root), settings)
    for _ in range(MAX_CRASHES + 1):
        sandbox.CRASHED.clear()
        for attempt in range(4):
            result = worker.autograde(module, participant)
            log = (result.get("log") or "") + (result.get("error") or "")
            if result["success"] or "database is locked" not in log:
                break
            time.sleep(0.5 + random.random() * 2)
        if result["success"]:
            return
        crashes = list(sandbox.CRASHED)
        label = _stub_crashed_cell(course, module, participant, crashes[-1]) if crashes else None
        if label is None:
            break
        state["notes"].append(crash_note(label))
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


def grade_one(root: str, module: str, participant: str, settings: Settings, more: bool = False) -> Outcome:
    """Grade one participant's submission. Runs in a worker; never raises for a bad submission.

    ``more``: another participant follows in this worker, so its kernel is started while this one is graded."""
    from . import sandbox

    start = time.monotonic()
    state: dict = {"notes": [], "fatal": None}
    try:
        worker = grader(root, settings)
        course = worker.course
    except Exception as err:
        fatal = GRADEBOOK_LOST if isinstance(err, GradebookUnavailable) or is_db_error(err) else \
            f"Rättningen kunde inte starta: {type(err).__name__}: {err}"
        return Outcome(participant, module, NOT_GRADED, reasons=[fatal], seconds=round(time.monotonic() - start, 2))
    sandbox.MORE_TO_COME["value"] = more
    try:
        sandbox.NOTEBOOK_IMPORTS["modules"] = worker.notebook_imports(module)
    except Exception:  # noqa: BLE001 - preloading only saves time; grading works without it
        sandbox.NOTEBOOK_IMPORTS["modules"] = ()
    for name, step in STEPS:
        try:
            if step is step_grade:
                step(course, module, participant, state, settings, worker)
            elif step is step_inspect:
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

    keep_gradebook_connections()


_NBGRADER_GRADEBOOK_USERS = ("nbgrader.api", "nbgrader.converters.autograde", "nbgrader.preprocessors.getgrades",
                             "nbgrader.preprocessors.overwritecells", "nbgrader.preprocessors.saveautogrades",
                             "nbgrader.preprocessors.savecells", "nbgrader.preprocessors.overwritekernelspec",
                             "nbgrader.preprocessors.latesubmissions")


def keep_gradebook_connections() -> None:
    """In this (worker) process, nbgrader's Gradebook keeps one database engine per address (see KeptGradebook)."""
    import importlib

    from nbgrader.api import Gradebook

    if getattr(Gradebook, "kurs_kept", False):
        return

    class KeptGradebook(Gradebook):
        """nbgrader's Gradebook, with the engine (and its open connections) kept between uses in this process.

        nbgrader opens a Gradebook in about ten places per participant, and each time makes a new engine,
        lists the tables, runs ``create_all`` and checks the database version. Here that is done the first
        time per address only; later uses get a new session on the kept engine (``pool_pre_ping``: a
        connection the server has closed is replaced), and ``close`` returns the connection to the pool."""

        kurs_kept = True
        _engines: dict = {}

        def __init__(self, db_url, course_id="default_course", authenticator=None):
            from sqlalchemy import create_engine
            from sqlalchemy.orm import scoped_session, sessionmaker

            engine = self._engines.get(db_url)
            if engine is None:
                Gradebook.__init__(self, db_url, course_id, authenticator)   # the full check, once
                self.close_engine()
                engine = self._engines[db_url] = create_engine(db_url, echo=False, future=True, pool_pre_ping=True)
            self.engine = engine
            self.db = scoped_session(sessionmaker(autoflush=True, bind=engine, future=True))
            self.check_course(course_id=course_id)
            self.course_id = course_id
            self.authenticator = authenticator

        def close_engine(self):
            Gradebook.close(self)

        def close(self):
            self.db.remove()

    for name in _NBGRADER_GRADEBOOK_USERS:
        module = importlib.import_module(name)
        if getattr(module, "Gradebook", None) is Gradebook:
            module.Gradebook = KeptGradebook


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
            n_workers = max(1, min(workers, len(tasks)))
            # The last tasks start no kernel ahead: no participant would follow in that worker.
            pending = {(m, p): pool.schedule(grade_one, args=(str(course.root), m, p, settings,
                                                              i < len(tasks) - n_workers),
                                             timeout=deadlines[m])
                       for i, (m, p) in enumerate(tasks)}
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
        # A worker stopped at a deadline cannot remove its warm kernel's (empty) folder: remove what is left.
        shutil.rmtree(course.path(WORK_DIR, "karnor"), ignore_errors=True)
    for module in modules:
        reports.save(course, module, [o for o in results if o.module == module])
    return sorted(kept + results, key=lambda o: (o.module, o.participant))


def grade_module(course: Course, module: str, participants: list[str] | None = None, **kwargs) -> list[Outcome]:
    """Grade one module (see ``grade_modules``)."""
    return grade_modules(course, [module], participants, **kwargs)
