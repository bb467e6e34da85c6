"""The visible self-check and the hidden test agree on every autograded question (issue 13, item 3).

For each autograded test cell of every solution notebook, the test reads the visible check
(``check_answer(question, var, digest, kind=..., decimals=..., options=...)``) and the hidden test
(``assert is_correct(var, expected, kind=..., decimals=...)``, convention 1), generates a family of variants of
the right answer (letter order, commas, spaces, case, int vs float, unrounded within the stated decimals) and of
wrong answers (other letters, a letter too many or too few, a decimal comma, a number as text, per cent for a
share, one step off), runs both on each and fails where they disagree, or where the right answer itself does
not pass both. A cell still in the old form (no ``is_correct`` in its hidden tests) is reported as such, with
the disagreements found in it.
"""
from __future__ import annotations

import ast
import contextlib
import io
import itertools
import math
from dataclasses import dataclass, field

import nbformat
import pytest

from conftest import rel, solution_notebooks
from upphandlingskurs.content.selfcheck import (HIDDEN_BEGIN, HIDDEN_END, KINDS, LETTERS, NotCanonical, canonical,
                                                check_answer, infer_kind, is_correct)

MISSING = object()


@dataclass
class Question:
    cell: int
    grade_id: str
    question: str | None = None
    var: str | None = None
    digest: str | None = None
    check_kwargs: dict = field(default_factory=dict)
    hidden: str = ""
    expected: object = MISSING
    kind: str | None = None
    decimals: int | None = None
    new_form: bool = False
    problems: list[str] = field(default_factory=list)
    expected_expr: str | None = None      # is_correct's expected answer when it is computed, not a literal
    setup: str = ""                        # the hidden block's statements other than asserts (compute the facit)
    solution_value: object = MISSING       # the literal the solution cell assigns, if any
    namespace: dict = field(default_factory=dict)  # the notebook's imports

    @property
    def label(self) -> str:
        return f"fråga {self.question or '?'} ({self.grade_id}, cell {self.cell})"


def _literal(node):
    return ast.literal_eval(node)


def _find_call(tree, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
            yield node


def _solution_values(nb) -> dict[str, object]:
    """``{variable: value}`` of literal assignments inside the solution regions of the answer cells."""
    values = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("solution") or "### BEGIN SOLUTION" not in cell.source:
            continue
        region = cell.source.split("### BEGIN SOLUTION", 1)[1].split("### END SOLUTION", 1)[0]
        try:
            tree = ast.parse(region)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    values[node.targets[0].id] = _literal(node.value)
                except ValueError:
                    pass
    return values


def _imports(nb) -> dict:
    """A namespace with the notebook's own imports (what the hidden tests may use, e.g. load_followup)."""
    namespace: dict = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                try:
                    exec(compile(ast.Module([node], []), "<imports>", "exec"), namespace)  # noqa: S102
                except Exception:  # noqa: BLE001 - a missing optional import shows up as a problem later
                    pass
    return namespace


def questions(nb) -> list[Question]:
    found = []
    solutions = _solution_values(nb)
    namespace = _imports(nb)
    for i, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        q = Question(i, meta.get("grade_id", "?"), namespace=namespace)
        found.append(q)
        visible, _, rest = cell.source.partition(HIDDEN_BEGIN)
        q.hidden = rest.partition(HIDDEN_END)[0]
        try:
            calls = list(_find_call(ast.parse(visible), "check_answer"))
        except SyntaxError as e:
            q.problems.append(f"the visible part does not parse: {e}")
            continue
        if len(calls) != 1:
            q.problems.append(f"{len(calls)} check_answer calls in the visible part (expected 1)")
            continue
        call = calls[0]
        try:
            q.question, q.digest = _literal(call.args[0]), _literal(call.args[2])
            q.var = call.args[1].id
            q.check_kwargs = {k.arg: _literal(k.value) for k in call.keywords}
        except (IndexError, AttributeError, ValueError) as e:
            q.problems.append(f"check_answer's arguments are not (question, variable, digest, literals...): {e!r}")
            continue
        try:
            hidden_calls = list(_find_call(ast.parse(q.hidden), "is_correct"))
        except SyntaxError as e:
            q.problems.append(f"the hidden tests do not parse: {e}")
            continue
        q.solution_value = solutions.get(q.var, MISSING)
        if hidden_calls:
            q.new_form = True
            h = hidden_calls[0]
            try:
                hidden_kwargs = {k.arg: _literal(k.value) for k in h.keywords}
                expected_node = h.args[1]
            except (IndexError, ValueError) as e:
                q.problems.append(f"is_correct's arguments are not (variable, expected, kind=literal): {e!r}")
                continue
            try:
                q.expected = _literal(expected_node)
            except ValueError:
                q.expected_expr = ast.unparse(expected_node)  # computed in the hidden tests, e.g. from the data
                q.setup = "\n".join(ast.unparse(n) for n in ast.parse(q.hidden).body
                                     if not isinstance(n, (ast.Assert, ast.Expr)))
            if not isinstance(h.args[0], ast.Name) or h.args[0].id != q.var:
                q.problems.append(f"the hidden test checks another variable than {q.var}")
            q.kind = hidden_kwargs.get("kind")
            q.decimals = hidden_kwargs.get("decimals")
            if q.kind != q.check_kwargs.get("kind"):
                q.problems.append(f"kind differs: check_answer {q.check_kwargs.get('kind')!r}, is_correct {q.kind!r}")
            if q.decimals != q.check_kwargs.get("decimals"):
                q.problems.append(f"decimals differ: check_answer {q.check_kwargs.get('decimals')!r}, "
                                  f"is_correct {q.decimals!r}")
        else:
            q.problems.append("old form: the hidden test does not use is_correct (convention 1)")
            q.expected = q.solution_value
            q.kind = q.check_kwargs.get("kind") or ("tal" if q.check_kwargs.get("number") else None)
            q.decimals = q.check_kwargs.get("decimals")
        if q.kind is None and q.expected is not MISSING and q.expected_expr is None:
            q.kind = infer_kind(q.expected)
        if q.kind is not None and q.kind not in KINDS:
            q.problems.append(f"unknown kind {q.kind!r}")
    return found


# --- variants ---------------------------------------------------------------------------------------------

def variants(expected, kind: str, decimals: int | None, options) -> tuple[list, list]:
    """(right, wrong): answers a participant may write that must pass, and answers that must fail."""
    letters = [str(o).upper() for o in options] if options else list(LETTERS[:5])
    if kind == "bokstav":
        e = canonical(expected, "bokstav")
        right = [e, e.lower(), f" {e} ", f"{e} ", f"{e.lower()}\n"]
        others = [o for o in letters if o != e]
        wrong = others + [f"{e}{others[0]}", f"{e}, {others[-1]}", "", 1]
        return right, wrong
    if kind == "bokstäver":
        e = canonical(expected, "bokstäver")
        perms = ["".join(p) for p in itertools.islice(itertools.permutations(e), 6)]
        right = perms + [", ".join(e), ",".join(e), " ".join(e.lower()), ", ".join(reversed(e)).lower(), list(e)]
        if len(e) >= 2:
            right.append(", ".join(e[:-1]) + " och " + e[-1])
        others = [o for o in letters if o not in e]
        wrong = [e[1:] or "", e[:-1] or ""] + [e + o for o in others[:2]] + [", ".join(e + o) for o in others[:1]]
        wrong = [w for w in wrong if w != e and canonical_or_none(w, "bokstäver") != e]
        return right, wrong
    if kind == "tal":
        e = float(expected)
        step = 10.0 ** -(decimals if decimals is not None else 0)
        right = [expected, float(expected)]
        if float(expected).is_integer():
            right.append(int(expected))
        right.append(e + 1e-9)
        if decimals is not None:
            right += [e + 0.4 * step, e - 0.4 * step, e + 0.49 * step]
        wrong = [e + step, e - step, e + 1 if decimals is None else e + 10 * step, str(expected), None, True]
        if e not in (0.0,) and not math.isclose(e * 100, e):
            wrong += [e * 100, e / 100]
        if not float(e).is_integer():
            whole, frac = f"{e:.{decimals if decimals is not None else 3}f}".split(".")
            wrong.append((int(whole), int(frac.rstrip("0") or "0")))
        else:
            wrong.append((int(e) // 1000, int(e) % 1000) if abs(e) >= 1000 else (int(e), 5))
        return right, wrong
    if kind == "text":
        e = str(expected)
        right = [e, e.upper(), e.lower(), f"  {e} ", e.replace(" ", "  ")]
        wrong = [e + "x", "", e[:-1] if len(e) > 1 else "zz", 1]
        return right, wrong
    if kind == "ja_nej":
        e = bool(canonical(expected, "ja_nej"))
        return [e, "ja" if e else "nej", "Ja" if e else "Nej"], [not e, "nej" if e else "ja", None]
    raise AssertionError(kind)


def canonical_or_none(value, kind):
    try:
        return canonical(value, kind)
    except NotCanonical:
        return None


def visible_passes(q: Question, value) -> bool:
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            check_answer(q.question, value, q.digest, **q.check_kwargs)
        except AssertionError:
            return False
    return True


class HiddenNeedsMore(Exception):
    pass


def hidden_passes(q: Question, value) -> bool:
    namespace = {**q.namespace, q.var: value, "is_correct": is_correct, "check_answer": check_answer}
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            exec(compile(q.hidden, f"<hidden {q.grade_id}>", "exec"), namespace)  # noqa: S102 - our own tests
        except NameError as e:
            if getattr(e, "name", None) != q.var:
                raise HiddenNeedsMore(f"the hidden test needs {e.name!r} from other cells") from e
            return False
        except Exception:  # noqa: BLE001 - any error in a graded cell is a failed test for nbgrader
            return False
    return True


def _compute_expected(q: Question) -> list[str]:
    """Evaluate a computed facit (``is_correct(var, facit_1, ...)``) the way the hidden test does."""
    namespace = {**q.namespace, "is_correct": is_correct}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(q.setup, f"<hidden setup {q.grade_id}>", "exec"), namespace)  # noqa: S102
            q.expected = eval(q.expected_expr, namespace)  # noqa: S307 - our own tests
    except Exception as e:  # noqa: BLE001
        return [f"the facit {q.expected_expr} could not be computed outside the notebook: {e!r}"]
    if hasattr(q.expected, "item"):  # numpy scalar from pandas
        q.expected = q.expected.item()
    return []


def disagreements(q: Question) -> list[str]:
    if q.expected_expr is not None and q.expected is MISSING:
        problems = _compute_expected(q)
        if problems:
            return problems
    if q.new_form and q.solution_value is not MISSING and q.expected is not MISSING and q.kind in KINDS:
        if not is_correct(q.solution_value, q.expected, kind=q.kind, decimals=q.decimals):
            return [f"the solution cell's answer {q.solution_value!r} fails the hidden test (facit {q.expected!r})"]
    if q.expected is MISSING:
        return ["the right answer could not be read (no literal in is_correct nor in the solution cell)"]
    if q.kind is None:
        return ["the kind of answer could not be determined"]
    problems = []
    try:
        if not visible_passes(q, q.expected):
            problems.append(f"the right answer {q.expected!r} fails the visible check (wrong digest?)")
        if not hidden_passes(q, q.expected):
            problems.append(f"the right answer {q.expected!r} fails the hidden test")
        right, wrong = variants(q.expected, q.kind, q.decimals, q.check_kwargs.get("options"))
        for value in right:
            v, h = visible_passes(q, value), hidden_passes(q, value)
            if v != h:
                problems.append(f"{value!r}: visible {'passes' if v else 'fails'}, hidden {'passes' if h else 'fails'}")
            elif q.new_form and not v:
                problems.append(f"{value!r} differs only in form from the right answer but fails both")
        for value in wrong:
            v, h = visible_passes(q, value), hidden_passes(q, value)
            if v != h:
                problems.append(f"{value!r}: visible {'passes' if v else 'fails'}, hidden {'passes' if h else 'fails'}")
            elif v and q.new_form:
                problems.append(f"the wrong answer {value!r} passes both")
    except HiddenNeedsMore as e:
        problems.append(str(e))
    return problems


# --- the tests --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", solution_notebooks(), ids=rel)
def test_self_check_and_hidden_test_agree_on_every_variant(path):
    nb = nbformat.read(path, as_version=4)
    qs = questions(nb)
    assert qs, "no autograded question"
    report = []
    for q in qs:
        problems = list(q.problems)
        if q.var is not None and q.digest is not None:
            problems += disagreements(q)
        if problems:
            report.append(f"{q.label}:\n    " + "\n    ".join(problems))
    assert not report, f"{len(report)} of {len(qs)} autograded questions:\n" + "\n".join(report)


def test_the_variant_test_catches_a_disagreement():
    """A self-check without kind (generic normalisation) and a hidden test with it disagree on 'A, C, D'."""
    from upphandlingskurs.content.selfcheck import digest

    q = Question(0, "test_svar_4", "03-4", "svar_4", digest("03-4", "ACD"), {},
                 'assert is_correct(svar_4, "ACD", kind="bokstäver")', "ACD", "bokstäver", None, True)
    problems = disagreements(q)
    assert any("'A, C, D': visible fails, hidden passes" in p for p in problems), problems
    q.check_kwargs = {"kind": "bokstäver"}
    assert disagreements(q) == []


def digest_of(question, value):
    from upphandlingskurs.content.selfcheck import digest

    return digest(question, value, "tal")


def test_the_variant_test_reads_both_forms():
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_code_cell('svar_1 = None\n### BEGIN SOLUTION\nsvar_1 = "B"\n### END SOLUTION')
    answer.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "svar_1", "locked": False,
                                   "schema_version": 3, "task": False}
    old = nbformat.v4.new_code_cell('check_answer("00-1", svar_1, "x", options=["A", "B"], name="svar_1")\n'
                                    f'{HIDDEN_BEGIN}\nassert svar_1.strip().upper() == "B"\n{HIDDEN_END}')
    new = nbformat.v4.new_code_cell('check_answer("00-2", svar_2, "y", kind="tal", decimals=1, name="svar_2")\n'
                                    f'{HIDDEN_BEGIN}\nprint("Förklaring: …")\n'
                                    f'assert is_correct(svar_2, 58.3, kind="tal", decimals=1)\n{HIDDEN_END}')
    computed = nbformat.v4.new_code_cell(
        f'check_answer("00-3", svar_3, "{digest_of("00-3", 3)}", kind="tal", name="svar_3")\n{HIDDEN_BEGIN}\n'
        f'facit_3 = len(sqrt.__name__) - 1  # computed, e.g. from the data\n'
        f'assert is_correct(svar_3, facit_3, kind="tal")\n{HIDDEN_END}')
    imports = nbformat.v4.new_code_cell("from math import sqrt")
    for cell, gid in ((old, "test_svar_1"), (new, "test_svar_2"), (computed, "test_svar_3")):
        cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": gid, "points": 1,
                                     "locked": True, "schema_version": 3, "task": False}
    nb.cells = [imports, answer, old, new, computed]
    q_old, q_new, q_computed = questions(nb)
    assert not q_old.new_form and q_old.expected == "B" and q_old.kind == "bokstav"
    assert "old form" in q_old.problems[0]
    assert q_new.new_form and q_new.expected == 58.3 and (q_new.kind, q_new.decimals) == ("tal", 1)
    assert q_new.problems == []
    assert q_computed.expected_expr == "facit_3" and disagreements(q_computed) == [] and q_computed.expected == 3
