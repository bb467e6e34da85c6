"""Module 04's sensitivity widget: a thin Form view on ``decisions.social_value``.

The default value per person comes from data/samhallsekonomiska_parametrar.csv (Upphandlingsmyndigheten's
worked example), never typed into the code.
"""
from __future__ import annotations

from upphandlingskurs import format as fmt
from upphandlingskurs.decisions.social_value import sensitivity_text
from upphandlingskurs.widgets.form import Form, NumberField

VALUE_PARAMETER = "vinst_per_person_12_man"


def kansla_widget(default_value: float | None = None) -> Form:
    """The sensitivity widget of module 04."""
    if default_value is None:
        from upphandlingskurs.content.data import parameter
        default_value = parameter(VALUE_PARAMETER)
    return Form(
        "Prova: hur stort är det samhällsekonomiska värdet?",
        [NumberField("persons", "Antal personer som fått arbete", default="10", minimum=0, maximum=100_000, integer=True,
                     placeholder="t.ex. 10"),
         NumberField("value_per_person_year", "Värde per person och år (kr)", default=fmt.number(default_value),
                     minimum=0, placeholder="t.ex. 200 000"),
         NumberField("years", "Antal år", default="1", minimum=0.25, maximum=40, placeholder="t.ex. 1"),
         NumberField("deadweight_pct", "Dödvikt: andel som hade fått jobb ändå (%)", default="0", minimum=0,
                     maximum=100, placeholder="0–100"),
         NumberField("displacement_pct", "Undanträngning: andel jobb som tog plats från andra (%)", default="0",
                     minimum=0, maximum=100, placeholder="0–100")],
        compute=sensitivity_text,
        button="Räkna",
        intro="Fyll i fälten och klicka på **Räkna**. Värdet per person är Upphandlingsmyndighetens räkneexempel "
              "(ett golv för en viss målgrupp). Ändra dödvikt och undanträngning och se hur mycket av värdet som finns kvar.",
    )
