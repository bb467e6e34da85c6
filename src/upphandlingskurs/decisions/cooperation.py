"""Which form of cooperation fits? IOP, grant, procurement, reserved procurement or LOV (module 03).

A pure decision function over a handful of yes/no questions that municipal staff ask when an
idea-driven organisation (idéburen organisation) and the municipality want to work together.
The order of the rules follows the law and the decision support that Forum's criteria give
(as summarised by Malmö stad): a municipality that defines and pays for a service buys it, and
then procurement law applies whatever the agreement is called (HFD 2020:15, the Alingsås case).

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

Initiative = Literal["organisationen", "gemensamt", "kommunen"]


class Form(str, Enum):
    IOP = "iop"
    BIDRAG = "bidrag"
    UPPHANDLING = "upphandling"
    RESERVERAD = "reserverad"
    LOV = "lov"


FORM_NAMES = {
    Form.IOP: "Idéburet offentligt partnerskap (IOP)",
    Form.BIDRAG: "Föreningsbidrag eller verksamhetsstöd",
    Form.UPPHANDLING: "Upphandling enligt LOU",
    Form.RESERVERAD: "Reserverad upphandling för idéburna organisationer (19 kap. 25 a § LOU)",
    Form.LOV: "Valfrihetssystem enligt LOV",
}

# Sources shown with the recommendation (official where possible; see faktabas §3).
SRC_UHM_IOP = "Upphandlingsmyndigheten, Frågeportalen: IOP (2021)"
SRC_FORUM = "Forums kriterier för IOP, återgivna av Malmö stad"
SRC_HFD = "HFD 2020:15"
SRC_LOV = "Lag (2008:962) om valfrihetssystem (LOV); Upphandlingsmyndigheten, Lagen om valfrihetssystem"


def _lagrum(form: Form) -> list[str]:
    reserved_from = fakta("reserverad_ideburna_ikraft").text
    return {
        Form.IOP: [
            "IOP har ingen egen lag och ingen rättslig definition. Avtalet måste ändå hålla mot LOU (2016:1145), "
            f"EU:s statsstödsregler och kommunallagen (2017:725) ({SRC_UHM_IOP}).",
            f"Kriterierna: initiativ från organisationen, ingen marknad, båda parter bidrar, ingen detaljstyrning, "
            f"långsiktighet ({SRC_FORUM}).",
        ],
        Form.BIDRAG: [
            "Kommunen får ha hand om angelägenheter av allmänt intresse (2 kap. 1 § kommunallagen 2017:725).",
            "Bidrag till en verksamhet som säljs på en marknad kan vara statsstöd: se de minimis-förordningarna "
            "(EU) 2023/2831 och 2023/2832.",
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
    kommunen_koper: bool           # does the municipality define a service and pay for it?
    egna_resurser: bool            # does the organisation contribute its own resources?
    vinst: bool                    # does the organisation make (and distribute) a profit?
    ideburen: bool                 # is the organisation idéburen (only a public-benefit purpose)?
    bilaga2_valfard: bool          # is the service a welfare service in bilaga 2 that 19 kap. 25 a § covers?
    allmant_stod: bool = False     # does the municipality want to support the organisation's activity in general?
    brukarval: bool = False        # should each user choose among several approved providers?
    reservera: bool = False        # does the municipality want only idéburna organisations to compete?

    def __post_init__(self):
        if self.initiativ not in ("organisationen", "gemensamt", "kommunen"):
            raise ValueError(f"unknown initiative {self.initiativ!r}")


@dataclass(frozen=True)
class Recommendation:
    form: Form
    reasons: list[str]
    risks: list[str]
    lagrum: list[str]
    alternatives: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return FORM_NAMES[self.form]


def _state_aid_risk() -> str:
    tak, sgei, reg = fakta("de_minimis_tak"), fakta("de_minimis_sgeu_tak"), fakta("de_minimis_register_fran")
    return (f"Statsstöd: om organisationens verksamhet är ekonomisk (något som säljs på en marknad) kan pengarna "
            f"vara statsstöd. Stöd av mindre betydelse (de minimis) får vara högst {tak.text} per företag under "
            f"tre år ({tak.lagrum}), eller {sgei.text} för tjänster av allmänt ekonomiskt intresse ({sgei.lagrum}). "
            f"Från {reg.text} ska sådant stöd registreras i ett centralt register.")


def _alingsas_risk() -> str:
    return ("Att kalla ett sådant avtal IOP ändrar inte bedömningen. I Alingsås beslutade förvaltningsrätten om "
            "5 miljoner kr i upphandlingsskadeavgift när kommunen utan upphandling slöt ett avtal om driften av ett "
            "äldreboende, "
            "och Högsta förvaltningsdomstolen fann att avtalet var ett tjänstekontrakt enligt den dåvarande "
            f"upphandlingslagen ({SRC_HFD}).")


def _reservation_possible(s: Situation) -> bool:
    return s.ideburen and s.bilaga2_valfard and not s.vinst


def recommend(s: Situation) -> Recommendation:
    """The form of cooperation that fits ``s``, with reasons, risks, lagrum and alternatives."""
    reasons: list[str] = []
    risks: list[str] = []
    alternatives: list[str] = []

    def done(form: Form) -> Recommendation:
        if form in (Form.IOP, Form.BIDRAG):
            risks.append(_state_aid_risk())
        return Recommendation(form, reasons, risks, _lagrum(form), alternatives)

    # 1. The municipality defines a service and pays for it: that is a purchase.
    if s.kommunen_koper:
        reasons.append("Kommunen bestämmer vilken tjänst som ska utföras och betalar för den. Det är ett köp, och "
                       "ett köp av en tjänst är ett offentligt kontrakt som ska upphandlas enligt LOU (2016:1145). "
                       "Direktupphandling är bara tillåten i vissa fall, till exempel under direktupphandlingsgränsen "
                       "(19 a kap. LOU).")
        if s.ideburen:
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
            return done(Form.RESERVERAD)
        if s.reservera:
            reasons.append("Kommunen vill reservera upphandlingen, men villkoren i 19 kap. 25 a § LOU är inte "
                           "uppfyllda (organisationen ska vara idéburen, inte dela ut vinst, och tjänsten ska vara "
                           "en välfärdstjänst i bilaga 2).")
        elif _reservation_possible(s):
            alternatives.append("Kommunen kan välja att reservera upphandlingen för idéburna organisationer "
                                "(19 kap. 25 a § LOU). Det är fortfarande en upphandling med konkurrens.")
        risks.append("Om kommunen skriver avtal utan upphandling kan det bli en otillåten direktupphandling. "
                     "Då kan domstolen besluta om upphandlingsskadeavgift.")
        return done(Form.UPPHANDLING)

    # 2. Profit: the organisation acts on a market.
    if s.vinst:
        reasons.append(f"Organisationen går med vinst. Då pekar kriterierna mot upphandling, inte IOP ({SRC_FORUM}).")
        risks.append("Pengar till en aktör som säljer på en marknad kan vara både ett dolt köp och statsstöd.")
        return done(Form.UPPHANDLING)

    # 3. Support for the organisation's work in general: a grant.
    if s.allmant_stod:
        reasons.append("Kommunen vill stödja organisationens verksamhet i stort, inte en särskild verksamhet som "
                       f"parterna formar tillsammans. Då passar föreningsbidrag eller verksamhetsstöd ({SRC_FORUM}).")
        risks.append("Bidraget ska följa kommunens regler för föreningsbidrag, så att alla föreningar som uppfyller "
                     "villkoren behandlas lika.")
        return done(Form.BIDRAG)

    # 4. A market: several actors do the same thing and the municipality wants one of them.
    if s.flera_aktorer:
        reasons.append("Flera aktörer bedriver samma verksamhet, och kommunen vill samarbeta med en av dem. Då finns "
                       "en marknad, och IOP passar inte. Vill kommunen betala för verksamheten pekar beslutsstödet mot "
                       f"upphandling, så att alla får konkurrera på lika villkor ({SRC_FORUM}).")
        if _reservation_possible(s):
            alternatives.append("Kommunen kan reservera upphandlingen för idéburna organisationer (19 kap. 25 a § LOU).")
        risks.append("Ett IOP eller bidrag till en av flera konkurrerande aktörer kan vara ett dolt köp eller "
                     "otillåtet statsstöd.")
        return done(Form.UPPHANDLING)

    # 5. The municipality's own idea: look at the market and procure.
    if s.initiativ == "kommunen":
        reasons.append("Idén kommer från kommunen, som har en egen bild av verksamheten. Då ska kommunen undersöka "
                       f"marknaden och som regel upphandla ({SRC_FORUM}).")
        alternatives.append("Om en idéburen organisation redan bedriver en liknande verksamhet kan ni börja med en "
                            "gemensam analys av behovet. Då kan ett IOP bli aktuellt om organisationen driver idén.")
        return done(Form.UPPHANDLING)

    # 6. IOP needs an idéburen organisation that contributes its own resources.
    if not s.ideburen:
        reasons.append("IOP och föreningsbidrag är till för idéburna organisationer. Organisationen har inte bara ett "
                       "allmännyttigt syfte.")
        return done(Form.UPPHANDLING)
    if not s.egna_resurser:
        reasons.append("Organisationen bidrar inte med egna resurser. I ett IOP bidrar båda parter "
                       f"({SRC_FORUM}). Ett projekt- eller verksamhetsbidrag passar bättre.")
        alternatives.append("Om organisationen kan bidra med ideella krafter, lokaler eller egna pengar kan ett IOP "
                            "bli aktuellt.")
        return done(Form.BIDRAG)

    reasons.append("Initiativet kommer från organisationen" + (" (tillsammans med kommunen)" if s.initiativ == "gemensamt" else "")
                   + ", det finns ingen marknad för verksamheten, kommunen köper ingen tjänst och båda parter bidrar "
                   f"med resurser. Det är kännetecknen för ett IOP ({SRC_FORUM}).")
    risks.append("Kommunen får inte detaljstyra verksamheten. Följ upp gemensamma mål i stället för att beställa "
                 "prestationer, annars kan avtalet bli ett köp.")
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
        "kommunen med pengar och kompetens. Ingen annan aktör gör samma sak i kommunen.",
        Situation("organisationen", flera_aktorer=False, kommunen_koper=False, egna_resurser=True, vinst=False,
                  ideburen=True, bilaga2_valfard=True),
        Form.IOP),
    CaseCard(
        "skyddat_boende", "Kvinnojour: kommunen köper platser i skyddat boende (fiktivt fall)",
        "Socialtjänsten behöver platser i skyddat boende för våldsutsatta kvinnor och vill betala per plats och dygn. "
        "Flera aktörer driver skyddat boende i regionen. Kommunen vill att bara idéburna organisationer ska få lämna anbud.",
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
        "aldreboende", "Äldreboende som i Alingsås-fallet",
        "Kommunen vill att en diakonistiftelse driver ett vård- och omsorgsboende. Kommunen betalar drygt 14 miljoner kr "
        "per år, och mer om antalet platser utökas. Parterna kallar avtalet IOP. Många företag och organisationer driver "
        "äldreboenden. (Bygger på HFD 2020:15.)",
        Situation("gemensamt", flera_aktorer=True, kommunen_koper=True, egna_resurser=True, vinst=False,
                  ideburen=True, bilaga2_valfard=True),
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
