"""A corpus of broken and hostile submissions, generated from a module's handed-out exercise.

Each case writes one participant's submission folder and states what grading must make of it:
``graded`` or not, the points relative to a perfect submission, and a word the Swedish reason contains.
Built from module 00 (any module with an autograded answer works).
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat

from upphandlingskurs.content.assignments import answered_release


@dataclass
class Case:
    name: str
    build: Callable[["Material", Path], None]
    graded: bool
    points: str            # "full", "full-minus-first", "full-minus-last", "zero", "none"
    reason: str | None     # a word the reasons must contain (lower case), None = no reasons
    needs_sandbox: bool = False


class Material:
    """The handed-out notebook, a perfectly answered one, and the ids of its first and last autograded
    questions (answer cell, its test cell, its points)."""

    def __init__(self, repo: Path, module: str, course_root: Path):
        self.module, self.root = module, course_root
        self.nb_name = sorted(p.name for p in (repo / "exercises" / module).glob("*.ipynb"))[0]
        self.release_path = repo / "exercises" / module / self.nb_name
        self.release = nbformat.read(self.release_path, as_version=4)
        self.solved = answered_release(self.release_path, repo / "solutions" / module / self.nb_name)
        cells = self.release.cells
        meta = [c.metadata.get("nbgrader", {}) for c in cells]
        self.answer = next(m["grade_id"] for c, m in zip(cells, meta) if m.get("solution") and c.cell_type == "code")
        i = next(i for i, m in enumerate(meta) if m.get("grade_id") == self.answer)
        self.test = next(m["grade_id"] for m in meta[i + 1:] if m.get("grade") and not m.get("solution"))
        self.answer_points = float(next(m["points"] for m in meta if m.get("grade_id") == self.test))
        answers = [i for i, (c, m) in enumerate(zip(cells, meta)) if m.get("solution") and c.cell_type == "code"
                   and any(n.get("grade") and not n.get("solution") for n in meta[i + 1:])]
        j = answers[-1]
        self.last_answer = meta[j]["grade_id"]
        # the last answer's autograded tests: those after it, up to the next answer cell
        tests = []
        for n in meta[j + 1:]:
            if n.get("solution"):
                break
            if n.get("grade") and not n.get("solution"):
                tests.append(float(n["points"]))
        self.last_points = sum(tests)
        self.locked_md = next(m["grade_id"] for c, m in zip(cells, meta)
                              if m.get("locked") and not m.get("grade") and c.cell_type == "markdown")

    def copy(self, which: str = "solved") -> nbformat.NotebookNode:
        return copy.deepcopy(self.solved if which == "solved" else self.release)

    def cell(self, nb, gid):
        return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)

    def stub(self, gid) -> str:
        return self.cell(self.release, gid).source


def _write(nb, d: Path, name: str):
    d.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, d / name)


def _with_answer(source_fn, last: bool = False):
    def build(m: Material, d: Path):
        nb = m.copy()
        cell = m.cell(nb, m.last_answer if last else m.answer)
        cell.source = source_fn(m, cell.source)
        _write(nb, d, m.nb_name)
    return build


def solved(m, d):
    _write(m.copy(), d, m.nb_name)


def untouched(m, d):
    _write(m.copy("release"), d, m.nb_name)


def deleted_answer(m, d):
    nb = m.copy()
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != m.answer]
    _write(nb, d, m.nb_name)


def edited_test(m, d):
    nb = m.copy()
    m.cell(nb, m.answer).source = m.stub(m.answer)
    m.cell(nb, m.test).source = "pass  # testet är borttaget"
    _write(nb, d, m.nb_name)


def edited_locked(m, d):
    nb = m.copy()
    m.cell(nb, m.locked_md).source = "Jag har skrivit om frågan."
    _write(nb, d, m.nb_name)


def tampered_metadata(m, d):
    nb = m.copy()
    m.cell(nb, m.answer).source = m.stub(m.answer)
    test = m.cell(nb, m.test)
    test.metadata["nbgrader"]["points"] = 100
    test.metadata["nbgrader"]["checksum"] = "0" * 32
    answer = m.cell(nb, m.answer)
    answer.metadata["nbgrader"].update(grade=True, points=50)
    nb.metadata["kernelspec"] = {"name": "bash", "display_name": "Bash", "language": "bash"}
    _write(nb, d, m.nb_name)


def duplicated(m, d):
    nb = m.copy()
    i = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == m.test)
    nb.cells.insert(i + 1, copy.deepcopy(nb.cells[i]))
    j = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == m.answer)
    nb.cells.insert(j + 1, copy.deepcopy(nb.cells[j]))
    # Same cell ids too, as a hand-edited copy would have (nbgrader's DeduplicateIds must cope).
    d.mkdir(parents=True, exist_ok=True)
    (d / m.nb_name).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def not_json(m, d):
    d.mkdir(parents=True)
    (d / m.nb_name).write_text("Hej! Här är min inlämning. /Anna", encoding="utf-8")


def empty_file(m, d):
    d.mkdir(parents=True)
    (d / m.nb_name).write_bytes(b"")


def wrong_name(m, d):
    _write(m.copy(), d, f"{Path(m.nb_name).stem} - Anna Svensson (1).ipynb")


def missing_notebook(m, d):
    d.mkdir(parents=True)
    (d / "anteckningar.txt").write_text("Jag hann inte.", encoding="utf-8")


def extra_files(m, d):
    untouched(m, d)
    shadow = d / "upphandlingskurs"
    shadow.mkdir()
    (shadow / "__init__.py").write_text("def check_answer(*a, **k):\n    return True\n", encoding="utf-8")
    (d / "hjalp.py").write_text("print('hej')\n", encoding="utf-8")
    (d / "data.csv").write_text("a;b\n1;2\n", encoding="utf-8")


def not_utf8(m, d):
    d.mkdir(parents=True)
    text = nbformat.writes(m.copy())
    (d / m.nb_name).write_bytes(text.encode("latin-1", errors="replace"))


def old_format(m, d):
    """Saved in nbformat 3 (cells inside worksheets), as an old Jupyter or another tool may write it."""
    d.mkdir(parents=True, exist_ok=True)
    (d / m.nb_name).write_text(nbformat.writes(nbformat.convert(m.copy(), 3), version=3), encoding="utf-8")


def reads_secrets(m, d):
    """Tries to read the solution, the gradebook and another participant's submission."""
    root = m.root
    code = f'''
import glob, json, os
hittat = []
for path in [{str(root / "solutions" / m.module / m.nb_name)!r}, {str(root / "gradebook.db")!r},
             {str(root / "submitted" / "facit-a" / m.module / m.nb_name)!r}]:
    try:
        with open(path, "rb") as f:
            hittat.append((path, len(f.read())))
    except OSError as err:
        print("EJ ÅTKOMLIG:", path, type(err).__name__)
print("SYNLIGT:", sorted(glob.glob({str(root)!r} + "/*")))
{m.stub(m.answer).splitlines()[0]}
if hittat:
    src = json.load(open(hittat[0][0]))
    for cell in src["cells"]:
        if "BEGIN SOLUTION" in "".join(cell["source"]):
            exec("".join(cell["source"]))
print("HITTADE:", hittat)
'''
    _with_answer(lambda m_, s: code)(m, d)


def overwrites_others(m, d):
    """Tries to overwrite another participant's results and the gradebook, then answers correctly."""
    root = m.root
    def src(m_, solved_source):
        return f'''
import os
for path in [{str(root / "autograded" / "facit-a" / m.module / m.nb_name)!r},
             {str(root / "submitted" / "facit-a" / m.module / m.nb_name)!r}, {str(root / "gradebook.db")!r}]:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("förstört")
        print("SKREV:", path)
    except OSError as err:
        print("NEKAT:", path, type(err).__name__)
{solved_source}
'''
    _with_answer(src)(m, d)


CASES = [
    Case("facit-a", solved, True, "full", None),
    Case("facit-b", solved, True, "full", None),
    Case("tom", untouched, True, "zero", None),
    Case("syntaxfel", _with_answer(lambda m, s: s.split("=")[0] + '= "B'), True, "full-minus-first", "fel"),
    Case("oandlig-loop", _with_answer(lambda m, s: "while True:\n    pass\n" + s), True, "full-minus-first",
         "längre tid"),
    # A cell that kills the kernel costs only its own points: graded again with that cell's stub (issue 17).
    Case("karnkrasch", _with_answer(lambda m, s: "import os\nos._exit(1)\n" + s), True, "full-minus-first",
         "kraschade"),
    Case("karnkrasch-sista-svaret", _with_answer(lambda m, s: s + "\nimport os\nos._exit(0)", last=True), True,
         "full-minus-last", "kraschade"),
    Case("gammalt-format", old_format, True, "full", "konverterades"),
    Case("raderad-cell", deleted_answer, True, "full-minus-first", "saknades"),
    Case("andrad-testcell", edited_test, True, "full-minus-first", "testcellen"),
    Case("andrad-last-cell", edited_locked, True, "full", "låsta"),
    Case("manipulerad-metadata", tampered_metadata, True, "full-minus-first", "metadata"),
    Case("dubblerad-cell", duplicated, True, "full", "flera gånger"),
    Case("stor-utskrift", _with_answer(lambda m, s: s + '\nfor _ in range(300):\n    print("x" * 100_000)'),
         True, "full", "för mycket"),
    Case("inte-json", not_json, False, "none", "json"),
    Case("tom-fil", empty_file, False, "none", "tom"),
    Case("fel-filnamn", wrong_name, True, "full", "i stället för"),
    Case("saknad-notebook", missing_notebook, False, "none", "saknas"),
    Case("extra-filer", extra_files, True, "zero", "extra filer"),
    Case("inte-utf8", not_utf8, False, "none", "utf-8"),
    Case("laser-facit", reads_secrets, True, "full-minus-first", None, needs_sandbox=True),
    Case("skriver-over-andra", overwrites_others, True, "full", None, needs_sandbox=True),
]
