"""A JupyterHub spawner for servers without systemd: local processes with enforced resource limits.

JupyterHub's LocalProcessSpawner only *announces* ``mem_limit`` and ``cpu_limit`` to the user's server
(MEM_LIMIT, CPU_LIMIT). This subclass enforces them, and a limit on the number of processes, by starting
each user's server inside a cgroup of its own (``upphandlingskurs.hub.cgroups``): the kernels the server
starts inherit the cgroup, so the limit holds for everything the person runs together, as with
SystemdSpawner. When the server stops, whatever is left in the cgroup (kernels, terminals) is killed and the
cgroup removed.

Chosen in deploy/jupyterhub/jupyterhub_config.py with ``KURS_SPAWNER=lokal``. The hub runs as root.
"""
from __future__ import annotations

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Bool, Integer, Unicode

from upphandlingskurs import format as fmt
from upphandlingskurs.hub.cgroups import Cgroup, CgroupUnavailable, Limits


class LimitedLocalProcessSpawner(LocalProcessSpawner):
    """LocalProcessSpawner whose ``mem_limit``, ``cpu_limit`` and ``tasks_limit`` are enforced by a cgroup."""

    tasks_limit = Integer(
        512, allow_none=True, config=True,
        help="Most processes and threads one user's server may have together (stops a fork bomb). None: no limit.")
    cgroup_root = Unicode("/sys/fs/cgroup", config=True, help="Where the cgroup hierarchies are mounted.")
    cgroup_parent = Unicode("kurs-hub", config=True, help="The cgroup (below the root) that holds the users' cgroups.")
    require_limits = Bool(
        True, config=True,
        help="Refuse to start a server when its limits cannot be enforced. False: start it with a warning in the log.")

    _cgroup: Cgroup | None = None

    @property
    def cgroup_name(self) -> str:
        return self.user.name + (f"-{self.name}" if self.name else "")

    def limits(self) -> Limits:
        return Limits(memory_bytes=self.mem_limit or None, cpus=self.cpu_limit or None, tasks=self.tasks_limit)

    async def start(self):
        limits = self.limits()
        try:
            self._cgroup = Cgroup.create(self.cgroup_name, limits, parent=self.cgroup_parent, root=self.cgroup_root)
        except CgroupUnavailable as e:
            self._cgroup = None
            message = (f"Resursgränserna för {self.user.name} ({_describe(limits)}) kan inte upprätthållas: {e}")
            if self.require_limits:
                raise RuntimeError(
                    message + " Servern startas inte. Använd SystemdSpawner (KURS_SPAWNER=systemd) på en server "
                    "med systemd, eller sätt KURS_UTAN_GRANSER=1 för att starta utan gränser.") from e
            self.log.warning("%s Servern startar utan gränser.", message)
        else:
            if self._cgroup.pids():  # left behind by a server that died without being stopped
                self.log.warning("%s: avslutar kvarlämnade processer %s", self.user.name, sorted(self._cgroup.pids()))
                self._cgroup.kill()
            self.log.info("Gränser för %s: %s (cgroup %s)", self.user.name, _describe(limits),
                          ", ".join(str(d) for d in self._cgroup.dirs.values()))
        return await super().start()

    def make_preexec_fn(self, name):
        switch_user = super().make_preexec_fn(name)
        group = self._cgroup

        def preexec():
            # still root here: join the cgroup first, then become the user
            if group is not None:
                group.add()
            switch_user()

        return preexec

    async def stop(self, now=False):
        await super().stop(now=now)
        group = self._cgroup
        if group is None:  # e.g. the hub restarted since the start: find the cgroup by its name
            try:
                group = Cgroup.locate(self.cgroup_name, parent=self.cgroup_parent, root=self.cgroup_root)
            except CgroupUnavailable:
                return
        group.kill()
        group.remove()
        self._cgroup = None


def _describe(limits: Limits) -> str:
    """The limits in plain Swedish for the hub's log: 'minne 800 MB, 1 kärna, högst 512 processer'."""
    parts = []
    if limits.memory_bytes:
        parts.append(f"minne {fmt.number(limits.memory_bytes / 2**20)} MB")
    if limits.cpus:
        parts.append(f"{fmt.number(limits.cpus, 0 if limits.cpus % 1 == 0 else 1 if (limits.cpus * 10) % 1 == 0 else 2)} {'kärna' if limits.cpus == 1 else 'kärnor'}")
    if limits.tasks:
        parts.append(f"högst {fmt.number(limits.tasks)} processer")
    return ", ".join(parts) or "inga gränser"
