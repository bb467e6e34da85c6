"""environment.yml (conda) must list the same packages and version ranges as pyproject.toml."""
import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from conftest import REPO


def pyproject_requirements() -> dict[str, SpecifierSet]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["test"]
    return {Requirement(r).name.lower(): Requirement(r).specifier for r in reqs}


def conda_requirements() -> dict[str, SpecifierSet]:
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    out = {}
    for dep in env["dependencies"]:
        if not isinstance(dep, str) or dep.split(">")[0].split("=")[0].split("<")[0] in ("python", "pip"):
            continue
        m = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", dep)
        out[m.group(1).lower()] = SpecifierSet(m.group(2).replace(" ", ""))
    return out


def test_same_packages():
    assert set(conda_requirements()) == set(pyproject_requirements())


def test_same_version_ranges():
    py, conda = pyproject_requirements(), conda_requirements()
    assert {k: str(v) for k, v in conda.items()} == {k: str(py[k]) for k in conda}


def test_environment_installs_the_course_package_itself():
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
