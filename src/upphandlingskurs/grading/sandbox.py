"""Run participants' code with the least rights we can get (KURSDESIGN §9, issue 6).

While grading, nbgrader executes each submission in a Jupyter kernel. Here that kernel is started by
``SandboxKernelManager`` inside a bubblewrap sandbox (``bwrap``, Debian package ``bubblewrap``):

* a fresh mount namespace that shows only the operating system (read-only), the Python installation and
  the course package (read-only), and a *private copy* of the submission's own working directory (on a
  size-limited in-memory file system, so a submission cannot fill the disk either). The
  course's ``solutions/``, the gradebook, ``submitted/``, ``autograded/`` and other participants' files
  are simply not there;
* no network (the kernel talks to nbgrader over Unix sockets in a private directory), own PID/IPC/UTS
  namespaces, an empty ``/tmp`` and ``HOME``, and a cleared environment;
* when started as root: an unprivileged user id (``nobody``) with no capabilities, set by ``setpriv``;
* resource limits (``prlimit``): memory, CPU time, processes, file size, open files, no core dumps.

Without ``bwrap`` (for example on macOS) ``sandbox_mode()`` says so and grading falls back to resource
limits only; the CLI prints a warning. ``KURS_SANDBOX=av`` switches the sandbox off (only for benchmarks).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute
from nbformat.notebooknode import NotebookNode
from traitlets import Integer

NOBODY = 65534


@dataclass(frozen=True)
class Limits:
    """Resource limits for one kernel (values for ``prlimit``)."""

    memory_bytes: int = 3 * 1024**3      # address space; pandas + matplotlib need about 1 GB
    cpu_seconds: int = 600               # CPU time for the whole notebook
    processes: int = 512                 # threads count as processes
    file_bytes: int = 64 * 1024**2       # largest file the kernel may write
    open_files: int = 512
    scratch_bytes: int = 256 * 1024**2   # size of the writable working copy and of /tmp

    def prlimit_args(self) -> list[str]:
        return [
            f"--as={self.memory_bytes}", f"--cpu={self.cpu_seconds}", f"--nproc={self.processes}",
            f"--fsize={self.file_bytes}", f"--nofile={self.open_files}", "--core=0",
        ]


@lru_cache(maxsize=1)
def sandbox_mode() -> str:
    """'bwrap' when bubblewrap works here, 'grans' (limits only) otherwise, or 'av' when switched off."""
    if os.environ.get("KURS_SANDBOX", "").lower() in {"av", "off", "0"}:
        return "av"
    bwrap = shutil.which("bwrap")
    if bwrap:
        try:
            proc = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                                  capture_output=True, timeout=20)
            if proc.returncode == 0:
                return "bwrap"
        except (OSError, subprocess.TimeoutExpired):
            pass
    return "grans"


def describe_mode(mode: str | None = None) -> str:
    """A Swedish sentence for the instructor."""
    mode = mode or sandbox_mode()
    if mode == "bwrap":
        who = "en användare utan rättigheter" if os.geteuid() == 0 else "din användare"
        return (f"Deltagarnas kod körs i en sandlåda (bubblewrap) som {who}, utan nätverk och med "
                "begränsat minne och tid. Den ser inte lösningarna, betygsboken eller andras inlämningar.")
    if mode == "grans":
        return ("VARNING: bubblewrap (bwrap) saknas eller fungerar inte här. Deltagarnas kod körs med "
                "begränsat minne och tid men med dina rättigheter. Installera paketet bubblewrap.")
    return "VARNING: sandlådan är avstängd (KURS_SANDBOX=av). Deltagarnas kod körs med dina rättigheter."


def _package_dirs() -> list[Path]:
    """Read-only paths the kernel needs: Python, the virtual environment and the course package."""
    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()}
    spec = importlib.util.find_spec("upphandlingskurs")
    if spec and spec.submodule_search_locations:
        pkg = Path(list(spec.submodule_search_locations)[0]).resolve()
        paths.add(pkg)
        data = pkg.parents[1] / "data"      # the course's data/ (src layout: <repo>/src/<pkg>)
        if data.is_dir():
            paths.add(data.resolve())
    # Keep only the outermost paths.
    ordered = sorted(paths, key=lambda p: len(p.parts))
    out: list[Path] = []
    for p in ordered:
        if not any(p == q or q in p.parents for q in out):
            out.append(p)
    return out


def course_data_dir(workdir: Path) -> Path | None:
    """The graded course's data/ folder (read-only in the sandbox): next to nbgrader_config.py above workdir."""
    for d in workdir.parents:
        if (d / "nbgrader_config.py").is_file():
            data = d / "data"
            return data.resolve() if data.is_dir() else None
    return None


ORIGINAL = "/kurs/original"


def bwrap_prefix(workdir: Path, runtime_dir: Path, limits: Limits) -> list[str]:
    """The command prefix that runs a kernel in the sandbox.

    ``workdir`` is where nbgrader wants the kernel to run. The kernel sees a writable in-memory copy of it
    there (made by ``cp`` inside the sandbox from a read-only view), so nothing it writes reaches the disk.
    ``runtime_dir`` holds the connection file and the Unix sockets.
    """
    # As root the user id is changed by setpriv below, so no user namespace (it would not map that id).
    unshare = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    if os.geteuid() != 0:
        unshare.append("--unshare-user")
    cmd = [shutil.which("bwrap") or "bwrap", *unshare, "--die-with-parent",
           "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
           "--proc", "/proc", "--dev", "/dev",
           "--perms", "1777", "--size", str(limits.scratch_bytes), "--tmpfs", "/tmp",
           "--perms", "1777", "--size", str(limits.scratch_bytes), "--tmpfs", "/var/tmp"]
    made = {Path("/"), Path("/usr"), Path("/etc"), Path("/proc"), Path("/dev"), Path("/tmp"), Path("/var/tmp")}

    def parents(target: Path) -> list[str]:
        # bwrap creates missing mount points with mode 0700; the unprivileged user must pass through them.
        out = []
        for a in reversed(target.parents):
            if a not in made:
                made.add(a)
                out += ["--perms", "0755", "--dir", str(a)]
        made.add(target)
        return out

    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        p = Path("/") / name
        if p.is_symlink():
            cmd += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            cmd += ["--ro-bind", str(p), str(p)]
        made.add(p)
    data = course_data_dir(workdir)
    bound: set[Path] = {Path("/usr"), Path("/etc")}
    for p in _package_dirs() + ([data] if data else []):
        if p in bound or any(q in bound for q in p.parents):
            continue
        bound.add(p)
        cmd += parents(p) + ["--ro-bind", str(p), str(p)]
    cmd += parents(Path(ORIGINAL)) + ["--ro-bind", str(workdir), ORIGINAL]
    cmd += parents(workdir) + ["--perms", "1777", "--size", str(limits.scratch_bytes), "--tmpfs", str(workdir)]
    cmd += parents(runtime_dir) + ["--bind", str(runtime_dir), str(runtime_dir)]
    cmd += [
            "--chdir", str(workdir), "--clearenv"]
    env = {"PATH": f"{Path(sys.prefix) / 'bin'}:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8",
           "MPLCONFIGDIR": "/tmp", "IPYTHONDIR": "/tmp/.ipython", "MPLBACKEND": "Agg",
           "PYTHONDONTWRITEBYTECODE": "1", "NBGRADER_EXECUTION": "autograde"}
    if data:
        env["KURS_DATA"] = str(data)
    for k, v in env.items():
        cmd += ["--setenv", k, v]
    cmd += ["--", shutil.which("prlimit") or "prlimit", *limits.prlimit_args(), "--"]
    if os.geteuid() == 0:
        cmd += [shutil.which("setpriv") or "setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"]
    # Fill the working copy, then become the kernel.
    cmd += ["/bin/sh", "-c", f'cp -R {ORIGINAL}/. . 2>/dev/null; exec "$@"', "kurs-karna"]
    return cmd


def limits_prefix(limits: Limits) -> list[str]:
    prlimit = shutil.which("prlimit")
    return [prlimit, *limits.prlimit_args(), "--"] if prlimit else []


def _chown_tree(path: Path, uid: int) -> None:
    os.chown(path, uid, uid)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            try:
                os.chown(os.path.join(root, name), uid, uid, follow_symlinks=False)
            except OSError:
                pass


SECRET_ENV = ("KURS_DB_URL", "PGPASSWORD")   # never passed to participants' code


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel inside the sandbox (see the module docstring)."""

    limits = Limits()

    async def _async_pre_start_kernel(self, **kw):
        mode = sandbox_mode()
        self._kurs_tmp = None
        if mode == "bwrap":
            self._kurs_tmp = Path(tempfile.mkdtemp(prefix="kurs-karna-"))
            runtime = self._kurs_tmp / "run"
            runtime.mkdir()
            self.transport = "ipc"
            self.ip = str(runtime / "k")
            self.connection_file = str(runtime / "kernel.json")
            # A SIGINT to the process group would stop bwrap itself; ask the kernel to interrupt itself.
            if self.kernel_spec is not None:
                self.kernel_spec.interrupt_mode = "message"
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        mode = sandbox_mode()
        if mode == "bwrap" and self._kurs_tmp is not None:
            workdir = Path(kw.get("cwd") or os.getcwd()).resolve()
            runtime = self._kurs_tmp / "run"
            if os.geteuid() == 0:
                _chown_tree(self._kurs_tmp, NOBODY)
                os.chmod(self._kurs_tmp, 0o700)
            kernel_cmd = bwrap_prefix(workdir, runtime, self.limits) + list(kernel_cmd)
            kw["cwd"] = str(self._kurs_tmp)
            kw.setdefault("stdout", subprocess.DEVNULL)
            kw.setdefault("stderr", subprocess.DEVNULL)
        else:
            if mode == "grans":
                kernel_cmd = limits_prefix(self.limits) + list(kernel_cmd)
            # Without the sandbox the kernel inherits the environment: never the gradebook's address, which
            # for PostgreSQL holds the database password (bubblewrap clears the whole environment).
            env = dict(kw.get("env") or os.environ)
            for name in SECRET_ENV:
                env.pop(name, None)
            kw["env"] = env
        return await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        tmp = getattr(self, "_kurs_tmp", None)
        if tmp is not None and not restart:
            shutil.rmtree(tmp, ignore_errors=True)
            self._kurs_tmp = None

    cleanup_resources = _async_cleanup_resources


OUTPUT_NOTE = "\n[Utskriften var för lång och kortades av vid rättningen.]\n"


class SandboxedExecute(Execute):
    """nbgrader's Execute step with the sandboxed kernel and a cap on how much a cell may print."""

    max_output_bytes = Integer(1_000_000, help="Most output (bytes) kept per cell.").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SandboxKernelManager
        super().__init__(*args, **kwargs)

    def preprocess(self, nb, resources=None, km=None):
        self._kurs_sizes: dict[int, int] = {}
        return super().preprocess(nb, resources, km=km)

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        used = getattr(self, "_kurs_sizes", {}).get(cell_index, 0)
        used += len(str(content.get("text", ""))) + len(str(content.get("data", "")))
        self._kurs_sizes = getattr(self, "_kurs_sizes", {})
        self._kurs_sizes[cell_index] = used
        if used > self.max_output_bytes:
            if not any(o.get("name") == "stderr" and o.get("text") == OUTPUT_NOTE for o in outs):
                outs.append(NotebookNode(output_type="stream", name="stderr", text=OUTPUT_NOTE))
            return None
        return super().output(outs, msg, display_id, cell_index)
