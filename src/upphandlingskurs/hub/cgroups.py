"""Memory, CPU and process limits for a group of processes with Linux cgroups (v2 or v1), without systemd.

The workshop hub normally runs each user's server as a systemd unit (SystemdSpawner), and systemd sets the
limits. On a server without systemd as PID 1 (a container, some virtual machines) the hub starts plain
processes instead (``upphandlingskurs.hub.spawner.LimitedLocalProcessSpawner``), which puts each user's server in a cgroup of
its own made here: the same limits, enforced by the same kernel mechanism.

- cgroup v2 (one hierarchy, ``cgroup.controllers`` at the root): ``memory.max``, ``memory.swap.max``,
  ``cpu.max``, ``pids.max``.
- cgroup v1 (one hierarchy per controller: ``memory/``, ``cpu/``, ``pids/``): ``memory.limit_in_bytes``
  (+ ``memory.memsw.limit_in_bytes`` when swap is accounted), ``cpu.cfs_quota_us``/``cpu.cfs_period_us``,
  ``pids.max``; ``cpuacct`` only to measure.

Messages are Swedish (they reach IT staff in the hub's log).
"""
from __future__ import annotations

import errno
import os
import re
import signal
import time
from dataclasses import dataclass
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
CPU_PERIOD_US = 100_000
V1_CONTROLLERS = ("memory", "cpu", "cpuacct", "pids")  # cpuacct: CPU time used (may share cpu's mount)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


class CgroupUnavailable(RuntimeError):
    """Limits cannot be set on this machine (no writable cgroup hierarchy with the controllers needed)."""


@dataclass(frozen=True)
class Limits:
    """What one user's processes may use together. ``None``: no limit of that kind."""

    memory_bytes: int | None = None
    cpus: float | None = None
    tasks: int | None = None

    def __post_init__(self):
        if self.memory_bytes is not None and self.memory_bytes <= 0:
            raise ValueError(f"Minnesgränsen måste vara större än 0 byte (fick {self.memory_bytes}).")
        if self.cpus is not None and self.cpus <= 0:
            raise ValueError(f"CPU-gränsen måste vara större än 0 kärnor (fick {self.cpus}).")
        if self.tasks is not None and self.tasks <= 0:
            raise ValueError(f"Gränsen för antal processer måste vara större än 0 (fick {self.tasks}).")

    @property
    def cpu_quota_us(self) -> int | None:
        """CPU time per ``CPU_PERIOD_US`` (1.5 cores -> 150 000 µs per 100 000 µs)."""
        return None if self.cpus is None else max(1000, round(self.cpus * CPU_PERIOD_US))


def safe_name(name: str) -> str:
    """A cgroup directory name from a user (and server) name: no '/', no dots only, not empty."""
    cleaned = _SAFE_NAME.sub("_", name).strip(".") or "_"
    return cleaned[:200]


def detect_version(root: Path = CGROUP_ROOT) -> int:
    """2 for a unified hierarchy with controllers, 1 for per-controller hierarchies; else CgroupUnavailable."""
    root = Path(root)
    if (root / "cgroup.controllers").is_file():
        return 2
    if all((root / c / "cgroup.procs").is_file() for c in ("memory", "cpu")):
        return 1
    raise CgroupUnavailable(
        f"Hittar ingen cgroup-hierarki med minnes- och CPU-styrning under {root} "
        "(varken cgroup v2 eller v1 med memory och cpu är monterad).")


def _write(path: Path, value: str) -> None:
    try:
        path.write_text(value)
    except OSError as e:
        raise CgroupUnavailable(f"Kan inte skriva {value!r} till {path}: {e.strerror or e}") from e


class Cgroup:
    """One user's cgroup: a directory in the v2 hierarchy, or the same relative path in each v1 hierarchy."""

    def __init__(self, version: int, dirs: dict[str, Path]):
        self.version = version
        self.dirs = dirs  # controller (v1) or "unified" (v2) -> directory

    # --- creating and finding -------------------------------------------------------------------------
    @classmethod
    def locate(cls, name: str, parent: str = "kurs-hub", root: Path = CGROUP_ROOT) -> "Cgroup":
        """The cgroup for ``name`` under ``parent`` (whether it exists or not)."""
        root = Path(root)
        version = detect_version(root)
        leaf = Path(parent) / safe_name(name)
        if version == 2:
            return cls(2, {"unified": root / leaf})
        return cls(1, {c: root / c / leaf for c in V1_CONTROLLERS if (root / c / "cgroup.procs").is_file()})

    @classmethod
    def create(cls, name: str, limits: Limits, parent: str = "kurs-hub", root: Path = CGROUP_ROOT) -> "Cgroup":
        """Make (or reuse) the cgroup for ``name`` and set ``limits`` on it."""
        group = cls.locate(name, parent, root)
        if group.version == 2:
            group._prepare_v2(Path(root), parent, limits)
        for d in group.dirs.values():
            try:
                d.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise CgroupUnavailable(f"Kan inte skapa {d}: {e.strerror or e}") from e
        group.set_limits(limits)
        return group

    def _prepare_v2(self, root: Path, parent: str, limits: Limits) -> None:
        """Enable the controllers the limits need from the root down to ``parent`` (v2 delegates top-down)."""
        wanted = [c for c, on in (("memory", limits.memory_bytes), ("cpu", limits.cpus), ("pids", limits.tasks))
                  if on is not None]
        available = (root / "cgroup.controllers").read_text().split()
        missing = [c for c in wanted if c not in available]
        if missing:
            raise CgroupUnavailable(f"cgroup v2 under {root} saknar styrningen {', '.join(missing)}.")
        parts = Path(parent).parts
        for level in [root] + [root.joinpath(*parts[: i + 1]) for i in range(len(parts))]:
            if level != root:
                try:
                    level.mkdir(exist_ok=True)
                except OSError as e:
                    raise CgroupUnavailable(f"Kan inte skapa {level}: {e.strerror or e}") from e
            enabled = (level / "cgroup.subtree_control").read_text().split()
            for c in wanted:
                if c not in enabled:
                    _write(level / "cgroup.subtree_control", f"+{c}")

    # --- limits -----------------------------------------------------------------------------------------
    def set_limits(self, limits: Limits) -> None:
        if self.version == 2:
            d = self.dirs["unified"]
            quota = limits.cpu_quota_us
            for name, value in (("memory.max", limits.memory_bytes), ("memory.swap.max", 0 if limits.memory_bytes else None),
                                ("cpu.max", f"{quota} {CPU_PERIOD_US}" if quota else None), ("pids.max", limits.tasks)):
                if value is not None and (name != "memory.swap.max" or (d / name).exists()):
                    _write(d / name, str(value))
                elif (d / name).exists():  # an earlier limit on a reused cgroup goes
                    _try_write(d / name, "max" if name != "cpu.max" else f"max {CPU_PERIOD_US}")
            return
        if "memory" in self.dirs:
            m = self.dirs["memory"]
            value = str(limits.memory_bytes) if limits.memory_bytes else "-1"
            memsw = m / "memory.memsw.limit_in_bytes"
            # memory+swap must never be below memory: raise it first, set memory, then lower it again
            if memsw.exists():
                _try_write(memsw, "-1")
            _write(m / "memory.limit_in_bytes", value)
            if memsw.exists():
                _try_write(memsw, value)
        elif limits.memory_bytes:
            raise CgroupUnavailable("cgroup v1 utan minnesstyrning (memory): minnesgränsen kan inte sättas.")
        if "cpu" in self.dirs:
            c = self.dirs["cpu"]
            _write(c / "cpu.cfs_period_us", str(CPU_PERIOD_US))
            _write(c / "cpu.cfs_quota_us", str(limits.cpu_quota_us or -1))
        elif limits.cpus:
            raise CgroupUnavailable("cgroup v1 utan CPU-styrning (cpu): CPU-gränsen kan inte sättas.")
        if "pids" in self.dirs:
            _write(self.dirs["pids"] / "pids.max", str(limits.tasks) if limits.tasks else "max")

    def limits(self) -> Limits:
        """The limits as the kernel has them now."""
        if self.version == 2:
            d = self.dirs["unified"]

            def read(name: str) -> list[str]:
                return (d / name).read_text().split() if (d / name).exists() else ["max"]

            mem, quota, tasks = read("memory.max"), read("cpu.max"), read("pids.max")
            return Limits(memory_bytes=None if mem[0] == "max" else int(mem[0]),
                          cpus=None if quota[0] == "max" else int(quota[0]) / int(quota[1]),
                          tasks=None if tasks[0] == "max" else int(tasks[0]))
        mem = tasks = cpus = None
        if "memory" in self.dirs:
            value = int((self.dirs["memory"] / "memory.limit_in_bytes").read_text())
            mem = value if value < 2 ** 62 else None  # "no limit" reads as a huge number
        if "cpu" in self.dirs:
            quota = int((self.dirs["cpu"] / "cpu.cfs_quota_us").read_text())
            period = int((self.dirs["cpu"] / "cpu.cfs_period_us").read_text())
            cpus = None if quota < 0 else quota / period
        if "pids" in self.dirs:
            value = (self.dirs["pids"] / "pids.max").read_text().strip()
            tasks = None if value == "max" else int(value)
        return Limits(memory_bytes=mem, cpus=cpus, tasks=tasks)

    # --- processes ----------------------------------------------------------------------------------------
    def add(self, pid: int | None = None) -> None:
        """Move a process (default: the calling one) into this cgroup; its children follow it."""
        pid = os.getpid() if pid is None else pid
        for d in self.dirs.values():
            _write(d / "cgroup.procs", str(pid))

    def pids(self) -> set[int]:
        found: set[int] = set()
        for d in self.dirs.values():
            try:
                found.update(int(p) for p in (d / "cgroup.procs").read_text().split())
            except FileNotFoundError:
                pass
        return found

    def oom_kills(self) -> int:
        """How many processes the kernel has killed here for going over the memory limit."""
        if self.version == 2:
            path = self.dirs["unified"] / "memory.events"
        else:
            path = self.dirs.get("memory", Path("/nonexistent")) / "memory.oom_control"
        try:
            fields = dict(line.split() for line in path.read_text().splitlines() if line.strip())
        except FileNotFoundError:
            return 0
        return int(fields.get("oom_kill", 0))

    def cpu_seconds(self) -> float:
        """CPU time used by all processes in this cgroup so far."""
        if self.version == 2:
            stat = dict(line.split() for line in (self.dirs["unified"] / "cpu.stat").read_text().splitlines())
            return int(stat["usage_usec"]) / 1e6
        if "cpuacct" not in self.dirs:
            raise CgroupUnavailable("cgroup v1 utan cpuacct: CPU-tiden kan inte mätas.")
        return int((self.dirs["cpuacct"] / "cpuacct.usage").read_text()) / 1e9

    def kill(self, timeout: float = 5.0) -> None:
        """Kill every process still in the cgroup (kernels left behind by a stopped server)."""
        if self.version == 2 and (self.dirs["unified"] / "cgroup.kill").exists():
            _try_write(self.dirs["unified"] / "cgroup.kill", "1")
        deadline = time.monotonic() + timeout
        while (left := self.pids()) and time.monotonic() < deadline:
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.05)

    def remove(self) -> None:
        """Remove the (empty) cgroup directories; missing ones are fine."""
        for d in self.dirs.values():
            try:
                d.rmdir()
            except FileNotFoundError:
                pass
            except OSError as e:
                if e.errno != errno.EBUSY:
                    raise


def _try_write(path: Path, value: str) -> None:
    try:
        path.write_text(value)
    except OSError:
        pass
