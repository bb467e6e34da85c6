"""The package's layout: rooms by who they serve, layers that hold, a README that maps them, old names that still work.

The layers themselves are import-linter contracts in pyproject.toml ([tool.importlinter]); these tests run them,
show that they catch a wrong import, and check what a contract cannot: the top level stays small, every room says
what it holds, the maintainers' map names every room, and notebooks from before the move still import.
"""
from __future__ import annotations

import ast
import importlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import upphandlingskurs
from conftest import REPO

PACKAGE = REPO / "src" / "upphandlingskurs"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
# The shared helpers that stay next to the subpackages (issue 11: "at most a handful").
TOP_LEVEL = {"__init__.py", "cli.py", "format.py", "parsing.py", "labsetup.py"}


def subpackages() -> list[str]:
    return sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))


def lint_imports(config: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(pythonpath)) if pythonpath else None
    return subprocess.run([str(LINT_IMPORTS), "--config", str(config), "--no-cache"], capture_output=True,
                          text=True, env=env, cwd=config.parent)


# -- the layers -------------------------------------------------------------------------------------
def test_every_layer_contract_holds():
    result = lint_imports(REPO / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_layers_name_every_room():
    """A new subpackage must be placed in the layers, or nothing keeps it from importing upward."""
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    assert set(subpackages()) <= named
    assert {"cli", "format", "parsing"} <= named


@pytest.mark.parametrize("module, line, expected", [
    ("decisions/thresholds.py", "from upphandlingskurs.widgets import form",
     "upphandlingskurs.decisions.thresholds -> upphandlingskurs.widgets.form"),
    ("decisions/employment.py", "from upphandlingskurs.grading import report",
     "upphandlingskurs.decisions.employment -> upphandlingskurs.grading.report"),
    ("content/data.py", "from upphandlingskurs.decisions import thresholds",
     "upphandlingskurs.content.data -> upphandlingskurs.decisions.thresholds"),
    ("widgets/form.py", "from upphandlingskurs.hub import cgroups",
     "upphandlingskurs.widgets.form -> upphandlingskurs.hub.cgroups"),
    ("decisions/process.py", "import ipywidgets", "upphandlingskurs.decisions.process -> ipywidgets"),
])
def test_a_wrong_import_breaks_a_contract(tmp_path, module, line, expected):
    """The contracts can fail: the same check on a copy of the package with one import that goes the wrong way."""
    shutil.copytree(PACKAGE, tmp_path / "src" / "upphandlingskurs", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "src" / "upphandlingskurs" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # the wrong way\n", encoding="utf-8")
    result = lint_imports(tmp_path / "pyproject.toml", pythonpath=tmp_path / "src")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout and expected in result.stdout, result.stdout


# -- the rooms ------------------------------------------------------------------------------------
def test_the_top_level_holds_only_the_shared_helpers():
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert modules == TOP_LEVEL, f"new top-level modules belong in a subpackage: {sorted(modules - TOP_LEVEL)}"
    assert set(subpackages()) == {"content", "decisions", "documents", "grading", "hub", "widgets"}


@pytest.mark.parametrize("name", subpackages())
def test_each_room_says_what_lives_there_and_who_uses_it(name):
    doc = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8")))
    lines = [line for line in (doc or "").splitlines() if line.strip()]
    assert len(lines) == 2, f"{name}/__init__.py: two lines – what lives there, and who uses it"
    assert lines[1].startswith("Used by"), lines[1]


def test_the_maintainers_map_names_every_room():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## För förvaltare", 1)[1].split("\n## ", 1)[0]
    for name in subpackages():
        assert re.search(rf"^\| `{name}/` \|", section, re.M), f"README's map has no row for {name}/"
    for module in sorted(TOP_LEVEL - {"__init__.py"}):
        assert f"`{module}`" in section, f"README's map does not name {module}"


def test_the_public_names_notebooks_use_are_stable():
    from upphandlingskurs import check_answer, fakta
    from upphandlingskurs.content.fakta import fakta as registry_fakta
    from upphandlingskurs.content.selfcheck import check_answer as selfcheck
    assert fakta is registry_fakta and check_answer is selfcheck


# -- the names before the move ----------------------------------------------------------------------
def test_an_old_name_is_the_same_module_as_the_new():
    """In a fresh interpreter, each old name before its new one: the module must never be loaded twice."""
    code = """
import importlib, sys, upphandlingskurs
for old, new in sorted(upphandlingskurs.MOVED.items()):
    a = importlib.import_module("upphandlingskurs." + old)
    b = importlib.import_module("upphandlingskurs." + new)
    assert a is b and a.__name__ == "upphandlingskurs." + new, (old, a.__name__)
files = [m.__file__ for m in set(sys.modules.values()) if (getattr(m, "__file__", None) or "").endswith(".py")]
assert len(files) == len(set(files)), "a module was loaded twice"
print(len(upphandlingskurs.MOVED))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(upphandlingskurs.MOVED)) != "0"
    for old in upphandlingskurs.MOVED:
        assert not (PACKAGE / f"{old}.py").exists() and not (PACKAGE / old).is_dir(), f"{old} is a real module again"


def test_notebooks_and_hub_settings_from_before_the_move_still_work():
    """The import lines exercises 01–05 and the hub configuration had before December 2026, run as written then."""
    code = "\n".join([
        "from upphandlingskurs import check_answer, fakta",
        "from upphandlingskurs.thresholds import Outcome, check_threshold",
        "from upphandlingskurs.employment import clause_text, goteborg_results_markdown",
        "from upphandlingskurs.data import load_followup, load_municipalities, normalise_municipality, parse_date_text",
        "from upphandlingskurs.data import clean_followup",
        "from upphandlingskurs.figures import show_figure",
        "from upphandlingskurs.exchange import GroupSubmit",
        "from traitlets.utils.importstring import import_item",
        "assert import_item('upphandlingskurs.hubspawner.LimitedLocalProcessSpawner').__name__ == 'LimitedLocalProcessSpawner'",
        "assert import_item('upphandlingskurs.exchange.GroupSubmit') is GroupSubmit",
        "print(check_threshold.__module__, len(load_followup()) > 0)",
    ])
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["upphandlingskurs.decisions.thresholds", "True"]


def test_an_old_maintainer_command_still_runs_and_names_the_new_one():
    result = subprocess.run([sys.executable, "-m", "upphandlingskurs.hubadmin", "--help"], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert "python -m upphandlingskurs.hub.admin" in result.stdout


def test_new_code_uses_only_the_new_names():
    old = "|".join(sorted(upphandlingskurs.MOVED))
    pattern = re.compile(rf"\bupphandlingskurs\.({old})(?![A-Za-z0-9_])")
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    allowed = {"src/upphandlingskurs/__init__.py", "tests/unit/test_layout.py"}
    found = []
    for path in tracked:
        if path in allowed or not (REPO / path).is_file() or path.endswith((".png", ".db", ".lock")):
            continue
        try:
            text = (REPO / path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [f"{path}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not found, "old module names (use the new ones):\n" + "\n".join(found)


def test_the_packaged_data_folder_is_found_from_its_new_place(tmp_path, monkeypatch):
    """A notebook opened outside the course folder still finds data/ next to the installed (src-layout) package."""
    from upphandlingskurs.content import datadir
    monkeypatch.delenv(datadir.DATA_ENV, raising=False)
    assert datadir.find_data_dir(tmp_path) == REPO / "data"
    assert importlib.import_module("upphandlingskurs.content.datadir").__file__.startswith(str(PACKAGE))
