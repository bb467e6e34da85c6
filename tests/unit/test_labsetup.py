import json
import subprocess
import sys

from upphandlingskurs.labsetup import overrides_path, write_overrides


def test_news_and_update_checks_are_switched_off(tmp_path):
    path = write_overrides(tmp_path)
    assert path == overrides_path(tmp_path)
    data = json.loads(path.read_text())
    assert data["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert data["@jupyterlab/apputils-extension:notification"]["checkForUpdates"] is False


def test_existing_overrides_are_kept(tmp_path):
    path = overrides_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}')
    data = json.loads(write_overrides(tmp_path).read_text())
    assert data["@jupyterlab/apputils-extension:themes"]["theme"] == "JupyterLab Dark"
    assert "@jupyterlab/apputils-extension:notification" in data


def test_corrupt_overrides_file_is_replaced(tmp_path):
    path = overrides_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("{inte json")
    assert "fetchNews" in write_overrides(tmp_path).read_text()


def test_nbformat_imports_without_the_slow_optional_grammar_package():
    """make setup removed rfc3987-syntax (labsetup.SLOW_OPTIONAL): importing nbformat must not load it or lark."""
    out = subprocess.run([sys.executable, "-c", "import sys, nbformat, jsonschema; "
                          "print(sorted(m for m in ('rfc3987_syntax', 'lark') if m in sys.modules))"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]", f"{out}: kör make setup (python -m upphandlingskurs.labsetup)"


def test_remove_slow_optional_uninstalls_only_what_is_installed(tmp_path):
    from upphandlingskurs import labsetup

    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\necho \"$@\" >> " + str(tmp_path / "calls") + "\n"
                    "case \"$1\" in -c) echo True;; esac\n")
    fake.chmod(0o755)
    assert labsetup.remove_slow_optional(str(fake)) == ["rfc3987-syntax"]
    calls = (tmp_path / "calls").read_text().splitlines()
    assert calls[-1] == "-m pip uninstall -y -q rfc3987-syntax"
