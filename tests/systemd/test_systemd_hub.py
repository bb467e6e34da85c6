"""The workshop hub's production path (deploy/jupyterhub with systemd), in a systemd-nspawn container.

tests/hub runs the hub with plain processes, because systemd is not PID 1 on the test machines. Here a
real systemd boots in a container whose root is an overlay of this machine's root: the lower layer is
the host's / (read-only), every write goes to an upper layer on a tmpfs that is thrown away afterwards.
In it the guide is followed: install.sh (all 7 steps: apt, pip, npm, accounts, permissions, systemd),
a participant is added with upphandlingskurs.hub.admin and logs in through the hub over https, and then:

- jupyterhub.service is active and enabled, kurs-backup.timer is listed by `systemctl list-timers`;
- the participant's server is the systemd unit jupyter-<user> with MemoryMax=1G and CPUQuota=100%, as the
  Unix user, and the kernel enforces both: a process in the unit's cgroup that touches 1.5 GiB is
  OOM-killed (the server survives) and two busy processes get at most one core;
- a restart of the hub leaves the server running and the hub finds it again;
- `systemctl start kurs-backup.service` writes a backup of the instructor's gradebook.

Only for the test machine, not the guide: /etc/kurs/hub.env is written before install.sh (free ports on
127.0.0.1 and a self-signed certificate, as the container shares the host's network), KURS_VENV points
at the environment running the tests (install.sh then only adds jupyterhub-systemdspawner; the container
sees it at its own path through an overlay of its own, as nspawn gives the container a new /tmp, and
under /tmp a drop-in binds it into the servers' private /tmp), and folders above that environment that
are closed to other users (pyenv under /root) get o+x in the container.
This machine mounts the cgroup v1 controllers (memory, cpu) that nspawn gives a container read-only;
they are remounted read-write in the container and its systemd re-executed, so that it uses them.

Needs root, systemd-nspawn (Debian package systemd-container), nsenter and openssl; skipped otherwise,
unless KURS_REQUIRE_ALL=1 (CI), where a missing requirement fails. The container is always stopped,
the overlay unmounted and the temporary folders and cgroups removed, also when a step fails.
"""
from __future__ import annotations

import csv
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import pytest

from conftest import REPO
from hubtools import HubBrowser, free_port, missing

pytestmark = pytest.mark.hub

requests = pytest.importorskip("requests")

DEST = "/opt/kurs/kurspaket"  # where the guide puts the course
USER = "anna-lerum"
INSTRUCTOR = "kursledare"
TIMEOUT = 90  # seconds for the container to boot, a server to start, or install.sh to finish
CGROUP = Path("/sys/fs/cgroup")
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"






def _own_cgroups(name: str) -> list[Path]:
    """A new cgroup ``name`` below this process's cgroup in every hierarchy (v1 controllers and v2).

    nspawn runs without a systemd on the host (--keep-unit --register=no), so the container's cgroup is the
    one nspawn runs in: a fresh one, so that the container's systemd manages its own subtree only.
    """
    made = []
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controllers == "":
            mount = CGROUP / "unified" if (CGROUP / "unified" / "cgroup.procs").exists() else CGROUP
        elif controllers == "name=systemd":
            mount = CGROUP / "systemd"
        else:
            mount = CGROUP / controllers
        parent = mount / path.lstrip("/")
        if not (parent / "cgroup.procs").exists():
            continue
        child = parent / name
        child.mkdir()
        made.append(child)
        if controllers == "cpuset":  # a v1 cpuset cgroup takes no process until it has cpus and mems
            for f in ("cpuset.cpus", "cpuset.mems"):
                (child / f).write_text((parent / f).read_text())
    return made


def _remove_cgroups(cgroups: list[Path]) -> None:
    for top in cgroups:
        if not top.exists():
            continue
        for dirpath, _, _ in sorted(os.walk(top), key=lambda w: -len(w[0])):
            try:
                os.rmdir(dirpath)
            except OSError:
                pass


class Machine:
    """The booted container: commands run in all its namespaces with nsenter."""

    def __init__(self, root: Path, leader: int, env: dict):
        self.root, self.leader, self.env = root, leader, env

    def run(self, *cmd: str, check: bool = True, timeout: float = TIMEOUT, **kw) -> subprocess.CompletedProcess:
        proc = subprocess.run(["nsenter", "-t", str(self.leader), "-a", *cmd], env=kw.pop("env", self.env),
                              capture_output=True, text=True, timeout=timeout, **kw)
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)}: exit {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        return proc

    def sh(self, script: str, **kw) -> subprocess.CompletedProcess:
        return self.run("sh", "-c", script, **kw)

    def show(self, unit: str, *props: str) -> dict[str, str]:
        out = self.run("systemctl", "show", unit, *(f"--property={p}" for p in props)).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def path(self, p: str) -> Path:
        """A path in the container, seen from the host (through the overlay)."""
        return self.root / p.lstrip("/")


def _passwords(machine: Machine, *files: str) -> dict[str, str]:
    out = {}
    for f in files:
        with machine.path(f).open(newline="") as fh:
            out.update({r["anvandarnamn"]: r["losenord"] for r in csv.DictReader(fh)})
    return out


def _copy_course(dest: Path) -> None:
    """The course as a git clone has it (tracked and new files), without what make and npm installed."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True)
    if listed.returncode != 0:  # not a git checkout: an unpacked copy
        shutil.copytree(REPO, dest, symlinks=True,
                        ignore=shutil.ignore_patterns(".venv", "node_modules", ".git", "test-artefacts", "__pycache__"))
        return
    for name in filter(None, listed.stdout.split(b"\0")):
        src = REPO / os.fsdecode(name)
        if src.is_file():
            (dest / src.relative_to(REPO)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / src.relative_to(REPO))


def _prepare_root(root: Path, venv: Path, hub_env: str) -> None:
    """The container's root before it boots (every write lands in the overlay's upper layer)."""
    etc = root / "etc" / "systemd" / "system"
    # a clean server: none of the host's own services or timers (an apt-daily run would hold apt's lock
    # during install.sh), and no earlier installation of the course
    for wants in ("multi-user.target.wants", "timers.target.wants"):
        for link in (etc / wants).glob("*") if (etc / wants).is_dir() else []:
            link.unlink()
    for stale in ("jupyterhub.service", "kurs-backup.service", "kurs-backup.timer"):
        (etc / stale).unlink(missing_ok=True)
    for stale in ("etc/kurs", "opt/kurs", "var/lib/kurs-hub", "srv/nbgrader", "var/backups/kurs"):
        shutil.rmtree(root / stale, ignore_errors=True)
    # the course in /opt/kurs/kurspaket, as the guide's step 1 (tracked and new files, no .venv/node_modules)
    _copy_course(root / DEST.lstrip("/"))
    # step 2 of the guide (certificate) and this machine's addresses
    tls = root / "etc" / "kurs" / "tls"
    tls.mkdir(parents=True)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(tls / "privkey.pem"),
                    "-out", str(tls / "fullchain.pem")], check=True, capture_output=True)
    (tls / "privkey.pem").chmod(0o600)
    env_file = root / "etc" / "kurs" / "hub.env"
    env_file.write_text(hub_env)
    env_file.chmod(0o600)
    # the users' servers run the venv's python. Under /tmp (a CI clone) their private /tmp would hide it:
    # a drop-in for all jupyter-* units binds it in again (only then)
    if any(venv.is_relative_to(t) for t in ("/tmp", "/var/tmp")):
        dropin = etc / "jupyter-.service.d"
        dropin.mkdir(parents=True, exist_ok=True)
        (dropin / "kurs-test-venv.conf").write_text(f"[Service]\nBindReadOnlyPaths={venv}\n")
    # and let them through folders closed to others (container only)
    for target in (venv, Path(os.path.realpath(venv / "bin" / "python"))):
        for p in [*reversed(target.parents), target]:
            inside = root / p.relative_to("/")
            mode = inside.stat().st_mode
            if inside.is_dir() and not mode & 0o001:
                inside.chmod((mode & 0o7777) | 0o001)


@pytest.fixture(scope="module")
def machine():
    if os.geteuid() != 0:
        missing("systemd-testet behöver root (monterar en overlay och startar en container)")
    for tool in ("systemd-nspawn", "nsenter", "openssl", "git", "pgrep"):
        if not shutil.which(tool):
            missing(f"{tool} saknas (Debian-paketen systemd-container, util-linux, openssl, git, procps)")
    if "overlay" not in Path("/proc/filesystems").read_text():
        missing("kärnan saknar overlayfs")
    if not Path("/lib/systemd/systemd").exists():
        missing("systemd saknas i /lib/systemd/systemd")
    if not (CGROUP / "memory" / "cgroup.procs").exists():
        # with only cgroup v2 the container's cgroup would need delegated controllers (a systemd on the host
        # with Delegate=yes); that way is not written here
        missing("testet kräver cgroup v1-kontrollern memory i /sys/fs/cgroup/memory (som på testmaskinerna)")

    t0 = time.monotonic()
    times = {}
    name = "kurs-" + secrets.token_hex(3)
    base = Path(tempfile.mkdtemp(prefix="kurs-nspawn-"))
    layer, root = base / "layer", base / "root"
    layer.mkdir()
    root.mkdir()
    # proof that nothing in the container reaches the host's /tmp (systemd-tmpfiles cleans /tmp at boot)
    canary = Path(tempfile.mkstemp(prefix="kurs-nspawn-canary-", dir="/tmp")[1])
    venv = Path(sys.prefix)
    ports = {k: free_port() for k in ("hub", "api", "proxy")}
    url = f"https://127.0.0.1:{ports['hub']}"
    hub_env = (f"KURS_HUB_URL={url}\nKURS_TLS_CERT=/etc/kurs/tls/fullchain.pem\nKURS_TLS_KEY=/etc/kurs/tls/privkey.pem\n"
               f"KURS_HUB_API_URL=http://127.0.0.1:{ports['api']}\n"
               f"KURS_PROXY_API_URL=http://127.0.0.1:{ports['proxy']}\n")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KURS_", "JUPYTER", "VIRTUAL_ENV", "PYTEST", "PYTHON"))}
    env.update({"PATH": PATH, "HOME": "/root", "LANG": "C.UTF-8"})
    mounted: list[Path] = []
    cgroups: list[Path] = []
    nspawn = None
    console = base / "console.log"
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4G,mode=755", "kurs-nspawn", str(layer)], check=True)
        mounted.append(layer)
        (layer / "upper").mkdir()
        (layer / "work").mkdir()
        subprocess.run(["mount", "-t", "overlay", "kurs-nspawn", "-o",
                        f"lowerdir=/,upperdir={layer / 'upper'},workdir={layer / 'work'}", str(root)],
                       check=True, capture_output=True, text=True)
        mounted.append(root)
        _prepare_root(root, venv, hub_env)
        # the environment at its own path: nspawn mounts a new /tmp (where CI's clone may be), and the lower
        # layer above holds the root file system only; install.sh writes to it, so again through an overlay
        venv_view = base / "venv"
        venv_view.mkdir()
        (layer / "venv-upper").mkdir()
        (layer / "venv-work").mkdir()
        subprocess.run(["mount", "-t", "overlay", "kurs-nspawn", "-o",
                        f"lowerdir={venv},upperdir={layer / 'venv-upper'},workdir={layer / 'venv-work'}",
                        str(venv_view)], check=True, capture_output=True, text=True)
        mounted.append(venv_view)

        cgroups = _own_cgroups(name)
        procs = [c / "cgroup.procs" for c in cgroups]

        def enter_cgroups():
            for f in procs:
                f.write_text("0")

        t = time.monotonic()
        with console.open("w") as fh:
            nspawn = subprocess.Popen(
                ["systemd-nspawn", "--quiet", "--directory", str(root), "--machine", name, "--register=no",
                 "--keep-unit", "--console=read-only", f"--bind={venv_view}:{venv}", "--boot"],
                stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT, preexec_fn=enter_cgroups,
                start_new_session=True)
        deadline = time.monotonic() + TIMEOUT
        leader = None
        while leader is None:
            assert nspawn.poll() is None, console.read_text()[-5000:]
            assert time.monotonic() < deadline, console.read_text()[-5000:]
            out = subprocess.run(["pgrep", "-x", "-P", str(nspawn.pid), "systemd"],
                                 capture_output=True, text=True).stdout.split()
            leader = int(out[0]) if out else None
            time.sleep(0.2)
        m = Machine(root, leader, env)
        while True:
            state = m.run("systemctl", "is-system-running", "--wait", check=False, timeout=TIMEOUT).stdout.strip()
            if state in ("running", "degraded"):
                break
            assert nspawn.poll() is None and time.monotonic() < deadline, (state, console.read_text()[-5000:])
            time.sleep(0.3)
        # nspawn mounts the v1 controllers read-only in a container without a user namespace, and systemd
        # only uses controllers it can write: remount memory, cpu and cpuacct read-write, and let systemd look again
        remounted = []
        for line in m.run("cat", "/proc/self/mountinfo").stdout.splitlines():
            fields = line.split()
            target, fstype = fields[4], fields[fields.index("-") + 1]
            opts = set(fields[-1].split(","))
            if fstype == "cgroup" and opts & {"memory", "cpu", "cpuacct"} and "ro" in fields[5].split(","):
                m.run("mount", "-o", "remount,bind,rw", target)
                remounted.append(target)
        if remounted:
            m.run("systemctl", "daemon-reexec")
            m.run("systemctl", "is-system-running", "--wait", check=False)
        times["container startad"] = time.monotonic() - t

        t = time.monotonic()
        install = m.run("env", f"KURS_VENV={venv}", "bash", f"{DEST}/deploy/jupyterhub/install.sh", INSTRUCTOR,
                        check=False, timeout=300)
        times["install.sh"] = time.monotonic() - t
        assert install.returncode == 0, install.stdout[-5000:] + install.stderr[-5000:]

        # section 3 of the guide: a participant, with a password file in root's folder
        m.run("env", "-C", "/root", f"{venv}/bin/python", "-m", "upphandlingskurs.hub.admin", "lagg-till", USER,
              "--losenord", "/root/deltagare-losenord.csv")
        passwords = _passwords(m, "/root/kurs-losenord.csv", "/root/deltagare-losenord.csv")
        cert = m.path("/etc/kurs/tls/fullchain.pem")
        t = time.monotonic()
        people = {n: HubBrowser(url, n, passwords[n], ca_cert=str(cert), timeout=TIMEOUT) for n in (USER, INSTRUCTOR)}
        for p in people.values():
            r = p.login()
            assert r.status_code == 302, (p.name, r.status_code, r.text[:500])
            p.start_server()
            p.wait_ready()
        times["inloggning + två servrar"] = time.monotonic() - t
        yield {"m": m, "people": people, "install": install, "times": times, "t0": t0, "url": url,
               "remounted": remounted, "console": console}
    finally:
        if nspawn is not None and nspawn.poll() is None:
            nspawn.send_signal(signal.SIGTERM)  # nspawn --boot: an orderly poweroff of the container
            try:
                nspawn.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(nspawn.pid, signal.SIGKILL)
                nspawn.wait(10)
        for mnt in reversed(mounted):
            if subprocess.run(["umount", str(mnt)], capture_output=True).returncode != 0:
                subprocess.run(["umount", "--lazy", str(mnt)], capture_output=True)
        _remove_cgroups(cgroups)
        shutil.rmtree(f"/run/systemd/nspawn/propagate/{name}", ignore_errors=True)
        if not set(mounted) & set(_mountpoints()):  # never remove through a mount that is still there
            shutil.rmtree(base, ignore_errors=True)
        survived = canary.exists()
        canary.unlink(missing_ok=True)
        assert survived, "containern tog bort en fil i värdens /tmp"


def _mountpoints() -> list[Path]:
    return [Path(line.split()[4]) for line in Path("/proc/self/mountinfo").read_text().splitlines()]


def _cgroup_dir(m: Machine, unit: str, controller: str) -> str:
    """The unit's cgroup folder for ``controller`` inside the container (v1 hierarchy, or v2)."""
    v1 = f"/sys/fs/cgroup/{controller}/system.slice/{unit}"
    if m.run("test", "-d", v1, check=False).returncode == 0:
        return v1
    for v2 in (f"/sys/fs/cgroup/unified/system.slice/{unit}", f"/sys/fs/cgroup/system.slice/{unit}"):
        if m.run("test", "-e", f"{v2}/memory.max", check=False).returncode == 0:
            return v2
    seen = m.sh(f"ls /sys/fs/cgroup/{controller}/system.slice; grep cgroup /proc/self/mountinfo", check=False).stdout
    raise AssertionError(f"hittar ingen cgroup för {unit} ({controller}):\n{seen}")


def _as_user_in_unit(m: Machine, unit: str, user: str, code: str) -> str:
    """A shell script: Python ``code`` as ``user`` in every cgroup of ``unit`` (as if its server had started it).

    setpriv, not runuser: no PAM session, which could move the process into a logind session's cgroup.
    """
    dirs = m.sh(f"for d in /sys/fs/cgroup/*/system.slice/{unit} /sys/fs/cgroup/system.slice/{unit}; "
                "do [ -f $d/cgroup.procs ] && echo $d; done; true").stdout.split()
    assert dirs, f"{unit} har ingen cgroup"
    assert '"' not in code and "$" not in code and "`" not in code
    return ("".join(f"echo $$ > {d}/cgroup.procs; " for d in dirs)
            + f"grep -q {unit} /proc/self/cgroup || exit 3; "
            + f"exec setpriv --reuid={user} --regid={user} --init-groups -- {sys.prefix}/bin/python -c \"{code}\"")


def test_install_runs_all_steps_and_the_services_are_enabled(machine):
    m, out = machine["m"], machine["install"].stdout
    assert "== 7/7" in out and "Klart." in out, out
    assert m.run("systemctl", "is-active", "jupyterhub.service", "kurs-backup.timer").stdout.split() == ["active"] * 2
    assert m.run("systemctl", "is-enabled", "jupyterhub.service", "kurs-backup.timer").stdout.split() == ["enabled"] * 2
    unit = m.path("/etc/systemd/system/jupyterhub.service").read_text()
    assert f"ExecStart={Path(sys.prefix)}/bin/jupyterhub -f {DEST}/deploy/jupyterhub/jupyterhub_config.py" in unit


def test_backup_timer_is_listed(machine):
    out = machine["m"].run("systemctl", "list-timers", "kurs-backup.timer", "--no-pager").stdout
    assert "kurs-backup.timer" in out and "kurs-backup.service" in out and "1 timers listed" in out, out


def test_each_server_is_a_systemd_unit_with_the_limits(machine):
    m = machine["m"]
    # participants 1 GB / 1 core, instructors 2 GB / 2 cores (grading runs in their server)
    for name, memory, cpu_per_s in ((USER, 1024 ** 3, "1s"), (INSTRUCTOR, 2 * 1024 ** 3, "2s")):
        props = m.show(f"jupyter-{name}", "ActiveState", "MemoryMax", "CPUQuotaPerSecUSec", "User", "MainPID",
                       "PrivateTmp", "PrivateDevices", "NoNewPrivileges", "TasksMax")
        uid = m.run("id", "-u", name).stdout.strip()
        assert props["ActiveState"] == "active", props
        assert props["MemoryMax"] == str(memory), props
        assert props["CPUQuotaPerSecUSec"] == cpu_per_s, props  # CPUQuota=100 % / 200 %
        assert props["TasksMax"] == "512", props
        assert props["User"] in (name, uid), props
        assert props["PrivateTmp"] == props["PrivateDevices"] == props["NoNewPrivileges"] == "yes", props
        cmdline = m.run("cat", f"/proc/{props['MainPID']}/cmdline").stdout
        assert "jupyterhub-singleuser" in cmdline
        assert m.run("stat", "-c", "%u", f"/proc/{props['MainPID']}").stdout.strip() == uid
    # what the kernel enforces
    unit = f"jupyter-{USER}.service"
    mem = _cgroup_dir(m, unit, "memory")
    cpu = _cgroup_dir(m, unit, "cpu")
    if mem.startswith("/sys/fs/cgroup/memory/"):
        assert m.run("cat", f"{mem}/memory.limit_in_bytes").stdout.strip() == str(1024 ** 3)
        assert m.run("cat", f"{cpu}/cpu.cfs_quota_us").stdout.strip() == "100000"
        assert m.run("cat", f"{cpu}/cpu.cfs_period_us").stdout.strip() == "100000"
    else:
        assert m.run("cat", f"{mem}/memory.max").stdout.strip() == str(1024 ** 3)
        assert m.run("cat", f"{cpu}/cpu.max").stdout.split() == ["100000", "100000"]


def test_a_process_in_the_server_that_uses_too_much_memory_is_oom_killed(machine):
    m = machine["m"]
    unit = f"jupyter-{USER}.service"
    before = m.show(unit, "MainPID")["MainPID"]
    probe = ("b = bytearray(1536 * 1024 * 1024)\n"
             "for i in range(0, len(b), 4096): b[i] = 1\n"
             "print('överlevde')\n")
    proc = m.sh(_as_user_in_unit(m, unit, USER, probe), check=False, timeout=120)
    assert proc.returncode in (137, -9), (proc.returncode, proc.stdout, proc.stderr)
    assert "överlevde" not in proc.stdout
    mem = _cgroup_dir(m, unit, "memory")
    if mem.startswith("/sys/fs/cgroup/memory/"):
        assert int(m.run("cat", f"{mem}/memory.failcnt").stdout) > 0
    else:
        events = dict(line.split() for line in m.run("cat", f"{mem}/memory.events").stdout.splitlines())
        assert int(events["oom_kill"]) > 0, events
    # only the greedy process: the participant's server goes on
    after = m.show(unit, "ActiveState", "MainPID")
    assert after == {"ActiveState": "active", "MainPID": before}, after
    assert machine["people"][USER].get("api/status").status_code == 200


def test_two_busy_processes_in_the_server_get_at_most_one_core(machine):
    m = machine["m"]
    unit = f"jupyter-{USER}.service"
    burn = ("import os, time\n"
            "r, w = os.pipe()\n"
            "pid = os.fork()\n"
            "t = time.monotonic()\n"
            "while time.monotonic() - t < 1.5: pass\n"
            "if pid == 0:\n"
            "    os.write(w, repr(time.process_time()).encode()); os._exit(0)\n"
            "os.waitpid(pid, 0)\n"
            "wall = time.monotonic() - t\n"
            "print((time.process_time() + float(os.read(r, 64))) / wall)\n")
    proc = m.sh(_as_user_in_unit(m, unit, USER, burn))
    cores = float(proc.stdout.split()[-1])
    assert cores <= 1.15, f"{cores:.2f} kärnor med CPUQuota=100%"


def test_a_restart_of_the_hub_leaves_the_servers_running(machine):
    m, person = machine["m"], machine["people"][USER]
    unit = f"jupyter-{USER}"
    before = m.show(unit, "MainPID")["MainPID"]
    m.run("systemctl", "restart", "jupyterhub.service")
    assert m.show(unit, "ActiveState", "MainPID") == {"ActiveState": "active", "MainPID": before}
    deadline = time.monotonic() + TIMEOUT
    while True:  # the hub comes back, finds the running server and routes to it again
        try:
            r = person.get("api/status")
            if r.status_code == 200 and r.headers.get("Content-Type", "").startswith("application/json"):
                break
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, "hubben hittade inte den körande servern efter omstarten"
        time.sleep(0.5)


def test_backup_service_writes_a_backup_of_the_gradebook(machine):
    m, kl = machine["m"], machine["people"][INSTRUCTOR]
    # the gradebook exists once the instructor has used formgrader
    r = kl.get("formgrader/api/assignments")
    assert r.status_code == 200, r.text[:500]
    assert any(a["name"] == "00_kom_igang" for a in r.json())
    folder = m.path("/var/backups/kurs")
    earlier = set(folder.glob("kurs-*.tar.gz")) if folder.exists() else set()  # the timer may have run
    m.run("systemctl", "start", "kurs-backup.service")
    assert m.show("kurs-backup.service", "Result")["Result"] == "success"
    backups = sorted(set(folder.glob("kurs-*.tar.gz")) - earlier)
    assert len(backups) == 1, backups
    assert backups[0].stat().st_mode & 0o077 == 0
    with tarfile.open(backups[0]) as tar:
        names = tar.getnames()
    assert "kurs/gradebook.db" in names and "kurs/nbgrader_config.py" in names, names


def test_the_grading_sandbox_works_inside_the_instructors_unit(machine):
    """Autograde (formgrader, `kurs rätta`) runs participants' code in bubblewrap, inside the instructor's
    systemd unit (NoNewPrivileges, PrivateTmp, PrivateDevices): a sandbox that could not start there would
    fall back to running the code with the instructor's rights."""
    kl = machine["people"][INSTRUCTOR]
    out = kl.run_code("from upphandlingskurs.grading.sandbox import sandbox_mode, describe_mode\n"
                      "print(sandbox_mode()); print(describe_mode())")["stdout"]
    mode, sentence = out.strip().split("\n", 1)
    assert mode == "bwrap", out
    assert "sandlåda" in sentence


def test_report_timings(machine, capsys):
    times = dict(machine["times"], totalt=time.monotonic() - machine["t0"])
    with capsys.disabled():
        print("\nsystemd-testet, sekunder: " + ", ".join(f"{k} {v:.1f}" for k, v in times.items())
              + f"; monterade om rw i containern: {', '.join(machine['remounted']) or 'inget'}")
    assert times["totalt"] < 150
