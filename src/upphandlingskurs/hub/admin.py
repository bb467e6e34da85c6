"""Administration of the workshop JupyterHub (deploy/jupyterhub): accounts, exchange, course files.

Run as root on the hub server, in the hub's virtual environment::

    python -m upphandlingskurs.hub.admin forbered --kursledare kursledare
    python -m upphandlingskurs.hub.admin lagg-till --fil deltagare.txt --losenord losenord.csv
    python -m upphandlingskurs.hub.admin ta-bort --fil deltagare.txt

The same functions are used by jupyterhub_config.py (``hand_out_course``, ``role_of``) and by the hub
test (tests/hub), so what the guide tells IT staff to run is what the test runs.
"""
from __future__ import annotations

import csv
import grp
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

COURSE_ID = "gr-socialt-ansvarsfull-upphandling"
EXCHANGE = "/srv/nbgrader/exchange"
PARTICIPANTS_GROUP = "kurs-deltagare"
INSTRUCTORS_GROUP = "kurs-kursledare"
ROLES = ("deltagare", "kursledare")
# Course folders copied into a participant's home (~/kurs/...) and, for an instructor, the nbgrader
# course itself (solutions/, exercises/, nbgrader_config.py) as well.
PARTICIPANT_ITEMS = ("course", "data")
INSTRUCTOR_ITEMS = ("course", "data", "solutions", "exercises", "nbgrader_config.py")
COURSE_FOLDER = "kurs"

_USERNAME = re.compile(r"^[a-z][a-z0-9-]{1,31}$")
# No look-alike characters (0/O, 1/l/I) in passwords that are read aloud or copied from paper.
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Settings:
    """Names that the hub configuration and this tool share (environment overrides for tests)."""

    course_id: str = COURSE_ID
    exchange: Path = Path(EXCHANGE)
    participants_group: str = PARTICIPANTS_GROUP
    instructors_group: str = INSTRUCTORS_GROUP
    home_base: Path | None = None  # None: the system default (/home)

    @classmethod
    def from_env(cls, environ=os.environ) -> "Settings":
        home = environ.get("KURS_HOME_BASE")
        return cls(
            course_id=environ.get("KURS_COURSE_ID", COURSE_ID),
            exchange=Path(environ.get("KURS_EXCHANGE", EXCHANGE)),
            participants_group=environ.get("KURS_GRUPP_DELTAGARE", PARTICIPANTS_GROUP),
            instructors_group=environ.get("KURS_GRUPP_KURSLEDARE", INSTRUCTORS_GROUP),
            home_base=Path(home) if home else None,
        )

    def group_for(self, role: str) -> str:
        if role not in ROLES:
            raise ValueError(f"Okänd roll {role!r}: välj deltagare eller kursledare.")
        return self.instructors_group if role == "kursledare" else self.participants_group


def check_username(name: str) -> str:
    """A Unix user name the hub accepts: lower-case letters, digits and '-', starting with a letter."""
    name = name.strip()
    if not _USERNAME.match(name):
        raise ValueError(
            f"Användarnamnet {name!r} går inte att använda. Använd 2–32 små bokstäver a–z, siffror och "
            "bindestreck, och börja med en bokstav (inga å, ä, ö eller mellanslag)."
        )
    return name


def read_names(path: Path) -> list[str]:
    """User names from a text file: one per line; empty lines and lines starting with # are skipped."""
    names = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(check_username(line.split(",")[0]))
    return names


def new_password(length: int = 12) -> str:
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def ensure_group(name: str) -> int:
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        _run(["groupadd", name])
        return grp.getgrnam(name).gr_gid


def remove_group(name: str) -> None:
    try:
        grp.getgrnam(name)
    except KeyError:
        return
    _run(["groupdel", name])


def set_password(name: str, password: str) -> None:
    _run(["chpasswd"], input=f"{name}:{password}\n")


def add_user(name: str, role: str, settings: Settings, password: str | None = None) -> str:
    """Create (or update) the Unix account ``name`` in the role's group. Returns the password set."""
    name = check_username(name)
    group = settings.group_for(role)
    ensure_group(group)
    if not user_exists(name):
        cmd = ["useradd", "--create-home", "--shell", "/bin/bash", "--groups", group]
        if settings.home_base is not None:
            settings.home_base.mkdir(parents=True, exist_ok=True)
            cmd += ["--base-dir", str(settings.home_base)]
        _run(cmd + [name])
    else:
        _run(["usermod", "--append", "--groups", group, name])
    # Nobody but the owner may enter a home folder (answers, fetched feedback).
    os.chmod(pwd.getpwnam(name).pw_dir, 0o700)
    password = password or new_password()
    set_password(name, password)
    return password


def remove_user(name: str, keep_home: bool = False) -> bool:
    if not user_exists(name):
        return False
    subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)  # a still running server
    _run(["userdel", name] if keep_home else ["userdel", "--remove", name])
    return True


def role_of(name: str, settings: Settings) -> str | None:
    """'kursledare', 'deltagare' or None, from the Unix groups of ``name``."""
    try:
        user = pwd.getpwnam(name)
    except KeyError:
        return None
    groups = {g.gr_name for g in grp.getgrall() if name in g.gr_mem}
    groups |= {grp.getgrgid(user.pw_gid).gr_name}
    if settings.instructors_group in groups:
        return "kursledare"
    if settings.participants_group in groups:
        return "deltagare"
    return None


def prepare_exchange(settings: Settings, instructor: str) -> Path:
    """Create the nbgrader exchange for the course, with permissions that keep participants apart.

    - the exchange root is root's and has the sticky bit (1777, like /tmp): nbgrader insists on a
      writable root, and the sticky bit stops anyone from renaming or removing another user's folder;
    - the course folder belongs to the instructor and the instructors' group, with set-group-ID
      (2755), so inbound/ (which nbgrader creates as 2733: participants may write but not list) and
      every submission folder get the instructors' group – which upphandlingskurs.hub.exchange.GroupSubmit
      then uses to close each submission to other participants.
    """
    gid = ensure_group(settings.instructors_group)
    uid = pwd.getpwnam(instructor).pw_uid
    root = settings.exchange
    root.mkdir(parents=True, exist_ok=True)
    os.chown(root, 0, 0)
    os.chmod(root, 0o1777)
    course = root / settings.course_id
    course.mkdir(exist_ok=True)
    os.chown(course, uid, gid)
    os.chmod(course, 0o2755)
    return course


def _copy_owned(src: Path, dest: Path, uid: int, gid: int) -> None:
    if src.is_dir():
        shutil.copytree(src, dest, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    else:
        shutil.copy2(src, dest)
    for path in [dest, *dest.rglob("*")] if dest.is_dir() else [dest]:
        os.chown(path, uid, gid, follow_symlinks=False)
        if not path.is_symlink():
            os.chmod(path, (path.stat().st_mode | stat.S_IWUSR) & ~stat.S_IWOTH)


def hand_out_course(source: Path, name: str, role: str) -> list[Path]:
    """Copy the course into ``~name/kurs/`` (only what is not there yet: a participant's work is kept).

    Participants get the lecture notebooks and data; an instructor also gets the nbgrader course
    (solutions, generated exercises, nbgrader_config.py), so that ~/kurs is the formgrader's course root.
    """
    user = pwd.getpwnam(name)
    target = Path(user.pw_dir) / COURSE_FOLDER
    if not target.exists():
        target.mkdir(mode=0o755)
        os.chown(target, user.pw_uid, user.pw_gid)
    copied = []
    for item in INSTRUCTOR_ITEMS if role == "kursledare" else PARTICIPANT_ITEMS:
        src, dest = Path(source) / item, target / item
        if src.exists() and not dest.exists():
            _copy_owned(src, dest, user.pw_uid, user.pw_gid)
            copied.append(dest)
    return copied


# --- command line -------------------------------------------------------------------------------------
app = typer.Typer(help="Administrera kursens JupyterHub: konton, inlämningsmapp och kursfiler.",
                  no_args_is_help=True, add_completion=False)


def _names(names: list[str] | None, fil: Path | None) -> list[str]:
    out = [check_username(n) for n in names or []]
    if fil is not None:
        out += read_names(fil)
    if not out:
        raise typer.BadParameter("Ange användarnamn eller --fil med ett namn per rad.")
    return out


@app.command("forbered")
def cmd_prepare(
    kursledare: Annotated[str, typer.Option(help="Kursledarens användarnamn (skapas om det saknas).")],
    losenord: Annotated[Path | None, typer.Option(help="CSV-fil att skriva kursledarens lösenord till.")] = None,
):
    """Skapa grupperna, kursledarens konto och inlämningsmappen (nbgrader exchange)."""
    settings = Settings.from_env()
    ensure_group(settings.participants_group)
    ensure_group(settings.instructors_group)
    created = not user_exists(kursledare)
    if created:
        password = add_user(kursledare, "kursledare", settings)
        _write_passwords(losenord, [(kursledare, "kursledare", password)])
    course = prepare_exchange(settings, kursledare)
    typer.echo(f"Inlämningsmappen är klar: {course}")
    if created and losenord is None:
        typer.echo(f"Kursledarens lösenord: {password}")


def _write_passwords(path: Path | None, rows: list[tuple[str, str, str]]) -> None:
    if path is None or not rows:
        return
    new = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")  # plain lines: `cut -d, -f3` gives the password
        if new:
            writer.writerow(["anvandarnamn", "roll", "losenord"])
        writer.writerows(rows)
    os.chmod(path, 0o600)


@app.command("lagg-till")
def cmd_add(
    namn: Annotated[list[str] | None, typer.Argument(help="Användarnamn.")] = None,
    fil: Annotated[Path | None, typer.Option(help="Textfil med ett användarnamn per rad.")] = None,
    roll: Annotated[str, typer.Option(help="deltagare eller kursledare.")] = "deltagare",
    losenord: Annotated[Path, typer.Option(help="CSV-fil (bara läsbar för root) som lösenorden skrivs till.")] = Path("losenord.csv"),
):
    """Skapa konton med slumpade lösenord (befintliga konton får nytt lösenord)."""
    settings = Settings.from_env()
    rows = []
    for name in _names(namn, fil):
        rows.append((name, roll, add_user(name, roll, settings)))
        typer.echo(f"{name}: klart ({roll})")
    _write_passwords(losenord, rows)
    typer.echo(f"{len(rows)} konton. Lösenorden står i {losenord} – dela ut dem och radera sedan filen.")


@app.command("ta-bort")
def cmd_remove(
    namn: Annotated[list[str] | None, typer.Argument(help="Användarnamn.")] = None,
    fil: Annotated[Path | None, typer.Option(help="Textfil med ett användarnamn per rad.")] = None,
    behall_hem: Annotated[bool, typer.Option(help="Behåll hemmappen (deltagarens filer).")] = False,
):
    """Ta bort konton efter kursen (och deras hemmappar, om inte --behall-hem)."""
    for name in _names(namn, fil):
        typer.echo(f"{name}: {'borttaget' if remove_user(name, keep_home=behall_hem) else 'fanns inte'}")


@app.command("lista")
def cmd_list():
    """Visa kursens konton och deras roll."""
    settings = Settings.from_env()
    for role in ROLES:
        try:
            members = sorted(grp.getgrnam(settings.group_for(role)).gr_mem)
        except KeyError:
            members = []
        typer.echo(f"{role} ({len(members)}): {', '.join(members) or '–'}")


def main() -> None:  # pragma: no cover - thin wrapper
    app(prog_name="python -m upphandlingskurs.hub.admin")


if __name__ == "__main__":
    main()
