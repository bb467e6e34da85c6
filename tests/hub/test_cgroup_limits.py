"""The cgroup limits (upphandlingskurs.hub.cgroups) against the real kernel: memory, CPU and processes bite.

The workshop hub without systemd puts each person's server in such a cgroup
(upphandlingskurs.hub.spawner); test_workshop_hub.py checks that the hub does so. Here each limit is
provoked by a small probe process. Needs root and a writable cgroup hierarchy (v1 or v2).
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hubtools import missing
from upphandlingskurs.hub.cgroups import Cgroup, CgroupUnavailable, Limits

pytestmark = pytest.mark.hub




@pytest.fixture
def cgroup_factory():
    if os.geteuid() != 0:
        missing("cgroup-testet behöver root")
    parent = "kurs-test-" + secrets.token_hex(3)
    made: list[Cgroup] = []

    def make(limits: Limits) -> Cgroup:
        try:
            group = Cgroup.create(f"probe{len(made)}", limits, parent=parent)
        except CgroupUnavailable as e:
            missing(f"cgroups går inte att använda här: {e}")
        made.append(group)
        return group

    yield make
    for group in made:
        group.kill()
        group.remove()
    for group in made[:1]:
        for d in group.dirs.values():
            try:
                d.parent.rmdir()
            except OSError:
                pass


def run_in(group: Cgroup, code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], preexec_fn=group.add, capture_output=True,
                          text=True, timeout=timeout)


def test_memory_over_the_limit_is_killed_and_counted(cgroup_factory):
    group = cgroup_factory(Limits(memory_bytes=200 * 2**20))
    # 100 MB is fine; 400 MB (touched, not only reserved) is more than the limit
    ok = run_in(group, "x = b'x' * (100 * 2**20); print(len(x))")
    assert ok.returncode == 0, ok.stderr
    before = group.oom_kills()
    hog = run_in(group, "x = b'x' * (400 * 2**20); print('överlevde')")
    assert hog.returncode == -signal.SIGKILL, (hog.returncode, hog.stdout, hog.stderr[-500:])
    assert "överlevde" not in hog.stdout
    assert group.oom_kills() == before + 1


def test_cpu_is_capped_at_the_quota(cgroup_factory):
    group = cgroup_factory(Limits(cpus=0.5))
    # two busy children for 2 s of wall time: without a cap up to 2 cores, with it half a core
    probe = """
import json, subprocess, sys, time
busy = "import time\\ns = time.monotonic()\\nwhile time.monotonic() - s < 2: pass"
t = time.monotonic()
for p in [subprocess.Popen([sys.executable, "-c", busy]) for _ in range(2)]:
    p.wait()
print(json.dumps({"wall": time.monotonic() - t}))
"""
    used = group.cpu_seconds()
    proc = run_in(group, probe)
    assert proc.returncode == 0, proc.stderr
    wall = json.loads(proc.stdout)["wall"]
    cores = (group.cpu_seconds() - used) / wall
    assert cores < 0.7, f"{cores:.2f} kärnor i snitt med gränsen 0,5"
    stat_dir = group.dirs.get("unified") or group.dirs["cpu"]
    stat = dict(line.split() for line in (stat_dir / "cpu.stat").read_text().splitlines())
    assert int(stat["nr_throttled"]) > 0, stat  # the kernel held the group back


def test_process_count_is_capped(cgroup_factory):
    group = cgroup_factory(Limits(tasks=20))
    probe = """
import subprocess, sys
started = []
try:
    for _ in range(40):
        started.append(subprocess.Popen(["sleep", "30"]))
    print("alla 40 startade")
except OSError as e:
    print(type(e).__name__, len(started))
finally:
    for p in started:
        p.kill()
"""
    proc = run_in(group, probe)
    assert proc.returncode == 0, proc.stderr
    assert "alla 40 startade" not in proc.stdout
    name, count = proc.stdout.split()
    assert name == "BlockingIOError" and 10 <= int(count) < 20, proc.stdout


def test_kill_ends_everything_left_in_the_cgroup_and_it_can_be_removed(cgroup_factory):
    group = cgroup_factory(Limits(memory_bytes=200 * 2**20))
    # a process that leaves a grandchild behind, as a stopped server may leave a kernel
    leftover = subprocess.Popen([sys.executable, "-c",
                                 "import subprocess; subprocess.Popen(['sleep', '300']); print('ok', flush=True)"],
                                preexec_fn=group.add, stdout=subprocess.PIPE, text=True)
    assert leftover.stdout.readline().strip() == "ok"
    leftover.wait(10)
    assert group.pids(), "barnbarnet ska finnas kvar i gruppen"
    group.kill()
    assert group.pids() == set()
    group.remove()
    assert not any(d.exists() for d in group.dirs.values())


def _v2_root():
    for root in (Path("/sys/fs/cgroup"), Path("/sys/fs/cgroup/unified")):
        if (root / "cgroup.controllers").is_file():
            return root
    missing("ingen cgroup v2-hierarki (cgroup.controllers) under /sys/fs/cgroup")


def test_v2_mechanics_against_the_kernel():
    """cgroup v2 as the kernel has it: make, join, list, kill (cgroup.kill) and remove.

    On the test machines the v2 hierarchy holds no controllers (they are in v1), so the limits themselves are
    tested above through v1; here the v2-only paths run for real, and a limit v2 cannot give is refused."""
    if os.geteuid() != 0:
        missing("cgroup-testet behöver root")
    root, parent = _v2_root(), "kurs-test-" + secrets.token_hex(3)
    group = Cgroup.create("probe", Limits(), parent=parent, root=root)
    try:
        assert group.version == 2
        child = subprocess.Popen([sys.executable, "-c", "import subprocess; subprocess.Popen(['sleep', '300']); "
                                  "print('ok', flush=True)"], preexec_fn=group.add, stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ok"
        child.wait(10)
        assert len(group.pids()) == 1  # the grandchild, left behind
        available = (root / "cgroup.controllers").read_text().split()
        if "memory" not in available:
            with pytest.raises(CgroupUnavailable, match="saknar styrningen memory"):
                Cgroup.create("probe", Limits(memory_bytes=2**30), parent=parent, root=root)
        else:
            assert Cgroup.create("probe", Limits(memory_bytes=2**30), parent=parent, root=root).limits().memory_bytes == 2**30
        group.kill()
        assert group.pids() == set()
    finally:
        group.kill()
        group.remove()
        (root / parent).rmdir()
    assert not (root / parent).exists()
