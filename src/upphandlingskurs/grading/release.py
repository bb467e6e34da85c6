"""Hand out a module: to the hub's exchange (nbgrader release_assignment), or as files for e-mail or an LMS."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from .course import Course, CourseError


def release_exchange(course: Course, module: str) -> str:
    """Copy exercises/<modul>/ to the JupyterHub exchange; return nbgrader's log."""
    course.ensure_assignment(module)
    if not any(course.path("exercises", module).glob("*.ipynb")):
        raise CourseError(f"exercises/{module}/ saknas. Kör `make exercises` först.")
    result = course.api().release_assignment(module)
    if not result["success"]:
        log = (result.get("log") or "") + (result.get("error") or "")
        if "already exists" in log:
            raise CourseError(f"Modulen {module} är redan utdelad. Använd --om för att dela ut den igen.")
        raise CourseError("Utdelningen till JupyterHub misslyckades:\n" + log)
    return result.get("log") or ""


def unrelease_exchange(course: Course, module: str) -> None:
    course.api().unrelease(module)


def release_folder(course: Course, module: str, target: Path) -> Path:
    """A zip file with the participant version, to send by e-mail or upload to an LMS."""
    source = course.path("exercises", module)
    if not any(source.glob("*.ipynb")):
        raise CourseError(f"exercises/{module}/ saknas. Kör `make exercises` först.")
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    archive = target / f"{module}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(source.rglob("*")):
            if p.is_file() and ".ipynb_checkpoints" not in p.parts:
                zf.write(p, Path(module) / p.relative_to(source))
    return archive


def copy_folder(course: Course, module: str, target: Path) -> Path:
    dest = Path(target) / module
    shutil.copytree(course.path("exercises", module), dest, dirs_exist_ok=True)
    return dest
