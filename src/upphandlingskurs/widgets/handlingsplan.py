"""Module 05: the participant's municipality in figures, and a local action plan to take home.

Pure functions build the text and the document sections; two thin Form views show them. The plan is
written with ``upphandlingskurs.documents`` (Word, Markdown or HTML) into ``mina_dokument/``, which is
git-ignored because a plan may hold names and local details.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from upphandlingskurs import format as fmt
from upphandlingskurs.data import GR_MUNICIPALITIES, clean_followup, load_followup, load_municipalities
from upphandlingskurs.documents import FORMAT_LABELS, Section, unique_path, write_document
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import ChoiceField, Form, TextField
from upphandlingskurs.widgets.iop import DocumentForm, _shown

DEFAULT_FOLDER = "mina_dokument"
_PHONE = re.compile(r"(\+46|\b0)[\d\s\-]{6,}\d")
_EMAIL = re.compile(r"\S+@\S+\.\w+")


# -- the municipality in figures --------------------------------------------------------------------
def municipality_profile(kommun: str, municipalities: pd.DataFrame | None = None,
                         followup: pd.DataFrame | None = None) -> dict:
    """Population (real, with date and source) and the municipality's contracts in the SYNTHETIC dataset."""
    if kommun not in GR_MUNICIPALITIES:
        raise InputError(f"\u201d{kommun}\u201d är inte en av GR:s 13 kommuner. Välj en kommun i listan.")
    municipalities = load_municipalities() if municipalities is None else municipalities
    followup = clean_followup(load_followup()) if followup is None else followup
    row = municipalities.set_index("kommun").loc[kommun]
    own = followup[followup["kommun"] == kommun]
    reported = own.dropna(subset=["tillsatta_kv4"])
    required = int(reported["krav_antal_platser"].sum())
    filled = int(reported["tillsatta_kv4"].sum())
    return {
        "kommun": kommun,
        "folkmangd": int(row["folkmangd"]),
        "datum": pd.Timestamp(row["datum"]).date(),
        "kalla": row["kalla"],
        "url": row["url"],
        "anmarkning": "" if pd.isna(row["anmarkning"]) else row["anmarkning"],
        "antal_avtal": len(own),
        "krav_platser": required,
        "tillsatta_platser": filled,
        "maluppfyllelse": filled / required if required else None,
        "saknar_12_man": float(own["i_arbete_12_man"].isna().mean()) if len(own) else None,
        "per_bransch": own.groupby("bransch").size().sort_values(ascending=False).to_dict(),
    }


def profile_text(kommun: str) -> str:
    p = municipality_profile(kommun)
    lines = [
        f"### {p['kommun']}",
        f"**Folkmängd:** {fmt.number(p['folkmangd'])} invånare den {fmt.date(p['datum'])} "
        f"(verklig uppgift; källa: [{p['kalla']}]({p['url']})).",
    ]
    if p["anmarkning"]:
        lines.append(f"*{p['anmarkning']}*")
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


# -- the action plan --------------------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    """One bullet per line; leading dashes, bullets and numbers that people type are removed."""
    out = []
    for line in str(text or "").splitlines():
        line = re.sub(r"^\s*([-*•]|\d+[.)])\s*", "", line).strip()
        if line:
            out.append(line)
    return out


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")


def check_no_contact_details(label: str, text: str) -> None:
    if _PHONE.search(text or "") or _EMAIL.search(text or ""):
        raise InputError(f"{label}: skriv en roll eller en enhet (till exempel \u201darbetsmarknadsenheten\u201d), "
                         "inte telefonnummer eller e-postadress. Planen kan komma att delas.")


def build_plan(kommun: str, prioriteringar: str, forsta_upphandling: str, matchningsansvarig: str,
               iop_kandidater: str, uppfoljning: str) -> tuple[str, list[Section]]:
    """Title and sections of the action plan. Raises InputError with Swedish messages."""
    if kommun not in GR_MUNICIPALITIES:
        raise InputError("Välj en av GR:s 13 kommuner.")
    problems = []
    priorities = _lines(prioriteringar)
    if not priorities:
        problems.append("Prioriteringar saknas. Skriv minst en prioritering, en per rad.")
    elif len(priorities) > 5:
        problems.append("Välj högst fem prioriteringar – en plan med allt prioriterat har inga prioriteringar.")
    if not str(forsta_upphandling or "").strip():
        problems.append("Första upphandlingen att pröva saknas.")
    if not str(matchningsansvarig or "").strip():
        problems.append("Matchningsansvarig saknas. Skriv vilken funktion eller enhet som ska ha rollen.")
    if not _lines(uppfoljning):
        problems.append("Uppföljning saknas. Skriv minst ett mått eller en aktivitet, en per rad.")
    for label, text in (("Matchningsansvarig", matchningsansvarig), ("Första upphandlingen", forsta_upphandling),
                        ("IOP-kandidater", iop_kandidater), ("Prioriteringar", prioriteringar),
                        ("Uppföljning", uppfoljning)):
        try:
            check_no_contact_details(label, text)
        except InputError as e:
            problems.append(str(e))
    if problems:
        raise InputError("\n".join(problems))

    p = municipality_profile(kommun)
    candidates = _lines(iop_kandidater)
    title = f"Handlingsplan för socialt ansvarsfull upphandling och IOP – {kommun}"
    sections = [
        Section("Utgångsläge", [
            f"{kommun} hade {fmt.number(p['folkmangd'])} invånare den {fmt.date(p['datum'])}. Källa: {p['kalla']}."
            + (f" {p['anmarkning']}" if p["anmarkning"] else ""),
            "Komplettera med kommunens egna uppgifter: vilka avtal som redan har sysselsättningskrav, hur de "
            "följs upp och vilka samarbeten med idéburna organisationer som finns.",
        ]),
        Section("Prioriteringar", bullets=priorities),
        Section("Första upphandlingen att pröva", [forsta_upphandling.strip()], bullets=[
            "Bedöm antal platser utifrån kontraktets omfattning och längd (proportionalitet).",
            "Välj villkorsvariant: anställning eller praktik, eller dialog (Upphandlingsmyndighetens modell).",
            "Skriv in i avtalet vad leverantören ska rapportera, när och i vilken mall.",
        ]),
        Section("Matchningsansvarig", [matchningsansvarig.strip()]),
        Section("Kandidater för IOP", bullets=candidates or ["Inga kandidater ännu – pröva frågan igen efter ett år."],
                paragraphs=["Pröva för varje kandidat om IOP, föreningsbidrag, upphandling eller reserverad "
                            "upphandling passar bäst (modul 03). Ett avtal där kommunen beställer en bestämd "
                            "tjänst mot ersättning kan vara ett kontrakt som ska upphandlas, även om det kallas IOP "
                            "(jfr HFD 2020:15, som gällde den dåvarande upphandlingslagen)."]),
        Section("Uppföljning", bullets=_lines(uppfoljning) + [
            "Mål: antal platser och målgrupp enligt avtalet.",
            "Tillsatta platser i slutet av varje kvartal.",
            "Antal i arbete 6 och 12 månader efter platsen.",
        ]),
        Section("Nästa steg", bullets=[
            "Förankra planen hos ledningen: enligt Upphandlingsmyndigheten börjar arbetet med ett beslut i ledningen.",
            "Boka ett första möte mellan upphandlare, beställare och matchningsansvarig.",
            "Stöd: Upphandlingsmyndigheten, \u201dUpphandling med mål att öka sysselsättningen\u201d "
            "(upphandlingsmyndigheten.se).",
        ]),
    ]
    return title, sections


def save_plan(kommun: str, prioriteringar: str, forsta_upphandling: str, matchningsansvarig: str,
              iop_kandidater: str, uppfoljning: str, format: str = "docx", folder: str | Path = DEFAULT_FOLDER) -> Path:
    """Build the plan and write it to a new file in ``folder`` (an earlier plan is never overwritten)."""
    title, sections = build_plan(kommun, prioriteringar, forsta_upphandling, matchningsansvarig,
                                 iop_kandidater, uppfoljning)
    target = unique_path(folder, f"handlingsplan_{_slug(kommun)}", format)
    try:
        return write_document(title, sections, target, format)
    except OSError as e:
        raise InputError(f"Det gick inte att spara planen i mappen {folder}: {e.strerror or e}. "
                         "Det du skrev finns kvar i formuläret; försök igen eller välj ett annat format.") from None


def saved_text(path: Path, format: str, folder: str | Path = DEFAULT_FOLDER) -> str:
    return (f"**Klart!** Planen är sparad i filen `{_shown(path)}` ({FORMAT_LABELS[format]}). "
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
         TextField("prioriteringar", "Prioriteringar (en per rad, högst fem)", multiline=True,
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
