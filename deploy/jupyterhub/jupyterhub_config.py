"""JupyterHub for one workshop: one course, about 30 participants, one server (see README.md here).

Local Unix accounts with PAM passwords (created with `python -m upphandlingskurs.hubadmin`);
participants are in the group kurs-deltagare, instructors in kurs-kursledare. Each user's server runs
under systemd with a memory and CPU limit (SystemdSpawner); idle servers are stopped by
jupyterhub-idle-culler. Settings that differ between servers come from environment variables
(the systemd unit sets them from /etc/kurs/hub.env); the defaults are the production values.
"""
import os
import pwd
import sys
from pathlib import Path

from upphandlingskurs.hubadmin import Settings, hand_out_course, role_of

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
# Resource limits per user (enforced by systemd; 30 users x 1 GB fits a 16 GB server, since few use it all).
c.Spawner.mem_limit = env("KURS_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(env("KURS_CPU_LIMIT", "1"))
c.Spawner.environment = {
    "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",  # nbgrader starts `alembic` by name
    "KURS_COURSE_ID": settings.course_id,
    "KURS_EXCHANGE": str(settings.exchange),
    "LANG": "sv_SE.UTF-8" if Path("/usr/lib/locale/sv_SE.utf8").exists() else "C.UTF-8",
}

if env("KURS_SPAWNER", "systemd") == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.unit_name_template = "jupyter-{USERNAME}"
    c.SystemdSpawner.isolate_tmp = True  # a private /tmp per user
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.default_shell = "/bin/bash"
    # The users' servers are systemd units of their own: a restart of the hub leaves them running.
    c.JupyterHub.cleanup_servers = False
else:
    # Plain processes (the hub test and machines without systemd): the limits above are only
    # announced to the server (MEM_LIMIT, CPU_LIMIT), not enforced.
    c.JupyterHub.spawner_class = "localprocess"


def pre_spawn_hook(spawner):
    """Per role: the Jupyter configuration (formgrader for instructors only) and the course files."""
    name = spawner.user.name
    role = role_of(name, settings) or "deltagare"
    copied = hand_out_course(REPO, name, role)
    # A new dict: the configured one may be shared by all spawners.
    spawner.environment = {
        **spawner.environment,
        "JUPYTER_CONFIG_PATH": str(HERE / f"jupyter-{role}"),
        # the course's data, also for exercises fetched to ~/<modul>/ (upphandlingskurs.data reads KURS_DATA)
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
