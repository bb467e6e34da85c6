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


def test_cells_of_one_notebook_stay_on_one_worker(tmp_path):
    """With --dist loadgroup, the group marker must be set before xdist reads it (NameErrors otherwise)."""
    for n in range(3):
        (tmp_path / f"test_nb{n}.py").write_text(
            "import os\n"
            + "".join(f"def test_cell{i}():\n    open(os.environ['OUT'], 'a').write(__name__ + ' ' + os.environ['PYTEST_XDIST_WORKER'] + '\\n')\n" for i in range(6)))
    (tmp_path / "conftest.py").write_text(
        "import pytest\n"
        "@pytest.hookimpl(tryfirst=True)\n"
        "def pytest_collection_modifyitems(items):\n"
        "    pass\n")
    out = tmp_path / "out.txt"
    env = dict(os.environ, PYTHONPATH=str(PLUGINS), OUT=str(out))
    # emulate a notebook path: the plugin groups items under course/ by file
    course = tmp_path / "course"
    course.mkdir()
    for f in tmp_path.glob("test_nb*.py"):
        f.rename(course / f.name)
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "testgroups", "-q", "-p", "no:cacheprovider",
                           "-n", "2", "--dist", "loadgroup", "-c", os.devnull, "--rootdir", str(tmp_path), "course"],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    workers = {}
    for line in out.read_text().splitlines():
        module, worker = line.split()
        workers.setdefault(module, set()).add(worker)
    assert len(workers) == 3 and all(len(w) == 1 for w in workers.values()), workers
