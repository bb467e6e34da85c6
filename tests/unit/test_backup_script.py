"""deploy/jupyterhub/backup-gradebook.sh before a course has a gradebook, and with a wrong course folder.

A full backup and restore runs in tests/hub (SQLite) and tests/grading/test_postgres_gradebook.py.
"""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

SCRIPT = REPO / "deploy" / "jupyterhub" / "backup-gradebook.sh"
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash saknas")


def run(tmp_path, kursmapp):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KURS_")}
    env.update(KURS_KURSMAPP=str(kursmapp), KURS_BACKUP_DIR=str(tmp_path / "backup"), KURS_PYTHON=sys.executable)
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


def test_a_new_course_without_gradebook_is_not_an_error(tmp_path):
    kurs = tmp_path / "kurs"
    kurs.mkdir()
    (kurs / "nbgrader_config.py").write_text("c = get_config()\n")
    proc = run(tmp_path, kurs)
    assert proc.returncode == 0, proc.stderr
    assert "Ingen betygsbok ännu" in proc.stdout
    assert not (tmp_path / "backup").exists()  # no empty archive


def test_a_wrong_course_folder_fails_with_the_setting_to_fix(tmp_path):
    proc = run(tmp_path, tmp_path / "finns-inte")
    assert proc.returncode == 1
    assert "Hittar ingen kursmapp" in proc.stderr and "KURS_KURSMAPP" in proc.stderr


def test_an_existing_gradebook_is_backed_up(tmp_path):
    import sqlite3

    kurs = tmp_path / "kurs"
    kurs.mkdir()
    (kurs / "nbgrader_config.py").write_text("c = get_config()\n")
    with sqlite3.connect(kurs / "gradebook.db") as db:
        db.execute("create table t (x)")
    proc = run(tmp_path, kurs)
    assert proc.returncode == 0, proc.stderr
    archives = list((tmp_path / "backup").glob("kurs-*.tar.gz"))
    assert len(archives) == 1 and str(archives[0]) in proc.stdout
