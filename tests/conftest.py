"""Shared fixtures: the repository root and the notebooks it holds."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def course_notebooks() -> list[Path]:
    return sorted((REPO / "course").glob("*.ipynb"))


def module_notebooks() -> list[Path]:
    return sorted((REPO / "course").glob("[0-9][0-9]_*.ipynb"))


def solution_notebooks() -> list[Path]:
    return sorted((REPO / "solutions").glob("*/*.ipynb"))


def exercise_notebooks() -> list[Path]:
    return sorted((REPO / "exercises").glob("*/*.ipynb"))


def all_notebooks() -> list[Path]:
    return course_notebooks() + solution_notebooks() + exercise_notebooks()


def assignments() -> list[str]:
    return sorted(p.name for p in (REPO / "solutions").iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def rel(p: Path) -> str:
    return str(p.relative_to(REPO))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
