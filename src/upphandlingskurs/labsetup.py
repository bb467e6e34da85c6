"""Configure JupyterLab and the kernels inside the course's virtual environment (run by `make setup`).

Writes ``<venv>/share/jupyter/lab/settings/overrides.json`` so that participants are not
interrupted by JupyterLab's news pop-up or update checks, and the interface is in a calm default;
and ``<venv>/etc/ipython/ipython_kernel_config.json`` so that every kernel of the environment (the
lectures, the exercises, nbgrader's autograding, the hub's participants) loads the Swedish help for
Python's errors (``upphandlingskurs.widgets.error_help``) before the first cell runs. IPython reads
config files from ``<sys.prefix>/etc/ipython``, so the setting holds for this environment only.

It also removes optional packages that slow every Jupyter process down and that nothing in the course uses
(``SLOW_OPTIONAL``): today ``rfc3987-syntax``, which jsonschema imports when it is installed (it comes with
jupyter-events' ``jsonschema[format-nongpl]``) and which compiles 38 grammars at import, about 2 s of CPU for
every process that imports nbformat: every nbgrader and ``kurs`` command, every Jupyter server, every test
worker. It only adds jsonschema's check of the "iri" string format, which no schema of the course or of
Jupyter's notebook format uses. ``pip install`` brings it back; ``make setup`` runs this module after it.
The hub's install.sh and the Kubernetes image run this module too.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

# distribution name -> module name of optional packages to remove (see the module docstring).
SLOW_OPTIONAL = {"rfc3987-syntax": "rfc3987_syntax"}

OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/application-extension:top-bar": {"visible": True},
}


def overrides_path(prefix: str | Path = sys.prefix) -> Path:
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def _read_json_object(path: Path) -> dict:
    """The JSON object in ``path``, or {} when the file is missing, broken or not an object (we then rewrite it)."""
    if not path.exists():
        return {}
    try:
        current = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}
    return current if isinstance(current, dict) else {}


def _write_json(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def write_overrides(prefix: str | Path = sys.prefix) -> Path:
    path = overrides_path(prefix)
    current = _read_json_object(path)
    for plugin, settings in OVERRIDES.items():
        current.setdefault(plugin, {}).update(settings)
    return _write_json(path, current)


ERROR_HELP = "upphandlingskurs.widgets.error_help"


def kernel_config_path(prefix: str | Path = sys.prefix) -> Path:
    return Path(prefix) / "etc" / "ipython" / "ipython_kernel_config.json"


def write_kernel_config(prefix: str | Path = sys.prefix) -> Path:
    """Add the error help to the kernels' extensions; other settings in the file are kept."""
    path = kernel_config_path(prefix)
    current = _read_json_object(path)
    app = current.setdefault("InteractiveShellApp", {})
    extensions = [e for e in app.get("extensions", []) if isinstance(e, str)]
    if ERROR_HELP not in extensions:
        extensions.append(ERROR_HELP)
    app["extensions"] = extensions
    return _write_json(path, current)


def remove_slow_optional(python: str = sys.executable) -> list[str]:
    """Uninstall the SLOW_OPTIONAL packages that are installed in ``python``'s environment; returns their names."""
    removed = []
    for dist, module in SLOW_OPTIONAL.items():
        probe = subprocess.run([python, "-c", f"import importlib.util as u; print(u.find_spec({module!r}) is not None)"],
                               capture_output=True, text=True)
        if probe.stdout.strip() == "True":
            subprocess.run([python, "-m", "pip", "uninstall", "-y", "-q", dist], check=True, capture_output=True)
            removed.append(dist)
    return removed


if __name__ == "__main__":
    print(f"JupyterLab-inställningar: {write_overrides()}")
    print(f"Kärnornas inställningar (svensk hjälp vid felmeddelanden): {write_kernel_config()}")
    for name in remove_slow_optional():
        print(f"Tog bort {name} (valfritt paket som gjorde varje start av nbgrader och Jupyter cirka 2 s långsammare)")
