from decimal import Decimal

import pytest

from upphandlingskurs.parsing import InputError, parse_number, require_text


@pytest.mark.parametrize("raw, expected", [
    ("1 234 567", Decimal("1234567")),
    ("1\u00a0234\u00a0567 kr", Decimal("1234567")),
    ("12,5", Decimal("12.5")),
    ("12.5", Decimal("12.5")),
    ("  700000  ", Decimal("700000")),
    ("30 %", Decimal("30")),
    (24, Decimal("24")),
])
def test_accepts_how_swedes_write_numbers(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw, message", [
    ("", "saknas"),
    (None, "saknas"),
    ("en miljon", "måste vara ett tal"),
    ("-5", "kan inte vara negativt"),
])
def test_bad_input_gives_swedish_message(raw, message):
    with pytest.raises(InputError, match=message):
        parse_number(raw, "Beloppet", minimum=0)


def test_message_names_the_field():
    with pytest.raises(InputError, match="^Avtalstid"):
        parse_number("tre", "Avtalstid")


def test_integer_and_bounds():
    with pytest.raises(InputError, match="heltal"):
        parse_number("2,5", integer=True)
    with pytest.raises(InputError, match="högst"):
        parse_number("300", maximum=240)
    with pytest.raises(InputError, match="minst"):
        parse_number("0", minimum=1)


def test_empty_allowed_when_asked():
    assert parse_number(" ", allow_empty=True) is None


def test_require_text():
    assert require_text("  Hej ") == "Hej"
    with pytest.raises(InputError, match="saknas"):
        require_text("   ", "Namnet")
