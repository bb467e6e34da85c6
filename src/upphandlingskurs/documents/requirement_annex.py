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
import math
import re
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
#: Part A's own title (second review of the annex, item 24): the bidders get part A alone, so it does not say
#: "del A" of something they never see.
PART_A_TITLE = "Särskilda kontraktsvillkor – sysselsättning"
PART_A = "Om villkoren"  # the first heading of part A; the file's title is PART_A_TITLE
PART_B = "Del B – Anvisning för upphandlaren (bifogas inte)"
HEADINGS = (PART_A, "A1. Åtagande", "A2. Rapportering och uppföljning", "A3. Underlag om målgruppen",
            "A4. Matchning", "A5. Brister, vite och hävning",
            PART_B, "B1. Innan villkoren bifogas", "B2. Det här får villkoret inte innehålla", "B3. Punkter att bestämma",
            "B4. Sanktioner", "B5. Personuppgifter och allmänna handlingar", "B6. Kravbyggarens flaggor", "B7. Källor")
#: The fill-in warning is the official's instruction, so it stands in part B (second review, item 12).
FILL_IN_WARNING = ("Villkoren (del A) innehåller fält inom hakparentes [ ]. Fyll i alla fält innan villkoren bifogas. "
                   "Ta inte bort fälten för tak, delmål eller tider för rättelse: utan dem blir vitet obegränsat, "
                   "eller så får leverantören ingen möjlighet att rätta bristen.")
MILESTONES_INTRO = ("Delmål: leverantören ska ha fullgjort minst följande andel av det åtagna antalet "
                    "heltidsmånader, räknat från avtalsstart:")
#: The vite clause for an offer of employment or internship (second review of the annex, items 1, 2 and 5):
#: milestones with a final one of 100 %, a cure by a plan that the buyer accepts, a cap, no month charged twice,
#: an exemption that any recruitment channel can earn, at a stated time, with its legal consequence.
CURE = ("Rättelse: når leverantören inte ett delmål, anmäler beställaren det skriftligt. Leverantören ska inom "
        "[antal] dagar efter anmälan lämna en skriftlig plan för hur de saknade heltidsmånaderna ska tas igen, med "
        "datum då platserna ska tillsättas, senast [antal] veckor efter anmälan. Planen gäller när beställaren har "
        "godtagit den skriftligt. Beställaren får inte vägra att godta en plan utan sakliga skäl.")
EXAMPLE_VITE = (
    "Vite utgår om leverantören inte lämnar en plan som kan godtas inom tiden, eller inte följer den godtagna "
    "planen. Vid det sista delmålet, när avtalet upphör, går bristen inte att rätta med en plan; då utgår vite "
    "direkt. Vitet är [belopp] kronor per heltidsmånad som saknas vid delmålet, dock högst [belopp] kronor per "
    "avtalsår och högst [belopp] kronor sammanlagt under avtalstiden. Heltidsmånader som redan har gett vite "
    "räknas inte igen vid ett senare delmål."
)
_EXEMPTION_TEMPLATE = (
    "Befrielse från vite: vite utgår inte för en plats som leverantören senast [antal] veckor före delmålet "
    "skriftligen har anmält till {channels}, om leverantören inte har fått förslag på någon kandidat ur "
    "målgruppen som uppfyller de krav som leverantören har angett i anmälan. Kraven i anmälan ska vara sakligt "
    "motiverade av arbetet. En kandidat som uppfyller kraven och som leverantören ändå inte anställer eller tar "
    "emot ger ingen befrielse. Är parterna oense om kraven eller om en kandidat uppfyller dem, avgör beställaren "
    "det efter samråd med den matchningsansvariga. Vite utgår inte heller om bristen beror på omständigheter "
    "utanför leverantörens kontroll. Det åtagna antalet heltidsmånader minskas med de heltidsmånader som "
    "befrielsen gäller, också vid senare delmål och vid bedömningen av hävning."
)
EXEMPTION = _EXEMPTION_TEMPLATE.format(
    channels="kommunens matchningsansvariga, till Arbetsförmedlingen, via Eures eller till någon annan som "
             "förmedlar arbetssökande")
#: A target group about crime (verification read, F3): only persons the matching officer has proposed count, so
#: the exemption is earned only by a notice to her or him.
EXEMPTION_REFERRAL_ONLY = _EXEMPTION_TEMPLATE.format(channels="kommunens matchningsansvariga")
REFERRAL_ONLY = ("Bara personer som kommunens matchningsansvariga har föreslagit räknas in i åtagandet. Det gäller i "
                 "stället för det som stycket ovan säger om att rekrytera på egen hand eller med hjälp av någon annan.")
#: The dialogue variant has one vite for missed meetings only: missing reports fall under REPORT_VITE alone (item 3).
EXAMPLE_VITE_DIALOG = (
    "Deltar leverantören inte i ett dialogmöte som beställaren har kallat till, och deltar leverantören inte heller "
    "i ett nytt möte inom [antal] dagar efter beställarens skriftliga anmaning, utgår vite med [belopp] kronor per "
    "möte, dock högst [belopp] kronor per avtalsår. Brister i rapporteringen ger bara vite enligt punkten om "
    "rapportering."
)
REPORT_VITE = ("Brister i rapporteringen eller i medverkan vid uppföljning: leverantören ska rätta bristen inom "
               "[antal] dagar efter beställarens skriftliga anmaning. Därefter utgår vite med [belopp] kronor per "
               "påbörjad vecka tills bristen är rättad, dock högst [belopp] kronor per avtalsår.")
ONE_VITE = ("Samma brist ger vite bara enligt en av punkterna ovan. Vitet är [välj ett alternativ och stryk det "
            "andra: den enda ersättning som beställaren har rätt till för bristen / en ersättning som inte hindrar "
            "beställaren från att kräva skadestånd för den del av skadan som är större än vitet]. Vitet påverkar "
            "inte beställarens rätt att häva avtalet.")
#: Termination only for a material breach, with example thresholds (item 4).
TERMINATION = ("Beställaren får häva avtalet helt eller delvis om leverantörens avtalsbrott är väsentligt. Som "
               "väsentligt avtalsbrott räknas till exempel att leverantören vid två delmål i följd har fullgjort "
               "mindre än [andel] procent av delmålet, eller att leverantören trots skriftlig anmaning och utgått "
               "vite inte rättar en brist inom [antal] dagar. En enstaka sen rapport är inte ett väsentligt "
               "avtalsbrott.")
TERMINATION_DIALOG = ("Beställaren får häva avtalet helt eller delvis om leverantörens avtalsbrott är väsentligt, "
                      "till exempel om leverantören trots skriftlig anmaning och utgått vite inte deltar i "
                      "dialogmöten under [antal] månader i följd. En enstaka sen rapport är inte ett väsentligt "
                      "avtalsbrott.")
#: A framework agreement (item 14): the commitment follows the volume actually called off, each supplier carries
#: its own share, and exclusion from call-offs is written out (UHM, Hantering av brister).
FRAMEWORK = ("Ramavtal: villkoret gäller varje leverantör i ramavtalet för sig. I stället för det sammanlagda "
             "antalet i stycket ovan gäller att leverantören ska fullgöra [antal] heltidsmånader per [belopp] "
             "kronor som leverantören har fakturerat under ramavtalet, avrundat nedåt. Delmålen i A5 räknas på det "
             "belopp som leverantören har fakturerat fram till delmålet. Fristen för det första erbjudandet i "
             "stycket ovan räknas inte från avtalsstart utan från den dag då leverantören har fakturerat minst "
             "[belopp] kronor under ramavtalet.")
FRAMEWORK_EXCLUSION = ("Avstängning från avrop: om leverantören inte lämnar eller inte följer en plan för rättelse "
                       "som beställaren har godtagit, får beställaren efter skriftligt meddelande stänga av "
                       "leverantören från nya avrop till dess bristen är rättad. Avrop som redan har gjorts "
                       "påverkas inte.")
#: The dialogue variant has no plan for cure and no full-time months: exclusion follows missed dialogue meetings
#: after a written notice and a vite (verification read, new finding 1).
FRAMEWORK_EXCLUSION_DIALOG = ("Avstängning från avrop: har vite utgått enligt punkten om dialogmöten, och deltar "
                              "leverantören inte heller i nästa dialogmöte som beställaren skriftligen kallar till, "
                              "får beställaren efter skriftligt meddelande stänga av leverantören från nya avrop till "
                              "dess leverantören har deltagit i ett dialogmöte. Avrop som redan har gjorts påverkas "
                              "inte.")
PUBLIC_REPORT = ("Rapporten blir en allmän handling när den har kommit in till kommunen (2 kap. 4 och 9 §§ "
                 "tryckfrihetsförordningen) och lämnas ut om inte uppgifterna omfattas av sekretess.")
SMALL_NUMBERS = ("Vid små tal (1–2 personer) kan rapporten innehålla personuppgifter trots att den bara innehåller "
                 "antal. Hantera den därefter: begränsa vem som får del av den, pröva sekretess vid en begäran om "
                 "utlämnande, och redovisa inte talen vidare utan att slå ihop dem med andra.")
EXAMPLE_NOTE = ("Beloppen, andelarna och tiderna inom hakparentes är tomma med avsikt: kursen anger inga belopp. "
                "Sanktionerna ska stå i upphandlingsdokumenten och vara proportionerliga i förhållande till hur "
                "allvarlig bristen är, och leverantören ska i första hand få rätta bristen "
                f"({SOURCE_UHM_UPPFOLJNING.split(':')[0]}; {SOURCE_UHM_BRISTER.split(':')[0]}).")
#: Words in a target group that reveal health, directly or indirectly (second review, items 8 and 9): a benefit or
#: an employer that presupposes reduced working capacity reveals health too (C-184/20).
_HEALTH_WORDS = ("funktionsnedsättning", "funktionshinder", "sjuk", "hälsa", "missbruk", "beroende", "diagnos",
                 "rehabilitering", "arbetsförmåga", "lönebidrag", "aktivitetsersättning", "sjukersättning",
                 "samhall", "skyddat arbete", "psykisk", "neuropsykiatrisk", "npf", "adhd", "autism", "handikapp")
#: Words that reveal criminal offences or convictions (item 9; artikel 10 i dataskyddsförordningen).
_CRIME_WORDS = re.compile(r"\b(straff|fängelse|kriminal|frigiv|dömd|dömda|anstalt|brott|avtjän|villkorligt)",
                          re.IGNORECASE)
#: Early end of an employment (legal review of the annex, item 5; second review, item 7), as in UHM's criterion
#: Sysselsättningskrav, krav-ID 11554, alternative a, in the words of LAS after SFS 2022:835 ("sakliga skäl",
#: applied from 1 October 2022) and with 1 § LAS's exceptions (text t.o.m. SFS 2022:836, Regeringskansliet).
EARLY_END = ("Åtagandet avser fullgjord anställningstid. Avslutas en anställning i förtid av den anställde, eller "
             "finns sakliga skäl för uppsägning (7 § LAS) eller grund för avskedande (18 § LAS), anses åtagandet för "
             "den platsen uppfyllt om minst tre fjärdedelar av den avtalade tiden har fullgjorts. Anställningen "
             "regleras av lagen (1982:80) om anställningsskydd (LAS) i den mån inte annat följer av 1 § LAS, till "
             "exempel för den som är anställd med särskilt anställningsstöd, i skyddat arbete eller med lönebidrag "
             "för utveckling i anställning, eller av ett kollektivavtal som leverantören är bunden av.")
#: An intern is not employed: no LAS paragraph in the internship variant (item 7 c).
EARLY_END_PRAKTIK = ("Åtagandet avser fullgjord praktiktid. En praktikant är inte anställd hos leverantören. "
                     "Avbryts praktiken i förtid av praktikanten eller av den som har anvisat praktiken, anses "
                     "åtagandet för den platsen uppfyllt om minst tre fjärdedelar av den avtalade tiden har "
                     "fullgjorts.")
#: The combined variant (verification read, new finding 3): one lead sentence, then a point for each kind of place.
EARLY_END_BOTH = ("Åtagandet avser fullgjord anställnings- eller praktiktid. Både anställningstid och praktiktid räknas "
                  "in i heltidsmånaderna i A2 och A5.")
EMPLOYMENT_PREFIX, INTERNSHIP_PREFIX = "För en anställning: ", "För en praktikplats: "
#: A declined offer (item 6): not fulfilled time; offer the place to someone else; the milestone moves.
DECLINED = ("Ett erbjudande som inte antas räknas inte som fullgjord tid. Leverantören ska då erbjuda platsen till "
            "en annan person ur målgruppen. Anmäler leverantören skriftligt till beställaren inom [antal] dagar att "
            "ett erbjudande inte har antagits, skjuts nästa delmål i A5 fram med [antal] veckor för den platsen.")
RETENTION = ("Leverantören sparar underlaget bara så länge det behövs för att visa att villkoret är uppfyllt, och "
             "längst [antal] månader efter att avtalet har upphört. Därefter ska underlaget förstöras eller raderas.")
SOURCE_UHM_KRITERIUM = ("Upphandlingsmyndigheten, Kriterium Sysselsättningskrav (krav-ID 11554): "
                        "https://www.upphandlingsmyndigheten.se/kriterier/")
SOURCE_LAS = ("Lagen (1982:80) om anställningsskydd: https://www.riksdagen.se/sv/dokument-och-lagar/dokument/"
              "svensk-forfattningssamling/lag-198280-om-anstallningsskydd_sfs-1982-80/")
SOURCE_CURIA_OT = "EU-domstolen, mål C-184/20 OT, dom 1 augusti 2022: https://curia.europa.eu/juris/liste.jsf?num=C-184/20"
SOURCE_IMY_BROTT = ("Integritetsskyddsmyndigheten, Personuppgifter som rör lagöverträdelser: "
                    "https://www.imy.se/verksamhet/utfora-arenden/lagovertradelser/")
#: The Kravbyggaren flag that contradicts the annex (legal review of the annex, item 16).
AT_TENDER_MESSAGE = "inte redan när anbudet lämnas"
#: The placeholder that clause_text puts in for an empty target group (second review, item 11).
EMPTY_GROUP = "[målgrupp som ni har definierat]"
#: Kravbyggaren's flag when the box "Målgruppen är definierad" is not ticked.
UNDEFINED_GROUP_MESSAGE = "Målgruppen är inte definierad"


def _source(s: str) -> str:
    return s.split(":")[0]


def _check(req: Requirement, confirmed: bool) -> None:
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
    if EMPTY_GROUP in req.clause or any(UNDEFINED_GROUP_MESSAGE in f.message for f in req.flags):
        raise InputError("Målgruppen saknas. Skriv in målgruppen i Kravbyggaren, till exempel ”personer som har "
                         "varit arbetslösa i minst 12 månader”, kryssa i rutan om att målgruppen är definierad, "
                         "klicka på **Bygg kravet** igen och skapa sedan bilagan. Kommunen ska själv definiera "
                         f"målgruppen i villkoret ({_source(SOURCE_UHM_VILLKOR)}).")
    if req.suggested_positions == 0 and req.variant != "dialog" and not confirmed:
        raise InputError("Kursens tumregel föreslår inget krav på anställning eller praktik i det här kontraktet, "
                         "men villkoret skulle ändå kräva minst en plats. Det kan vara oproportionerligt (4 kap. 1 § "
                         "LOU). Välj dialogvarianten i Kravbyggaren, eller kryssa i rutan om att ni ändå vill ställa "
                         "kravet och har motiverat varför det är proportionerligt.")


def contract_years(req: Requirement) -> int | None:
    """Whole or started contract years, from Kravbyggaren's estimate (None if it cannot be told: no value)."""
    if not req.fte:
        return None
    months = req.fte_years * 12 / req.fte
    return max(1, math.ceil(months / 12 - 1e-9))


def milestone_bullets(years: int | None) -> list[str]:
    """The milestone table of A5: one line per contract year before the end, and 100 % when the contract ends."""
    if years is None:
        lines = ["vid utgången av avtalsår [nummer]: [andel] procent (en rad per avtalsår)"]
    else:
        lines = [f"vid utgången av avtalsår {y}: [andel] procent" for y in range(1, years)]
    return lines + ["när avtalet upphör: 100 procent (hela åtagandet)"]


def _health_words(target_group: str) -> list[str]:
    folded = target_group.casefold()
    return [w for w in _HEALTH_WORDS if w in folded]


def _crime_words(target_group: str) -> list[str]:
    return [m.group(0) for m in _CRIME_WORDS.finditer(target_group)]


#: Kravbyggaren's example of the total ("(till exempel 3 personer i 12 månader)"), left out with a framework
#: agreement, where the total follows the invoiced volume (verification read, new finding 2).
_EXAMPLE_RE = re.compile(r" \(till exempel [^()]* i [^()]* månader\)")


def framework_clause(clause: str) -> str:
    """Kravbyggaren's clause for a framework agreement: without the example of the total, which does not hold."""
    return _EXAMPLE_RE.sub("", clause)


def _part_a(req: Requirement, clause: str, ramavtal: bool = False) -> list[Section]:
    dialog = req.variant == "dialog"
    health, crime = _health_words(clause), _crime_words(clause)
    if ramavtal and not dialog:
        clause = framework_clause(clause)
    if dialog:
        measure = ("Leverantören rapporterar antal dialogmöten under perioden och vilka åtgärder som har "
                   "överenskommits. Rapporten får inte innehålla uppgifter om enskilda personer.")
    else:
        total = max(req.suggested_positions, 1) * req.months_per_position  # as in clause_text
        measure = (f"Villkoret kräver sammanlagt minst {fmt.number(total)} månader på heltid"
                   + (" (vid ramavtal: enligt punkten om ramavtal i A1)" if ramavtal else "")
                   + ". Leverantören rapporterar antal tillsatta platser (varav anställningar), fullgjorda "
                     "heltidsmånader, platser som har slutat i förtid och personer som var kvar i anställning hos "
                     "leverantören när platsen slutade, sammanlagt från avtalsstart, och antal "
                     "anmälda behov, behov utan förslag på kandidat och erbjudanden som inte har antagits. Deltid "
                     "räknas om till heltid.")
    early = {"anställning": [EARLY_END], "praktik": [EARLY_END_PRAKTIK],
             "anställning eller praktik": [EARLY_END_BOTH, EMPLOYMENT_PREFIX + EARLY_END,
                                           INTERNSHIP_PREFIX + EARLY_END_PRAKTIK]}.get(req.variant, [])
    if dialog:
        proof = Section(HEADINGS[3], [
            "Villkoret om dialog innebär ingen skyldighet att anställa eller ta emot praktikanter. Leverantören "
            "behöver därför inte visa underlag om enskilda personer.",
        ])
    else:
        if crime:
            ways = ["(a) personen har föreslagits av kommunens matchningsansvariga. Leverantören får inte begära "
                    "andra underlag om att personen tillhör målgruppen."]
        elif health:
            ways = ["(a) personen har föreslagits av kommunens matchningsansvariga, eller",
                    "(b) personen visar själv ett beslut från den myndighet som har beviljat stödet, och beslutet "
                    "visar bara att personen tillhör målgruppen. Leverantören får inte begära läkarintyg eller "
                    "andra underlag om personens hälsa."]
        else:
            ways = ["(a) personen har föreslagits av kommunens matchningsansvariga, eller",
                    "(b) personen visar själv ett skriftligt underlag, till exempel ett intyg, som visar att personen "
                    "tillhör målgruppen."]
        proof = Section(HEADINGS[3], ([REFERRAL_ONLY.split(". ")[0] + " (A1)."] if crime else []) + [
            "Leverantören ska kunna visa att en person tillhör målgruppen när anställningen eller praktiken börjar. "
            "Som underlag räcker " + ("följande:" if crime else "något av följande:"),
        ], bullets=ways + [
            "Underlaget ska bara visa att personen tillhör målgruppen, inte varför eller annat om personen. Beställaren "
            "har rätt att i stickprov ta del av underlaget hos leverantören, i den mån det behövs för att kontrollera "
            "att villkoret är uppfyllt.",
            RETENTION,
        ])
    commitment = [] if dialog else (([REFERRAL_ONLY] if crime else []) + early + [DECLINED]
                                    + ([FRAMEWORK] if ramavtal else []))
    if dialog:
        sanctions = ["Rättelse: beställaren anmäler en brist skriftligt till leverantören, som får en tid att rätta "
                     "den enligt punkterna nedan.",
                     EXAMPLE_VITE_DIALOG]
    else:
        sanctions = ["\n".join([MILESTONES_INTRO] + milestone_bullets(contract_years(req))), CURE, EXAMPLE_VITE,
                     EXEMPTION_REFERRAL_ONLY if crime else EXEMPTION]
    sanctions += [REPORT_VITE, ONE_VITE]
    if ramavtal:
        sanctions.append(FRAMEWORK_EXCLUSION_DIALOG if dialog else FRAMEWORK_EXCLUSION)
    sanctions.append(TERMINATION_DIALOG if dialog else TERMINATION)
    return [
        Section(PART_A, [
            "Villkoren nedan är särskilda kontraktsvillkor och blir en del av avtalet (17 kap. 1 § LOU). De ska "
            "uppfyllas när kontraktet fullgörs, inte när anbudet lämnas.",
        ]),
        Section(HEADINGS[1], [clause], bullets=commitment + [
            "Leverantören ansvarar för att underleverantörer som utför arbetet inom kontraktet medverkar till att "
            "villkoret uppfylls och till uppföljningen.",
            "Anbudsgivaren bekräftar i anbudet att villkoret accepteras.",
        ]),
        Section(HEADINGS[2], [
            measure,
            "Leverantören rapporterar senast [antal] dagar efter varje kvartals slut och när avtalet upphör, i "
            "beställarens rapportmall: en rad per avtal och rapportperiod"
            + (". " if dialog else ", bara antal. ")
            + "Rapporten får inte innehålla namn, personnummer, kontaktuppgifter eller annat om enskilda personer.",
            "Beställaren kan kalla till uppföljningsmöte. Leverantören ska då medverka"
            + ("." if dialog else " och på begäran visa underlag enligt A3."),
        ]),
        proof,
        Section(HEADINGS[4], [
            "Kommunens matchningsansvariga föreslår kandidater inom [antal] veckor efter leverantörens anmälan om "
            "behov. Leverantören beslutar själv om anställning eller praktik"
            + (". Bara personer som den matchningsansvariga har föreslagit räknas in i åtagandet (A1). " if crime
               and not dialog else " och får också rekrytera på egen hand eller via Arbetsförmedlingen, Eures eller "
               "annan aktör. ")
            + "Uppgifter om kandidater lämnas till leverantören "
            "bara om kandidaten har samtyckt till det; samtycket gör att kommunen kan lämna ut uppgifter som annars "
            "omfattas av sekretess (offentlighets- och sekretesslagen (2009:400)). Kontaktuppgifter till den "
            "matchningsansvariga lämnas vid avtalsstart.",
        ]),
        Section(HEADINGS[5], sanctions[:1], bullets=sanctions[1:]),
    ]


def _part_b(req: Requirement, target_group: str, ramavtal: bool = False, has_fields: bool = True) -> list[Section]:
    health, crime = _health_words(target_group), _crime_words(target_group)
    dialog = req.variant == "dialog"
    decide = [] if dialog else [  # the points about offered places: not in the dialogue variant
        "Förtida avslut: regeln i A1 om tre fjärdedelar av den avtalade tiden följer Upphandlingsmyndighetens "
        f"kriterium ({_source(SOURCE_UHM_KRITERIUM)}). Kriteriet gäller anställning; för praktik har kursen använt "
        "samma regel. Kontrollera med er upphandlingsjurist att den passar.",
        "Tackar en person nej: A1 säger att ett erbjudande som inte antas inte räknas som fullgjord tid och att "
        "delmålet skjuts fram. Bestäm hur många veckor. Kriteriet säger inget om detta.",
        "Delmål (A5): sätt andelarna så att de går att nå, med tanke på att det första erbjudandet ska lämnas inom "
        "den tid som A1 anger och att matchningen tar tid. Det sista delmålet är alltid hela åtagandet. Har avtalet "
        "fler avtalsår än raderna i A5, eller kan det förlängas, lägg till rader.",
        ("Befrielse från vite (A5): målgruppen handlar om brott, och därför räknas bara personer som kommunens "
         "matchningsansvariga har föreslagit (A1 och A3). Befrielsen gäller då bara en anmälan till den "
         "matchningsansvariga. Se till att den matchningsansvariga kan föreslå kandidater inom den tid som A4 "
         "anger. Bestäm hur många veckor före delmålet behovet ska vara anmält." if crime else
         "Befrielse från vite (A5): befrielsen gäller oavsett om leverantören har anmält behovet till kommunens "
         "matchningsansvariga, till Arbetsförmedlingen, via Eures eller till någon annan. Den matchningsansvariga "
         f"är ett stöd, inte den enda vägen ({_source(SOURCES[2])}). Bestäm hur många veckor före delmålet behovet "
         "ska vara anmält."),
    ]
    # the points that hold for every variant; the dialogue variant has no proof about individuals (A3) and no
    # retention of it, and nobody is employed under its terms (verification read, new finding 4)
    decide += [
        "Arbetsrättsliga villkor: kontrollera om särskilda arbetsrättsliga villkor ska ställas (17 kap. 2–5 §§ LOU). "
        + ("De gäller också personer som anställs efter dialogen." if dialog else
           "De gäller även personer som anställs enligt detta villkor."),
        "Upphandling under tröskelvärdena: kontrollera med er upphandlingsjurist vilka bestämmelser som gäller "
        "(19 kap. LOU; vid direktupphandling 19 a kap. LOU).",
    ]
    if not dialog:
        decide += [
            ("Underlag om målgruppen (A3): villkoren godtar bara att den matchningsansvariga har föreslagit "
             "personen. Leverantören får inte begära andra underlag." if crime else
             "Underlag om målgruppen (A3): ta reda på vilka intyg personerna i er målgrupp kan få, och av vem, "
             "innan villkoret används. Kursen har inte kontrollerat vilka intyg som finns."),
            "Gallring (A3): bestäm hur länge leverantören får spara underlaget. Spara inte längre än det behövs "
            "(lagringsminimering, artikel 5.1 e i dataskyddsförordningen).",
        ]
    if dialog:
        decide.append(
            "Ramavtal: villkoren har en punkt om avstängning från avrop (A5). Dialogvillkoret knyts inte till "
            "fakturerad volym. Avstängning från avrop är möjlig om den står i upphandlingsdokumenten "
            f"({_source(SOURCE_UHM_BRISTER)})." if ramavtal else
            "Ramavtal: är upphandlingen ett ramavtal, skapa bilagan igen med rutan för ramavtal ikryssad. Då får "
            f"villkoren en punkt om avstängning från avrop ({_source(SOURCE_UHM_BRISTER)}).")
    else:
        decide.append(
            "Ramavtal: villkoren innehåller en punkt om ramavtal (A1) och om avstängning från avrop (A5). Bestäm hur "
            "många heltidsmånader per fakturerat belopp som ska gälla, och efter hur många fakturerade kronor "
            "fristen för det första erbjudandet börjar löpa. Det gör att åtagandet följer den volym som faktiskt "
            "avropas, och att varje leverantör bara bär sin egen del. Avstängning från avrop är möjlig om den står i "
            f"upphandlingsdokumenten ({_source(SOURCE_UHM_BRISTER)})." if ramavtal else
            "Ramavtal: är upphandlingen ett ramavtal, skapa bilagan igen med rutan för ramavtal ikryssad. Då knyts "
            "åtagandet till den volym som faktiskt avropas, och villkoren får en punkt om avstängning från avrop "
            f"({_source(SOURCE_UHM_BRISTER)}).")
    personal = [
        "Bestäm innan upphandlingen vem som är personuppgiftsansvarig för vilken behandling (artikel 4.7–4.8 i "
        "dataskyddsförordningen). Kommunens del ska ligga på en nämnd; bestäm vilken tillsammans med "
        "dataskyddsombudet. Leverantören är som arbetsgivare personuppgiftsansvarig för uppgifterna om sina egna "
        "anställda.",
        "Om leverantören behandlar personuppgifter för kommunens räkning är leverantören personuppgiftsbiträde: "
        "bifoga då ett utkast till biträdesavtal i upphandlingsdokumenten (artikel 28.3 i dataskyddsförordningen).",
        "Uppföljningen efter platsen (om personen har arbete 6 och 12 månader efter) görs av kommunens "
        "arbetsmarknadsenhet med den enskildes medverkan, inte av leverantören. Den står därför inte i villkoren, "
        "och rapportmallen har inga kolumner för den.",
        "Kommunen begär bara att få se underlag om målgruppen när det behövs för att kontrollera att villkoret är "
        "uppfyllt, och bara så mycket som behövs (uppgiftsminimering, artikel 5.1 c i dataskyddsförordningen).",
        "Samtycke (A4): kandidatens samtycke gör att kommunen kan lämna ut uppgifter som omfattas av sekretess. Det "
        "är däremot sällan en giltig rättslig grund enligt dataskyddsförordningen när kommunen behandlar "
        "uppgifterna, eftersom den enskilde och kommunen inte är jämbördiga (skäl 43 i dataskyddsförordningen). "
        "Bestäm kommunens rättsliga grund med dataskyddsombudet, till exempel en uppgift av allmänt intresse "
        "(artikel 6.1 e i dataskyddsförordningen).",
        SMALL_NUMBERS,
        PUBLIC_REPORT,
        FOLLOW_UP_BULLETS[3],
        "Rapporten kommer oftast in till den nämnd som har upphandlat, till exempel en servicenämnd. Där gäller inte "
        "sekretessen inom socialtjänsten. Uppgifter om en enskilds hälsa kan i stället vara skyddade av sekretess om "
        "det måste antas att personen lider betydande men om uppgiften lämnas ut (21 kap. 1 § offentlighets- och "
        "sekretesslagen). Kontrollera med kommunens jurist vilken sekretess som gäller hos den nämnd som tar emot "
        "rapporten.",
        "Del B kan bli en allmän handling hos kommunen, till exempel när den har skickats till någon eller när "
        "ärendet är avslutat, och vem som helst kan då begära att få läsa den, också en anbudsgivare (2 kap. 4 och "
        "10 §§ tryckfrihetsförordningen). Skriv därför inget i den som ni inte vill att anbudsgivarna ska läsa.",
    ]
    if health:
        personal.insert(3, "Målgruppen kan röja uppgifter om hälsa (”" + health[0] + "”). Då är alla underlag om att "
                        "en person hör till målgruppen känsliga personuppgifter: en anvisning, ett intyg, ett "
                        "beslut och också ett litet antal i en rapport, eftersom de indirekt visar något om personens "
                        "hälsa (artikel 9.1 i dataskyddsförordningen; EU-domstolen, C-184/20 OT). En anvisning löser "
                        "alltså inte problemet. Ta reda på den rättsliga grunden innan villkoret används: för "
                        "leverantören som arbetsgivare kan det vara artikel 9.2 b i dataskyddsförordningen, med "
                        "kompletterande bestämmelser i lagen (2018:218) med kompletterande bestämmelser till EU:s "
                        "dataskyddsförordning. Villkoren (A3) tillåter därför bara en anvisning eller ett beslut som "
                        "bara visar att personen tillhör målgruppen. Ordna helst så att den som har anvisat "
                        "personerna bara bekräftar antalet till den som följer upp avtalet, så att den inte tar del "
                        "av underlag om enskilda.")
    if crime:
        personal.insert(3, "Målgruppen handlar om brott eller straff (”" + crime[0] + "”). Uppgifter om "
                        "lagöverträdelser får som huvudregel bara behandlas av myndigheter; ett företag får "
                        "behandla dem bara i de fall som nationell rätt anger (artikel 10 i dataskyddsförordningen; "
                        f"{_source(SOURCE_IMY_BROTT)}). Redan att leverantören vet att en anställd hör till "
                        "målgruppen är en sådan uppgift. Ta reda på med dataskyddsombudet om villkoret alls går att "
                        "använda. Villkoren (A3) tillåter bara en anvisning från den matchningsansvariga, inga andra "
                        "underlag.")
    prepare = ([FILL_IN_WARNING] if has_fields else []) + [
        "Låt kommunens upphandlingsjurist granska villkoren (del A) innan de används.",
        f"Bifoga rapportmallen ({TEMPLATE_FILE}) till upphandlingsdokumenten, gärna med kommunens eget filnamn.",
        f"Villkorsvariant: {VARIANTS[req.variant]}" + (", ramavtal." if ramavtal else "."),
        FIRST_PROCUREMENT_BULLETS[0],
    ]
    if req.suggested_positions == 0 and not dialog:
        prepare.insert(1, "Kursens tumregel föreslår inget krav på anställning eller praktik i det här kontraktet, "
                          "men ni har valt att ändå ställa det. Dokumentera varför kravet är proportionerligt i "
                          "förhållande till kontraktets omfattning och längd (4 kap. 1 § LOU), eller välj "
                          "dialogvarianten.")
    sources = SOURCES[:3] + [SOURCE_UHM_KRITERIUM, SOURCE_UHM_VILLKOR, SOURCE_UHM_ANVISNINGAR, SOURCE_UHM_UPPFOLJNING,
                             SOURCE_UHM_BRISTER, SOURCES[-1]]
    if not dialog:
        sources.insert(4, SOURCE_LAS)
    if health:
        sources.append(SOURCE_CURIA_OT)
    if crime:
        sources.append(SOURCE_IMY_BROTT)
    return [
        Section(PART_B, [
            "Del B är kursens anvisning till dig som upphandlare. Bifoga den inte till upphandlingsdokumenten. "
            "Texten är ett förslag från kursen Socialt ansvarsfull upphandling och IOP. Villkorstexten och antalet "
            "platser bygger på kursens tumregel, som inte är lag. Del A heter i filen "
            f"”{PART_A_TITLE}” och kan bifogas som den är när fälten är ifyllda.",
        ]),
        Section(HEADINGS[7], bullets=prepare),
        Section(HEADINGS[8], bullets=[
            FIRST_PROCUREMENT_BULLETS[1], FIRST_PROCUREMENT_BULLETS[2],
            "Det gäller även indirekt, till exempel om målgruppen avgränsas till personer som är folkbokförda i eller "
            "får stöd från en viss kommun, eller som bor i ett visst område eller en viss stadsdel (4 kap. 1 § LOU). "
            "Kravbyggaren stoppar bilagan när den känner igen sådana ord, och varnar när målgruppen knyts till ett "
            "svenskt stödsystem, till exempel försörjningsstöd eller Arbetsförmedlingen. Spärren fångar bara vissa "
            "ord: kontrollera själv att målgruppen inte knyts till ett område, en stadsdel eller ett svenskt "
            "stödsystem. Skriv i så fall till ”eller motsvarande stöd eller myndighet i ett annat EES-land”.",
            FIRST_PROCUREMENT_BULLETS[3],
        ]),
        Section(HEADINGS[9], bullets=decide),
        Section(HEADINGS[10], [EXAMPLE_NOTE], bullets=[
            "Ett vite ska vara proportionerligt. Välj i A5 om vitet ska vara den enda ersättningen för bristen eller "
            "om skadestånd också ska kunna krävas, och stryk det andra alternativet. Ett oskäligt vite kan jämkas av "
            "domstol (jämkning av oskäliga avtalsvillkor, 36 § lagen (1915:218) om avtal och andra rättshandlingar "
            "på förmögenhetsrättens område). Därför har vitena i A5 tak per avtalsår"
            + ("." if dialog else " och för hela avtalstiden, och samma heltidsmånad ger bara vite en gång."),
            "Hävning kräver ett väsentligt avtalsbrott. Det är en allmän avtalsrättslig princip (jämför 25 § "
            "köplagen (1990:931)). Exemplen i A5 gör det förutsebart för anbudsgivarna när avtalsbrottet är "
            "väsentligt; välj gränser som står i proportion till åtagandet (4 kap. 1 § LOU).",
            "En hävning avslutar avtalet: då behövs oftast en ny upphandling av det som återstår.",
            "Avstår beställaren från vite, dokumentera skälen. Det är inget lagkrav men god ordning, och det visar "
            "att leverantörerna behandlas lika under avtalstiden (jämför 4 kap. 1 § LOU).",
        ]),
        Section(HEADINGS[11], personal),
        Section(HEADINGS[12], bullets=[f"{f.severity.capitalize()}: {f.message} ({f.lagrum})" for f in req.flags]
                or ["Kravbyggaren hittade inga flaggor. Kontrollera ändå målgrupp, uppföljning och sanktioner."]),
        Section(HEADINGS[13], bullets=sources),
    ]


def build_annex(req: Requirement, avtal: str = "", *, ramavtal: bool = False,
                bekraftat_krav: bool = False) -> tuple[str, list[Section]]:
    """Title and sections of the annex for Kravbyggaren's result ``req``: part A (contract terms, attached to the
    procurement documents) and part B (guidance for the official, not attached). ``ramavtal`` adds the
    framework-agreement terms; ``bekraftat_krav`` confirms an offer of employment or internship where the rule of
    thumb suggests none. Raises InputError with Swedish messages; refuses a result with a flag that is not allowed,
    that contradicts the annex, without a target group, or with no suggested place and no confirmation."""
    _check(req, bekraftat_krav)
    avtal = str(avtal or "").strip()
    try:
        check_no_contact_details("Avtalets benämning", avtal)
    except InputError:
        raise InputError("Avtalets benämning: skriv inte telefonnummer eller e-postadress. Bilagan ska ligga i "
                         "upphandlingsdokumenten, som alla anbudsgivare får läsa.") from None
    if len(avtal) > 200:
        raise InputError("Avtalets benämning är för lång. Skriv högst 200 tecken.")
    title = PART_A_TITLE + (f" – {avtal}" if avtal else "")
    clause = plain_clause(req)
    part_a = _part_a(req, clause, ramavtal)
    has_fields = any("[" in t for sec in part_a for t in sec.paragraphs + sec.bullets)
    return title, part_a + _part_b(req, clause, ramavtal, has_fields)  # the clause holds the target group


class AnnexFiles(NamedTuple):
    """The two files the annex is written to: part A is attached to the procurement documents, part B is not."""
    villkor: Path
    anvisning: Path


def split_annex(sections: list[Section]) -> tuple[list[Section], list[Section]]:
    """Part A (up to the heading of part B) and part B of the annex's sections."""
    at = next(i for i, sec in enumerate(sections) if sec.heading == PART_B)
    return sections[:at], sections[at:]


def save_annex(req: Requirement, format: str = "docx", folder: str | Path = DEFAULT_FOLDER, avtal: str = "",
               day: _dt.date | None = None, *, ramavtal: bool = False, bekraftat_krav: bool = False) -> AnnexFiles:
    """Build the annex and write part A and part B to two new files in ``folder`` (earlier files are never
    overwritten). Two files, so that the official can attach part A as it is without the guidance for them."""
    title, sections = build_annex(req, avtal, ramavtal=ramavtal, bekraftat_krav=bekraftat_krav)
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
