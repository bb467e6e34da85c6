"""nbgrader assignments of the course: generate exercises/ from solutions/, and build test submissions.

`python -m upphandlingskurs.content.assignments generate` regenerates every exercises/<modul>/ from
solutions/<modul>/ with `nbgrader generate_assignment` (exercises/ is never edited by hand).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

SOLUTION_BEGIN = re.compile(r"^\s*#*\s*### BEGIN SOLUTION\s*$")
SOLUTION_END = re.compile(r"^\s*#*\s*### END SOLUTION\s*$")
CONFIG_FILE = "nbgrader_config.py"


def tool_env(root: Path | None = None, **extra) -> dict:
    """Environment for nbgrader subprocesses: the venv's bin/ on PATH (nbgrader runs `alembic`)."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    if root is not None:
        env["KURS_ROOT"] = str(root)
        env["KURS_DB_URL"] = "sqlite:///" + str(Path(root) / "gradebook.db")
    env.update({k: str(v) for k, v in extra.items()})
    return env


def nbgrader(args: list[str], root: Path, *, check: bool = True, timeout: float = 600, **env) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "nbgrader", *args]
    proc = subprocess.run(cmd, cwd=root, env=tool_env(root, **env), capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} misslyckades:\n{proc.stdout}\n{proc.stderr}")
    return proc


def assignment_names(root: Path) -> list[str]:
    src = Path(root) / "solutions"
    return sorted(p.name for p in src.iterdir() if p.is_dir() and not p.name.startswith((".", "_")) and any(p.glob("*.ipynb")))


def generate(root: Path, names: list[str] | None = None) -> None:
    """Run `nbgrader generate_assignment` for each assignment under ``root``."""
    for name in names or assignment_names(root):
        nbgrader(["generate_assignment", name, "--force"], root)


def scratch_course(repo: Path, dest: Path) -> Path:
    """Copy what nbgrader needs (config, solutions/, data/, course package data) to a scratch course root."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(repo) / CONFIG_FILE, dest / CONFIG_FILE)
    shutil.copytree(Path(repo) / "solutions", dest / "solutions", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    if (Path(repo) / "data").exists():
        shutil.copytree(Path(repo) / "data", dest / "data", dirs_exist_ok=True)
    return dest


def strip_solution_markers(source: str) -> str:
    return "\n".join(line for line in source.split("\n") if not (SOLUTION_BEGIN.match(line) or SOLUTION_END.match(line)))


def solution_submission(source_nb: Path) -> nbformat.NotebookNode:
    """The source notebook as a participant who answers everything correctly would submit it."""
    nb = nbformat.read(source_nb, as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            cell.source = strip_solution_markers(cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def answer_cells(nb: nbformat.NotebookNode) -> list[str]:
    """grade_ids of the solution cells (where participants answer)."""
    return [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]


def autograded_tests(nb: nbformat.NotebookNode) -> dict[str, float]:
    """{grade_id: points} of the autograded test cells."""
    out = {}
    for c in nb.cells:
        m = c.metadata.get("nbgrader", {})
        if m.get("grade") and not m.get("solution") and c.cell_type == "code":
            out[m["grade_id"]] = float(m.get("points", 0))
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["generate"]:
        root = Path.cwd()
        with tempfile.TemporaryDirectory() as tmp:
            # Generate in a scratch copy so the instructor's real gradebook is never touched.
            scratch = scratch_course(root, Path(tmp) / "kurs")
            names = argv[1:] or assignment_names(root)
            generate(scratch, names)
            for name in names:
                target = root / "exercises" / name
                if target.exists():
                    shutil.rmtree(target)
                shutil.copytree(scratch / "exercises" / name, target)
                print(f"genererade exercises/{name}")
        return 0
    print("Användning: python -m upphandlingskurs.content.assignments generate [MODUL …]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())


def answered_release(release_nb: Path, source_nb: Path) -> nbformat.NotebookNode:
    """The handed-out notebook with every answer cell filled in as the solution does (a perfect participant)."""
    release = nbformat.read(release_nb, as_version=4)
    solved = {c.metadata["nbgrader"]["grade_id"]: strip_solution_markers(c.source)
              for c in nbformat.read(source_nb, as_version=4).cells
              if c.metadata.get("nbgrader", {}).get("solution")}
    for cell in release.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in solved:
            cell.source = solved[gid]
    return release
