"""The course directory as the grading workflow sees it: folders, nbgrader configuration and gradebook."""
from __future__ import annotations

import copy
import os
import sqlite3
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"
WORK_DIR = ".kurs"            # the workflow's own files (git-ignored): staging, reports
STAGING = f"{WORK_DIR}/inkorg"   # checked copies of submissions that nbgrader grades
REFERENCE = f"{WORK_DIR}/referens"


class CourseError(Exception):
    """A problem the instructor can fix; the message is Swedish and shown as is."""


class GradebookUnavailable(CourseError):
    """The gradebook database cannot be reached (server down, wrong address or password, driver missing)."""


DEFAULT_DB_FILE = "gradebook.db"
PG_CONNECT_TIMEOUT = "10"      # seconds; a server that does not answer fails soon instead of after minutes


def describe_db_url(url: str) -> str:
    """The database in words for a message, never with the password."""
    from sqlalchemy.engine import make_url

    try:
        u = make_url(url)
    except Exception:
        return "betygsboken (adressen i KURS_DB_URL går inte att tolka)"
    backend = u.get_backend_name()
    if backend == "sqlite":
        return f"SQLite-filen {u.database}"
    if backend == "postgresql":
        where = u.host or u.query.get("host") or "den lokala servern"
        port = f":{u.port}" if u.port else ""
        return f"PostgreSQL-databasen {u.database or '?'} på {where}{port}"
    return f"databasen {u.render_as_string(hide_password=True)}"


def unavailable(url: str, err: BaseException) -> GradebookUnavailable:
    """A Swedish explanation of why the gradebook could not be opened (no traceback for the instructor)."""
    what = describe_db_url(url)
    if isinstance(err, ModuleNotFoundError):
        return GradebookUnavailable(
            f"Betygsboken är {what}, men drivrutinen för databasen saknas ({err.name}). "
            "Installera kurspaketet med PostgreSQL-stöd: pip install '.[postgres]'.")
    detail = str(getattr(err, "orig", None) or err).strip().splitlines()
    detail = detail[0][:300] if detail else type(err).__name__
    return GradebookUnavailable(
        f"Kan inte nå betygsboken ({what}): {detail}\n"
        "Kontrollera att databasservern är igång och att adressen, användaren och lösenordet i KURS_DB_URL "
        "stämmer (kursens nbgrader_config.py läser den). Ingenting har ändrats; kör kommandot igen när "
        "databasen svarar.")


def is_db_error(err: BaseException) -> bool:
    """True for errors that mean the database is unreachable or refused us (not a bad submission)."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(err, ModuleNotFoundError):
        return err.name in ("psycopg2", "psycopg", "pymysql", "MySQLdb")
    return isinstance(err, DBAPIError) and (err.connection_invalidated or _is_operational(err))


def _is_operational(err) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(err, (OperationalError, InterfaceError)) and "database is locked" not in str(err)


def find_root(start: Path | None = None) -> Path:
    """The course folder: KURS_ROOT, or the nearest folder upwards with nbgrader_config.py."""
    if os.environ.get("KURS_ROOT"):
        root = Path(os.environ["KURS_ROOT"])
        if (root / CONFIG_FILE).exists():
            return root.resolve()
    here = (start or Path.cwd()).resolve()
    for d in [here, *here.parents]:
        if (d / CONFIG_FILE).exists():
            return d
    raise CourseError(f"Hittar ingen kursmapp med {CONFIG_FILE} här eller ovanför {here}. "
                      "Gå till kursens mapp eller ange den med --kurs.")


@dataclass
class Course:
    root: Path
    # Read nbgrader_config.py once and reuse it (a grading worker that serves many participants). Off by
    # default: a command reads the configuration, and so the environment (KURS_DB_URL), when it runs.
    keep_config: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self):
        self.root = Path(self.root).resolve()
        if not (self.root / CONFIG_FILE).exists():
            raise CourseError(f"{self.root} saknar {CONFIG_FILE}.")
        # nbgrader starts `alembic` by name (KURSDESIGN §9)
        bindir = str(Path(sys.executable).parent)
        if bindir not in os.environ.get("PATH", "").split(os.pathsep):
            os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")

    # --- gradebook address ------------------------------------------------------------------------
    @property
    def db_url(self) -> str:
        """The gradebook's SQLAlchemy URL, from one place: the course's nbgrader_config.py (which reads
        KURS_DB_URL; default: the SQLite file gradebook.db in the course folder). ``kurs`` and nbgrader
        (formgrader, plain ``nbgrader autograde``) therefore always use the same gradebook."""
        return self._db_url()[0]

    def _db_url(self) -> tuple[str, bool]:
        if self.keep_config and getattr(self, "_kept_db_url", None) is not None:
            return self._kept_db_url
        self._kept_db_url = found = self._find_db_url()
        return found

    def _find_db_url(self) -> tuple[str, bool]:
        from sqlalchemy.engine import make_url

        cfg = self._load_config()
        url = str(cfg.CourseDirectory.get("db_url") or "")
        default = "sqlite:///" + os.path.join(str(cfg.CourseDirectory.get("root") or self.root), DEFAULT_DB_FILE)
        if not url or url == default:
            # the default file belongs to this course folder (also when KURS_ROOT points elsewhere)
            url = f"sqlite:///{self.root / DEFAULT_DB_FILE}"
        try:
            u = make_url(url)
        except Exception:
            raise GradebookUnavailable(f"Adressen till betygsboken går inte att tolka: KURS_DB_URL={url!r}. "
                                       "Exempel: postgresql+psycopg2://kurs:LÖSENORD@databasserver/betygsbok")
        backend = u.get_backend_name()
        if backend == "postgresql" and u.get_driver_name() == "psycopg2" and "connect_timeout" not in u.query:
            url = u.update_query_dict({"connect_timeout": PG_CONNECT_TIMEOUT}).render_as_string(hide_password=False)
        return url, backend == "sqlite"

    @property
    def is_sqlite(self) -> bool:
        return self._db_url()[1]

    @property
    def db_path(self) -> Path | None:
        """The SQLite file of the gradebook, or None when the gradebook is a database server (PostgreSQL)."""
        from sqlalchemy.engine import make_url

        url, sqlite = self._db_url()
        if not sqlite:
            return None
        database = make_url(url).database
        if not database or database == ":memory:":
            return None
        return (self.root / database).resolve() if not os.path.isabs(database) else Path(database)

    # --- folders ------------------------------------------------------------------------------

    def path(self, *parts: str) -> Path:
        return self.root.joinpath(*parts)

    def modules(self) -> list[str]:
        src = self.path("solutions")
        if not src.is_dir():
            return []
        return sorted(p.name for p in src.iterdir()
                      if p.is_dir() and not p.name.startswith((".", "_")) and any(p.glob("*.ipynb")))

    def check_module(self, name: str) -> str:
        if name not in self.modules():
            raise CourseError(f"Modulen '{name}' finns inte. Moduler: {', '.join(self.modules()) or 'inga'}.")
        return name

    def submitted(self, module: str | None = None) -> dict[str, list[str]]:
        """{participant: [modules]} found in submitted/."""
        out: dict[str, list[str]] = {}
        base = self.path("submitted")
        if base.is_dir():
            for student in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
                mods = sorted(m.name for m in student.iterdir() if m.is_dir() and (module is None or m.name == module))
                if mods:
                    out[student.name] = mods
        return out

    def reference_dir(self, module: str) -> Path:
        """The participant version of a module (what was handed out)."""
        released = self.path("exercises", module)
        if any(released.glob("*.ipynb")):
            return released
        return self.path(REFERENCE, module)

    # --- nbgrader -----------------------------------------------------------------------------
    def _load_config(self) -> Config:
        if not self.keep_config:
            return PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
        if getattr(self, "_kept_config", None) is None:
            self._kept_config = PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
        return copy.deepcopy(self._kept_config)

    def config(self, **overrides) -> Config:
        cfg = self._load_config()
        cfg.CourseDirectory.root = str(self.root)
        cfg.CourseDirectory.db_url = self.db_url
        for dotted, value in overrides.items():
            section, key = dotted.split("__", 1)
            setattr(getattr(cfg, section), key, value)
        return cfg

    def api(self, cfg: Config | None = None):
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        cfg = cfg if cfg is not None else self.config()
        coursedir = CourseDirectory(config=cfg)
        return NbGraderAPI(coursedir=coursedir, config=cfg)

    @property
    def course_id(self) -> str:
        return self.config().CourseDirectory.course_id

    @contextmanager
    def gradebook(self):
        """nbgrader's Gradebook; an unreachable database raises GradebookUnavailable (a Swedish message)."""
        url = self.db_url
        try:
            from nbgrader.api import Gradebook

            gb = Gradebook(url, self.course_id)
        except Exception as err:
            if is_db_error(err):
                raise unavailable(url, err) from err
            raise
        try:
            with gb:
                yield gb
        except Exception as err:
            if is_db_error(err):
                raise unavailable(url, err) from err
            raise

    def check_gradebook(self) -> None:
        """Open the gradebook once (creates its tables when new); GradebookUnavailable when it cannot."""
        with self.gradebook():
            pass

    def prepare_gradebook(self) -> None:
        """SQLite: WAL journal, so parallel graders and formgrader can read while one writes.
        A database server (PostgreSQL) needs nothing: it handles parallel writers itself."""
        self.check_gradebook()
        if self.db_path is None:
            return
        con = sqlite3.connect(self.db_path, timeout=60)
        try:
            con.execute("PRAGMA journal_mode=WAL")
        finally:
            con.close()

    def _gradebook_matches_reference(self, gb, module: str) -> bool:
        """False when the handed-out notebooks changed after the gradebook got the module (then update it)."""
        import nbformat
        from nbgrader.api import MissingEntry

        for path in self.reference_dir(module).glob("*.ipynb"):
            try:
                source = {c.name: c.checksum for c in gb.find_notebook(path.stem, module).source_cells}
            except MissingEntry:
                return False
            nb = nbformat.read(path, as_version=4)
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader", {})
                if "grade_id" not in meta:
                    continue
                if meta["grade_id"] not in source:
                    return False
                # test cells differ by design (the gradebook keeps the hidden tests)
                if not (meta.get("grade") and not meta.get("solution")) and source[meta["grade_id"]] != meta.get("checksum"):
                    return False
        return True

    def ensure_assignment(self, module: str, *, update: bool = False) -> None:
        """Put the module's source cells into the gradebook (needed by autograde).

        Runs nbgrader generate_assignment into a scratch folder, so exercises/ is never rewritten.
        """
        self.check_module(module)
        if not update and (self.db_path is None or self.db_path.exists()):
            from nbgrader.api import MissingEntry
            with self.gradebook() as gb:
                try:
                    a = gb.find_assignment(module)
                    if a.notebooks and any(self.reference_dir(module).glob("*.ipynb")) \
                            and self._gradebook_matches_reference(gb, module):
                        return
                except MissingEntry:
                    pass
        with tempfile.TemporaryDirectory(prefix="kurs-utdelning-") as tmp:
            cfg = self.config()
            cfg.CourseDirectory.release_directory = tmp
            result = self.api(cfg).generate_assignment(module, force=True, create=True)
            if not result["success"]:
                raise CourseError(f"nbgrader kunde inte läsa in modulen {module} i betygsboken:\n"
                                  + result.get("log", "") + result.get("error", ""))
            target = self.path(REFERENCE, module)
            import shutil
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(Path(tmp) / module, target)
