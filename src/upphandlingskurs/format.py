"""Swedish formatting of numbers, money, percentages and dates through Babel (never by hand)."""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALE = "sv_SE"


def number(value: float | int | Decimal, decimals: int = 0) -> str:
    """`1234567.5` -> `1 234 568` (or with `decimals`: `1 234 567,5`)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def kr(value: float | int | Decimal, decimals: int = 0) -> str:
    """Amount in Swedish kronor: `1 234 567 kr`."""
    return f"{number(value, decimals)}\u00a0kr"


def euro(value: float | int | Decimal) -> str:
    """Amount in euro: `216 000 euro`."""
    return f"{number(value)}\u00a0euro"


def percent(value: float | int | Decimal, decimals: int = 1, *, fraction: bool = True) -> str:
    """`0.125` -> `12,5 %`. With ``fraction=False`` the value is already in percent (`30` -> `30 %`)."""
    if not fraction:
        value = Decimal(str(value)) / 100
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "") + "\u00a0%"
    return format_percent(value, format=pattern, locale=LOCALE)


def date(value: _dt.date | str) -> str:
    """`2026-01-01` -> `1 januari 2026`."""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value)
    return format_date(value, format="long", locale=LOCALE)
