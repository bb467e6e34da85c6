"""JupyterHub for one workshop: one course, about 30 participants, one server (see README.md here).

Local Unix accounts with PAM passwords (created with `python -m upphandlingskurs.hub.admin`);
participants are in the group kurs-deltagare, instructors in kurs-kursledare. Each user's server runs
under systemd with memory, CPU and process limits (SystemdSpawner), or, on a server without systemd, as a
plain process in a cgroup with the same limits (KURS_SPAWNER=lokal); idle servers are stopped by
jupyterhub-idle-culler. Settings that differ between servers come from environment variables
(the systemd unit sets them from /etc/kurs/hub.env); the defaults are the production values.
"""
import os
import pwd
import sys
from pathlib import Path

from upphandlingskurs.hub.admin import Settings, hand_out_course, role_of

c = get_config()  # noqa: F821  (provided by JupyterHub)
env = os.environ.get

HERE = Path(__file__).resolve().parent
REPO = Path(env("KURS_REPO", str(HERE.parent.parent)))  # the course repository (course files to hand out)
STATE = Path(env("KURS_HUB_STATE", "/var/lib/kurs-hub"))  # hub database, cookie secret
BIN = Path(sys.executable).parent  # the hub's virtual environment also runs the users' servers
settings = Settings.from_env()

# --- network ----------------------------------------------------------------------------------------
# Participants' browsers reach the hub here. In production: https with the organisation's certificate.
c.JupyterHub.bind_url = env("KURS_HUB_URL", "http://127.0.0.1:8000")
if env("KURS_TLS_CERT"):
    c.JupyterHub.ssl_cert = env("KURS_TLS_CERT")
    c.JupyterHub.ssl_key = env("KURS_TLS_KEY")
# Internal addresses (hub API, proxy API): only on this machine.
c.JupyterHub.hub_bind_url = env("KURS_HUB_API_URL", "http://127.0.0.1:8081")
c.ConfigurableHTTPProxy.api_url = env("KURS_PROXY_API_URL", "http://127.0.0.1:8001")
c.ConfigurableHTTPProxy.command = [env("KURS_CHP", str(REPO / "node_modules" / ".bin" / "configurable-http-proxy"))]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + str(STATE / "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")

# --- who may log in -----------------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {settings.participants_group, settings.instructors_group}
c.PAMAuthenticator.open_sessions = False  # no login session per server (as The Littlest JupyterHub)
c.Authenticator.allow_all = False
c.Authenticator.admin_users = {u for u in env("KURS_HUB_ADMINS", "").split(",") if u}

# A short Swedish note on the (English) login and start pages.
c.JupyterHub.template_vars = {
    "announcement_login": "Logga in med användarnamnet och lösenordet som du fick av kursledaren. "
                          "Har du glömt lösenordet? Fråga kursledaren, så får du ett nytt.",
    "announcement_spawn": "Din arbetsyta startar. Det tar oftast under en halv minut.",
}

# --- the users' servers ----------------------------------------------------------------------------
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/kurs/course/index.ipynb"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
# Resource limits per person. Participants: 1 GB and 1 core (30 x 1 GB fits a 16 GB server, since few
# use it all). Instructors get more, since Autograde and `kurs rätta` run in their server (set in
# pre_spawn_hook below). Both are enforced: by systemd (SystemdSpawner) or by a cgroup (lokal).
LIMITS = {
    "deltagare": {"mem": env("KURS_MEM_LIMIT", "1G"), "cpu": float(env("KURS_CPU_LIMIT", "1"))},
    "kursledare": {"mem": env("KURS_MEM_LIMIT_KURSLEDARE", "2G"), "cpu": float(env("KURS_CPU_LIMIT_KURSLEDARE", "2"))},
}
TASKS_LIMIT = int(env("KURS_TASKS_LIMIT", "512"))  # processes + threads per person (stops a fork bomb)
c.Spawner.mem_limit = LIMITS["deltagare"]["mem"]
c.Spawner.cpu_limit = LIMITS["deltagare"]["cpu"]
c.Spawner.environment = {
    "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",  # nbgrader starts `alembic` by name
    "KURS_COURSE_ID": settings.course_id,
    "KURS_EXCHANGE": str(settings.exchange),
    "LANG": "sv_SE.UTF-8" if Path("/usr/lib/locale/sv_SE.utf8").exists() else "C.UTF-8",
}

SPAWNER = env("KURS_SPAWNER", "systemd")
if SPAWNER == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.unit_name_template = "jupyter-{USERNAME}"
    c.SystemdSpawner.isolate_tmp = True  # a private /tmp per user
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.default_shell = "/bin/bash"
    c.SystemdSpawner.unit_extra_properties = {"TasksMax": str(TASKS_LIMIT)}
    # The users' servers are systemd units of their own: a restart of the hub leaves them running.
    c.JupyterHub.cleanup_servers = False
elif SPAWNER in ("lokal", "local"):
    # Servers without systemd (a container; the hub test): plain processes, each person's in a cgroup of
    # its own with the same limits (upphandlingskurs.hub.spawner). Without cgroups a server does not start,
    # unless KURS_UTAN_GRANSER=1 (then without limits, with a warning in the log).
    c.JupyterHub.spawner_class = "upphandlingskurs.hub.spawner.LimitedLocalProcessSpawner"
    c.LimitedLocalProcessSpawner.tasks_limit = TASKS_LIMIT
    c.LimitedLocalProcessSpawner.cgroup_parent = env("KURS_CGROUP_PARENT", "kurs-hub")
    c.LimitedLocalProcessSpawner.require_limits = env("KURS_UTAN_GRANSER", "0") != "1"
else:
    raise ValueError(f"KURS_SPAWNER={SPAWNER!r}: ska vara 'systemd' eller 'lokal'.")


def pre_spawn_hook(spawner):
    """Per role: the Jupyter configuration (formgrader for instructors only) and the course files."""
    name = spawner.user.name
    role = role_of(name, settings) or "deltagare"
    copied = hand_out_course(REPO, name, role)
    spawner.mem_limit = LIMITS[role]["mem"]
    spawner.cpu_limit = LIMITS[role]["cpu"]
    # A new dict: the configured one may be shared by all spawners.
    spawner.environment = {
        **spawner.environment,
        "JUPYTER_CONFIG_PATH": str(HERE / f"jupyter-{role}"),
        # the course's data, also for exercises fetched to ~/<modul>/ (upphandlingskurs.content.data reads KURS_DATA)
        "KURS_DATA": str(Path(pwd.getpwnam(name).pw_dir) / "kurs" / "data"),
    }
    if copied:
        spawner.log.info("Kursfiler till %s (%s): %s", name, role, ", ".join(p.name for p in copied))


c.Spawner.pre_spawn_hook = pre_spawn_hook

# --- idle servers are stopped (their files stay) -----------------------------------------------------
cull_timeout = int(env("KURS_CULL_TIMEOUT", "3600"))
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={cull_timeout}",
                    f"--cull-every={max(60, cull_timeout // 6)}"],
    }
]
