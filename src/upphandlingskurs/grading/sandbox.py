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

Kernels ready before they are needed (issue 17): with ``SandboxedExecute.warm_kernels`` on (``kurs rätta``
switches it on in its workers), the next notebook's kernel is started in the sandbox, with the same limits,
while the current notebook runs. Every kernel still serves exactly one notebook and is shut down after it:
nothing a participant's code did can reach the next participant. Such a kernel starts in an empty working
folder of its own (``.kurs/karnor/``; in the sandbox an in-memory copy of it) instead of the graded
notebook's folder, which only holds the notebook itself, and it imports the heavy libraries every course
notebook uses (``PRELOAD``) without binding any name, so the notebook sees the same namespace as in a
kernel started on demand. It also imports the course modules that the module's *handed-out* notebook imports
(``course_imports``, set by the grader in ``NOTEBOOK_IMPORTS``; read from the release, never from a submission,
and only ``upphandlingskurs.content.*`` and ``upphandlingskurs.widgets.*``). Importing the course package
switches on the Swedish error help, which the kernels' configuration (``labsetup``) has already switched on
in every course kernel, so the notebook sees no difference.

A cell whose execution kills the kernel (``os._exit``, memory) is recorded in ``CRASHED``, so that the
grader can grade the notebook again with that cell replaced by its stub (``autograde.step_grade``).

Without ``bwrap`` (for example on macOS) ``sandbox_mode()`` says so and grading falls back to resource
limits only; the CLI prints a warning. ``KURS_SANDBOX=av`` switches the sandbox off (only for benchmarks).
"""
from __future__ import annotations

import asyncio
import atexit
import importlib.util
import multiprocessing.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbgrader.preprocessors import Execute
from nbformat.notebooknode import NotebookNode
from nbclient.exceptions import DeadKernelError
from traitlets import Bool, Integer, List, Unicode

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
    kurs_sandbox = True              # False: no sandbox and no limits (Settings(sandbox=False), benchmarks)
    kurs_workdir: Path | None = None  # a warm kernel's own empty working folder, removed with the kernel

    def _kurs_mode(self) -> str:
        return sandbox_mode() if self.kurs_sandbox else "av"

    async def _async_pre_start_kernel(self, **kw):
        mode = self._kurs_mode()
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
        mode = self._kurs_mode()
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
        if self.kurs_workdir is not None and not restart:
            shutil.rmtree(self.kurs_workdir, ignore_errors=True)
            self.kurs_workdir = None

    def kurs_kill(self) -> None:
        """Stop the kernel now and remove its folders, without an event loop (a warm kernel nobody used)."""
        proc = getattr(getattr(self, "provisioner", None), "process", None)
        try:
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(5)
        except Exception:
            pass
        for d in (getattr(self, "_kurs_tmp", None), self.kurs_workdir):
            if d is not None:
                shutil.rmtree(d, ignore_errors=True)
        self._kurs_tmp = self.kurs_workdir = None

    cleanup_resources = _async_cleanup_resources


OUTPUT_NOTE = "\n[Utskriften var för lång och kortades av vid rättningen.]\n"

class QuickClient(AsyncKernelClient):
    """jupyter_client's client, without the fixed 0.2 s wait for silence on IOPub once the kernel is ready.

    The check that IOPub is connected (the kernel_info reply and a message on IOPub) stays as it is. The
    flush only dropped start-up messages, which nbclient ignores anyway: it reads only the messages whose
    parent is the cell it executes."""

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        import time as _time
        from queue import Empty

        deadline = _time.time() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if msg["msg_type"] == "kernel_info_reply":
                    try:
                        await self.iopub_channel.get_msg(timeout=0.2)
                    except Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(msg)
                        return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if _time.time() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    wait_for_ready = _async_wait_for_ready


# Imported by every warm kernel before it is handed out (names are not bound; see the module docstring).
PRELOAD = ("pandas", "ipywidgets")

# Set by the grader before each participant: the course modules the module's handed-out notebook imports.
NOTEBOOK_IMPORTS: dict = {"modules": ()}

_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(upphandlingskurs(?:\.\w+)*)[ \t]+import[ \t]+\(?([\w, \t]+)", re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+(upphandlingskurs(?:\.\w+)+)", re.M)
_PRELOADABLE = re.compile(r"upphandlingskurs\.(?:content|widgets)\.\w+")


def course_imports(sources: list[str]) -> tuple[str, ...]:
    """The course modules (``upphandlingskurs.content.*``, ``.widgets.*``) that these cell sources import.

    ``from upphandlingskurs import check_answer`` counts as the module that defines ``check_answer``."""
    from upphandlingskurs import _PUBLIC

    found: list[str] = []
    for src in sources:
        for module, names in _FROM_IMPORT.findall(src):
            if module == "upphandlingskurs":
                found += [_PUBLIC[n.strip()] for n in names.split(",") if n.strip() in _PUBLIC]
            else:
                found.append(module)
        found += _IMPORT.findall(src)
    return tuple(dict.fromkeys(m for m in found if _PRELOADABLE.fullmatch(m)))

# Cells whose execution killed the kernel in this process: {"notebook", "index", "grade_id", "source"}.
CRASHED: list[dict] = []

# This process's kernel that is starting for the next notebook: {"km", "task", "loop", "key"} or empty.
_WARM: dict = {}
# Set by the grader before each participant: another notebook follows in this process (start its kernel).
MORE_TO_COME = {"value": False}


def _discard_warm() -> None:
    warm = dict(_WARM)
    _WARM.clear()
    if warm:
        task = warm["task"]
        if not task.done():
            task.cancel()
        warm["km"].kurs_kill()


atexit.register(_discard_warm)
multiprocessing.util.Finalize(None, _discard_warm, exitpriority=10)   # worker processes skip atexit


class SandboxedExecute(Execute):
    """nbgrader's Execute step with the sandboxed kernel, a cap on how much a cell may print, a record of
    the cell that killed the kernel, and (``warm_kernels``) the next notebook's kernel started ahead."""

    max_output_bytes = Integer(1_000_000, help="Most output (bytes) kept per cell.").tag(config=True)
    sandbox = Bool(True, help="Run the kernel in the sandbox with limits (False only for benchmarks).").tag(config=True)
    warm_kernels = Bool(False, help="Start kernels in an empty folder of their own, with PRELOAD imported; "
                        "see prestart.").tag(config=True)
    prestart = Bool(False, help="With warm_kernels: start the next notebook's kernel while this one runs.").tag(config=True)
    kernel_workdir_base = Unicode("", help="Folder for the warm kernels' empty working folders.").tag(config=True)
    preload = List(list(PRELOAD), help="Modules a warm kernel imports before it is handed out.").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SandboxKernelManager
        super().__init__(*args, **kwargs)

    def preprocess(self, nb, resources=None, km=None):
        self._kurs_sizes: dict[int, int] = {}
        self._kurs_name = (resources or {}).get("unique_key", "")
        return super().preprocess(nb, resources, km=km)

    def preprocess_cell(self, cell, resources, index):
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            CRASHED.append({"notebook": getattr(self, "_kurs_name", ""), "index": index, "source": cell.source,
                            "grade_id": cell.metadata.get("nbgrader", {}).get("grade_id")})
            raise

    # --- warm kernels -------------------------------------------------------------------------------
    def _kurs_arguments(self) -> list[str]:
        args = list(self.extra_arguments)
        if self.ipython_hist_file and not any(a.startswith("--HistoryManager.hist_file") for a in args):
            args.append(f"--HistoryManager.hist_file={self.ipython_hist_file}")
        preload = list(dict.fromkeys([*self.preload, *NOTEBOOK_IMPORTS["modules"]])) if self.preload else []
        if preload:
            imports = "; ".join(f"_kurs_im({m!r})" for m in preload)
            args.append(f"--IPKernelApp.exec_lines=from importlib import import_module as _kurs_im; {imports}; "
                        "del _kurs_im")
        return args

    def _kurs_launch(self, kernel_name: str) -> dict:
        """Start a kernel (in the sandbox, with the limits) in a new empty folder; returns the warm entry."""
        base = Path(self.kernel_workdir_base or tempfile.gettempdir())
        base.mkdir(parents=True, exist_ok=True)
        km = self.kernel_manager_class(config=self.config, kernel_name=kernel_name)
        km.kurs_sandbox = self.sandbox
        km.kurs_workdir = Path(tempfile.mkdtemp(prefix="karna-", dir=base))
        km.client_class = "upphandlingskurs.grading.sandbox.QuickClient"
        args = self._kurs_arguments()
        task = asyncio.ensure_future(km.start_kernel(extra_arguments=args, cwd=str(km.kurs_workdir)))
        return {"km": km, "task": task, "loop": asyncio.get_running_loop(),
                "key": (kernel_name, tuple(args), self.sandbox, str(base))}

    async def async_start_new_kernel(self, **kwargs):
        if not self.warm_kernels:
            self.km.kurs_sandbox = self.sandbox
            return await super().async_start_new_kernel(**kwargs)
        name = self.km.kernel_name
        warm = dict(_WARM)
        _WARM.clear()
        key = (name, tuple(self._kurs_arguments()), self.sandbox, str(Path(self.kernel_workdir_base or
                                                                           tempfile.gettempdir())))
        usable = bool(warm) and warm["key"] == key and warm["loop"] is asyncio.get_running_loop()
        if usable:
            try:
                await warm["task"]
                usable = await warm["km"].is_alive()
            except Exception:
                usable = False
        if not usable:
            if warm:
                warm["km"].kurs_kill()
            warm = self._kurs_launch(name)
            await warm["task"]
        self.km = warm["km"]
        if self.prestart or MORE_TO_COME["value"]:
            _WARM.update(self._kurs_launch(name))

    start_new_kernel = run_sync(async_start_new_kernel)   # nbconvert's preprocess uses the sync wrapper

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
