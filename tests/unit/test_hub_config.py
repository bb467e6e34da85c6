"""The workshop hub's configuration (deploy/jupyterhub) as loaded in production, without starting a hub.

The real hub runs in tests/hub (needs root); these checks run everywhere.
"""
import json
import os
import stat

import pytest
from traitlets.config.loader import PyFileConfigLoader

from conftest import REPO
from upphandlingskurs.hub import admin as hubadmin
from upphandlingskurs.hub.exchange import restrict_to_group

DEPLOY = REPO / "deploy" / "jupyterhub"


def load(monkeypatch, **environ):
    for key in list(os.environ):
        if key.startswith("KURS_"):
            monkeypatch.delenv(key)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    loader = PyFileConfigLoader("jupyterhub_config.py", path=str(DEPLOY))
    return loader.load_config()


@pytest.fixture
def production(monkeypatch):
    return load(monkeypatch)


def test_users_servers_run_under_systemd_with_limits(production):
    c = production
    assert c.JupyterHub.spawner_class == "systemdspawner.SystemdSpawner"
    assert c.Spawner.mem_limit == "1G"
    assert c.Spawner.cpu_limit == 1.0
    assert c.SystemdSpawner.isolate_tmp and c.SystemdSpawner.disable_user_sudo
    assert c.SystemdSpawner.unit_extra_properties == {"TasksMax": "512"}
    assert c.JupyterHub.cleanup_servers is False  # restarting the hub keeps participants' servers


def test_without_systemd_servers_run_in_cgroups_and_refuse_to_start_without_limits(monkeypatch):
    c = load(monkeypatch, KURS_SPAWNER="lokal", KURS_MEM_LIMIT="800M", KURS_TASKS_LIMIT="256")
    assert c.JupyterHub.spawner_class == "upphandlingskurs.hub.spawner.LimitedLocalProcessSpawner"
    assert c.LimitedLocalProcessSpawner.require_limits is True
    assert c.LimitedLocalProcessSpawner.tasks_limit == 256
    assert c.LimitedLocalProcessSpawner.cgroup_parent == "kurs-hub"
    assert c.Spawner.mem_limit == "800M"
    assert "cleanup_servers" not in c.JupyterHub  # plain processes stop with the hub
    assert load(monkeypatch, KURS_SPAWNER="lokal", KURS_UTAN_GRANSER="1").LimitedLocalProcessSpawner.require_limits is False


def test_an_unknown_spawner_is_a_swedish_error(monkeypatch):
    with pytest.raises(ValueError, match="ska vara 'systemd' eller 'lokal'"):
        load(monkeypatch, KURS_SPAWNER="docker")


def test_only_course_groups_log_in_with_pam(production):
    c = production
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.PAMAuthenticator.allowed_groups == {"kurs-deltagare", "kurs-kursledare"}
    assert c.Authenticator.allow_all is False


def test_internal_addresses_stay_on_this_machine(production):
    c = production
    assert c.JupyterHub.hub_bind_url.startswith("http://127.0.0.1:")
    assert c.ConfigurableHTTPProxy.api_url.startswith("http://127.0.0.1:")
    assert c.JupyterHub.db_url.startswith("sqlite:////var/lib/kurs-hub/")


def test_idle_culler_is_a_service_with_only_the_rights_it_needs(production):
    c = production
    (service,) = c.JupyterHub.services
    assert service["name"] == "idle-culler"
    assert "jupyterhub_idle_culler" in service["command"] and "--timeout=3600" in service["command"]
    (role,) = c.JupyterHub.load_roles
    assert role["services"] == ["idle-culler"]
    assert set(role["scopes"]) == {"list:users", "read:users:activity", "read:servers", "delete:servers"}


def test_spawner_gets_exchange_and_course_and_a_role_hook(production):
    env = production.Spawner.environment
    assert env["KURS_EXCHANGE"] == "/srv/nbgrader/exchange"
    assert env["KURS_COURSE_ID"] == "gr-socialt-ansvarsfull-upphandling"
    assert callable(production.Spawner.pre_spawn_hook)


def test_formgrader_only_for_instructors_and_framable_only_by_the_same_origin():
    participant = json.loads((DEPLOY / "jupyter-deltagare" / "jupyter_server_config.json").read_text())
    ext = participant["ServerApp"]["jpserver_extensions"]
    assert ext["nbgrader.server_extensions.formgrader"] is False
    page = json.loads((DEPLOY / "jupyter-deltagare" / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    instructor = json.loads((DEPLOY / "jupyter-kursledare" / "jupyter_server_config.json").read_text())
    csp = instructor["ServerApp"]["tornado_settings"]["headers"]["Content-Security-Policy"]
    assert csp == "frame-ancestors 'self'"


def test_formgrader_autograde_uses_the_sandbox_for_the_instructor():
    loader = PyFileConfigLoader("nbgrader_config.py", path=str(DEPLOY / "jupyter-kursledare"))
    steps = loader.load_config().Autograde.autograde_preprocessors
    assert "upphandlingskurs.grading.sandbox.SandboxedExecute" in steps
    from nbgrader.preprocessors import Execute

    assert Execute not in steps  # replaced, not added: the code runs once


def test_participants_submit_through_the_group_closed_exchange():
    text = (DEPLOY / "jupyter-deltagare" / "nbgrader_config.py").read_text()
    assert 'c.ExchangeFactory.submit = "upphandlingskurs.hub.exchange.GroupSubmit"' in text


def test_restrict_to_group_closes_a_submission_to_others(tmp_path):
    sub = tmp_path / "anna+00_kom_igang+2026-11-26+abc"
    sub.mkdir(mode=0o777)
    os.chmod(sub, 0o777)
    assert restrict_to_group(str(sub), sub.stat().st_gid)
    assert stat.S_IMODE(sub.stat().st_mode) == 0o770


def test_restrict_to_group_leaves_other_layouts_alone(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    os.chmod(sub, 0o755)
    assert not restrict_to_group(str(sub), sub.stat().st_gid + 1)
    assert stat.S_IMODE(sub.stat().st_mode) == 0o755


@pytest.mark.parametrize("name", ["anna", "anna-karin", "p01", "kursledare"])
def test_good_usernames(name):
    assert hubadmin.check_username(f" {name} ") == name


@pytest.mark.parametrize("name", ["", "a", "Anna", "åsa", "anna karin", "1anna", "root;rm", "x" * 33])
def test_bad_usernames_get_a_swedish_message(name):
    with pytest.raises(ValueError, match="Användarnamnet"):
        hubadmin.check_username(name)


def test_read_names_skips_comments_and_takes_first_column(tmp_path):
    f = tmp_path / "deltagare.txt"
    f.write_text("# Workshop 1\nanna\n\nbo, Bo Berg  # Lerum\n", encoding="utf-8")
    assert hubadmin.read_names(f) == ["anna", "bo"]


def test_passwords_are_random_and_have_no_look_alikes():
    pws = {hubadmin.new_password() for _ in range(50)}
    assert len(pws) == 50
    assert all(len(p) == 12 and not set(p) & set("0O1lI") for p in pws)


def test_settings_follow_the_environment():
    s = hubadmin.Settings.from_env({"KURS_EXCHANGE": "/x", "KURS_GRUPP_DELTAGARE": "d", "KURS_HOME_BASE": "/h"})
    assert str(s.exchange) == "/x" and s.participants_group == "d" and str(s.home_base) == "/h"
    assert s.group_for("kursledare") == "kurs-kursledare"
    with pytest.raises(ValueError):
        s.group_for("admin")


def test_hub_extra_uses_the_tested_jupyterhub_ranges():
    import tomllib

    from packaging.requirements import Requirement

    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    test = {Requirement(r).name: str(Requirement(r).specifier) for r in extras["test"]}
    hub = {Requirement(r).name: str(Requirement(r).specifier) for r in extras["hub"]}
    assert "jupyterhub-systemdspawner" in hub
    for name in ("jupyterhub", "jupyterhub-idle-culler"):
        assert hub[name] == test[name], name
