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
