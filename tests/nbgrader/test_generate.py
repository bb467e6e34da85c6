"""exercises/ equals a fresh `nbgrader generate_assignment` of solutions/ (KURSDESIGN §8.4)."""
import json

import pytest

from conftest import REPO

pytestmark = pytest.mark.nbgrader


def _canonical(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        cell.pop("id", None)  # random cell ids are not content
    return data


def test_exercises_are_generated_from_solutions(generated_course, assignment):
    name = assignment
    root = generated_course(name)
    fresh = sorted(p.relative_to(root / "exercises" / name) for p in (root / "exercises" / name).rglob("*") if p.is_file())
    committed = sorted(p.relative_to(REPO / "exercises" / name) for p in (REPO / "exercises" / name).rglob("*") if p.is_file())
    assert committed == fresh, "run `make exercises`"
    for relpath in fresh:
        a, b = root / "exercises" / name / relpath, REPO / "exercises" / name / relpath
        if relpath.suffix == ".ipynb":
            assert _canonical(a) == _canonical(b), f"exercises/{name}/{relpath} differs: run `make exercises`"
        else:
            assert a.read_bytes() == b.read_bytes(), f"exercises/{name}/{relpath} differs"
