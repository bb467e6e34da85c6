"""The CI rule that no test may silently skip (tests/plugins/testgroups.py)."""
import os
import subprocess
import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"


def run(tmp_path, require_all: bool):
    (tmp_path / "test_x.py").write_text("import pytest\n\ndef test_skips():\n    pytest.skip('chromium saknas')\n")
    env = dict(os.environ, PYTHONPATH=str(PLUGINS), KURS_REQUIRE_ALL="1" if require_all else "0")
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "testgroups", "-q", "-p", "no:cacheprovider",
                           "-c", os.devnull, str(tmp_path)], capture_output=True, text=True, env=env)


def test_skip_is_allowed_locally(tmp_path):
    proc = run(tmp_path, require_all=False)
    assert proc.returncode == 0, proc.stdout
    assert "1 skipped" in proc.stdout


def test_skip_fails_in_ci(tmp_path):
    proc = run(tmp_path, require_all=True)
    assert proc.returncode == 1, proc.stdout
    assert "chromium saknas" in proc.stdout and "1 failed" in proc.stdout
