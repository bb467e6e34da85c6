"""hub/cgroups.py against fake cgroup trees (v1 and v2) in a temporary folder.

The kernel makes a cgroup's files when its directory is made; here the test lays them out beforehand.
The same code against the real kernel (limits that bite) is tested in tests/hub/test_cgroup_limits.py.
"""
import pytest

from upphandlingskurs.hub.cgroups import CPU_PERIOD_US, Cgroup, CgroupUnavailable, Limits, detect_version, safe_name

LIMITS = Limits(memory_bytes=2**30, cpus=1.5, tasks=512)


def files(folder, **content):
    folder.mkdir(parents=True, exist_ok=True)
    for name, value in content.items():
        (folder / name.replace("__", ".")).write_text(value)


def fake_v2(root, controllers="cpuset cpu io memory hugetlb pids", swap=True):
    files(root, cgroup__controllers=controllers, cgroup__subtree_control="")
    files(root / "kurs-hub", cgroup__controllers=controllers, cgroup__subtree_control="", cgroup__procs="")
    leaf = root / "kurs-hub" / "anna-lerum"
    files(leaf, memory__max="max", cpu__max=f"max {CPU_PERIOD_US}", pids__max="max", cgroup__procs="",
          memory__events="low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n", cpu__stat="usage_usec 2500000\nuser_usec 1\n")
    if swap:
        (leaf / "memory.swap.max").write_text("max")
    return leaf


def fake_v1(root, controllers=("memory", "cpu", "cpuacct", "pids")):
    for c in controllers:
        files(root / c, cgroup__procs="")
    leaf = {c: root / c / "kurs-hub" / "anna-lerum" for c in controllers}
    if "memory" in leaf:
        files(leaf["memory"], memory__limit_in_bytes=str(2**63 - 4096), memory__memsw__limit_in_bytes="x",
              memory__oom_control="oom_kill_disable 0\nunder_oom 0\noom_kill 2\n", cgroup__procs="")
    if "cpu" in leaf:
        files(leaf["cpu"], cpu__cfs_quota_us="-1", cpu__cfs_period_us="100000", cgroup__procs="")
    if "cpuacct" in leaf:
        files(leaf["cpuacct"], cpuacct__usage="1500000000", cgroup__procs="")
    if "pids" in leaf:
        files(leaf["pids"], pids__max="max", cgroup__procs="")
    return leaf


def test_v2_limits_are_written_and_controllers_enabled_top_down(tmp_path):
    leaf = fake_v2(tmp_path)
    group = Cgroup.create("anna-lerum", LIMITS, root=tmp_path)
    assert group.version == 2
    assert (leaf / "memory.max").read_text() == str(2**30)
    assert (leaf / "memory.swap.max").read_text() == "0"
    assert (leaf / "cpu.max").read_text() == f"150000 {CPU_PERIOD_US}"
    assert (leaf / "pids.max").read_text() == "512"
    # a real kernel appends; the fake keeps the last write, which names the last controller
    assert (tmp_path / "cgroup.subtree_control").read_text() == "+pids"
    assert (tmp_path / "kurs-hub" / "cgroup.subtree_control").read_text() == "+pids"
    assert group.limits() == LIMITS
    assert group.oom_kills() == 1
    assert group.cpu_seconds() == pytest.approx(2.5)


def test_v2_without_the_memory_controller_is_refused_with_a_swedish_reason(tmp_path):
    fake_v2(tmp_path, controllers="cpu pids")
    with pytest.raises(CgroupUnavailable, match="saknar styrningen memory"):
        Cgroup.create("anna-lerum", LIMITS, root=tmp_path)


def test_v2_a_limit_left_out_is_lifted_on_a_reused_cgroup(tmp_path):
    leaf = fake_v2(tmp_path)
    Cgroup.create("anna-lerum", LIMITS, root=tmp_path)
    group = Cgroup.create("anna-lerum", Limits(memory_bytes=2**29), root=tmp_path)
    assert (leaf / "cpu.max").read_text() == f"max {CPU_PERIOD_US}"
    assert (leaf / "pids.max").read_text() == "max"
    assert group.limits() == Limits(memory_bytes=2**29)


def test_v1_limits_are_written_in_each_hierarchy(tmp_path):
    leaf = fake_v1(tmp_path)
    group = Cgroup.create("anna-lerum", LIMITS, root=tmp_path)
    assert group.version == 1
    assert (leaf["memory"] / "memory.limit_in_bytes").read_text() == str(2**30)
    assert (leaf["memory"] / "memory.memsw.limit_in_bytes").read_text() == str(2**30)  # no swap beyond it
    assert (leaf["cpu"] / "cpu.cfs_quota_us").read_text() == "150000"
    assert (leaf["cpu"] / "cpu.cfs_period_us").read_text() == str(CPU_PERIOD_US)
    assert (leaf["pids"] / "pids.max").read_text() == "512"
    assert group.limits() == LIMITS
    assert group.oom_kills() == 2
    assert group.cpu_seconds() == pytest.approx(1.5)


def test_v1_no_limit_reads_back_as_none(tmp_path):
    fake_v1(tmp_path)
    group = Cgroup.locate("anna-lerum", root=tmp_path)
    assert group.limits() == Limits()


def test_v1_without_pids_hierarchy_still_limits_memory_and_cpu(tmp_path):
    leaf = fake_v1(tmp_path, controllers=("memory", "cpu"))
    group = Cgroup.create("anna-lerum", LIMITS, root=tmp_path)
    assert set(group.dirs) == {"memory", "cpu"}
    assert (leaf["cpu"] / "cpu.cfs_quota_us").read_text() == "150000"
    with pytest.raises(CgroupUnavailable, match="cpuacct"):
        group.cpu_seconds()


def test_no_hierarchy_is_unavailable_with_the_reason(tmp_path):
    with pytest.raises(CgroupUnavailable, match="Hittar ingen cgroup-hierarki"):
        detect_version(tmp_path)
    with pytest.raises(CgroupUnavailable):
        Cgroup.create("anna-lerum", LIMITS, root=tmp_path)


def test_a_write_the_kernel_refuses_is_unavailable_not_a_crash(tmp_path):
    leaf = fake_v1(tmp_path)
    (leaf["cpu"] / "cpu.cfs_quota_us").unlink()
    (leaf["cpu"] / "cpu.cfs_quota_us").mkdir()  # writing to a directory fails for root too
    with pytest.raises(CgroupUnavailable, match="Kan inte skriva '150000'"):
        Cgroup.create("anna-lerum", LIMITS, root=tmp_path)


def test_processes_are_listed_and_the_empty_cgroup_removed(tmp_path):
    leaf = fake_v2(tmp_path)
    group = Cgroup.locate("anna-lerum", root=tmp_path)
    (leaf / "cgroup.procs").write_text("")
    assert group.pids() == set()
    for f in leaf.iterdir():
        f.unlink()
    group.remove()
    assert not leaf.exists()
    group.remove()  # twice is fine


@pytest.mark.parametrize("bad", [dict(memory_bytes=0), dict(cpus=-1), dict(tasks=0)])
def test_limits_must_be_positive(bad):
    with pytest.raises(ValueError, match="större än 0"):
        Limits(**bad)


def test_cpu_quota_from_cores():
    assert Limits(cpus=1).cpu_quota_us == 100_000
    assert Limits(cpus=0.5).cpu_quota_us == 50_000
    assert Limits(cpus=0.001).cpu_quota_us == 1000  # the kernel's minimum
    assert Limits().cpu_quota_us is None


@pytest.mark.parametrize("name, expected", [("anna-lerum", "anna-lerum"), ("a/../b", "a_.._b"),
                                            ("..", "_"), ("", "_"), ("anna lerum-utbildning", "anna_lerum-utbildning")])
def test_safe_name(name, expected):
    assert safe_name(name) == expected
