"""Benchmark: `kurs rätta` against plain serial `nbgrader autograde`, and the floor (only executing the notebooks).

A synthetic cohort (default 30 participants × every module in solutions/) is graded three ways, each in its
own scratch copy of the course:

1. floor   – each submitted notebook is only executed (nbclient, one kernel per notebook, serially);
2. nbgrader – plain `nbgrader autograde <modul>` for the whole cohort, serially (one process per module);
3. kurs    – `kurs rätta` (grading.autograde.grade_module): per-participant workers in the sandbox.

Prints wall time per notebook and in total, the speed-up over plain nbgrader, the ratio to floor/cores,
and checks that both graders give identical scores. Not part of `make test` (it takes minutes).

    python scripts/benchmark_grading.py [--deltagare 30] [--parallellt 2] [--modul 00_kom_igang ...]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from upphandlingskurs.content.assignments import answered_release, generate, nbgrader, scratch_course  # noqa: E402
from upphandlingskurs.grading.autograde import Settings, grade_modules  # noqa: E402
from upphandlingskurs.grading.course import Course  # noqa: E402


def make_course(dest: Path) -> Path:
    root = scratch_course(REPO, dest)
    shutil.copytree(REPO / "exercises", root / "exercises", dirs_exist_ok=True)
    return root


def cohort(root: Path, modules: list[str], n: int) -> list[tuple[str, str, Path]]:
    """Write n submissions per module: perfect, untouched, and with one answer left open, in turn."""
    out = []
    for module in modules:
        for nb_path in sorted((REPO / "exercises" / module).glob("*.ipynb")):
            solved = answered_release(nb_path, REPO / "solutions" / module / nb_path.name)
            release = nbformat.read(nb_path, as_version=4)
            answer_ids = [c.metadata["nbgrader"]["grade_id"] for c in release.cells
                          if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]
            for i in range(n):
                pid = f"deltagare-{i + 1:02d}"
                nb = nbformat.from_dict(solved)
                if i % 3 == 1:
                    nb = nbformat.from_dict(release)
                elif i % 3 == 2 and answer_ids:
                    gid = answer_ids[i % len(answer_ids)]
                    stub = next(c.source for c in release.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)
                    for c in nb.cells:
                        if c.metadata.get("nbgrader", {}).get("grade_id") == gid:
                            c.source = stub
                d = root / "submitted" / pid / module
                d.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, d / nb_path.name)
                out.append((pid, module, d / nb_path.name))
    return out


def floor(subs: list[tuple[str, str, Path]], timeout: int) -> float:
    from nbclient import NotebookClient

    start = time.perf_counter()
    for _, _, path in subs:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def scores(root: Path, modules: list[str]) -> dict[tuple[str, str], float]:
    course = Course(root)
    out = {}
    with course.gradebook() as gb:
        for m in modules:
            for s in gb.find_assignment(m).submissions:
                out[(m, s.student.id)] = round(float(s.code_score), 3)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deltagare", type=int, default=30)
    ap.add_argument("--parallellt", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--modul", action="append", default=None)
    ap.add_argument("--tidsgrans", type=int, default=60)
    args = ap.parse_args(argv)
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    modules = args.modul or Course(REPO).modules()
    cores = args.parallellt
    with tempfile.TemporaryDirectory(prefix="kurs-benchmark-") as tmp:
        tmp = Path(tmp)
        roots = {k: make_course(tmp / k) for k in ("floor", "nbgrader", "kurs")}
        subs = {k: cohort(r, modules, args.deltagare) for k, r in roots.items()}
        n = len(subs["kurs"])
        print(f"Kohort: {args.deltagare} deltagare × {len(modules)} moduler = {n} notebookar; "
              f"{cores} parallella; {os.cpu_count()} kärnor.", flush=True)
        for k in ("nbgrader", "kurs"):            # gradebooks ready before timing, for both
            generate(roots[k], modules)
        Course(roots["kurs"]).prepare_gradebook()
        for m in modules:
            Course(roots["kurs"]).ensure_assignment(m)

        t_floor = floor(subs["floor"], args.tidsgrans)
        print(f"golv (bara köra notebookarna, seriellt): {t_floor:.1f} s", flush=True)

        t0 = time.perf_counter()
        for m in modules:
            nbgrader(["autograde", m, f"--Execute.timeout={args.tidsgrans}"], roots["nbgrader"], timeout=7200)
        t_plain = time.perf_counter() - t0
        print(f"nbgrader autograde (seriellt): {t_plain:.1f} s", flush=True)

        course = Course(roots["kurs"])
        t0 = time.perf_counter()
        outs = grade_modules(course, modules, workers=cores, settings=Settings(cell_timeout=args.tidsgrans), force=True)
        failed = [o for o in outs if o.status == "ej rättad"]
        t_kurs = time.perf_counter() - t0
        print(f"kurs rätta ({cores} parallella, sandlåda): {t_kurs:.1f} s", flush=True)

        same = scores(roots["nbgrader"], modules) == scores(roots["kurs"], modules)
        ideal = t_floor / cores
        print()
        print(f"{'':32}{'totalt (s)':>12}{'per notebook (s)':>18}")
        for label, t in [("golv (bara köra)", t_floor), (f"golv / {cores} kärnor", ideal),
                         ("nbgrader autograde, seriellt", t_plain), ("kurs rätta", t_kurs)]:
            print(f"{label:32}{t:12.1f}{t / n:18.2f}")
        print()
        print(f"kurs rätta är {t_plain / t_kurs:.2f}× snabbare än seriell nbgrader (mål ≥ 1,7×)")
        print(f"kurs rätta / (golv / kärnor) = {t_kurs / ideal:.2f} (mål ≤ 1,5)")
        print(f"samma poäng som nbgrader: {'ja' if same else 'NEJ'}; ej rättade: {len(failed)}")
        return 0 if same and not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
