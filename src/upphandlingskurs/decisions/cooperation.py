"""Which form of cooperation fits? IOP, grant, procurement, reserved procurement or LOV (module 03).

A pure decision function over a handful of yes/no questions that municipal staff ask when an
idea-driven organisation (idéburen organisation) and the municipality want to work together.
The legal test comes first and is kept apart from Forum's suitability criteria: if the organisation
undertakes, by agreement, to perform a service for the municipality against payment (a counter-performance
of direct economic interest to the municipality), it is a public contract whatever the agreement is called
and whatever the market, profit or initiative (HFD 2020:15, the Alingsås case). Only when it is not a
purchase do Forum's criteria (as summarised by Malmö stad) decide whether IOP is *suitable*; when it is not,
the answer is never "procure" (nothing is being bought) but the real alternatives: buy, give general support
on equal terms (2 kap. 3 § KL), support a single business only under 2 kap. 8 § KL and the state-aid rules,
or give no support.

    from upphandlingskurs.decisions.cooperation import Situation, recommend, CASE_CARDS
    rec = recommend(CASE_CARDS["aldreboende"].situation)
    rec.form   # Form.UPPHANDLING

The result is teaching support, not a legal assessment; every reason and risk names its lagrum
or source so that participants can check it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.parsing import InputError

Initiative = Literal["organisationen", "gemensamt", "kommunen"]


class Form(str, Enum):
    IOP = "iop"
    BIDRAG = "bidrag"
    UPPHANDLING = "upphandling"
    RESERVERAD = "reserverad"
    LOV = "lov"
    INTE_IOP = "inte_iop"


FORM_NAMES = {
    Form.IOP: "Idéburet offentligt partnerskap (IOP)",
    Form.BIDRAG: "Föreningsbidrag eller verksamhetsstöd",
    Form.UPPHANDLING: "Upphandling enligt LOU",
    Form.RESERVERAD: "Reserverad upphandling för idéburna organisationer (19 kap. 25 a § LOU)",
    Form.LOV: "Valfrihetssystem enligt LOV",
    Form.INTE_IOP: "Inte IOP – generellt stöd, annat stöd eller inget stöd",
}

# Sources shown with the recommendation (official where possible; see faktabas §3).
SRC_UHM_IOP = "Upphandlingsmyndigheten, Frågeportalen: IOP (2021)"
SRC_FORUM = "Forums kriterier för IOP, återgivna av Malmö stad"
SRC_HFD = "HFD 2020:15"
SRC_LOV = "Lag (2008:962) om valfrihetssystem (LOV); Upphandlingsmyndigheten, Lagen om valfrihetssystem"
SRC_UHM_AVTAL = "Upphandlingsmyndigheten, Frågeportalen: Avtal mellan kommun och ideell förening"
KL_LIKSTALLIGHET = ("Kommunen ska behandla sina medlemmar lika, om det inte finns sakliga skäl för något annat "
                    "(likställighetsprincipen, 2 kap. 3 § kommunallagen 2017:725).")
KL_NARINGSLIV = ("Individuellt inriktat stöd till enskilda näringsidkare får bara lämnas om det finns synnerliga skäl "
                 "(2 kap. 8 § kommunallagen 2017:725).")
LEGAL_TEST = ("Det rättsliga testet: åtar sig organisationen genom avtal att utföra en tjänst åt kommunen mot "
              "ersättning, och är prestationen av direkt ekonomiskt intresse för kommunen? Då är det ett offentligt "
              "kontrakt, oavsett vad avtalet kallas och oavsett om organisationen har vinstsyfte eller är stadigvarande "
              "verksam på marknaden. Att parterna har utformat verksamheten tillsammans ändrar inte bedömningen, och det "
              f"spelar ingen roll att ersättningen bara täcker organisationens kostnader ({SRC_HFD}; {SRC_UHM_AVTAL}).")
KL_OBJEKTIVITET = ("Motivera sakligt varför kommunen ingår partnerskap med just den här organisationen "
                   "(likställighetsprincipen, 2 kap. 3 § kommunallagen; objektivitetsprincipen, 1 kap. 9 § "
                   "regeringsformen).")
SGEI_NOT_LOU = ("Ett SGEI-uppdrag löser bara statsstödsfrågan. Om uppdraget innebär att organisationen är skyldig att "
                "utföra tjänsten mot ersättning är det normalt också ett offentligt kontrakt som ska upphandlas enligt "
                f"LOU ({SRC_HFD}).")
KL_10_KAP = ("Om organisationen tar över en uppgift som kommunen ansvarar för gäller 10 kap. kommunallagen: kommunen "
             "ska kontrollera och följa upp verksamheten och ge allmänheten insyn. Myndighetsutövning, till exempel "
             "biståndsbeslut, stannar hos nämnden: den får bara lämnas över om det finns stöd för det i lag "
             "(3 kap. 16 § kommunallagen).")


def _lagrum(form: Form) -> list[str]:
    reserved_from = fakta("reserverad_ideburna_ikraft").text
    return {
        Form.IOP: [
            LEGAL_TEST,
            "IOP har ingen egen lag och ingen rättslig definition. Avtalet måste ändå hålla mot LOU (2016:1145), "
            f"EU:s statsstödsregler och kommunallagen (2017:725) ({SRC_UHM_IOP}).",
            f"Forums kriterier för när IOP är lämpligt: initiativ från organisationen, ingen marknad, båda parter "
            f"bidrar, ingen detaljstyrning, långsiktighet ({SRC_FORUM}).",
        ],
        Form.BIDRAG: [
            "Kommunen får ha hand om angelägenheter av allmänt intresse (2 kap. 1 § kommunallagen 2017:725).",
            KL_LIKSTALLIGHET,
            "Bidrag till en organisation som bedriver näringsverksamhet prövas också mot 2 kap. 8 § kommunallagen: "
            + KL_NARINGSLIV[0].lower() + KL_NARINGSLIV[1:],
            "Bidrag till en verksamhet som säljs på en marknad kan vara statsstöd: se de minimis-förordningarna "
            "(EU) 2023/2831 och 2023/2832.",
        ],
        Form.INTE_IOP: [
            LEGAL_TEST,
            "Kommunen får ha hand om angelägenheter av allmänt intresse (2 kap. 1 § kommunallagen 2017:725). "
            + KL_LIKSTALLIGHET + " " + KL_NARINGSLIV,
            f"Forums kriterier avgör om IOP är lämpligt, inte om LOU gäller ({SRC_FORUM}).",
        ],
        Form.UPPHANDLING: [
            "Lagen (2016:1145) om offentlig upphandling (LOU). Sociala tjänster och andra särskilda tjänster "
            "(bilaga 2) upphandlas enligt 19 kap. LOU; direktupphandling regleras i 19 a kap. LOU.",
            "Ett avtal som kallas IOP men där kommunen köper en tjänst är ett tjänstekontrakt som ska upphandlas "
            f"({SRC_HFD}, som gällde den äldre upphandlingslagen 2007:1091).",
        ],
        Form.RESERVERAD: [
            f"19 kap. 25 a § LOU (gäller från {reserved_from}): kommunen får reservera upphandlingen av vissa "
            "tjänster i bilaga 2 för idéburna organisationer.",
            "Registrering hos Kammarkollegiet enligt lag (2022:900) om registrering av idéburna organisationer "
            "är frivillig.",
        ],
        Form.LOV: [
            f"{SRC_LOV}: den enskilde väljer själv bland de utförare som kommunen har godkänt.",
            "Även ett valfrihetssystem kan reserveras för idéburna organisationer (1 kap. 2 a § LOV, inte primärvård).",
        ],
    }[form]


@dataclass(frozen=True)
class Situation:
    """The answers to the questions in the widget *Vilken samverkansform?*."""
    initiativ: Initiative          # who took the initiative?
    flera_aktorer: bool            # do several actors offer the same (is there a market)?
    kommunen_koper: bool           # the legal test: does the organisation undertake, by agreement, to perform a
    #                                service for the municipality against payment (HFD 2020:15)?
    egna_resurser: bool            # does the organisation contribute its own resources?
    vinst: bool                    # does the organisation distribute a profit?
    ideburen: bool                 # a non-profit association, foundation or similar that distributes no profit to
    #                                owners or members? (Not the register criteria of 2 § lag 2022:900.)
    bilaga2_valfard: bool          # is the service a welfare service in bilaga 2 that 19 kap. 25 a § covers?
    allmant_stod: bool = False     # does the municipality want to support the organisation's activity in general?
    brukarval: bool = False        # should each user choose among several approved providers?
    reservera: bool = False        # does the municipality want only idéburna organisations to compete?
    ersatter_lagstadgad: bool = False  # does the activity replace, against payment, an insats the municipality must
    #                                    provide by law (e.g. running a care home under socialtjänstlagen)?

    def __post_init__(self):
        if self.initiativ not in ("organisationen", "gemensamt", "kommunen"):
            raise ValueError(f"unknown initiative {self.initiativ!r}")
        for message in contradictions(self):
            raise ContradictionError(message)


class ContradictionError(InputError):
    """Answers that exclude each other; ``str(err)`` is a plain Swedish message."""


def contradictions(s) -> list[str]:
    """Swedish messages for answers that exclude each other (empty when the answers fit together)."""
    out = []
    if s.ideburen and s.vinst:
        out.append("Svaren går inte ihop: du har svarat att organisationen är en ideell förening, stiftelse eller "
                   "liknande som inte delar ut vinst, och att den delar ut vinst. Ändra svaret på fråga 6 eller "
                   "fråga 7.")
    return out


@dataclass(frozen=True)
class Recommendation:
    form: Form
    reasons: list[str]
    risks: list[str]
    lagrum: list[str]
    alternatives: list[str] = field(default_factory=list)

    heading: str = ""              # replaces the form's name when the outcome is an assessment, not an answer

    @property
    def title(self) -> str:
        return self.heading or FORM_NAMES[self.form]


def _state_aid_risk() -> str:
    tak, sgei, reg = fakta("de_minimis_tak"), fakta("de_minimis_sgeu_tak"), fakta("de_minimis_register_fran")
    return (f"Statsstöd: är verksamheten något som erbjuds på en marknad kan pengarna vara statsstöd (art. 107.1 i "
            f"EUF-fördraget). Håll då stödet under taket för stöd av mindre betydelse (de minimis): {tak.text} per "
            f"företag under en rullande treårsperiod ({tak.lagrum}), eller {sgei.text} för tjänster av allmänt "
            f"ekonomiskt intresse, SGEI ({sgei.lagrum}); taken kan inte läggas ihop. Räkna hela det belopp som avtalet "
            "ger rätt till, även för år 4 och senare, och annat de minimis-stöd som organisationen har fått de "
            "senaste tre åren (art. 3 och 5 i förordningarna). Kommunen som stödgivare lämnar från "
            f"{reg.text} uppgifter om stödet till ett centralt register (12 a § lag (2013:388)) och begär intyg om "
            "annat de minimis-stöd. Ryms stödet inte: se nästa punkt och avsnitt 6.")


def _sgei_risk() -> str:
    return ("Är stödet större än de minimis-taken behövs en annan grund. För sociala tjänster är det oftast "
            "kommissionens SGEI-beslut 2012/21/EU: kommunen ger organisationen ett skriftligt uppdrag (en uppdragsakt) "
            "och ser till att ersättningen inte blir större än kostnaden och en rimlig vinst; överkompensation "
            "betalas tillbaka. Annars ska stödet anmälas till kommissionen innan det ges (art. 108.3 i "
            "EUF-fördraget). Stöd som har getts i strid med reglerna är olagligt, och kommunen är då skyldig att "
            "kräva tillbaka det med ränta (2 och 4 §§ lag (2013:388) om tillämpning av Europeiska unionens "
            "statsstödsregler). " + SGEI_NOT_LOU)


def _alingsas_risk() -> str:
    return ("Att kalla ett sådant avtal IOP ändrar inte bedömningen. I Alingsås slöt kommunen utan upphandling ett "
            "avtal med Stiftelsen Bräcke diakoni om bland annat driften av ett äldreboende. Förvaltningsrätten "
            "beslutade om 5 miljoner kr i upphandlingsskadeavgift och kammarrätten fastställde avgiften. Högsta "
            "förvaltningsdomstolen prövade om avtalet var ett offentligt kontrakt och fann att det var ett "
            "tjänstekontrakt enligt den dåvarande upphandlingslagen: stiftelsen åtog sig mot ersättning en prestation "
            f"av direkt ekonomiskt intresse för kommunen, med ömsesidigt bindande förpliktelser ({SRC_HFD}, "
            "mål 3165-19). Kommunens argument att tjänsterna var icke-ekonomiska underkändes av förvaltningsrätten och "
            "kammarrätten; när HFD hade funnit att avtalet var ett offentligt kontrakt saknade argumentet betydelse.")


def _unlawful_direct_award_risk() -> str:
    tak = fakta("upphandlingsskadeavgift_tak")
    return ("Om kommunen skriver avtal utan upphandling kan det bli en otillåten direktupphandling. För upphandlingar "
            f"som har påbörjats från den 1 januari 2024 får Konkurrensverket själv besluta om upphandlingsskadeavgift, "
            f"högst {tak.text} och högst 10 procent av upphandlingens värde, inom två år från att avtalet slöts "
            f"({tak.lagrum}). En leverantör kan dessutom ansöka hos förvaltningsrätten om att avtalet ska förklaras "
            "ogiltigt (20 kap. LOU), och kommunen kan bli skyldig att betala skadestånd (20 kap. LOU). I Alingsås-målet "
            "var det domstolen som beslutade om avgiften, enligt de äldre reglerna.")


IOP_LOU_RISK = ("Ett IOP där organisationen åtar sig att leverera tjänster mot ersättning är ett offentligt kontrakt, "
                f"oavsett vinstsyfte eller marknad och även om ersättningen bara täcker kostnaderna ({SRC_HFD}). Ett rent bidrag utan krav på motprestation omfattas i "
                f"princip inte av LOU ({SRC_UHM_AVTAL}).")
STATUTORY_TASK_RISK = ("Var särskilt försiktig när verksamheten är en uppgift som kommunen är skyldig att utföra, till "
                       "exempel insatser enligt socialtjänstlagen. Ersätter organisationen kommunens egen insats mot "
                       f"betalning är det sannolikt ett köp (jfr {SRC_HFD}). " + KL_10_KAP)


def _not_iop_alternatives() -> list[str]:
    return [
        "Vill kommunen att en bestämd tjänst utförs åt kommunen: köp den, och upphandla enligt LOU (eller inrätta ett "
        "valfrihetssystem enligt LOV).",
        "Vill kommunen stödja verksamheten: ett generellt bidrag på samma villkor för alla som uppfyller villkoren "
        "(likställighetsprincipen, 2 kap. 3 § kommunallagen). Individuellt inriktat stöd till en enskild "
        "näringsidkare får bara lämnas om det finns synnerliga skäl (2 kap. 8 § kommunallagen) och måste hålla mot "
        "statsstödsreglerna.",
        "Kommunen kan också avstå från att ge stöd.",
    ]


def _reservation_possible(s: Situation) -> bool:
    return s.ideburen and s.bilaga2_valfard and not s.vinst


def recommend(s: Situation) -> Recommendation:
    """The form of cooperation that fits ``s``, with reasons, risks, lagrum and alternatives."""
    reasons: list[str] = []
    risks: list[str] = []
    alternatives: list[str] = []

    def done(form: Form) -> Recommendation:
        if form in (Form.IOP, Form.BIDRAG, Form.INTE_IOP):
            risks.append(_state_aid_risk())
            risks.append(_sgei_risk())
        return Recommendation(form, reasons, risks, _lagrum(form), alternatives,
                              heading if form in (Form.UPPHANDLING, Form.LOV, Form.RESERVERAD) else "")

    def not_iop(reason: str) -> Recommendation:
        reasons.append(reason)
        reasons.append("Organisationen åtar sig inte att utföra en tjänst åt kommunen mot ersättning, så kommunen "
                       "köper ingenting och upphandling är inte svaret. Kvar står: ett generellt bidrag på lika villkor "
                       "för alla som uppfyller dem (2 kap. 3 § kommunallagen), stöd till en enskild näringsidkare bara "
                       "vid synnerliga skäl (2 kap. 8 § kommunallagen) och inom statsstödsreglerna, eller inget stöd. "
                       "Vill kommunen i stället kunna kräva att en bestämd tjänst utförs, är det ett köp – gör då om "
                       "det rättsliga testet (fråga 1 och 2).")
        alternatives.extend(_not_iop_alternatives())
        return done(Form.INTE_IOP)

    # 1. The legal test (HFD 2020:15), before and apart from Forum's criteria. Question 2 (a statutory insats) is a
    #    strong indicator, not the test: answered alone it gives an assessment, and the text never claims the
    #    undertaking that the user denied.
    heading = ""
    if s.ersatter_lagstadgad and not s.kommunen_koper:
        heading = "Troligen upphandling enligt LOU – pröva det rättsliga testet noga"
        reasons.append("Verksamheten ligger nära en insats som kommunen är skyldig att ge enligt lag. Det talar starkt "
                       "för ett köp: pröva noga om organisationen i praktiken är bunden att utföra insatsen mot "
                       f"ersättning ({SRC_HFD}). Om ja: upphandla enligt LOU (2016:1145). Direktupphandling är bara "
                       "tillåten i vissa fall, till exempel under direktupphandlingsgränsen (19 a kap. LOU).")
    if s.kommunen_koper:
        reasons.append("Organisationen åtar sig i avtalet att utföra en tjänst åt kommunen mot ersättning. Det är ett "
                       "köp, och ett köp av en tjänst är ett offentligt kontrakt som ska upphandlas enligt LOU "
                       "(2016:1145), oavsett vad avtalet kallas och oavsett om organisationen har vinstsyfte eller är "
                       "verksam på marknaden; att parterna har utformat verksamheten tillsammans ändrar inte "
                       f"bedömningen ({SRC_HFD}). Direktupphandling är bara tillåten i vissa fall, till exempel under "
                       "direktupphandlingsgränsen (19 a kap. LOU).")
    if s.kommunen_koper or s.ersatter_lagstadgad:
        risks.append(_alingsas_risk())
        if s.brukarval:
            reasons.append("Kommunen vill att varje brukare ska välja utförare. Då kan kommunen i stället inrätta ett "
                           f"valfrihetssystem där alla som uppfyller kraven godkänns ({SRC_LOV}).")
            risks.append("LOV gäller bara vissa hälso- och socialtjänster (Upphandlingsmyndigheten, Lagen om "
                         "valfrihetssystem). Kontrollera att tjänsten omfattas.")
            if _reservation_possible(s):
                alternatives.append("Valfrihetssystemet kan reserveras för idéburna organisationer (1 kap. 2 a § LOV).")
            return done(Form.LOV)
        if s.reservera and _reservation_possible(s):
            reasons.append("Organisationen är idéburen och tjänsten är en välfärdstjänst i bilaga 2 som 19 kap. 25 a § "
                           "LOU omfattar. Kommunen får då låta bara idéburna organisationer lämna anbud.")
            risks.append("Det är fortfarande en upphandling enligt LOU: över direktupphandlingsgränsen annonseras den, "
                         "och idéburna organisationer konkurrerar om kontraktet. Reservationen i sig ger inte kommunen "
                         "rätt att välja en organisation direkt (19 a kap. LOU).")
            risks.append("Villkoren i 19 kap. 25 a § LOU ska vara uppfyllda: organisationens syfte bidrar till "
                         "tjänstens ändamål, inga värdeöverföringar utom till andra idéburna organisationer eller "
                         "forskning, och inget bestämmande inflytande från stat, region eller kommun.")
            risks.append(_unlawful_direct_award_risk())
            return done(Form.RESERVERAD)
        if s.reservera:
            reasons.append("Kommunen vill reservera upphandlingen, men villkoren i 19 kap. 25 a § LOU är inte "
                           "uppfyllda (organisationen ska vara idéburen, inte dela ut vinst, och tjänsten ska vara "
                           "en välfärdstjänst i bilaga 2).")
        elif _reservation_possible(s):
            alternatives.append("Kommunen kan välja att reservera upphandlingen för idéburna organisationer "
                                "(19 kap. 25 a § LOU). Det är fortfarande en upphandling med konkurrens.")
        risks.append(_unlawful_direct_award_risk())
        return done(Form.UPPHANDLING)

    # 2. Not a purchase. IOP and föreningsbidrag suit non-profit associations, foundations and the like.
    if not s.ideburen and s.vinst:
        return not_iop("Organisationen delar ut vinst till ägare eller medlemmar och är en näringsidkare. "
                       "Individuellt inriktat stöd till den får bara lämnas om det finns synnerliga skäl (2 kap. 8 § "
                       "kommunallagen) och måste hålla mot statsstödsreglerna.")
    if not s.ideburen:
        return not_iop("Du har svarat att organisationen inte är en ideell förening, stiftelse eller liknande. IOP och "
                       f"föreningsbidrag är samverkansformer för sådana organisationer ({SRC_FORUM}). Ta reda på "
                       "vilken sorts organisation det är: en ideell förening som inte delar ut vinst kan få "
                       "föreningsbidrag eller ingå ett IOP, medan individuellt inriktat stöd till en näringsidkare "
                       "bara får lämnas vid synnerliga skäl (2 kap. 8 § kommunallagen).")

    # 3. Support for the organisation's work in general: a grant on equal terms.
    if s.allmant_stod:
        reasons.append("Kommunen vill stödja organisationens verksamhet i stort, inte en särskild verksamhet som "
                       f"parterna formar tillsammans. Då passar föreningsbidrag eller verksamhetsstöd ({SRC_FORUM}).")
        risks.append("Bidraget ska följa kommunens regler för föreningsbidrag, så att alla föreningar som uppfyller "
                     "villkoren behandlas lika (2 kap. 3 § kommunallagen). Ett bidrag får inte förutsätta att "
                     "föreningen utför en bestämd tjänst åt kommunen; då är det ett köp (HFD 2020:15).")
        return done(Form.BIDRAG)

    # 4. A market: several actors do the same thing. IOP is not suitable (Forum); nothing is bought.
    if s.flera_aktorer:
        if _reservation_possible(s):
            alternatives.append("Vill kommunen köpa tjänsten kan den reservera upphandlingen för idéburna "
                                "organisationer (19 kap. 25 a § LOU).")
        risks.append("Ett IOP eller bidrag till en av flera konkurrerande aktörer kan vara ett dolt köp eller "
                     "otillåtet statsstöd.")
        return not_iop("Flera aktörer bedriver samma verksamhet, och kommunen vill samarbeta med en av dem. Då finns "
                       f"en marknad, och IOP är inte lämpligt ({SRC_FORUM}).")

    # 5. The municipality's own idea.
    if s.initiativ == "kommunen":
        alternatives.append("Om en idéburen organisation redan bedriver en liknande verksamhet kan ni börja med en "
                            "gemensam analys av behovet. Då kan ett IOP bli aktuellt om organisationen driver idén.")
        return not_iop("Idén kommer från kommunen. Enligt Forums kriterier ska initiativet komma från "
                       f"organisationen, så IOP passar inte ({SRC_FORUM}). Om kommunen i stället vill beställa just den "
                       "verksamheten blir det ett köp – då får du svara Ja på fråga 1 och pröva igen.")

    # 6. IOP needs an organisation that contributes its own resources.
    if not s.egna_resurser:
        reasons.append("Organisationen bidrar inte med egna resurser. I ett IOP bidrar båda parter "
                       f"({SRC_FORUM}). Ett projekt- eller verksamhetsbidrag passar bättre.")
        alternatives.append("Om organisationen kan bidra med ideella krafter, lokaler eller egna pengar kan ett IOP "
                            "bli aktuellt.")
        risks.append("Bidraget ska ges på samma villkor till alla som uppfyller dem (2 kap. 3 § kommunallagen).")
        return done(Form.BIDRAG)

    reasons.append("Organisationen åtar sig inte att utföra en tjänst åt kommunen mot ersättning, så LOU gäller i "
                   "princip inte. Forums kriterier pekar dessutom mot IOP: initiativet kommer från organisationen"
                   + (" (tillsammans med kommunen)" if s.initiativ == "gemensamt" else "")
                   + ", det finns ingen marknad för verksamheten och båda parter bidrar med resurser "
                   f"({SRC_FORUM}).")
    risks.append(IOP_LOU_RISK)
    risks.append(STATUTORY_TASK_RISK)
    risks.append(KL_OBJEKTIVITET)
    risks.append("Kommunen får inte detaljstyra verksamheten. Följ upp gemensamma mål i stället för att beställa "
                 "prestationer per plats, timme eller deltagare, annars kan avtalet bli ett köp.")
    risks.append("Gör en gemensam analys av behovet och skriv ner vad som ägs gemensamt (MUCF:s nycklar).")
    return done(Form.IOP)


# -- case cards ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseCard:
    id: str
    title: str
    description: str
    situation: Situation
    expected: Form


CASE_CARDS: dict[str, CaseCard] = {c.id: c for c in [
    CaseCard(
        "kvinnojour", "Kvinnojour: stöd och jourtelefon (fiktivt fall)",
        "En ideell kvinnojour i en GR-kommun har i många år drivit jourtelefon och stödsamtal med ideella krafter. "
        "Jouren föreslår ett långsiktigt samarbete med socialtjänsten. Jouren bidrar med volontärer och egna medel, "
        "kommunen med pengar och kompetens. Jouren åtar sig inte att leverera bestämda insatser åt socialtjänsten, och "
        "ingen annan aktör gör samma sak i kommunen.",
        Situation("organisationen", flera_aktorer=False, kommunen_koper=False, egna_resurser=True, vinst=False,
                  ideburen=True, bilaga2_valfard=True),
        Form.IOP),
    CaseCard(
        "skyddat_boende", "Kvinnojour: kommunen köper platser i skyddat boende (fiktivt fall)",
        "Socialtjänsten behöver platser i skyddat boende för våldsutsatta kvinnor och vill betala per plats och dygn. "
        "Flera aktörer driver skyddat boende i regionen. Kommunen vill att bara idéburna organisationer ska få lämna anbud. "
        "Den som driver skyddat boende måste ha tillstånd från IVO (socialtjänstlagen, sedan den 1 april 2024); det "
        "ställs som krav i upphandlingen.",
        Situation("kommunen", flera_aktorer=True, kommunen_koper=True, egna_resurser=False, vinst=False,
                  ideburen=True, bilaga2_valfard=True, reservera=True),
        Form.RESERVERAD),
    CaseCard(
        "laxhjalp", "Läxhjälp i föreningens lokal (fiktivt fall)",
        "En förening i Partille ordnar läxhjälp med ideella läxhjälpare två kvällar i veckan. Föreningen söker pengar "
        "till hyra och fika. Kommunen vill stödja föreningens arbete i stort, inte forma verksamheten.",
        Situation("organisationen", flera_aktorer=False, kommunen_koper=False, egna_resurser=True, vinst=False,
                  ideburen=True, bilaga2_valfard=False, allmant_stod=True),
        Form.BIDRAG),
    CaseCard(
        "arbetstraning", "Daglig verksamhet med arbetsträning för personer med funktionsnedsättning (fiktivt fall)",
        "Kommunen vill erbjuda daglig verksamhet med arbetsträning. Kommunen bestämmer innehåll och ersättning, och "
        "varje deltagare ska själv kunna välja mellan flera godkända utförare: företag, sociala företag och idéburna "
        "organisationer.",
        Situation("kommunen", flera_aktorer=True, kommunen_koper=True, egna_resurser=False, vinst=False,
                  ideburen=False, bilaga2_valfard=True, brukarval=True),
        Form.LOV),
    CaseCard(
        "fritid", "Fritidsverksamhet på sommarlovet (fiktivt fall)",
        "Fritidsförvaltningen har tagit fram ett eget sommarprogram för unga och vill att någon genomför det: kommunen "
        "bestämmer aktiviteter, timmar och antal platser och betalar per deltagare. Flera föreningar och företag kan "
        "göra det.",
        Situation("kommunen", flera_aktorer=True, kommunen_koper=True, egna_resurser=False, vinst=False,
                  ideburen=True, bilaga2_valfard=False),
        Form.UPPHANDLING),
    CaseCard(
        "unga_riskmiljo", "Mötesplats för unga i riskmiljö (fiktivt fall)",
        "Två idéburna organisationer ser att unga samlas i centrum på kvällarna. De föreslår, tillsammans med "
        "socialtjänsten, en mötesplats där organisationernas ideella och anställda ledare möter de unga. Båda parter "
        "bidrar med personal och pengar; ingen annan driver något liknande.",
        Situation("gemensamt", flera_aktorer=False, kommunen_koper=False, egna_resurser=True, vinst=False,
                  ideburen=True, bilaga2_valfard=True),
        Form.IOP),
    CaseCard(
        "cafe_foretag", "Ett företag vill ha pengar till ett café för unga (fiktivt fall)",
        "Ett aktiebolag i Kungälv driver ett café där unga kan hänga efter skolan och ber kommunen om ett bidrag. "
        "Kommunen beställer ingenting av bolaget. Bolaget delar ut vinst till ägarna, och det finns andra caféer i "
        "centrum.",
        Situation("organisationen", flera_aktorer=True, kommunen_koper=False, egna_resurser=True, vinst=True,
                  ideburen=False, bilaga2_valfard=False, allmant_stod=True),
        Form.INTE_IOP),
    CaseCard(
        "aldreboende", "Äldreboende som i Alingsås-fallet",
        "Kommunen vill att en diakonistiftelse driver ett vård- och omsorgsboende. Stiftelsen åtar sig i avtalet att "
        "driva boendet, och kommunen betalar drygt 14 miljoner kr per år, och mer om antalet platser utökas. Parterna "
        "kallar avtalet IOP och säger att de gemensamt skapar förutsättningar för verksamheten. (Bygger på HFD 2020:15.)",
        Situation("gemensamt", flera_aktorer=True, kommunen_koper=True, egna_resurser=True, vinst=False,
                  ideburen=True, bilaga2_valfard=True, ersatter_lagstadgad=True),
        Form.UPPHANDLING),
]}


def recommendation_markdown(rec: Recommendation, card: CaseCard | None = None) -> str:
    """The recommendation as Markdown for the widget (and for printing in a notebook)."""
    lines = []
    if card is not None:
        lines += [f"*Fallkort: {card.title}.* {card.description}", ""]
    lines += [f"### Rekommendation: {rec.title}", "", "**Varför**", ""]
    lines += [f"- {r}" for r in rec.reasons]
    if rec.risks:
        lines += ["", "**Risker att hålla koll på**", ""] + [f"- {r}" for r in rec.risks]
    if rec.alternatives:
        lines += ["", "**Andra vägar att pröva**", ""] + [f"- {a}" for a in rec.alternatives]
    lines += ["", "**Lagrum och källor**", ""] + [f"- {x}" for x in rec.lagrum]
    lines += ["", "*Beslutsstödet hjälper dig att ställa rätt frågor. Det ersätter inte en juridisk bedömning "
                  "av det enskilda fallet.*"]
    return "\n".join(lines)
