"""Course package for the self-paced course on socially responsible public procurement and IOP.

The package is grouped by who each part serves (README.md, "För förvaltare", is the map):

    decisions/  the rules the course teaches, as pure functions     (maintainers who keep the law right)
    widgets/    the views participants click in the notebooks       (participants)
    content/    curriculum, facts registry, data, self-checks       (maintainers, every notebook)
    documents/  what participants take home: documents and charts  (participants)
    grading/    the instructor's workflow behind `kurs`             (instructors)
    hub/        the workshop JupyterHub: spawner, accounts, exchange (GR's IT)

Public, notebook-facing helpers are re-exported here so that notebooks stay thin:

    from upphandlingskurs import fakta, check_answer, is_correct

Inside IPython (a course kernel), importing the package also switches on the Swedish help for Python's
error messages (``upphandlingskurs.widgets.error_help``), in case the kernel's configuration did not.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

__all__ = ["fakta", "check_answer", "is_correct"]
__version__ = "0.1.0"

# Loaded on first use, so that `python -m upphandlingskurs.content.selfcheck` (or the hub, which needs neither)
# does not import them while the package itself is imported.
_PUBLIC = {
    "fakta": "upphandlingskurs.content.fakta",
    "check_answer": "upphandlingskurs.content.selfcheck",
    "is_correct": "upphandlingskurs.content.selfcheck",
}


def __getattr__(name: str):
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# Where the modules of the flat layout (before December 2026) live now. Notebooks fetched, submitted or stored
# in a gradebook before the move import the old names, and so may a hub's configuration written then
# (`upphandlingskurs.hubspawner...`, `upphandlingskurs.exchange.GroupSubmit`): the old name gives the very same
# module object as the new one, and `python -m <old name>` still runs. New code uses the new names only
# (tests/unit/test_layout.py checks both). Not listed: `fakta`, now the facts function re-exported here, and
# `documents`, now the package documents/ (notebooks never imported either module directly).
MOVED = {
    "thresholds": "decisions.thresholds",
    "process": "decisions.process",
    "employment": "decisions.employment",
    "evaluation": "decisions.evaluation",
    "cooperation": "decisions.cooperation",
    "curriculum": "content.curriculum",
    "authoring": "content.authoring",
    "assignments": "content.assignments",
    "selfcheck": "content.selfcheck",
    "data": "content.data",
    "datadir": "content.datadir",
    "figures": "documents.figures",
    "hubspawner": "hub.spawner",
    "cgroups": "hub.cgroups",
    "hubadmin": "hub.admin",
    "exchange": "hub.exchange",
}


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Resolves an old module name to the module at its new place (the same object, loaded once)."""

    def find_spec(self, fullname, path=None, target=None):
        package, _, old = fullname.partition(".")
        if package != __name__ or old not in MOVED:
            return None
        moved = importlib.util.find_spec(self.new_name(fullname))
        return importlib.util.spec_from_loader(fullname, self, origin=moved.origin if moved else None)

    def create_module(self, spec):
        return importlib.import_module(self.new_name(spec.name))

    def exec_module(self, module):
        pass  # already executed under its new name

    def get_code(self, fullname):  # `python -m upphandlingskurs.hubadmin …` runs the moved module's code
        return importlib.util.find_spec(self.new_name(fullname)).loader.get_code(self.new_name(fullname))

    @staticmethod
    def new_name(fullname: str) -> str:
        return f"{__name__}.{MOVED[fullname.partition('.')[2]]}"


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.insert(0, _MovedModules())


def _load_error_help() -> None:
    """Inside an IPython kernel: switch on the Swedish help for Python's errors (widgets/error_help.py)."""
    ipython = sys.modules.get("IPython")
    if ipython is None or getattr(ipython, "get_ipython", lambda: None)() is None:
        return  # not in IPython: nothing to do, and nothing more to import
    try:
        importlib.import_module(f"{__name__}.widgets.error_help").load_in_running_shell()
    except Exception:  # noqa: BLE001 - the help is a convenience; the course works without it
        pass


_load_error_help()
