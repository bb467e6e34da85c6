"""Check one submission before anything runs, and stage a clean copy for nbgrader.

Nothing here executes participants' code, and the submission itself is never changed: a checked copy is
written to the staging folder (``.kurs/inkorg/<deltagare>/<modul>/``) that nbgrader then grades. Every
repair is reported in plain Swedish. Problems it handles: missing, empty, oversized, non-UTF-8 or
non-JSON files; notebooks saved in the old format 3 (converted, and said so); wrong file names; extra files;
unknown, duplicated, deleted or tampered grade cells and metadata; edited test and locked cells; outputs saved in the file.
"""
from __future__ import annotations

import copy
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

MAX_NOTEBOOK_BYTES = 25 * 1024**2
IGNORED = {".ipynb_checkpoints", "__pycache__", ".DS_Store", "Thumbs.db", "timestamp.txt"}


@dataclass
class Checked:
    notes: list[str] = field(default_factory=list)
    fatal: str | None = None
    staged: list[str] = field(default_factory=list)


class Unreadable(Exception):
    """A file that cannot be read as a notebook; the message is the Swedish reason."""


OLD_FORMAT_NOTE = ("Notebooken {name} var sparad i det äldre notebookformatet 3 och konverterades till "
                   "dagens format 4 före rättningen. Innehållet är detsamma.")


def read_notebook(path: Path, notes: list[str] | None = None) -> nbformat.NotebookNode:
    """Read a submitted notebook defensively; raise Unreadable with a plain reason.

    A notebook in the old format 3 (cells inside ``worksheets``) is converted to format 4; the conversion is
    reported in ``notes`` when given."""
    name = path.name
    size = path.stat().st_size
    if size == 0:
        raise Unreadable(f"Filen {name} är tom (0 byte). Den sparades troligen inte innan den lämnades in.")
    if size > MAX_NOTEBOOK_BYTES:
        raise Unreadable(f"Filen {name} är för stor ({size / 1024**2:.0f} MB) för att rättas.")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(f"Filen {name} är inte sparad som UTF-8-text och går inte att läsa som notebook.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise Unreadable(f"Filen {name} är ingen giltig notebook (innehållet är inte JSON; "
                         "filen kan vara ofullständigt sparad eller av en annan filtyp).") from None
    old_format = isinstance(data, dict) and data.get("nbformat") == 3 and isinstance(data.get("worksheets"), list)
    if not old_format and (not isinstance(data, dict) or not isinstance(data.get("cells"), list)):
        raise Unreadable(f"Filen {name} har inte notebookformat (cellerna saknas).")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception:
        raise Unreadable(f"Filen {name} har inte ett notebookformat som går att läsa.") from None
    for cell in nb.cells:
        if not isinstance(cell.get("source", ""), str) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            raise Unreadable(f"Filen {name} innehåller celler som inte går att läsa.")
    if old_format and notes is not None:
        notes.append(OLD_FORMAT_NOTE.format(name=name))
    return nb


def _grade_ids(nb) -> set[str]:
    return {c.metadata["nbgrader"]["grade_id"] for c in nb.cells
            if isinstance(c.metadata.get("nbgrader"), dict) and "grade_id" in c.metadata["nbgrader"]}


def _comparable(meta: dict) -> dict:
    return {k: v for k, v in meta.items() if k != "checksum"}


def sanitize(nb: nbformat.NotebookNode, reference: nbformat.NotebookNode) -> list[str]:
    """Restore the nbgrader structure of ``nb`` from the handed-out ``reference``; return notes."""
    notes: list[str] = []
    ref = {c.metadata["nbgrader"]["grade_id"]: c for c in reference.cells
           if isinstance(c.metadata.get("nbgrader"), dict) and "grade_id" in c.metadata["nbgrader"]}
    seen: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        meta = cell.metadata.get("nbgrader")
        if meta is None:
            continue
        gid = meta.get("grade_id") if isinstance(meta, dict) else None
        if gid not in ref:
            del cell.metadata["nbgrader"]
            notes.append(f"En cell hade okänd rättningsinformation ({gid!r}) och räknas som vanlig cell.")
            continue
        if gid in seen:
            del cell.metadata["nbgrader"]
            notes.append(f"Cellen {gid} fanns flera gånger; bara den första räknas vid rättningen.")
            continue
        seen.add(gid)
        want = ref[gid]
        want_meta = copy.deepcopy(dict(want.metadata["nbgrader"]))
        if _comparable(dict(meta)) != _comparable(want_meta):
            notes.append(f"Rättningsinformationen (metadata) för cellen {gid} var ändrad och återställdes.")
        elif not want_meta.get("solution") and meta.get("checksum") != want_meta.get("checksum"):
            notes.append(f"Kontrollsumman för cellen {gid} var ändrad och återställdes.")
        cell.metadata["nbgrader"] = nbformat.from_dict(want_meta)
        if cell.cell_type != want.cell_type:
            notes.append(f"Celltypen för cellen {gid} var ändrad och återställdes.")
            new = nbformat.from_dict(copy.deepcopy(dict(want)))
            if want_meta.get("solution"):
                new.source = cell.source
            cell.clear()
            cell.update(new)
        if not want_meta.get("solution") and cell.source != want.source:
            kind = "testcellen" if want_meta.get("grade") else "den låsta cellen"
            notes.append(f"Innehållet i {kind} {gid} var ändrat; originalet användes vid rättningen.")
            cell.source = want.source
    for gid in ref:
        if gid not in seen:
            notes.append(f"Cellen {gid} saknades och lades tillbaka utan svar.")
    return notes


def _files(directory: Path) -> list[Path]:
    out = []
    for p in sorted(directory.rglob("*")):
        rel = p.relative_to(directory)
        if any(part in IGNORED for part in rel.parts):
            continue
        if p.is_file() or p.is_symlink():
            out.append(p)
    return out


def stage(submission: Path, reference: Path, staging: Path) -> Checked:
    """Check ``submission`` against the handed-out notebooks in ``reference``; write a clean copy to ``staging``."""
    result = Checked()
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    if not submission.is_dir():
        result.fatal = "Ingen inlämning hittades."
        return result
    expected = {p.name: nbformat.read(p, as_version=4) for p in sorted(reference.glob("*.ipynb"))}
    files = [p for p in _files(submission) if not p.is_symlink()]
    links = [p for p in _files(submission) if p.is_symlink()]
    by_name = {p.relative_to(submission).as_posix(): p for p in files}
    used: set[Path] = set()
    problems: list[str] = []

    # Readable notebooks that are not named as expected: candidates for a wrong file name.
    strays: dict[Path, nbformat.NotebookNode | None] = {}
    for p in files:
        if p.suffix.lower() == ".ipynb" and p.relative_to(submission).as_posix() not in expected:
            try:
                strays[p] = read_notebook(p)
            except Unreadable:
                strays[p] = None

    for name, ref_nb in expected.items():
        path = by_name.get(name)
        if path is None:
            ids = _grade_ids(ref_nb)
            scored = sorted(((len(ids & _grade_ids(nb)), str(p)), p) for p, nb in strays.items()
                            if nb is not None and p not in used)
            best = [p for (n, _), p in scored if n > 0 and n == scored[-1][0][0]]
            if len(best) == 1:
                path = best[0]
                result.notes.append(f"Notebooken hette {path.relative_to(submission)} i stället för {name}; "
                                    f"den rättades som {name}.")
            elif len(strays) == 1 and next(iter(strays.values())) is None:
                path = next(iter(strays))
                result.notes.append(f"Filen {path.relative_to(submission)} rättades som {name} (fel filnamn).")
        if path is None:
            problems.append(f"Notebooken {name} saknas i inlämningen.")
            continue
        used.add(path)
        try:
            nb = read_notebook(path, result.notes)
        except Unreadable as err:
            problems.append(str(err))
            continue
        result.notes.extend(sanitize(nb, ref_nb))
        nbformat.write(nb, staging / name)
        result.staged.append(name)

    extra = [p.relative_to(submission).as_posix() for p in files if p not in used] + \
            [p.relative_to(submission).as_posix() for p in links]
    if extra:
        result.notes.append("Extra filer i inlämningen rättas inte: " + ", ".join(extra) + ".")
    ts = submission / "timestamp.txt"
    if ts.is_file() and not ts.is_symlink():
        shutil.copy2(ts, staging / "timestamp.txt")
    if not result.staged:
        result.fatal = " ".join(problems) or "Inlämningen innehåller ingen notebook som går att rätta."
    else:
        result.notes = problems + result.notes
    return result
