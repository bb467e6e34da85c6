"""Module 05's widgets: the participant's municipality in figures, and the local action plan to take home.

Two thin Form views on ``documents.action_plan`` (the figures and the plan's sections, written as a document).
"""
from __future__ import annotations

from pathlib import Path

from upphandlingskurs import format as fmt
from upphandlingskurs.content.data import GR_MUNICIPALITIES
from upphandlingskurs.documents.action_plan import CHECK_POPULATION, DEFAULT_FOLDER, municipality_profile, save_plan
from upphandlingskurs.documents.writer import FORMAT_LABELS
from upphandlingskurs.widgets.form import ChoiceField, DocumentForm, Form, TextField, shown_path


def profile_text(kommun: str) -> str:
    p = municipality_profile(kommun)
    lines = [
        f"### {p['kommun']}",
        f"**Folkmängd:** {fmt.number(p['folkmangd'])} invånare den {fmt.date(p['datum'])} "
        f"(verklig uppgift; källa: [{p['kalla']}]({p['url']})).",
    ]
    if p["anmarkning"]:
        lines.append(f"*{p['anmarkning']}*")
    lines.append(CHECK_POPULATION)
    lines += ["", "**Avtal i kursens uppföljningsfil – syntetiska (påhittade) uppgifter, inte kommunens verkliga avtal:**", ""]
    if not p["antal_avtal"]:
        lines.append("Filen har inga avtal för kommunen.")
        return "\n".join(lines)
    goal = fmt.percent(p["maluppfyllelse"]) if p["maluppfyllelse"] is not None else "–"
    lines += [
        f"- {fmt.number(p['antal_avtal'])} avtal med sysselsättningskrav",
        f"- krav på {fmt.number(p['krav_platser'])} platser, {fmt.number(p['tillsatta_platser'])} tillsatta efter ett år "
        f"({goal} av kravet, bland avtal som rapporterat)",
        f"- uppgift om arbete efter 12 månader saknas för {fmt.percent(p['saknar_12_man'])} av avtalen",
        "",
        "| Bransch | Antal avtal |", "|---|---|",
        *[f"| {b} | {fmt.number(n)} |" for b, n in p["per_bransch"].items()],
    ]
    return "\n".join(lines)


def kommun_widget() -> Form:
    return Form(
        "Välj din kommun",
        [ChoiceField("kommun", "Kommun", list(GR_MUNICIPALITIES), default="Göteborg")],
        compute=profile_text,
        button="Visa kommunen",
        intro="Välj kommun och klicka på **Visa kommunen**. Folkmängden är verklig; avtalen är påhittade övningsdata.",
    )


def saved_text(path: Path, format: str, folder: str | Path = DEFAULT_FOLDER) -> str:
    return (f"**Klart!** Planen är sparad i filen `{shown_path(path)}` ({FORMAT_LABELS[format]}). "
            "Ladda ner den med länken nedanför, eller öppna mappen "
            f"*{Path(folder).name}* i filbläddraren till vänster, högerklicka på filen och välj **Download**.")


def plan_widget(folder: str | Path = DEFAULT_FOLDER) -> Form:
    form: DocumentForm

    def compute(format: str, **values) -> str:
        path = save_plan(**values, format=format, folder=folder)
        form.saved = path
        return saved_text(path, format, folder)

    form = DocumentForm(
        "Bygg din handlingsplan",
        [ChoiceField("kommun", "Kommun", list(GR_MUNICIPALITIES), default="Göteborg"),
         TextField("prioriteringar", "Prioriteringar (en per rad, högst tre)", multiline=True,
                   placeholder="t.ex. Sysselsättningskrav i lokalvård"),
         TextField("forsta_upphandling", "Första upphandlingen att pröva", multiline=True,
                   placeholder="t.ex. Lokalvård i skolor, avtalet går ut om ett år"),
         TextField("matchningsansvarig", "Matchningsansvarig (funktion eller enhet, inget namn)",
                   placeholder="t.ex. arbetsmarknadsenheten"),
         TextField("iop_kandidater", "Kandidater för IOP (en per rad, kan lämnas tomt)", multiline=True,
                   required=False, placeholder="t.ex. kvinnojour, arbetsträning"),
         TextField("uppfoljning", "Uppföljning (mått och tidpunkter, en per rad)", multiline=True,
                   placeholder="t.ex. Kvartalsrapport från leverantören"),
         ChoiceField("format", "Filformat", [(label, key) for key, label in FORMAT_LABELS.items()], default="docx")],
        compute=compute,
        button="Skapa planen",
        intro="Fyll i fälten och klicka på **Skapa planen**. Filen sparas i mappen "
              f"`{Path(folder).name}` bredvid den här notebooken. Skriv roller och enheter – inga namn eller telefonnummer.",
    )
    return form
