"""One scratch course per assignment, generated once and shared by the generate and round-trip tests."""
from pathlib import Path

import pytest

from upphandlingskurs.assignments import assignment_names, generate, scratch_course

REPO = Path(__file__).resolve().parents[2]


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
