"""Participants' code runs in the sandbox while grading: it cannot read solutions/, the gradebook or
another participant's files, cannot write outside its own copy, has no network, and is not root."""
from __future__ import annotations

import os
import shutil

import nbformat
import pytest

from conftest import REPO
from grading_helpers import require
from upphandlingskurs.content.assignments import scratch_course
from upphandlingskurs.grading.sandbox import SandboxedExecute, describe_mode, sandbox_mode

PROBE = r'''
import os, socket
def probe(path):
    try:
        with open(path, "rb") as f:
            f.read(10)
        return "LÄST"
    except OSError as err:
        return "NEKAT"
def write(path):
    try:
        with open(path, "a") as f:
            f.write("x")
        return "SKREV"
    except OSError:
        return "NEKAT"
def fill():
    try:
        for i in range(100):
            with open(f"fyll{i}.bin", "wb") as f:
                f.write(b"x" * 4_000_000)
        return "FYLLDE"
    except OSError:
        for i in range(100):
            if os.path.exists(f"fyll{i}.bin"):
                os.remove(f"fyll{i}.bin")
        return "NEKAT"
def net():
    try:
        socket.create_connection(("127.0.0.1", 22), timeout=1)
        return "NÄT"
    except OSError:
        return "NEKAT"
print("solutions", probe(SOLUTION))
print("gradebook", probe(GRADEBOOK))
print("annan", probe(OTHER))
print("skriv-annan", write(OTHER))
print("skriv-egen", write("egen.txt"))
print("nät", net())
print("egen-data", probe("data.csv"))
print("fyll-disken", fill())
print("uid", os.getuid())
print("finns-kurs", os.path.exists(ROOT))
'''


@pytest.fixture
def fake_course(tmp_path):
    root = tmp_path / "kurs"
    for rel in ["solutions/m/m.ipynb", "gradebook.db", "submitted/bo/m/m.ipynb", "autograded/anna/m/data.csv"]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("hemligt", encoding="utf-8")
    return root


def run_probe(root):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        f"SOLUTION={str(root / 'solutions/m/m.ipynb')!r}\nGRADEBOOK={str(root / 'gradebook.db')!r}\n"
        f"OTHER={str(root / 'submitted/bo/m/m.ipynb')!r}\nROOT={str(root / 'solutions')!r}\n" + PROBE)]
    workdir = root / "autograded" / "anna" / "m"
    out, _ = SandboxedExecute(timeout=30).preprocess(nb, {"metadata": {"path": str(workdir)}})
    text = "".join(o.get("text", "") for o in out.cells[0].outputs)
    assert not any(o.get("output_type") == "error" for o in out.cells[0].outputs), out.cells[0].outputs
    return dict(line.split(" ", 1) for line in text.strip().splitlines())


def test_submission_cannot_reach_solutions_gradebook_or_others(fake_course):
    require(sandbox_mode() == "bwrap", "bubblewrap (bwrap) saknas eller fungerar inte: sandlådan kan inte testas")
    seen = run_probe(fake_course)
    assert seen["solutions"] == "NEKAT"
    assert seen["gradebook"] == "NEKAT"
    assert seen["annan"] == "NEKAT"
    assert seen["skriv-annan"] == "NEKAT"
    assert seen["finns-kurs"] == "False"
    assert seen["nät"] == "NEKAT"
    assert seen["skriv-egen"] == "SKREV"          # its own (private) working copy is writable
    assert seen["egen-data"] == "LÄST"            # ... and holds the files of its own working directory
    assert seen["fyll-disken"] == "NEKAT"         # ... but is small and in memory: the disk cannot be filled
    assert (fake_course / "submitted/bo/m/m.ipynb").read_text(encoding="utf-8") == "hemligt"
    assert not (fake_course / "autograded/anna/m/egen.txt").exists()  # writes stay in the throwaway copy


def test_submission_runs_as_an_unprivileged_user(fake_course):
    require(sandbox_mode() == "bwrap", "bubblewrap (bwrap) saknas eller fungerar inte: sandlådan kan inte testas")
    require(os.geteuid() == 0, "testet byter användare och kräver root")
    assert run_probe(fake_course)["uid"] != "0"


def test_without_sandbox_the_instructor_is_warned(monkeypatch):
    assert "VARNING" in describe_mode("grans")
    assert "VARNING" in describe_mode("av")
    assert "sandlåda" in describe_mode("bwrap")


WARM_PROBE = r'''
import os, resource, sys
print("as", resource.getrlimit(resource.RLIMIT_AS)[0])
print("forra", "hemlig_variabel" in globals())
print("pandas-laddad", "pandas" in sys.modules)
print("pandas-namn", "pandas" in globals() or "pd" in globals())
print("cwd-tom", os.listdir(".") == [])
hemlig_variabel = 42
'''


def test_warm_kernels_serve_one_notebook_each_inside_the_sandbox(fake_course):
    """Issue 17: the next kernel starts while one notebook runs; each notebook gets its own fresh kernel,
    started in the sandbox with the same limits, preloaded without any name bound."""
    require(sandbox_mode() == "bwrap", "bubblewrap (bwrap) saknas eller fungerar inte: sandlådan kan inte testas")
    from upphandlingskurs.grading import sandbox

    base = fake_course / ".kurs" / "karnor"
    seen = []
    try:
        for i in range(3):
            nb = nbformat.v4.new_notebook()
            nb.cells = [nbformat.v4.new_code_cell(WARM_PROBE), nbformat.v4.new_code_cell(
                f"SOLUTION={str(fake_course / 'solutions/m/m.ipynb')!r}\nGRADEBOOK={str(fake_course / 'gradebook.db')!r}\n"
                f"OTHER={str(fake_course / 'submitted/bo/m/m.ipynb')!r}\nROOT={str(fake_course / 'solutions')!r}\n"
                + PROBE)]
            ex = SandboxedExecute(timeout=30, warm_kernels=True, prestart=i < 2, kernel_workdir_base=str(base),
                                  shutdown_kernel="immediate")
            out, _ = ex.preprocess(nb, {"metadata": {"path": str(fake_course / "autograded" / "anna" / "m")}})
            text = "".join(o.get("text", "") for c in out.cells for o in c.outputs)
            assert not any(o.get("output_type") == "error" for c in out.cells for o in c.outputs), text
            seen.append(dict(line.split(" ", 1) for line in text.strip().splitlines()))
            if i < 2:
                assert sandbox._WARM and sandbox._WARM["task"] is not None   # the next one is on its way
        assert not sandbox._WARM                                            # nothing started after the last
    finally:
        sandbox._discard_warm()
    for s in seen:
        assert s["as"] == str(sandbox.Limits().memory_bytes)
        assert s["forra"] == "False"                 # nothing from the notebook before
        assert s["pandas-laddad"] == "True" and s["pandas-namn"] == "False"
        assert s["cwd-tom"] == "True"
        assert s["solutions"] == s["gradebook"] == s["annan"] == s["skriv-annan"] == s["nät"] == "NEKAT"
        assert s["uid"] != "0" or os.geteuid() != 0
    assert not list(base.iterdir())                  # every kernel's own folder is gone with the kernel


def test_course_imports_are_read_from_the_handed_out_notebook_and_limited_to_course_modules():
    from upphandlingskurs.grading.sandbox import course_imports

    got = course_imports(["from upphandlingskurs import check_answer, is_correct\nx = 1",
                          "from upphandlingskurs.widgets.iop import samverkansform_widget",
                          "import upphandlingskurs.content.data as d",
                          "from upphandlingskurs.grading.sandbox import Limits\nimport upphandlingskurs.hub.admin",
                          "# from upphandlingskurs.widgets.kom_igang import x  (a comment is not an import)"])
    assert got == ("upphandlingskurs.content.selfcheck", "upphandlingskurs.widgets.iop",
                   "upphandlingskurs.content.data")


def test_each_module_preloads_what_its_exercise_imports(tmp_path):
    """The warm kernels of module 04 import its widgets and what they import when called (WARM_IMPORTS)."""
    from upphandlingskurs.grading.autograde import Grader, Settings

    root = scratch_course(REPO, tmp_path / "kurs")
    shutil.copytree(REPO / "exercises", root / "exercises", dirs_exist_ok=True)
    g = Grader(str(root), Settings())
    four = g.notebook_imports("04_uppfoljning")
    assert "upphandlingskurs.widgets.uppfoljning" in four and "matplotlib.pyplot" in four
    assert "upphandlingskurs.content.selfcheck" in four
    assert "matplotlib.pyplot" not in g.notebook_imports("01_upphandling_social_hallbarhet")


def test_a_warm_kernel_has_the_course_modules_loaded_but_no_name_bound(fake_course):
    require(sandbox_mode() == "bwrap", "bubblewrap (bwrap) saknas eller fungerar inte: sandlådan kan inte testas")
    from upphandlingskurs.grading import sandbox

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import sys\nprint('laddad', 'upphandlingskurs.content.selfcheck' in sys.modules)\n"
        "print('namn', 'check_answer' in globals() or 'upphandlingskurs' in globals())")]
    sandbox.NOTEBOOK_IMPORTS["modules"] = ("upphandlingskurs.content.selfcheck",)
    try:
        ex = SandboxedExecute(timeout=30, warm_kernels=True, kernel_workdir_base=str(fake_course / ".kurs" / "k"),
                              shutdown_kernel="immediate")
        out, _ = ex.preprocess(nb, {"metadata": {"path": str(fake_course / "autograded" / "anna" / "m")}})
    finally:
        sandbox.NOTEBOOK_IMPORTS["modules"] = ()
        sandbox._discard_warm()
    text = "".join(o.get("text", "") for o in out.cells[0].outputs)
    assert "laddad True" in text and "namn False" in text, text
