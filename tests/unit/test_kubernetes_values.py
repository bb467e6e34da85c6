"""deploy/kubernetes/config.yaml against the Zero to JupyterHub chart's own JSON schema (vendored, 4.4.0).

Helm validates the chart's default values merged with ours, so the test does the same: it merges
config.yaml into the chart's values.yaml the way Helm does (maps merge, everything else is replaced,
null removes a key) and validates the result with jsonschema. It also checks what the course needs from the
values: the limits of the workshop hub, the idle culler, no secret in the file, and a Dockerfile that
keeps the solutions out of the participants' image. No cluster is involved (see deploy/kubernetes/README.md).
"""
from __future__ import annotations

import copy
import re

import jsonschema
import pytest
import yaml

from conftest import REPO

K8S = REPO / "deploy" / "kubernetes"
VENDORED = K8S / "z2jh-schema"


def helm_merge(base: dict, override: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = helm_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


@pytest.fixture(scope="module")
def schema() -> dict:
    return yaml.safe_load((VENDORED / "values.schema.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load((K8S / "config.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def merged(values) -> dict:
    defaults = yaml.safe_load((VENDORED / "values.yaml").read_text(encoding="utf-8"))
    return helm_merge(defaults, values)


def errors(schema: dict, data: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, e.absolute_path)) or '(toppnivå)'}: {e.message}"
            for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]


def test_vendored_schema_is_the_chart_schema_with_its_licence(schema):
    jsonschema.Draft7Validator.check_schema(schema)
    note = (VENDORED / "KALLA.md").read_text(encoding="utf-8")
    assert "4.4.0" in note and re.search(r"\b[0-9a-f]{40}\b", note) and "BSD" in note
    assert "BSD 3-Clause License" in (VENDORED / "LICENSE").read_text(encoding="utf-8")


def test_chart_defaults_pass_the_schema(schema):
    """The vendored pair belongs together: the chart's own defaults are valid."""
    defaults = yaml.safe_load((VENDORED / "values.yaml").read_text(encoding="utf-8"))
    assert errors(schema, defaults) == []


def test_course_values_pass_the_chart_schema(schema, merged):
    assert errors(schema, merged) == []


def test_the_schema_catches_mistakes(schema, merged):
    """The check is not vacuous: a misspelt key or a wrong type is reported."""
    bad = helm_merge(merged, {"singleuser": {"memmory": {"limit": "1G"}}})
    assert any("memmory" in e for e in errors(schema, bad))
    bad = helm_merge(merged, {"cull": {"timeout": "en timme"}})
    assert any(e.startswith("cull.timeout") for e in errors(schema, bad))


def test_limits_and_culling_as_on_the_workshop_hub(values):
    hub_config = (REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py").read_text(encoding="utf-8")
    assert '"deltagare": {"mem": env("KURS_MEM_LIMIT", "1G"), "cpu": float(env("KURS_CPU_LIMIT", "1"))}' in hub_config
    assert values["singleuser"]["memory"]["limit"] == "1G"
    assert values["singleuser"]["cpu"]["limit"] == 1
    assert 'env("KURS_CULL_TIMEOUT", "3600")' in hub_config
    assert values["cull"] == {"enabled": True, "timeout": 3600, "every": 600}
    roles = values["hub"]["extraConfig"]["kurs-roller"]
    compile(roles, "kurs-roller", "exec")   # the hub runs this snippet: it must at least be Python
    assert 'mem_limit = "2G"' in roles and "cpu_limit = 2.0" in roles and "KURS_DB_URL" in roles


def leaves(d, path=""):
    if isinstance(d, dict):
        for k, v in d.items():
            yield from leaves(v, f"{path}.{k}" if path else str(k))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, d


def is_reference(path: str, value) -> bool:
    """A pointer to a Kubernetes secret (its name or key), or a placeholder – not a secret itself."""
    return ".secretKeyRef." in path or (isinstance(value, str) and value.startswith("<") and value.endswith(">"))


def test_login_with_oauthenticator_and_no_secrets_in_git(values):
    text = (K8S / "config.yaml").read_text(encoding="utf-8")
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] == "azuread"
    env = values["hub"]["extraEnv"]
    for name in ("OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", "AAD_TENANT_ID"):
        assert env[name]["valueFrom"]["secretKeyRef"]["name"] == "kurs-hemligheter"
    assert not [(path, v) for path, v in leaves(values)
                if re.search(r"(?i)secret|password|token|lösenord", path) and not is_reference(path, v)]
    assert not re.search(r"postgresql(\+\w+)?://\w+:[^@<\s]+@", text)   # no database password
    assert "KURS_DB_URL" not in values["singleuser"]["extraEnv"]       # participants never get it


def test_dockerfile_keeps_solutions_for_instructors_only():
    docker = (K8S / "Dockerfile").read_text(encoding="utf-8")
    stages = re.split(r"(?m)^FROM ", docker)
    participant = next(s for s in stages if re.match(r"\S+ AS deltagare\b", s))
    instructor = next(s for s in stages if re.match(r"\S+ AS kursledare\b", s))
    assert "solutions" not in participant and "solutions" in instructor
    assert ".[postgres]" in docker or "[postgres]" in docker
    ignore = (K8S / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    for private in (".git", ".venv", "submitted", "gradebook.db"):
        assert private in ignore


def test_course_files_are_handed_out_without_overwriting_work(tmp_path, values):
    import os
    import subprocess

    assert values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"] == ["/opt/kurs/dela-ut-kursfiler.sh"]
    source, home = tmp_path / "kursfiler", tmp_path / "hem"
    (source / "course").mkdir(parents=True)
    (source / "course" / "index.ipynb").write_text("ny", encoding="utf-8")
    (source / "nbgrader_config.py").write_text("c = 1", encoding="utf-8")
    home.mkdir()
    env = dict(os.environ, HOME=str(home), KURS_KURSFILER=str(source))
    script = str(K8S / "dela-ut-kursfiler.sh")
    subprocess.run([script], env=env, check=True)
    assert (home / "kurs" / "course" / "index.ipynb").read_text(encoding="utf-8") == "ny"
    (home / "kurs" / "course" / "index.ipynb").write_text("mitt arbete", encoding="utf-8")
    (home / "kurs" / "nbgrader_config.py").unlink()
    subprocess.run([script], env=env, check=True)
    assert (home / "kurs" / "course" / "index.ipynb").read_text(encoding="utf-8") == "mitt arbete"
    assert (home / "kurs" / "nbgrader_config.py").exists()   # what is missing comes back
