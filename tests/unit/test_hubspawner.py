"""LimitedLocalProcessSpawner without a hub: what it does when limits cannot be enforced, and its preexec.

The real thing (servers in cgroups, a kernel killed at the memory limit) runs in tests/hub.
"""
from types import SimpleNamespace

import pytest

pytest.importorskip("jupyterhub")

from jupyterhub.spawner import LocalProcessSpawner  # noqa: E402

from conftest import run_async  # noqa: E402
from upphandlingskurs.hub.cgroups import Limits  # noqa: E402
from upphandlingskurs.hub.spawner import LimitedLocalProcessSpawner, _describe  # noqa: E402


def spawner(tmp_path, **kw):
    user = SimpleNamespace(name="anna-lerum", url="/user/anna-lerum/")
    return LimitedLocalProcessSpawner(user=user, cgroup_root=str(tmp_path), mem_limit="1G", cpu_limit=1.0, **kw)


@pytest.fixture
def started(monkeypatch):
    calls = []

    async def fake_start(self):
        calls.append(self)
        return ("127.0.0.1", 1)

    monkeypatch.setattr(LocalProcessSpawner, "start", fake_start)
    return calls


def test_without_cgroups_the_server_is_refused_with_a_swedish_reason(tmp_path, started):
    s = spawner(tmp_path)  # tmp_path holds no cgroup hierarchy
    with pytest.raises(RuntimeError) as e:
        run_async(s.start())
    text = str(e.value)
    assert "Resursgränserna för anna-lerum (minne 1 024 MB, 1 kärna, högst 512 processer)" in text.replace("\xa0", " ")
    assert "kan inte upprätthållas" in text and "KURS_UTAN_GRANSER=1" in text
    assert started == []  # nothing was started


def test_without_cgroups_and_not_required_it_starts_with_a_warning(tmp_path, started, caplog):
    s = spawner(tmp_path, require_limits=False)
    caplog.set_level("WARNING")
    assert run_async(s.start()) == ("127.0.0.1", 1)
    assert started == [s]
    assert "startar utan gränser" in caplog.text


def test_preexec_joins_the_cgroup_before_switching_user(tmp_path, monkeypatch):
    order = []
    monkeypatch.setattr(LocalProcessSpawner, "make_preexec_fn", lambda self, name: lambda: order.append("user"))
    s = spawner(tmp_path)
    s._cgroup = SimpleNamespace(add=lambda: order.append("cgroup"))
    s.make_preexec_fn("anna-lerum")()
    assert order == ["cgroup", "user"]


def test_limits_come_from_the_spawners_settings(tmp_path):
    s = spawner(tmp_path, tasks_limit=100)
    assert s.limits() == Limits(memory_bytes=2**30, cpus=1.0, tasks=100)
    s.cpu_limit = None
    assert s.limits().cpus is None


def test_limits_are_described_in_plain_swedish():
    assert _describe(Limits(800 * 2**20, 0.5, None)) == "minne 800 MB, 0,5 kärnor"
    assert _describe(Limits(None, 1.25)) == "1,25 kärnor"
    assert _describe(Limits(None, 1, 512)) == "1 kärna, högst 512 processer"
    assert _describe(Limits()) == "inga gränser"
