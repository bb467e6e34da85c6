"""Module 00's first widget: a contract's total value per year and per month (``decisions.contract_value``)."""
from __future__ import annotations

from upphandlingskurs.decisions.contract_value import annual_value_text
from upphandlingskurs.widgets.form import Form, NumberField


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
