"""A real workshop JupyterHub on 127.0.0.1 (deploy/jupyterhub), driven over HTTP like a browser would.

The hub runs with deploy/jupyterhub/jupyterhub_config.py, PAM logins against real Unix accounts
(created here with upphandlingskurs.hub.admin, as the guide tells IT staff, and removed afterwards),
configurable-http-proxy from npm (`npm ci`), one server per user (LocalProcessSpawner: systemd is not
running here) and the idle culler. Two participants and an instructor log in through the login form and
run the workshop loop through their own servers: the instructor with formgrader's API (generate,
release, collect, autograde, feedback), the participants with the Assignment List's API (fetch,
submit, fetch feedback) and the contents API (answer). Then participant A tries, as the Unix user A, to
read and overwrite participant B's submission and feedback.

Needs root (to create users and let the hub switch to them); skipped otherwise, unless
KURS_REQUIRE_ALL=1 (CI), where a missing requirement fails.
"""
from __future__ import annotations

import csv
import grp
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from conftest import REPO
from hubtools import HubBrowser as Browser
from hubtools import end_processes_of_hub, free_port, missing
from upphandlingskurs.content.assignments import solution_submission
from upphandlingskurs.hub.cgroups import Cgroup, CgroupUnavailable, Limits

pytestmark = pytest.mark.hub

requests = pytest.importorskip("requests")

ASSIGNMENT = "00_kom_igang"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
COURSE_ID = "gr-socialt-ansvarsfull-upphandling"
DEPLOY = REPO / "deploy" / "jupyterhub"
CHP = REPO / "node_modules" / ".bin" / "configurable-http-proxy"
TIMEOUT = 90  # seconds for one server to start or one nbgrader step






def _let_users_through(paths: list[Path], groups: list[str], dump: Path) -> list[Path]:
    """Give the test groups (and only them) traverse rights to the folders above ``paths``.

    This environment's interpreter may live where other users cannot enter (pyenv under /root), and the
    users' servers run from it. An ACL entry (x, not read) for the test's own groups is added where a
    folder is closed to others, and the folder's exact ACL is restored afterwards from ``dump``.
    """
    closed = []
    for path in paths:
        for p in [*reversed(path.parents), path]:
            if p not in closed and not p.stat().st_mode & 0o001:
                closed.append(p)
    if not closed:
        return []
    if not shutil.which("setfacl"):
        missing(f"setfacl saknas (Debian-paketet acl); testanvändarna behöver passera {closed}")
    dump.write_text(subprocess.run(["getfacl", "--absolute-names", "-p", *map(str, closed)],
                                   check=True, capture_output=True, text=True).stdout)
    entries = ",".join(f"g:{g}:x" for g in groups)
    subprocess.run(["setfacl", "-m", entries, *map(str, closed)], check=True)
    return closed


@pytest.fixture(scope="module")
def hub():
    if os.geteuid() != 0:
        missing("hubtestet behöver root (skapar Unix-användare och låter hubben byta till dem)")
    for tool in ("useradd", "userdel", "groupadd", "chpasswd", "runuser"):
        if not shutil.which(tool):
            missing(f"{tool} saknas (Debian-paketen passwd och util-linux)")
    if not CHP.exists():
        missing(f"{CHP.relative_to(REPO)} saknas – kör `npm ci` i repots rot")

    from upphandlingskurs.hub import admin as hubadmin

    t0 = time.monotonic()
    tag = "kh" + secrets.token_hex(2)
    base = Path(tempfile.mkdtemp(prefix="kurshub-"))
    base.chmod(0o755)
    env = dict(os.environ)
    env.update({
        "KURS_COURSE_ID": COURSE_ID,
        "KURS_EXCHANGE": str(base / "exchange"),
        "KURS_HOME_BASE": str(base / "home"),
        "KURS_GRUPP_DELTAGARE": f"{tag}-del",
        "KURS_GRUPP_KURSLEDARE": f"{tag}-kl",
        "KURS_HUB_STATE": str(base / "state"),
        "KURS_SPAWNER": "lokal",
        "KURS_CGROUP_PARENT": f"kurs-hub-test-{tag}",
        "KURS_MEM_LIMIT": "800M",  # as hub.env may set it; instructors keep the default 2G / 2 cores
        "KURS_HUB_URL": f"http://127.0.0.1:{free_port()}",
        "KURS_HUB_API_URL": f"http://127.0.0.1:{free_port()}",
        "KURS_PROXY_API_URL": f"http://127.0.0.1:{free_port()}",
        "KURS_CHP": str(CHP),
        "KURS_REPO": str(REPO),
        "KURS_CULL_TIMEOUT": "3600",
    })
    env.pop("JUPYTER_CONFIG_DIR", None)
    settings = hubadmin.Settings.from_env(env)
    users = {"a": f"{tag}a", "b": f"{tag}b", "kl": f"{tag}kl", "utanfor": f"{tag}x"}
    acl_dump = base / "acl.dump"
    opened: list[Path] = []
    hub_proc = None
    log = base / "hub.log"
    try:
        # what the guide tells IT staff to run
        hubadmin_cmd = [sys.executable, "-m", "upphandlingskurs.hub.admin"]
        subprocess.run(hubadmin_cmd + ["forbered", "--kursledare", users["kl"], "--losenord", base / "pw.csv"],
                       env=env, check=True, capture_output=True, text=True)
        subprocess.run(hubadmin_cmd + ["lagg-till", users["a"], users["b"], "--losenord", base / "pw.csv"],
                       env=env, check=True, capture_output=True, text=True)
        opened = _let_users_through(
            [Path(sys.executable).resolve().parent, Path(sys.prefix), REPO],
            [settings.participants_group, settings.instructors_group], acl_dump)
        passwords = {r["anvandarnamn"]: r["losenord"] for r in csv.DictReader((base / "pw.csv").open())}
        # a Unix account with a valid password that is in neither course group
        subprocess.run(["useradd", "--base-dir", str(base / "home"), users["utanfor"]], check=True)
        passwords[users["utanfor"]] = hubadmin.new_password()
        hubadmin.set_password(users["utanfor"], passwords[users["utanfor"]])
        (base / "state").mkdir(mode=0o700)
        with log.open("w") as fh:
            hub_proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(DEPLOY / "jupyterhub_config.py")],
                                        cwd=base / "state", env=env, stdout=fh, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        url = env["KURS_HUB_URL"]
        deadline = time.monotonic() + TIMEOUT
        while True:
            assert hub_proc.poll() is None, log.read_text()[-5000:]
            try:
                if requests.get(f"{url}/hub/api/", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, log.read_text()[-5000:]
            time.sleep(0.3)
        yield {
            "url": url, "base": base, "env": env, "settings": settings, "users": users, "passwords": passwords,
            "proc": hub_proc, "log": log, "python": Path(sys.executable), "t0": t0,
        }
    finally:
        if hub_proc is not None and hub_proc.poll() is None:
            hub_proc.send_signal(signal.SIGTERM)
            try:
                hub_proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(hub_proc.pid, signal.SIGKILL)
        pid_file = base / "state" / "jupyterhub-proxy.pid"
        if pid_file.exists():
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass
        # the idle culler runs in a session of its own: it is not in the hub's process group (issue 17)
        end_processes_of_hub(env["KURS_HUB_API_URL"])
        if opened:
            subprocess.run(["setfacl", f"--restore={acl_dump}"], check=False)
        try:  # the hub removes a user's cgroup when it stops the server; this is in case it could not
            for name in users.values():
                group = Cgroup.locate(name, parent=env["KURS_CGROUP_PARENT"])
                group.kill()
                group.remove()
            for d in group.dirs.values():
                if d.parent.exists():
                    d.parent.rmdir()
        except (CgroupUnavailable, OSError) as e:
            print(f"hubtestets cgroups kunde inte tas bort: {e}")
        for name in users.values():
            hubadmin.remove_user(name)
        for group in (settings.participants_group, settings.instructors_group):
            hubadmin.remove_group(group)
        if os.environ.get("KURS_HUB_KEEP"):
            print(f"hubtestets filer: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


def expected_points(nb) -> tuple[str, float]:
    """The first answer's grade_id and the points of the autograded tests that follow it."""
    first, points = None, 0.0
    for cell in nb.cells:
        m = cell.metadata.get("nbgrader", {})
        if m.get("solution") and cell.cell_type == "code":
            if first is not None:
                break
            first = m["grade_id"]
        elif first and m.get("grade") and not m.get("solution") and cell.cell_type == "code":
            points += float(m["points"])
    return first, points


PROBE_MARK = "SANDLADEPROV"


def probe_cell(hub, instructor: str, other: str) -> str:
    """Code a participant adds to a submission: run by Autograde, it tries to reach the instructor's files."""
    kurs = hub["settings"].home_base / instructor / "kurs"
    targets = {
        "read the gradebook": ["read", str(kurs / "gradebook.db")],
        "read the solutions": ["read", str(kurs / "solutions" / ASSIGNMENT / NOTEBOOK)],
        "read another submission": ["read", str(kurs / "submitted" / other / ASSIGNMENT / NOTEBOOK)],
        "write in the course folder": ["create", str(kurs / "inbrott.txt")],
    }
    return f"""import json
out = {{}}
for label, (op, path) in {targets!r}.items():
    try:
        open(path, "rb").read(1) if op == "read" else open(path, "xb").close()
        out[label] = "allowed"
    except OSError as e:
        out[label] = type(e).__name__
print("{PROBE_MARK}", json.dumps(out))
"""


def answered(fetched: dict, solution, only: str | None = None) -> dict:
    """The fetched notebook with the solution's answers typed in (all, or only grade_id ``only``)."""
    nb = nbformat.from_dict(fetched)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in solution.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers and (only is None or gid == only):
            cell.source = answers[gid]
    return nb


@pytest.fixture(scope="module")
def workshop(hub):
    """The whole loop; every step through the hub's proxy, as the person who does it in the workshop."""
    url, users, pw = hub["url"], hub["users"], hub["passwords"]
    times = {"hubben startad": time.monotonic() - hub["t0"]}
    t = time.monotonic()
    people = {k: Browser(url, name, pw[name]) for k, name in users.items() if k != "utanfor"}
    refused = Browser(url, users["a"], "fel-losenord").login()
    outsider = Browser(url, users["utanfor"], pw[users["utanfor"]]).login()
    for p in people.values():
        r = p.login()
        assert r.status_code == 302, (p.name, r.status_code, r.text[:500])
    # everybody starts at once, as at a workshop (the hub spawns servers concurrently)
    with ThreadPoolExecutor(len(people)) as pool:
        list(pool.map(lambda p: (p.start_server(), p.wait_ready()), people.values()))
    times["inloggning + tre servrar"] = time.monotonic() - t

    kl, a, b = people["kl"], people["a"], people["b"]
    fg = f"formgrader/api/assignment/{ASSIGNMENT}"
    t = time.monotonic()
    kl.ok("POST", f"{fg}/assign")
    kl.ok("POST", f"{fg}/release")
    times["generera + dela ut"] = time.monotonic() - t

    t = time.monotonic()
    course = {"course_id": COURSE_ID, "assignment_id": ASSIGNMENT}
    solution = solution_submission(REPO / "solutions" / ASSIGNMENT / NOTEBOOK)
    only_b, points_b = expected_points(solution)
    for p, only in ((a, None), (b, only_b)):
        listed = p.ok("GET", "assignments", params={"course_id": COURSE_ID})
        assert any(x["assignment_id"] == ASSIGNMENT and x["status"] == "released" for x in listed["value"]), listed
        p.ok("POST", "assignments/fetch", data=course)
        fetched = p.ok("GET", f"api/contents/{ASSIGNMENT}/{NOTEBOOK}")["content"]
        nb = answered(fetched, solution, only)
        if p is a:
            nb.cells.append(nbformat.v4.new_code_cell(probe_cell(hub, kl.name, b.name)))
        p.ok("PUT", f"api/contents/{ASSIGNMENT}/{NOTEBOOK}", json={"type": "notebook", "format": "json", "content": nb})
        p.ok("POST", "assignments/submit", data=course)
    times["hämta + svara + lämna in (2 deltagare)"] = time.monotonic() - t

    t = time.monotonic()
    kl.ok("POST", f"{fg}/collect")
    for p in (a, b):
        kl.ok("POST", f"formgrader/api/submission/{ASSIGNMENT}/{p.name}/autograde")
    times["samla in + rätta"] = time.monotonic() - t
    t = time.monotonic()
    kl.ok("POST", f"{fg}/generate_feedback")
    kl.ok("POST", f"{fg}/release_feedback")
    for p in (a, b):
        p.ok("POST", "assignments/fetch_feedback", data=course)
    times["återkoppling"] = time.monotonic() - t
    submissions = kl.ok("GET", f"formgrader/api/submissions/{ASSIGNMENT}")
    return {"people": people, "refused": refused, "outsider": outsider, "times": times, "points_b": points_b,
            "submissions": {s["student"]: s for s in submissions}}


def test_wrong_password_is_refused(hub, workshop):
    r = workshop["refused"]
    assert r.status_code == 403
    assert "jupyterhub-hub-login" not in r.cookies
    assert "PAM Authentication failed" in hub["log"].read_text()


def test_login_page_tells_participants_in_swedish_where_the_password_comes_from(workshop):
    page = workshop["people"]["a"].login_page
    assert page.status_code == 200
    assert "lösenordet som du fick av kursledaren" in page.content.decode("utf-8")


def test_accounts_outside_the_course_groups_are_refused(hub, workshop):
    r = workshop["outsider"]
    assert r.status_code == 403
    assert "jupyterhub-hub-login" not in r.cookies


def test_course_files_are_handed_out_by_role(hub, workshop):
    home = hub["settings"].home_base
    users = hub["users"]
    for k in ("a", "b"):
        kurs = home / users[k] / "kurs"
        assert (kurs / "course" / "index.ipynb").exists()
        assert (kurs / "course" / "index.ipynb").stat().st_uid == pwd.getpwnam(users[k]).pw_uid
        assert not (kurs / "solutions").exists(), "deltagare får inte lösningarna"
        if (REPO / "data").exists():
            assert (kurs / "data" / "datapackage.json").exists()
    assert (home / users["kl"] / "kurs" / "solutions" / ASSIGNMENT / NOTEBOOK).exists()


def test_autograde_scores_each_participant(workshop):
    subs = workshop["submissions"]
    a, b = (workshop["people"][k].name for k in ("a", "b"))
    assert subs[a]["max_code_score"] > 0
    assert subs[a]["code_score"] == pytest.approx(subs[a]["max_code_score"])
    assert workshop["points_b"] > 0
    assert subs[b]["code_score"] == pytest.approx(workshop["points_b"])


def test_each_participant_fetches_own_feedback(workshop):
    for k in ("a", "b"):
        p = workshop["people"][k]
        listing = p.ok("GET", f"api/contents/{ASSIGNMENT}/feedback")
        runs = [x for x in listing["content"] if x["type"] == "directory"]
        assert len(runs) == 1, listing
        html = p.ok("GET", f"api/contents/{runs[0]['path']}/{ASSIGNMENT}.html")["content"]
        assert "HIDDEN TESTS" not in html
        score = workshop["submissions"][p.name]["code_score"]
        assert f"Score: {score:g}" in html or f"Score: {score}" in html, html[:3000]


def test_formgrader_works_behind_the_hub_for_the_instructor_only(workshop):
    kl, a = workshop["people"]["kl"], workshop["people"]["a"]
    page = kl.api("GET", "formgrader")
    assert page.status_code == 200
    assert "frame-ancestors 'self'" in page.headers.get("Content-Security-Policy", "")
    lab = kl.api("GET", "lab")
    assert "frame-ancestors 'none'" not in lab.headers.get("Content-Security-Policy", "")
    # participants: no formgrader, and JupyterHub's default protection against framing stays
    assert a.api("GET", "formgrader").status_code == 404
    assert "frame-ancestors 'none'" in a.api("GET", "lab").headers.get("Content-Security-Policy", "")
    assert "@jupyter/nbgrader:formgrader" in a.page.text  # listed as disabled in the page config


def test_a_cannot_use_bs_server(workshop):
    a, b = workshop["people"]["a"], workshop["people"]["b"]
    r = a.s.get(f"{a.url}/user/{b.name}/api/contents/{ASSIGNMENT}/{NOTEBOOK}", timeout=30)
    assert r.status_code == 403, (r.status_code, r.text[:500])
    assert '"nbformat"' not in r.text


def test_a_can_neither_read_nor_overwrite_bs_submission_or_feedback(hub, workshop):
    s, users = hub["settings"], hub["users"]
    course = s.exchange / COURSE_ID
    inbound = course / "inbound"
    b_sub = next(p for p in inbound.iterdir() if p.name.startswith(users["b"] + "+"))
    a_sub = next(p for p in inbound.iterdir() if p.name.startswith(users["a"] + "+"))
    b_home = s.home_base / users["b"]
    b_feedback = next((b_home / ASSIGNMENT / "feedback").rglob("*.html"))
    released = list((course / "feedback").glob("*.html"))
    assert len(released) == 2
    b_released = next(p for p in released if p.read_bytes() == b_feedback.read_bytes())
    targets = {
        "list inbound": ("list", inbound),
        "read B's submission": ("read", b_sub / NOTEBOOK),
        "overwrite B's submission": ("write", b_sub / NOTEBOOK),
        "add to B's submission": ("create", b_sub / "extra.ipynb"),
        "read B's home copy": ("read", b_home / ASSIGNMENT / NOTEBOOK),
        "list released feedback": ("list", course / "feedback"),
        "overwrite B's feedback": ("write", b_released),
        "read B's fetched feedback": ("read", b_feedback),
        "read the gradebook": ("read", s.home_base / users["kl"] / "kurs" / "gradebook.db"),
        "rename the course folder": ("rename", course),
    }
    code = r"""
import json, os, sys
out = {}
for label, (op, path) in json.loads(sys.argv[1]).items():
    try:
        if op == "list": os.listdir(path)
        elif op == "read": open(path, "rb").read(1)
        elif op == "write": open(path, "r+b").write(b"x")
        elif op == "create": open(path, "xb").close()
        elif op == "rename": os.rename(path, path + "-x")
        out[label] = "allowed"
    except OSError as e:
        out[label] = type(e).__name__
print(json.dumps(out))
"""
    arg = json.dumps({k: [op, str(p)] for k, (op, p) in targets.items()})
    proc = subprocess.run(["runuser", "-u", users["a"], "--", str(hub["python"]), "-c", code, arg],
                          capture_output=True, text=True, timeout=60, cwd="/")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result == {k: "PermissionError" for k in targets}, result
    # the probe itself works: A can read A's own submission and the instructors' group can enter B's
    own = subprocess.run(["runuser", "-u", users["a"], "--", str(hub["python"]), "-c", code,
                          json.dumps({"own": ["read", str(a_sub / NOTEBOOK)]})],
                         capture_output=True, text=True, timeout=60, cwd="/")
    assert json.loads(own.stdout) == {"own": "allowed"}, own.stderr
    assert oct(b_sub.stat().st_mode & 0o777) == oct(0o770)
    assert b_sub.stat().st_gid == grp.getgrnam(s.instructors_group).gr_gid


def test_idle_culler_runs_and_limits_are_passed(hub, workshop):
    children = subprocess.run(["pgrep", "-a", "-P", str(hub["proc"].pid)], capture_output=True, text=True).stdout
    assert "jupyterhub_idle_culler" in children and "--timeout=3600" in children, children
    pid = subprocess.run(["pgrep", "-u", hub["users"]["a"], "-f", "jupyterhub-singleuser"],
                         capture_output=True, text=True).stdout.split()[0]
    environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    assert f"MEM_LIMIT={800 * 2**20}".encode() in environ  # KURS_MEM_LIMIT=800M from the environment
    assert b"CPU_LIMIT=1.0" in environ
    home = hub["settings"].home_base / hub["users"]["a"]
    assert f"KURS_DATA={home}/kurs/data".encode() in environ
    assert f"JUPYTER_CONFIG_PATH={DEPLOY}/jupyter-deltagare".encode() in environ


def test_gradebook_backup_restores(hub, workshop, tmp_path):
    kursmapp = hub["settings"].home_base / hub["users"]["kl"] / "kurs"
    env = dict(hub["env"], KURS_KURSMAPP=str(kursmapp), KURS_BACKUP_DIR=str(tmp_path / "backup"),
               KURS_PYTHON=sys.executable)
    proc = subprocess.run(["bash", str(DEPLOY / "backup-gradebook.sh")], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    archive = Path(proc.stdout.strip().splitlines()[-1])
    assert archive.exists() and oct(archive.stat().st_mode & 0o077) == "0o0"
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "restore", filter="data")
    restored = tmp_path / "restore" / "kurs"
    assert (restored / "submitted" / workshop["people"]["a"].name / ASSIGNMENT / NOTEBOOK).exists()
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{restored / 'gradebook.db'}", COURSE_ID) as gb:
        for name, sub in workshop["submissions"].items():
            assert gb.find_submission(ASSIGNMENT, name).code_score == pytest.approx(sub["code_score"])


def test_report_timings(hub, workshop, capsys):
    times = dict(workshop["times"], totalt=time.monotonic() - hub["t0"])
    with capsys.disabled():
        print("\nhubtestet, sekunder: " + ", ".join(f"{k} {v:.1f}" for k, v in times.items()))
    assert times["totalt"] < 240


def test_instructor_cli_in_a_hub_terminal_sees_the_course(hub, workshop):
    """`kurs oversikt` as the instructor, with the environment a JupyterLab terminal on the hub gets."""
    kl = hub["users"]["kl"]
    pid = subprocess.run(["pgrep", "-u", kl, "-f", "jupyterhub-singleuser"],
                         capture_output=True, text=True).stdout.split()[0]
    environ = dict(item.split("=", 1) for item in
                   Path(f"/proc/{pid}/environ").read_text().split("\0") if "=" in item)
    home = Path(environ["HOME"])
    proc = subprocess.run(["runuser", "-u", kl, "--", "env", "-i",
                           *(f"{k}={v}" for k, v in environ.items() if not k.startswith("JUPYTERHUB_")),
                           str(hub["python"]), "-m", "upphandlingskurs.cli", "oversikt"],
                          cwd=home / "kurs", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = " ".join(proc.stdout.split())
    for k in ("a", "b"):
        assert hub["users"][k] in out, out
    assert ASSIGNMENT in out


def _in_chromium(drive):
    """Run ``drive(browser)`` with Debian's Chromium through Playwright, in a thread of its own (the browser
    tests' session may already run Playwright's sync API, and its event loop, on this worker)."""
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from browserlab import CHROMIUM_ARGS, find_chromium

    chromium = find_chromium()
    if chromium is None:
        missing("Chromium saknas (/usr/bin/chromium): installera Debian-paketet chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Python-paketet playwright saknas: kör `make setup` (extra [test])")

    def run():
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
            try:
                return drive(browser)
            finally:
                browser.close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def test_in_a_real_browser_participants_get_the_course_and_formgrader_shows_for_the_instructor(hub, workshop):
    """Chromium through the hub's login page: the participant lands on the course's start page; the
    instructor opens Nbgrader → Formgrader in JupyterLab and it renders inside the lab (not blocked by the
    Content-Security-Policy, which is what the guide's 'grey box' row is about)."""
    url, users, pw = hub["url"], hub["users"], hub["passwords"]
    shots = REPO / "test-artefacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)

    def login(browser, name):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/hub/login")
        page.get_by_label("Username").fill(name)
        page.get_by_label("Password").fill(pw[name])
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{url}/user/{name}/lab**", timeout=TIMEOUT * 1000)
        return page

    def drive(browser):
        seen = {}
        page = login(browser, users["a"])
        start = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown h1").first
        start.wait_for(timeout=TIMEOUT * 1000)
        seen["start"] = start.inner_text()
        page.screenshot(path=str(shots / "hub-deltagare-startsida.png"))
        page = login(browser, users["kl"])
        page.locator(".jp-NotebookPanel").first.wait_for(timeout=TIMEOUT * 1000)
        page.get_by_role("menuitem", name="Nbgrader").click()
        page.get_by_role("menuitem", name="Formgrader").click()
        frame = page.frame_locator("iframe[src*='formgrader']")
        heading = frame.get_by_text("Manage Assignments").first
        heading.wait_for(timeout=TIMEOUT * 1000)
        seen["formgrader"] = heading.inner_text()
        seen["assignment"] = frame.get_by_text(ASSIGNMENT).first.inner_text(timeout=TIMEOUT * 1000)
        page.screenshot(path=str(shots / "hub-kursledare-formgrader.png"))
        return seen

    seen = _in_chromium(drive)
    assert "upphandling" in seen["start"].lower(), seen
    assert seen["formgrader"] == "Manage Assignments" and ASSIGNMENT in seen["assignment"], seen


def _server_pid(user: str) -> int:
    return int(subprocess.run(["pgrep", "-u", user, "-f", "jupyterhub-singleuser"],
                              capture_output=True, text=True).stdout.split()[0])


def cgroup(hub, user: str) -> Cgroup:
    return Cgroup.locate(user, parent=hub["env"]["KURS_CGROUP_PARENT"])


def _in_cgroup(pid: int, group: Cgroup) -> bool:
    return pid in group.pids()


def test_each_server_runs_in_its_own_cgroup_with_its_roles_limits(hub, workshop):
    """Limits are enforced, not only announced: each person's server (and so its kernels) is in a cgroup."""
    users = hub["users"]
    expected = {"a": Limits(memory_bytes=800 * 2**20, cpus=1.0, tasks=512),
                "b": Limits(memory_bytes=800 * 2**20, cpus=1.0, tasks=512),
                "kl": Limits(memory_bytes=2 * 2**30, cpus=2.0, tasks=512)}
    for k, limits in expected.items():
        group = cgroup(hub, users[k])
        assert group.limits() == limits, (k, group.limits())
        pid = _server_pid(users[k])
        assert _in_cgroup(pid, group), (k, pid, Path(f"/proc/{pid}/cgroup").read_text())
        others = [cgroup(hub, users[o]) for o in expected if o != k]
        assert not any(_in_cgroup(pid, g) for g in others)
    log = hub["log"].read_text()
    assert f"Gränser för {users['a']}: minne 800 MB, 1 kärna, högst 512 processer" in log
    assert f"Gränser för {users['kl']}: minne 2 048 MB, 2 kärnor" in log.replace("\xa0", " ")


def test_a_runaway_kernel_is_killed_alone_and_the_server_lives_on(hub, workshop):
    a, b = workshop["people"]["a"], workshop["people"]["b"]
    group = cgroup(hub, a.name)
    before, b_pid = group.oom_kills(), _server_pid(b.name)
    fine = a.run_code("import os; print('kernel', os.getpid())")
    assert not fine["died"] and fine["stdout"].startswith("kernel "), fine
    kernel_pid = int(fine["stdout"].split()[1])
    assert _in_cgroup(kernel_pid, group), "kerneln ska ärva serverns cgroup"
    # 1.2 GB, touched (not only reserved), in a server limited to 800 MB
    hog = a.run_code("x = b'x' * (1200 * 2**20)\nprint('överlevde', len(x))")
    assert hog["died"], hog
    assert "överlevde" not in hog["stdout"]
    assert group.oom_kills() > before
    assert a.api("GET", "api/status").status_code == 200  # A's JupyterLab still answers
    assert _server_pid(b.name) == b_pid and b.api("GET", "api/status").status_code == 200


def test_stopping_a_server_ends_its_kernels_and_removes_its_cgroup(hub, workshop):
    """Last in this file: B's server stops (as when the idle culler stops it)."""
    b = workshop["people"]["b"]
    b.ok("POST", "api/kernels", json={"name": "python3"})
    group = cgroup(hub, b.name)
    deadline = time.monotonic() + TIMEOUT
    while len(group.pids()) < 2 and time.monotonic() < deadline:  # the server and its kernel
        time.sleep(0.2)
    assert len(group.pids()) >= 2, group.pids()
    xsrf = b.s.cookies.get("_xsrf", path="/hub/")
    r = b.s.delete(f"{b.url}/hub/api/users/{b.name}/server", headers={"X-XSRFToken": xsrf}, timeout=60)
    assert r.status_code in (202, 204), (r.status_code, r.text)
    while time.monotonic() < deadline:
        gone = not any(d.exists() for d in group.dirs.values())
        left = subprocess.run(["pgrep", "-u", b.name], capture_output=True, text=True).stdout.split()
        if gone and not left:
            break
        time.sleep(0.3)
    else:
        raise AssertionError(f"kvar efter stopp: cgroup {group.dirs}, processer {left}")


def test_formgrader_autograde_runs_participants_code_in_the_sandbox(hub, workshop):
    """A's submission tried to reach the instructor's files while being autograded in formgrader."""
    users = hub["users"]
    kurs = hub["settings"].home_base / users["kl"] / "kurs"
    graded = nbformat.read(kurs / "autograded" / users["a"] / ASSIGNMENT / NOTEBOOK, as_version=4)
    printed = [o.get("text", "") for c in graded.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    line = next((t for t in printed if t.startswith(PROBE_MARK)), None)
    assert line, "provcellen kördes inte vid rättningen"
    result = json.loads(line.split(" ", 1)[1])
    reads = {k: v for k, v in result.items() if k.startswith("read")}
    assert len(reads) == 3 and "allowed" not in reads.values(), result
    # writing may succeed inside the sandbox's private in-memory view, but nothing reaches the disk
    assert not (kurs / "inbrott.txt").exists()
    # the probe itself works: run as the instructor outside the sandbox it reaches the gradebook
    cell = probe_cell(hub, users["kl"], users["b"]).replace(str(kurs / "inbrott.txt"), "/dev/null/x")
    proc = subprocess.run(["runuser", "-u", users["kl"], "--", str(hub["python"]), "-c", cell],
                          capture_output=True, text=True, timeout=60, cwd="/")
    outside = json.loads(proc.stdout.split(" ", 1)[1])
    assert outside["read the gradebook"] == "allowed" and outside["read another submission"] == "allowed", outside
