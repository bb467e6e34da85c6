"""Parse what participants type into widgets: Swedish numbers, with clear Swedish errors."""
from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from upphandlingskurs.format import LOCALE


class InputError(ValueError):
    """Bad input from a participant. ``str(err)`` is a plain Swedish message for the widget."""


_UNITS = re.compile(r"(kr|kronor|sek|euro|eur|€|%|procent|st|månader|mån|år)\.?$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")


def parse_number(text, label: str = "Värdet", *, minimum: float | None = None, maximum: float | None = None,
                 integer: bool = False, allow_empty: bool = False) -> Decimal | None:
    """`"1 234 567,50 kr"` -> Decimal('1234567.50'). Raises InputError with a Swedish message."""
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        value = Decimal(str(text))
    else:
        raw = "" if text is None else str(text).strip()
        if not raw:
            if allow_empty:
                return None
            raise InputError(f"{label} saknas. Skriv ett tal.")
        cleaned = _SPACES.sub("", _UNITS.sub("", raw.strip()).strip())
        if cleaned.count(".") == 1 and "," not in cleaned:
            cleaned = cleaned.replace(".", ",")  # 12.5 typed with a dot
        try:
            value = parse_decimal(cleaned, locale=LOCALE, strict=False)
        except NumberFormatError:
            raise InputError(f"{label} måste vara ett tal, men du skrev \u201d{raw}\u201d. Skriv till exempel 1 500 000.") from None
    if not value.is_finite():
        raise InputError(f"{label} måste vara ett vanligt tal.")
    if integer and value != value.to_integral_value():
        raise InputError(f"{label} måste vara ett heltal.")
    if minimum is not None and value < Decimal(str(minimum)):
        if minimum == 0:
            raise InputError(f"{label} kan inte vara negativt.")
        raise InputError(f"{label} måste vara minst {_plain(minimum)}.")
    if maximum is not None and value > Decimal(str(maximum)):
        raise InputError(f"{label} får vara högst {_plain(maximum)}.")
    return value


def _plain(x) -> str:
    from upphandlingskurs.format import number
    return number(x, 0 if float(x).is_integer() else 2)


def require_text(text, label: str = "Texten", *, min_length: int = 1) -> str:
    value = "" if text is None else str(text).strip()
    if len(value) < min_length:
        raise InputError(f"{label} saknas. Skriv något i fältet.")
    return value
