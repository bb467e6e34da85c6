"""Helpers shared by the tests that start real servers (tests/hub, tests/systemd).

Imported as ``from hubtools import ...`` (tests/ is on sys.path, as for ``conftest``).
"""
from __future__ import annotations

import json
import os
import secrets
import socket
import time

import pytest


def missing(reason: str):
    """Skip – except in CI (KURS_REQUIRE_ALL=1), where a missing tool must fail the run."""
    if os.environ.get("KURS_REQUIRE_ALL") == "1":
        pytest.fail(f"{reason} (KURS_REQUIRE_ALL=1: ska inte hoppas över)")
    pytest.skip(reason)


def end_processes_of_hub(hub_api_url: str, wait: float = 10) -> list[int]:
    """End the processes a test's hub started that outlive it; return their pids.

    JupyterHub starts its managed services (the idle culler) in a session of their own, so they do not get
    the signal that stops the hub's process group, and a hub that is killed (or stops before its clean-up)
    leaves them running with parent 1. They are found by the hub address in their environment
    (``JUPYTERHUB_API_URL``, unique per test through its free port), so no other process is touched."""
    import signal

    prefix = hub_api_url.rstrip("/").encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                env = f.read().split(b"\0")
        except OSError:
            continue
        if any(v.startswith(b"JUPYTERHUB_API_URL=" + prefix) for v in env):
            found.append(int(entry))
    for pid in found:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    def running(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat") as f:
                return not f.read().rsplit(") ", 1)[-1].startswith("Z")
        except OSError:
            return False

    deadline = time.monotonic() + wait
    for pid in found:
        while running(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if running(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_in_kernel(session, url: str, user: str, code: str, timeout: float, ca_cert: str | None = None) -> dict:
    """Start a kernel on ``user``'s server and run ``code`` over the websocket, as JupyterLab does.

    ``session`` is a logged-in ``requests.Session`` (its cookies open the server). Returns the kernel id,
    the printed text (stdout and tracebacks) and whether the kernel died (then the server restarts it).
    """
    import websocket  # websocket-client, a dependency of jupyter_server

    prefix = f"/user/{user}/"
    xsrf = session.cookies.get("_xsrf", path=prefix)
    r = session.post(f"{url}{prefix}api/kernels", json={"name": "python3"},
                     headers={"X-XSRFToken": xsrf} if xsrf else {}, timeout=timeout)
    assert r.status_code == 201, (r.status_code, r.text[:500])
    kernel = r.json()["id"]
    cookies = "; ".join(f"{c.name}={c.value}" for c in session.cookies
                        if prefix.startswith(c.path) and not (c.name == "_xsrf" and c.path != prefix))
    ws_url = url.replace("http", "ws", 1) + f"{prefix}api/kernels/{kernel}/channels"
    conn = websocket.create_connection(ws_url, cookie=cookies, timeout=timeout,
                                       sslopt={"ca_certs": ca_cert} if ca_cert else None)
    msg_id, out, died = secrets.token_hex(8), [], False
    conn.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": secrets.token_hex(8),
                   "username": user, "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(conn.recv())
            kind, content = msg.get("msg_type"), msg.get("content", {})
            if kind == "stream":
                out.append(content["text"])
            elif kind == "error":
                out.append("\n".join(content.get("traceback", [])))
            elif kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                died = True
                break
            elif kind == "execute_reply" and msg["parent_header"].get("msg_id") == msg_id:
                break
        else:
            raise AssertionError(f"koden i {user}s kernel blev inte klar inom {timeout} s")
    finally:
        conn.close()
    return {"kernel": kernel, "stdout": "".join(out), "died": died}


class HubBrowser:
    """One person's HTTP(S) session against a JupyterHub (cookies, like a browser)."""

    def __init__(self, url: str, name: str, password: str, ca_cert: str | None = None, timeout: float = 90):
        import requests

        self.url, self.name, self.password, self.timeout = url, name, password, timeout
        self.s = requests.Session()
        if ca_cert:
            self.s.verify = ca_cert
            self.s.trust_env = False  # REQUESTS_CA_BUNDLE in the environment would replace the certificate

    def login(self, password: str | None = None):
        self.login_page = self.s.get(f"{self.url}/hub/login", timeout=30)
        xsrf = self.s.cookies.get("_xsrf", path="/hub/")
        return self.s.post(f"{self.url}/hub/login", allow_redirects=False, timeout=60,
                           data={"username": self.name, "password": password or self.password, "_xsrf": xsrf})

    def start_server(self) -> None:
        xsrf = self.s.cookies.get("_xsrf", path="/hub/")
        r = self.s.post(f"{self.url}/hub/api/users/{self.name}/server", headers={"X-XSRFToken": xsrf}, timeout=60)
        assert r.status_code in (201, 202), (r.status_code, r.text)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            # the page logs in to the user's server (OAuth through the hub) and sets its _xsrf cookie;
            # while the server starts, the hub answers with its "spawn pending" page instead
            r = self.s.get(f"{self.url}/user/{self.name}/lab", timeout=30)
            if r.status_code == 200 and r.url.startswith(f"{self.url}/user/{self.name}/lab"):
                self.page = r
                return
            time.sleep(0.5)
        raise AssertionError(f"{self.name}s server startade inte inom {self.timeout} s")

    def api(self, method: str, path: str, **kw):
        xsrf = self.s.cookies.get("_xsrf", path=f"/user/{self.name}/")
        headers = {"X-XSRFToken": xsrf} if xsrf else {}
        return self.s.request(method, f"{self.url}/user/{self.name}/{path}", headers=headers, timeout=self.timeout, **kw)

    def get(self, path: str):
        return self.api("GET", path)

    def run_code(self, code: str) -> dict:
        """Run ``code`` in a new kernel on this person's server (see run_in_kernel)."""
        ca = self.s.verify if isinstance(self.s.verify, str) else None
        return run_in_kernel(self.s, self.url, self.name, code, self.timeout, ca_cert=ca)

    def ok(self, method: str, path: str, **kw):
        r = self.api(method, path, **kw)
        assert r.status_code < 300, (method, path, r.status_code, r.text[:2000])
        data = r.json() if r.text else None
        if isinstance(data, dict) and data.get("success") is False:
            raise AssertionError(f"{method} {path}: {data.get('value') or data.get('error') or data}")
        return data
