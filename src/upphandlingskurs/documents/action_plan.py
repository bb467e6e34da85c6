"""Module 05: the local action plan participants take home, and the municipality's figures it starts from.

``municipality_profile`` gives the population (real, with date and source) and the municipality's contracts in the
course's SYNTHETIC follow-up file; ``build_plan`` turns the participant's answers into the plan's sections and
``save_plan`` writes them with ``documents.writer`` (Word, Markdown or HTML) into ``mina_dokument/``, which is
git-ignored because a plan may hold names and local details. Bad input raises InputError with Swedish messages.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from upphandlingskurs import format as fmt
from upphandlingskurs.content.data import GR_MUNICIPALITIES, clean_followup, load_followup, load_municipalities
from upphandlingskurs.documents.writer import Section, unique_path, write_document
from upphandlingskurs.parsing import InputError

DEFAULT_FOLDER = "mina_dokument"
MAX_PRIORITIES = 3  # the same limit in module 05, its exercise (question 4) and the plan widget
_PHONE = re.compile(r"(\+46|\b0)[\d\s\-]{6,}\d")
_EMAIL = re.compile(r"\S+@\S+\.\w+")


# -- the plan's fixed text: it goes home and is used at work as it comes out, so every legal statement names its
# lagrum or source (legal review of module 05 and the action plan, items 1-4, 6, 10 and 12).
CHECK_POPULATION = "Kontrollera den senaste siffran hos SCB innan planen används."
FIRST_PROCUREMENT_BULLETS = [
    "Bedöm antal platser utifrån kontraktets omfattning och längd (proportionalitet, 4 kap. 1 § LOU).",
    "Kravet är ett särskilt kontraktsvillkor: det ska ha anknytning till det som upphandlas och får inte "
    "diskriminera (17 kap. 1 § och 4 kap. 1 § LOU; vid upphandling inom försörjningssektorerna (till exempel "
    "vatten och energi): 16 kap. 1 § LUF; "
    "jfr artikel 70 i direktiv 2014/24/EU).",
    "Ett krav på att personerna ska bo i kommunen är inte tillåtet. Det missgynnar leverantörer och arbetssökande "
    "utan lokal anknytning och strider mot principerna om icke-diskriminering och likabehandling (4 kap. 1 § LOU). "
    "Villkoret ska gälla lika för alla anbudsgivare och får inte missgynna utländska anbudsgivare "
    "(Upphandlingsmyndigheten, Juridiska förutsättningar).",
    "Beskriv målgruppen utifrån ställningen på arbetsmarknaden, till exempel personer som har varit arbetslösa "
    "länge. Låt leverantören rekrytera ur målgruppen på den väg den väljer, till exempel via Arbetsförmedlingen, "
    "Eures, kommunens arbetsmarknadsenhet eller på egen hand. Den matchningsansvariga erbjuder stöd men är inte "
    "den enda vägen (Upphandlingsmyndigheten, Rekrytering av person från avsedda målgruppen).",
    "Välj villkorsvariant: anställning eller praktik, eller dialog (Upphandlingsmyndighetens modell).",
    "Skriv i upphandlingsdokumenten vilket villkor och vilken målgrupp som gäller, hur matchningen går till, vad "
    "leverantören ska rapportera (när och i vilken mall) och vilka sanktioner som gäller vid brister. Då blir det en "
    "del av avtalet "
    "(17 kap. 1 § LOU; Upphandlingsmyndigheten, Juridiska förutsättningar). Ett krav som läggs till först efter "
    "tilldelningen är en ändring av kontraktet, och ett upphandlat kontrakt får som huvudregel inte ändras utan en "
    "ny upphandling (17 kap. 9–14 §§ LOU; Upphandlingsmyndigheten, Ändringar av avtal).",
]
IOP_TEST = (
    "IOP är ingen egen rättslig form och är inte reglerat i lag. Pröva därför först om avtalet är ett kontrakt som "
    "ska upphandlas: åtar sig organisationen att utföra en bestämd tjänst åt kommunen mot ersättning är det ett köp, "
    "även om avtalet kallas IOP (jfr HFD 2020:15, som gällde den dåvarande upphandlingslagen). IOP kan användas när "
    "samarbetet inte är ett köp och ett vanligt föreningsbidrag inte räcker. Är verksamheten en uppgift som kommunen "
    "är skyldig att utföra enligt lag, eller finns det en marknad för den, passar IOP sämre; pröva då särskilt "
    "upphandling, eventuellt reserverad för idéburna organisationer (19 kap. 25 a § LOU). Pröva också "
    "statsstödsreglerna och kommunallagen (modul 03; Upphandlingsmyndigheten, Frågeportalen: IOP)."
)
FOLLOW_UP_BULLETS = [
    "Mål: antal platser och målgrupp enligt avtalet.",
    "Tillsatta platser i slutet av varje kvartal.",
    "Antal personer (inte namn) i arbete 6 och 12 månader efter platsen. Den uppföljningen gör kommunen, till "
    "exempel arbetsmarknadsenheten, med personens medverkan – inte leverantören (kursens kravbilaga, del B).",
    "Leverantören rapporterar antal, inte namn, där det räcker (uppgiftsminimering, artikel 5.1 c i "
    "dataskyddsförordningen). Uppgifter om enskilda, till exempel om en person har arbete 6 och 12 månader efter "
    "platsen, är personuppgifter och kan omfattas av sekretess inom socialtjänsten (26 kap. 1 § offentlighets- och "
    "sekretesslagen). Bestäm i förväg den rättsliga grunden, hur personerna informeras och vem som får se vad "
    "(artiklarna 6, 13 och 14 i dataskyddsförordningen), gärna tillsammans med dataskyddsombudet.",
]
SOURCES = [
    "Lagen (2016:1145) om offentlig upphandling (LOU): https://www.riksdagen.se/sv/dokument-och-lagar/dokument/"
    "svensk-forfattningssamling/lag-20161145-om-offentlig-upphandling_sfs-2016-1145/",
    "Upphandlingsmyndigheten, Juridiska förutsättningar: https://www.upphandlingsmyndigheten.se/hallbarhet/"
    "socialt-ansvarsfull-upphandling/sysselsattningsmojligheter/juridiska-forutsattningar/",
    "Upphandlingsmyndigheten, Rekrytering av person från avsedda målgruppen: https://www.upphandlingsmyndigheten.se/"
    "hallbarhet/socialt-ansvarsfull-upphandling/upphandling-med-mal-att-oka-sysselsattningen/"
    "tillampning-kontraktsvillkor-rekrytering-av-person-fran-avsedda-malgruppen/",
    "Upphandlingsmyndigheten, Ändringar av avtal: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/"
    "olika-sorters-avtal-och-kontrakt/andringar-av-avtal",
    "Upphandlingsmyndigheten, Frågeportalen: IOP: https://www.upphandlingsmyndigheten.se/frageportalen/2457482/iop/",
    "Högsta förvaltningsdomstolen, HFD 2020:15 (referat): https://lagen.nu/dom/hfd/2020:15",
    "Dataskyddsförordningen, (EU) 2016/679: https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:32016R0679",
]
PUBLIC_RECORD = ("Planen kan bli en allmän handling när den skickas till kommunen eller GR, och då kan vem som helst "
                 "begära att få läsa den (2 kap. tryckfrihetsförordningen). Skriv inga uppgifter om enskilda personer "
                 "i den.")


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
    elif len(priorities) > MAX_PRIORITIES:
        problems.append(f"Välj högst tre prioriteringar (du skrev {len(priorities)}) – en plan med allt prioriterat "
                        "har inga prioriteringar.")
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
            + (f" {p['anmarkning']}" if p["anmarkning"] else "") + f" {CHECK_POPULATION}",
            "Komplettera med kommunens egna uppgifter: vilka avtal som redan har sysselsättningskrav, hur de "
            "följs upp och vilka samarbeten med idéburna organisationer som finns.",
        ]),
        Section("Prioriteringar", bullets=priorities),
        Section("Första upphandlingen att pröva", [forsta_upphandling.strip()], bullets=FIRST_PROCUREMENT_BULLETS),
        Section("Matchningsansvarig", [matchningsansvarig.strip()]),
        Section("Kandidater för IOP", bullets=candidates or ["Inga kandidater ännu – pröva frågan igen efter ett år."],
                paragraphs=[IOP_TEST]),
        Section("Uppföljning", bullets=_lines(uppfoljning) + FOLLOW_UP_BULLETS),
        Section("Nästa steg", bullets=[
            "Förankra planen hos ledningen: enligt Upphandlingsmyndigheten börjar arbetet med ett beslut i ledningen.",
            "Boka ett första möte mellan upphandlare, beställare och matchningsansvarig.",
            PUBLIC_RECORD,
            "Stöd: Upphandlingsmyndigheten, \u201dUpphandling med mål att öka sysselsättningen\u201d "
            "(upphandlingsmyndigheten.se).",
        ]),
        Section("Källor", bullets=SOURCES),
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
