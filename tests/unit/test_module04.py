"""Module 04: the socio-economic value function and its sensitivity widget (headless)."""
import pytest

from upphandlingskurs.parsing import InputError
from upphandlingskurs.decisions.social_value import sensitivity_text, socio_economic_value
from upphandlingskurs.widgets.uppfoljning import kansla_widget


def test_gross_value_is_persons_times_value_times_years():
    r = socio_economic_value(10, 200_000, 2)
    assert r.gross == r.after_deadweight == r.net == 4_000_000


def test_deadweight_and_displacement_shrink_the_value_one_after_the_other():
    r = socio_economic_value(10, 200_000, 1, deadweight_pct=25, displacement_pct=50)
    assert r.gross == 2_000_000
    assert r.after_deadweight == pytest.approx(1_500_000)
    assert r.net == pytest.approx(750_000)
    assert socio_economic_value(10, 200_000, 1, 100, 0).net == 0


@pytest.mark.parametrize("args, message", [
    ((-1, 200_000, 1, 0, 0), "Antal personer kan inte vara negativt"),
    ((1, -5, 1, 0, 0), "Värdet per person"),
    ((1, 5, 0, 0, 0), "Antal år"),
    ((1, 5, 1, 120, 0), "Dödviktsandelen"),
    ((1, 5, 1, 0, -1), "Undanträngningsandelen"),
])
def test_impossible_values_are_refused_in_swedish(args, message):
    with pytest.raises(InputError, match=message):
        socio_economic_value(*args)


def test_text_has_swedish_numbers_a_sensitivity_table_and_the_caveat():
    text = sensitivity_text(10, 200_000, 1, 25, 0)
    assert "2\u00a0000\u00a0000\u00a0kr" in text and "1\u00a0500\u00a0000\u00a0kr" in text
    assert "| Dödvikt | Undanträngning 0 % | 25 % | 50 % |" in text
    assert "antaganden" in text and "Långsiktiga effekter" in text


def test_text_says_deductions_plainly_and_flags_years_beyond_the_worked_example():
    one_year = sensitivity_text(10, 200_000, 1, 25, 10)
    assert "Efter avdrag för dödvikt" in one_year and "Efter avdrag även för undanträngning" in one_year
    assert "Utan dödvikt" not in one_year and "ditt eget antagande" not in one_year
    assert "Räkneexemplet gäller 12 månader" in sensitivity_text(10, 200_000, 3, 0, 0)


def test_widget_default_value_comes_from_the_data_file():
    form = kansla_widget()
    assert form.controls["value_per_person_year"].value == "200\u00a0000"


def test_widget_good_input_typed_the_swedish_way():
    form = kansla_widget(200_000)
    out = form.submit(persons="75", value_per_person_year="200 000 kr", years="1", deadweight_pct="20",
                      displacement_pct="10,5")
    assert form.last_error is None
    assert "15\u00a0000\u00a0000\u00a0kr" in out          # gross 75 × 200 000
    assert "10\u00a0740\u00a0000\u00a0kr" in out          # 15 000 000 × 0.8 × 0.895
    assert "role=\"status\"" in form.result_html


@pytest.mark.parametrize("field, raw, message", [
    ("persons", "-3", "kan inte vara negativt"),
    ("persons", "", "saknas"),
    ("persons", "tio", "måste vara ett tal"),
    ("persons", "2,5", "heltal"),
    ("deadweight_pct", "150", "högst 100"),
    ("years", "0", "minst"),
    ("value_per_person_year", "mycket", "måste vara ett tal"),
])
def test_widget_bad_input_gives_a_swedish_message_not_a_traceback(field, raw, message):
    form = kansla_widget(200_000)
    out = form.submit(**{field: raw})
    assert form.last_result is None
    assert message in out
    assert "Traceback" not in form.result_html and "role=\"alert\"" in form.result_html
