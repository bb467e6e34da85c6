"""Kravbyggaren's requirement annex (kravbilaga) and the supplier reporting template, written to ``mina_dokument/``.

``build_annex`` turns Kravbyggaren's result (``decisions.employment.Requirement``) into the sections of an annex to
the procurement documents: the clause, reporting, proof of target group, sanctions, personal data and the
matchningsansvarig's part. ``save_annex`` writes it with ``documents.writer`` (Word, Markdown or HTML);
``save_template`` writes the reporting template (``content.reporting_template``). The folder is git-ignored.

The legal sentences reuse the wording of the action plan (``documents.action_plan``) and of Kravbyggaren, so the
course says one thing in one way; every legal statement names its lagrum or source.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from upphandlingskurs import format as fmt
from upphandlingskurs.content.reporting_template import TEMPLATE_STEM, write_template
from upphandlingskurs.decisions.employment import (SOURCE_UHM_ANVISNINGAR, SOURCE_UHM_BRISTER, SOURCE_UHM_UPPFOLJNING,
                                                   SOURCE_UHM_VILLKOR,
                                                   VARIANTS, Requirement, plain_clause)
from upphandlingskurs.documents.action_plan import (DEFAULT_FOLDER, FIRST_PROCUREMENT_BULLETS, FOLLOW_UP_BULLETS,
                                                    SOURCES, check_no_contact_details)
from upphandlingskurs.documents.writer import Section, unique_path, write_document
from upphandlingskurs.parsing import InputError

ANNEX_STEM = "kravbilaga_sysselsattning"
TEMPLATE_FILE = TEMPLATE_STEM + ".xlsx"
HEADINGS = ("Om bilagan", "Villkor", "Det här får villkoret inte innehålla", "Rapportering",
            "Hur leverantören visar att en person tillhör målgruppen", "Sanktioner vid brister",
            "Exempel på vitesklausul (anpassa innan den används)", "Personuppgifter",
            "Matchningsansvarigs roll", "Att kontrollera innan bilagan används", "Källor")
EXAMPLE_VITE = (
    "EXEMPEL – anpassa innan det används: Om leverantören inte uppfyller sitt åtagande enligt villkoret ovan och "
    "inte har rättat bristen inom [30] dagar efter beställarens skriftliga anmaning, har beställaren rätt till vite "
    "med [belopp] kronor för varje påbörjad månad som bristen består, dock högst [belopp] kronor sammanlagt. Vite "
    "utgår inte om leverantören visar att bristen beror på omständigheter som leverantören inte kunnat påverka, "
    "till exempel att det inte har gått att hitta personer ur målgruppen trots skäliga ansträngningar. Vitet "
    "påverkar inte beställarens rätt att häva avtalet vid väsentligt avtalsbrott."
)
PUBLIC_REPORT = ("Rapporten kan bli en allmän handling när den kommer in till kommunen, och då kan vem som helst "
                 "begära att få läsa den (2 kap. tryckfrihetsförordningen). Den ska därför inte innehålla uppgifter "
                 "om enskilda personer.")
EXAMPLE_NOTE = ("Beloppen och tiderna inom hakparentes är tomma med avsikt: kursen anger inga belopp. Vitet ska stå i "
                "upphandlingsdokumenten och vara proportionerligt i förhållande till hur allvarlig bristen är "
                f"({SOURCE_UHM_BRISTER.split(':')[0]}).")


def _source(s: str) -> str:
    return s.split(":")[0]


def build_annex(req: Requirement, avtal: str = "") -> tuple[str, list[Section]]:
    """Title and sections of the annex for Kravbyggaren's result ``req``. Raises InputError with Swedish messages."""
    if not isinstance(req, Requirement):
        raise InputError("Bygg först kravet i Kravbyggaren (knappen **Bygg kravet**), och skapa sedan bilagan.")
    banned = [f for f in req.flags if f.severity == "ej tillåtet"]
    if banned:
        raise InputError("Kravet innehåller något som inte är tillåtet: " + " ".join(f.message.split(". ")[0] + "."
                                                                            for f in banned)
                         + " Ta bort krysset i Kravbyggaren, klicka på **Bygg kravet** igen och skapa sedan bilagan.")
    avtal = str(avtal or "").strip()
    try:
        check_no_contact_details("Avtalets benämning", avtal)
    except InputError:
        raise InputError("Avtalets benämning: skriv inte telefonnummer eller e-postadress. Bilagan ska ligga i "
                         "upphandlingsdokumenten, som alla anbudsgivare får läsa.") from None
    if len(avtal) > 200:
        raise InputError("Avtalets benämning är för lång. Skriv högst 200 tecken.")
    title = "Bilaga till upphandlingsdokumenten: sysselsättningskrav" + (f" – {avtal}" if avtal else "")
    clause = plain_clause(req)
    if req.variant == "dialog":
        measure = ("Villkoret är en dialog. Rapportera vilka dialogmöten som har hållits och vilka åtgärder som har "
                   "kommit ut av dem.")
    else:
        total = max(req.suggested_positions, 1) * req.months_per_position  # as in clause_text
        measure = (f"Villkoret kräver sammanlagt minst {fmt.number(total)} månader på heltid. Rapportera antal "
                   "tillsatta platser och hur länge de har varat.")
    sections = [
        Section(HEADINGS[0], [
            "Bilagan beskriver ett sysselsättningskrav. Kravet är ett särskilt kontraktsvillkor och ska anges i "
            "upphandlingsdokumenten (17 kap. 1 § LOU). Villkoret behöver inte vara uppfyllt när anbudet lämnas, utan "
            f"ska uppfyllas när kontraktet fullgörs ({_source(SOURCE_UHM_ANVISNINGAR)}).",
            "Texten är ett förslag från kursen Socialt ansvarsfull upphandling och IOP. Villkorstexten och antalet "
            "platser bygger på kursens tumregel, som inte är lag. Anpassa texten till upphandlingen och låt kommunens "
            "upphandlingsjurist granska den innan den används.",
        ]),
        Section(HEADINGS[1], [clause], bullets=[
            f"Villkorsvariant: {VARIANTS[req.variant]}.",
            FIRST_PROCUREMENT_BULLETS[0],
        ]),
        Section(HEADINGS[2], bullets=[FIRST_PROCUREMENT_BULLETS[1], FIRST_PROCUREMENT_BULLETS[2]]),
        Section(HEADINGS[3], [
            "Vad: " + measure,
            "När: leverantören rapporterar senast [30] dagar efter varje kvartals slut, och när avtalet upphör. "
            "Beställaren kan kalla till uppföljningsmöte. Leverantören ska få rimlig tid att rapportera "
            f"({_source(SOURCE_UHM_UPPFOLJNING)}).",
            f"Mall: leverantören rapporterar i kommunens rapportmall (kursens mall heter {TEMPLATE_FILE}): en rad per "
            "avtal och rapportperiod, bara antal.",
        ], bullets=FOLLOW_UP_BULLETS[:3]),
        Section(HEADINGS[4], [
            "Leverantören ska kunna visa att en person tillhör målgruppen. Skriv här vilket underlag som räcker. "
            "Välj ett underlag som bara visar det som behövs: att personen tillhör målgruppen, inte varför eller "
            "annat om personen.",
            "Leverantören redovisar antal till kommunen, inte underlagen. Kommunen begär bara att få se underlag när det "
            "behövs för att kontrollera att villkoret är uppfyllt, och bara så mycket som behövs "
            "(uppgiftsminimering, artikel 5 i dataskyddsförordningen).",
        ]),
        Section(HEADINGS[5], [
            "Sanktionerna ska stå i upphandlingsdokumenten och vara proportionerliga i förhållande till hur allvarlig "
            "bristen är. Leverantören ska i första hand få möjlighet att rätta bristen "
            f"({_source(SOURCE_UHM_UPPFOLJNING)}; {_source(SOURCE_UHM_BRISTER)}). Stegen:",
        ], bullets=[
            "Rättelse: beställaren påtalar bristen skriftligt och leverantören får en tid att rätta den.",
            "Vite: om bristen inte rättas inom den tiden, enligt en vitesklausul i avtalet (se exemplet nedan).",
            "Hävning: skriv i avtalet att beställaren får häva avtalet helt eller delvis om leverantören väsentligt "
            "bryter mot åtagandet och inte rättar bristen.",
        ]),
        Section(HEADINGS[6], [EXAMPLE_VITE, EXAMPLE_NOTE]),
        Section(HEADINGS[7], [
            "Kommunen är personuppgiftsansvarig för de personuppgifter som kommunen själv behandlar i uppföljningen. "
            "Bestäm tillsammans med dataskyddsombudet vilken nämnd det gäller. Leverantören är som arbetsgivare "
            "personuppgiftsansvarig för uppgifterna om sina egna anställda.",
            "Ett avtalsvillkor ger inte leverantören rätt att samla uppgifter om personer åt kommunen. Ska leverantören "
            "samla in eller behandla personuppgifter för kommunens räkning, till exempel om hur det går för personerna "
            "efter platsen, är leverantören personuppgiftsbiträde och ett biträdesavtal krävs (artikel 28 i "
            "dataskyddsförordningen).",
            "Små tal (1–2 personer) kan peka ut någon även när uppgifterna är sammanställda. Redovisa dem inte vidare "
            "utan att slå ihop dem med andra.",
            PUBLIC_REPORT,
        ], bullets=[FOLLOW_UP_BULLETS[3]]),
        Section(HEADINGS[8], [
            "Den matchningsansvariga är den funktion hos kommunen (till exempel arbetsmarknadsenheten) som hjälper "
            "leverantören att hitta personer ur målgruppen och kan förmedla kandidater.",
        ], bullets=[FIRST_PROCUREMENT_BULLETS[3]]),
        Section(HEADINGS[9], bullets=[f"{f.severity.capitalize()}: {f.message} ({f.lagrum})" for f in req.flags]
                or ["Kravbyggaren hittade inga flaggor. Kontrollera ändå målgrupp, uppföljning och sanktioner."]),
        Section(HEADINGS[10], bullets=SOURCES[:3] + [SOURCE_UHM_VILLKOR, SOURCE_UHM_ANVISNINGAR, SOURCE_UHM_UPPFOLJNING,
                                                    SOURCE_UHM_BRISTER,
                                                    SOURCES[-1]]),
    ]
    return title, sections


def save_annex(req: Requirement, format: str = "docx", folder: str | Path = DEFAULT_FOLDER, avtal: str = "",
               day: _dt.date | None = None) -> Path:
    """Build the annex and write it to a new file in ``folder`` (an earlier file is never overwritten)."""
    title, sections = build_annex(req, avtal)
    target = unique_path(folder, ANNEX_STEM, format, day)
    try:
        return write_document(title, sections, target, format)
    except OSError as e:
        raise InputError(f"Det gick inte att spara bilagan i mappen {folder}: {e.strerror or e}. "
                         "Det du skrev finns kvar i formuläret; försök igen eller välj ett annat format.") from None


def save_template(folder: str | Path = DEFAULT_FOLDER) -> Path:
    """Write the supplier reporting template to ``folder`` (replacing an earlier copy: it is always the same)."""
    try:
        return write_template(Path(folder) / TEMPLATE_FILE)
    except OSError as e:
        raise InputError(f"Det gick inte att spara rapportmallen i mappen {folder}: {e.strerror or e}.") from None
