"""Module 03's *IOP-checklistan*: the participant's answers become the outline of an IOP agreement to take home.

``iop_outline`` returns the title, the sections and the warnings; the widget (widgets/iop.py) writes them with
``documents.writer`` and shows the warnings. Every warning is also written into the document under its own
heading. When a check that concerns LOU fails (the legal test of HFD 2020:15), the document is not an IOP draft
but material for an assessment, and its title says so. De minimis aid counts as granted when the right to it arises,
whenever it is paid (art. 3 of regulations 2023/2831 and 2023/2832): the whole amount of the agreement, plus support
in kind and other de minimis aid of the last three years, is compared with the ceilings, converted at the euro rate
the participant gives (and the document states).
Every legal figure comes from the facts registry.
"""
from __future__ import annotations

import re

from upphandlingskurs import format as fmt
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.documents.writer import Section
from upphandlingskurs.parsing import InputError, parse_number

# (name, label of the checkbox, advice when it is not ticked). LOU_CHECKS concern the legal test.
CHECKS = [
    ("ingen_leveransplikt", "Organisationen åtar sig inte att leverera bestämda tjänster mot ersättning "
                            "(ingen betalning per plats, timme eller deltagare)",
     "Om organisationen åtar sig att leverera bestämda tjänster åt kommunen mot ersättning är avtalet ett offentligt "
     "kontrakt som ska upphandlas, oavsett vad det kallas och oavsett vinstsyfte eller marknad (HFD 2020:15)."),
    ("ingen_detaljstyrning", "Kommunen detaljstyr inte hur verksamheten utförs",
     "Om kommunen detaljstyr och betalar för en bestämd tjänst är det ett köp (HFD 2020:15)."),
    ("egna_resurser", "Organisationen bidrar med egna resurser (ideella krafter, lokaler, egna pengar)",
     "I ett IOP bidrar båda parter. Bidrar organisationen inte med egna resurser passar ett IOP inte (Forums "
     "kriterier); pröva ett bidrag på samma villkor för alla (2 kap. 3 § kommunallagen)."),
    ("gemensam_analys", "Vi har gjort en gemensam analys av behovet",
     "Gör en gemensam analys av samhällsutmaningen innan ni skriver avtal (MUCF:s nycklar)."),
    ("ingen_marknad", "Ingen annan aktör erbjuder samma verksamhet på en marknad",
     "Finns det en marknad för verksamheten är IOP inte lämpligt (Forums kriterier), och verksamheten är troligen "
     "ekonomisk i statsstödsreglernas mening."),
    ("ingen_vinst", "Organisationen delar inte ut vinst till ägare eller medlemmar",
     "En organisation som delar ut vinst till ägare eller medlemmar är en näringsidkare och passar inte för IOP. "
     "Individuellt inriktat stöd till den får bara lämnas om det finns synnerliga skäl (2 kap. 8 § kommunallagen) och "
     "måste hålla mot statsstödsreglerna."),
]
LOU_CHECKS = {"ingen_leveransplikt", "ingen_detaljstyrning"}
INITIATIVE_TEXT = {"organisationen": "Initiativet kommer från den idéburna organisationen.",
                   "gemensamt": "Initiativet kommer från organisationen och kommunen tillsammans.",
                   "kommunen": "Initiativet kommer från kommunen."}
# Words in the follow-up or the municipality's contribution that mean paying for delivered units.
# Payment per delivered unit, in the words a municipality or an association writes (module 03 and module 07's
# IOP initiative use the same words): per plats/timme/deltagare/träff/tillfälle …, "/timme", "à 1 500 kr", timpris.
PER_UNIT = re.compile(
    r"\b(belagda|beläggning|platser\s+per|timmar\s+per|dygnsersättning|styckpris)\b"
    r"|\b(per|för\s+varje)\s+(plats|timme|timma|dygn|deltagare|besök|besökare|elev|brukare|träff|"
    r"tillfälle|gång|person|barn|ungdom|familj|kväll)\w*"
    r"|/\s*(tim|timme|timma|träff|tillfälle|deltagare|person|besök|plats|st)\b"
    r"|\bà\s*\d|\b(timersättning|timpris|timarvode|timpeng|träffersättning|dagersättning)\w*",
    re.IGNORECASE)
PER_UNIT_WARNING = ("Uppföljningen eller kommunens bidrag mäter levererade enheter (platser, timmar, dygn, träffar, "
                    "tillfällen eller deltagare). Betalning per prestation tyder på att organisationen levererar en "
                    "tjänst åt kommunen mot ersättning, alltså ett köp (HFD 2020:15). Följ upp gemensamma mål i stället.")
ASSESSMENT_TITLE = "Underlag för bedömning – troligen ett upphandlingspliktigt kontrakt, inte ett IOP-utkast (HFD 2020:15)"


def if_a_purchase(subject: str = "samarbetet") -> str:
    """What applies if ``subject`` is a purchase: LOU, and which direct-award limit (the bilaga 2 rule)."""
    return (
        f"Är {subject} ett köp gäller LOU. Är tjänsten en social tjänst eller en annan särskild tjänst i bilaga 2 till "
        "LOU är direktupphandlingsgränsen lika med tröskelvärdet för sådana tjänster, "
        f"{fakta('troskelvarde_2026_sociala_tjanster').text} (beloppet i kronor står på Upphandlingsmyndighetens sida "
        f"Tröskelvärden och direktupphandlingsgränser); annars är den {fakta('direktupphandlingsgrans_lou').text}. "
        "En direktupphandling ska dokumenteras om värdet är minst "
        f"{fakta('dokumentationsplikt_direktupphandling').text} (19 a kap. LOU). Över gränsen ska köpet annonseras.")


BEFORE_GRANTING = ("Innan stödet beviljas: begär organisationens intyg om annat de minimis-stöd de senaste tre åren, och "
                   "informera skriftligen om att stödet lämnas som stöd av mindre betydelse enligt förordning (EU) "
                   "2023/2831 (eller 2023/2832 för SGEI). Räkna om med kursen den dag stödet beviljas, eftersom det är då "
                   "stödet räknas (art. 3).")
SGEI_NOT_LOU = ("Ett SGEI-uppdrag löser bara statsstödsfrågan. Om uppdraget innebär att organisationen är skyldig att "
                "utföra tjänsten mot ersättning är det normalt också ett offentligt kontrakt som ska upphandlas enligt "
                "LOU (HFD 2020:15).")
IOP_TITLE = "Utkast: idéburet offentligt partnerskap"


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in str(text).splitlines() if line.strip(" -•\t")]


def de_minimis_check(belopp_per_ar: float, avtalstid_ar: int, eurokurs: float, *, annat_stod_kr: float = 0,
                     natura_per_ar: float = 0) -> tuple[float, float, list[str]]:
    """(kronor counted for de minimis, the same in euro, warnings) compared with the de minimis ceilings.

    De minimis aid counts as granted when the legal right to it arises, whenever it is paid (art. 3 of regulations
    (EU) 2023/2831 and 2023/2832). A multi-year agreement therefore grants its whole amount when it is signed:
    (money + support in kind per year) × years, plus the other de minimis aid the organisation (as a "single
    undertaking") has received in the last three years. The two ceilings cannot be added: all de minimis aid to one
    undertaking together is at most the SGEI ceiling, of which at most the general ceiling may be general aid.
    """
    if eurokurs <= 0:
        raise InputError("Eurokursen måste vara större än noll.")
    tak, sgei = fakta("de_minimis_tak"), fakta("de_minimis_sgeu_tak")
    kr = (belopp_per_ar + natura_per_ar) * avtalstid_ar + annat_stod_kr
    eur = kr / eurokurs
    counted = (f"Det stöd som räknas är {fmt.kr(kr)} (cirka {fmt.number(round(eur))} euro): hela avtalets belopp "
               f"för {avtalstid_ar} år"
               + (", med värdet av det kommunen ställer till förfogande" if natura_per_ar else "")
               + (", och annat de minimis-stöd de senaste tre åren" if annat_stod_kr else "") + ". Det")
    warnings = []
    if eur > sgei.value:
        warnings.append(
            f"{counted} överstiger båda taken för stöd av mindre betydelse ({tak.text} allmänt "
            f"och {sgei.text} för SGEI; taken kan inte läggas ihop). Stödet räknas som beviljat när avtalet ger rätt "
            "till det, oavsett när det betalas ut (art. 3 i förordningarna (EU) 2023/2831 och 2023/2832). "
            "De minimis är alltså ingen möjlig grund. Om verksamheten är ekonomisk behövs en annan grund, till exempel "
            "kommissionens SGEI-beslut 2012/21/EU med ett skriftligt uppdrag, eller anmälan till kommissionen. "
            "Stöd som har getts i strid med reglerna är olagligt, och kommunen är då skyldig att kräva tillbaka det "
            "med ränta (2 och 4 §§ lag (2013:388) om tillämpning av Europeiska unionens statsstödsregler). "
            + SGEI_NOT_LOU)
    elif eur > tak.value:
        warnings.append(
            f"{counted} överstiger taket för allmänt de minimis-stöd ({tak.text}). Stödet räknas "
            "som beviljat när avtalet ger rätt till det, oavsett när det betalas ut (art. 3 i förordningarna). Det "
            f"ryms bara som SGEI de minimis-stöd ({sgei.text} sammanlagt med annat de minimis-stöd till samma "
            "företag), och då ska organisationen skriftligen ha fått veta vilken tjänst av allmänt ekonomiskt "
            "intresse stödet gäller. Om verksamheten är ekonomisk: pröva också SGEI-beslutet 2012/21/EU. "
            + SGEI_NOT_LOU)
    return kr, eur, warnings


def _optional_kr(raw, label: str) -> float:
    value = parse_number(raw, label, minimum=0, allow_empty=True)
    return float(value) if value is not None else 0.0


def iop_outline(*, organisation: str, kommun: str, namnd: str, utmaning: str, initiativ: str, malgrupp: str, mal: str,
                org_bidrag: str, kommun_bidrag: str, belopp_per_ar: float, avtalstid_ar: int, eurokurs: float,
                uppfoljning: str, gemensamt: str = "", annat_stod_kr="", natura_per_ar="",
                **checks: bool) -> tuple[str, list[Section], list[str]]:
    """(title, sections, warnings) of an IOP agreement outline built from the participant's answers."""
    if initiativ not in INITIATIVE_TEXT:
        raise InputError("Välj vem som tog initiativet.")
    warnings = []
    lou_concern = False
    if initiativ == "kommunen":
        warnings.append("Initiativet kommer från kommunen. Enligt Forums kriterier (återgivna av Malmö stad) ska "
                        "initiativet komma från organisationen, så IOP passar inte. Vill kommunen i stället kunna "
                        "kräva att en bestämd tjänst utförs åt kommunen mot ersättning, är det ett köp som ska "
                        "upphandlas (HFD 2020:15). Annars återstår ett generellt bidrag på lika villkor (2 kap. 3 § "
                        "kommunallagen) eller inget stöd.")
    for name, _label, advice in CHECKS:
        if not checks.get(name, False):
            warnings.append(advice)
            lou_concern |= name in LOU_CHECKS
    if PER_UNIT.search(f"{uppfoljning}\n{kommun_bidrag}"):
        warnings.append(PER_UNIT_WARNING)
        lou_concern = True
    if avtalstid_ar < 2:
        warnings.append("Ett IOP ska vara långsiktigt. Överväg en längre avtalstid med gemensam uppföljning varje år.")
    annat = _optional_kr(annat_stod_kr, "Annat de minimis-stöd de senaste tre åren")
    natura = _optional_kr(natura_per_ar, "Värdet per år av lokaler, personal eller annat")
    kr_3, eur_3, aid_warnings = de_minimis_check(belopp_per_ar, avtalstid_ar, eurokurs, annat_stod_kr=annat,
                                                 natura_per_ar=natura)
    warnings += aid_warnings

    tak, sgei, reg = fakta("de_minimis_tak"), fakta("de_minimis_sgeu_tak"), fakta("de_minimis_register_fran")
    total = belopp_per_ar * avtalstid_ar
    part_kommun = f"{kommun} genom {namnd}"
    if initiativ == "kommunen" and not lou_concern:
        title = f"Underlag för bedömning – initiativet kommer från kommunen: {organisation} och {kommun}"
    else:
        title = f"{ASSESSMENT_TITLE if lou_concern else IOP_TITLE}: {organisation} och {kommun}"
    status = lambda ok: "Klart" if ok else "Att klara ut"  # noqa: E731 - text, not colour, carries the status
    kind = ("ett underlag för att bedöma om samarbetet är ett köp som ska upphandlas. Minst en kontroll som gäller "
            "LOU är inte uppfylld, och då är det troligen ett upphandlingspliktigt kontrakt, inte ett IOP "
            f"(HFD 2020:15). {if_a_purchase()} Dela det inte som ett IOP-utkast" if lou_concern else
            "ett utkast till ett idéburet offentligt partnerskap (IOP). Utkastet är ett underlag för samtal, inte ett "
            "färdigt avtal")
    sections = [
        Section("Parter", [f"Part: {part_kommun}. Part: {organisation}. Avtalspart är kommunen, genom den nämnd som har "
                           "behörighet, inte en förvaltning (en förvaltning är ingen juridisk person).",
                           f"Detta dokument är {kind}."]),
    ]
    if warnings:
        sections.append(Section("Att klara ut innan ni går vidare", [
            "Varningarna nedan kommer från checklistan. Klara ut dem innan dokumentet används."], warnings))
    sections += [
        Section("Bakgrund och gemensam analys", [utmaning, INITIATIVE_TEXT[initiativ]]),
        Section("Syfte och gemensamma mål", [], _lines(mal)),
        Section("Målgrupp", [malgrupp]),
        Section("Parternas bidrag", [f"Kommunens ekonomiska bidrag: {fmt.kr(belopp_per_ar)} per år, "
                                     f"{fmt.kr(total)} under hela avtalstiden."],
                [f"{organisation}: {b}" for b in _lines(org_bidrag)] + [f"{kommun}: {b}" for b in _lines(kommun_bidrag)]),
        Section("Det som ägs gemensamt", [gemensamt] if gemensamt.strip() else
                ["Skriv här vad parterna äger och beslutar om tillsammans, till exempel metod, resultat och lärdomar."]),
        Section("Avtalstid", [f"Partnerskapet gäller i {avtalstid_ar} år. Parterna stämmer av varje år och "
                              "kommer i god tid överens om en eventuell förlängning."]),
        Section("Uppföljning och lärande", ["Parterna följer upp de gemensamma målen tillsammans och sätter upp "
                                            "gemensamma lärandemål."], _lines(uppfoljning)),
        Section("Styrning och samverkan", [], [
            "Vilka som sitter i partnerskapets styrgrupp och hur ofta den träffas.",
            "Hur parterna löser oenighet och hur en part kan säga upp avtalet.",
            "Vem som är kontaktperson hos respektive part (fylls i av parterna).",
        ]),
        Section("Avtalsdelar att fylla i", [], [
            f"Beslut och delegation: [datum och paragraf för beslutet i {namnd}, eller vem som har delegation att "
            "skriva under].",
            "Villkor för utbetalning: [när och hur kommunens medel betalas ut, och vad som ska vara uppfyllt först].",
            "Ekonomisk redovisning och återbetalning: [hur organisationen redovisar hur medlen har använts, och att "
            "medel som inte har använts för ändamålet betalas tillbaka].",
            "Grund för statsstödet: [till exempel ett beslut om stöd av mindre betydelse med hänvisning till "
            "förordning (EU) 2023/2831 eller 2023/2832, ett skriftligt uppdrag enligt beslut 2012/21/EU, eller en "
            "motivering till varför verksamheten inte är ekonomisk].",
            "Personuppgifter: [vem som är personuppgiftsansvarig för vilka uppgifter enligt dataskyddsförordningen, "
            "och om ett personuppgiftsbiträdesavtal behövs].",
            "Allmän handling: avtalet är en allmän handling hos kommunen när det har kommit in eller upprättats "
            "(2 kap. tryckfrihetsförordningen); uppgifter kan bara hållas hemliga med stöd av "
            "offentlighets- och sekretesslagen (2009:400).",
        ]),
        Section("Rättslig kontroll innan avtalet skrivs under", [
            "IOP har ingen egen lag. Avtalet måste hålla mot upphandlingsreglerna (LOU 2016:1145), statsstödsreglerna "
            "och kommunallagen (2017:725) (Upphandlingsmyndigheten, Frågeportalen: IOP).",
            "Det rättsliga testet: åtar sig organisationen genom avtalet att utföra en tjänst åt kommunen mot "
            "ersättning (en motprestation av direkt ekonomiskt intresse för kommunen), är det ett offentligt kontrakt, "
            "oavsett vad avtalet kallas och oavsett om organisationen har vinstsyfte eller är stadigvarande verksam på "
            "marknaden. Att parterna har utformat verksamheten tillsammans ändrar inte bedömningen, och det spelar "
            "ingen roll att ersättningen bara täcker organisationens kostnader (HFD 2020:15). Ett rent bidrag utan "
            "krav på motprestation (en prestation som kommunen kan kräva i utbyte mot pengarna) omfattas i princip "
            "inte av LOU (Upphandlingsmyndigheten, Frågeportalen: Avtal mellan kommun och ideell förening).",
            "Likabehandling och saklighet: motivera sakligt varför kommunen ingår partnerskap med just den här "
            "organisationen (likställighetsprincipen, 2 kap. 3 § kommunallagen; objektivitetsprincipen, 1 kap. 9 § "
            "regeringsformen).",
            "Om organisationen tar över en uppgift som kommunen ansvarar för gäller 10 kap. kommunallagen: kommunen "
            "ska kontrollera och följa upp verksamheten och ge allmänheten insyn. Myndighetsutövning, till exempel "
            "biståndsbeslut, stannar hos nämnden: den får bara lämnas över om det finns stöd för det i lag (3 kap. "
            "16 § kommunallagen).",
            f"Statsstöd: om verksamheten är ekonomisk får stöd av mindre betydelse (de minimis) vara högst {tak.text} "
            f"per företag under en rullande treårsperiod ({tak.lagrum}), eller {sgei.text} för tjänster av allmänt "
            f"ekonomiskt intresse ({sgei.lagrum}). Taken kan inte läggas ihop: allt de minimis-stöd till samma företag "
            f"får sammanlagt vara högst {sgei.text}, varav högst {tak.text} allmänt stöd. Stöd av mindre betydelse "
            "anses beviljat när organisationen får en rätt till stödet enligt avtalet eller beslutet, oavsett när det "
            "betalas ut (art. 3 i förordningarna (EU) 2023/2831 och 2023/2832). Räkna därför hela det belopp som "
            "avtalet ger rätt till, även för år 4 och senare, plus annat de minimis-stöd som organisationen (som "
            "\"ett enda företag\") har fått de senaste tre åren, och värdet av lokaler, personal eller annat som "
            f"kommunen ställer till förfogande. Från {reg.text} lämnar kommunen som stödgivare uppgifter om stödet "
            "för registrering i ett centralt register och för själv register över stödet (12 a § lag (2013:388) om "
            "tillämpning av Europeiska unionens statsstödsregler); tills registret har använts i tre år begär "
            "kommunen också intyg från mottagaren om annat de minimis-stöd.",
            BEFORE_GRANTING,
            f"Stöd som räknas för de minimis: {fmt.kr(kr_3)}, cirka {fmt.number(round(eur_3))} euro räknat med "
            f"{fmt.number(eurokurs, 0 if float(eurokurs).is_integer() else 2)} kr per euro (den kurs som angavs i "
            "checklistan). Det är kommunens pengar och värdet av det kommunen ställer till förfogande under hela "
            f"avtalstiden ({avtalstid_ar} år)"
            + (f", plus {fmt.kr(annat)} i annat de minimis-stöd de senaste tre åren" if annat else
               ". Annat de minimis-stöd som organisationen har fått är inte medräknat; fråga organisationen") + ".",
        ], [f"{status(checks.get(name, False))}: {label}." for name, label, _a in CHECKS]),
        Section("Källor", [], [
            "MUCF, Idéburet offentligt partnerskap (fyra nycklar): https://www.mucf.se/ideburetoffentligtpartnerskap",
            "Malmö stad, IOP – Idéburet offentligt partnerskap (Forums kriterier): "
            "https://malmo.se/Service/For-foreningar/Organisationsstod-inom-socialt-omrade/IOP-Ideburet-Offentligt-Partnerskap.html",
            "Upphandlingsmyndigheten, Frågeportalen: IOP: https://www.upphandlingsmyndigheten.se/frageportalen/2457482/iop/",
            "Upphandlingsmyndigheten, Frågeportalen: Avtal mellan kommun och ideell förening: "
            "https://www.upphandlingsmyndigheten.se/frageportalen/1598146/avtal-mellan-kommun-och-ideell-forening/",
            "HFD 2020:15 (Alingsås kommun och Bräcke diakoni): https://lagen.nu/dom/hfd/2020:15",
            "Upphandlingsmyndigheten, Nya regler och takbelopp för statsstöd (2024): "
            "https://www.upphandlingsmyndigheten.se/nyheter/2024/nya-regler-och-takbelopp-for-statsstod/",
            "Kommissionens beslut 2012/21/EU (SGEI-beslutet): "
            "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:32012D0021",
        ]),
    ]
    return title, sections, warnings
