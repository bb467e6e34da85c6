"""Module 07's IOP initiative: the outline an idéburen organisation brings to the municipality to propose an IOP.

It is the organisation's side of the table, in two parts. Part 1, *Till kommunen*, is the letter in the
organisation's own voice ("vi"): the need it sees, what it already does and contributes itself, what it asks of
the municipality, a proposal for a joint analysis of the need, and why the partnership is not a purchase. Part 2,
*Vår egen checklista – skickas inte*, is the organisation's internal list: the checks of the municipality's
agreement outline (``documents.iop_outline``, module 03; the joint analysis is proposed in the letter, so it is not
a check here), what the partnership must not become, state aid, what applies if the idea is a purchase, and
the alternatives. When a check that concerns LOU fails, or the contribution or follow-up speaks of payment per
unit, the title says that the idea is probably a purchase, not an IOP. Part 1 has marked places for the recipient,
date, contact person and signature (the form takes no contact details; they are typed in Word). ``write_initiative``
writes the document with ``documents.writer`` and puts the sections under each part one heading level down, so that
Word's navigation pane shows where part 1 ends. Bad input raises InputError with Swedish messages.
"""
from __future__ import annotations

import re
from pathlib import Path

from upphandlingskurs import format as fmt
from upphandlingskurs.content.data import GR_MUNICIPALITIES
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.decisions.cooperation import LEGAL_TEST
from upphandlingskurs.documents.action_plan import check_no_contact_details
from upphandlingskurs.documents.iop_outline import ASSESSMENT_TITLE, CHECKS, LOU_CHECKS
from upphandlingskurs.documents.iop_outline import PER_UNIT  # the same words as the agreement outline (module 03)
from upphandlingskurs.documents.iop_outline import if_a_purchase as outline_if_a_purchase
from upphandlingskurs.documents.iop_outline import de_minimis_check
from upphandlingskurs.documents.writer import Section, write_document
from upphandlingskurs.parsing import InputError, parse_number

INITIATIVE_TITLE = "Initiativ till idéburet offentligt partnerskap (IOP)"
LETTER_HEADING = "Del 1. Till kommunen"
CHECKLIST_HEADING = "Del 2. Vår egen checklista – skickas inte"
ABOUT_HEADING = "Om dokumentet"
PART_HEADINGS = (ABOUT_HEADING, LETTER_HEADING, CHECKLIST_HEADING)  # heading level 1; every other section level 2
# The joint analysis is what the initiative proposes, so it cannot already be done: it is not a check here.
PROPOSED = "gemensam_analys"
INITIATIVE_CHECKS = [(name, label, advice) for name, label, advice in CHECKS if name != PROPOSED]

PER_UNIT_WARNING = (
    "Det ni önskar av kommunen eller uppföljningen räknar levererade enheter, till exempel träffar, tillfällen, "
    "deltagare eller timmar. Ersättning per träff, tillfälle, deltagare eller timme tyder på att ni levererar en "
    "tjänst åt kommunen mot ersättning, alltså ett köp (HFD 2020:15). Föreslå ett bidrag till verksamheten och följ "
    "upp gemensamma mål i stället.")
PER_UNIT_ALWAYS = ("Ersättning per träff, tillfälle, deltagare eller timme tyder på ett köp, inte ett partnerskap "
                   "(HFD 2020:15).")


def per_unit(text: str) -> bool:
    """Does the text speak of payment per delivered unit (the agreement outline's words or the ones above)?"""
    return bool(PER_UNIT.search(text))


# -- part 1: the letter ("vi") --------------------------------------------------------------------------------------
MUCF_KEYS = [
    "ett medvetet val av samverkansform: varför IOP och inte bidrag eller upphandling",
    "en gemensam analys av samhällsutmaningen",
    "tydlighet om vad som ägs gemensamt",
    "gemensamma lärandemål",
]
NOT_A_PURCHASE = (
    "Vi vet att ett IOP inte får bli ett köp. Om vi genom avtal åtar oss att utföra en tjänst åt kommunen mot "
    "ersättning är det ett offentligt kontrakt som ska upphandlas, oavsett vad avtalet kallas (HFD 2020:15). Därför "
    "föreslår vi ingen ersättning per deltagare, träff eller timme, och vi föreslår att kommunen inte bestämmer hur "
    "verksamheten utförs. Båda parter bidrar, och vi följer upp gemensamma mål. Hur avtalet till slut skrivs avgör "
    "bedömningen.")
FOLLOW_UP_GOALS = ("Vi föreslår att uppföljningen gäller de gemensamma målen. Hur många som deltar kan vi redovisa "
                   "som information, men bidraget beror inte på antalet träffar, timmar eller deltagare "
                   "(jfr HFD 2020:15).")
# Marked places in the letter: the form refuses contact details, so they are typed in Word.
LETTER_HEAD = [
    "Till: [fyll i vilken nämnd eller förvaltning i kommunen]",
    "Datum: [fyll i]",
    "Kontaktperson hos oss: [fyll i namn, telefon och e-post]",
]
SIGNATURE = [
    "[Ort och datum – fyll i]",
    "[Underskrift – fyll i]",
    "[Namnförtydligande och uppdrag, till exempel ordförande – fyll i]",
]
NEXT_STEPS = [
    "Vi föreslår ett första möte för den gemensamma analysen. Ett avtal skriver vi först när analysen är klar.",
    "Det är kommunen, genom den nämnd som har behörighet, som beslutar om ett partnerskap.",
]
LETTER_SOURCES = [
    "MUCF, Idéburet offentligt partnerskap (fyra nycklar): https://www.mucf.se/ideburetoffentligtpartnerskap",
    "Malmö stad, IOP – Idéburet Offentligt Partnerskap (Forums kriterier): "
    "https://malmo.se/Service/For-foreningar/Organisationsstod-inom-socialt-omrade/IOP-Ideburet-Offentligt-Partnerskap.html",
    "Högsta förvaltningsdomstolen, HFD 2020:15 (referat): https://lagen.nu/dom/hfd/2020:15",
]

# -- part 2: the organisation's own checklist ------------------------------------------------------------------------
MUST_NOT_BECOME = [
    "Inte ett köp i förklädnad. " + LEGAL_TEST,
    "Inte en ersättning för kommunens egna insatser. Är verksamheten en uppgift som kommunen är skyldig att utföra, "
    "till exempel insatser enligt socialtjänstlagen, och ersätter ni kommunens insats mot betalning, är det sannolikt "
    "ett köp (jfr HFD 2020:15).",
    "Inte ett sätt att gå förbi andra: finns det andra som erbjuder samma sak på en marknad passar IOP inte (Forums "
    "kriterier, återgivna av Malmö stad). Kommunen måste kunna motivera sakligt varför den samarbetar med just er "
    "(likställighetsprincipen, 2 kap. 3 § kommunallagen; objektivitetsprincipen, 1 kap. 9 § regeringsformen).",
]
STATE_AID = [
    "Statsstödsreglerna gäller stöd till företag. En förening räknas som företag när den bedriver ekonomisk "
    "verksamhet, till exempel erbjuder tjänster på en marknad (art. 107.1 i EUF-fördraget; modul 03). Erbjuder ingen "
    "verksamheten på en marknad är kommunens bidrag troligen inte statsstöd. Det är kommunen som gör bedömningen; "
    "stäm av den.",
    "Är bidraget statsstöd kan det lämnas som stöd av mindre betydelse (de minimis): högst {tak} per företag under "
    "en rullande treårsperiod ({tak_lagrum}), eller {sgei} för tjänster av allmänt ekonomiskt intresse, SGEI "
    "({sgei_lagrum}); taken kan inte läggas ihop. Hela det belopp som avtalet ger rätt till räknas när avtalet skrivs "
    "(art. 3 i förordningarna). Modul 03 går igenom reglerna.",
    "Stöd kan lämnas i vilken form som helst, inte bara som pengar (art. 107.1 i EUF-fördraget). Räkna därför också "
    "med värdet av lokaler, personal eller annat som kommunen ställer till förfogande, under hela avtalstiden "
    "(modul 03).",
    "Annat de minimis-stöd räknas bara om beslutet om det säger att det lämnas som stöd av mindre betydelse (de "
    "minimis). Föreningsbidrag och andra bidrag där beslutet inte säger det räknas inte hit. Stöd av mindre betydelse "
    "som vi har fått de senaste tre åren: [fyll i belopp, år och vem som gav stödet, eller skriv inget].",
]
ALTERNATIVES = [
    "IOP passar när ni och kommunen vill utveckla något tillsammans, med gemensamma mål under flera år. Behöver ni "
    "bara pengar till hyran eller verksamheten kan ett föreningsbidrag eller verksamhetsstöd vara enklare; det ges på "
    "samma villkor som för andra (2 kap. 3 § kommunallagen).",
    "Fråga om kommunen har riktlinjer för IOP eller en överenskommelse med civilsamhället, och lämna initiativet i god "
    "tid före nämndens budgetarbete.",
    "Upphandling, om kommunen vill köpa en bestämd tjänst. För vissa välfärdstjänster i bilaga 2 till LOU kan "
    "kommunen reservera upphandlingen för idéburna organisationer (19 kap. 25 a § LOU, från {fran}). Bara "
    "organisationer som uteslutande har ett allmännyttigt syfte i stadgarna får då delta, och villkoren är bland "
    "annat att ert allmännyttiga syfte bidrar till ändamålet med tjänsten och att ni inte gör andra värdeöverföringar "
    "än till registrerade idéburna organisationer eller till forskning (Upphandlingsmyndigheten).",
    "Registrering hos Kammarkollegiet enligt lagen (2022:900) om registrering av idéburna organisationer är frivillig "
    "(från {reg}). Den behövs inte för ett IOP, och den ger ingen rätt till ett IOP eller till ett kontrakt "
    "(Kammarkollegiet, Frågor och svar om registret).",
]
PUBLIC_DOCUMENT = ("Ett initiativ som kommer in till kommunen blir en allmän handling (2 kap. tryckfrihetsförordningen). "
                   "Skriv inga uppgifter om enskilda personer i det.")
CHECKLIST_SOURCES = [
    "Upphandlingsmyndigheten, Frågeportalen: IOP: https://www.upphandlingsmyndigheten.se/frageportalen/2457482/iop/",
    "Upphandlingsmyndigheten, Tröskelvärden och direktupphandlingsgränser: "
    "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/troskelvarden-och-direktupphandlingsgranser",
    "Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2: "
    "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/"
    "reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/",
    "Kammarkollegiet, Frågor och svar om registret över idéburna organisationer: "
    "https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/fragor-och-svar-om-registret-over-ideburna-organisationer",
    "Upphandlingsmyndigheten, Nya regler och takbelopp för statsstöd (2024): "
    "https://www.upphandlingsmyndigheten.se/nyheter/2024/nya-regler-och-takbelopp-for-statsstod/",
]


def if_a_purchase() -> str:
    """What applies if the idea is a purchase: LOU, and which direct-award limit (the bilaga 2 rule)."""
    return outline_if_a_purchase("idén")


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in str(text or "").splitlines() if line.strip(" -•\t")]


def iop_initiative(*, organisation: str, kommun: str, behov: str, egen_verksamhet: str, org_bidrag: str,
                   onskat_av_kommunen: str, analysforslag: str, malgrupp: str, mal: str, uppfoljning: str,
                   belopp_per_ar="", avtalstid_ar="", eurokurs="", **checks: bool) -> tuple[str, list[Section], list[str]]:
    """(title, sections, warnings) of an idéburen organisation's IOP initiative. Raises InputError.

    ``checks`` are the boolean checks of ``iop_outline.CHECKS`` (by name); a missing check counts as not ticked.
    ``gemensam_analys`` is accepted and ignored: the initiative proposes the joint analysis. ``belopp_per_ar``
    (what the organisation asks of the municipality a year) may be left empty; when it is given, ``avtalstid_ar``
    and ``eurokurs`` are needed to compare it with the de minimis ceilings.
    """
    unknown = set(checks) - {name for name, _label, _advice in CHECKS}
    if unknown:
        raise TypeError(f"unknown checks: {sorted(unknown)}")
    problems = []
    texts = {"Organisationens namn": organisation, "Behovet ni ser": behov, "Er egen verksamhet": egen_verksamhet,
             "Ert eget bidrag": org_bidrag, "Förslag till gemensam analys": analysforslag, "Målgrupp": malgrupp,
             "Mål": mal, "Uppföljning": uppfoljning}
    for label, text in texts.items():
        if not str(text or "").strip():
            problems.append(f"{label} saknas.")
    if kommun not in GR_MUNICIPALITIES:
        problems.append("Välj en av GR:s 13 kommuner.")
    for label, text in {**texts, "Det ni önskar av kommunen": onskat_av_kommunen}.items():
        try:
            check_no_contact_details(label, text)
        except InputError as e:
            problems.append(str(e))
    belopp = years = rate = None
    try:
        belopp = parse_number(belopp_per_ar, "Önskat bidrag per år (kr)", minimum=0, allow_empty=True)
        if belopp:
            years = parse_number(avtalstid_ar, "Avtalstid (år)", minimum=1, maximum=10, integer=True)
            rate = parse_number(eurokurs, "Eurokurs (kr per euro)", minimum=1, maximum=100)
    except InputError as e:
        problems.append(str(e) + (" Skriv avtalstid och eurokurs när ni anger ett belopp." if belopp else ""))
    if problems:
        raise InputError("\n".join(problems))

    paid_per_unit = per_unit(f"{onskat_av_kommunen}\n{uppfoljning}")
    done = {name: bool(checks.get(name, False)) for name, _l, _a in INITIATIVE_CHECKS}
    if paid_per_unit:
        done["ingen_leveransplikt"] = False  # a ticked box does not outweigh payment per unit in the text
    warnings, lou_concern = [], paid_per_unit
    for name, _label, advice in INITIATIVE_CHECKS:
        if not done[name]:
            warnings.append(advice)
            lou_concern |= name in LOU_CHECKS
    if paid_per_unit:
        warnings.append(PER_UNIT_WARNING)
    amount = ""
    if belopp:
        kr, eur, aid_warnings = de_minimis_check(float(belopp), int(years), float(rate))
        warnings += aid_warnings
        amount = (f"Vi föreslår att kommunen bidrar med {fmt.kr(float(belopp))} per år i {int(years)} år, sammanlagt "
                  f"{fmt.kr(kr)}.")
        aid_count = (f"Det belopp ni föreslår, {fmt.kr(kr)}, är cirka {fmt.number(round(eur))} euro med kursen "
                     f"{fmt.number(float(rate), 2)} kr per euro. Räkna om med kursen den dag stödet beviljas.")

    name, title_tail = organisation.strip(), f"{organisation.strip()} och {kommun}"
    title = f"{ASSESSMENT_TITLE}: {title_tail}" if lou_concern else f"{INITIATIVE_TITLE}: {title_tail}"
    tak, sgei = fakta("de_minimis_tak"), fakta("de_minimis_sgeu_tak")

    def status(check: str) -> str:  # text, not colour, carries the status
        return "Klart" if done[check] else "Att klara ut"

    about = [
        "Dokumentet har två delar. Del 1 är initiativet till kommunen. Del 2 är er egen checklista. Ta bort det här "
        "avsnittet och del 2 innan ni skickar initiativet.",
        "Fyll i mottagare, datum, kontaktperson och underskrift i del 1 i Word innan ni skickar. Allt som står inom "
        "hakparentes [ ] ska ersättas. Kursens formulär tar inte emot kontaktuppgifter.",
        (f"Minst en kontroll som gäller LOU är inte uppfylld. Då är idén troligen ett köp som ska upphandlas, inte ett "
         f"IOP (HFD 2020:15). Skicka inte dokumentet som ett IOP-initiativ förrän ni har klarat ut punkterna i del 2."
         if lou_concern else
         "Initiativet kommer från organisationen, som Forums kriterier förutsätter (återgivna av Malmö stad)."),
    ]
    sections = [
        Section(ABOUT_HEADING, about),
        Section(LETTER_HEADING, [
            *LETTER_HEAD,
            f"Det här är ett initiativ från {name} till kommunen ({kommun}) om ett idéburet offentligt partnerskap "
            "(IOP). Det är ett underlag för ett första samtal, inte ett avtal och inte en ansökan om bidrag."]),
        Section("Behovet vi ser", [behov.strip()]),
        Section("Vår egen verksamhet", [egen_verksamhet.strip()]),
        Section("Det vi själva bidrar med", ["I ett IOP bidrar båda parter med resurser (MUCF; Forums kriterier)."],
                _lines(org_bidrag)),
        Section("Det vi föreslår att kommunen bidrar med",
                [amount] if amount else ([] if _lines(onskat_av_kommunen) else
                                         ["[Fyll i vad vi önskar av kommunen: pengar, lokaler, personal eller kunskap.]"]),
                _lines(onskat_av_kommunen)),
        Section("Målgrupp och gemensamma mål", [malgrupp.strip()], _lines(mal)),
        Section("Förslag till gemensam analys av behovet", [
            analysforslag.strip(),
            "Vi föreslår att analysen följer MUCF:s fyra nycklar för IOP:"], MUCF_KEYS),
        Section("Så vill vi följa upp tillsammans", [] if paid_per_unit else [FOLLOW_UP_GOALS], _lines(uppfoljning)),
    ]
    if not lou_concern:
        sections.append(Section("Varför ett partnerskap och inte ett köp", [NOT_A_PURCHASE]))
    sections += [
        Section("Nästa steg", [], NEXT_STEPS),
        Section("Underskrift", [f"För {name}:", *SIGNATURE]),
        Section("Källor till del 1", [], LETTER_SOURCES),
        Section(CHECKLIST_HEADING, ["Ta bort den här delen innan ni skickar initiativet.", PER_UNIT_ALWAYS]),
    ]
    if warnings:
        sections.append(Section("Att klara ut innan ni skickar initiativet", [], warnings))
    sections += [
        Section("Kontroller", ["Samma kontroller som kommunens IOP-checklista i modul 03."],
                ["Föreslås i initiativet: en gemensam analys av behovet (MUCF:s nycklar). Gör den tillsammans med "
                 "kommunen innan ni skriver avtal."]
                + [f"{status(n)}: {label}." for n, label, _a in INITIATIVE_CHECKS]),
        Section("Det här får partnerskapet inte bli", [], MUST_NOT_BECOME),
        Section("Statsstöd", [aid_count] if belopp else [], [
            text.format(tak=tak.text, tak_lagrum=tak.lagrum, sgei=sgei.text, sgei_lagrum=sgei.lagrum)
            for text in STATE_AID]),
        Section("Om idén är ett köp", [if_a_purchase()]),
        Section("Om IOP inte passar", [], [text.format(fran=fakta("reserverad_ideburna_ikraft").text,
                                                       reg=fakta("registreringslag_ideburna_ikraft").text)
                                           for text in ALTERNATIVES]),
        Section("Innan ni skickar", [PUBLIC_DOCUMENT]),
        Section("Källor till del 2", [], CHECKLIST_SOURCES),
    ]
    return title, sections, warnings


def heading_levels(sections: list[Section]) -> list[int]:
    """1 for the document's parts (about, part 1, part 2), 2 for the sections under them."""
    return [1 if s.heading in PART_HEADINGS else 2 for s in sections]


def write_initiative(title: str, sections: list[Section], path: str | Path, fmt: str = "docx") -> Path:
    """``writer.write_document`` with part 1 and part 2 as main headings (Word: Rubrik 1, Markdown ``##``, HTML
    ``<h2>``) and the sections under them one level down (Rubrik 2, ``###``, ``<h3>``)."""
    levelled = [Section(s.heading, s.paragraphs, s.bullets, level=lvl)
                for s, lvl in zip(sections, heading_levels(sections))]
    return write_document(title, levelled, path, fmt)
