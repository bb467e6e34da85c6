"""Module 00's first widget: turn a contract's total value into a value per year and per month."""
from __future__ import annotations

from upphandlingskurs import format as fmt
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import Form, NumberField


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


def arsvarde_widget() -> Form:
    return Form(
        "Prova: kontraktsvärde per år",
        [NumberField("total", "Kontraktets totala värde (kr)", default="1 200 000", minimum=0,
                     placeholder="t.ex. 1 200 000"),
         NumberField("months", "Avtalstid (månader)", default="24", minimum=1, maximum=240,
                     placeholder="t.ex. 24")],
        compute=annual_value_text,
        button="Räkna",
        intro="Skriv ett belopp och en avtalstid och klicka på **Räkna**. Prova också att skriva "
              "något som inte är ett tal – då får du ett meddelande i stället för ett fel.",
    )
