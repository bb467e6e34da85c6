"""The procurement process and where social considerations enter it (module 01).

Pure data and functions behind the widget *Var i processen?*: the stages of a procurement under
LOU (2016:1145), a set of measures a municipality may take, and feedback when a participant places
a measure in a stage. Every explanation names its lagrum or source.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.parsing import InputError


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    summary: str
    lagrum: str


@dataclass(frozen=True)
class Measure:
    id: str
    text: str
    stage: str  # id of the stage where the measure belongs
    why: str  # Swedish explanation shown as feedback
    lagrum: str


STAGES: tuple[Stage, ...] = (
    Stage("behov", "1. Behovsanalys och planering",
          "Ledningen bestämmer vad kommunen vill uppnå. Man analyserar behovet och marknaden och för dialog med "
          "leverantörer och arbetsmarknadsenheten innan något annonseras.",
          "4 kap. 3 § LOU; Upphandlingsmyndighetens stöd vid sysselsättningskrav"),
    Stage("kvalificering", "2. Kvalificering och uteslutning",
          "Vilka leverantörer får vara med? Här prövas uteslutningsgrunder, kvalificeringskrav och – vid reserverad "
          "upphandling – att leverantören uppfyller andelskravet.",
          "13 kap. 1–3 §§ LOU (uteslutning, direktivstyrt); 19 kap. 17 § LOU (uteslutning under tröskelvärdena och "
          "för bilaga 2-tjänster: alla grunder frivilliga); 4 kap. 18 § LOU (reserverad upphandling)"),
    Stage("tekniska_krav", "3. Tekniska krav på det som köps",
          "Krav som varan eller tjänsten alltid måste uppfylla, till exempel tillgänglighet för personer med "
          "funktionsnedsättning.",
          "9 kap. 2 § LOU"),
    Stage("tilldelning", "4. Tilldelningskriterier",
          "Hur anbuden jämförs. Vid bästa förhållandet mellan pris och kvalitet kan sociala aspekter ge mervärde, "
          "om de har anknytning till det som köps.",
          "16 kap. 1 § LOU"),
    Stage("kontraktsvillkor", "5. Särskilda kontraktsvillkor",
          "Villkor för hur kontraktet ska fullgöras, till exempel sysselsättningskrav eller arbetsrättsliga "
          "villkor om lön, semester och arbetstid. De ska uppfyllas under avtalstiden, inte när anbudet lämnas.",
          "17 kap. 1 § LOU; 17 kap. 2–5 §§ LOU (arbetsrättsliga villkor)"),
    Stage("uppfoljning", "6. Uppföljning under avtalstiden",
          "Kommunen kontrollerar att villkoren faktiskt uppfylls och reagerar om de inte gör det.",
          "17 kap. 1 § LOU (villkoren som följs upp); Upphandlingsmyndighetens nationella modell"),
)

STAGE_BY_ID: dict[str, Stage] = {s.id: s for s in STAGES}

MEASURES: tuple[Measure, ...] = (
    Measure(
        "ledningsbeslut",
        "Kommunstyrelsen beslutar att sysselsättningskrav ska prövas i kommunens större tjänsteupphandlingar, och en "
        "matchningsansvarig på arbetsmarknadsenheten utses.",
        "behov",
        "Det här görs innan en enskild upphandling börjar. Enligt Upphandlingsmyndighetens modell börjar arbetet med "
        "ett beslut i ledningen och en utsedd matchningsansvarig. LOU säger att myndigheten bör beakta sociala "
        "hänsyn om upphandlingens art motiverar det.",
        "4 kap. 3 § LOU; Upphandlingsmyndigheten, stöd vid sysselsättningskrav",
    ),
    Measure(
        "behovlighet",
        "Upphandlaren gör en riskanalys av om det finns risk för oskäliga arbetsvillkor i branschen (en "
        "behövlighetsbedömning).",
        "behov",
        "Behövlighetsbedömningen avgör om arbetsrättsliga villkor ska ställas. Upphandlingsmyndigheten rekommenderar "
        "att den görs i marknadsanalysen, alltså när upphandlingen planeras.",
        "17 kap. 2–5 §§ LOU; Upphandlingsmyndigheten, Behövlighetsbedömning",
    ),
    Measure(
        "reserverad",
        "Bara skyddade verkstäder och leverantörer vars främsta syfte är social och yrkesmässig integration, och där "
        f"minst {fakta('reserverad_upphandling_andelskrav').text} av de sysselsatta har en funktionsnedsättning eller "
        "svårt att komma in på arbetsmarknaden, får lämna anbud.",
        "kvalificering",
        "Det är en reserverad upphandling. Kraven gäller vem som får delta och kontrolleras i kvalificeringen, när "
        "anbudet lämnas in. Förutsättningarna ska också bestå under hela avtalstiden: skriv det i avtalet och följ "
        "upp det.",
        "4 kap. 18 § LOU; Upphandlingsmyndigheten, Kontroll av förutsättningarna för reserverad upphandling",
    ),
    Measure(
        "skatter",
        "Kommunen kontrollerar att anbudsgivarna har betalat sina skatter och socialförsäkringsavgifter och utesluter "
        "en leverantör som inte har gjort det.",
        "kvalificering",
        "Obetalda skatter och socialförsäkringsavgifter är en uteslutningsgrund. I en direktivstyrd upphandling ska "
        "eller får kommunen, beroende på omständigheterna, utesluta leverantören. Under tröskelvärdena och för "
        "bilaga 2-tjänster får kommunen utesluta, men måste inte: ange i upphandlingsdokumenten vilka grunder i 13 kap. "
        "ni tillämpar, eventuella egna grunder och vilka bevis ni begär. Leverantören ska få yttra sig innan den "
        "utesluts (19 kap. 17 § andra stycket). Det är en prövning av leverantören, inte en jämförelse av anbuden.",
        "13 kap. 2 § LOU (direktivstyrt); 19 kap. 17 § LOU (under tröskelvärdena och bilaga 2); Konkurrensverket, "
        "Uteslutningsgrunder och kvalifikationskrav",
    ),
    Measure(
        "tillganglighet",
        "Den nya webbtjänsten för bokning av kommunens lokaler ska gå att använda för personer med "
        "synnedsättning.",
        "tekniska_krav",
        "Ett krav på det som köps och som alla anbud måste uppfylla. När det som köps ska användas av människor ska "
        "de tekniska specifikationerna ta hänsyn till alla användares behov, däribland tillgänglighet. Skyldigheten "
        "i 9 kap. 2 § gäller direktivstyrda upphandlingar. Men en kommuns webbplatser och appar ska oavsett "
        "upphandlingens värde uppfylla lagen (2018:1937) om tillgänglighet till digital offentlig service. Ställ "
        "därför kravet i alla sådana upphandlingar.",
        "9 kap. 2 § LOU; lag (2018:1937) om tillgänglighet till digital offentlig service; Upphandlingsmyndigheten, "
        "Tillgänglighet och samtliga användares behov; DIGG",
    ),
    Measure(
        "mervarde",
        "Ett anbud får ett avdrag på det jämförda priset (mervärde) om leverantören beskriver en plan för hur "
        "personalen som utför uppdraget får yrkesutbildning under avtalstiden.",
        "tilldelning",
        "Anbuden jämförs och det sociala inslaget ger mervärde. Det är ett tilldelningskriterium och måste ha "
        "anknytning till det som köps.",
        "16 kap. 1 § LOU",
    ),
    Measure(
        "praktikplatser",
        "Leverantören ska under avtalstiden erbjuda två praktikplatser till personer som står långt från "
        "arbetsmarknaden, i samverkan med kommunens matchningsansvarige.",
        "kontraktsvillkor",
        "Ett sysselsättningskrav som särskilt kontraktsvillkor gäller hur kontraktet fullgörs. Leverantören behöver inte uppfylla det när "
        "anbudet lämnas, men ska göra det under avtalstiden.",
        "17 kap. 1 § LOU; Upphandlingsmyndigheten, Tillämpningsanvisningar sysselsättningskrav",
    ),
    Measure(
        "kollektivavtalsniva",
        "I en städupphandling över tröskelvärdet ska personalen ha minst den lön, semester och arbetstid som följer "
        "av det centrala kollektivavtalet i branschen.",
        "kontraktsvillkor",
        "Arbetsrättsliga villkor är särskilda kontraktsvillkor. De ska ställas i direktivstyrda upphandlingar när "
        "det är behövligt, på lägsta nivå enligt centralt kollektivavtal, och gälla också underleverantörer som "
        "direkt medverkar till att fullgöra kontraktet. Skyldigheten gäller inte bilaga 2-tjänster; där och under "
        "tröskelvärdena får villkoren ställas frivilligt.",
        "17 kap. 2–5 §§ LOU; prop. 2016/17:163",
    ),
    Measure(
        "kvartalsrapport",
        "Varje kvartal stämmer kommunen av med leverantören hur många som har fått praktik, och begär rättelse "
        "om åtagandet inte uppfylls.",
        "uppfoljning",
        "Ett villkor utan uppföljning får ingen verkan. Upphandlingsmyndighetens modell bygger på samverkan mellan "
        "kommunen, matchningsansvarig och leverantören under hela avtalstiden.",
        "17 kap. 1 § LOU; Upphandlingsmyndigheten, Upphandling med mål att öka sysselsättningen",
    ),
)

MEASURE_BY_ID: dict[str, Measure] = {m.id: m for m in MEASURES}


@dataclass(frozen=True)
class Placement:
    measure: Measure
    chosen: str | None  # stage id, or None when the participant has not chosen
    correct: bool

    @property
    def answered(self) -> bool:
        return self.chosen is not None


def evaluate_placements(choices: Mapping[str, str | None]) -> list[Placement]:
    """Compare the participant's stage per measure with the course's answer.

    ``choices`` maps measure id -> stage id ("" or None = not chosen). Unknown ids raise InputError.
    Measures not in ``choices`` count as not chosen.
    """
    for mid, sid in choices.items():
        if mid not in MEASURE_BY_ID:
            raise InputError(f"Okänd åtgärd: {mid}.")
        if sid not in (None, "") and sid not in STAGE_BY_ID:
            raise InputError(f"Okänt steg i processen: {sid}.")
    if not any(choices.get(m.id) for m in MEASURES):
        raise InputError("Välj ett steg i processen för minst en åtgärd.")
    out = []
    for m in MEASURES:
        sid = choices.get(m.id) or None
        out.append(Placement(m, sid, sid == m.stage))
    return out


def score(placements: list[Placement]) -> tuple[int, int]:
    """(number placed in the right stage, number of measures)."""
    return sum(p.correct for p in placements), len(placements)


def placement_feedback(**choices: str | None) -> str:
    """Markdown feedback for the widget: one item per measure with reason and lagrum."""
    placements = evaluate_placements(choices)
    right, total = score(placements)
    lines = [f"**{right} av {total} åtgärder** ligger i det steg där de hör hemma.", ""]
    for i, p in enumerate(placements, start=1):
        home = STAGE_BY_ID[p.measure.stage]
        if not p.answered:
            verdict = f"Inte besvarad. Åtgärden hör hemma i **{home.label}**."
        elif p.correct:
            verdict = f"✅ Rätt: **{home.label}**."
        else:
            verdict = (f"❌ Inte {STAGE_BY_ID[p.chosen].label}. Åtgärden hör hemma i **{home.label}**.")
        lines.append(f"{i}. *{p.measure.text}*  \n{verdict} {p.measure.why} *({p.measure.lagrum})*")
    return "\n".join(lines)


def stages_table() -> str:
    """The stages as a Markdown table (stage, what happens, lagrum)."""
    rows = ["| Steg | Vad händer – och var kommer sociala hänsyn in? | Lagrum |", "|---|---|---|"]
    rows += [f"| {s.label} | {s.summary} | {s.lagrum} |" for s in STAGES]
    return "\n".join(rows)
