"""Module 04: the socio-economic value of employment requirements, and how sensitive it is to the assumptions.

``socio_economic_value`` does the arithmetic; ``sensitivity_text`` explains it in Swedish, with a small table
that shows how the answer moves with deadweight and displacement. The value per person comes from
data/samhallsekonomiska_parametrar.csv (Upphandlingsmyndigheten's worked example), never typed into the code.
"""
from __future__ import annotations

from dataclasses import dataclass

from upphandlingskurs import format as fmt
from upphandlingskurs.parsing import InputError


@dataclass(frozen=True)
class SocioEconomicValue:
    gross: float            # persons × value per person-year × years
    after_deadweight: float  # minus what would have happened anyway
    net: float              # minus jobs pushed out elsewhere (displacement)


def socio_economic_value(persons: float, value_per_person_year: float, years: float = 1,
                         deadweight_pct: float = 0, displacement_pct: float = 0) -> SocioEconomicValue:
    """A simple socio-economic estimate and how deadweight and displacement shrink it.

    ``deadweight_pct``: share (0–100) of the persons who would have found the same work anyway.
    ``displacement_pct``: share (0–100) of the jobs that only moved work away from someone else.
    """
    if persons < 0:
        raise InputError("Antal personer kan inte vara negativt.")
    if value_per_person_year < 0:
        raise InputError("Värdet per person och år kan inte vara negativt.")
    if years <= 0:
        raise InputError("Antal år måste vara större än noll.")
    for label, pct in (("Dödviktsandelen", deadweight_pct), ("Undanträngningsandelen", displacement_pct)):
        if not 0 <= pct <= 100:
            raise InputError(f"{label} måste ligga mellan 0 och 100 procent.")
    gross = persons * value_per_person_year * years
    after_deadweight = gross * (1 - deadweight_pct / 100)
    net = after_deadweight * (1 - displacement_pct / 100)
    return SocioEconomicValue(gross, after_deadweight, net)


def sensitivity_text(persons: float, value_per_person_year: float, years: float,
                     deadweight_pct: float, displacement_pct: float) -> str:
    r = socio_economic_value(persons, value_per_person_year, years, deadweight_pct, displacement_pct)
    lines = [
        f"**Bruttovärde:** {fmt.number(persons)} personer × {fmt.kr(value_per_person_year)} × "
        f"{fmt.number(years, 1 if years % 1 else 0)} år = **{fmt.kr(r.gross)}**.",
        f"- Efter avdrag för dödvikt ({fmt.percent(deadweight_pct, fraction=False)} hade fått jobb ändå): {fmt.kr(r.after_deadweight)}",
        f"- Efter avdrag även för undanträngning ({fmt.percent(displacement_pct, fraction=False)} av jobben tog plats från någon annan): "
        f"**{fmt.kr(r.net)}** (nettovärde)",
        "",
        "**Hur känsligt är svaret?** Nettovärdet med andra antaganden:",
        "",
        "| Dödvikt | Undanträngning 0 % | 25 % | 50 % |",
        "|---|---|---|---|",
    ]
    for dw in (0, 25, 50):
        cells = [fmt.kr(socio_economic_value(persons, value_per_person_year, years, dw, dp).net) for dp in (0, 25, 50)]
        lines.append(f"| {fmt.percent(dw, fraction=False)} | " + " | ".join(cells) + " |")
    share = r.net / r.gross if r.gross else 1
    lines += ["", f"Med dina antaganden återstår {fmt.percent(share)} av bruttovärdet. "
              "Dödvikt och undanträngning är **antaganden** som du själv gör – inga uppmätta fakta. "
              "Långsiktiga effekter (till exempel att en person stannar kvar i arbete i många år) finns inte med alls."]
    if years != 1:
        lines.append("Räkneexemplet gäller 12 månader. Att värdet blir lika stort varje år är ditt eget antagande.")
    return "\n".join(lines)
