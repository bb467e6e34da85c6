"""Module 07's IOP initiative: the outline an idéburen organisation brings to the municipality to propose an IOP.

It is the organisation's side of the table: the need it sees, what it already does and contributes itself, a
proposal for a joint analysis of the need, and what the partnership must not become. The municipality's agreement
outline is ``documents.iop_outline`` (module 03); this module reuses its checks (the legal test of HFD 2020:15 and
Forum's criteria), its per-unit warning and its de minimis check rather than repeating them, and the legal test's
wording from ``decisions.cooperation``. When a check that concerns LOU fails, the title says that the idea is
probably a purchase, not an IOP. Bad input raises InputError with Swedish messages.
"""
from __future__ import annotations

from upphandlingskurs import format as fmt
from upphandlingskurs.content.data import GR_MUNICIPALITIES
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.decisions.cooperation import LEGAL_TEST, STATUTORY_TASK_RISK
from upphandlingskurs.documents.action_plan import check_no_contact_details
from upphandlingskurs.documents.iop_outline import ASSESSMENT_TITLE, CHECKS, LOU_APPLIES, LOU_CHECKS, PER_UNIT_WARNING
from upphandlingskurs.documents.iop_outline import PER_UNIT  # the same words as the agreement outline
from upphandlingskurs.documents.iop_outline import de_minimis_check
from upphandlingskurs.documents.writer import Section
from upphandlingskurs.parsing import InputError, parse_number

INITIATIVE_TITLE = "Initiativ till idéburet offentligt partnerskap (IOP)"
# The four keys of MUCF, the organisation's proposal for how the joint analysis is done.
MUCF_KEYS = [
    "ett medvetet val av samverkansform: varför IOP och inte bidrag eller upphandling",
    "en gemensam analys av samhällsutmaningen",
    "tydlighet om vad som ägs gemensamt",
    "gemensamma lärandemål",
]
MUST_NOT_BECOME = [
    "Inte ett köp i förklädnad. " + LEGAL_TEST,
    STATUTORY_TASK_RISK,
    "Inte ett stöd utan grund i statsstödsreglerna. Erbjuds verksamheten på en marknad kan kommunens pengar vara "
    "statsstöd (art. 107.1 i EUF-fördraget). Stöd av mindre betydelse (de minimis) får vara högst {tak} per företag "
    "under en rullande treårsperiod ({tak_lagrum}), eller {sgei} för tjänster av allmänt ekonomiskt intresse "
    "({sgei_lagrum}); taken kan inte läggas ihop. Hela det belopp som avtalet ger rätt till räknas när avtalet skrivs "
    "(art. 3 i förordningarna). Modul 03 går igenom reglerna.",
    "Inte ett sätt att gå förbi andra: finns det andra som erbjuder samma sak på en marknad passar IOP inte (Forums "
    "kriterier, återgivna av Malmö stad), och kommunen måste kunna motivera sakligt varför den samarbetar med just er "
    "(likställighetsprincipen, 2 kap. 3 § kommunallagen).",
]
ALTERNATIVES = [
    "Ett föreningsbidrag eller verksamhetsstöd, om kommunen vill stödja er verksamhet i stort på samma villkor som "
    "för andra (2 kap. 3 § kommunallagen).",
    "Upphandling, om kommunen vill köpa en bestämd tjänst. För vissa välfärdstjänster i bilaga 2 till LOU kan "
    "kommunen reservera upphandlingen för idéburna organisationer (19 kap. 25 a § LOU, från {fran}); villkoren är "
    "bland annat att ert allmännyttiga syfte bidrar till ändamålet med tjänsten och att ni inte gör andra "
    "värdeöverföringar än till registrerade idéburna organisationer eller till forskning (Upphandlingsmyndigheten).",
    "Registrering hos Kammarkollegiet enligt lagen (2022:900) om registrering av idéburna organisationer är frivillig "
    "(från {reg}). Registret synliggör idéburna organisationer, men registreringen ger ingen rätt till ett IOP eller "
    "till ett kontrakt (Kammarkollegiet, Frågor och svar om registret).",
]
NEXT_STEPS = [
    "Skicka initiativet till kommunen, gärna till den förvaltning som arbetar med frågan. Det är kommunen, genom den "
    "nämnd som har behörighet, som beslutar om ett partnerskap.",
    "Föreslå ett första möte för den gemensamma analysen. Skriv avtalet först när analysen är klar.",
    "Ett initiativ som kommer in till kommunen blir en allmän handling (2 kap. tryckfrihetsförordningen). Skriv inga "
    "uppgifter om enskilda personer i det.",
]
SOURCES = [
    "MUCF, Idéburet offentligt partnerskap (fyra nycklar): https://www.mucf.se/ideburetoffentligtpartnerskap",
    "Malmö stad, IOP – Idéburet Offentligt Partnerskap (Forums kriterier): "
    "https://malmo.se/Service/For-foreningar/Organisationsstod-inom-socialt-omrade/IOP-Ideburet-Offentligt-Partnerskap.html",
    "Upphandlingsmyndigheten, Frågeportalen: IOP: https://www.upphandlingsmyndigheten.se/frageportalen/2457482/iop/",
    "Högsta förvaltningsdomstolen, HFD 2020:15 (referat): https://lagen.nu/dom/hfd/2020:15",
    "Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2: "
    "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/"
    "reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/",
    "Kammarkollegiet, Frågor och svar om registret över idéburna organisationer: "
    "https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/fragor-och-svar-om-registret-over-ideburna-organisationer",
    "Upphandlingsmyndigheten, Nya regler och takbelopp för statsstöd (2024): "
    "https://www.upphandlingsmyndigheten.se/nyheter/2024/nya-regler-och-takbelopp-for-statsstod/",
]


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in str(text or "").splitlines() if line.strip(" -•\t")]


def iop_initiative(*, organisation: str, kommun: str, behov: str, egen_verksamhet: str, org_bidrag: str,
                   onskat_av_kommunen: str, analysforslag: str, malgrupp: str, mal: str, uppfoljning: str,
                   belopp_per_ar="", avtalstid_ar="", eurokurs="", **checks: bool) -> tuple[str, list[Section], list[str]]:
    """(title, sections, warnings) of an idéburen organisation's IOP initiative. Raises InputError.

    ``checks`` are the boolean checks of ``iop_outline.CHECKS`` (by name); a missing check counts as not ticked.
    ``belopp_per_ar`` (what the organisation asks of the municipality a year) may be left empty; when it is given,
    ``avtalstid_ar`` and ``eurokurs`` are needed to compare it with the de minimis ceilings.
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

    warnings, lou_concern = [], False
    for name, _label, advice in CHECKS:
        if not checks.get(name, False):
            warnings.append(advice)
            lou_concern |= name in LOU_CHECKS
    if PER_UNIT.search(f"{onskat_av_kommunen}\n{uppfoljning}"):
        warnings.append(PER_UNIT_WARNING)
        lou_concern = True
    counted = ""
    if belopp:
        kr, eur, aid_warnings = de_minimis_check(float(belopp), int(years), float(rate))
        warnings += aid_warnings
        counted = (f"Vi föreslår {fmt.kr(float(belopp))} per år i {int(years)} år, sammanlagt {fmt.kr(kr)} (cirka "
                   f"{fmt.number(round(eur))} euro med kursen {fmt.number(float(rate), 2)} kr per euro). Annat "
                   "de minimis-stöd som vi har fått de senaste tre åren räknas också: [fyll i belopp, år och vem som gav stödet].")

    title = (f"{ASSESSMENT_TITLE}: {organisation.strip()} och {kommun}" if lou_concern else
             f"{INITIATIVE_TITLE}: {organisation.strip()} och {kommun}")
    tak, sgei = fakta("de_minimis_tak"), fakta("de_minimis_sgeu_tak")
    status = lambda ok: "Klart" if ok else "Att klara ut"  # noqa: E731 - text, not colour, carries the status
    sections = [
        Section("Om dokumentet", [
            f"Ett initiativ från {organisation.strip()} till kommunen ({kommun}) om ett idéburet offentligt partnerskap. "
            "Det är ett underlag för ett första samtal, inte ett avtal och inte en ansökan om bidrag.",
            (f"Minst en kontroll som gäller LOU är inte uppfylld. Då är idén troligen ett köp som ska upphandlas, inte "
             f"ett IOP (HFD 2020:15). {LOU_APPLIES} Skicka inte dokumentet som ett IOP-initiativ förrän ni har klarat "
             "ut punkterna nedan." if lou_concern else
             "Initiativet kommer från organisationen, som Forums kriterier förutsätter (återgivna av Malmö stad)."),
        ]),
    ]
    if warnings:
        sections.append(Section("Att klara ut innan ni skickar initiativet", [], warnings))
    sections += [
        Section("Behovet vi ser", [behov.strip()]),
        Section("Vår egen verksamhet", [egen_verksamhet.strip()]),
        Section("Det vi själva bidrar med", ["I ett IOP bidrar båda parter med resurser (MUCF; Forums kriterier)."],
                _lines(org_bidrag)),
        Section("Det vi föreslår att kommunen bidrar med",
                [counted] if counted else ["Beskriv vad ni önskar av kommunen: pengar, lokaler, personal eller kunskap."],
                _lines(onskat_av_kommunen)),
        Section("Målgrupp och gemensamma mål", [malgrupp.strip()], _lines(mal)),
        Section("Förslag till gemensam analys av behovet", [
            analysforslag.strip(),
            "Vi föreslår att analysen följer MUCF:s fyra nycklar för IOP:"], MUCF_KEYS),
        Section("Så följer vi upp tillsammans", ["Uppföljningen gäller de gemensamma målen, inte levererade "
                                                  "enheter (jfr HFD 2020:15)."], _lines(uppfoljning)),
        Section("Vad partnerskapet inte får bli", [], [
            text.format(tak=tak.text, tak_lagrum=tak.lagrum, sgei=sgei.text, sgei_lagrum=sgei.lagrum)
            for text in MUST_NOT_BECOME]),
        Section("Om IOP inte passar", [], [text.format(fran=fakta("reserverad_ideburna_ikraft").text,
                                                       reg=fakta("registreringslag_ideburna_ikraft").text)
                                           for text in ALTERNATIVES]),
        Section("Kontroller", ["Samma kontroller som kommunens IOP-checklista i modul 03."],
                [f"{status(checks.get(name, False))}: {label}." for name, label, _a in CHECKS]),
        Section("Nästa steg", [], NEXT_STEPS),
        Section("Källor", [], SOURCES),
    ]
    return title, sections, warnings
