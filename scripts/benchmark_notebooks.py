"""Benchmark: execution time of every notebook in course/ and solutions/ (goal: < 5 s each).

    make benchmark            # or: python scripts/benchmark_notebooks.py [--runs 3]

Prints a table (seconds per notebook: kernel start + all cells) and the slowest one. Exit code 1 if any
notebook fails or exceeds the limit. Not part of `make test`: speed is measured here, not in unit tests.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
LIMIT_S = 5.0


def run_once(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="körningar per notebook (median visas)")
    args = parser.parse_args()
    paths = sorted((REPO / "course").glob("*.ipynb")) + sorted((REPO / "solutions").glob("*/*.ipynb"))
    worst, failed = 0.0, []
    print(f"{'notebook':60} {'median s':>9} {'min s':>7}")
    for path in paths:
        try:
            times = [run_once(path) for _ in range(args.runs)]
        except Exception as e:  # report and go on
            failed.append(path)
            print(f"{str(path.relative_to(REPO)):60} FEL: {type(e).__name__}")
            continue
        med = statistics.median(times)
        worst = max(worst, med)
        flag = "  ÖVER GRÄNSEN" if med > LIMIT_S else ""
        print(f"{str(path.relative_to(REPO)):60} {med:9.2f} {min(times):7.2f}{flag}")
    print(f"\n{len(paths)} notebookar, långsammast {worst:.2f} s (gräns {LIMIT_S:.0f} s), {len(failed)} fel")
    return 1 if failed or worst > LIMIT_S else 0


if __name__ == "__main__":
    sys.exit(main())
