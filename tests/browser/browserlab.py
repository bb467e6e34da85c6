"""Fixtures for the browser tests: one JupyterLab server and one Chromium per test session.

(A helper module, not a conftest.py: a second conftest module would shadow tests/conftest.py for the
tests that import from it. tests/conftest.py registers the fixtures once, as a plugin.)

The server runs on 127.0.0.1 on a free port with a random token, on a temporary copy of the
repository (JupyterLab saves notebooks while they run; the repository must stay clean). Playwright
drives Debian's Chromium (``/usr/bin/chromium``); its own browser downloads are never used.

Without Chromium, Playwright or axe-core the tests skip with the reason, unless ``KURS_REQUIRE_ALL=1``
(set by ``.ci/run``): then they fail, so CI never passes without having run them.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from upphandlingskurs.content.site import find_chromium  # one finder for the site build and the tests

REPO = Path(__file__).resolve().parents[2]
ARTEFACTS = REPO / "test-artefacts"
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--no-first-run",
]
# Not copied into the server's root: environments, tool caches and participant data.
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "test-artefacts", "__pycache__",
                                     ".pytest_cache", ".ipynb_checkpoints", "submitted", "autograded",
                                     "feedback", "release", "gradebook.db*", "*.egg-info")
# Test-only JupyterLab user settings: render every cell (no virtual scrolling) so that the checks, the
# screenshot and the accessibility scan see the whole notebook; no pop-ups.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
}


def require_all() -> bool:
    return os.environ.get("KURS_REQUIRE_ALL", "") not in ("", "0", "false")


def missing(reason: str):
    """Skip (locally) or fail (CI, KURS_REQUIRE_ALL=1) because a tool is missing."""
    if require_all():
        pytest.fail(f"{reason} (KURS_REQUIRE_ALL=1: webbläsartesterna måste köras)", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """A running JupyterLab: ``url(path)`` gives a notebook's address, ``api`` calls the REST API."""

    def __init__(self, root: Path, port: int, token: str, log: Path, proc: subprocess.Popen):
        self.root, self.port, self.token, self.log, self.proc = root, port, token, log, proc
        self.base = f"http://127.0.0.1:{port}"
        self._starting: threading.Thread | None = None
        self._pending: threading.Thread | None = None

    def url(self, workspace: str) -> str:
        return f"{self.base}/lab/workspaces/{workspace}?reset&token={self.token}"

    def api(self, path: str, method: str = "GET", data: dict | None = None):
        req = urllib.request.Request(f"{self.base}/api/{path}", method=method,
                                     data=None if data is None else json.dumps(data).encode(),
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def start_kernel(self, rel_path: str, wait: bool = True) -> None:
        """Start the kernel of a notebook; JupyterLab connects to it when the notebook opens.

        ``wait=False`` starts it in the background (the next notebook's kernel, while this one is checked).
        """
        self._join()

        def start():
            if not any(s.get("path") == rel_path for s in self.api("sessions")):
                self.api("sessions", "POST", {"path": rel_path, "type": "notebook", "name": Path(rel_path).name,
                                              "kernel": {"name": "python3"}})
        if wait:
            start()
        else:
            self._starting = threading.Thread(target=start, daemon=True)
            self._starting.start()

    def stop_kernels(self, rel_path: str | None = None, wait: bool = True) -> None:
        """Stop the kernel of one notebook (or all): a finished notebook must not eat the next one's CPU.

        ``wait=False`` stops it in the background; the next ``start_kernel`` waits for that first.
        """
        def stop():
            for session in self.api("sessions"):
                if rel_path is None or session.get("path") == rel_path:
                    try:
                        self.api(f"sessions/{session['id']}", method="DELETE")
                    except urllib.error.URLError:
                        pass
        self._join()
        if wait:
            stop()
        else:
            self._pending = threading.Thread(target=stop, daemon=True)
            self._pending.start()

    def _join(self) -> None:
        for attr in ("_starting", "_pending"):
            thread = getattr(self, attr)
            if thread is not None:
                thread.join(timeout=60)
                setattr(self, attr, None)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        missing("Chromium saknas (/usr/bin/chromium): installera Debian-paketet chromium "
                "(se .ci/apt-packages.txt)")
    return path


@pytest.fixture(scope="session")
def playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Python-paketet playwright saknas: kör `make setup` (extra [test])")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_api, chromium_path):
    browser = playwright_api.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, chromium_path) -> LabServer:
    base = tmp_path_factory.mktemp("lab")
    root = base / "kurs"
    shutil.copytree(REPO, root, ignore=COPY_IGNORE)
    settings = base / "settings"
    for name, values in LAB_SETTINGS.items():
        target = settings / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ,
               PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               JUPYTER_CONFIG_DIR=str(base / "config"),
               JUPYTER_RUNTIME_DIR=str(base / "runtime"),
               JUPYTER_DATA_DIR=str(base / "data"),
               JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
               IPYTHONDIR=str(base / "ipython"),
               PYTHONDONTWRITEBYTECODE="1")
    port, token = free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = base / "jupyterlab.log"
    with open(log, "wb") as log_file:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    server = LabServer(root, port, token, log, proc)
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab avslutades direkt (kod {proc.returncode}):\n{server.log_tail()}")
        try:
            server.api("status")
            break
        except (urllib.error.URLError, ConnectionError, OSError):
            if time.monotonic() > deadline:
                proc.terminate()
                pytest.fail(f"JupyterLab svarade inte inom 60 s:\n{server.log_tail()}")
            time.sleep(0.25)
    yield server
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        missing("axe-core saknas (node_modules/axe-core): kör `npm ci` i repots rot")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artefacts() -> Path:
    (ARTEFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "axe").mkdir(parents=True, exist_ok=True)
    return ARTEFACTS
