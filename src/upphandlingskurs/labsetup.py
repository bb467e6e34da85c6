"""Configure JupyterLab and the kernels inside the course's virtual environment (run by `make setup`).

Writes ``<venv>/share/jupyter/lab/settings/overrides.json`` so that participants are not
interrupted by JupyterLab's news pop-up or update checks, and the interface is in a calm default;
and ``<venv>/etc/ipython/ipython_kernel_config.json`` so that every kernel of the environment (the
lectures, the exercises, nbgrader's autograding, the hub's participants) loads the Swedish help for
Python's errors (``upphandlingskurs.widgets.error_help``) before the first cell runs. IPython reads
config files from ``<sys.prefix>/etc/ipython``, so the setting holds for this environment only.
The hub's install.sh and the Kubernetes image run this module too.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

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


if __name__ == "__main__":
    print(f"JupyterLab-inställningar: {write_overrides()}")
    print(f"Kärnornas inställningar (svensk hjälp vid felmeddelanden): {write_kernel_config()}")
