"""content/authoring.py writes test cells in the course's form: the visible check and the hidden test agree."""
import linecache

import pytest

from upphandlingskurs.content.authoring import example_answer_cell, selfcheck_test
from upphandlingskurs.content.selfcheck import SelfCheckFailed


def _run(cell, **answers):
    """Run the cell as IPython does: its source is in linecache, so the check can read the hidden block."""
    name = f"<cell {id(cell)}>"
    linecache.cache[name] = (len(cell.source), None, cell.source.splitlines(True), name)
    exec(compile(cell.source, name, "exec"), dict(answers))


@pytest.mark.parametrize("given", ["ACD", "a, c, d", "D C A", "c och a och d"])
def test_letters_cell_accepts_every_form_of_the_right_answer(given, capsys):
    cell = selfcheck_test("test_svar_4", 2, "99-4", "svar_4", "ACD", kind="bokstäver",
                          explanation="A, C och D är tecken på ett köp.")
    _run(cell, svar_4=given)
    out = capsys.readouterr().out
    assert "Förklaring: A, C och D är tecken på ett köp." in out
    assert cell.metadata["nbgrader"]["points"] == 2 and cell.metadata["nbgrader"]["locked"]


def test_wrong_answer_fails_the_visible_check_and_still_explains(capsys):
    cell = selfcheck_test("test_svar_4", 2, "99-4", "svar_4", "ACD", kind="bokstäver", explanation="Därför.")
    with pytest.raises(SelfCheckFailed):
        _run(cell, svar_4="AB")
    assert "Förklaring: Därför." in capsys.readouterr().out


def test_number_cell_rounds_as_stated():
    cell = selfcheck_test("test_svar_7", 1, "99-7", "svar_7", 61.3, kind="tal", decimals=1, explanation="x")
    _run(cell, svar_7=61.2857)
    with pytest.raises(SelfCheckFailed):
        _run(cell, svar_7=60)


def test_explanation_must_be_one_line():
    with pytest.raises(ValueError):
        selfcheck_test("t", 1, "99-1", "svar_1", "A", explanation="två\nrader")


def test_example_answer_cell_is_locked_and_names_the_answer():
    cell = example_answer_cell("03", "svar_9")
    assert cell.metadata["nbgrader"]["grade_id"] == "exempelsvar_svar_9"
    assert cell.metadata["nbgrader"]["locked"] is True
    assert 'example_answer_button("03", "svar_9")' in cell.source
