"""Module 06: the sanctions ladder for an employment requirement (rättelse, vite, hävning).

``next_step`` takes what went wrong and what has happened so far, and returns the step the contract manager takes
next: what to do, what to document and what the contract must say for the step to be possible. ``needed`` says
which of the ladder's questions matter for a case, so the widget asks only those.

The rules follow Upphandlingsmyndigheten's application support (sanctions stated in the procurement documents,
proportionate, the supplier first gets a chance to put the breach right; exclusion from call-offs under a framework
agreement only if the documents say so) and the course's requirement annex (``documents.requirement_annex``):

- rättelse for a missed milestone is a written plan that the buyer accepts (``CURE``); vite falls due when no
  acceptable plan comes in time or the plan is not followed, and directly at the last milestone (``EXAMPLE_VITE``);
- the exemption from vite (``EXEMPTION``) exists only if the contract has it: a need notified in time to any
  recruitment channel, no candidate who meets the stated requirements; a candidate who meets them and is turned
  down gives no exemption;
- hävning only for a material breach (``TERMINATION``); a single late report never is one;
- a declined offer is no fulfilled time but moves the milestone (``DECLINED``); an early end counts as fulfilled
  after three quarters of the agreed time when the employee left or the employer had cause (``EARLY_END``), or, for
  an internship, when the intern or whoever referred the intern ended it (``EARLY_END_PRAKTIK``: an intern is not
  employed, so no LAS).

A vite is a contract term, not a sanction in law: without a vite clause in the contract there is no vite to claim,
and adding one after the award is a change of the contract (17 kap. 9–14 §§ LOU). The course states no amounts.

    step = next_step("delmal_missat", anmanad=True, tiden_ute=True, avtalet_har_vite=True)
    step.steg      # "vite"
    step_markdown(step)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from upphandlingskurs.decisions.employment import SOURCE_UHM_BRISTER
from upphandlingskurs.parsing import InputError

# -- the cases a contract manager meets (key -> label shown in the widget) ------------------------------------------
BREACHES = {
    "rapport_sen": "Leverantörens kvartalsrapport har inte kommit in i tid",
    "rapport_namn": "Rapporten innehåller namn eller personnummer",
    "delmal_missat": "Leverantören har inte nått ett delmål (för få heltidsmånader)",
    "ingen_kandidat": "Leverantören anmälde behovet men fick ingen kandidat som uppfyller kraven i anmälan",
    "kandidat_nej": "Leverantören tackade nej till kandidaterna som den matchningsansvariga föreslog",
    "erbjudande_nej": "En person tackade nej till erbjudandet om anställning eller praktik",
    "fortida_avslut": "En anställning eller praktik slutade i förtid",
    "dialog_uteblev": "Leverantören kom inte till ett dialogmöte (dialogvillkoret)",
}
#: The breaches that climb the ladder: notice, time to put it right, vite, hävning.
LADDER = ("rapport_sen", "rapport_namn", "delmal_missat", "dialog_uteblev")
STEPS = ("ingen sanktion", "bedömning", "rättelse", "vite", "hävning", "fråga juristen")

SRC_BRISTER = SOURCE_UHM_BRISTER.split(":")[0]
#: The same criterion as the annex's SOURCE_UHM_KRITERIUM (documents sit above decisions, so it is named here).
SRC_KRITERIUM = "Upphandlingsmyndigheten, Kriterium Sysselsättningskrav (krav-ID 11554)"
SRC_REKRYTERING = "Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Rekrytering av person från avsedda målgruppen"
CHANGE_RULE = ("Ett villkor som läggs till efter tilldelningen är en ändring av kontraktet, och ett upphandlat "
               "kontrakt får som huvudregel inte ändras utan en ny upphandling (17 kap. 9–14 §§ LOU).")
VITE_IS_CONTRACT = ("Vite är ett avtalsvillkor, ingen lagstadgad sanktion: det kan bara tas ut om det står i "
                    "kontraktet, och det ska ha stått i upphandlingsdokumenten från början "
                    f"({SRC_BRISTER}).")
PROPORTIONATE = ("Sanktionen ska stå i proportion till hur allvarlig bristen är, och leverantören ska i första hand "
                 f"få rätta den ({SRC_BRISTER}).")
MATERIAL = ("Hävning kräver ett väsentligt avtalsbrott. I kursens kravbilaga (A5) är det till exempel att "
            "leverantören vid två delmål i följd har fullgjort mindre än en viss andel, eller att leverantören trots "
            "skriftlig anmaning och utgått vite inte rättar en brist. En enstaka sen rapport är inte ett väsentligt "
            "avtalsbrott.")
JAMKNING = ("Ett vite som inte är skäligt kan jämkas (sättas ned) av domstol (36 § lagen (1915:218) om avtal och "
            "andra rättshandlingar på förmögenhetsrättens område).")
WAIVE = ("Avstår ni från ett vite: skriv ned varför. Att regelmässigt avstå kan i praktiken ändra avtalet "
         "(17 kap. 9–14 §§ LOU) och behandla leverantörerna olika (4 kap. 1 § LOU). Fråga juristen innan ni gör det "
         "till en vana.")
LOG = ("Be den matchningsansvariga om loggen över anmälningar: datum för varje anmälan, vilka krav anmälan angav, "
       "datum för svaret och hur många kandidater som föreslogs – inga namn.")
EXCLUSION = ("Ramavtal: lämnar eller följer leverantören inte en plan som ni har godtagit, kan ni stänga av "
             f"leverantören från nya avrop tills bristen är rättad – om upphandlingsdokumenten säger det ({SRC_BRISTER}; "
             "kursens kravbilaga, A5).")
#: Before a candidate is proposed (labour-market verification read, N1). The course states no rule of its own:
#: only what Arbetsförmedlingen says about compensation in a programme; a-kassa and ekonomiskt bistånd are asked.
SRC_AF_VILLKOR = ("Arbetsförmedlingen, Villkor för din ersättning i program: https://arbetsformedlingen.se/"
                  "for-arbetssokande/extra-stod/ersattning-och-franvaro/villkor-for-din-ersattning-i-program")
MONEY = ("Ett nej kan påverka personens pengar. Arbetsförmedlingen skriver att den som får ersättning i ett program "
         "behöver tacka ja till jobb som hen blir erbjuden, annars riskerar hen att bli utan ersättning "
         f"({SRC_AF_VILLKOR}). Fråga Arbetsförmedlingen, a-kassan eller socialtjänsten vad som gäller för personen, "
         "och berätta det för personen innan du föreslår hen nästa gång. Det avgör de, inte leverantören och inte "
         "avtalsförvaltaren.")
#: The two early-end rules in the annex's words (EARLY_END, EARLY_END_PRAKTIK), as the start of a sentence.
EARLY_END_RULE = ("Sa personen själv upp sig, eller hade arbetsgivaren sakliga skäl för uppsägning (7 § LAS) eller "
                  "grund för avskedande (18 § LAS),")
EARLY_END_RULE_PRAKTIK = ("En praktikant är inte anställd. Avbröt praktikanten eller den som anvisade praktiken "
                          "den,")
LAS_NOTE = ("Hur en anställning får avslutas står i lagen (1982:80) om anställningsskydd (LAS). LAS gäller för de "
            "flesta anställda, men inte för den som är anställd med särskilt anställningsstöd, i skyddat arbete eller "
            "med lönebidrag för utveckling i anställning (1 § LAS). Ett kollektivavtal kan i vissa delar avvika från "
            "lagen. Det är en fråga mellan arbetsgivaren och den anställde, inte för avtalsförvaltaren.")
NOTE = ("*Trappan är kursens förenkling av Upphandlingsmyndighetens råd och av kursens kravbilaga. Ert avtal kan "
        "säga något annat. Gå igenom ett verkligt fall med er upphandlingsjurist.*")


@dataclass(frozen=True)
class Question:
    """A yes/no question of the ladder: field name, short label, the full question."""
    name: str
    label: str
    text: str


QUESTIONS = [
    Question("anmanad", "Anmaning skickad?",
             "Har ni skriftligt anmält bristen till leverantören och gett en tid att rätta den (en anmaning)?"),
    Question("tiden_ute", "Tiden för rättelse ute?",
             "Har tiden för rättelse gått ut utan att bristen är rättad? Vid ett missat delmål: har leverantören "
             "inte lämnat en plan som ni kan godta i tid, eller följs inte den godtagna planen? Svara Nej om tiden "
             "inte har gått ut än."),
    Question("sista_delmalet", "Sista delmålet?", "Gäller bristen det sista delmålet, när avtalet upphör?"),
    Question("vasentligt", "Väsentligt avtalsbrott?",
             "Är bristen ett väsentligt avtalsbrott enligt avtalets hävningsklausul? En enstaka sen rapport är det "
             "inte."),
    Question("avtalet_har_vite", "Vitesklausul i avtalet?", "Har avtalet en vitesklausul för just den här bristen?"),
    Question("avtalet_har_undantag", "Befrielse i avtalet?",
             "Har avtalet en befrielse från vite när leverantören i tid har anmält behovet men inte fått någon "
             "kandidat som uppfyller kraven i anmälan (som kursens kravbilaga, A5)?"),
    Question("avtalet_har_havning", "Hävningsklausul i avtalet?",
             "Har avtalet en klausul om hävning vid väsentligt avtalsbrott?"),
    Question("ramavtal", "Ramavtal?", "Är avtalet ett ramavtal som kommunen gör avrop från?"),
    Question("praktik", "Var platsen en praktik?",
             "Var platsen en praktik? Svara Nej om den var en anställning, också en anställning med stöd."),
    Question("slutade_sjalv", "Slutade personen själv?",
             "Sa personen själv upp sig, eller hade arbetsgivaren sakliga skäl för uppsägning (7 § LAS) eller grund "
             "för avskedande (18 § LAS)?"),
    Question("avbrot_praktiken", "Avbröt praktikanten?",
             "Avbröt praktikanten själv praktiken, eller gjorde den som anvisade praktiken det (till exempel "
             "Arbetsförmedlingen)?"),
    Question("tre_fjardedelar", "Tre fjärdedelar fullgjorda?",
             "Hade personen fullgjort minst tre fjärdedelar av den avtalade tiden när platsen slutade?"),
]
QUESTION_NAMES = tuple(q.name for q in QUESTIONS)


def needed(brist: str, answers: dict[str, bool | None]) -> list[str]:
    """The questions that matter for ``brist`` given the answers so far (``None``: not answered), in widget order.

    A question that only matters after another answer (the time for correction after a notice, the termination
    clause after a material breach) is needed only when that answer is yes."""
    yes = lambda name: answers.get(name) is True  # noqa: E731
    if brist in LADDER:
        if brist == "delmal_missat" and yes("sista_delmalet"):
            return ["sista_delmalet", "avtalet_har_vite"] + (["avtalet_har_undantag"] if yes("avtalet_har_vite")
                                                              else [])
        out = ["anmanad"] + (["tiden_ute"] if yes("anmanad") else [])
        if brist == "delmal_missat":
            out.insert(0, "sista_delmalet")
        if yes("anmanad") and yes("tiden_ute"):
            out.append("vasentligt")
            if yes("vasentligt"):
                out.append("avtalet_har_havning")
            else:
                out.append("avtalet_har_vite")
                if brist == "delmal_missat" and yes("avtalet_har_vite"):
                    out.append("avtalet_har_undantag")
            if brist == "delmal_missat":
                out.append("ramavtal")
        return out
    if brist == "ingen_kandidat":
        return ["avtalet_har_vite"] + (["avtalet_har_undantag"] if yes("avtalet_har_vite") else [])
    if brist == "kandidat_nej":
        return ["avtalet_har_undantag"]
    if brist == "fortida_avslut":  # three quarters matter only when the rule applies at all
        if answers.get("praktik") is None:
            return ["praktik"]
        who = "avbrot_praktiken" if answers["praktik"] else "slutade_sjalv"
        return ["praktik", who] + (["tre_fjardedelar"] if yes(who) else [])
    return []  # erbjudande_nej


@dataclass(frozen=True)
class Step:
    """The next step on the ladder, with what to do, what to document and what the contract must say."""
    steg: str
    rubrik: str
    gor: list[str] = field(default_factory=list)
    dokumentera: list[str] = field(default_factory=list)
    avtalet_ska: list[str] = field(default_factory=list)
    kallor: list[str] = field(default_factory=list)


# -- the ladder: notice, wait, vite, termination --------------------------------------------------------------------
def _notice(brist: str) -> Step:
    if brist == "delmal_missat":
        gor = [LOG + " Anmälde leverantören behovet i tid och fick ingen kandidat som uppfyller kraven, kan "
               "åtagandet vara minskat för de platserna (om avtalet har en befrielse).",
               "Anmäl skriftligt till leverantören att delmålet inte är nått. Be leverantören lämna en skriftlig "
               "plan inom den tid som avtalet anger (i kursens kravbilaga [antal] dagar): hur de saknade "
               "heltidsmånaderna ska tas igen och när platserna ska tillsättas. Planen gäller när ni har godtagit "
               "den skriftligt. Vägra inte att godta en plan utan sakliga skäl (kursens kravbilaga, A5).",
               "Påminn om att leverantören också får rekrytera på egen hand, via Arbetsförmedlingen, Eures eller "
               "någon annan, och fråga den matchningsansvariga om det finns kandidater nu."]
        avtalet = ["Säga hur en brist anmäls och hur den rättas, till exempel med en plan som beställaren godtar "
                   "(kursens kravbilaga, A5)."]
    else:
        what = {"rapport_sen": "lämna rapporten",
                "rapport_namn": "lämna en ny rapport med bara antal, utan namn och personnummer",
                "dialog_uteblev": "komma till ett nytt dialogmöte"}[brist]
        gor = [f"Skicka en skriftlig anmaning till leverantören: beskriv bristen och be leverantören {what} inom den "
               "tid som avtalet anger (i kursens kravbilaga [antal] dagar).",
               "En anmaning kan vara ett kort mejl som beskriver bristen och anger en ny sista dag. Spara det.",
               "Ring eller boka ett möte om bristen är oklar. Ofta finns en förklaring som går att lösa."]
        avtalet = ["Säga vad leverantören ska göra och att beställaren får anmäla en brist skriftligt och ge en tid "
                   "för rättelse (kursens kravbilaga, A2 och A5)."]
    if brist == "rapport_namn":
        gor.append("Sprid inte den rapport som kom in. Den är en allmän handling; pröva sekretess om någon begär att "
                   "få ta del av den (2 kap. tryckfrihetsförordningen; offentlighets- och sekretesslagen "
                   "(2009:400)). Radera den inte på egen hand: en allmän handling får bara gallras enligt kommunens "
                   "beslut om gallring (arkivlagen (1990:782)). Fråga registrator eller dataskyddsombudet hur den "
                   "ska hanteras.")
    return Step(
        steg="rättelse",
        rubrik="Första steget: rättelse",
        gor=gor,
        dokumentera=["Datum då bristen upptäcktes och vad den består i.",
                     "Anmaningen (kopia) och sista dag för rättelse eller för planen.",
                     "Leverantörens svar och vad ni kom överens om."],
        avtalet_ska=avtalet,
        kallor=[PROPORTIONATE],
    )


def _wait(brist: str) -> Step:
    what = ("att leverantören lämnar en plan, eller att planen ni har godtagit följs" if brist == "delmal_missat"
            else "att leverantören rättar bristen")
    return Step(
        steg="rättelse",
        rubrik="Leverantören har tid att rätta: vänta",
        gor=[f"Ta inte nästa steg än. Leverantören har fått en anmaning, och tiden för rättelse har inte gått ut. "
             f"Vänta på {what}.",
             "Håll kontakten: en påminnelse några dagar före sista dagen är ofta det som behövs."],
        dokumentera=["Sista dag för rättelse, och vad som händer den dagen."],
        avtalet_ska=["Ange hur lång tid leverantören har för rättelse (kursens kravbilaga, A5)."],
        kallor=[PROPORTIONATE],
    )


def _vite(brist: str, undantag: bool, ramavtal: bool, last: bool = False) -> Step:
    how = {"delmal_missat": "per heltidsmånad som saknas vid delmålet, med tak per avtalsår och för hela "
                            "avtalstiden; samma heltidsmånad ger bara vite en gång",
           "dialog_uteblev": "per möte som leverantören inte kom till, med ett tak per avtalsår",
           }.get(brist, "per påbörjad vecka tills bristen är rättad, med ett tak per avtalsår")  # REPORT_VITE
    gor = []
    if brist == "delmal_missat":
        gor.append(LOG + " Avtalsförvaltaren ska ha loggen innan vitet räknas ut.")
        if undantag:
            gor.append("Pröva befrielsen först: vite utgår inte för en plats som leverantören i tid anmälde till en "
                       "förmedlare (den matchningsansvariga, Arbetsförmedlingen, Eures eller någon annan) utan att "
                       "få förslag på en kandidat som uppfyller kraven i anmälan, eller om bristen beror på något "
                       "utanför leverantörens kontroll. Åtagandet minskas då med de heltidsmånaderna (kursens "
                       "kravbilaga, A5).")
    gor += [f"Räkna ut vitet exakt som vitesklausulen säger (i kursens kravbilaga {how}) och meddela leverantören "
            "skriftligt.",
            "Dra av vitet på fakturan eller fakturera det, så som avtalet anger.",
            WAIVE]
    if ramavtal:
        gor.append(EXCLUSION)
    why = ("Vid det sista delmålet går bristen inte att rätta med en plan, eftersom avtalet upphör. Då utgår vitet "
           "direkt om klausulen säger det (kursens kravbilaga, A5)." if last else
           "Att leverantören har fått anmaning och tid att rätta, och att tiden har gått ut.")
    return Step(
        steg="vite",
        rubrik="Vite vid sista delmålet" if last else "Andra steget: vite enligt avtalet",
        gor=([why] if last else []) + gor,
        dokumentera=["Beräkningen av vitet och vilken punkt i avtalet den bygger på.",
                     "Loggen över anmälningar och svar, om bristen är ett missat delmål." if brist == "delmal_missat"
                     else "Anmaningen och leverantörens svar.",
                     why if not last else "Att det var det sista delmålet."],
        avtalet_ska=["Ha en vitesklausul med belopp, hur vitet räknas och ett tak" +
                     (", och en befrielse när inga kandidater finns. " if brist == "delmal_missat" else ". ")
                     + VITE_IS_CONTRACT],
        kallor=[VITE_IS_CONTRACT, PROPORTIONATE, JAMKNING],
    )


def _no_vite(brist: str, ramavtal: bool) -> Step:
    gor = ["Ta inte ut vite. " + VITE_IS_CONTRACT,
           "Lägg inte till ett vite nu. " + CHANGE_RULE,
           "Fortsätt med en ny skriftlig anmaning och ett uppföljningsmöte. Fråga er upphandlingsjurist om "
           "avtalets allmänna villkor ger någon annan påföljd, till exempel skadestånd.",
           "Skriv in en vitesklausul i nästa upphandling (kursens kravbilaga har ett exempel)."]
    if ramavtal:
        gor.insert(3, EXCLUSION)
    return Step(
        steg="rättelse",
        rubrik="Avtalet saknar vitesklausul: fortsätt med rättelse och dialog",
        gor=gor,
        dokumentera=["Bristen, anmaningarna och leverantörens svar: underlaget för nästa upphandling."],
        avtalet_ska=["I nästa upphandling: en vitesklausul med belopp, tak och befrielse (kursens kravbilaga, A5)."],
        kallor=[VITE_IS_CONTRACT, CHANGE_RULE],
    )


def _termination(brist: str, havning: bool, ramavtal: bool) -> Step:
    if not havning:
        return Step(
            steg="fråga juristen",
            rubrik="Avtalet saknar hävningsklausul: fråga er upphandlingsjurist",
            gor=["Häv inte på egen hand. Rätt att häva kan finnas ändå vid ett väsentligt avtalsbrott, men den "
                 "bedömningen gör er upphandlingsjurist, inte kursen.",
                 "Fortsätt med anmaningar och, om avtalet har det, vite."]
                + ([EXCLUSION] if ramavtal else [])
                + ["Skriv in en hävningsklausul för villkoret i nästa upphandling. " + CHANGE_RULE],
            dokumentera=["Hela kedjan: bristerna, anmaningarna, eventuella viten och leverantörens svar."],
            avtalet_ska=["I nästa upphandling: en hävningsklausul som säger när avtalsbrottet är väsentligt (kursens "
                         "kravbilaga, A5)."],
            kallor=[MATERIAL, CHANGE_RULE],
        )
    if brist != "delmal_missat":
        return Step(
            steg="fråga juristen",
            rubrik="Hävning för en brist i rapporteringen eller dialogen: fråga er upphandlingsjurist",
            gor=[MATERIAL,
                 "En brist i rapporteringen eller dialogen räcker sällan för att häva. Har leverantören trots "
                 "anmaning och vite länge låtit bli att rapportera eller komma till möten, kan det vara ett "
                 "väsentligt avtalsbrott. Låt juristen bedöma det innan ni gör något.",
                 "Fortsätt under tiden med anmaningar och vite enligt avtalet."],
            dokumentera=["Hela kedjan: bristerna, anmaningarna, utgångna viten och leverantörens svar."],
            avtalet_ska=["Ha en hävningsklausul som säger när avtalsbrottet är väsentligt (kursens kravbilaga, A5)."],
            kallor=[MATERIAL, PROPORTIONATE],
        )
    gor = [LOG + " Gäller avtalets befrielse för några platser, minskas åtagandet med de heltidsmånaderna också när "
           "ni bedömer om avtalsbrottet är väsentligt (kursens kravbilaga, A5).",
           "Gå igenom med er upphandlingsjurist om avtalsbrottet är väsentligt enligt hävningsklausulen och om "
           "hävning står i proportion till bristen. Hävning är det sista steget.",
           "Häv skriftligt enligt avtalets hävningsklausul, helt eller för den del som bristen gäller.",
           "Planera vad som händer sedan: det som återstår av avtalet behöver oftast upphandlas på nytt."]
    if ramavtal:
        gor.insert(1, "Vid ett ramavtal kan en mildare väg vara att stänga av leverantören från nya avrop, om "
                      f"upphandlingsdokumenten säger det ({SRC_BRISTER}).")
    return Step(
        steg="hävning",
        rubrik="Sista steget: hävning vid väsentligt avtalsbrott",
        gor=gor,
        dokumentera=["Hela kedjan: bristerna, anmaningarna, utgångna viten och leverantörens svar.",
                     "Varför avtalsbrottet är väsentligt och hävning proportionerlig, och juristens bedömning."],
        avtalet_ska=["Ha en hävningsklausul: beställaren får häva om avtalsbrottet är väsentligt, med exempel på "
                     "vad som räknas som väsentligt (kursens kravbilaga, A5)."],
        kallor=[MATERIAL, PROPORTIONATE],
    )


def _ladder(brist: str, a: dict[str, bool]) -> Step:
    if brist == "delmal_missat" and a["sista_delmalet"]:
        if not a["avtalet_har_vite"]:
            return Step(
                steg="fråga juristen",
                rubrik="Sista delmålet utan vitesklausul: fråga er upphandlingsjurist",
                gor=["Avtalet upphör, så bristen går inte att rätta med en plan. Avtalet har inget vite att ta ut. "
                     + VITE_IS_CONTRACT,
                     "Fråga er upphandlingsjurist om avtalet eller allmänna avtalsrättsliga principer ger någon "
                     "annan påföljd, till exempel skadestånd.",
                     "Ta med lärdomen till nästa upphandling: delmål under avtalstiden och en vitesklausul."],
                dokumentera=["Fullgjorda heltidsmånader vid avtalets slut, och loggen över anmälningar och svar."],
                avtalet_ska=["I nästa upphandling: delmål, vite och befrielse (kursens kravbilaga, A5)."],
                kallor=[VITE_IS_CONTRACT],
            )
        return _vite(brist, a["avtalet_har_undantag"], ramavtal=False, last=True)
    if a["tiden_ute"] and not a["anmanad"]:
        raise InputError("Tiden för rättelse kan bara ha gått ut om leverantören har fått en skriftlig anmaning. "
                         "Svara Ja på frågan om anmaning, eller Nej på frågan om tiden för rättelse.")
    if a["vasentligt"] and not (a["anmanad"] and a["tiden_ute"]):
        raise InputError("Trappan tar upp hävning först när leverantören har fått en skriftlig anmaning och tiden för "
                         "rättelse har gått ut: leverantören ska i första hand få rätta bristen. Svara Ja på de "
                         "frågorna, eller Nej på frågan om väsentligt avtalsbrott.")
    if not a["anmanad"]:
        return _notice(brist)
    if not a["tiden_ute"]:
        return _wait(brist)
    if a["vasentligt"]:
        return _termination(brist, a["avtalet_har_havning"], a["ramavtal"])
    if a["avtalet_har_vite"]:
        return _vite(brist, a["avtalet_har_undantag"], a["ramavtal"])
    return _no_vite(brist, a["ramavtal"])


# -- the other cases ------------------------------------------------------------------------------------------------
def _no_candidate(a: dict[str, bool]) -> Step:
    if not a["avtalet_har_vite"]:
        return Step(
            steg="rättelse",
            rubrik="Avtalet har inget vite: planera rekryteringen tillsammans",
            gor=["Det finns inget vite att ta ut, så frågan om befrielse uppstår inte. Åtagandet gäller ändå.",
                 "Boka ett möte med leverantören och den matchningsansvariga: när kan platsen tillsättas, och kan "
                 "leverantören själv rekrytera ur målgruppen, via Arbetsförmedlingen eller någon annan?",
                 "Låt den matchningsansvariga se över varför det saknades kandidater (för snäv målgrupp, fel tid på "
                 "året, krav på körkort eller språk) och ta med lärdomen till nästa upphandling."],
            dokumentera=["Loggen: datum för anmälan, kraven i anmälan, datum för svaret, antal förslag (inga namn)."],
            avtalet_ska=["I nästa upphandling: vite med en befrielse när inga kandidater finns (kursens kravbilaga, "
                         "A5)."],
            kallor=[SRC_REKRYTERING],
        )
    if not a["avtalet_har_undantag"]:
        return Step(
            steg="fråga juristen",
            rubrik="Avtalet har vite men ingen befrielse: fråga er upphandlingsjurist",
            gor=["Upphandlingsmyndighetens villkor lägger ansvaret för rekryteringen på leverantören "
                 f"({SRC_REKRYTERING}). Utan en befrielse i avtalet är det inte säkert att leverantören har gjort det "
                 "avtalet kräver bara för att den matchningsansvariga saknade kandidater.",
                 "Kräv inte vite innan juristen har bedömt fallet. Avtalets allmänna villkor kan ge befrielse om "
                 "bristen beror på något utanför leverantörens kontroll. " + JAMKNING,
                 "Boka under tiden ett möte om hur platsen kan tillsättas, och bredda sökandet."],
            dokumentera=["Loggen: datum för anmälan, kraven i anmälan, datum för svaret, antal förslag (inga namn).",
                         "Juristens bedömning."],
            avtalet_ska=["I nästa upphandling: en befrielse från vite när leverantören i tid har anmält behovet men "
                         "inte fått någon kandidat som uppfyller kraven (kursens kravbilaga, A5)."],
            kallor=[SRC_REKRYTERING, JAMKNING],
        )
    return Step(
        steg="ingen sanktion",
        rubrik="Ingen sanktion – om anmälan kom i tid och avtalets befrielse gäller",
        gor=[LOG,
             "Kontrollera mot avtalet: kom anmälan så tidigt som befrielsen kräver (i kursens kravbilaga [antal] "
             "veckor före delmålet)? Anmälan får ha gått till vilken förmedlare som helst: den matchningsansvariga, "
             "Arbetsförmedlingen, Eures eller någon annan. Var kraven i anmälan sakligt motiverade av arbetet?",
             "Gäller befrielsen: ta inte ut vite för de platserna. Åtagandet minskas med de heltidsmånader som "
             "befrielsen gäller (kursens kravbilaga, A5). Kom anmälan för sent: välj i stället ”Leverantören har "
             "inte nått ett delmål”.",
             "Boka ett möte med leverantören och den matchningsansvariga om hur platsen kan tillsättas, och låt den "
             "matchningsansvariga se över varför det saknades kandidater. Ta med lärdomen till nästa upphandling."],
        dokumentera=["Loggen och er bedömning av att anmälan kom i tid.",
                     "Hur många heltidsmånader åtagandet minskas med."],
        avtalet_ska=["En befrielse från vite som säger hur tidigt behovet ska anmälas, till vem, och att åtagandet "
                     "minskas (kursens kravbilaga, A5)."],
        kallor=["Kursens kravbilaga (A4 Matchning, A5 Brister, vite och hävning)."],
    )


def _declined_candidates(a: dict[str, bool]) -> Step:
    if not a["avtalet_har_undantag"]:
        return Step(
            steg="fråga juristen",
            rubrik="Avtalet säger inget om kandidater som leverantören tackar nej till: fråga er upphandlingsjurist",
            gor=["Leverantören väljer själv vem den anställer eller tar emot (kursens kravbilaga, A4). Om ett nej "
                 "påverkar vitet beror på avtalet. Låt juristen bedöma det innan ni kräver vite.",
                 "Fråga leverantören, utan att lämna ut mer om kandidaterna, vilka krav platsen faktiskt har."],
            dokumentera=["Loggen: datum för anmälan, kraven i anmälan, datum för förslagen, antal förslag."],
            avtalet_ska=["I nästa upphandling: att en kandidat som uppfyller kraven i anmälan och som leverantören "
                         "ändå inte tar emot inte ger befrielse från vite (kursens kravbilaga, A5)."],
            kallor=[SRC_REKRYTERING],
        )
    return Step(
        steg="bedömning",
        rubrik="Leverantören tackade nej: pröva förslagen mot kraven i anmälan",
        gor=[LOG,
             "Jämför förslagen med kraven i anmälan. Uppfyllde kandidaterna kraven, ger nejet ingen befrielse från "
             "vite (kursens kravbilaga, A5). Leverantören bestämmer ändå själv vem den anställer (A4).",
             "Var kraven sakligt motiverade av arbetet? Ett krav på körkort för ett arbete utan bil är det inte. Är "
             "ni och leverantören oense, avgör beställaren efter samråd med den matchningsansvariga (A5).",
             "Berätta bara det om kandidaterna som leverantören behöver för att bedöma om kraven är uppfyllda. "
             "Skälen till ett nej, hälsa eller bakgrund skrivs inte i rapporter eller mejl till leverantören.",
             "Är delmålet sedan inte nått: välj ”Leverantören har inte nått ett delmål” och följ trappan."],
        dokumentera=["Kraven i anmälan, förslagen (antal) och er bedömning av om kraven var uppfyllda."],
        avtalet_ska=["Att kraven i anmälan ska vara sakligt motiverade och att en kandidat som uppfyller dem och inte "
                     "tas emot inte ger befrielse (kursens kravbilaga, A5)."],
        kallor=["Kursens kravbilaga (A4 Matchning, A5 Brister, vite och hävning)."],
    )


def _declined_offer() -> Step:
    return Step(
        steg="ingen sanktion",
        rubrik="Ingen sanktion för nejet – men platsen ska erbjudas någon annan",
        gor=["Ett erbjudande som inte antas räknas inte som fullgjord tid. Leverantören ska erbjuda platsen till en "
             "annan person ur målgruppen (kursens kravbilaga, A1).",
             "Anmäler leverantören skriftligt inom den tid avtalet anger att ett erbjudande inte har antagits, skjuts "
             "nästa delmål fram för den platsen (i kursens kravbilaga [antal] dagar och [antal] veckor).",
             "Den matchningsansvariga tar reda på varför, om personen vill berätta: passar arbetstiden, går det en "
             "buss? Skälen stannar hos arbetsmarknadsenheten. Leverantören rapporterar bara antal erbjudanden som "
             "inte antogs.",
             MONEY],
        dokumentera=["Datum för erbjudandet och för leverantörens anmälan om nejet (inga namn)."],
        avtalet_ska=["En regel om erbjudanden som inte antas (kursens kravbilaga, A1). Saknas den: fråga juristen "
                     "om delmålet kan flyttas."],
        kallor=["Kursens kravbilaga (A1 Åtagande)."],
    )


def _early_end(a: dict[str, bool]) -> Step:
    praktik = a["praktik"]
    own = a["avbrot_praktiken"] if praktik else a["slutade_sjalv"]
    rule = EARLY_END_RULE_PRAKTIK if praktik else EARLY_END_RULE
    source = "kursens kravbilaga, A1" if praktik else f"{SRC_KRITERIUM}; kursens kravbilaga, A1"
    good = ("Slutade personen för ett annat arbete eller för studier är det ett gott resultat. Den "
            "matchningsansvariga kan följa upp det med personens medverkan.")
    if own and a["tre_fjardedelar"]:
        return Step(
            steg="ingen sanktion",
            rubrik="Ingen sanktion: åtagandet räknas som uppfyllt för platsen",
            gor=[f"{rule} räknas åtagandet för platsen som uppfyllt när minst tre fjärdedelar av den avtalade tiden "
                 f"är fullgjord ({source}).", good],
            dokumentera=["Fullgjord tid i heltidsmånader (i leverantörens rapport: bara antal, inga namn)."],
            avtalet_ska=["Ha regeln om förtida avslut (kursens kravbilaga, A1)."],
            kallor=[SRC_KRITERIUM] if not praktik else ["Kursens kravbilaga (A1 Åtagande)."],
        )
    if own:
        gor = ["Mindre än tre fjärdedelar av den avtalade tiden är fullgjord, så platsen räknas inte som uppfylld "
               f"({source})."]
    elif praktik:
        gor = ["Praktiken avbröts av någon annan än praktikanten och den som anvisade praktiken, till exempel av "
               "leverantören. Då gäller inte regeln om tre fjärdedelar (kursens kravbilaga, A1).",
               "Fråga leverantören varför praktiken avbröts. Den matchningsansvariga hör av sig till praktikanten och "
               "till den som anvisade praktiken."]
    else:
        gor = ["Arbetsgivaren avslutade anställningen utan sakliga skäl för uppsägning eller grund för avskedande. "
               f"Då gäller inte regeln om tre fjärdedelar ({source})."]
    gor += ["Den fullgjorda tiden räknas, men resten av åtagandet för platsen återstår (kursens kravbilaga, A1).",
            "Be leverantören tillsätta platsen igen, med stöd av den matchningsansvariga. Följ trappan om det inte "
            "sker före nästa delmål."]
    if own:
        gor.append("Slutade personen för ett annat arbete eller för studier är det ett gott resultat, även om "
                   "villkoret inte räknar det. Vill ni att det ska räknas, skriv in det i villkoret i nästa "
                   "upphandling. Ändra inte det här avtalet på egen hand. " + CHANGE_RULE)
    elif not praktik:
        gor.append(LAS_NOTE)
    return Step(
        steg="rättelse",
        rubrik="Platsen räknas inte som uppfylld: be leverantören tillsätta den igen",
        gor=gor,
        dokumentera=["Fullgjord tid i heltidsmånader och när platsen ska vara tillsatt igen (bara antal, inga namn)."],
        avtalet_ska=["Ha regeln om förtida avslut (kursens kravbilaga, A1)."],
        kallor=[SRC_KRITERIUM] if not praktik else ["Kursens kravbilaga (A1 Åtagande)."],
    )


def next_step(brist: str, **answers: bool) -> Step:
    """The next step for case ``brist`` (a key of BREACHES), given yes/no answers named as in QUESTIONS.

    Questions that do not matter for the case (see ``needed``) are ignored; an unknown name raises TypeError.
    Contradictory answers (time for correction passed without a notice; a material breach before the time for
    correction has passed) raise InputError with a Swedish message.
    """
    if brist not in BREACHES:
        raise InputError("Välj vad som har hänt i listan \u201dVad har hänt?\u201d.")
    unknown = set(answers) - set(QUESTION_NAMES)
    if unknown:
        raise TypeError(f"unknown answers: {sorted(unknown)}")
    a = {name: bool(answers.get(name, False)) for name in QUESTION_NAMES}
    if brist in LADDER:
        return _ladder(brist, a)
    if brist == "ingen_kandidat":
        return _no_candidate(a)
    if brist == "kandidat_nej":
        return _declined_candidates(a)
    if brist == "erbjudande_nej":
        return _declined_offer()
    return _early_end(a)


def step_markdown(step: Step) -> str:
    """The step as Markdown for the widget."""
    lines = [f"### {step.rubrik}", "", f"**Steg:** {step.steg}", "", "**Gör så här**", ""]
    lines += [f"- {t}" for t in step.gor]
    lines += ["", "**Dokumentera**", ""] + [f"- {t}" for t in step.dokumentera]
    lines += ["", "**Det här måste avtalet säga**", ""] + [f"- {t}" for t in step.avtalet_ska]
    lines += ["", NOTE]
    return "\n".join(lines)
