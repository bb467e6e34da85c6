"""Shared fixtures: the repository root and the notebooks it holds."""
from __future__ import annotations

from pathlib import Path

import pytest

from upphandlingskurs.content.assignments import assignment_names, generate, scratch_course

REPO = Path(__file__).resolve().parents[1]

# The browser fixtures (one Playwright, one Chromium, one JupyterLab per worker) are registered once, here.
# Imported into each test module instead, a session fixture became one instance per module, and the second
# module's sync_playwright() failed inside the first one's running loop. tests/browser is on pythonpath.
pytest_plugins = ["browserlab"]


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


# -- nbgrader (tests/nbgrader): one scratch course per assignment, generated once and shared by the generate
# and round-trip tests. Kept here, not in tests/nbgrader/conftest.py: a second module named `conftest`
# replaces this one for the test modules that import helpers from it (`from conftest import ...`).

@pytest.fixture(scope="session")
def generated_course(tmp_path_factory):
    """A function: assignment name -> scratch course root where `nbgrader generate_assignment` has run."""
    cache = {}

    def get(name: str):
        if name not in cache:
            root = scratch_course(REPO, tmp_path_factory.mktemp(name) / "kurs")
            generate(root, [name])
            cache[name] = root
        return cache[name]

    return get


def pytest_generate_tests(metafunc):
    if "assignment" in metafunc.fixturenames:
        metafunc.parametrize("assignment", assignment_names(REPO), scope="session")


def run_async(coro):
    """Run a coroutine to its end in a thread of its own.

    ``asyncio.run`` refuses to start when this thread already has a running event loop, which another
    test on the same xdist worker may have left (e.g. Playwright's sync API).
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()

