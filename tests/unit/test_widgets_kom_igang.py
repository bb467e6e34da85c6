"""Module 00's widget, exercised headless as a participant would use it."""
import pytest

from upphandlingskurs.parsing import InputError
from upphandlingskurs.decisions.contract_value import annual_value
from upphandlingskurs.widgets.kom_igang import arsvarde_widget


def test_annual_value():
    assert annual_value(2_400_000, 36) == pytest.approx((800_000, 66_666.67), rel=1e-6)


def test_annual_value_rejects_zero_months():
    with pytest.raises(InputError, match="minst en månad"):
        annual_value(100, 0)


def test_widget_shows_result_in_swedish_format():
    form = arsvarde_widget()
    text = form.submit(total="2 400 000", months="36")
    assert "800\u00a0000\u00a0kr per år" in text
    assert "role=\"status\"" in form.result_html


@pytest.mark.parametrize("total, months, message", [
    ("en miljon", "24", "måste vara ett tal"),
    ("-5", "24", "kan inte vara negativt"),
    ("", "24", "saknas"),
    ("1000", "0", "måste vara minst 1"),
    ("1000", "tre", "måste vara ett tal"),
])
def test_bad_input_gives_a_swedish_message_not_a_traceback(total, months, message):
    form = arsvarde_widget()
    text = form.submit(total=total, months=months)
    assert message in text
    assert form.last_result is None
    assert "Kontrollera det du skrev" in form.result_html and "Traceback" not in form.result_html


def test_all_problems_are_listed_at_once():
    form = arsvarde_widget()
    text = form.submit(total="x", months="y")
    assert text.count("måste vara ett tal") == 2


def test_a_bug_in_compute_never_shows_a_traceback():
    from upphandlingskurs.widgets.form import Form, NumberField

    def broken(x):
        raise ZeroDivisionError("boom")

    form = Form("Test", [NumberField("x", "X")], compute=broken)
    assert "Något gick fel" in form.submit(x="1")
    assert "boom" not in form.result_html


def test_every_control_has_a_visible_label():
    form = arsvarde_widget()
    for control in form.controls.values():
        assert control.description.strip()


# --- module 00's text: what a first-time participant needs (issue 13 item 5) ---------------------------------
import re
from pathlib import Path, PurePosixPath

import nbformat

REPO = Path(__file__).resolve().parents[2]
MODULE_00 = REPO / "course" / "00_kom_igang.ipynb"


def _module_00_text() -> str:
    return "\n".join(c.source for c in nbformat.read(MODULE_00, as_version=4).cells if c.cell_type == "markdown")


@pytest.mark.parametrize("term", ["Run All Cells", "Kernel Restarting", "Validate", "Assignment List", "Fetch",
                                  "Submit", "Fetch Feedback", "Download"])
def test_module_00_word_list_translates_every_interface_term(term):
    rows = [line for line in _module_00_text().splitlines() if line.startswith("|") and term in line]
    assert rows, f"{term} saknas i ordlistan"
    assert any(len([c for c in row.split("|") if c.strip()]) >= 3 for row in rows)


def test_module_00_teaches_the_three_slips_the_straight_quote_and_the_free_text_cell():
    text = _module_00_text()
    for slip in ("svar_1 = B", "800 000", "12,5", "NameError", "SyntaxError"):
        assert slip in text, slip
    assert "Shift + 2" in text and "”" in text
    assert "Skriv bara i svarscellen" in text and "nya celler räknas inte" in text
    cells = nbformat.read(MODULE_00, as_version=4).cells
    assert any(c.cell_type == "markdown" and c.source.startswith("SKRIV DITT SVAR HÄR") for c in cells)


def test_module_00_links_the_exercise_for_the_laptop_and_the_hub_layout():
    """Laptop: the repository's exercises/ folder. Hub: the course is copied to ~/kurs/course/ and nbgrader's
    Fetch puts the exercise in ~/<assignment>/ (the notebook server's root is the home folder)."""
    from upphandlingskurs.hub.admin import COURSE_FOLDER, PARTICIPANT_ITEMS

    links = set(re.findall(r"\]\(([^)]+\.ipynb)\)", _module_00_text()))
    laptop = "../exercises/00_kom_igang/00_kom_igang.ipynb"
    assert laptop in links and (MODULE_00.parent / laptop).resolve().exists()
    assert "exercises" not in PARTICIPANT_ITEMS  # so on the hub the exercise comes only through Fetch
    on_hub = PurePosixPath("/home/deltagare") / COURSE_FOLDER / "course"
    hub = next(link for link in links if link.startswith("../../"))
    resolved = PurePosixPath(*[p for p in (on_hub / hub).parts])
    parts = []
    for part in resolved.parts:
        parts = parts[:-1] if part == ".." else parts + [part]
    assert PurePosixPath(*parts) == PurePosixPath("/home/deltagare/00_kom_igang/00_kom_igang.ipynb")
    assert "00_kom_igang/00_kom_igang.ipynb" in _module_00_text() and "bredvid mappen `kurs`" in _module_00_text()
