"""Benchmark: `kurs rätta` against plain serial `nbgrader autograde`, and the floor (only executing the notebooks).

A synthetic cohort (default 30 participants × every module in solutions/) is graded three ways, each in its
own scratch copy of the course:

1. floor   – each submitted notebook is only executed (nbclient, one kernel per notebook, serially);
2. nbgrader – plain `nbgrader autograde <modul>` for the whole cohort, serially (one process per module);
3. kurs    – `kurs rätta` (grading.autograde.grade_module): per-participant workers in the sandbox.

Prints, side by side, wall time per notebook for each module and in total, the speed-up over plain nbgrader,
the ratio to floor/cores, and checks that both graders give identical scores (per participant and module).
The machine's load average is printed before and after: on a shared machine the ratios (all three measured
in the same run) mean more than the seconds. Not part of `make test` (it takes minutes).

With more participants than ``--prov`` (default 30), for example ``--deltagare 390`` (GR's 13 municipalities
× 30), the three ways are measured on ``--prov`` participants and the time for all of them is projected
(grading time grows linearly with the number of notebooks: every notebook is graded on its own).

    python scripts/benchmark_grading.py [--deltagare 30] [--parallellt 2] [--modul 00_kom_igang ...]
    python scripts/benchmark_grading.py --deltagare 390        # projected time for the whole region
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


def floor(subs: list[tuple[str, str, Path]], timeout: int) -> dict[str, float]:
    """Seconds per module: every notebook executed in a fresh kernel, one after the other."""
    from nbclient import NotebookClient

    out: dict[str, float] = {}
    for _, module, path in subs:
        start = time.perf_counter()
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        out[module] = out.get(module, 0.0) + time.perf_counter() - start
    return out


def scores(root: Path, modules: list[str]) -> dict[tuple[str, str], float]:
    course = Course(root)
    out = {}
    with course.gradebook() as gb:
        for m in modules:
            for s in gb.find_assignment(m).submissions:
                out[(m, s.student.id)] = round(float(s.code_score), 3)
    return out


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deltagare", type=int, default=30, help="deltagare per modul (390 = hela GR)")
    ap.add_argument("--prov", type=int, default=30, help="mät på så många deltagare och räkna upp till --deltagare")
    ap.add_argument("--parallellt", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--modul", action="append", default=None)
    ap.add_argument("--tidsgrans", type=int, default=60)
    args = ap.parse_args(argv)
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    modules = args.modul or Course(REPO).modules()
    cores = args.parallellt
    measured = min(args.deltagare, args.prov)
    with tempfile.TemporaryDirectory(prefix="kurs-benchmark-") as tmp:
        tmp = Path(tmp)
        roots = {k: make_course(tmp / k) for k in ("floor", "nbgrader", "kurs")}
        subs = {k: cohort(r, modules, measured) for k, r in roots.items()}
        n = len(subs["kurs"])
        per_module = {m: sum(1 for _, mm, _ in subs["kurs"] if mm == m) for m in modules}
        print(f"Kohort: {measured} deltagare × {len(modules)} moduler = {n} notebookar; "
              f"{cores} parallella; {os.cpu_count()} kärnor; belastning (1, 5, 15 min) före: {load()}.", flush=True)
        for k in ("nbgrader", "kurs"):            # gradebooks ready before timing, for both
            generate(roots[k], modules)
        Course(roots["kurs"]).prepare_gradebook()
        for m in modules:
            Course(roots["kurs"]).ensure_assignment(m)

        t_floor_m = floor(subs["floor"], args.tidsgrans)
        t_floor = sum(t_floor_m.values())
        print(f"golv (bara köra notebookarna, seriellt): {t_floor:.1f} s", flush=True)

        t_plain_m = {}
        for m in modules:
            t0 = time.perf_counter()
            nbgrader(["autograde", m, f"--Execute.timeout={args.tidsgrans}"], roots["nbgrader"], timeout=7200)
            t_plain_m[m] = time.perf_counter() - t0
        t_plain = sum(t_plain_m.values())
        print(f"nbgrader autograde (seriellt): {t_plain:.1f} s", flush=True)

        course = Course(roots["kurs"])
        t0 = time.perf_counter()
        outs = grade_modules(course, modules, workers=cores, settings=Settings(cell_timeout=args.tidsgrans), force=True)
        failed = [o for o in outs if o.status == "ej rättad"]
        t_kurs = time.perf_counter() - t0
        print(f"kurs rätta ({cores} parallella, sandlåda): {t_kurs:.1f} s", flush=True)
        # kurs grades all modules in one pool: its time per module is the module's share of the workers' time
        work = {m: sum(o.seconds for o in outs if o.module == m) for m in modules}
        t_kurs_m = {m: t_kurs * work[m] / (sum(work.values()) or 1) for m in modules}

        plain_scores, kurs_scores = scores(roots["nbgrader"], modules), scores(roots["kurs"], modules)
        differ = sorted(k for k in set(plain_scores) | set(kurs_scores) if plain_scores.get(k) != kurs_scores.get(k))
        ideal = t_floor / cores
        print()
        print("Sekunder per notebook (väggklocka):")
        print(f"{'modul':34}{'golv':>8}{'golv/' + str(cores):>9}{'nbgrader':>10}{'kurs':>8}")
        for m in modules:
            k = per_module[m] or 1
            print(f"{m:34}{t_floor_m[m] / k:8.2f}{t_floor_m[m] / k / cores:9.2f}{t_plain_m[m] / k:10.2f}"
                  f"{t_kurs_m[m] / k:8.2f}")
        print(f"{'alla':34}{t_floor / n:8.2f}{ideal / n:9.2f}{t_plain / n:10.2f}{t_kurs / n:8.2f}")
        print()
        print(f"{'':32}{'totalt (s)':>12}{'per notebook (s)':>18}")
        for label, t in [("golv (bara köra)", t_floor), (f"golv / {cores} kärnor", ideal),
                         ("nbgrader autograde, seriellt", t_plain), ("kurs rätta", t_kurs)]:
            print(f"{label:32}{t:12.1f}{t / n:18.2f}")
        print()
        print(f"kurs rätta är {t_plain / t_kurs:.2f}× snabbare än seriell nbgrader (mål ≥ 2,5×)")
        print(f"kurs rätta / (golv / kärnor) = {t_kurs / ideal:.2f} (mål ≤ 1,0)")
        print(f"samma poäng som nbgrader: {'ja' if not differ else 'NEJ: ' + ', '.join(map(str, differ[:10]))}; "
              f"ej rättade: {len(failed)}")
        print(f"belastning (1, 5, 15 min) efter: {load()}")
        if args.deltagare > measured:
            scale = args.deltagare / measured
            total = args.deltagare * len(modules)
            print()
            print(f"Beräknat för {args.deltagare} deltagare × {len(modules)} moduler = {total} notebookar "
                  f"(uppräknat från {measured} deltagare):")
            for label, t in [("golv (bara köra)", t_floor), ("nbgrader autograde, seriellt", t_plain),
                             (f"kurs rätta, {cores} parallella", t_kurs)]:
                print(f"{label:32}{t * scale / 60:10.1f} min")
        return 0 if not differ and not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
