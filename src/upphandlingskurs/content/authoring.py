"""Helpers for maintainers who write course and exercise notebooks in Python.

Notebooks are the source of truth; these helpers only make the nbgrader metadata consistent:

    from upphandlingskurs.content.authoring import md, code, answer, selfcheck_test, manual_answer, notebook
    nb = notebook([md("# Rubrik"), answer("svar_1", 'svar_1 = None  # …', 'svar_1 = "B"'), ...], kurs={...})
    write(nb, "solutions/01_x/01_x.ipynb")
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from upphandlingskurs.content.selfcheck import digest, infer_kind

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _nbg(grade_id: str, *, grade=False, solution=False, locked=False, points=None, task=False) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": task}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def md(text: str, *, grade_id: str | None = None, tags: list[str] | None = None):
    """A Markdown cell; with ``grade_id`` a read-only (locked) nbgrader cell."""
    cell = new_markdown_cell(text.strip("\n"))
    if grade_id:
        cell.metadata.update(_nbg(grade_id, locked=True))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def code(src: str, *, grade_id: str | None = None, tags: list[str] | None = None):
    """A plain code cell; with ``grade_id`` a read-only (locked) nbgrader cell."""
    cell = new_code_cell(src.strip("\n"))
    if grade_id:
        cell.metadata.update(_nbg(grade_id, locked=True))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def answer(grade_id: str, stub: str, solution: str):
    """An autograded answer cell: ``stub`` stays for the participant, ``solution`` is cleared by nbgrader."""
    src = f"{stub.strip()}\n### BEGIN SOLUTION\n{solution.strip()}\n### END SOLUTION"
    cell = new_code_cell(src)
    cell.metadata.update(_nbg(grade_id, solution=True))
    return cell


def selfcheck_test(grade_id: str, points: float, question: str, variable: str, correct, *,
                   kind: str | None = None, decimals: int | None = None, explanation: str,
                   hidden: str | None = None):
    """A test cell in the course's form (the shared convention of self-check and hidden test).

    The visible, hashed self-check and the hidden test use the same normalisation (``kind``, ``decimals``);
    the hidden block starts with one ``Förklaring`` line that the participant's feedback shows. ``hidden``
    adds further hidden asserts after the standard ``is_correct`` one.
    """
    if "\n" in explanation or not explanation.strip():
        raise ValueError("explanation must be one non-empty line")
    kind = kind or infer_kind(correct)
    dec = f", decimals={decimals}" if decimals is not None else ""
    number = question.split("-")[-1]
    visible = (f"# Självkontroll för fråga {question}. Kör cellen när du har svarat.\n"
               f"from upphandlingskurs import check_answer, is_correct\n"
               f'check_answer("{question}", {variable}, "{digest(question, correct, kind, decimals)}", '
               f'kind="{kind}"{dec}, name="{variable}")')
    lines = [f"print({('Förklaring: ' + explanation.strip())!r})",
             f'assert is_correct({variable}, {correct!r}, kind="{kind}"{dec}), "Fråga {number}: svaret är inte godkänt."']
    if hidden:
        lines.append(hidden.strip())
    src = f"{visible}\n### BEGIN HIDDEN TESTS\n" + "\n".join(lines) + "\n### END HIDDEN TESTS"
    cell = new_code_cell(src)
    cell.metadata.update(_nbg(grade_id, grade=True, locked=True, points=points))
    return cell


def example_answer_cell(module: str, answer_grade_id: str):
    """The locked cell after a free-text answer: a button that shows the example answer once the participant
    has written their own (and, in a workshop, once the instructor has released it with ``kurs exempelsvar``)."""
    return code("from upphandlingskurs.widgets.example_answer import example_answer_button\n"
                f'example_answer_button("{module}", "{answer_grade_id}")',
                grade_id=f"exempelsvar_{answer_grade_id}")


def manual_answer(grade_id: str, points: float, model_answer_and_rubric: str):
    """A manually graded free-text answer (Markdown). The model answer and rubric are cleared in exercises/."""
    src = f"### BEGIN SOLUTION\n{model_answer_and_rubric.strip()}\n### END SOLUTION"
    cell = new_markdown_cell(src)
    cell.metadata.update(_nbg(grade_id, grade=True, solution=True, points=points))
    return cell


def notebook(cells: list, kurs: dict | None = None):
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    if kurs:
        nb.metadata["kurs"] = kurs
    return nb


def stable_ids(nb) -> None:
    """Deterministic cell ids (grade_id, or position), so re-running an authoring script gives no git churn."""
    seen = set()
    for i, cell in enumerate(nb.cells):
        cid = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell-{i:03d}"
        while cid in seen:
            cid += "-x"
        cell.id = cid[:64]
        seen.add(cell.id)


def write(nb, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    stable_ids(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return path
