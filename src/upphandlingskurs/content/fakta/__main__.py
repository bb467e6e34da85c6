"""`python -m upphandlingskurs.content.fakta [check|sync|list]` – maintainer tool for the facts registry."""
from __future__ import annotations

import sys
from pathlib import Path

from upphandlingskurs.content.fakta.markers import stale_markers, sync_notebook
from upphandlingskurs.content.fakta.registry import FactError, default_registry

NOTEBOOK_DIRS = ("course", "solutions")


def _notebooks(root: Path):
    for d in NOTEBOOK_DIRS:
        yield from sorted((root / d).rglob("*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cmd = argv[0] if argv else "check"
    root = Path.cwd()
    try:
        reg = default_registry()
        if cmd == "list":
            for f in reg:
                problems = "; ".join(f.problems()) or "ok"
                print(f"{f.id:48} {f.text:>20}  {f.period}  [{problems}]")
            return 0
        if cmd == "sync":
            for nb in _notebooks(root):
                if sync_notebook(nb, reg):
                    print(f"uppdaterade {nb}")
            return 0
        if cmd == "check":
            stale = [line for nb in _notebooks(root) for line in stale_markers(nb, reg)]
            print("\n".join(stale) or "Alla faktamarkeringar stämmer med registret.")
            return 1 if stale else 0
    except FactError as e:
        print(f"Fel: {e}", file=sys.stderr)
        return 2
    print("Användning: python -m upphandlingskurs.content.fakta [check|sync|list]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
