"""Module 04 after the annex review (findings 17-18): who follows up work 6 and 12 months after the place.

The rewritten requirement annex (part A2, part B5) and the supplier reporting template say that the supplier
reports counts during the contract (places filled, full-time months, ...) and does not follow up former
employees; the follow-up 6 and 12 months after the place is the municipality's (art. 5.1 b-c GDPR). This script
makes module 04 and its exercise say the same, turns exercise question 9 into a judgement question with a letter
answer (same points) and rewrites question 11's rubric and example answer.

Run from the repository root:  .venv/bin/python scripts/authoring/edit_module04.py

The notebooks stay the source of truth. Edits are string replacements that are skipped once done (the script is
idempotent) and fail loudly when neither the old nor the new text is found. Cell ids are kept. Afterwards run
``python -m upphandlingskurs.content.glossary link course/04_uppfoljning.ipynb`` and ``make exercises``, and
commit ``exercises/04_uppfoljning/``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from upphandlingskurs.content.authoring import selfcheck_test

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "course" / "04_uppfoljning.ipynb"
SOLUTION = REPO / "solutions" / "04_uppfoljning" / "04_uppfoljning.ipynb"


def _cell(nb, cell_id: str):
    for cell in nb.cells:
        if cell.get("id") == cell_id:
            return cell
    raise SystemExit(f"cell {cell_id!r} not found")


def replace(nb, cell_id: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in one cell; skip when done; fail when neither is there."""
    cell = _cell(nb, cell_id)
    if new in cell.source and old not in cell.source:
        return
    if cell.source.count(old) != 1:
        raise SystemExit(f"{cell_id}: expected the old text once, found {cell.source.count(old)}: {old[:80]!r}")
    cell.source = cell.source.replace(old, new)


def set_source(nb, cell_id: str, source: str) -> None:
    _cell(nb, cell_id).source = source.strip("\n")


# --- the lecture notebook ---------------------------------------------------------------------------------------

SECTION_2 = """
## 2. Vad ska vi mäta – och när?

Tänk i en kedja från mål till effekt. Ju längre ner i tabellen, desto svårare att mäta – och desto viktigare. Kolumnen *Vem* följer kursens kravbilaga (Kravbyggaren i modul 02) och rapportmallen.

| Steg | Fråga | Mått (exempel) | Vem | När |
|---|---|---|---|---|
| **Mål** | Vad kräver avtalet? | antal platser och heltidsmånader, målgrupp, typ av plats (anställning eller praktik) | upphandlaren, i [upphandlingsdokumenten](ordlista.ipynb#upphandlingsdokument) | före annonseringen |
| **Aktivitet** | Tillsätts platserna? | antal tillsatta platser och fullgjorda heltidsmånader från avtalsstart | leverantören rapporterar, bara antal | varje kvartal och när avtalet upphör |
| **Resultat** | Leder platsen vidare? | antal i arbete 6 och 12 månader efter att platsen tog slut | kommunen, till exempel arbetsmarknadsenheten, med personens medverkan – inte leverantören | 6 och 12 månader efter platsen |
| **Effekt** | Hade det hänt ändå? | jämförelse med en liknande grupp utan krav | kommunen, med stöd av forskare eller statistik | efter avtalet |

**Leverantörens rapport.** Ange redan i **upphandlingsdokumenten** (och därmed i avtalet) **vad** leverantören ska rapportera, **när**, **i vilken mall** och vad som händer om rapporten uteblir. Ett sysselsättningskrav är ett särskilt kontraktsvillkor, och sådana villkor ska anges i upphandlingsdokumenten (17 kap. 1 § LOU); kraven på rapportering ska också stå i proportion till vad avtalet gäller (4 kap. 1 § LOU). I kursens kravbilaga (del A2) rapporterar leverantören varje kvartal och när avtalet upphör, i kommunens rapportmall och bara som antal: tillsatta platser, fullgjorda heltidsmånader från avtalsstart, behov som leverantören har anmält, behov utan förslag på kandidat och erbjudanden som inte antogs. Rapporten gäller alltså platserna under avtalet. Vill kommunen också veta hur många som fortfarande är anställda hos leverantören, måste det stå i villkoren; kursens bilaga begär det inte. Bestäm också vem i kommunen som tar emot och granskar rapporterna – ofta [avtalsförvaltaren](ordlista.ipynb#avtalsförvaltare), tillsammans med den matchningsansvariga.

**Uppföljningen efter platsen gör kommunen, inte leverantören.** Kursens kravbilaga (del B, avsnitt B5) säger att uppföljningen av om personen har arbete 6 och 12 månader efter platsen görs av kommunens arbetsmarknadsenhet med den enskildes medverkan, inte av leverantören. Den står därför inte i villkoren, och rapportmallen har inga kolumner för den; mallens instruktion säger till leverantören att inte följa upp personer efter att platsen har tagit slut. Skälet: leverantören skulle då behandla uppgifter om tidigare anställda utan att avtalet har något ändamål för det. Personuppgifter får bara samlas in för särskilda, uttryckligt angivna ändamål och får inte vara fler än vad som behövs för ändamålet (artikel 5.1 b och c i dataskyddsförordningen).

**Också kommunens uppföljning är behandling av personuppgifter.** Uppgifter om vem som har arbete 6 och 12 månader senare gäller enskilda personer, så dataskyddsförordningen gäller: det krävs en rättslig grund (artikel 6), och personerna ska få information om behandlingen (artiklarna 13–14). Kursen kan inte avgöra vilken rättslig grund just din kommun har. En möjlig grund är att behandlingen behövs för en uppgift av allmänt intresse (artikel 6.1 e), men då måste uppgiften ha stöd i svensk rätt (artikel 6.3 och lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning, dataskyddslagen). Den rättsliga grunden måste alltså vara utredd, tillsammans med dataskyddsombudet, innan uppföljningen börjar. Uppgifter om funktionsnedsättning är hälsouppgifter; de får bara behandlas om ett av undantagen i artikel 9.2 gäller.

- **Ett avtalsvillkor ger inte leverantören någon rättslig grund** att samla uppgifter om personer efter platsen. Skulle kommunen ändå låta leverantören samla in uppgifter för kommunens räkning, blir leverantören *personuppgiftsbiträde* (den som behandlar personuppgifter för någon annans räkning), och då behövs ett biträdesavtal (artikel 28). Kursens kravbilaga gör inte så.
- **Samtycke enligt dataskyddsförordningen passar sällan en myndighet.** Samtycket måste vara frivilligt (artiklarna 4.11 och 7), och när det finns en tydlig obalans mellan myndigheten och den enskilda är det sällan det (skäl 43 i dataskyddsförordningen). Något annat är att en person kan samtycka till att *sekretessen* hävs, så att uppgifter om hen får lämnas till till exempel arbetsgivaren (12 kap. offentlighets- och sekretesslagen (2009:400), OSL).
- **Vilken sekretess som gäller beror på verksamheten:** inom socialtjänsten 26 kap. 1 § OSL (också hos arbetsmarknadsenheten, när den arbetar inom socialtjänsten), för uppgifter från Arbetsförmedlingens verksamhet 28 kap. 11 § OSL. Leverantören omfattas inte av OSL, så pröva sekretessen innan ni lämnar uppgifter om en person till leverantören.

Så gör du det lagligt i praktiken:

- Be leverantören om **sammanställda uppgifter** (antal, inga namn), som i kursens rapportmall och uppföljningsfil. Tänk på att små tal – till exempel 1 eller 2 personer i ett avtal – fortfarande kan peka ut en person, särskilt för den som vet vem som fick platsen. Då är uppgiften en personuppgift (uppgifter är anonyma bara om ingen rimligen kan identifiera personen, skäl 26 i dataskyddsförordningen) och kan omfattas av sekretess ([prop.](ordlista.ipynb#proposition) 2008/09:150 s. 350). Redovisa små tal sammanslagna – för flera avtal eller ett helt år – när ni sprider dem utanför den egna verksamheten.
- Bestäm innan upphandlingen **vem i kommunen** som följer upp personerna efter platsen, när, med vilken rättslig grund och hur personerna får information (artiklarna 6, 13 och 14) – och skriv inte in den uppföljningen i leverantörens villkor.
- Fråga kommunens **dataskyddsombud** innan ni samlar in något om enskilda, och pröva sekretessen innan ni lämnar uppgifter vidare.
"""

DATA_NOTE = """
**Obs! Uppföljningsdata i den här modulen är syntetiska (påhittade).** Filen `data/uppfoljning_sysselsattningskrav.csv` beskriver inga verkliga avtal, kommuner eller leverantörer. Den är skapad av ett skript för att likna verkliga uppföljningsrapporter – med stavfel, luckor och dubbletter. Dra inga slutsatser om en verklig kommun av siffrorna.

**Vad filen blandar.** Filen har en rad per avtal och två sorters uppgifter. Filen och dess beskrivning i `data/datapackage.json` säger inte vem som samlade in varje uppgift. I kursen läser vi filen som kommunens sammanställning av två källor:

- **Leverantörens rapport under avtalet:** målet (`krav_antal_platser`) och antalet tillsatta platser i slutet av varje kvartal (`tillsatta_kv1`–`tillsatta_kv4`). Kursens rapportmall är mer utförlig: där rapporterar leverantören tillsatta platser och fullgjorda heltidsmånader från avtalsstart (avsnitt 2).
- **Kommunens egen uppföljning efter platsen:** hur många som hade arbete 6 och 12 månader efter att platsen tog slut (`i_arbete_6_man`, `i_arbete_12_man`). Enligt kursens kravbilaga kommer de uppgifterna inte från leverantören (avsnitt 2).
"""

KEY_PERSONAL = ("- Att följa personer efter platsen är behandling av personuppgifter. Be om sammanställda uppgifter utan "
                "namn – och kom ihåg att små tal (1–2 personer) ändå kan peka ut någon. Ett avtalsvillkor ger inte "
                "leverantören rätt att samla uppgifter om personer; behövs det, krävs ett biträdesavtal (artikel 28). "
                "Fråga dataskyddsombudet.")
KEY_PERSONAL_NEW = ("- Leverantören rapporterar bara antal under avtalet och följer inte upp personer efter platsen "
                    "(kursens kravbilaga, del B; artikel 5.1 b–c i dataskyddsförordningen). Uppföljningen efter platsen "
                    "gör kommunen, till exempel arbetsmarknadsenheten, med personens medverkan. Också den är behandling "
                    "av personuppgifter: den rättsliga grunden ska vara utredd innan, och personerna ska få information "
                    "(artiklarna 6, 13 och 14). Kom ihåg att små tal (1–2 personer) kan peka ut någon. Fråga "
                    "dataskyddsombudet.")
KEY_CHAIN = ("- Mät hela kedjan: mål, tillsatta platser per kvartal, arbete efter 6 och 12 månader – och skriv in "
             "rapporteringen i upphandlingsdokumenten (17 kap. 1 § LOU).")
KEY_CHAIN_NEW = ("- Mät hela kedjan: mål, tillsatta platser och fullgjorda heltidsmånader varje kvartal (leverantörens "
                 "rapport, som ska stå i upphandlingsdokumenten, 17 kap. 1 § LOU), arbete efter 6 och 12 månader "
                 "(kommunens egen uppföljning) och effekt (jämförelsegrupp).")


def edit_course(nb) -> None:
    kurs = nb.metadata["kurs"]
    kurs["senast_granskad"] = "2026-12"
    replace(nb, "cell-000", "*Senast granskad: 2026-11*", "*Senast granskad: 2026-12*")
    replace(nb, "cell-001", "nio frågor där du läser av tabeller, cirka 30 minuter",
            "nio frågor där du läser av och tolkar tabeller, cirka 30 minuter")
    set_source(nb, "cell-003", SECTION_2)
    set_source(nb, "cell-006", DATA_NOTE)
    replace(nb, "cell-013",
            "Uppgiften om hur många som har arbete **12 månader** efter platsen saknas för många avtal – precis som "
            "i verkligheten.",
            "Uppgiften om hur många som har arbete **12 månader** efter platsen saknas för många avtal. Den uppgiften "
            "kommer från kommunens uppföljning efter platsen (avsnitt 3), och den uppföljningen blir lätt inte av "
            "när ingen har fått ansvaret för den (avsnitt 1).")
    replace(nb, "cell-024",
            "Hur ofta saknas uppgiften om arbete 6 och 12 månader efter platsen?",
            "Hur ofta saknas uppgiften om arbete 6 och 12 månader efter platsen? (Den uppgiften kommer från "
            "kommunens egen uppföljning, inte från leverantörens rapport; se avsnitt 2 och 3.)")
    replace(nb, "cell-026",
            "Det är en viktig slutsats i sig: **planera uppföljningen så att den blir av.**",
            "Det är en viktig slutsats i sig: **planera kommunens uppföljning efter platsen så att den blir av** – "
            "vem gör den, när, med vilken rättslig grund och hur personerna får information (avsnitt 2).")
    replace(nb, "cell-032", KEY_PERSONAL, KEY_PERSONAL_NEW)
    replace(nb, "cell-032", KEY_CHAIN, KEY_CHAIN_NEW)
    replace(nb, "kallor",
            "- Dataskyddsförordningen (EU) 2016/679, artiklarna 4.11, 6, 7, 9, 13–14 och 28 samt skälen 26 och 43:",
            "- Dataskyddsförordningen (EU) 2016/679, artiklarna 4.11, 5.1 b–c, 6, 7, 9, 13–14 och 28 samt skälen 26 "
            "och 43:")
    replace(nb, "kallor",
            "- Folkmängd: Regionfakta,",
            "- Kursens kravbilaga för sysselsättningskrav (del A2 och del B, avsnitt B5) och leverantörernas "
            "rapportmall: Kravbyggaren i modul 02, eller `kurs rapportmall` för mallen.\n"
            "- Folkmängd: Regionfakta,")


# --- the exercise (solution notebook) ---------------------------------------------------------------------------

QUESTION_9 = """
## Fråga 9 (3 poäng)

Kör cellen nedanför. Den tar de avtal där **både** uppgiften efter 6 månader och efter 12 månader finns, och räknar antalet i arbete efter 12 månader som andel av antalet i arbete efter 6 månader. Uppgifterna kommer från kommunens egen uppföljning efter platsen, inte från leverantörens rapport (modul 04, avsnitt 2–3), och de är antal per avtal, så vi vet inte om det är samma personer.

Vad visar andelen som cellen skriver ut – och vad visar den inte? Vilket påstående stämmer?

- **A** Att 85,3 procent av alla som fick en plats genom kraven hade arbete 12 månader efter att platsen tog slut.
- **B** Att antalet i arbete efter 12 månader var 85,3 procent av antalet efter 6 månader, i avtalen med båda uppgifterna.
- **C** Att kraven har gett 85,3 procent av personerna ett varaktigt arbete som de annars inte hade fått.
- **D** Att leverantörerna har fullgjort 85,3 procent av de heltidsmånader som avtalen kräver.
"""

TABLE_9 = """
from upphandlingskurs import format as fmt

rensad = clean_followup(load_followup())
kvar = retention(rensad)
print("Avtal med båda uppgifterna:", kvar["avtal"], "av", len(rensad))
print("I arbete efter 6 månader:", int(kvar["i_arbete_6_man"]), "– efter 12 månader:", int(kvar["i_arbete_12_man"]))
print("Antalet efter 12 månader som andel av antalet efter 6 månader:", fmt.percent(kvar["andel_kvar_procent"], fraction=False))
"""

ANSWER_9 = """
svar_9 = None  # Skriv bokstaven inom citattecken i stället för None, till exempel "A"
### BEGIN SOLUTION
svar_9 = "B"
### END SOLUTION
"""

EXPLANATION_9 = ("B: 284 av 333 (85,3 procent), men bara i de 152 av 290 avtal som har båda uppgifterna. A stämmer inte: "
                 "avtalen utan uppgift ingår inte, och talet jämför med antalet efter 6 månader, inte med alla som fick "
                 "en plats. C är en slutsats om effekt som kräver en jämförelsegrupp (dödvikt). D blandar ihop "
                 "kommunens uppföljning efter platsen med leverantörens åtagande under avtalet.")

QUESTION_11 = """
## Fråga 11 (3 poäng, bedöms av kursledaren)

För ungefär 44 procent av avtalen saknas uppgiften om arbete efter 12 månader (fråga 4). **(a)** Vad betyder det för de slutsatser du kan dra av fråga 9? **(b)** Vad skulle du göra i kommunen, och vad skulle du be leverantören om i nästa avtal, för att få bättre uppgifter? Ge två konkreta saker. Tänk på vem som enligt kursens kravbilaga följer upp personerna efter platsen (modul 04, avsnitt 2), och på att uppgifter om enskilda personer är personuppgifter.

Dubbelklicka på cellen nedanför, ersätt texten i cellen med ditt svar, tryck **Shift + Enter** och spara (**Ctrl + S**) innan du klickar på **Visa exempelsvar**. Skriv bara i den cellen – nya celler räknas inte.

**Så bedöms svaret** (3 poäng)

- 3 p: (a) förklarar att bortfallet kan snedvrida resultatet (de som saknas kan skilja sig från dem som har uppgiften) *och* (b) två konkreta, genomförbara åtgärder som stämmer med kravbilagan. Exempel: en utsedd ansvarig i kommunen (arbetsmarknadsenheten eller den matchningsansvariga) som följer upp efter 6 och 12 månader med personens medverkan; rättslig grund och information till personerna utredda med dataskyddsombudet innan (artiklarna 6, 13 och 14 i dataskyddsförordningen); leverantörens rapport under avtalet med innehåll, tidpunkt och mall i upphandlingsdokumenten (tillsatta platser och heltidsmånader, bara antal); sammanställda antal med små tal sammanslagna.
- 2 p: (a) rätt och en konkret åtgärd, eller (a) ofullständigt och två konkreta åtgärder.
- 1 p: bara allmänna åtgärder (”följ upp bättre”) eller bara (a).
- 0 p: inget svar, eller svar som inte handlar om frågan.

Att be leverantören följa upp personer efter att platsen har tagit slut räknas inte som en av de två åtgärderna: enligt kravbilagan gör kommunen den uppföljningen (artikel 5.1 b–c i dataskyddsförordningen).
"""

ANSWER_11 = """
### BEGIN SOLUTION
*Exempelsvar:* (a) Vi vet inte om avtalen som saknar uppgift gick bättre eller sämre än de andra, så andelen i fråga 9 kan vara missvisande – kanske följs personerna oftare upp där det har gått bra. Slutsatsen gäller bara de avtal som har uppgiften. (b) Uppgiften om arbete efter 6 och 12 månader kommer inte från leverantören: enligt kursens kravbilaga följer kommunen själv upp personerna efter platsen, med deras medverkan. Jag skulle därför (1) utse en ansvarig i kommunen, till exempel arbetsmarknadsenheten eller den matchningsansvariga, som redan när platsen börjar planerar uppföljningen efter 6 och 12 månader och berättar för personen vad som ska hända. Den rättsliga grunden och informationen till personerna (artiklarna 6, 13 och 14 i dataskyddsförordningen) utreder vi med dataskyddsombudet innan, till exempel om en uppgift av allmänt intresse (artikel 6.1 e) kan användas. (2) I nästa avtal skriva in i upphandlingsdokumenten vad leverantören ska rapportera under avtalet, när, i vilken mall och vad som händer om rapporten uteblir (17 kap. 1 § LOU): tillsatta platser och fullgjorda heltidsmånader varje kvartal, bara antal. Vi sammanställer antal utan namn och slår ihop små tal (1–2 personer) för flera avtal eller ett helt år, eftersom de annars kan peka ut någon.
### END SOLUTION
"""


def edit_solution(nb) -> None:
    set_source(nb, "fraga_9", QUESTION_9)
    set_source(nb, "tabell_kvar", TABLE_9)
    set_source(nb, "svar_9", ANSWER_9)
    test = selfcheck_test("test_svar_9", 3, "04-9", "svar_9", "B", kind="bokstav", explanation=EXPLANATION_9)
    cell = _cell(nb, "test_svar_9")
    cell.source = test.source
    cell.metadata["nbgrader"] = test.metadata["nbgrader"]
    set_source(nb, "fraga_11", QUESTION_11)
    set_source(nb, "svar_11", ANSWER_11)
    replace(nb, "svar_10",
            "och följa upp hur det går efter 6 och 12 månader.",
            "och veta hur det går för personerna efter 6 och 12 månader (kommunens egen uppföljning).")


def main() -> int:
    for path, edit in ((COURSE, edit_course), (SOLUTION, edit_solution)):
        nb = nbformat.read(path, as_version=4)
        edit(nb)
        nbformat.validate(nb)
        nbformat.write(nb, path)
        print("skrev", path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
