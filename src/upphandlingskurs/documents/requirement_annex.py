"""Kravbyggaren's requirement annex (kravbilaga) and the supplier reporting template, written to ``mina_dokument/``.

``build_annex`` turns Kravbyggaren's result (``decisions.employment.Requirement``) into an annex in two parts
(legal review of the annex, item 1): part A holds only contract terms, to be attached to the procurement documents
(the clause, reporting, proof of target group, matching, sanctions); part B is the official's guidance and is not
attached (what the clause must not contain, points to decide with the lawyer, personal data, Kravbyggaren's flags,
sources). ``save_annex`` writes it with ``documents.writer`` (Word, Markdown or HTML);
``save_template`` writes the reporting template (``content.reporting_template``). The folder is git-ignored.

The legal sentences reuse the wording of the action plan (``documents.action_plan``) and of Kravbyggaren, so the
course says one thing in one way; every legal statement names its lagrum or source.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import NamedTuple

from upphandlingskurs import format as fmt
from upphandlingskurs.content.reporting_template import TEMPLATE_STEM, write_template
from upphandlingskurs.decisions.employment import (SOURCE_UHM_ANVISNINGAR, SOURCE_UHM_BRISTER, SOURCE_UHM_UPPFOLJNING,
                                                   SOURCE_UHM_VILLKOR, VARIANTS, Requirement, plain_clause)
from upphandlingskurs.documents.action_plan import (DEFAULT_FOLDER, FIRST_PROCUREMENT_BULLETS, FOLLOW_UP_BULLETS,
                                                    SOURCES, check_no_contact_details)
from upphandlingskurs.documents.writer import Section, unique_path, write_document
from upphandlingskurs.parsing import InputError

ANNEX_STEM = "kravbilaga_sysselsattning"
GUIDANCE_STEM = "kravbilaga_sysselsattning_anvisning"
TEMPLATE_FILE = TEMPLATE_STEM + ".xlsx"
PART_A = "Del A – Avtalsvillkor (bifogas upphandlingsdokumenten)"
PART_B = "Del B – Anvisning för upphandlaren (bifogas inte)"
HEADINGS = (PART_A, "A1. Åtagande", "A2. Rapportering och uppföljning", "A3. Underlag om målgruppen",
            "A4. Matchning", "A5. Brister, vite och hävning",
            PART_B, "B1. Innan del A bifogas", "B2. Det här får villkoret inte innehålla", "B3. Punkter att bestämma",
            "B4. Sanktioner", "B5. Personuppgifter och allmänna handlingar", "B6. Kravbyggarens flaggor", "B7. Källor")
FILL_IN_WARNING = ("Bilagan innehåller ifyllnadsfält [ ]. Fyll i eller ta bort dem innan bilagan bifogas.")
#: The vite clause for an offer of employment or internship (legal review of the annex, items 4 and 6): the
#: obligation is cumulative, so the trigger is a yearly milestone, not "each month the breach lasts".
EXAMPLE_VITE = (
    "Leverantören ska senast vid utgången av varje avtalsår, och när avtalet upphör, ha fullgjort minst [andel] av "
    "det åtagna antalet heltidsmånader. Uppnås inte delmålet, och har bristen inte rättats inom [30] dagar efter "
    "beställarens skriftliga anmaning, utgår vite med [belopp] kronor per heltidsmånad som saknas, dock högst "
    "[belopp] kronor per avtalsår. Vite utgår inte om leverantören visar att den senast [x] veckor innan platsen "
    "skulle tillsättas skriftligen har anmält behovet till kommunens matchningsansvariga och inte har fått förslag "
    "på någon lämplig kandidat, eller att bristen annars beror på omständigheter utanför leverantörens kontroll."
)
EXAMPLE_VITE_DIALOG = (
    "Deltar leverantören inte i ett dialogmöte som beställaren har kallat till, eller lämnar leverantören inte den "
    "redovisning som villkoret kräver, och har bristen inte rättats inom [30] dagar efter beställarens skriftliga "
    "anmaning, utgår vite med [belopp] kronor per tillfälle, dock högst [belopp] kronor per avtalsår."
)
REPORT_VITE = ("Brister i rapporteringen eller i medverkan vid uppföljning: leverantören ska rätta bristen inom [x] "
               "dagar efter beställarens skriftliga anmaning. Därefter utgår vite med [belopp] kronor per påbörjad "
               "vecka tills bristen är rättad.")
TERMINATION = ("Beställaren får häva avtalet helt eller delvis om leverantören trots skriftlig anmaning och utgått "
               "vite inte vidtar rättelse inom [x] dagar, eller upprepat bryter mot åtagandet. Hävning ska stå i "
               "proportion till bristen.")
PUBLIC_REPORT = ("Rapporten blir en allmän handling när den har kommit in till kommunen (2 kap. 4 och 9 §§ "
                 "tryckfrihetsförordningen) och lämnas ut om inte uppgifterna omfattas av sekretess.")
SMALL_NUMBERS = ("Vid små tal (1–2 personer) kan rapporten innehålla personuppgifter trots att den bara innehåller "
                 "antal. Hantera den därefter: begränsa vem som får del av den, pröva sekretess vid en begäran om "
                 "utlämnande, och redovisa inte talen vidare utan att slå ihop dem med andra.")
EXAMPLE_NOTE = ("Beloppen, andelarna och tiderna inom hakparentes är tomma med avsikt: kursen anger inga belopp. "
                "Sanktionerna ska stå i upphandlingsdokumenten och vara proportionerliga i förhållande till hur "
                "allvarlig bristen är, och leverantören ska i första hand få rätta bristen "
                f"({SOURCE_UHM_UPPFOLJNING.split(':')[0]}; {SOURCE_UHM_BRISTER.split(':')[0]}).")
_HEALTH_WORDS = ("funktionsnedsättning", "funktionshinder", "sjuk", "hälsa", "missbruk", "beroende", "diagnos",
                 "rehabilitering", "nedsatt arbetsförmåga")
#: Early end of an employment (legal review of the annex, item 5), as in UHM's criterion Sysselsättningskrav,
#: krav-ID 11554, alternative a (checked 2026-12-02 at upphandlingsmyndigheten.se/kriterier).
EARLY_END = ("Åtagandet avser fullgjord anställnings- eller praktiktid. Avslutas en anställning i förtid av den "
             "anställde, eller finns saklig grund för uppsägning eller skäl för avskedande, anses åtagandet uppfyllt "
             "om minst tre fjärdedelar av den avtalade tiden har fullgjorts. En anställning regleras enligt lagen "
             "(1982:80) om anställningsskydd, om inte avvikelser har gjorts i ett kollektivavtal som leverantören är "
             "bunden av.")
SOURCE_UHM_KRITERIUM = ("Upphandlingsmyndigheten, Kriterium Sysselsättningskrav (krav-ID 11554): "
                        "https://www.upphandlingsmyndigheten.se/kriterier/")
#: The Kravbyggaren flag that contradicts the annex (legal review of the annex, item 16).
AT_TENDER_MESSAGE = "inte redan när anbudet lämnas"


def _source(s: str) -> str:
    return s.split(":")[0]


def _check(req: Requirement) -> None:
    if not isinstance(req, Requirement):
        raise InputError("Bygg först kravet i Kravbyggaren (knappen **Bygg kravet**), och skapa sedan bilagan.")
    banned = [f for f in req.flags if f.severity == "ej tillåtet"]
    if banned:
        raise InputError("Kravet innehåller något som inte är tillåtet: " + " ".join(f.message.split(". ")[0] + "."
                                                                            for f in banned)
                         + " Ändra i Kravbyggaren (ta bort krysset eller skriv om målgruppen), klicka på **Bygg "
                           "kravet** igen och skapa sedan bilagan.")
    if any(AT_TENDER_MESSAGE in f.message for f in req.flags):
        raise InputError("Ta bort kravet på att villkoret ska vara uppfyllt vid anbudet innan bilagan skapas. Ett "
                         "särskilt kontraktsvillkor ska uppfyllas när kontraktet fullgörs (17 kap. 1 § LOU).")


def _part_a(req: Requirement, clause: str) -> list[Section]:
    dialog = req.variant == "dialog"
    if dialog:
        measure = ("Leverantören rapporterar vilka dialogmöten som har hållits och vilka åtgärder som har kommit ut "
                   "av dem.")
    else:
        total = max(req.suggested_positions, 1) * req.months_per_position  # as in clause_text
        measure = (f"Villkoret kräver sammanlagt minst {fmt.number(total)} månader på heltid. Leverantören "
                   "rapporterar antal tillsatta platser och fullgjorda heltidsmånader sammanlagt från avtalsstart. "
                   "Deltid räknas om till heltid.")
    return [
        Section(PART_A, [
            "Villkoren i del A är ett särskilt kontraktsvillkor och blir en del av avtalet (17 kap. 1 § LOU). "
            "Villkoret ska uppfyllas när kontraktet fullgörs, inte när anbudet lämnas.",
        ]),
        Section(HEADINGS[1], [clause], bullets=([] if dialog else [EARLY_END]) + [
            "Leverantören ansvarar för att underleverantörer som utför arbetet inom kontraktet medverkar till att "
            "villkoret uppfylls och till uppföljningen.",
            "Anbudsgivaren bekräftar i anbudet att villkoret accepteras.",
        ]),
        Section(HEADINGS[2], [
            measure,
            "Leverantören rapporterar senast [30] dagar efter varje kvartals slut och när avtalet upphör, i "
            "beställarens rapportmall: en rad per avtal och rapportperiod, bara antal. Rapporten får inte innehålla "
            "namn, personnummer, kontaktuppgifter eller annat om enskilda personer.",
            "Beställaren kan kalla till uppföljningsmöte. Leverantören ska då medverka och på begäran visa underlag "
            "enligt A3.",
        ]),
        Section(HEADINGS[3], [
            "Leverantören ska kunna visa att en person tillhör målgruppen när anställningen eller praktiken börjar. "
            "Som underlag räcker något av följande:",
        ], bullets=[
            "(a) personen har anvisats av kommunens matchningsansvariga, eller",
            "(b) personen visar själv ett skriftligt underlag, till exempel ett intyg, som visar att personen "
            "tillhör målgruppen.",
            "Underlaget ska bara visa att personen tillhör målgruppen, inte varför eller annat om personen. Beställaren "
            "har rätt att i stickprov ta del av underlaget hos leverantören, i den mån det behövs för att kontrollera "
            "att villkoret är uppfyllt.",
        ]),
        Section(HEADINGS[4], [
            "Kommunens matchningsansvariga föreslår kandidater inom [x] veckor efter leverantörens anmälan om behov. "
            "Leverantören beslutar själv om anställning eller praktik och får också rekrytera på egen hand eller via "
            "annan aktör. Uppgifter om kandidater lämnas bara med kandidatens samtycke. Kontaktuppgifter till den "
            "matchningsansvariga lämnas vid avtalsstart.",
        ]),
        Section(HEADINGS[5], [
            "Rättelse: beställaren anmäler en brist skriftligt till leverantören, som får en tid att rätta den.",
            "Vite: " + (EXAMPLE_VITE_DIALOG if dialog else EXAMPLE_VITE),
            "Rapportering: " + REPORT_VITE,
            "Hävning: " + TERMINATION,
        ]),
    ]


def _part_b(req: Requirement, target_group: str) -> list[Section]:
    health = [w for w in _HEALTH_WORDS if w in target_group.casefold()]
    decide = [
        "Förtida avslut: regeln i A1 om tre fjärdedelar av den avtalade tiden följer Upphandlingsmyndighetens "
        f"kriterium ({_source(SOURCE_UHM_KRITERIUM)}). Bestäm med er upphandlingsjurist vad som ska gälla om en "
        "person tackar nej till ett erbjudande; kriteriet säger inget om det, och villkoret säger det inte heller.",
        "Arbetsrättsliga villkor: kontrollera om särskilda arbetsrättsliga villkor ska ställas (17 kap. 2–5 §§ LOU). "
        "De gäller även personer som anställs enligt detta villkor.",
        "Upphandling under tröskelvärdena: kontrollera med er upphandlingsjurist vilka bestämmelser som gäller "
        "(19 kap. LOU; vid direktupphandling 19 a kap. LOU).",
        "Underlag om målgruppen (A3): ta reda på vilka intyg personerna i er målgrupp kan få, och av vem, innan "
        "villkoret används. Kursen har inte kontrollerat vilka intyg som finns.",
        "Ramavtal: vid ramavtal kan en leverantör som inte uppfyller villkoret också stängas av från avrop, om det "
        f"står i upphandlingsdokumenten ({_source(SOURCE_UHM_BRISTER)}). Skriv i så fall in det i A5.",
    ]
    personal = [
        "Bestäm innan upphandlingen vem som är personuppgiftsansvarig för vilken behandling (artikel 4.7–4.8 i "
        "dataskyddsförordningen). Kommunens del ska ligga på en nämnd; bestäm vilken tillsammans med "
        "dataskyddsombudet. Leverantören är som arbetsgivare personuppgiftsansvarig för uppgifterna om sina egna "
        "anställda.",
        "Om leverantören behandlar personuppgifter för kommunens räkning är leverantören personuppgiftsbiträde: "
        "bifoga då ett utkast till biträdesavtal i upphandlingsdokumenten (artikel 28.3 i dataskyddsförordningen).",
        "Uppföljningen efter platsen (om personen har arbete 6 och 12 månader efter) görs av kommunens "
        "arbetsmarknadsenhet med den enskildes medverkan, inte av leverantören. Den står därför inte i del A; i "
        "rapportmallen är de kolumnerna frivilliga.",
        "Kommunen begär bara att få se underlag om målgruppen när det behövs för att kontrollera att villkoret är "
        "uppfyllt, och bara så mycket som behövs (uppgiftsminimering, artikel 5.1 c i dataskyddsförordningen).",
        SMALL_NUMBERS,
        PUBLIC_REPORT,
        FOLLOW_UP_BULLETS[3],
    ]
    if health:
        personal.insert(3, "Målgruppen kan handla om hälsa (”" + health[0] + "”). Uppgifter om hälsa är känsliga "
                        "personuppgifter (artikel 9 i dataskyddsförordningen). Välj ett underlag som inte innehåller "
                        "hälsouppgifter, till exempel en anvisning.")
    return [
        Section(PART_B, [
            "Del B är kursens anvisning till dig som upphandlare. Bifoga den inte till upphandlingsdokumenten. "
            "Texten är ett förslag från kursen Socialt ansvarsfull upphandling och IOP. Villkorstexten och antalet "
            "platser bygger på kursens tumregel, som inte är lag.",
        ]),
        Section(HEADINGS[7], bullets=[
            "Fyll i eller ta bort alla ifyllnadsfält [ ] i del A.",
            "Låt kommunens upphandlingsjurist granska del A innan den används.",
            f"Bifoga rapportmallen ({TEMPLATE_FILE}) till upphandlingsdokumenten, gärna med kommunens eget filnamn.",
            f"Villkorsvariant: {VARIANTS[req.variant]}.",
            FIRST_PROCUREMENT_BULLETS[0],
        ]),
        Section(HEADINGS[8], bullets=[
            FIRST_PROCUREMENT_BULLETS[1], FIRST_PROCUREMENT_BULLETS[2],
            "Det gäller även indirekt, till exempel om målgruppen avgränsas till personer som är folkbokförda i eller "
            "får stöd från en viss kommun (4 kap. 1 § LOU). Kravbyggaren stoppar bilagan om målgruppen nämner "
            "bostadsort, folkbokföring eller en av GR:s kommuner.",
            FIRST_PROCUREMENT_BULLETS[3],
        ]),
        Section(HEADINGS[9], bullets=decide),
        Section(HEADINGS[10], [EXAMPLE_NOTE], bullets=[
            "Ett vite ska vara proportionerligt. Bestäm med er upphandlingsjurist om vite ska utgå i stället för "
            "eller utöver skadestånd, och hur risken hanteras att ett oskäligt vite jämkas av domstol (jämkning av "
            "oskäliga avtalsvillkor, 36 § lagen (1915:218) om avtal och andra rättshandlingar på "
            "förmögenhetsrättens område). Avstår "
            "beställaren från vite ska skälen dokumenteras.",
            "En hävning avslutar avtalet: då behövs oftast en ny upphandling av det som återstår.",
        ]),
        Section(HEADINGS[11], personal),
        Section(HEADINGS[12], bullets=[f"{f.severity.capitalize()}: {f.message} ({f.lagrum})" for f in req.flags]
                or ["Kravbyggaren hittade inga flaggor. Kontrollera ändå målgrupp, uppföljning och sanktioner."]),
        Section(HEADINGS[13], bullets=SOURCES[:3] + [SOURCE_UHM_KRITERIUM, SOURCE_UHM_VILLKOR, SOURCE_UHM_ANVISNINGAR, SOURCE_UHM_UPPFOLJNING,
                                                    SOURCE_UHM_BRISTER,
                                                    SOURCES[-1]]),
    ]


def build_annex(req: Requirement, avtal: str = "") -> tuple[str, list[Section]]:
    """Title and sections of the annex for Kravbyggaren's result ``req``: part A (contract terms, attached to the
    procurement documents) and part B (guidance for the official, not attached). Raises InputError with Swedish
    messages; refuses a result with a flag that is not allowed or that contradicts the annex."""
    _check(req)
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
    part_a = _part_a(req, clause)
    if any("[" in t for sec in part_a for t in sec.paragraphs + sec.bullets):
        part_a[0].paragraphs.insert(0, FILL_IN_WARNING)
    return title, part_a + _part_b(req, clause)  # the clause holds the target group


class AnnexFiles(NamedTuple):
    """The two files the annex is written to: part A is attached to the procurement documents, part B is not."""
    villkor: Path
    anvisning: Path


def split_annex(sections: list[Section]) -> tuple[list[Section], list[Section]]:
    """Part A (up to the heading of part B) and part B of the annex's sections."""
    at = next(i for i, sec in enumerate(sections) if sec.heading == PART_B)
    return sections[:at], sections[at:]


def save_annex(req: Requirement, format: str = "docx", folder: str | Path = DEFAULT_FOLDER, avtal: str = "",
               day: _dt.date | None = None) -> AnnexFiles:
    """Build the annex and write part A and part B to two new files in ``folder`` (earlier files are never
    overwritten). Two files, so that the official can attach part A as it is without the guidance for them."""
    title, sections = build_annex(req, avtal)
    part_a, part_b = split_annex(sections)
    try:
        villkor = write_document(title, part_a, unique_path(folder, ANNEX_STEM, format, day), format)
        anvisning = write_document("Anvisning till upphandlaren (bifogas inte): " + title, part_b,
                                   unique_path(folder, GUIDANCE_STEM, format, day), format)
    except OSError as e:
        raise InputError(f"Det gick inte att spara bilagan i mappen {folder}: {e.strerror or e}. "
                         "Det du skrev finns kvar i formuläret; försök igen eller välj ett annat format.") from None
    return AnnexFiles(villkor, anvisning)


def save_template(folder: str | Path = DEFAULT_FOLDER) -> Path:
    """Write the supplier reporting template to ``folder`` (replacing an earlier copy: it is always the same)."""
    try:
        return write_template(Path(folder) / TEMPLATE_FILE)
    except OSError as e:
        raise InputError(f"Det gick inte att spara rapportmallen i mappen {folder}: {e.strerror or e}.") from None
