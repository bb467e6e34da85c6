"""Module 00: a contract's total value as a value per year and per month (the first widget's arithmetic)."""
from __future__ import annotations

from upphandlingskurs import format as fmt
from upphandlingskurs.parsing import InputError


def annual_value(total_kr: float, months: float) -> tuple[float, float]:
    """(value per year, value per month) of a contract worth ``total_kr`` over ``months``."""
    if total_kr < 0:
        raise InputError("Kontraktsvärdet kan inte vara negativt.")
    if months <= 0:
        raise InputError("Avtalstiden måste vara minst en månad.")
    per_month = total_kr / months
    return per_month * 12, per_month


def annual_value_text(total: float, months: float) -> str:
    per_year, per_month = annual_value(total, months)
    years = months / 12
    return (f"Ett kontrakt på **{fmt.kr(total)}** under **{fmt.number(months)} månader** "
            f"({fmt.number(years, 1)} år) motsvarar **{fmt.kr(per_year)} per år** "
            f"och {fmt.kr(per_month)} per månad.")
