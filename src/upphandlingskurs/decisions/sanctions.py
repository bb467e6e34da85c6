"""Module 06: the sanctions ladder for an employment requirement (rättelse, vite, hävning).

``next_step`` takes what went wrong and what has happened so far, and returns the step the contract manager takes
next: what to do, what to document and what the contract must say for the step to be possible. The rules follow
Upphandlingsmyndigheten's application support (sanctions stated in the procurement documents, proportionate, the
supplier first gets a chance to put the breach right; exclusion from call-offs under a framework agreement only if
the documents say so) and the course's requirement annex (``documents.requirement_annex``, part A, A5), whose vite
clause exempts a supplier that reported its need in time and got no candidate.

A vite is a contract term, not a sanction in law: without a vite clause in the contract there is no vite to claim,
and adding one after the award is a change of the contract (17 kap. 9–14 §§ LOU). The course states no amounts.

    step = next_step("delmal_missat", anmanad=True, avtalet_har_vite=True)
    step.steg      # "vite"
    step_markdown(step)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from upphandlingskurs.decisions.employment import SOURCE_UHM_BRISTER
from upphandlingskurs.parsing import InputError

# -- the breaches a contract manager meets (key -> label shown in the widget) ---------------------------------------
BREACHES = {
    "rapport_sen": "Leverantörens kvartalsrapport har inte kommit in i tid",
    "rapport_namn": "Rapporten innehåller namn eller personnummer",
    "delmal_missat": "Leverantören har inte nått delmålet för året (för få heltidsmånader)",
    "ingen_kandidat": "Leverantören anmälde behovet i tid, men den matchningsansvariga hade ingen kandidat",
    "fortida_avslut": "En anställd slutade själv efter minst tre fjärdedelar av den avtalade tiden",
    "dialog_uteblev": "Leverantören kom inte till ett dialogmöte (dialogvillkoret)",
}
STEPS = ("ingen sanktion", "rättelse", "vite", "hävning", "fråga juristen")

SRC_BRISTER = SOURCE_UHM_BRISTER.split(":")[0]
#: The same criterion as the annex's SOURCE_UHM_KRITERIUM (documents sit above decisions, so it is named here).
SRC_KRITERIUM = "Upphandlingsmyndigheten, Kriterium Sysselsättningskrav (krav-ID 11554)"
CHANGE_RULE = ("Ett villkor som läggs till efter tilldelningen är en ändring av kontraktet, och ett upphandlat "
               "kontrakt får som huvudregel inte ändras utan en ny upphandling (17 kap. 9–14 §§ LOU).")
VITE_IS_CONTRACT = ("Vite är ett avtalsvillkor, ingen lagstadgad sanktion: det kan bara tas ut om det står i "
                    "kontraktet, och det ska ha stått i upphandlingsdokumenten från början "
                    f"({SRC_BRISTER}).")
PROPORTIONATE = ("Sanktionen ska stå i proportion till hur allvarlig bristen är, och leverantören ska i första hand "
                 f"få rätta den ({SRC_BRISTER}).")


@dataclass(frozen=True)
class Step:
    """The next step on the ladder, with what to do, what to document and what the contract must say."""
    steg: str
    rubrik: str
    gor: list[str] = field(default_factory=list)
    dokumentera: list[str] = field(default_factory=list)
    avtalet_ska: list[str] = field(default_factory=list)
    kallor: list[str] = field(default_factory=list)


def _notice(breach: str) -> Step:
    what = {
        "rapport_sen": "lämna rapporten",
        "rapport_namn": "lämna en ny rapport med bara antal, utan namn och personnummer",
        "delmal_missat": "visa hur och när de saknade heltidsmånaderna ska fullgöras",
        "dialog_uteblev": "föreslå en ny tid för dialogmötet",
    }[breach]
    gor = [f"Skicka en skriftlig anmaning till leverantören: beskriv bristen och be leverantören {what} inom den "
           "tid som avtalet anger (i kursens kravbilaga [30] dagar).",
           "Ring eller boka ett möte om bristen är oklar. Ofta finns en förklaring som går att lösa."]
    if breach == "rapport_namn":
        gor.append("Sprid inte den rapport som kom in. Den är en allmän handling; pröva sekretess om någon begär "
                   "att få ta del av den (2 kap. tryckfrihetsförordningen; offentlighets- och sekretesslagen "
                   "(2009:400)). Fråga dataskyddsombudet hur handlingen ska hanteras.")
    if breach == "delmal_missat":
        gor.append("Fråga den matchningsansvariga om det finns kandidater, och påminn leverantören om att den också "
                   "får rekrytera på egen hand eller via Arbetsförmedlingen eller en annan aktör.")
    return Step(
        steg="rättelse",
        rubrik="Första steget: rättelse",
        gor=gor,
        dokumentera=["Datum då bristen upptäcktes och vad den består i.",
                     "Anmaningen (kopia) och sista dag för rättelse.",
                     "Leverantörens svar och vad ni kom överens om."],
        avtalet_ska=["Beskriva vad leverantören ska göra (åtagande och rapportering) och att beställaren får anmäla "
                     "en brist skriftligt och ge en tid för rättelse (kravbilagan, del A, A5)."],
        kallor=[PROPORTIONATE],
    )


def next_step(brist: str, *, anmanad: bool = False, upprepad: bool = False, avtalet_har_vite: bool = False,
              avtalet_har_havning: bool = False, ramavtal: bool = False) -> Step:
    """The next step for breach ``brist`` (a key of BREACHES).

    ``anmanad``: the supplier has had a written notice and the time to put it right has passed without correction.
    ``upprepad``: the breach continues or comes back although vite has been claimed (or could have been).
    ``avtalet_har_vite`` / ``avtalet_har_havning``: the contract has a vite clause / a termination clause for the
    employment condition. ``ramavtal``: the contract is a framework agreement.
    """
    if brist not in BREACHES:
        raise InputError("Välj vad som har hänt i listan \u201dVad har hänt?\u201d.")
    if upprepad and not anmanad:
        raise InputError("En upprepad brist förutsätter att leverantören redan har fått en skriftlig anmaning. "
                         "Svara Ja på frågan om anmaning, eller Nej på frågan om upprepad brist.")

    if brist == "ingen_kandidat":
        return Step(
            steg="ingen sanktion",
            rubrik="Ingen sanktion: leverantören har gjort det avtalet kräver",
            gor=["Ta inte ut vite. I kursens vitesklausul utgår inget vite när leverantören i tid har anmält behovet "
                 "och inte har fått förslag på någon lämplig kandidat (kravbilagan, del A, A5).",
                 "Boka ett möte med leverantören och den matchningsansvariga: när kan platsen tillsättas, och kan "
                 "leverantören själv rekrytera ur målgruppen, via Arbetsförmedlingen eller en annan aktör?",
                 "Låt den matchningsansvariga se över varför det saknades kandidater (för snäv målgrupp, fel tid på "
                 "året, krav på körkort eller språk) och ta med lärdomen till nästa upphandling."],
            dokumentera=["Datum för leverantörens anmälan och den matchningsansvarigas svar.",
                         "Vad ni kom överens om och ny tidpunkt."],
            avtalet_ska=["Säga vad som gäller när inga kandidater kan erbjudas: till exempel att vite inte utgår om "
                         "leverantören i tid har anmält behovet och inte fått förslag på någon lämplig kandidat.",
                         "Saknas en sådan regel: ta upp det med er upphandlingsjurist innan ni kräver vite. Ett vite "
                         "som inte är skäligt kan jämkas av domstol (36 § lagen (1915:218) om avtal och andra "
                         "rättshandlingar på förmögenhetsrättens område)."],
            kallor=["Kursens kravbilaga, del A (A4 Matchning, A5 Brister, vite och hävning)."],
        )
    if brist == "fortida_avslut":
        return Step(
            steg="ingen sanktion",
            rubrik="Ingen sanktion: åtagandet räknas som uppfyllt",
            gor=["Slutar en anställd själv i förtid, och minst tre fjärdedelar av den avtalade tiden är fullgjord, "
                 f"räknas åtagandet som uppfyllt i Upphandlingsmyndighetens villkor ({SRC_KRITERIUM}).",
                 "Är mindre än tre fjärdedelar fullgjord: be leverantören tillsätta platsen igen, och följ "
                 "rättelsetrappan om det inte sker."],
            dokumentera=["Fullgjord tid i heltidsmånader (i leverantörens rapport: bara antal, inga namn)."],
            avtalet_ska=["Ha regeln om förtida avslut (kravbilagan, del A, A1)."],
            kallor=[SRC_KRITERIUM],
        )

    if not anmanad:
        return _notice(brist)

    if upprepad:
        if avtalet_har_havning:
            gor = ["Gå igenom med er upphandlingsjurist om bristen är så allvarlig att hävning står i proportion till "
                   "den. Hävning är det sista steget.",
                   "Häv skriftligt enligt avtalets hävningsklausul, helt eller för den del som bristen gäller.",
                   "Planera vad som händer sedan: det som återstår av avtalet behöver oftast upphandlas på nytt."]
            if ramavtal:
                gor.insert(1, "Vid ett ramavtal kan en mildare väg vara att stänga av leverantören från avrop, om "
                              f"det står i upphandlingsdokumenten ({SRC_BRISTER}).")
            return Step(
                steg="hävning",
                rubrik="Sista steget: hävning",
                gor=gor,
                dokumentera=["Hela kedjan: bristerna, anmaningarna, utgångna viten och leverantörens svar.",
                             "Varför hävning är proportionerlig, och juristens bedömning."],
                avtalet_ska=["Ha en hävningsklausul för villkoret: beställaren får häva om leverantören trots "
                             "anmaning och vite inte rättar bristen, eller upprepat bryter mot åtagandet "
                             "(kravbilagan, del A, A5)."],
                kallor=[PROPORTIONATE],
            )
        return Step(
            steg="fråga juristen",
            rubrik="Avtalet saknar hävningsklausul: fråga er upphandlingsjurist",
            gor=["Häv inte på egen hand. Avtalet säger inte när villkoret ger rätt att häva, och kursen kan inte "
                 "bedöma om en hävning är möjlig ändå.",
                 "Fortsätt med anmaningar och, om avtalet har det, vite.",
                 "Skriv in en hävningsklausul för villkoret i nästa upphandling. " + CHANGE_RULE],
            dokumentera=["Hela kedjan: bristerna, anmaningarna och leverantörens svar."],
            avtalet_ska=["I nästa upphandling: en hävningsklausul för villkoret (kravbilagan, del A, A5)."],
            kallor=[CHANGE_RULE],
        )

    if avtalet_har_vite:
        how = {"delmal_missat": "per heltidsmånad som saknas, med ett tak per avtalsår",
               "dialog_uteblev": "per tillfälle, med ett tak per avtalsår",
               }.get(brist, "per påbörjad vecka tills bristen är rättad")  # the annex's reporting vite
        return Step(
            steg="vite",
            rubrik="Andra steget: vite enligt avtalet",
            gor=[f"Räkna ut vitet exakt som vitesklausulen säger (i kursens kravbilaga {how}) och meddela "
                 "leverantören skriftligt.",
                 "Kontrollera först att undantaget inte gäller: har leverantören i tid anmält behovet utan att få "
                 "någon kandidat, eller beror bristen på något utanför leverantörens kontroll?",
                 "Dra av vitet på fakturan eller fakturera det, så som avtalet anger. Avstår ni från vitet: skriv "
                 "ned varför."],
            dokumentera=["Beräkningen av vitet och vilken punkt i avtalet den bygger på.",
                         "Att leverantören har fått anmaning och tid att rätta, och att tiden har gått ut."],
            avtalet_ska=["Ha en vitesklausul med belopp, hur vitet räknas, ett tak och ett undantag när inga "
                         "kandidater finns. " + VITE_IS_CONTRACT],
            kallor=[VITE_IS_CONTRACT, PROPORTIONATE],
        )
    return Step(
        steg="rättelse",
        rubrik="Avtalet saknar vitesklausul: fortsätt med rättelse och dialog",
        gor=["Ta inte ut vite. " + VITE_IS_CONTRACT,
             "Lägg inte till ett vite nu. " + CHANGE_RULE,
             "Fortsätt med en ny skriftlig anmaning och ett uppföljningsmöte. Kontrollera med er upphandlingsjurist "
             "om avtalets allmänna villkor ger någon annan påföljd.",
             "Skriv in en vitesklausul i nästa upphandling (kursens kravbilaga har ett exempel)."],
        dokumentera=["Bristen, anmaningarna och leverantörens svar: underlaget för nästa upphandling."],
        avtalet_ska=["I nästa upphandling: en vitesklausul med belopp, tak och undantag (kravbilagan, del A, A5)."],
        kallor=[VITE_IS_CONTRACT, CHANGE_RULE],
    )


def step_markdown(step: Step) -> str:
    """The step as Markdown for the widget."""
    lines = [f"### {step.rubrik}", "", f"**Steg:** {step.steg}", "", "**Gör så här**", ""]
    lines += [f"- {t}" for t in step.gor]
    lines += ["", "**Dokumentera**", ""] + [f"- {t}" for t in step.dokumentera]
    lines += ["", "**Det här måste avtalet säga**", ""] + [f"- {t}" for t in step.avtalet_ska]
    lines += ["", "*Trappan är kursens förenkling av Upphandlingsmyndighetens råd. Gå igenom ett verkligt fall med er "
              "upphandlingsjurist.*"]
    return "\n".join(lines)

