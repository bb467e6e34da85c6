"""Build module 06 "Från krav till jobb": the lecture notebook and its nbgrader source.

    .venv/bin/python scripts/authoring/build_module06.py

Writes course/06_fran_krav_till_jobb.ipynb and solutions/06_fran_krav_till_jobb/06_fran_krav_till_jobb.ipynb
(without outputs). Run `make exercises` afterwards. Glossary links are added to the first use of each term in the
lecture notebook (not in headings), as `python -m upphandlingskurs.content.glossary link` would.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from upphandlingskurs.content.authoring import (answer, code, example_answer_cell, manual_answer, md,  # noqa: E402
                                                notebook, selfcheck_test, write)
from upphandlingskurs.content.glossary import link_markdown, terms  # noqa: E402

MODULE = "06"
NAME = "06_fran_krav_till_jobb"
TITLE = "Från krav till jobb"
REVIEWED = "2026-12"

# -- sources (one place; the Källor list and the text use the same addresses) ---------------------------------------
UHM_SYSS = "https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/upphandling-med-mal-att-oka-sysselsattningen/"
UHM_MATCH = UHM_SYSS + "matchningsansvarig--stod-vid-sysselsattningskrav/"
UHM_ORG = UHM_SYSS + "upphandlande-organisation---stod-vid-sysselsattningskrav/"
UHM_BRISTER = UHM_ORG + "tillampning-av-kontraktsvillkor--hantering-av-brister/"
UHM_UPPF = UHM_ORG + "tillampning-kontraktsvillkor--uppfoljning/"
UHM_REKR = ("https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/upphandling-med-mal-att-"
            "oka-sysselsattningen/tillampning-kontraktsvillkor-rekrytering-av-person-fran-avsedda-malgruppen/")
UHM_FRAMG = UHM_SYSS + "kunskapsbank-sysselsattningskrav/framgangsfaktorer-for-sysselsattningskrav/"
UHM_KRIT = ("https://www.upphandlingsmyndigheten.se/kriterier/jamfor-kriterier/?column1=28828,28829,28843&column2="
            "28828,28829,28843&column3=28828,28829,28843")
UHM_RAMAVTAL = "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/olika-sorters-avtal-och-kontrakt/ramavtal/"
UHM_ANDRING = "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/olika-sorters-avtal-och-kontrakt/andringar-av-avtal"
AF_PRAKTIK = "https://arbetsformedlingen.se/for-arbetsgivare/anstallningsstod/praktik-och-arbetstraning/arbetspraktik"
AF_NYSTART = "https://arbetsformedlingen.se/for-arbetsgivare/anstallningsstod/anstall-med-ekonomiskt-stod/nystartsjobb"
AV_PRAKTIK = ("https://www.av.se/arbetsmiljoarbete-och-inspektioner/arbetsgivarens-ansvar-for-arbetsmiljon/"
              "arbetsmiljoregler-for-vuxna-praktikanter-i-arbetsmarknadspolitiska-program/")
CVE_OSL = ("https://cve.se/kunskap/juridiska-aspekter/sekretess-och-informationsutbyte/"
           "offentlighets--och-sekretesslagen.html")
GDPR = "https://eur-lex.europa.eu/legal-content/SV/TXT/?uri=CELEX:32016R0679"
LOU = ("https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
       "lag-20161145-om-offentlig-upphandling_sfs-2016-1145/")
ADDA = "https://adda.se/upphandling-och-ramavtal/sa-anvander-du-vara-avtal"
U24_ADDA = "https://upphandling24.se/redo-att-upphandla-it"
AVROPA_FAQ = "https://www.avropa.se/topplankar/Fragor-och-svar/"
GBG_MALGRUPP = "http://socialhansyn.se/om-pilotprojektet/for-upphandlare/vad-hander-sedan/"
VART_GBG = "https://vartgoteborg.se/ovrigt/social-hansyn-i-upphandling-gav-90-personer-jobb-forra-aret/"
GR_BYGG = ("https://docplayer.se/amp/68244213-Sysselsattningskrav-vid-kommunal-upphandling-av-bygg-och-"
           "anlaggningsprojekt-samt-vid-markanvisning.html")

# Added after the legal and labour-market reviews of module 06 (each verified in the source named).
KKV_NYCKELTAL = ("https://www.konkurrensverket.se/upphandling/om-offentlig-upphandling/siffror-och-fakta/"
                 "nyckeltal-for-offentliga-upphandlingar/")
SKV_VERKSAMHETSGREN = "https://www4.skatteverket.se/rattsligvagledning/edition/2018.13/329077.html"
LAS_1 = "https://open.karnovgroup.se/arbetsratt/SFS2016-1271"
SFS_2018_42 = "https://rkrattsbaser.gov.se/sfst?bet=2018:42"
SFS_2017_462 = "https://rkrattsbaser.gov.se/sfst?bet=2017:462"
IMY_PNR = ("https://www.imy.se/verksamhet/dataskydd/det-har-galler-enligt-gdpr/introduktion-till-gdpr/personuppgifter/"
           "personnummer/")
AGV_PRAKTIK = ("https://www.arbetsgivarverket.se/praktik-i-staten/vi-vill-ta-emot-praktikanter/faq---praktik-i-staten/"
               "praktikanten/vad-kan-vi-stalla-for-krav/")
JO_1029 = ("https://www.jo.se/besluten/arbetsformedlingen-far-allvarlig-kritik-for-att-ha-lamnat-ut-uppgifter-om-en-"
           "enskilds-personliga-forhallanden-utan-att-forst-ha-provat-om-uppgifterna-omfattades-av-sekretess/")
AF_VILLKOR = ("https://arbetsformedlingen.se/for-arbetssokande/extra-stod/ersattning-och-franvaro/"
              "villkor-for-din-ersattning-i-program")
JO_3507 = ("https://www.jo.se/besluten/kritik-mot-arbetsformedlingen-for-att-man-utan-samtycke-lamnade-ut-"
           "sekretesskyddade-uppgifter/")

FRAGOR = [
    "Vad gör den matchningsansvariga före, under och efter upphandlingen?",
    "Vad betyder det för personen att få en anställning eller en praktikplats?",
    "Vad händer när det inte finns några kandidater, och hur visar leverantören att en person tillhör målgruppen?",
    "Hur följer kommunen upp kravet utan att samla fler personuppgifter än som behövs?",
    "När är det rättelse, vite eller hävning – och vad kan en kommun som köper via ramavtal göra?",
]
LARANDEMAL = [
    "Beskriva vad den matchningsansvariga gör i Upphandlingsmyndighetens sex steg och vilka rutiner som behövs "
    "mellan upphandlingsenheten och arbetsmarknadsenheten.",
    "Förklara skillnaden mellan anställning och arbetspraktik för personen: lön, försäkring, anställningsskydd och "
    "vem som är arbetsgivare.",
    "Välja nästa steg i sanktionstrappan (rättelse, vite eller hävning) i ett fall och säga vad avtalet måste "
    "innehålla för att steget ska vara möjligt.",
    "Visa hur leverantören kan styrka att en person tillhör målgruppen och hur uppföljningen kan göras med så få "
    "personuppgifter som möjligt.",
    "Beskriva vad en kommun som köper via ramavtal kan göra för att ställa sysselsättningskrav.",
]
KURS = {
    "fragor": FRAGOR,
    "larandemal": LARANDEMAL,
    "modul": MODULE,
    "ovning": NAME,
    "senast_granskad": REVIEWED,
    "tid_lasning_min": 50,
    "tid_ovning_min": 45,
    "titel": TITLE,
}


def lecture() -> list:
    cells = []
    cells.append(md(f"""
# Modul 06 – {TITLE}

Okända ord? Se [ordlistan](ordlista.ipynb).

I modul 02 skrev du ett sysselsättningskrav och en kravbilaga. Kravet är ett särskilt kontraktsvillkor: det gäller när kontraktet fullgörs, inte när anbudet lämnas (17 kap. 1 § LOU). Den här modulen handlar alltså om det som händer sedan: hur ett avtal blir ett jobb för en person. Den är skriven för dig som är **matchningsansvarig** eller arbetar på **arbetsmarknadsenheten**, och för dig som är **avtalsförvaltare** (den som följer upp avtalet; Upphandlingsmyndigheten säger kontraktsansvarig). Upphandlaren har också nytta av den.

*Senast granskad: {REVIEWED}*
"""))
    cells.append(md("""
## Frågor

""" + "\n".join(f"- {q}" for q in FRAGOR) + """

## Lärandemål

När du har gått igenom modulen kan du

""" + "\n".join(f"{i}. {m[0].lower() + m[1:-1]}{',' if i < len(LARANDEMAL) else '.'}"
                for i, m in enumerate(LARANDEMAL, start=1)) + f"""

## Tid

- Läsning och widgetar: cirka {KURS["tid_lasning_min"]} minuter
- Övningen `06_fran_krav_till_jobb`: cirka {KURS["tid_ovning_min"]} minuter
""", tags=["bild"]))

    # 1 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 1. Sex steg sedda från den matchningsansvariga

Upphandlingsmyndigheten (UHM) beskriver arbetet med sysselsättningskrav utifrån inköpsprocessen. Processen har tre faser: förbereda, upphandla och realisera. Förberedelsen delas i sin tur i planera, kartlägga och analysera. Det blir sex steg. Den matchningsansvariga är med i hela processen, men har en särskilt viktig roll när det gäller att förstå målgruppen och rekrytera ur den ([UHM, *Matchningsansvarig – stöd vid sysselsättningskrav*]({UHM_MATCH})).

| Steg | Vad den matchningsansvariga gör (UHM:s råd i kursens ord) |
|---|---|
| **1. Planera** – börja dialogen | Utser kontaktpersoner, tar kontakt med företag, bransch- och fackorganisationer, avsätter tid och tar fram rutiner för arbetet – också för uppföljningen. Informerar internt, och gör det igen när nya personer börjar. |
| **2. Kartlägga** – förstå målgruppen | Tar reda på vilka arbetssökande som finns, vad de kan och hur arbetsmarknaden ser ut nu och framåt. |
| **3. Analysera** – ge stöd | Svarar på arbetsmarknadsfrågor när upphandlaren bedömer om ett krav passar i upphandlingen: finns det personer som kan göra just det här arbetet? |
| **4. Upphandla** | Upphandlingen genomförs. Här har upphandlaren mest att göra och den matchningsansvariga minst. |
| **5. Implementera** – stöd till leverantören | Hjälper leverantören att hitta de personer som ska erbjudas arbete eller praktik. |
| **6. Förvalta** – lär av erfarenheterna | Utvärderar när kontraktet närmar sig slutet: nådde ni målen, och vad gör ni annorlunda nästa gång? |

Den matchningsansvariga kan vara kommunens arbetsmarknadsverksamhet eller Arbetsförmedlingen, alltså den som känner de arbetssökande bäst (samma källa). Den matchningsansvariga erbjuder stöd men är inte den enda vägen till en plats: leverantören får också rekrytera på egen hand, via Arbetsförmedlingen, via Eures (EU:s nätverk för att hitta jobb och arbetskraft i andra EU- och EES-länder) eller via någon annan ([UHM, *Rekrytering av person från avsedda målgruppen*]({UHM_REKR})).

**Göteborgs erfarenhet.** I Göteborgs Stads pilotprojekt kallades arbetet efter tilldelningen *målgruppsprocessen*: att hitta personer ur målgrupperna, matcha dem mot de nya tjänsterna, vid behov utbilda dem och stödja leverantören när den rekryterar ([Göteborgs Stad, *Vad händer efter tilldelningsbeslut?*]({GBG_MALGRUPP})). År 2022 hade staden 125 upphandlingar med sådana krav; 90 personer fick arbete och 52 praktik, och stadens stödfunktion bestod av fyra personer ([Vårt Göteborg]({VART_GBG})).
""", tags=["bild"]))

    # 2 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 2. Rutiner mellan upphandlingsenheten och arbetsmarknadsenheten

Ett krav blir bara ett jobb om upphandlingsenheten och arbetsmarknadsenheten vet vad den andra gör, och när. Ett av UHM:s råd till den matchningsansvariga är att ta fram rutiner och tydliga strukturer för arbetet ([UHM]({UHM_MATCH})). En enkel rutin kan se ut så här:

| När | Vad | Vem |
|---|---|---|
| När upphandlingsplanen görs (en gång om året) | Gå igenom kommande upphandlingar tillsammans. Välj de som kan passa för ett krav. | Upphandlare och matchningsansvarig |
| Under analysen | Finns det personer i målgruppen som kan göra arbetet? Hur många platser är rimligt? | Matchningsansvarig svarar, upphandlaren bedömer |
| I upphandlingsdokumenten | Kontaktväg till den matchningsansvariga, hur leverantören anmäler ett behov, hur snabbt kandidater föreslås (kursens kravbilaga, A4) och hur tidigt ett behov ska vara anmält för befrielse från vite (A5). Aldrig en namngiven person. | Upphandlare |
| Vid avtalsstart | Startmöte: hur leverantören anmäler behov, hur introduktion och handledning går till, när rapporterna kommer. Bjud in Arbetsförmedlingen om platserna ska vara praktik eller anställning med stöd. | Avtalsförvaltare, matchningsansvarig, leverantör (och Arbetsförmedlingen) |
| Varje gång leverantören anmäler ett behov | Kvittera anmälan samma dag och för in den i en logg: datum för anmälan, vilka krav platsen har, datum för svaret och antal förslag – inga namn. | Matchningsansvarig |
| Varje kvartal | Leverantörens rapport i rapportmallen. Avvikelser tas upp. | Leverantör rapporterar, avtalsförvaltaren granskar |
| När något går fel | Avtalsförvaltaren får loggen från den matchningsansvariga innan en anmaning skickas (avsnitt 8). | Avtalsförvaltare och matchningsansvarig |
| När avtalet går mot sitt slut | Utvärdering och lärdomar till nästa upphandling. | Alla |

**Svarstiden är kommunens eget åtagande.** Har avtalet en tid inom vilken den matchningsansvariga ska föreslå kandidater, binder den kommunen. Svarar ni inte i tid kan leverantören få befrielse från vite för platsen. Se till att funktionsbrevlådan bevakas också under semestrar och sjukdom, och sätt tiden efter hur snabbt ni faktiskt kan svara. Ska platsen vara praktik eller en anställning med stöd, räkna också med den tid Arbetsförmedlingen behöver för sitt beslut.

**Sekretess inne i kommunen.** Offentlighets- och sekretesslagen (2009:400), OSL, skyddar inte alla uppgifter. Först måste en sekretessbestämmelse gälla för uppgiften, till exempel 26 kap. 1 § OSL inom socialtjänsten. Gäller en sådan bestämmelse, gäller sekretessen också mot andra myndigheter, och därmed mot andra nämnder i samma kommun. Inom en och samma nämnd gäller den mellan verksamhetsgrenar som är självständiga i förhållande till varandra (8 kap. 1–2 §§ OSL; [CVE]({CVE_OSL}); [Skatteverket, *Rättslig vägledning*]({SKV_VERKSAMHETSGREN})). Vilken bestämmelse som gäller hos er arbetsmarknadsenhet ska kommunens jurist bedöma. Oavsett sekretess behöver avtalsförvaltaren bara **antal** (uppgiftsminimering, artikel 5.1 c i dataskyddsförordningen). Låt därför uppgifterna om personerna stanna hos arbetsmarknadsenheten.

**Påhittat exempel: lokalvård i Mölndal.** Mölndals stad ska upphandla lokalvård i förskolor. Avtalet gäller i två år med option på två år till (en option är en möjlighet att förlänga avtalet). Arbetsmarknadsenheten har sett upphandlingen i planen ett år i förväg och kartlagt att flera arbetssökande har gått en kort utbildning i lokalvård. I upphandlingsdokumenten står att leverantören anmäler behov av personal till en gemensam funktionsbrevlåda och skriver vilka krav platsen har, till exempel arbetstider. Den matchningsansvariga svarar inom två veckor med kandidater eller ett skriftligt besked om att det inte finns några. Vitesklausulen ger befrielse för en plats som har anmälts minst sex veckor före delmålet. Vid startmötet går de igenom hur det fungerar i praktiken. Tiderna bestäms före upphandlingen, eftersom de är en del av avtalet.
""", tags=["bild"]))

    # 3 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 3. Anställning eller praktik – vad det betyder för personen

UHM:s villkor låter kommunen välja om leverantören ska erbjuda anställning eller praktik (modul 02). För personen är skillnaden stor:

| Fråga | Anställning hos leverantören | Arbetspraktik via Arbetsförmedlingen |
|---|---|---|
| **Är personen anställd?** | Ja. Leverantören är arbetsgivare. | Nej. Arbetspraktik är inte en anställning ([Arbetsförmedlingen, *Arbetspraktik*]({AF_PRAKTIK})). Den som deltar i ett arbetsmarknadspolitiskt program räknas inte som arbetstagare, utom vid vissa anställningar med stöd (7 § lagen (2000:625) om den arbetsmarknadspolitiska verksamheten; [Arbetsmiljöverket]({AV_PRAKTIK})). |
| **Pengar** | Lön från leverantören. | Ingen lön. Deltagaren kan få ersättning som Försäkringskassan betalar ut (Arbetsförmedlingen). |
| **Försäkring** | Den lagstadgade arbetsskadeförsäkringen gäller alla anställda (socialförsäkringsbalken). Avtalsförsäkringar finns om arbetsgivaren har kollektivavtal eller har tecknat dem. | Deltagaren är försäkrad för arbetsskada under praktiken (Arbetsförmedlingen). |
| **Anställningsskydd** | Lagen (1982:80) om anställningsskydd (LAS) gäller för de flesta anställda. Den gäller inte för den som är anställd med särskilt anställningsstöd, i skyddat arbete eller med lönebidrag för utveckling i anställning (1 § LAS, [SFS 2016:1271]({LAS_1})). Ett kollektivavtal kan också i vissa delar avvika från lagen. | LAS gäller inte, eftersom personen inte är anställd. |
| **Arbetsmiljö** | Leverantören har arbetsmiljöansvaret som arbetsgivare. | Den som tar emot praktikanten har arbetsmiljöansvaret ([Arbetsmiljöverket]({AV_PRAKTIK})). |
| **Vem bestämmer?** | Leverantören väljer vem den anställer (kursens kravbilaga, A4). | Arbetsförmedlingen bedömer och beslutar om praktiken ska beviljas, utifrån den arbetssökandes behov. |

Tabellen gäller arbetspraktik som Arbetsförmedlingen beslutar om. Praktik eller arbetsträning som kommunens arbetsmarknadsenhet själv ordnar kan ha andra villkor för ersättning och försäkring, till exempel när personen får ekonomiskt bistånd. Fråga enheten vad som gäller innan platsen börjar.

**Praktik har en gräns.** Arbetspraktik är tidsbegränsad, och Arbetsförmedlingen bestämmer hur länge den pågår. Kursen har inte kunnat kontrollera de längsta tiderna på Arbetsförmedlingens webbplats och anger dem därför inte. Fråga Arbetsförmedlingen innan ni räknar hur många heltidsmånader en praktikplats kan ge, och tänk på att praktik inte alltid är på heltid. En praktikant ska inte ersätta ordinarie personal ([Arbetsgivarverket]({AGV_PRAKTIK})). Prata med facket på arbetsplatsen i god tid.

**Anställning med stöd.** Arbetsförmedlingen kan ge arbetsgivaren ekonomiskt stöd när den anställer någon som har svårt att få arbete. Några exempel:

- **Nystartsjobb** för den som har varit utan arbete länge eller är ny i Sverige. Personen ska vara inskriven som arbetssökande hos Arbetsförmedlingen och får inte redan vara anställd när myndigheten beslutar. Ansök alltså innan anställningen börjar. LAS gäller ([Arbetsförmedlingen, *Nystartsjobb*]({AF_NYSTART})).
- **Introduktionsjobb**, som är särskilt anställningsstöd ([förordningen (2018:42) om särskilt anställningsstöd]({SFS_2018_42})). LAS gäller inte (1 § LAS).
- **Lönebidrag och skyddat arbete** för personer med en funktionsnedsättning som medför nedsatt arbetsförmåga ([förordningen (2017:462)]({SFS_2017_462})). LAS gäller inte för skyddat arbete och lönebidrag för utveckling i anställning (1 § LAS). Ett beslut om sådant stöd visar något om personens hälsa. Det är en känslig personuppgift (artikel 9 i dataskyddsförordningen, avsnitt 5).

Arbetsförmedlingen bedömer varje fall, räknar ut beloppet och ställer också krav på arbetsgivaren; läs villkoren för varje stöd på Arbetsförmedlingens webbplats. Kursen anger inga belopp, eftersom de ändras. Fråga leverantören vid startmötet om den har tagit emot praktikanter eller anställt med stöd förut. Skriv i villkoret om en anställning med stöd räknas in i åtagandet, så att ingen behöver gissa.

**Handledning.** Både en ny anställd och en praktikant behöver en handledare på arbetsplatsen. Arbetsförmedlingen skriver att det är viktigt att en handledare finns tillgänglig under praktiken, och UHM nämner arbetsmiljö, utbildning och handledning bland det som påverkar om leverantören klarar kravet ([UHM, *Framgångsfaktorer*]({UHM_FRAMG})). Prata därför om handledningen redan på startmötet: vem är handledare, hur mycket tid får den, och vem ringer leverantören om något inte fungerar? Fråga Arbetsförmedlingen om något stöd kan ges för handledningen; det beror på insatsen. Kursens uppskattning är att en handledare behöver några timmar i veckan de första veckorna; det är ingen mätning.
""", tags=["bild"]))

    # 4 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 4. När inga kandidater kan erbjudas

Det händer att den matchningsansvariga inte har någon lämplig kandidat när leverantören behöver en. Då gäller det som står i avtalet, så villkoret måste säga vad som händer. UHM:s villkor lägger ansvaret för att ta initiativ till rekryteringen på leverantören. Leverantören kan få stöd av Arbetsförmedlingen eller kommunen, men rekryterar den själv ska den kunna visa att personen tillhör målgruppen ([UHM, *Rekrytering*]({UHM_REKR})). När villkoret gäller anställning säger UHM:s villkor också att minst en anställning ska ha påbörjats eller erbjudits senast sex månader efter kontraktets start ([krav-ID 11554]({UHM_KRIT})).

Kursens kravbilaga från modul 02 räknar åtagandet i heltidsmånader (en månad på heltid; två månader på halvtid är en heltidsmånad) och hanterar bristerna så här:

1. **Matchning (A4).** Den matchningsansvariga föreslår kandidater inom [antal] veckor efter leverantörens anmälan. Leverantören bestämmer själv vem den anställer eller tar emot, och får också rekrytera på egen hand eller via någon annan.
2. **Delmål och rättelse (A5).** Vid varje delmål ska en viss andel av heltidsmånaderna vara fullgjorda. Når leverantören inte delmålet, anmäler beställaren det skriftligt. Leverantören lämnar då en skriftlig plan för hur de saknade heltidsmånaderna ska tas igen. Planen gäller när beställaren har godtagit den.
3. **Vite (A5).** Vite utgår om ingen plan som kan godtas kommer i tid, eller om planen inte följs. Vid det sista delmålet, när avtalet upphör, går bristen inte att rätta; då utgår vite direkt. Vitet har tak, och samma heltidsmånad ger bara vite en gång.
4. **Befrielse från vite (A5).** Vite utgår inte för en plats som leverantören i tid före delmålet har anmält till en förmedlare – den matchningsansvariga, Arbetsförmedlingen, Eures eller någon annan – utan att få förslag på en kandidat som uppfyller kraven i anmälan. Kraven ska vara sakligt motiverade av arbetet. Tackar leverantören nej till en kandidat som uppfyller kraven, ger det ingen befrielse. Är parterna oense, avgör beställaren efter samråd med den matchningsansvariga. Åtagandet minskas med de heltidsmånader som befrielsen gäller.
5. **Ett nej från personen (A1).** Ett erbjudande som inte antas räknas inte som fullgjord tid. Leverantören erbjuder platsen till någon annan, och anmäler leverantören nejet i tid skjuts nästa delmål fram.
6. **Förtida avslut (A1).** Slutar personen själv, eller har arbetsgivaren sakliga skäl för uppsägning (7 § LAS) eller grund för avskedande, räknas åtagandet för platsen som uppfyllt om minst **tre fjärdedelar** av den avtalade tiden är fullgjord. Regeln kommer från UHM:s villkor ([krav-ID 11554]({UHM_KRIT})). Exempel: en anställning på 12 månader räknas som uppfylld efter 9 månader (0,75 × 12). Vid praktik gäller inte LAS. Där räknas tre fjärdedelar om praktikanten eller den som anvisade praktiken avbröt den.

Cellen nedanför skriver ut villkoren direkt från bilagan, i samma ordning. Hakparenteserna fyller kommunen i.
"""))
    cells.append(code("""
from upphandlingskurs.documents import requirement_annex as bilaga

for villkor in (bilaga.CURE, bilaga.EXAMPLE_VITE, bilaga.EXEMPTION, bilaga.DECLINED, bilaga.EARLY_END,
                bilaga.EARLY_END_PRAKTIK):
    print(villkor, end="\\n\\n")
"""))
    cells.append(md(f"""
När leverantören anmäler ett behov gör den matchningsansvariga så här:

- **Kvittera anmälan samma dag och för in den i loggen**: datum, vilka krav platsen har, datum för svaret och antal förslag – inga namn. Loggen är det som visar om befrielsen gäller. Avtalsförvaltaren får den innan en anmaning skickas.
- **Be om kraven i anmälan** (arbetstider, körkort, språk). Då går det att avgöra i efterhand om ett förslag uppfyllde kraven. Verkar ett krav inte behövas för arbetet, fråga varför. Ett körkortskrav för ett pass 05.30 kan gälla resan dit, inte arbetet: fråga då kandidaterna hur de tar sig dit.
- **Svara i tid och skriftligt**, även när svaret är nej.
- **Bredda sökandet** tillsammans med leverantören: Arbetsförmedlingen, andra kommuner i regionen eller leverantörens egna kanaler.
- **Tackar leverantören nej till en kandidat**: anteckna vilket krav som inte var uppfyllt. Tackar en kandidat nej, till exempel för att passet börjar 05.30 och ingen buss går: ta reda på varför, om personen vill berätta, och behåll skälen hos arbetsmarknadsenheten.
- **Ta reda på varför det saknades kandidater.** Var målgruppen för snävt avgränsad, låg behovet vid fel tid på året, eller krävdes körkort eller språkkunskaper som ingen hade? Ta med lärdomen till nästa upphandling (steg 6).

**Vad du får berätta för leverantören om en kandidat.** Lämna bara uppgifter med kandidatens samtycke, och bara det som leverantören behöver för att bedöma kandidaten mot kraven och för att arbetet ska fungera. Samtycket bör vara skriftligt och dokumenterat och säga vad som får lämnas och till vem ([JO dnr 3507-2017]({JO_3507})). Berätta inte om hälsa, bakgrund, straff eller stöd från socialtjänsten. JO har gett Arbetsförmedlingen allvarlig kritik för att en arbetsförmedlare berättade om en persons bakgrund för en praktikplats utan att först pröva sekretessen ([JO dnr 1029-2017]({JO_1029})). Tänk också på att redan ett förslag från er visar att personen tillhör målgruppen. Arbetskamraterna behöver inte veta det.

**Innan du föreslår en kandidat: kan ett nej påverka personens pengar?** Den som får ersättning i ett program behöver tacka ja till jobb som hen blir erbjuden, annars riskerar hen att bli utan ersättning ([Arbetsförmedlingen, *Villkor för din ersättning i program*]({AF_VILLKOR})). Vad som gäller vid a-kassa och ekonomiskt bistånd har kursen inte kontrollerat. Fråga Arbetsförmedlingen, a-kassan eller socialtjänsten vad som gäller för personen, och berätta det för personen innan hen svarar.
"""))

    # 5 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 5. Hur leverantören visar att en person tillhör målgruppen

Kommunen behöver kunna kontrollera att platserna går till målgruppen. Men kontrollen får inte bli en insamling av uppgifter om personernas liv. Dataskyddsförordningen kräver att uppgifterna är adekvata, relevanta och inte för omfattande i förhållande till ändamålet (uppgiftsminimering, artikel 5.1 c i [dataskyddsförordningen]({GDPR})).

Kursens kravbilaga (A3) låter leverantören visa det på ett av två sätt:

- **(a)** personen har föreslagits av kommunens matchningsansvariga, eller
- **(b)** personen visar själv ett skriftligt underlag, till exempel ett intyg, som visar att personen tillhör målgruppen.

Underlaget ska bara visa **att** personen tillhör målgruppen, inte **varför** eller något annat om personen. Kommunen får i stickprov se underlaget hos leverantören, bara när det behövs för att kontrollera villkoret. Kommunen tar inte emot kopior. Också att titta på underlaget är en behandling av personuppgifter (artikel 4.2).

**Det här ska kommunen inte samla in:** kopior av personens akt hos Arbetsförmedlingen eller socialtjänsten, diagnoser eller andra hälsouppgifter, eller listor med personnummer i leverantörens rapporter. Personnummer får bara behandlas utan samtycke när det är klart motiverat ([IMY, *Personnummer*]({IMY_PNR})). Uppgifter om hälsa är känsliga personuppgifter (artikel 9.1).

**När målgruppen bygger på hälsa.** Är målgruppen definierad av funktionsnedsättning eller nedsatt arbetsförmåga, är redan uppgiften att personen tillhör målgruppen en uppgift om hälsa (artikel 9.1). Då krävs ett undantag enligt artikel 9.2 hos både leverantören och kommunen, också när kommunen bara tittar på underlaget i ett stickprov. Ta det med dataskyddsombudet innan villkoret används. Kravbyggaren i modul 02 varnar för sådana målgrupper.

**Ett tips.** Avgränsa gärna målgruppen efter tid som inskriven arbetssökande hos Arbetsförmedlingen, eller hos motsvarande myndighet i ett annat EES-land (modul 02). Undvik målgrupper som bara kan styrkas med ett beslut från socialtjänsten: ett sådant beslut innehåller uppgifter som omfattas av sekretess inom socialtjänsten (26 kap. 1 § OSL), och det pekar ut personen. Vilka intyg personerna i er målgrupp kan få, och av vem, har kursen inte kontrollerat. Ta reda på det innan villkoret används.
""", tags=["bild"]))

    # 6 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 6. Personuppgifter och sekretess

Några grundregler ur [dataskyddsförordningen]({GDPR}) och offentlighets- och sekretesslagen (2009:400):

- **Bara för ett bestämt syfte och inte mer än som behövs** (artikel 5.1 b och 5.1 c). Uppgifter som samlas in för att följa upp villkoret får inte användas på ett sätt som inte är förenligt med det syftet.
- **Inte längre än som behövs** (artikel 5.1 e). Bestäm i förväg hur länge uppföljningen sparas.
- **Stöd för att behandla uppgifterna.** Kommunen får bara behandla uppgifterna om det finns stöd för det. För en kommun är det oftast att behandlingen behövs för en uppgift som kommunen har enligt lag (en uppgift av allmänt intresse: artikel 6.1 e och 6.3, och lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning). Dataskyddsombudet hjälper er att skriva ned grunden innan upphandlingen.
- **Vem ansvarar.** Den som bestämmer varför och hur uppgifterna behandlas är personuppgiftsansvarig (artikel 4.7). Leverantören är det som arbetsgivare för uppgifterna om sina egna anställda. I kommunen är det en nämnd som är personuppgiftsansvarig för kommunens del. Fråga dataskyddsombudet vilken nämnd det är hos er.
- **Sekretess.** Uppgifter om enskilda kan omfattas av sekretess, till exempel inom socialtjänsten (26 kap. 1 § offentlighets- och sekretesslagen). Vilken sekretessbestämmelse som gäller hos er arbetsmarknadsenhet beror på verksamheten; fråga kommunens jurist.
- **Samtycke.** Uppgifter om en kandidat lämnas till leverantören bara med kandidatens samtycke (kravbilagan, A4). Samtycket gör att kommunen kan lämna ut uppgifter som annars omfattas av sekretess (offentlighets- och sekretesslagen). Det är något annat än samtycke som grund enligt dataskyddsförordningen. Det kan en kommun sällan använda, eftersom kommunen och den enskilde inte är jämbördiga (skäl 43).
- **Rapporten är en allmän handling** när den har kommit in till kommunen (2 kap. 4 och 9 §§ tryckfrihetsförordningen). Den lämnas ut om inte uppgifterna omfattas av sekretess. Vid små tal, en eller två personer, kan även antal peka ut någon.

| Vem | Får veta |
|---|---|
| Leverantören | Uppgifter om de personer den anställer eller tar emot, som arbetsgivare eller praktikplats. |
| Avtalsförvaltaren | Antal: tillsatta platser och fullgjorda heltidsmånader per kvartal. Loggen över anmälningar, utan namn. |
| Arbetsmarknadsenheten | Uppgifter om personerna den stöttar, och om de har arbete 6 och 12 månader efter platsen, med den enskildes medverkan. |
| Ledningen | Sammanställda tal för alla avtal. |

Bestäm tillsammans med dataskyddsombudet, innan upphandlingen, vem som ansvarar för vilken behandling.
""", tags=["bild"]))

    # 7 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 7. Uppföljning i praktiken

UHM råder att bestämma redan när upphandlingen planeras vem som följer upp, och att se till att det finns tid och kompetens ([UHM, *Uppföljning*]({UHM_UPPF})). Tabellen visar vad som görs, när och av vem. Timmarna är **kursens uppskattning** för ett avtal med några platser, inte en mätning: räkna med er egen erfarenhet.

| Vad | När | Vem | Tid (kursens uppskattning) |
|---|---|---|---|
| Startmöte med leverantören | Vid avtalsstart | Avtalsförvaltare, matchningsansvarig, leverantör (och Arbetsförmedlingen) | 3–4 timmar med förberedelse |
| Rapport i rapportmallen: tillsatta platser och fullgjorda heltidsmånader, bara antal | Senast [antal] dagar efter varje kvartal (kravbilagan, A2) | Leverantören fyller i, avtalsförvaltaren granskar | cirka 1 timme per kvartal |
| Uppföljningsmöte | Två gånger om året, och när något avviker | Avtalsförvaltare, leverantör, matchningsansvarig | cirka 2 timmar per gång |
| Har personen arbete 6 och 12 månader efter platsen? | 6 och 12 månader efter att platsen slutade | Arbetsmarknadsenheten, med den enskildes medverkan | cirka en halvtimme per person och tillfälle |
| Sammanställning till ledningen | En gång om året | Avtalsförvaltare och matchningsansvarig | cirka 4 timmar |
| **Matchning**: kartlägga och förbereda kandidater, samordna med Arbetsförmedlingen, svara på anmälningar, föra loggen | När leverantören behöver personal | Matchningsansvarig | räkna per plats, inte per avtal |
| **Stöd under platsen**: introduktion, uppföljning med personen och handledaren, till exempel efter två veckor och sedan varje månad, och stöd när något krisar | Så länge platsen pågår | Matchningsansvarig | flera timmar per person och månad de första månaderna |

**Vad siffran täcker.** Uppföljningen av avtalet – de fem första raderna – blir enligt kursens uppskattning 15–20 timmar per avtal det första året. Matchningen och stödet till personerna kommer till det, och är ofta den största delen av arbetet. Göteborgs stödfunktion hade fyra personer för 125 upphandlingar (avsnitt 1). Det är en kostnad som bör finnas med när kommunen bestämmer sig för kravet.

**Ladda ner leverantörens rapportmall.** Mallen är samma Excelfil som Kravbyggaren i modul 02 sparar. Leverantören fyller i antal, en rad per avtal och rapportperiod, och analysen i modul 04 kan läsa in filen utan att du väljer kolumner. Klicka på knappen:
""", tags=["bild"]))
    cells.append(code("""
from upphandlingskurs.widgets.matchning import rapportmall_widget

rapportmall_widget()
"""))
    cells.append(md("""
Vill du ha hela kravbilagan – villkoret, rapporteringen, underlaget om målgruppen, matchningen och sanktionerna – bygger du den med Kravbyggaren i [modul 02](02_sysselsattningskrav.ipynb) (formuläret *Kravbilaga att lägga i upphandlingsdokumenten* under Kravbyggaren).
"""))

    # 8 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 8. Sanktionstrappan: rättelse, vite och hävning

När leverantören inte gör det avtalet kräver tar avtalsförvaltaren ett steg i taget:

1. **Rättelse.** Beställaren anmäler bristen skriftligt och ger leverantören en tid att rätta den. En sådan anmälan kallas anmaning: ett skriftligt krav på att rätta bristen inom en viss tid. Den kan vara ett kort mejl som beskriver bristen och anger en ny sista dag. Spara det. Leverantören ska i första hand få rätta bristen ([UHM, *Hantering av brister*]({UHM_BRISTER})). Vid ett missat delmål betyder rättelse i kursens kravbilaga en skriftlig plan som beställaren godtar (avsnitt 4).
2. **Vite.** Rättas inte bristen i tid får beställaren ta ut vite, om avtalet har en vitesklausul. Vid det sista delmålet utgår vitet direkt om klausulen säger det, eftersom bristen inte går att rätta när avtalet upphör.
3. **Hävning.** Är avtalsbrottet väsentligt får beställaren häva avtalet, helt eller delvis. Skriv in rätten att häva i avtalet. Utan en sådan klausul kan rätten ändå följa av allmänna avtalsrättsliga principer; det bedömer er upphandlingsjurist. En enstaka sen rapport är inte ett väsentligt avtalsbrott (kursens kravbilaga, A5). Hävning är det sista steget. Vid ett ramavtal kan en mildare väg vara att stänga av leverantören från nya avrop, om det står i upphandlingsdokumenten (samma källa).

Alla sanktioner ska stå i upphandlingsdokumenten och vara proportionerliga i förhållande till hur allvarlig bristen är (samma källa).

**Vite är ett avtalsvillkor, inte en lag.** Vitet finns bara om det står i avtalet, och det ska ha stått i upphandlingsdokumenten från början. Att lägga till ett vite efter tilldelningen är en ändring av kontraktet, och ett upphandlat kontrakt får som huvudregel inte ändras utan en ny upphandling (17 kap. 9–14 §§ LOU; [UHM, *Ändringar av avtal*]({UHM_ANDRING})). Kommunen kan alltså inte ändra avtalet på egen hand med ett brev. Ett vite som inte är skäligt kan jämkas, det vill säga sättas ned, av domstol (36 § lagen (1915:218) om avtal och andra rättshandlingar på förmögenhetsrättens område). Avstår ni från ett vite, skriv ned varför. Att regelmässigt avstå kan i praktiken ändra avtalet och behandla leverantörerna olika (4 kap. 1 § LOU); fråga juristen.

**En vitesklausul som går att använda** har platshållare inom hakparentes som kommunen fyller i, delmål, rättelse med en plan, tak per avtalsår och för hela avtalstiden, ingen dubbelräkning och en befrielse när inga kandidater finns. Villkoren i avsnitt 4 är byggda så; beloppen lämnar kursen tomma med avsikt. Cellen nedanför visar bilagans hävningsklausul. Låt kommunens upphandlingsjurist granska villkoren innan de används.
""", tags=["bild"]))
    cells.append(code("""
from upphandlingskurs.documents.requirement_annex import TERMINATION

print(TERMINATION)
"""))
    cells.append(md("""
Pröva trappan: välj vad som har hänt och svara på de frågor som visas.
"""))
    cells.append(code("""
from upphandlingskurs.widgets.matchning import sanktionstrappan_widget

sanktionstrappan_widget()
"""))
    cells.append(md("""
**Påhittat exempel: bygg i Kungälv.** Kungälvs kommun har en byggentreprenad med krav på sammanlagt 36 heltidsmånader, och delmålet för första avtalsåret är en tredjedel, alltså 12 heltidsmånader. Vid årets slut har entreprenören fullgjort 6. Loggen hos den matchningsansvariga visar att entreprenören aldrig anmälde något behov, så befrielsen gäller inte. Avtalsförvaltaren anmäler skriftligt att delmålet inte är nått och ber entreprenören lämna en plan inom [antal] dagar för hur de saknade heltidsmånaderna tas igen (steg 1). Kommer ingen plan som kan godtas, eller följs den inte, tar kommunen ut vite enligt klausulen (steg 2). Pröva fallet i widgeten: *Leverantören har inte nått ett delmål*, sedan Sista delmålet Nej, Anmaning Ja, Tiden för rättelse ute Ja, Väsentligt avtalsbrott Nej, Vitesklausul Ja, Befrielse Ja och Ramavtal Nej.
"""))

    # 9 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 9. Ramavtal och avrop – och den lilla kommunen

Ramavtal är vanliga: år 2020 gällde 40 procent av de annonserade upphandlingarna ramavtal ([Konkurrensverket, *Nyckeltal för offentliga upphandlingar*]({KKV_NYCKELTAL})). Ramavtal regleras i 7 kap. LOU. Ett ramavtal bestämmer villkoren för de avrop som görs senare, och bara de myndigheter som anges i ramavtalet får avropa från det ([UHM, *Ramavtal*]({UHM_RAMAVTAL})). Det har två följder för ett sysselsättningskrav:

- **Villkoret ska finnas i ramavtalet.** Ett krav kan gälla hela ramavtalet eller vissa avrop, men kommunen kan inte vid avropet lägga till ett nytt villkor som ramavtalet inte ger utrymme för: ett avrop får inte avvika väsentligt från ramavtalets villkor (7 kap. LOU; [Statens inköpscentral, *Frågor och svar*]({AVROPA_FAQ})).
- **Sanktionen kan vara avstängning från avrop**, om det står i upphandlingsdokumenten ([UHM, *Hantering av brister*]({UHM_BRISTER})).

Upphandlar kommunen själv ett ramavtal har kursens kravbilaga en variant för det: åtagandet räknas per fakturerat belopp, så att det följer den volym som faktiskt avropas, varje leverantör bär sin egen del, och avstängning från avrop står i villkoren (kravbilagan, A1 och A5).

**Vad kan en liten kommun som köper via ramavtal göra?**

1. **Påverka innan ramavtalet upphandlas.** Den som samordnar upphandlingen – en inköpscentral som Adda, som ägs av SKR ([Upphandling24]({U24_ADDA})) och vars ramavtal kommuner och kommunala bolag kan använda ([Adda]({ADDA})), eller en grannkommun som upphandlar för flera – behöver veta i god tid att kommunen vill ha ett villkor om sysselsättning. Delta i referensgrupper när det går.
2. **Använd det som finns.** Läs ramavtalets villkor: finns ett villkor om sysselsättning eller en möjlighet att ställa det vid avrop?
3. **Upphandla själv när det passar.** Ett avtal som kommunen upphandlar på egen hand kan ha kursens kravbilaga. Ett dialogvillkor passar bra i mindre avtal.
4. **Samarbeta om matchningen.** En liten kommun har sällan en egen matchningsfunktion för varje avtal. Samarbeta med grannkommunerna och Arbetsförmedlingen, så att leverantören har en väg in.
5. **Fråga leverantören.** Arbetsmarknadsenheten kan alltid be en leverantör om en frivillig praktikplats eller anställning, i samarbete med Arbetsförmedlingen. Det är inget avtalsvillkor, så ingen sanktion kan kopplas till det. Ett ja eller nej får inte påverka vem som får nästa avrop (likabehandling, 4 kap. 1 § LOU).

**Påhittat exempel: lokalvård i Öckerö.** Öckerö kommun köper lokalvård genom ett ramavtal som en inköpscentral har upphandlat. Ramavtalet saknar villkor om sysselsättning. Kommunen kan inte lägga till ett krav vid avropet. Kommunen meddelar inköpscentralen att den vill ha ett sådant villkor när ramavtalet upphandlas nästa gång, och prövar under tiden ett dialogvillkor i en egen mindre upphandling av fastighetsskötsel.

I GR:s inventering av sysselsättningskrav i bygg- och anläggningsprojekt var kompetensbrist och matchning den största utmaningen ([GR]({GR_BYGG})). Det talar för att kommunerna i regionen samarbetar om matchningen.
""", tags=["bild"]))

    # Nyckelpunkter / Läs vidare / Källor --------------------------------------------------------------------------
    cells.append(md("""
## Nyckelpunkter

- Den matchningsansvariga är med i alla sex steg, men har mest att göra när målgruppen kartläggs och när leverantören ska hitta personer (UHM). Rutiner mellan upphandlingsenheten och arbetsmarknadsenheten bestäms innan upphandlingen, och varje anmälan om behov loggas med datum.
- En praktikant via Arbetsförmedlingen är inte anställd och får ingen lön, men kan få ersättning som Försäkringskassan betalar ut och är försäkrad. En anställd har lön och omfattas av LAS, utom till exempel vid introduktionsjobb, skyddat arbete och lönebidrag för utveckling i anställning (1 § LAS).
- Villkoret ska säga vad som händer när det inte finns någon kandidat. Befrielse från vite finns bara om avtalet har den. Enligt UHM:s villkor och kursens kravbilaga får leverantören också rekrytera på egen hand.
- Underlaget om målgruppen visar bara *att* personen tillhör målgruppen. Rapporterna innehåller antal, inte namn (artikel 5.1 c i dataskyddsförordningen). Bygger målgruppen på hälsa gäller artikel 9.
- Uppföljningen av avtalet tar enligt kursens uppskattning 15–20 timmar det första året. Matchningen och stödet till personerna kommer till det.
- Sanktionstrappan är rättelse, vite och hävning. Vite finns bara om det står i avtalet från början. Hävning kräver ett väsentligt avtalsbrott; en sen rapport räcker inte.
- Vid ramavtal ska villkoret finnas i ramavtalet. En liten kommun påverkar före upphandlingen och samarbetar om matchningen.
""", tags=["bild"]))
    cells.append(md(f"""
## Läs vidare – för din roll

- **Beslutsfattare:** [UHM, *Tillämpning kontraktsvillkor – Uppföljning*]({UHM_UPPF}) (tid och kompetens för uppföljningen); [UHM, *Framgångsfaktorer för sysselsättningskrav*]({UHM_FRAMG}).
- **Upphandlare** (också du som är avtalsförvaltare): [UHM:s villkor Sysselsättningskrav, krav-ID 11554]({UHM_KRIT}); [UHM, *Hantering av brister*]({UHM_BRISTER}); [UHM, *Ramavtal*]({UHM_RAMAVTAL}).
- **Matchningsansvarig och arbetsmarknadsenhet:** [UHM, *Matchningsansvarig – stöd vid sysselsättningskrav*]({UHM_MATCH}); [Arbetsförmedlingen, *Arbetspraktik*]({AF_PRAKTIK}); [JO dnr 1029-2017]({JO_1029}) (vad en förmedlare får berätta för en praktikplats).
- **Leverantör och ASF:** [UHM, *Rekrytering av person från avsedda målgruppen*]({UHM_REKR}); [Arbetsförmedlingen, *Nystartsjobb*]({AF_NYSTART}); [Arbetsmiljöverket, *Arbetsmiljöregler för vuxna praktikanter*]({AV_PRAKTIK}).
- **Socialtjänst:** [CVE, *Offentlighets- och sekretesslagen*]({CVE_OSL}) (sekretess mellan nämnder); [IMY, *Personnummer*]({IMY_PNR}).
"""))
    cells.append(md(f"""
## Källor

- Lag (2016:1145) om offentlig upphandling (LOU), 4 kap. 1 §, 7 kap. (ramavtal), 17 kap. 1 § och 17 kap. 9–14 §§: {LOU}
- Upphandlingsmyndigheten, *Matchningsansvarig – stöd vid sysselsättningskrav*: {UHM_MATCH}
- Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Rekrytering av person från avsedda målgruppen*: {UHM_REKR}
- Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Uppföljning*: {UHM_UPPF}
- Upphandlingsmyndigheten, *Tillämpning av kontraktsvillkor – Hantering av brister*: {UHM_BRISTER}
- Upphandlingsmyndigheten, Kriterietjänsten, villkoret *Sysselsättningskrav* (krav-ID 11554): {UHM_KRIT}
- Upphandlingsmyndigheten, *Framgångsfaktorer för sysselsättningskrav*: {UHM_FRAMG}
- Upphandlingsmyndigheten, *Ramavtal*: {UHM_RAMAVTAL}
- Upphandlingsmyndigheten, *Ändringar av avtal*: {UHM_ANDRING}
- Konkurrensverket, *Nyckeltal för offentliga upphandlingar* (annonserade upphandlingar 2020): {KKV_NYCKELTAL}
- Statens inköpscentral (Kammarkollegiet), avropa.se, *Frågor och svar*: {AVROPA_FAQ}
- Arbetsförmedlingen, *Arbetspraktik*: {AF_PRAKTIK}
- Arbetsförmedlingen, *Nystartsjobb*: {AF_NYSTART}
- Arbetsförmedlingen, *Villkor för din ersättning i program*: {AF_VILLKOR}
- Arbetsmiljöverket, *Arbetsmiljöregler för vuxna praktikanter i arbetsmarknadspolitiska program* (om 7 § lagen (2000:625) om den arbetsmarknadspolitiska verksamheten): {AV_PRAKTIK}
- Arbetsgivarverket, *Vad kan vi ställa för krav på praktikanten?*: {AGV_PRAKTIK}
- Lag (1982:80) om anställningsskydd (LAS), 1 § i lydelse SFS 2016:1271 (Karnov Open): {LAS_1}
- Förordning (2018:42) om särskilt anställningsstöd: {SFS_2018_42}
- Förordning (2017:462) om särskilda insatser för personer med funktionsnedsättning som medför nedsatt arbetsförmåga: {SFS_2017_462}
- Lag (1915:218) om avtal och andra rättshandlingar på förmögenhetsrättens område, 36 §
- Dataskyddsförordningen (EU) 2016/679, artiklarna 4, 5, 6 och 9 och skäl 43: {GDPR}
- Lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning; Integritetsskyddsmyndigheten, *Personnummer och samordningsnummer*: {IMY_PNR}
- Offentlighets- och sekretesslagen (2009:400), 8 kap. 1–2 §§ och 26 kap. 1 §; tryckfrihetsförordningen 2 kap. 4 och 9 §§; arkivlagen (1990:782). Om sekretess mellan nämnder: Center mot våldsbejakande extremism (CVE), *Offentlighets- och sekretesslagen*: {CVE_OSL}; om självständiga verksamhetsgrenar: Skatteverket, *Rättslig vägledning*: {SKV_VERKSAMHETSGREN}
- Justitieombudsmannen, beslut dnr 1029-2017: {JO_1029}; dnr 3507-2017: {JO_3507}
- Adda, *Så använder du våra ramavtal*: {ADDA}; Upphandling24, *Redo att upphandla IT* (Adda och dess ägare SKR): {U24_ADDA}
- Göteborgs Stad, *Vad händer efter tilldelningsbeslut?* (målgruppsprocessen): {GBG_MALGRUPP}
- Vårt Göteborg, *Social hänsyn i upphandling gav 90 personer jobb förra året*: {VART_GBG}
- GR, *Sysselsättningskrav vid kommunal upphandling av bygg- och anläggningsprojekt samt vid markanvisning*: {GR_BYGG}
- Kursens kravbilaga och rapportmall: modul 02 (Kravbyggaren) och `upphandlingskurs.documents.requirement_annex`

*Senast granskad: {REVIEWED}*
"""))
    return cells


def link_glossary(cells: list) -> None:
    """Link each term's first use in Markdown text (not in headings, which become slide titles and anchors)."""
    seen: set[str] = set()
    glossary_terms = terms()
    for cell in cells:
        if cell.cell_type != "markdown":
            continue
        out = []
        for line in cell.source.split("\n"):
            if line.startswith("#"):
                out.append(line)
                continue
            new, _ = link_markdown(line, seen, glossary_terms)
            out.append(new)
        cell.source = "\n".join(out)


# -- the exercise ----------------------------------------------------------------------------------------------------
LETTER_HINT = 'Svara med en bokstav inom citattecken, till exempel `"A"`.'
LETTER_STUB = '{var} = None  # Ersätt None med en bokstav inom citattecken, t.ex. "A"'
WRITE_HERE = ("Skriv ditt svar i cellen nedanför: dubbelklicka på den, skriv och tryck **Shift + Enter**. Skriv bara i "
              "den cellen – nya celler räknas inte.")
#: The letter questions: {number: (right letter, {letter: option})}, filled in by letter_question. The unit test
#: reads it to check that the right option is not given away by its length.
LETTER_OPTIONS: dict[int, tuple[str, dict[str, str]]] = {}


def letter_question(n: int, points: int, text: str, options: dict[str, str], right: str, explanation: str) -> list:
    LETTER_OPTIONS[n] = (right, dict(options))
    var = f"svar_{n}"
    body = f"## Fråga {n} ({points} poäng)\n\n{text.strip()}\n\n" + "\n".join(
        f"- **{k}** {v}" for k, v in options.items()) + f"\n\n{LETTER_HINT}"
    return [md(body, grade_id=f"fraga_{n}"),
            answer(var, LETTER_STUB.format(var=var), f'{var} = "{right}"'),
            selfcheck_test(f"test_{var}", points, f"{MODULE}-{n}", var, right, kind="bokstav",
                           explanation=explanation)]


def exercise() -> list:
    LETTER_OPTIONS.clear()
    cells = [md(f"""
# Övning {MODULE} – {TITLE}

Övningen ger **16 poäng** som rättas automatiskt (fråga 1–7 och 10) och **8 poäng** som kursledaren bedömer (fråga 8–9). Fråga 1–7 och 10 besvarar du med en bokstav eller ett tal – du behöver inte skriva någon kod. Fråga 8 och 9 är fall där du skriver ett eget svar; under varje fråga står hur svaret bedöms.

**Tips:** Ha modul 06 öppen. Sanktionstrappan (avsnitt 8) hjälper dig i fråga 1–3 och 9, men svaret skriver du här.

**Alla fall är påhittade exempel.** Kommunerna finns, men avtalen och händelserna är påhittade.

**Tänk på:** ges kursen av en kommun eller av GR kan det du lämnar in bli en allmän handling som vem som helst kan begära att få läsa (2 kap. tryckfrihetsförordningen). Skriv inga uppgifter om enskilda personer i dina svar.
""", grade_id="intro")]

    cells += letter_question(1, 2, """
**Lokalvård i Mölndal (påhittat exempel).** Avtalet har samma villkor som kursens kravbilaga. Vitesklausulen ger befrielse för en plats som har anmälts minst sex veckor före delmålet. Leverantören anmälde behovet av en person till kommunens funktionsbrevlåda åtta veckor före delmålet och skrev vilka krav platsen har. Den matchningsansvariga svarade skriftligt i tid att det inte fanns någon kandidat som uppfyllde kraven. Vid delmålet saknas de heltidsmånaderna. Vad gäller för den platsen?
""", {"A": "Vite, eftersom platsen inte är tillsatt och leverantören har ansvaret för rekryteringen.",
      "B": "Befrielse från vite, och åtagandet minskas med platsens heltidsmånader.",
      "C": "Vite, men först när leverantören har fått lämna en plan som kommunen kan godta.",
      "D": "Befrielse bara om leverantören också anmälde behovet till Arbetsförmedlingen."},
        "B", "B. Anmälan kom i tid till en förmedlare, och ingen kandidat som uppfyllde kraven föreslogs. Då gäller befrielsen i klausulen, och åtagandet minskas (kursens kravbilaga, A5). Vilken förmedlare leverantören anmälde till spelar ingen roll.")

    cells += letter_question(2, 2, """
**Första förseningen.** Avtalet har samma villkor om rapportering och sanktioner som kursens kravbilaga. Leverantörens kvartalsrapport har inte kommit in, tre veckor efter sista dag. Det är första gången. Vilket är nästa steg?
""", {"A": "En skriftlig anmaning, till exempel ett mejl, med en ny sista dag för rapporten.",
      "B": "Vite från sista dagen, per påbörjad vecka tills rapporten har kommit in.",
      "C": "Hävning, eftersom leverantören inte har följt villkoret om rapportering.",
      "D": "Ingenting ännu: en sen rapport är inget avtalsbrott förrän den andra är sen."},
        "A", "A. Enligt kursens kravbilaga (A5) och UHM:s råd får leverantören först rätta bristen; vite utgår när tiden för rättelse efter anmaningen har gått ut. En enstaka sen rapport är inte ett väsentligt avtalsbrott, så hävning är fel.")

    cells += letter_question(3, 2, """
**Bygg i Kungälv (påhittat exempel).** Avtalet saknar vitesklausul. Entreprenören har inte nått delmålet för året och har inte rättat bristen efter en skriftlig anmaning. Beställaren föreslår att kommunen skickar ett brev där den inför ett vite från och med nästa månad. Vad stämmer?
""", {"A": "Det går, om kommunen först ger entreprenören skriftligt besked och 30 dagars varsel.",
      "B": "Det går, eftersom LOU ger kommunen rätt att ta ut vite när ett villkor inte uppfylls.",
      "C": "Det går inte. Vitet skulle ha stått i upphandlingsdokumenten; kommunen kan inte ändra avtalet själv.",
      "D": "Det går inte, och eftersom avtalet saknar vite måste kommunen i stället häva avtalet för kravets del."},
        "C", "C. Vite finns bara om det är avtalat. Ett nytt vite efter tilldelningen är en ändring av kontraktet, och den kan kommunen inte göra på egen hand med ett brev (17 kap. 9–14 §§ LOU). Fortsätt med anmaning och dialog, och skriv in vite i nästa upphandling.")

    cells += letter_question(4, 2, """
**Praktik eller anställning.** En person gör arbetspraktik via Arbetsförmedlingen hos leverantören i tre månader. Vad stämmer för personen?
""", {"A": "Personen är inte anställd, men leverantören betalar en praktikersättning varje månad.",
      "B": "Personen är anställd av leverantören under praktiken, men omfattas inte av LAS.",
      "C": "Personen är inte anställd, och arbetsmiljöansvaret ligger kvar hos Arbetsförmedlingen.",
      "D": "Personen är inte anställd och får ingen lön. Arbetsplatsen har arbetsmiljöansvaret."},
        "D", "D. Arbetspraktik är inte en anställning och ger ingen lön (Arbetsförmedlingen; 7 § lagen (2000:625)). Deltagaren kan få ersättning som Försäkringskassan betalar ut, och den som tar emot praktikanten har arbetsmiljöansvaret (Arbetsmiljöverket).")

    cells += letter_question(5, 2, """
**Underlag om målgruppen.** Leverantören har själv rekryterat en person och ska visa att personen tillhör målgruppen *personer som har varit inskrivna som arbetssökande hos Arbetsförmedlingen i minst tolv månader*. Vilket underlag är bäst?
""", {"A": "Arbetsförmedlingens beslut om stöd, som också visar varför personen har varit utan arbete.",
      "B": "Ett intyg som bara visar att personen tillhör målgruppen, och som kommunen ser i stickprov.",
      "C": "En kopia av intyget, som leverantören skickar till kommunen tillsammans med kvartalsrapporten.",
      "D": "Personens cv med perioderna utan arbete, som leverantören sparar i personalakten."},
        "B", "B. Underlaget ska bara visa att personen tillhör målgruppen och inte mer (uppgiftsminimering, artikel 5.1 c i dataskyddsförordningen). Kommunen ser det i stickprov hos leverantören och tar inte emot kopior. Skälen till arbetslösheten kan röja hälsouppgifter, som är känsliga personuppgifter (artikel 9).")

    cells += letter_question(6, 2, """
**Lokalvård i Öckerö (påhittat exempel).** Kommunen avropar lokalvård från ett ramavtal som en inköpscentral har upphandlat. Ramavtalet och dess upphandlingsdokument säger inget om sysselsättning och ger inget utrymme för nya villkor vid avrop. Kommunen vill att leverantören ska erbjuda två praktikplatser. Vad kan kommunen göra?
""", {"A": "Skriva in kravet i avropet, eftersom kommunen själv bestämmer över sina avrop.",
      "B": "Ställa kravet vid en förnyad konkurrensutsättning mellan ramavtalets leverantörer.",
      "C": "Kräva platserna och stänga av leverantören från nya avrop om den säger nej.",
      "D": "Be inköpscentralen om villkoret nästa gång, och ställa kravet i egna upphandlingar."},
        "D", "D. Ett avrop får inte avvika väsentligt från ramavtalets villkor (7 kap. LOU; Statens inköpscentral). Ger ramavtalet inget utrymme, kan kravet inte heller ställas vid en förnyad konkurrensutsättning. Kommunen påverkar före nästa upphandling och använder kravet där den själv upphandlar. Den kan också be leverantören om en frivillig plats, men inte kräva den.")

    cells += [md("""
## Fråga 7 (2 poäng)

**Förtida avslut i Partille (påhittat exempel).** Avtalet bygger på UHM:s villkor (krav-ID 11554) och har regeln om förtida avslut som modul 06 beskriver i avsnitt 4. Leverantören har fem anställningar ur målgruppen, och varje anställning ska omfatta **8 månader** på heltid. Så här gick det:

| Plats | Vad hände |
|---|---|
| 1 | Personen arbetade alla 8 månader. |
| 2 | Personen sa själv upp sig efter 7 månader för ett annat jobb. |
| 3 | Personen sa själv upp sig efter 6 månader. |
| 4 | Personen sa själv upp sig efter 5 månader. |
| 5 | Leverantören avslutade anställningen efter 7 månader utan sakliga skäl för uppsägning. |

För hur många av de fem platserna räknas åtagandet som uppfyllt?

Svara med ett tal utan citattecken, till exempel `1`.
""", grade_id="fraga_7"),
        answer("antal_uppfyllda", "antal_uppfyllda = None  # Ersätt None med ett tal, t.ex. 1", "antal_uppfyllda = 3"),
        selfcheck_test("test_antal_uppfyllda", 2, f"{MODULE}-7", "antal_uppfyllda", 3, kind="tal",
                       explanation="Tre fjärdedelar av 8 månader är 6 månader (0,75 × 8). Plats 1 är fullgjord. Plats 2 och 3 räknas, eftersom personen slutade själv efter minst 6 månader. Plats 4 räknas inte: 5 månader är mindre än 6. Plats 5 räknas inte: regeln gäller bara när personen slutar själv eller arbetsgivaren har sakliga skäl eller grund för avskedande (UHM, krav-ID 11554; kursens kravbilaga, A1).",
                       hidden="assert is_correct(antal_uppfyllda, sum(m >= 8 * 3 / 4 for m in (8, 7, 6, 5)), kind=\"tal\"), \"Fråga 7: svaret är inte godkänt.\"")]

    cells += [md(f"""
## Fråga 8 (4 poäng, bedöms av kursledaren)

**En rutin för Mölndal (påhittat exempel).** Mölndals stad ska upphandla lokalvård i förskolor med ett sysselsättningskrav. Skriv en kort rutin mellan upphandlingsenheten och arbetsmarknadsenheten. Ta med minst **fyra** av UHM:s sex steg och skriv för varje steg **vad** som görs, **vem** som gör det och **när**. Säg också

- hur en anmälan om behov från leverantören tas emot och dokumenteras,
- vad som händer när den matchningsansvariga inte har någon kandidat, och
- hur rutinen hanterar uppgifter om enskilda arbetssökande.

{WRITE_HERE}

**Så bedöms svaret** (4 poäng)

- 4 p: minst fyra steg, vart och ett med vad, vem och när, *och* alla tre punkterna: anmälan tas emot och dokumenteras (till exempel kvitteras och loggas med datum), det finns ett svar när kandidat saknas (till exempel skriftligt besked i tid och breddat sökande), och avtalsförvaltaren får antal medan uppgifter om personerna stannar hos arbetsmarknadsenheten (uppgiftsminimering, artikel 5.1 c, eller sekretess om en sekretessbestämmelse gäller).
- 3 p: som ovan, men en del är svag eller saknas: till exempel saknas vem eller när i ett steg, eller en av de tre punkterna.
- 2 p: två eller tre steg beskrivna konkret, eller fyra steg utan vem och när, eller två av de tre punkterna saknas.
- 1 p: en allmän beskrivning av samarbete utan steg.
- 0 p: inget svar, eller ett svar som inte handlar om frågan.
""", grade_id="fraga_8"),
        manual_answer("svar_8", 4, """
*Exempelsvar:* **Planera** (september året före, upphandlare och matchningsansvarig): vi går igenom upphandlingsplanen och väljer lokalvården i förskolor. **Kartlägga** (oktober, arbetsmarknadsenheten): vi tar reda på hur många arbetssökande i målgruppen som har erfarenhet av eller utbildning i lokalvård. **Analysera** (november, upphandlaren med stöd av matchningsansvarig): vi bedömer antal heltidsmånader utifrån avtalets omfattning och längd. I upphandlingsdokumenten står en funktionsbrevlåda, inte en person, och att den matchningsansvariga svarar inom två veckor med kandidater eller ett skriftligt besked om att det inte finns några. **Implementera** (vid avtalsstart, avtalsförvaltare, matchningsansvarig och leverantör): startmöte om hur leverantören anmäler behov och skriver kraven för platsen, om introduktion och handledning; leverantören rapporterar varje kvartal i rapportmallen. **Förvalta** (sista avtalsåret, alla): utvärdering och lärdomar till nästa upphandling.

*Anmälan:* den matchningsansvariga kvitterar varje anmälan samma dag och för in den i en logg med datum för anmälan, kraven, datum för svaret och antal förslag, utan namn. Funktionsbrevlådan bevakas också under semestrar. *Ingen kandidat:* den matchningsansvariga svarar skriftligt inom två veckor, breddar sökandet tillsammans med Arbetsförmedlingen och grannkommunerna, och avtalsförvaltaren får loggen så att det går att se om befrielsen från vite gäller. *Uppgifter om enskilda:* avtalsförvaltaren får bara antal (uppgiftsminimering, artikel 5.1 c). Uppgifterna om personerna stannar hos arbetsmarknadsenheten; omfattas de av en sekretessbestämmelse gäller sekretessen också mot andra nämnder (8 kap. 1 § OSL). Kandidatuppgifter lämnas till leverantören bara med kandidatens skriftliga samtycke, och bara det som behövs för platsen.
"""),
        example_answer_cell(MODULE, "svar_8")]

    cells += [md(f"""
## Fråga 9 (4 poäng, bedöms av kursledaren)

**Ingen kandidat – eller? (påhittat exempel).** En entreprenör i Kungälv har inte nått delmålet för första avtalsåret. Avtalet har villkor som kursens kravbilaga: rättelse med en plan som beställaren godtar, vite om ingen godtagbar plan kommer eller planen inte följs, och följande befrielse: *vite utgår inte för en plats som leverantören senast sex veckor före delmålet skriftligen har anmält till kommunens matchningsansvariga, till Arbetsförmedlingen eller till någon annan som förmedlar arbetssökande, om leverantören inte har fått förslag på någon kandidat som uppfyller kraven i anmälan; vite utgår inte heller om bristen beror på omständigheter utanför leverantörens kontroll.* Entreprenören säger att den anmälde behovet, men den matchningsansvarigas logg visar att anmälan kom **två veckor** före delmålet, och den matchningsansvariga hann inte föreslå någon. Entreprenören vände sig inte till någon annan förmedlare. Du är avtalsförvaltare. Gäller befrielsen? Vilket steg i sanktionstrappan tar du, vad dokumenterar du, och vad skulle du vilja ändra inför nästa upphandling?

{WRITE_HERE}

**Så bedöms svaret** (4 poäng)

- 4 p: konstaterar att befrielsen inte gäller eftersom anmälan kom senare än sex veckor före delmålet (godta också en prövning av om något utanför entreprenörens kontroll förklarar bristen, och att entreprenören själv kunde ha vänt sig till Arbetsförmedlingen), *och* väljer rättelse – en skriftlig anmälan om bristen och en begäran om en plan – före vite, *och* nämner vad som dokumenteras (till exempel loggen med datum för anmälan och svar, anmaningen, planen), *och* föreslår en rimlig förändring (till exempel anmälningsrutinen på startmötet, en bevakad funktionsbrevlåda, en annan tidsfrist) eller resonerar om proportionalitet.
- 3 p: rätt bedömning av befrielsen och rätt steg, men dokumentation eller förändring saknas.
- 2 p: rätt bedömning av befrielsen men fel steg (till exempel vite direkt), eller rätt steg utan att pröva befrielsen.
- 1 p: ett allmänt resonemang utan bedömning av befrielsen.
- 0 p: inget svar, eller ett svar som inte handlar om frågan.
""", grade_id="fraga_9"),
        manual_answer("svar_9", 4, """
*Exempelsvar:* Befrielsen gäller inte. Klausulen kräver att behovet anmäls senast sex veckor före delmålet, och loggen visar att anmälan kom två veckor före. Inget tyder på att bristen beror på något utanför entreprenörens kontroll: entreprenören kunde själv ha vänt sig till Arbetsförmedlingen eller någon annan i tid. Det är inte det sista delmålet, så jag börjar med rättelse: jag anmäler skriftligt att delmålet inte är nått och ber entreprenören lämna en plan inom den tid avtalet anger, med datum då platserna ska tillsättas. Jag påminner om att entreprenören också får rekrytera på egen hand. Kommer ingen plan som vi kan godta, eller följs den inte, tar kommunen ut vite enligt klausulen, per heltidsmånad som saknas och upp till taket. Jag dokumenterar loggen (datum för anmälan och svar), anmaningen, planen och entreprenörens svar, och hur ett eventuellt vite räknas. Inför nästa upphandling vill jag att anmälningsrutinen gås igenom på startmötet och skrivs ned, och att funktionsbrevlådan bevakas hela året, så att ingen missar fristen.
"""),
        example_answer_cell(MODULE, "svar_9")]

    cells += letter_question(10, 2, """
**Du är matchningsansvarig (påhittat exempel, Lerum).** Leverantören anmäler behov av två lokalvårdare i en skola. Passet börjar 05.30. I anmälan står att platsen kräver B-körkort, men arbetet görs på en och samma skola. Du har tre kandidater som uppfyller allt utom körkortet. Avtalet ger dig två veckor att svara. Vad gör du?
""", {"A": "Väntar med svaret tills du har hittat kandidater med körkort, även om det tar mer än två veckor.",
      "B": "Svarar i tid att det inte finns någon kandidat, eftersom ingen uppfyller kraven i anmälan.",
      "C": "Svarar skriftligt i tid, föreslår kandidaterna och frågar varför körkort behövs för arbetet.",
      "D": "Skickar kandidaternas cv och deras bakgrund till leverantören, så att den själv kan välja."},
        "C", "C. Svara i tid och skriftligt. Kraven i anmälan ska vara sakligt motiverade av arbetet; ett krav på körkort för arbete på en och samma skola behöver förklaras, och är ni oense avgör beställaren efter samråd med dig (kursens kravbilaga, A5). Handlar körkortet om att ta sig till skolan 05.30, fråga kandidaterna hur de kan ta sig dit: det är en fråga för matchningen, inte ett krav på arbetet. Att svara att det inte finns någon kandidat kan ge leverantören befrielse från vite i onödan. Uppgifter om kandidaterna lämnas bara med deras samtycke och bara det som behövs.")

    cells.append(md("""
## Klart!

Spara (**Ctrl + S**), klicka **Validate** och lämna in (**Submit**). Ta med dig rapportmallen från modul 06 och kravbilagan från modul 02 till nästa upphandling.
""", grade_id="slut"))
    return cells


def main() -> None:
    course_cells = lecture()
    link_glossary(course_cells)
    write(notebook(course_cells, kurs=KURS), REPO / "course" / f"{NAME}.ipynb")
    write(notebook(exercise()), REPO / "solutions" / NAME / f"{NAME}.ipynb")
    print(f"skrev course/{NAME}.ipynb och solutions/{NAME}/{NAME}.ipynb")


if __name__ == "__main__":
    main()
