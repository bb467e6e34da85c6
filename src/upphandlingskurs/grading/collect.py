"""Collect submissions into submitted/<deltagare>/<modul>/: from the hub's exchange, or from a folder of files
that participants e-mailed or that an LMS exported (file names vary; the participant list maps them).

Nothing is dropped: files that match nobody are copied to ``omatchade/<modul>/`` and reported, and a
submission that is replaced is first moved to ``arkiv/<tid>/``. The source folder is never changed.
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .autograde import fingerprint
from .course import Course, CourseError

ID_COLUMNS = ("id", "deltagare", "användarnamn", "anvandarnamn", "username", "student_id")
FIRST = ("förnamn", "fornamn", "first_name", "first name")
LAST = ("efternamn", "last_name", "last name")
EMAIL = ("e-post", "epost", "email", "e-mail", "mejl")
ALIAS = ("alias", "andra namn")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_MEMBER_BYTES = 50 * 1024**2      # a file inside a zip archive larger than this is not unpacked


@dataclass
class Participant:
    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    aliases: list[str] = field(default_factory=list)

    def keys(self) -> list[str]:
        """Normalised strings that identify the participant in a file name."""
        first, last = normalise(self.first_name), normalise(self.last_name)
        keys = {normalise(self.id), normalise(self.id.replace(".", "").replace("_", "").replace("-", ""))}
        if self.email:
            keys |= {normalise(self.email), normalise(self.email.split("@")[0])}
        if first and last:
            keys |= {f"{first} {last}", f"{last} {first}", (last + first).replace(" ", ""),
                     (first + last).replace(" ", "")}
        keys |= {normalise(a) for a in self.aliases}
        return sorted(k for k in keys if len(k) >= 3)


def normalise(text: str) -> str:
    """Lower case, no accents (å→a), words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _pick(row: dict, names: tuple[str, ...]) -> str:
    for key, value in row.items():
        if key and key.strip().casefold() in names:
            return (value or "").strip()
    return ""


def read_participants(path: Path) -> list[Participant]:
    """Read the participant list (CSV with a header; comma or semicolon; UTF-8 or Windows encoding)."""
    raw = Path(path).read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    if not rows or not any(k and k.strip().casefold() in ID_COLUMNS for k in rows[0]):
        raise CourseError(f"Deltagarlistan {path} behöver en kolumn 'id' (och gärna förnamn, efternamn, e-post).")
    out, seen = [], set()
    for n, row in enumerate(rows, start=2):
        pid = _pick(row, ID_COLUMNS)
        if not pid:
            continue
        if not ID_PATTERN.match(pid):
            raise CourseError(f"Rad {n} i deltagarlistan: id '{pid}' får bara innehålla bokstäverna a–z, siffror, "
                              "punkt, bindestreck och understreck.")
        if pid in seen:
            raise CourseError(f"Rad {n} i deltagarlistan: id '{pid}' finns redan.")
        seen.add(pid)
        aliases = [a.strip() for a in _pick(row, ALIAS).split(";") if a.strip()]
        out.append(Participant(pid, _pick(row, FIRST), _pick(row, LAST), _pick(row, EMAIL), aliases))
    return out


def match(name: str, participants: list[Participant]) -> tuple[Participant | None, str]:
    """The participant a file name belongs to, or None with a Swedish reason."""
    text = f" {normalise(name)} "
    squeezed = text.replace(" ", "")
    hits: dict[str, tuple[int, Participant]] = {}
    for p in participants:
        for key in p.keys():
            if f" {key} " in text or (" " not in key and len(key) >= 8 and key in squeezed):
                if len(key) > hits.get(p.id, (0, p))[0]:
                    hits[p.id] = (len(key), p)
    if not hits:
        return None, "passar ingen i deltagarlistan"
    if len(hits) > 1:
        return None, "passar flera deltagare: " + ", ".join(sorted(hits))
    return next(iter(hits.values()))[1], ""


@dataclass
class CollectReport:
    collected: dict[str, str] = field(default_factory=dict)          # participant -> source file
    unchanged: list[str] = field(default_factory=list)
    replaced: dict[str, str] = field(default_factory=dict)           # participant -> archive folder
    extra: dict[str, list[str]] = field(default_factory=dict)        # participant -> other files kept
    unmatched: dict[str, str] = field(default_factory=dict)          # file -> reason
    unmatched_dir: Path | None = None


def _walk(folder: Path, tmp: Path, refused: dict[str, str]) -> list[tuple[str, Path]]:
    """(name shown to the instructor, real path) of every file; zip archives are opened."""
    out = []
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or any(part.startswith(".") or part == "__MACOSX" for part in p.relative_to(folder).parts):
            continue
        rel = p.relative_to(folder).as_posix()
        if p.suffix.lower() == ".zip":
            target = tmp / rel
            try:
                with zipfile.ZipFile(p) as zf:
                    for member in zf.infolist():
                        name = Path(member.filename)
                        if member.is_dir() or "__MACOSX" in name.parts:
                            continue
                        if name.is_absolute() or ".." in name.parts:
                            refused[f"{rel}/{member.filename}"] = "sökvägen pekar ut ur zip-filen; packades inte upp"
                            continue
                        if member.file_size > MAX_MEMBER_BYTES:
                            refused[f"{rel}/{member.filename}"] = "för stor för att packas upp; finns kvar i zip-filen"
                            continue
                        dest = target / name
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        with zf.open(member) as src, open(dest, "wb") as dst:
                            shutil.copyfileobj(src, dst)
                        out.append((f"{rel}/{member.filename}", dest))
                continue
            except zipfile.BadZipFile:
                pass
        out.append((rel, p))
    return out


def _archive(course: Course, participant: str, module: str, stamp: str) -> str:
    src = course.path("submitted", participant, module)
    dest = course.path("arkiv", stamp, participant, module)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), str(dest))
    return str(dest.relative_to(course.root))


def collect_folder(course: Course, module: str, folder: Path, participants: list[Participant]) -> CollectReport:
    """Copy the module's submissions found in ``folder`` into submitted/, matched by the participant list."""
    course.check_module(module)
    folder = Path(folder)
    if not folder.is_dir():
        raise CourseError(f"Mappen {folder} finns inte.")
    expected = sorted(p.name for p in course.reference_dir(module).glob("*.ipynb"))
    if not expected:
        course.ensure_assignment(module)
        expected = sorted(p.name for p in course.reference_dir(module).glob("*.ipynb"))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    report = CollectReport()
    by_participant: dict[str, list[tuple[str, Path]]] = {}
    with tempfile.TemporaryDirectory(prefix="kurs-insamling-") as tmp:
        refused: dict[str, str] = {}
        files = _walk(folder, Path(tmp), refused)
        report.unmatched.update(refused)
        for shown, path in files:
            who, why = match(shown, participants)
            if who is None:
                report.unmatched[shown] = why
                dest = course.path("omatchade", module, shown)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, dest)
                report.unmatched_dir = course.path("omatchade", module)
                continue
            by_participant.setdefault(who.id, []).append((shown, path))
        for pid, files in sorted(by_participant.items()):
            notebooks = sorted((f for f in files if f[1].suffix.lower() == ".ipynb"),
                               key=lambda f: f[1].stat().st_mtime)
            with tempfile.TemporaryDirectory(prefix="kurs-ny-") as new:
                new_dir = Path(new)
                chosen = notebooks[-1] if notebooks else None
                if chosen is not None and len(expected) == 1:
                    shutil.copy2(chosen[1], new_dir / expected[0])
                for n, (shown, path) in enumerate(files):
                    if chosen is not None and len(expected) == 1 and (shown, path) == chosen:
                        continue
                    name = Path(shown).name
                    if (new_dir / name).exists():
                        name = f"{Path(name).stem}_{n + 1}{Path(name).suffix}"
                    shutil.copy2(path, new_dir / name)
                    report.extra.setdefault(pid, []).append(shown)
                target = course.path("submitted", pid, module)
                if target.exists():
                    if fingerprint(target) == fingerprint(new_dir):
                        report.unchanged.append(pid)
                        continue
                    report.replaced[pid] = _archive(course, pid, module, stamp)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(new_dir, target)
                report.collected[pid] = chosen[0] if chosen else files[0][0]
    register(course, participants)
    return report


def register(course: Course, participants: list[Participant]) -> None:
    """Put names and e-mail addresses into the gradebook (shown in formgrader and the export)."""
    with course.gradebook() as gb:
        for p in participants:
            gb.update_or_create_student(p.id, first_name=p.first_name or None, last_name=p.last_name or None,
                                        email=p.email or None)


def collect_exchange(course: Course, module: str) -> CollectReport:
    """``nbgrader collect`` from the hub's exchange; replaced submissions are archived first."""
    course.check_module(module)
    before = {p: fingerprint(course.path("submitted", p, module)) for p in course.submitted(module)}
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    with tempfile.TemporaryDirectory(prefix="kurs-fore-") as tmp:
        for p in before:
            shutil.copytree(course.path("submitted", p, module), Path(tmp) / p)
        result = course.api().collect(module, update=True)
        if not result["success"]:
            raise CourseError("Insamlingen från JupyterHub misslyckades:\n" + (result.get("log") or "")
                              + (result.get("error") or ""))
        report = CollectReport()
        for p in course.submitted(module):
            now = fingerprint(course.path("submitted", p, module))
            if p not in before:
                report.collected[p] = "utbytesmappen"
            elif now != before[p]:
                dest = course.path("arkiv", stamp, p, module)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(Path(tmp) / p, dest)
                report.replaced[p] = str(dest.relative_to(course.root))
                report.collected[p] = "utbytesmappen"
            else:
                report.unchanged.append(p)
    return report
