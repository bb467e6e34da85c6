"""Notebook hygiene (KURSDESIGN §8.2): clean notebooks, valid nbgrader metadata, Swedish stubs, no personal data."""
import re
import subprocess

import nbformat
import pytest

from conftest import REPO, all_notebooks, exercise_notebooks, rel, solution_notebooks


@pytest.mark.parametrize("path", all_notebooks(), ids=rel)
def test_notebook_is_valid_and_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has outputs"
            assert cell.execution_count is None, f"cell {i} has an execution count"


def _nbgrader_cells(nb):
    return [(i, c, c.metadata["nbgrader"]) for i, c in enumerate(nb.cells) if "nbgrader" in c.metadata]


@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_solution_nbgrader_metadata(path):
    nb = nbformat.read(path, as_version=4)
    cells = _nbgrader_cells(nb)
    ids = [m["grade_id"] for _, _, m in cells]
    assert len(ids) == len(set(ids)), f"duplicate grade ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    assert any(m.get("grade") and not m.get("solution") for _, _, m in cells), "no autograded test cell"
    for i, cell, m in cells:
        assert m.get("schema_version") == 3, f"cell {i}: schema_version"
        assert re.fullmatch(r"[A-Za-z0-9_\-]+", m["grade_id"]), f"cell {i}: grade_id {m['grade_id']!r}"
        if m.get("grade"):
            assert float(m.get("points", 0)) > 0, f"cell {i}: a graded cell needs points"
        if m.get("solution") and cell.cell_type == "code":
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source, f"cell {i}"
            stub = cell.source.split("### BEGIN SOLUTION")[0].strip()
            assert stub, f"cell {i}: an answer cell needs a stub line before the solution (e.g. `svar_1 = None`)"
        if m.get("grade") and not m.get("solution") and cell.cell_type == "code":
            assert "check_answer(" in cell.source or "visible self-check" in cell.source, \
                f"cell {i}: an autograded test needs a visible self-check (check_answer)"
            assert "### BEGIN HIDDEN TESTS" in cell.source, f"cell {i}: an autograded test needs hidden tests"
        if m.get("grade") and m.get("solution") and cell.cell_type == "markdown":
            # convention 3: the criteria under "**Så bedöms svaret**" in the question's cell above (before: a
            # "Bedömningsmall" inside the solution cell)
            question = next((c.source for c in reversed(nb.cells[:i]) if c.cell_type == "markdown"), "")
            assert "Så bedöms svaret" in question or "Bedömningsmall" in cell.source, \
                f"cell {i}: a manually graded answer needs its assessment criteria (**Så bedöms svaret**)"


LEAKS = ["BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "Bedömningsmall", "BEGIN MARK SCHEME"]
ENGLISH_STUBS = ["YOUR CODE HERE", "YOUR ANSWER HERE", "NotImplementedError"]


@pytest.mark.parametrize("path", exercise_notebooks(), ids=rel)
def test_exercise_reveals_nothing_and_has_swedish_stubs(path):
    text = path.read_text(encoding="utf-8")
    for leak in LEAKS + ENGLISH_STUBS:
        assert leak not in text, f"{leak!r} in the participant version"
    assert "SKRIV DITT SVAR HÄR" in text


def test_no_participant_data_is_tracked_by_git():
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    bad = [f for f in files if re.search(r"(^|/)(submitted|autograded|feedback|release|exchange)/", f)
           or f.endswith((".db", ".sqlite")) or f.endswith(".xlsx")]
    assert bad == []


def test_gitignore_covers_participant_data():
    ignored = (REPO / ".gitignore").read_text()
    for entry in ("submitted/", "autograded/", "feedback/", "gradebook.db", ".venv/"):
        assert entry in ignored


# -- convention 3: the example answer button after each free-text answer ------------------------------------
@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_free_text_answers_have_criteria_and_an_example_answer_button(path):
    nb = nbformat.read(path, as_version=4)
    module = path.parent.name[:2]
    problems = []
    for i, cell in enumerate(nb.cells):
        m = cell.metadata.get("nbgrader", {})
        if not (cell.cell_type == "markdown" and m.get("solution") and m.get("grade")):
            continue
        gid = m["grade_id"]
        question = next((c.source for c in reversed(nb.cells[:i]) if c.cell_type == "markdown"), "")
        if "**Så bedöms svaret**" not in question:
            problems.append(f"{gid}: no **Så bedöms svaret** in the question above")
        if not cell.source.split("### BEGIN SOLUTION")[-1].lstrip().startswith("*Exempelsvar:*"):
            problems.append(f"{gid}: the solution does not start with *Exempelsvar:*")
        if "Bedömningsmall" in cell.source:
            problems.append(f"{gid}: the criteria are still in the solution cell")
        after = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        expected = ("from upphandlingskurs.widgets.example_answer import example_answer_button\n"
                    f'example_answer_button("{module}", "{gid}")')
        meta = after.metadata.get("nbgrader", {}) if after is not None else {}
        if after is None or after.cell_type != "code" or after.source.strip() != expected:
            problems.append(f"{gid}: the next cell is not the example answer button:\n{expected}")
        elif not (meta.get("locked") and meta.get("grade_id") == f"exempelsvar_{gid}" and not meta.get("grade")
                  and not meta.get("solution")):
            problems.append(f"{gid}: the button cell must be locked, grade_id exempelsvar_{gid}, not graded")
    assert not problems, "\n".join(problems)


# -- convention 2: balanced answer keys (issue 13, item 4) ---------------------------------------------------
def _one_letter_keys(nb) -> dict[str, str]:
    """``{grade_id: right letter}`` of the one-letter questions of a solution notebook."""
    import ast

    solutions = {}
    for cell in nb.cells:
        m = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and m.get("solution") and "### BEGIN SOLUTION" in cell.source:
            for var, value in re.findall(r"^(\w+)\s*=\s*[\"']([A-Fa-f])[\"']\s*$",
                                         cell.source.split("### BEGIN SOLUTION")[1], re.MULTILINE):
                solutions[var] = value.upper()
    keys = {}
    for cell in nb.cells:
        m = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not m.get("grade") or m.get("solution") or "check_answer(" not in cell.source:
            continue
        visible, _, hidden = cell.source.partition("### BEGIN HIDDEN TESTS")
        call = next(n for n in ast.walk(ast.parse(visible)) if isinstance(n, ast.Call)
                    and getattr(n.func, "id", None) == "check_answer")
        kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        options = kwargs.get("options")
        one_letter = kwargs.get("kind") == "bokstav" or (
            kwargs.get("kind") is None and options is not None
            and all(isinstance(o, str) and len(o) == 1 and o.isalpha() for o in options))
        if not one_letter:
            continue
        found = (re.search(r"is_correct\(\s*\w+\s*,\s*[\"']([A-Fa-f])[\"']", hidden)
                 or re.search(r"==\s*[\"']([A-Fa-f])[\"']", hidden))
        letter = found.group(1).upper() if found else solutions.get(getattr(call.args[1], "id", ""))
        keys[m["grade_id"]] = letter or "?"
    return keys


def _most_common(keys: dict[str, str]) -> tuple[str, int, int]:
    from collections import Counter

    counts = Counter(keys.values())
    letter, n = counts.most_common(1)[0] if counts else ("", 0)
    return letter, n, len(keys)


@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_no_letter_is_the_key_to_more_than_a_third_of_an_exercises_questions(path):
    keys = _one_letter_keys(nbformat.read(path, as_version=4))
    assert "?" not in keys.values(), f"right letter not found for {[g for g, k in keys.items() if k == '?']}"
    letter, n, total = _most_common(keys)
    assert n <= max(1, total / 3), f"{letter!r} is the right answer to {n} of {total} one-letter questions: {keys}"


def test_no_letter_is_the_key_to_more_than_a_third_of_all_questions():
    keys = {f"{p.parent.name[:2]}/{g}": k for p in solution_notebooks()
            for g, k in _one_letter_keys(nbformat.read(p, as_version=4)).items()}
    from collections import Counter

    counts = Counter(keys.values())
    letter, n, total = _most_common(keys)
    assert n <= total / 3, f"{letter!r} is the right answer to {n} of {total} one-letter questions ({dict(counts)})"

