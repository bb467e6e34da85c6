"""Module 02: employment requirements (sysselsättningskrav) – the logic behind *Kravbyggaren*.

Everything here is a pure function. The suggested number of positions is a **course rule of thumb**
built from two labelled benchmarks (Göteborg's lower limit: no requirement in contracts that are both shorter
than 4 months and smaller than one full-time person, and the
Joseph Rowntree Foundation's "one targeted opportunity per £1m"). Neither is law: Upphandlingsmyndigheten
(UHM) says the number is for each contracting authority to judge from the contract's scope and length.

The legal flags (discrimination, where the condition belongs) cite their lagrum; the clause texts are
written for the course, modelled on UHM's two variants (offer of employment/internship, or dialogue).
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from upphandlingskurs import format as fmt
from upphandlingskurs.content.datadir import DataError, find_data_dir
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.parsing import InputError

# --- course assumptions (not statistics, not law) --------------------------------------------------
#: Share of the contract value assumed to be labour cost, per labour intensity level.
LABOUR_SHARE = {"låg": 0.20, "medel": 0.45, "hög": 0.70}
#: Default annual cost of one full-time person (wage + employer's contributions), a rounded course
#: assumption that the participant can change in the widget.
DEFAULT_COST_PER_FTE = 550_000
#: The rule of thumb: one position per this many full-time years of work in the contract (≈ 10 %).
FTE_YEARS_PER_POSITION = 10
#: Months of employment or internship counted per position (capped by the contract length).
MONTHS_PER_POSITION = 12

VARIANTS = {
    "anställning": "Variant 1 – erbjuda anställning",
    "praktik": "Variant 1 – erbjuda praktik",
    "anställning eller praktik": "Variant 1 – erbjuda anställning eller praktik",
    "dialog": "Variant 2 – dialog om sysselsättningsfrämjande åtgärder",
}

SECTORS = {
    "lokalvård": "Lokalvård och städning",
    "bygg": "Bygg och anläggning",
    "fastighet": "Fastighetsskötsel och grönytor",
    "maltid": "Måltider och kök",
    "transport": "Transporter",
    "it": "IT- och konsulttjänster",
    "varor": "Leverans av varor",
}

SOURCE_UHM_VILLKOR = ("Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Leverantörens åtagande: "
                      "https://upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
                      "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-"
                      "sysselsattningskrav/tillampning-kontraktsvillkor--leverantorens-atagande")
SOURCE_UHM_ANVISNINGAR = ("Upphandlingsmyndigheten, Tillämpningsanvisningar sysselsättningskrav: "
                          "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
                          "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-"
                          "sysselsattningskrav/tillampningsanvisningar-sysselsattningskrav/")
SOURCE_UHM_BRISTER = ("Upphandlingsmyndigheten, Tillämpning av kontraktsvillkor – Hantering av brister: "
                      "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
                      "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-"
                      "sysselsattningskrav/tillampning-av-kontraktsvillkor--hantering-av-brister/")
SOURCE_UHM_UPPFOLJNING = ("Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Uppföljning: "
                          "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
                          "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-"
                          "sysselsattningskrav/tillampning-kontraktsvillkor--uppfoljning/")
SOURCE_UHM_START = ("Upphandlingsmyndigheten, Upphandlande organisation – stöd vid sysselsättningskrav: "
                    "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
                    "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/")


@dataclass(frozen=True)
class Flag:
    """A warning shown next to the suggestion. ``kind`` is 'proportionalitet', 'diskriminering' or 'process'."""
    kind: str
    severity: str  # "ej tillåtet" | "varning" | "tips"
    message: str
    lagrum: str


@dataclass
class Requirement:
    """The result of Kravbyggaren: a suggestion with its reasoning, a clause text and flags."""
    annual_value: float
    fte: float
    fte_years: float
    below_benchmark: bool
    suggested_positions: int
    months_per_position: int
    variant: str
    clause: str
    reasoning: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    jrf_opportunities: float | None = None

    @property
    def suggested_months_full_time(self) -> int:
        return self.suggested_positions * self.months_per_position

    def has_flag(self, kind: str, severity: str | None = None) -> bool:
        return any(f.kind == kind and (severity is None or f.severity == severity) for f in self.flags)


def estimated_fte(contract_value_kr: float, months: float, labour_intensity: str,
                  cost_per_fte_kr: float = DEFAULT_COST_PER_FTE) -> tuple[float, float]:
    """(full-time persons the contract engages on average, full-time years over the whole contract).

    Course estimate: annual value × assumed labour share ÷ annual cost of one full-time person.
    """
    if contract_value_kr < 0:
        raise InputError("Kontraktsvärdet kan inte vara negativt.")
    if months <= 0:
        raise InputError("Avtalstiden måste vara minst en månad.")
    if cost_per_fte_kr <= 0:
        raise InputError("Kostnaden för en heltidstjänst måste vara större än noll.")
    if labour_intensity not in LABOUR_SHARE:
        raise InputError("Välj arbetsintensitet: låg, medel eller hög.")
    annual = contract_value_kr / months * 12
    fte = annual * LABOUR_SHARE[labour_intensity] / cost_per_fte_kr
    return fte, fte * months / 12


# Lagrum label for a flag that rests on the course's rule of thumb or on Göteborg's local benchmark: the law
# behind it is the proportionality principle, applied case by case, not the rule of thumb itself.
RULE_OF_THUMB_LAGRUM = ("Kursens tumregel – bedömningen görs enligt proportionalitetsprincipen (4 kap. 1 § LOU) "
                        "i det enskilda fallet")
GOTEBORG_LAGRUM = ("Göteborgs Stads riktmärke (lokalt, inte lag) – bedömningen görs enligt "
                   "proportionalitetsprincipen (4 kap. 1 § LOU) i det enskilda fallet")


def below_goteborg_limit(fte: float, months: float) -> bool:
    """Göteborg's lower limit as the source states it: no requirement in contracts that last shorter than
    four months **and** amount to less than one full-time person (both at once)."""
    return (months < fakta("goteborg_sysselsattning_min_manader").value
            and fte < fakta("goteborg_sysselsattning_min_heltid").value)


def below_course_limit(fte: float) -> bool:
    """The course's own limit, stricter than Göteborg's: less than one full-time person on average."""
    return fte < fakta("goteborg_sysselsattning_min_heltid").value


def suggested_positions(fte: float, fte_years: float, months: float) -> int:
    """The course rule of thumb: none in a contract below one full-time person on average (the course's own
    limit; it covers Göteborg's lower limit, shorter than 4 months *and* less than one full-time person), else one
    position per 10 full-time years (at least 1). A short contract with at least one full-time person gets a
    suggestion: Göteborg's limit does not exclude it."""
    if below_course_limit(fte):
        return 0
    return max(1, math.floor(fte_years / FTE_YEARS_PER_POSITION + 1e-9))


def jrf_opportunities(contract_value_kr: float, sek_per_gbp: float) -> float:
    """The JRF benchmark (one targeted opportunity per £1m) for a contract value in kronor."""
    if sek_per_gbp <= 0:
        raise InputError("Växelkursen måste vara större än noll.")
    per = fakta("jrf_riktmarke_pund_per_mojlighet").value
    return contract_value_kr / sek_per_gbp / per


# GR's municipalities (the same names as content.data.GR_MUNICIPALITIES, which imports pandas; a unit test keeps
# the two lists equal).
_GR_NAMES = ("Ale", "Alingsås", "Göteborg", "Härryda", "Kungsbacka", "Kungälv", "Lerum", "Lilla Edet", "Mölndal",
             "Partille", "Stenungsund", "Tjörn", "Öckerö")
_RESIDENCE_WORDS = re.compile(
    r"\b(bo|bor|boende|bosatt|bosatta|folkbokförd|folkbokförda|folkbokföring|skriven i|skrivna i|mantalsskriven|"
    r"mantalsskrivna)\b"
    r"|\b(stöd|bidrag|försörjningsstöd|ekonomiskt bistånd)\s+(från|i|av)\s+(kommunen|\w+\s+(kommun|stad))\b"
    r"|\b(" + "|".join(re.escape(n) for n in _GR_NAMES) + r")s?\b"
    r"|\b\w+s\s+(kommun|stad)\b|\bi\s+kommunen\b",
    re.IGNORECASE)


# An area named after "i", "från" or "inom" ("unga i Angered", "personer från Bergsjön"): a capitalised word
# that is not an abbreviation (second review of the annex, item 10). Organisations are not places.
_PLACE_AFTER_PREPOSITION = re.compile(r"\b(?:i|från|inom)\s+([A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+)*)")
_NOT_PLACES = ("Arbetsförmedlingen", "Arbetsförmedlingens", "Försäkringskassan", "Försäkringskassans", "Samhall",
               "Samhalls", "Eures", "Kriminalvården", "Kriminalvårdens")
_AREA_WORDS = re.compile(r"\b(?:område|området|områden|områdena|bostadsområde\w*|stadsdel|stadsdelen|stadsdelar|"
                         r"stadsdelarna|förort|förorten|förorter|förorterna|kommundel\w*)\b", re.IGNORECASE)
#: Target groups that only people in the Swedish support systems can belong to (item 10): a judgement, so a warning.
_SWEDISH_SYSTEM_WORDS = re.compile(r"\b(?:försörjningsstöd\w*|ekonomiskt bistånd|arbetsförmedlingen\w*|"
                                   r"inskrivn\w*)\b", re.IGNORECASE)


def residence_words(target_group: str) -> list[str]:
    """Words in a free-text target group that tie it to where people live, to one municipality or to an area of
    it (legal review of the annex, items 2 and 10): such a target group is a residence requirement in disguise
    (4 kap. 1 § LOU). A capitalised word after "i", "från" or "inom" counts as a place unless it names an
    organisation; abbreviations in capitals (IT, SFI, EU) do not count."""
    text = str(target_group or "")
    found = [m.group(0) for m in _RESIDENCE_WORDS.finditer(text)]
    found += [m.group(0) for m in _PLACE_AFTER_PREPOSITION.finditer(text)
              if m.group(1) not in _NOT_PLACES and m.group(0) not in found
              and not any(m.group(1) in f for f in found)]
    found += [m.group(0) for m in _AREA_WORDS.finditer(text)]
    return found


def swedish_system_words(target_group: str) -> list[str]:
    """Words in a target group that tie it to a Swedish support system (försörjningsstöd, Arbetsförmedlingen):
    job seekers from other EU/EEA countries cannot belong to it unless the clause says "or the equivalent"."""
    return [m.group(0) for m in _SWEDISH_SYSTEM_WORDS.finditer(str(target_group or ""))]


def clause_text(variant: str, positions: int, months_each: int, target_group: str, contract_months: float) -> str:
    """A clause for the procurement documents, in the course's own words, modelled on UHM's two variants."""
    group = target_group.strip() or "[målgrupp som ni har definierat]"
    if variant == "dialog":
        return (
            "**Dialog om sysselsättningsfrämjande åtgärder.** Leverantören åtar sig att under avtalstiden, "
            "när beställaren begär det, delta i en dialog med beställaren och kommunens matchningsansvariga "
            f"om hur leverantören inom ramen för uppdraget kan ge personer i målgruppen *{group}* "
            "möjlighet till anställning eller praktik. Leverantören ska i dialogen redovisa sina behov av "
            "arbetskraft och sina förutsättningar att ta emot personer. Ett första dialogmöte ska hållas "
            "inom tre månader från avtalsstart."
        )
    if variant not in VARIANTS:
        raise InputError("Välj en av villkorsvarianterna i listan.")
    form = {"anställning": "anställning", "praktik": "praktik",
            "anställning eller praktik": "anställning eller praktik"}[variant]
    n = max(positions, 1)
    total = n * months_each
    start = min(6, max(1, int(contract_months)))
    return (
        f"**Erbjudande om {form}.** Leverantören åtar sig att under avtalstiden erbjuda {form} till "
        f"personer i målgruppen *{group}*, sammanlagt minst {fmt.number(total)} månader på heltid "
        f"(till exempel {fmt.number(n)} {'person' if n == 1 else 'personer'} i {fmt.number(months_each)} månader). "
        "Arbetet ska höra till det som utförs inom kontraktet. Det första erbjudandet ska ha lämnats senast "
        f"{fmt.number(start)} {'månad' if start == 1 else 'månader'} efter avtalsstart. Leverantören får ta hjälp av "
        "kommunens matchningsansvariga, Arbetsförmedlingen eller annan aktör för att hitta personer, men kan "
        "också rekrytera på egen hand om leverantören kan visa att personerna tillhör målgruppen. "
        "Leverantören rapporterar hur åtagandet uppfylls enligt avtalets bestämmelser om uppföljning."
    )


def build_requirement(contract_value_kr: float, months: float, labour_intensity: str, sector: str,
                      variant: str, *, target_group: str = "", cost_per_fte_kr: float = DEFAULT_COST_PER_FTE,
                      requested_positions: int | None = None, sek_per_gbp: float | None = None,
                      residence_requirement: bool = False, local_supplier_requirement: bool = False,
                      required_at_tender: bool = False, target_group_defined: bool = True,
                      matching_officer: bool = True, follow_up_and_sanctions: bool = True) -> Requirement:
    """Kravbyggaren: suggestion, reasoning, clause text and flags for one contract."""
    if sector not in SECTORS:
        raise InputError("Välj en bransch i listan.")
    if variant not in VARIANTS:
        raise InputError("Välj en av villkorsvarianterna i listan.")
    if requested_positions is not None and requested_positions < 0:
        raise InputError("Antalet personer ni vill kräva kan inte vara negativt.")
    fte, fte_years = estimated_fte(contract_value_kr, months, labour_intensity, cost_per_fte_kr)
    annual = contract_value_kr / months * 12
    min_months = fakta("goteborg_sysselsattning_min_manader")
    min_fte = fakta("goteborg_sysselsattning_min_heltid")
    goteborg_below = below_goteborg_limit(fte, months)
    short = months < min_months.value
    small = below_course_limit(fte)
    below = small  # no suggestion: below Göteborg's limit or the course's own
    n = suggested_positions(fte, fte_years, months)
    months_each = int(min(MONTHS_PER_POSITION, max(1, math.floor(months))))

    reasoning = [
        f"Kontraktet är värt {fmt.kr(contract_value_kr)} under {fmt.number(months)} månader, "
        f"alltså cirka {fmt.kr(annual)} per år.",
        f"Arbetsintensitet *{labour_intensity}*: kursen antar att {fmt.percent(LABOUR_SHARE[labour_intensity], 0)} "
        f"av värdet är personalkostnad, och att en heltidstjänst kostar {fmt.kr(cost_per_fte_kr)} per år. "
        f"Det ger ungefär {fmt.number(fte, 1)} heltidstjänster i snitt, eller {fmt.number(fte_years, 1)} "
        "årsarbeten under hela avtalstiden.",
    ]
    if goteborg_below:
        reasoning.append(
            "Göteborgs Stads riktmärke: enligt en beskrivning av Göteborgs pilotmodell (Västsvenska "
            f"Handelskammaren) ställdes inga krav i uppdrag som pågick kortare tid än {min_months.text} månader och "
            f"omsatte mindre än {min_fte.text} heltidstjänst. Kontrollera stadens aktuella riktlinje. Det här "
            "kontraktet är både kortare och mindre än så, så tumregeln föreslår **inget krav på anställning eller praktik**. Vill ni ändå göra "
            "något passar dialogvarianten bättre."
        )
    elif small:
        reasoning.append(
            f"Kontraktet omsätter mindre än {min_fte.text} heltidstjänst i snitt men pågår minst {min_months.text} "
            "månader. Göteborgs Stads riktmärke utesluter inte krav här (det gäller bara uppdrag som är både "
            f"kortare än {min_months.text} månader och mindre än {min_fte.text} heltidstjänst). **Kursens egen "
            "gräns** är strängare: under en heltidstjänst i snitt föreslår tumregeln **inget krav på anställning "
            "eller praktik**. Vill ni ändå göra något passar dialogvarianten bättre."
        )
    else:
        if short:
            reasoning.append(
                f"Kontraktet är kortare än {min_months.text} månader, men omsätter minst {min_fte.text} "
                "heltidstjänst. Göteborgs Stads riktmärke utesluter krav bara när uppdraget är både kortare än "
                f"{min_months.text} månader och mindre än {min_fte.text} heltidstjänst. Välj ett krav som hinner "
                "genomföras under avtalstiden och pröva att det är proportionerligt (4 kap. 1 § LOU)."
            )
        else:
            reasoning.append(
                f"Kontraktet pågår minst {min_months.text} månader och omsätter minst {min_fte.text} heltidstjänst, "
                "så Göteborgs Stads riktmärke hindrar inget krav."
            )
        reasoning.append(
            f"Kursens tumregel: en plats per {FTE_YEARS_PER_POSITION} årsarbeten, avrundat nedåt och minst en. "
            f"Det ger **{n} {'plats' if n == 1 else 'platser'}**, med {months_each} månader per plats."
        )
    reasoning.append(
        "Tumregeln är kursens egen och inte lag. Upphandlingsmyndigheten anger ingen formel: antal och tid "
        "bedömer ni utifrån bland annat kontraktets omfattning och längd (" + SOURCE_UHM_VILLKOR.split(':')[0] + ")."
    )

    jrf = None
    if sek_per_gbp is not None:
        jrf = jrf_opportunities(contract_value_kr, sek_per_gbp)
        reasoning.append(
            f"Jämförelse med Joseph Rowntree Foundations riktmärke (Storbritannien 2014, inte svensk rätt): "
            f"en riktad möjlighet per {fakta('jrf_riktmarke_pund_per_mojlighet').text} pund i kontraktsvärde ger med "
            f"växelkursen {fmt.number(sek_per_gbp, 2)} kr per pund ungefär {fmt.number(jrf, 1)} möjligheter för hela "
            "kontraktet."
        )

    flags: list[Flag] = []
    if small and not goteborg_below and variant != "dialog":
        flags.append(Flag("proportionalitet", "varning",
                          f"Kontraktet omsätter mindre än {min_fte.text} heltidstjänst i snitt (kursens egen gräns). "
                          "Ett krav på anställning eller praktik kan bli oproportionerligt. Överväg dialogvarianten "
                          "eller inget krav.",
                          RULE_OF_THUMB_LAGRUM))
    if goteborg_below and variant != "dialog":
        flags.append(Flag("proportionalitet", "varning",
                          "Kontraktet är både kortare än "
                          f"{min_months.text} månader och mindre än {min_fte.text} heltidstjänst. Enligt en "
                          "beskrivning av Göteborgs pilotmodell (Västsvenska Handelskammaren) ställdes inga krav i "
                          "sådana uppdrag; kontrollera stadens aktuella riktlinje. Ett krav på anställning eller praktik kan bli "
                          "oproportionerligt. Överväg dialogvarianten eller inget krav.",
                          GOTEBORG_LAGRUM))
    if requested_positions is not None and variant != "dialog":
        if n == 0 and requested_positions > 0:
            flags.append(Flag("proportionalitet", "varning",
                              f"Ni vill kräva {requested_positions} platser i ett kontrakt under "
                              f"{'Göteborgs riktmärke' if goteborg_below else 'kursens gräns'}. "
                              "Motivera varför det är proportionerligt, eller välj dialog.",
                              GOTEBORG_LAGRUM if goteborg_below else RULE_OF_THUMB_LAGRUM))
        elif n > 0 and requested_positions > 2 * n:
            flags.append(Flag("proportionalitet", "varning",
                              f"Ni vill kräva {requested_positions} platser, mer än dubbelt så många som tumregeln "
                              f"({n}). Det kan vara oproportionerligt i förhållande till kontraktets omfattning "
                              "och längd och kan minska antalet anbud.",
                              RULE_OF_THUMB_LAGRUM))
        if requested_positions * months_each > fte_years * 12 / 2:
            flags.append(Flag("proportionalitet", "varning",
                              "Kravet motsvarar mer än halva arbetsinsatsen i hela kontraktet. Ett så stort krav "
                              "står sannolikt inte i rimlig proportion till kontraktet.",
                              RULE_OF_THUMB_LAGRUM))
    if residence_requirement:
        flags.append(Flag("diskriminering", "ej tillåtet",
                          "Krav på att personerna ska bo i kommunen är inte tillåtet. Det gynnar leverantörer och "
                          "arbetssökande med lokal anknytning och strider mot principerna om icke-diskriminering och "
                          "likabehandling. Avgränsa i stället målgruppen efter situationen på arbetsmarknaden (till "
                          "exempel långtidsarbetslösa eller unga utan arbete) och låt matchningsansvarig hjälpa "
                          "leverantören att hitta personer.",
                          "4 kap. 1 § LOU; Konkurrensverket, Särskilda kontraktsvillkor"))
    found = residence_words(target_group)
    if found:
        flags.append(Flag("diskriminering", "ej tillåtet",
                          f"Krav på att personerna ska bo i kommunen är inte tillåtet, inte heller indirekt. Målgruppen "
                          f"knyts till var personerna bor eller till en viss kommun (”{found[0]}”). Det gynnar "
                          "arbetssökande med lokal anknytning och strider mot principerna om icke-diskriminering och "
                          "likabehandling. Beskriv i stället målgruppen efter situationen på arbetsmarknaden, till "
                          "exempel personer som har varit arbetslösa i minst 12 månader, utan att nämna bostadsort, "
                          "folkbokföring, ett område eller stöd från en viss kommun. Är ordet inte en plats, skriv om "
                          "målgruppen utan ”i” eller ”från” före ordet.",
                          "4 kap. 1 § LOU; artikel 45 i EUF-fördraget (fri rörlighet för arbetstagare)"))
    system = swedish_system_words(target_group)
    if system and not found:
        flags.append(Flag("diskriminering", "varning",
                          f"Målgruppen knyts till ett svenskt stödsystem (”{system[0]}”). Arbetssökande från andra "
                          "EU- och EES-länder kan då inte höra till målgruppen, och det kan vara indirekt "
                          "diskriminering. Lägg till ”eller motsvarande stöd eller myndighet i ett annat EES-land”, "
                          "eller beskriv målgruppen efter situationen på arbetsmarknaden, till exempel personer som "
                          "har varit arbetslösa i minst 12 månader.",
                          "4 kap. 1 § LOU; artikel 45 i EUF-fördraget (fri rörlighet för arbetstagare)"))
    if local_supplier_requirement:
        flags.append(Flag("diskriminering", "ej tillåtet",
                          "Krav på att leverantören ska ha kontor eller vara etablerad i kommunen är inte tillåtet "
                          "som krav för att få delta. Kommunen får inte gynna lokala företag på grund av var de finns. "
                          "Krav på närvaro under avtalstiden, till exempel inställelsetid eller arbetsledning på "
                          "plats, måste motiveras av det som köps och vara proportionerliga.",
                          "4 kap. 1 § LOU"))
    if required_at_tender:
        flags.append(Flag("process", "varning",
                          "Ett sysselsättningskrav är ett särskilt kontraktsvillkor. Det ska uppfyllas när kontraktet "
                          "fullgörs, inte redan när anbudet lämnas. Att kräva att anbudsgivaren redan har anställt "
                          "personer ur målgruppen stänger ute leverantörer i onödan.",
                          "17 kap. 1 § LOU; " + SOURCE_UHM_ANVISNINGAR.split(':')[0]))
    if not target_group_defined:
        flags.append(Flag("process", "varning",
                          "Målgruppen är inte definierad. Den upphandlande myndigheten ska själv definiera eller "
                          "avgränsa målgruppen och skriva in den i villkoret.",
                          SOURCE_UHM_VILLKOR.split(':')[0]))
    if not matching_officer:
        flags.append(Flag("process", "varning",
                          "Ingen matchningsansvarig är utsedd. Det är en av Upphandlingsmyndighetens startfrågor: "
                          "utan någon som hjälper leverantören att hitta personer ur målgruppen är det svårt att "
                          "uppfylla kravet.",
                          SOURCE_UHM_START.split(':')[0]))
    if not follow_up_and_sanctions:
        flags.append(Flag("process", "varning",
                          "Avtalet saknar uppföljning och sanktioner. Bestäm redan i planeringen vem som följer upp, "
                          "och skriv in proportionerliga sanktioner (till exempel vite) i upphandlingsdokumenten.",
                          SOURCE_UHM_BRISTER.split(':')[0]))
    if sector == "varor":
        flags.append(Flag("process", "varning",
                          "Vid ren varuleverans utförs det mesta arbetet hos tillverkaren, inte inom kontraktet. "
                          "Anställningen eller praktiken ska höra till arbetet inom kontraktet, så ett krav passar "
                          "sällan här.",
                          SOURCE_UHM_VILLKOR.split(':')[0]))
    if sector == "bygg":
        flags.append(Flag("process", "tips",
                          "Bygg och anläggning: tänk på kompetensbrist, säkerhetskrav och handledning. GR:s "
                          "inventering av krav i bygg- och anläggningsprojekt pekade ut matchningen som den största "
                          "utmaningen.",
                          "GR, Sysselsättningskrav vid kommunal upphandling av bygg- och anläggningsprojekt"))

    clause = clause_text(variant, n, months_each, target_group, months)
    return Requirement(annual, fte, fte_years, below, n, months_each, variant, clause, reasoning, flags, jrf)


_SEVERITY_LABEL = {"ej tillåtet": "⛔ Ej tillåtet", "varning": "⚠️ Varning", "tips": "💡 Tips"}
_KIND_LABEL = {"proportionalitet": "Proportionalitet", "diskriminering": "Icke-diskriminering", "process": "Process"}


def requirement_markdown(req: Requirement) -> str:
    """The result as Markdown for the widget. Flags carry a word, not only a symbol or a colour."""
    if req.suggested_positions == 0:
        heading = "### Förslag: inget krav på anställning eller praktik (dialog passar bättre)"
    else:
        heading = (f"### Förslag: {req.suggested_positions} "
                   f"{'plats' if req.suggested_positions == 1 else 'platser'} "
                   f"({fmt.number(req.suggested_months_full_time)} månader på heltid)")
    lines = [heading, "", "*Kursens tumregel – inte lag och inte Upphandlingsmyndighetens formel.*", "",
             "**Så räknade vi**", ""]
    lines += [f"{i}. {r}" for i, r in enumerate(req.reasoning, start=1)]
    if req.suggested_positions == 0 and req.variant != "dialog":
        label = (f"**Villkorstext om ni ändå väljer {VARIANTS[req.variant].lower()}** (läs flaggorna nedanför) – "
                 "kursens formulering, särskilt kontraktsvillkor enligt 17 kap. 1 § LOU:")
    else:
        label = (f"**Villkorstext ({VARIANTS[req.variant]})** – kursens formulering, särskilt kontraktsvillkor "
                 "enligt 17 kap. 1 § LOU:")
    lines += ["", label, "", "> " + req.clause, ""]
    if req.flags:
        lines += ["**Flaggor**", ""]
        for f in req.flags:
            lines.append(f"- **{_SEVERITY_LABEL[f.severity]} – {_KIND_LABEL[f.kind]}:** {f.message} *({f.lagrum})*")
    else:
        lines += ["**Flaggor:** inga. Kontrollera ändå målgrupp, uppföljning och sanktioner i avtalet."]
    return "\n".join(lines)


# --- Göteborg's reported results (data/goteborg_social_hansyn.csv) ----------------------------------
GOTEBORG_RESULTS = "goteborg_social_hansyn.csv"
SOURCE_VART_GOTEBORG = ("Vårt Göteborg, Social hänsyn i upphandling gav 90 personer jobb förra året: "
                        "https://vartgoteborg.se/ovrigt/social-hansyn-i-upphandling-gav-90-personer-jobb-forra-aret/")


def goteborg_results_markdown(data_dir: str | Path | None = None) -> str:
    """Göteborg's results for 2021–2022 as a Markdown table.

    Read with the standard library on purpose: the table is tiny, and importing pandas and pandera
    (``upphandlingskurs.content.data``) for it would make the course notebook slow. The file is validated
    against ``data/datapackage.json`` in the unit tests.
    """
    path = Path(data_dir or find_data_dir()) / GOTEBORG_RESULTS
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        raise DataError(f"Filen {GOTEBORG_RESULTS} saknas i datamappen {path.parent}.") from None
    lines = ["| År | Mått | Värde |", "|---|---|---|"]
    for r in rows:
        try:
            value = fmt.number(int(r["varde"]))
        except (KeyError, ValueError):
            raise DataError(f"Filen {GOTEBORG_RESULTS}: raden {r} har inget heltal i kolumnen ”varde”.") from None
        measure, more_than = r["matt"], r["matt"].endswith(" (mer än)")
        if more_than:
            measure, value = measure.removesuffix(" (mer än)"), "mer än " + value
        lines.append(f"| {r['ar']} | {measure} | {value} {r['enhet']} |")
    lines += ["", "*Källa: " + SOURCE_VART_GOTEBORG.split(": ")[0] + ". Uppgifterna gäller Göteborgs Stad, "
                  "inte hela GR.*"]
    return "\n".join(lines)



def plain_clause(req: Requirement) -> str:
    """The clause of Kravbyggaren's result without Markdown emphasis: the text that goes into the annex."""
    return req.clause.replace("**", "").replace("*", "")
