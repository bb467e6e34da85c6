"""The gradebook in PostgreSQL (deploy/jupyterhub/README.md section 9, deploy/kubernetes/).

Starts a throwaway PostgreSQL server (initdb in a temporary folder, a Unix socket there and no TCP port;
as root the server runs as `nobody`, since postgres refuses root), then grades one module with a few
submissions twice: once with the default SQLite gradebook and once with KURS_DB_URL pointing at PostgreSQL.
`kurs rätta`, `kurs oversikt`, `kurs exportera` and plain `nbgrader autograde` must give the same points, and
with PostgreSQL no gradebook.db may appear (before the fix `kurs` silently used SQLite). An unreachable
database gives a Swedish message without a traceback, and a batch whose database is gone lists everyone with
the reason. The server is always stopped and its folder removed.
"""
from __future__ import annotations

import csv
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grading_helpers import MODULE, REPO, make_course, require
from corpus import Material, solved, untouched, _with_answer
from upphandlingskurs.content.assignments import nbgrader
from upphandlingskurs.cli import app
from upphandlingskurs.grading.autograde import GRADEBOOK_LOST, Settings, grade_one
from upphandlingskurs.grading.course import Course, GradebookUnavailable

pytestmark = [pytest.mark.nbgrader, pytest.mark.xdist_group("grading:postgres")]
runner = CliRunner()
SUBMISSIONS = {
    "anna.svensson": solved,
    "bo.ek": untouched,
    "cecilia.oberg": _with_answer(lambda m, s: s.split("=")[0] + '= "fel svar"'),
}


# --- a throwaway PostgreSQL server -----------------------------------------------------------------
def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return candidates[-1] if candidates else None


def has_psycopg2() -> bool:
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def postgres_server():
    """Yield a SQLAlchemy URL to a fresh database on a server that lives only in a temporary folder."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    require(bool(initdb and pg_ctl), "PostgreSQL saknas (initdb/pg_ctl; Debian-paketet postgresql)")
    require(has_psycopg2(), "psycopg2 saknas (pip install '.[postgres]')")
    base = Path(tempfile.mkdtemp(prefix="kurs-pg-"))
    run_as: dict = {}
    if os.geteuid() == 0:   # postgres refuses to run as root
        nobody = pwd.getpwnam("nobody")
        os.chown(base, nobody.pw_uid, nobody.pw_gid)
        run_as = dict(user=nobody.pw_uid, group=nobody.pw_gid, extra_groups=[])
    data, log = base / "data", base / "server.log"
    started = False
    try:
        subprocess.run([initdb, "-D", str(data), "-U", "kurs", "--auth=trust", "-E", "UTF8", "--no-sync",
                        "--locale=C"], check=True, capture_output=True, timeout=60, cwd=base, **run_as)
        opts = f"-k {base} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        proc = subprocess.run([pg_ctl, "start", "-w", "-t", "30", "-D", str(data), "-l", str(log), "-o", opts],
                              capture_output=True, text=True, timeout=60, cwd=base, **run_as)
        if proc.returncode != 0:
            pytest.fail("PostgreSQL startade inte:\n" + proc.stdout + proc.stderr
                        + (log.read_text() if log.exists() else ""))
        started = True
        import psycopg2

        con = psycopg2.connect(host=str(base), user="kurs", dbname="postgres")
        con.autocommit = True
        con.cursor().execute("CREATE DATABASE betygsbok")
        con.close()
        yield f"postgresql+psycopg2://kurs@/betygsbok?host={base}"
    finally:
        if started:
            subprocess.run([pg_ctl, "stop", "-m", "immediate", "-w", "-D", str(data)],
                           capture_output=True, timeout=60, cwd=base, **run_as)
        pid_file = data / "postmaster.pid"
        if pid_file.exists():   # pg_ctl did not stop it: end our own server by its pid
            try:
                os.kill(int(pid_file.read_text().split()[0]), 9)
            except (ValueError, ProcessLookupError):
                pass
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def db_env(url: str | None):
    with pytest.MonkeyPatch.context() as mp:
        if url is None:
            mp.delenv("KURS_DB_URL", raising=False)
        else:
            mp.setenv("KURS_DB_URL", url)
        yield


def kurs(root, *args, ok: bool = True):
    result = runner.invoke(app, [*args, "--kurs", str(root)])
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def scores(url: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(url, "gr-socialt-ansvarsfull-upphandling") as gb:
        return {s.student.id: float(s.score) for s in gb.find_assignment(MODULE).submissions}


def exported(folder: Path) -> dict[str, str]:
    with open(folder / "resultat.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    return {r["Deltagare"]: (r["Status"], r["Poäng"]) for r in rows if r["Modul"] == MODULE}


def run_course(base: Path, url: str | None, expected_db_file: bool) -> dict:
    """The instructor's loop on one scratch course, with the given KURS_DB_URL (None: SQLite default)."""
    root = make_course(base)
    m = Material(REPO, MODULE, root)
    for pid, build in SUBMISSIONS.items():
        build(m, root / "submitted" / pid / MODULE)
    out: dict = {"root": root}
    with db_env(url):
        course = Course(root)
        out["url"] = course.db_url
        out["grade"] = kurs(root, "rätta", MODULE, "--tidsgrans", "20").output
        out["overview"] = kurs(root, "oversikt").output
        kurs(root, "exportera", "--till", str(base / "resultat"))
        out["export"] = exported(base / "resultat")
        out["kurs_scores"] = scores(course.db_url)
        # plain nbgrader, as formgrader and the guide use it: the same gradebook through nbgrader_config.py
        extra = {"KURS_DB_URL": url} if url else {}
        nbgrader(["autograde", MODULE, "--student", "cecilia.oberg", "--force"], root, **extra)
        out["nbgrader_scores"] = scores(course.db_url)
    assert (root / "gradebook.db").exists() == expected_db_file
    return out


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    base = tmp_path_factory.mktemp("postgres")
    with postgres_server() as url:
        pg = run_course(base / "pg", url, expected_db_file=False)
        sqlite = run_course(base / "sqlite", None, expected_db_file=True)
        backup = run_backup(pg["root"], base / "kopior", url)
        yield dict(pg=pg, sqlite=sqlite, url=url, backup=backup)


def run_backup(root: Path, target: Path, url: str) -> dict:
    """deploy/jupyterhub/backup-gradebook.sh with the gradebook in PostgreSQL: pg_dump into the archive."""
    bindir = os.path.dirname(os.path.realpath(_pg_bin("initdb")))   # pg_dump of the server's own version
    env = dict(os.environ, KURS_KURSMAPP=str(root), KURS_BACKUP_DIR=str(target), KURS_DB_URL=url,
               PATH=bindir + os.pathsep + os.environ["PATH"])
    proc = subprocess.run(["bash", str(REPO / "deploy" / "jupyterhub" / "backup-gradebook.sh")], env=env,
                          capture_output=True, text=True, timeout=120)
    out = {"proc": proc, "tables": ""}
    if proc.returncode == 0:
        import tarfile

        with tarfile.open(proc.stdout.strip().splitlines()[-1]) as tar:
            out["names"] = tar.getnames()
            tar.extract("kurs/betygsbok.pgdump", target, filter="data")
        dump = str(target / "kurs" / "betygsbok.pgdump")
        out["tables"] = subprocess.run([os.path.join(bindir, "pg_restore"), "--list", dump],
                                       capture_output=True, text=True, check=True).stdout
        # restore as the guide says, into a new database, and read the points back
        import psycopg2
        from sqlalchemy.engine import make_url

        host = make_url(url).query["host"]
        con = psycopg2.connect(host=host, user="kurs", dbname="postgres")
        con.autocommit = True
        con.cursor().execute("CREATE DATABASE aterstalld")
        con.close()
        subprocess.run([os.path.join(bindir, "pg_restore"), "--clean", "--if-exists", "--no-owner",
                        f"--dbname=postgresql://kurs@/aterstalld?host={host}", dump],
                       capture_output=True, text=True, check=True)
        out["restored_scores"] = scores(url.replace("/betygsbok?", "/aterstalld?"))
    return out


def test_kurs_uses_the_configured_postgres_gradebook(both):
    assert both["pg"]["url"].startswith("postgresql+psycopg2://kurs@/betygsbok")
    assert both["sqlite"]["url"] == f"sqlite:///{both['sqlite']['root'] / 'gradebook.db'}"
    assert set(both["pg"]["kurs_scores"]) == set(SUBMISSIONS)
    assert "3 rättade, 0 gick inte att rätta" in both["pg"]["grade"]


def test_same_points_as_with_sqlite(both):
    pg, sqlite = both["pg"], both["sqlite"]
    assert pg["kurs_scores"] == sqlite["kurs_scores"]
    assert pg["kurs_scores"]["anna.svensson"] > pg["kurs_scores"]["cecilia.oberg"] >= pg["kurs_scores"]["bo.ek"]
    assert pg["export"] == sqlite["export"] and set(pg["export"]) == set(SUBMISSIONS)
    assert pg["nbgrader_scores"] == sqlite["nbgrader_scores"] == sqlite["kurs_scores"]


def test_overview_reads_postgres(both):
    out = both["pg"]["overview"]
    assert "Deltagare (3)" in out and "cecilia.oberg" in out
    assert MODULE in out


def test_backup_script_dumps_the_postgres_gradebook(both):
    b = both["backup"]
    assert b["proc"].returncode == 0, b["proc"].stderr
    assert "kurs/betygsbok.pgdump" in b["names"] and "kurs/gradebook.db" not in b["names"]
    assert any(n.startswith("kurs/submitted/anna.svensson/") for n in b["names"])
    assert "TABLE public submitted_assignment" in b["tables"], b["tables"]
    assert b["restored_scores"] == both["pg"]["nbgrader_scores"]   # pg_restore gives the same points back


def test_backup_script_explains_a_missing_pg_dump(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")  # a course folder
    env = dict(os.environ, KURS_KURSMAPP=str(tmp_path), KURS_BACKUP_DIR=str(tmp_path / "kopior"),
               KURS_DB_URL="postgresql+psycopg2://kurs:hemligt123@db.example/betygsbok", PATH="/usr/bin:/bin")
    fake = tmp_path / "bin"
    fake.mkdir()
    for tool in ("bash", "sed", "date", "mktemp", "python3", "env"):
        if shutil.which(tool, path="/usr/bin:/bin"):
            os.symlink(shutil.which(tool, path="/usr/bin:/bin"), fake / tool)
    env["PATH"] = str(fake)
    proc = subprocess.run([str(fake / "bash"), str(REPO / "deploy" / "jupyterhub" / "backup-gradebook.sh")],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "pg_dump saknas" in proc.stderr and "postgresql-client" in proc.stderr
    assert "hemligt123" not in proc.stderr + proc.stdout and not (tmp_path / "kopior").exists()


# --- an unreachable database ----------------------------------------------------------------------
def unreachable_url(tmp_path: Path) -> str:
    return f"postgresql+psycopg2://kurs:hemligt123@/betygsbok?host={tmp_path / 'ingen-server'}"


def test_unreachable_database_is_explained_in_swedish(tmp_path):
    require(has_psycopg2(), "psycopg2 saknas (pip install '.[postgres]')")
    root = make_course(tmp_path / "kurs")
    url = unreachable_url(tmp_path)
    with db_env(url):
        with pytest.raises(GradebookUnavailable, match="Kan inte nå betygsboken"):
            Course(root).check_gradebook()
        for args in (["oversikt"], ["rätta", MODULE], ["exportera", "--till", str(tmp_path / "ut")]):
            result = kurs(root, *args, ok=False)
            text = result.output + (result.stderr if result.stderr_bytes is not None else "")
            assert result.exit_code == 1, (args, text, result.exception)
            assert "Kan inte nå betygsboken" in text and "PostgreSQL-databasen betygsbok" in text, text
            assert "Traceback" not in text and "hemligt123" not in text
    assert not (root / "gradebook.db").exists()


def test_a_participant_graded_while_the_database_is_gone_gets_the_reason(tmp_path):
    """The batch goes on: a worker that loses the gradebook reports it for that participant."""
    require(has_psycopg2(), "psycopg2 saknas (pip install '.[postgres]')")
    root = make_course(tmp_path / "kurs")
    m = Material(REPO, MODULE, root)
    solved(m, root / "submitted" / "anna.svensson" / MODULE)
    with db_env(unreachable_url(tmp_path)):
        outcome = grade_one(str(root), MODULE, "anna.svensson", Settings(sandbox=False, cell_timeout=10))
    assert outcome.points is None and outcome.reasons[0] == GRADEBOOK_LOST


def test_missing_driver_is_explained(tmp_path, monkeypatch):
    import sys

    root = make_course(tmp_path / "kurs")
    monkeypatch.setitem(sys.modules, "psycopg2", None)   # import psycopg2 -> ModuleNotFoundError
    with db_env("postgresql+psycopg2://kurs@db.example/betygsbok"):
        with pytest.raises(GradebookUnavailable, match=r"pip install '\.\[postgres\]'"):
            Course(root).check_gradebook()


@pytest.mark.parametrize("mode", ["grans", "av"])
def test_participant_code_never_gets_the_database_address(monkeypatch, mode):
    """Without bubblewrap the kernel inherits the environment: KURS_DB_URL (with its password) is removed."""
    from conftest import run_async
    from jupyter_client.manager import AsyncKernelManager

    from upphandlingskurs.grading import sandbox

    seen = {}

    async def launch(self, kernel_cmd, **kw):
        seen.update(cmd=kernel_cmd, env=kw["env"])

    monkeypatch.setattr(sandbox, "sandbox_mode", lambda: mode)
    monkeypatch.setattr(AsyncKernelManager, "_async_launch_kernel", launch)
    monkeypatch.setenv("KURS_DB_URL", "postgresql+psycopg2://kurs:hemligt123@db/betygsbok")
    km = sandbox.SandboxKernelManager()
    run_async(km._async_launch_kernel(["python", "-m", "ipykernel_launcher"], env={**os.environ, "A": "1"}))
    assert "KURS_DB_URL" not in seen["env"] and seen["env"]["A"] == "1"
    assert seen["cmd"][-3:] == ["python", "-m", "ipykernel_launcher"]
