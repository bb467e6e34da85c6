"""pytest plugin: time per test group, and no silent skips in CI.

- At the end of a run it prints the summed duration of each group of the testing ladder
  (KURSDESIGN §8), so `make test` reports where the time goes.
- With ``KURS_REQUIRE_ALL=1`` (set by .ci/run) a skipped test counts as failed: in CI every
  test must really run (a missing browser or hub must not pass silently).
"""
from __future__ import annotations

import os
from collections import defaultdict

import pytest

GROUPS = [
    ("tests/unit/", "1 enhetstester"),
    ("tests/test_hygiene", "2 hygien"),
    ("course/", "3 notebookar (nbval)"),
    ("solutions/", "3 notebookar (nbval)"),
    ("tests/nbgrader/", "4–5 nbgrader: generering och rundtur"),
    ("tests/grading/", "6 rättningsflöde och trasiga inlämningar"),
    ("tests/browser/", "7 webbläsare"),
    ("tests/hub/", "8 JupyterHub"),
    ("tests/systemd/", "9 JupyterHub med systemd (nspawn)"),
]

_durations: dict[str, float] = defaultdict(float)
_counts: dict[str, int] = defaultdict(int)


def group_of(nodeid: str) -> str:
    for prefix, name in GROUPS:
        if nodeid.startswith(prefix):
            return name
    return "övrigt"


def xdist_group(item) -> str | None:
    """Which tests must share a worker (used with `--dist loadgroup`); None = free to distribute.

    nbval cells of one notebook share a kernel; the nbgrader tests of one assignment share its
    generated scratch course; browser and hub tests share one server each, the systemd tests one container.
    """
    nodeid = item.nodeid
    if nodeid.startswith(("course/", "solutions/")):
        return "nb:" + nodeid.split("::")[0]
    if nodeid.startswith("tests/nbgrader/") and hasattr(item, "callspec"):
        return "nbgrader:" + str(item.callspec.params.get("assignment", item.callspec.id))
    for shared in ("tests/browser/", "tests/hub/", "tests/systemd/"):
        if nodeid.startswith(shared):
            return shared
    return None


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the markers (it is registered later)
def pytest_collection_modifyitems(config, items):
    for item in items:
        group = xdist_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def require_all() -> bool:
    return os.environ.get("KURS_REQUIRE_ALL", "") not in ("", "0", "false")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if require_all() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (KURS_REQUIRE_ALL=1), but every test must run here: {reason}"


def pytest_runtest_logreport(report):
    group = group_of(report.nodeid)
    _durations[group] += report.duration
    if report.when == "call":
        _counts[group] += 1


def pytest_terminal_summary(terminalreporter):
    if not _durations:
        return
    tr = terminalreporter
    tr.write_sep("-", "tid per testgrupp (summerad över arbetsprocesser)")
    for group in sorted(_durations):
        tr.write_line(f"{group:45} {_counts[group]:5d} tester {_durations[group]:8.1f} s")
