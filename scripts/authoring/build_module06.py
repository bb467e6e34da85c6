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
    "tid_lasning_min": 45,
    "tid_ovning_min": 40,
    "titel": TITLE,
}


def lecture() -> list:
    cells = []
    cells.append(md(f"""
# Modul 06 – {TITLE}

Okända ord? Se [ordlistan](ordlista.ipynb).

I modul 02 skrev du ett sysselsättningskrav och en kravbilaga. Kravet är ett särskilt kontraktsvillkor: det gäller när kontraktet fullgörs, inte när anbudet lämnas (17 kap. 1 § LOU). Den här modulen handlar alltså om det som händer sedan: hur ett avtal blir ett jobb för en person. Den är skriven för dig som är **matchningsansvarig** eller arbetar på **arbetsmarknadsenheten**, och för dig som är **avtalsförvaltare** (kontraktsansvarig) och följer upp avtalet. Upphandlaren har också nytta av den.

*Senast granskad: {REVIEWED}*
"""))
    cells.append(md("""
## Frågor

""" + "\n".join(f"- {q}" for q in FRAGOR) + """

## Lärandemål

När du har gått igenom modulen kan du

""" + "\n".join(f"{i}. {m[0].lower() + m[1:-1]}{',' if i < len(LARANDEMAL) else '.'}"
                for i, m in enumerate(LARANDEMAL, start=1)) + """

## Tid

- Läsning och widgetar: cirka 45 minuter
- Övningen `06_fran_krav_till_jobb`: cirka 40 minuter
""", tags=["bild"]))

    # 1 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 1. Sex steg sedda från den matchningsansvariga

Upphandlingsmyndigheten (UHM) beskriver arbetet med sysselsättningskrav utifrån inköpsprocessen. Processen har tre faser: förbereda, upphandla och realisera. Förberedelsen delas i sin tur i planera, kartlägga och analysera. Det blir sex steg. Den matchningsansvariga är med i hela processen, men har en särskilt viktig roll när det gäller att förstå målgruppen och rekrytera ur den ([UHM, *Matchningsansvarig – stöd vid sysselsättningskrav*]({UHM_MATCH})).

| Steg | Vad den matchningsansvariga gör (UHM:s råd i kursens ord) |
|---|---|
| **1. Planera** – börja dialogen | Utser kontaktpersoner, tar kontakt med företag och branschorganisationer, avsätter tid och tar fram rutiner för arbetet – också för uppföljningen. Informerar internt, och gör det igen när nya personer börjar. |
| **2. Kartlägga** – förstå målgruppen | Tar reda på vilka arbetssökande som finns, vad de kan och hur arbetsmarknaden ser ut nu och framåt. |
| **3. Analysera** – ge stöd | Svarar på arbetsmarknadsfrågor när upphandlaren bedömer om ett krav passar i upphandlingen: finns det personer som kan göra just det här arbetet? |
| **4. Upphandla** | Upphandlingen genomförs. Här har upphandlaren mest att göra och den matchningsansvariga minst. |
| **5. Implementera** – stöd till leverantören | Hjälper leverantören att hitta de personer som ska erbjudas arbete eller praktik. |
| **6. Förvalta** – lär av erfarenheterna | Utvärderar när kontraktet närmar sig slutet: nådde ni målen, och vad gör ni annorlunda nästa gång? |

Den matchningsansvariga kan vara kommunens arbetsmarknadsverksamhet eller Arbetsförmedlingen, alltså den som känner de arbetssökande bäst (samma källa). Tänk på att den matchningsansvariga erbjuder stöd men inte är den enda vägen till en plats: leverantören får också rekrytera på egen hand, via Arbetsförmedlingen, Eures eller en annan aktör ([UHM, *Rekrytering av person från avsedda målgruppen*]({UHM_REKR})).

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
| I upphandlingsdokumenten | Kontaktväg till den matchningsansvariga, hur matchningen går till och hur snabbt kandidater föreslås (kursens kravbilaga, del A, A4). Aldrig en namngiven person. | Upphandlare |
| Vid avtalsstart | Startmöte: hur leverantören anmäler behov, hur introduktion och handledning går till, när rapporterna kommer. | Avtalsförvaltare, matchningsansvarig, leverantör |
| Varje kvartal | Leverantörens rapport i rapportmallen. Avvikelser tas upp. | Leverantör rapporterar, avtalsförvaltaren granskar |
| När något går fel | Matchningsansvarig och avtalsförvaltare stämmer av innan en anmaning skickas (avsnitt 8). | Avtalsförvaltare |
| När avtalet går mot sitt slut | Utvärdering och lärdomar till nästa upphandling. | Alla |

**Sekretess gäller också inne i kommunen.** Sekretess gäller som huvudregel även mellan myndigheter och mellan nämnder i samma kommun (8 kap. 1–2 §§ offentlighets- och sekretesslagen (2009:400), OSL; [CVE]({CVE_OSL})). Ligger upphandlingen under kommunstyrelsen och arbetsmarknadsenheten under en annan nämnd, kan enheterna alltså inte fritt lämna uppgifter om enskilda arbetssökande till varandra. Bygg därför rutinen så att avtalsförvaltaren får **antal**, och låt uppgifterna om personerna stanna hos arbetsmarknadsenheten.

**Påhittat exempel: lokalvård i Mölndal.** Mölndals stad ska upphandla lokalvård i förskolor, fyra år med option. Arbetsmarknadsenheten har sett upphandlingen i planen ett år i förväg och kartlagt att flera arbetssökande har gått en kort utbildning i lokalvård. I upphandlingsdokumenten står att leverantören anmäler behov av personal sex veckor i förväg till en gemensam funktionsbrevlåda, och att den matchningsansvariga svarar inom två veckor med kandidater eller ett skriftligt besked om att det inte finns några. Vid startmötet går de igenom hur det fungerar i praktiken. Tiderna bestäms före upphandlingen, eftersom de är en del av avtalet.
""", tags=["bild"]))

    # 3 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 3. Anställning eller praktik – vad det betyder för personen

UHM:s villkor låter kommunen välja om leverantören ska erbjuda anställning eller praktik (modul 02). För personen är skillnaden stor:

| | Anställning hos leverantören | Arbetspraktik via Arbetsförmedlingen |
|---|---|---|
| **Är personen anställd?** | Ja. Leverantören är arbetsgivare. | Nej. Arbetspraktik är inte en anställning ([Arbetsförmedlingen, *Arbetspraktik*]({AF_PRAKTIK})). Den som deltar i ett arbetsmarknadspolitiskt program räknas inte som arbetstagare, utom vid vissa anställningar med stöd (7 § lagen (2000:625) om den arbetsmarknadspolitiska verksamheten; [Arbetsmiljöverket]({AV_PRAKTIK})). |
| **Pengar** | Lön från leverantören. | Ingen lön. Deltagaren kan få ersättning som Försäkringskassan betalar ut (Arbetsförmedlingen). |
| **Försäkring** | Som andra anställda hos arbetsgivaren. | Deltagaren är försäkrad under praktiken (Arbetsförmedlingen). |
| **Anställningsskydd** | Anställningen regleras av lagen (1982:80) om anställningsskydd (LAS), om inte ett kollektivavtal som leverantören är bunden av säger något annat ([UHM:s villkor, krav-ID 11554]({UHM_KRIT})). | LAS gäller inte, eftersom personen inte är anställd. |
| **Arbetsmiljö** | Leverantören har arbetsmiljöansvaret som arbetsgivare. | Den som tar emot praktikanten har arbetsmiljöansvaret ([Arbetsmiljöverket]({AV_PRAKTIK})). |
| **Vem bestämmer?** | Leverantören väljer vem den anställer (kursens kravbilaga, A4). | Arbetsförmedlingen bedömer och beslutar om praktiken ska beviljas, utifrån den arbetssökandes behov. |

Tabellen gäller arbetspraktik som Arbetsförmedlingen beslutar om. Praktik eller arbetsträning som kommunens arbetsmarknadsenhet själv ordnar kan ha andra villkor för ersättning och försäkring, till exempel när personen får ekonomiskt bistånd. Fråga enheten vad som gäller innan platsen börjar.

**Anställning med stöd.** Arbetsförmedlingen kan ge arbetsgivaren ekonomiskt stöd när den anställer någon som har varit utan arbete länge eller är ny i Sverige, till exempel **nystartsjobb**. Personen ska vara inskriven som arbetssökande hos Arbetsförmedlingen och får inte redan vara anställd när myndigheten beslutar. Ansök alltså innan anställningen börjar. LAS gäller för den som är anställd med nystartsjobb ([Arbetsförmedlingen, *Nystartsjobb*]({AF_NYSTART})). Arbetsförmedlingen bedömer varje fall och räknar ut beloppet. Kursen anger inga belopp, eftersom de ändras. Skriv i villkoret om en anställning med stöd räknas in i åtagandet, så att ingen behöver gissa.

**Handledning.** Både en ny anställd och en praktikant behöver en handledare på arbetsplatsen. Arbetsförmedlingen skriver att det är viktigt att en handledare finns tillgänglig under praktiken, och UHM nämner arbetsmiljö, utbildning och handledning bland det som påverkar om leverantören klarar kravet ([UHM, *Framgångsfaktorer*]({UHM_FRAMG})). Prata därför om handledningen redan på startmötet: vem är handledare, hur mycket tid får den, och vem ringer leverantören om något inte fungerar? Kursens uppskattning är att en handledare behöver några timmar i veckan de första veckorna; det är ingen mätning.
""", tags=["bild"]))

    # 4 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 4. När inga kandidater kan erbjudas

Det händer att den matchningsansvariga inte har någon lämplig kandidat när leverantören behöver en. Då gäller det som står i avtalet, så villkoret måste säga vad som händer. UHM:s villkor lägger ansvaret för att ta initiativ till rekryteringen på leverantören. Leverantören kan få stöd av Arbetsförmedlingen eller kommunen, men rekryterar den själv ska den kunna visa att personen tillhör målgruppen ([UHM, *Rekrytering*]({UHM_REKR})). När villkoret gäller anställning säger UHM:s villkor också att minst en anställning ska ha påbörjats eller erbjudits senast sex månader efter kontraktets start ([krav-ID 11554]({UHM_KRIT})).

Kursens kravbilaga från modul 02 hanterar frågan i två steg:

1. **Matchningen (A4):** den matchningsansvariga föreslår kandidater inom [x] veckor efter leverantörens anmälan. Leverantören bestämmer själv om anställning och får rekrytera på egen hand eller via någon annan.
2. **Vitesklausulen (A5):** vite utgår inte om leverantören i tid har anmält behovet och inte har fått förslag på någon lämplig kandidat. Cellen nedanför visar klausulen, direkt från bilagan.
"""))
    cells.append(code("""
from upphandlingskurs.documents.requirement_annex import EXAMPLE_VITE

print(EXAMPLE_VITE)
"""))
    cells.append(md("""
När det inte finns någon kandidat gör den matchningsansvariga så här:

- **Svara i tid och skriftligt**, även när svaret är nej. Leverantören behöver beskedet för att visa att undantaget gäller.
- **Bredda sökandet** tillsammans med leverantören: Arbetsförmedlingen, andra kommuner i regionen eller leverantörens egna kanaler.
- **Ta reda på varför.** Var målgruppen för snävt avgränsad, låg behovet vid fel tid på året, eller krävdes körkort eller språkkunskaper som ingen hade? Ta med lärdomen till nästa upphandling (steg 6).
"""))

    # 5 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 5. Hur leverantören visar att en person tillhör målgruppen

Kommunen behöver kunna kontrollera att platserna går till målgruppen. Men kontrollen får inte bli en insamling av uppgifter om personernas liv. Dataskyddsförordningen kräver att uppgifterna är adekvata, relevanta och inte för omfattande i förhållande till ändamålet (uppgiftsminimering, artikel 5.1 c i [dataskyddsförordningen]({GDPR})).

Kursens kravbilaga (A3) låter leverantören visa det på ett av två sätt:

- **(a)** personen har anvisats av kommunens matchningsansvariga, eller
- **(b)** personen visar själv ett skriftligt underlag, till exempel ett intyg, som visar att personen tillhör målgruppen.

Underlaget ska bara visa **att** personen tillhör målgruppen, inte **varför** eller något annat om personen. Kommunen får i stickprov se underlaget hos leverantören, bara när det behövs för att kontrollera villkoret. Kommunen tar inte emot kopior.

**Det här ska kommunen inte samla in:** kopior av personens akt hos Arbetsförmedlingen eller socialtjänsten, diagnoser eller andra hälsouppgifter, eller listor med personnummer i leverantörens rapporter. Uppgifter om hälsa är känsliga personuppgifter (artikel 9 i dataskyddsförordningen). Avgränsa därför målgruppen så att underlaget inte behöver innehålla hälsouppgifter, och låt en anvisning från den matchningsansvariga räcka. Vilka intyg personerna i er målgrupp kan få, och av vem, har kursen inte kontrollerat. Ta reda på det innan villkoret används.
""", tags=["bild"]))

    # 6 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 6. Personuppgifter och sekretess

Några grundregler ur [dataskyddsförordningen]({GDPR}) och offentlighets- och sekretesslagen (2009:400):

- **Bara för ett bestämt syfte och inte mer än som behövs** (artikel 5.1 b och 5.1 c). Uppgifter som samlas in för att följa upp villkoret får inte användas på ett sätt som inte är förenligt med det syftet.
- **Inte längre än som behövs** (artikel 5.1 e). Bestäm i förväg hur länge uppföljningen sparas.
- **En rättslig grund** (artikel 6). För en kommun är grunden oftast att behandlingen behövs för en uppgift av allmänt intresse (artikel 6.1 e), och uppgiften ska ha stöd i svensk rätt (artikel 6.3 och lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning). Leverantören är som arbetsgivare personuppgiftsansvarig för uppgifterna om sina egna anställda.
- **Sekretess.** Uppgifter om enskilda kan vara sekretessbelagda, till exempel inom socialtjänsten (26 kap. 1 § offentlighets- och sekretesslagen). Vilken sekretessregel som gäller hos er arbetsmarknadsenhet beror på hur verksamheten är organiserad; fråga kommunens jurist. Uppgifter om en kandidat lämnas till leverantören bara med kandidatens samtycke (kravbilagan, A4).
- **Rapporten är en allmän handling** när den har kommit in till kommunen (2 kap. 4 och 9 §§ tryckfrihetsförordningen). Den lämnas ut om inte uppgifterna omfattas av sekretess. Vid små tal, en eller två personer, kan även antal peka ut någon.

| Vem | Får veta |
|---|---|
| Leverantören | Uppgifter om de personer den anställer eller tar emot, som arbetsgivare eller praktikplats. |
| Avtalsförvaltaren | Antal: tillsatta platser och fullgjorda heltidsmånader per kvartal. Inga namn. |
| Arbetsmarknadsenheten | Uppgifter om personerna den stöttar, och om de har arbete 6 och 12 månader efter platsen, med den enskildes medverkan. |
| Ledningen | Sammanställda tal för alla avtal. |

Bestäm tillsammans med dataskyddsombudet, innan upphandlingen, vem som ansvarar för vilken behandling.
""", tags=["bild"]))

    # 7 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 7. Uppföljning i praktiken

UHM råder att bestämma redan när upphandlingen planeras vem som följer upp, och att se till att det finns tid och kompetens ([UHM, *Uppföljning*]({UHM_UPPF})). Tabellen visar vad som rapporteras, när och av vem. Timmarna är **kursens uppskattning** för ett avtal med några platser, inte en mätning: räkna med er egen erfarenhet.

| Vad | När | Vem | Tid (kursens uppskattning) |
|---|---|---|---|
| Startmöte med leverantören | Vid avtalsstart | Avtalsförvaltare, matchningsansvarig, leverantör | 3–4 timmar med förberedelse |
| Rapport i rapportmallen: tillsatta platser och fullgjorda heltidsmånader, bara antal | Senast [30] dagar efter varje kvartal (kravbilagan, A2) | Leverantören fyller i, avtalsförvaltaren granskar | cirka 1 timme per kvartal |
| Uppföljningsmöte | Två gånger om året, och när något avviker | Avtalsförvaltare, leverantör, matchningsansvarig | cirka 2 timmar per gång |
| Har personen arbete 6 och 12 månader efter platsen? | 6 och 12 månader efter att platsen slutade | Arbetsmarknadsenheten, med den enskildes medverkan | cirka en halvtimme per person och tillfälle |
| Sammanställning till ledningen | En gång om året | Avtalsförvaltare och matchningsansvarig | cirka 4 timmar |

Sammanlagt blir det enligt kursens uppskattning 15–20 timmar per avtal det första året. Det är en kostnad som bör finnas med när kommunen bestämmer sig för kravet.

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

1. **Rättelse.** Beställaren anmäler bristen skriftligt och ger leverantören en tid att rätta den. Leverantören ska i första hand få rätta bristen ([UHM, *Hantering av brister*]({UHM_BRISTER})).
2. **Vite.** Rättas inte bristen i tid får beställaren ta ut vite, om avtalet har en vitesklausul.
3. **Hävning.** Fortsätter bristen trots anmaning och vite får beställaren häva avtalet, helt eller delvis, om avtalet ger den rätten. Hävning är det sista steget. Saknar avtalet en hävningsklausul för villkoret: fråga er upphandlingsjurist innan ni gör något. Vid ett ramavtal kan en mildare väg vara att stänga av leverantören från avrop, om det står i upphandlingsdokumenten (samma källa).

Alla sanktioner ska stå i upphandlingsdokumenten och vara proportionerliga i förhållande till hur allvarlig bristen är (samma källa).

**Vite är ett avtalsvillkor, inte en lag.** Vitet finns bara om det står i avtalet, och det ska ha stått i upphandlingsdokumenten från början. Att lägga till ett vite efter tilldelningen är en ändring av kontraktet, och ett upphandlat kontrakt får som huvudregel inte ändras utan en ny upphandling (17 kap. 9–14 §§ LOU; [UHM, *Ändringar av avtal*]({UHM_ANDRING})). Ett vite som inte är skäligt kan jämkas av domstol (36 § lagen (1915:218) om avtal och andra rättshandlingar på förmögenhetsrättens område).

**En vitesklausul som går att använda** har platshållare inom hakparentes som kommunen fyller i, ett tak per avtalsår, en tid för rättelse och ett undantag när inga kandidater finns. Klausulen i avsnitt 4 är byggd så; beloppen lämnar kursen tomma med avsikt. Låt kommunens upphandlingsjurist granska klausulen innan den används.

Pröva trappan: välj vad som har hänt och svara på frågorna.
""", tags=["bild"]))
    cells.append(code("""
from upphandlingskurs.widgets.matchning import sanktionstrappan_widget

sanktionstrappan_widget()
"""))
    cells.append(md("""
**Påhittat exempel: bygg i Kungälv.** Kungälvs kommun har en byggentreprenad med krav på sammanlagt 36 heltidsmånader, och delmålet för första året är 12. Vid årets slut har entreprenören fullgjort 6. Entreprenören anmälde aldrig något behov till den matchningsansvariga. Avtalsförvaltaren skickar en skriftlig anmaning med 30 dagars rättelsetid (steg 1). När tiden har gått ut utan rättelse tar kommunen ut vite enligt klausulen, per heltidsmånad som saknas och upp till taket (steg 2). Undantaget gäller inte, eftersom entreprenören inte har anmält något behov. Pröva fallet i widgeten: *Leverantören har inte nått delmålet*, anmaning Ja, vitesklausul Ja och Nej på de andra frågorna.
"""))

    # 9 -------------------------------------------------------------------------------------------------------
    cells.append(md(f"""
## 9. Ramavtal och avrop – och den lilla kommunen

Ramavtal är vanliga: år 2020 gällde 40 procent av de annonserade upphandlingarna ramavtal (UHM, *Ramavtal*). Ramavtal regleras i 7 kap. LOU. Ett ramavtal bestämmer villkoren för de avrop som görs senare, och bara de myndigheter som anges i ramavtalet får avropa från det ([UHM, *Ramavtal*]({UHM_RAMAVTAL})). Det har två följder för ett sysselsättningskrav:

- **Villkoret ska finnas i ramavtalet.** Ett krav kan gälla hela ramavtalet eller vissa avrop, men kommunen kan inte vid avropet lägga till ett nytt villkor som ramavtalet inte ger utrymme för: villkoren i ett ramavtal får aldrig ändras på ett väsentligt sätt ([Statens inköpscentral, *Frågor och svar*]({AVROPA_FAQ})).
- **Sanktionen kan vara avstängning från avrop**, om det står i upphandlingsdokumenten ([UHM, *Hantering av brister*]({UHM_BRISTER})).

**Vad kan en liten kommun som köper via ramavtal göra?**

1. **Påverka innan ramavtalet upphandlas.** Den som samordnar upphandlingen – en inköpscentral som Adda, som ägs av SKR ([Upphandling24]({U24_ADDA})) och vars ramavtal kommuner och kommunala bolag kan använda ([Adda]({ADDA})), eller en grannkommun som upphandlar för flera – behöver veta i god tid att kommunen vill ha ett villkor om sysselsättning. Delta i referensgrupper när det går.
2. **Använd det som finns.** Läs ramavtalets villkor: finns ett villkor om sysselsättning eller en möjlighet att ställa det vid avrop?
3. **Upphandla själv när det passar.** Ett avtal som kommunen upphandlar på egen hand kan ha kursens kravbilaga. Ett dialogvillkor passar bra i mindre avtal.
4. **Samarbeta om matchningen.** En liten kommun har sällan en egen matchningsfunktion för varje avtal. Samarbeta med grannkommunerna och Arbetsförmedlingen, så att leverantören har en väg in.

**Påhittat exempel: lokalvård i Öckerö.** Öckerö kommun köper lokalvård genom ett ramavtal som en inköpscentral har upphandlat. Ramavtalet saknar villkor om sysselsättning. Kommunen kan inte lägga till ett krav vid avropet. Kommunen meddelar inköpscentralen att den vill ha ett sådant villkor när ramavtalet upphandlas nästa gång, och prövar under tiden ett dialogvillkor i en egen mindre upphandling av fastighetsskötsel.

I GR:s inventering av sysselsättningskrav i bygg- och anläggningsprojekt var kompetensbrist och matchning den största utmaningen ([GR]({GR_BYGG})). Det talar för att kommunerna i regionen samarbetar om matchningen.
""", tags=["bild"]))

    # Nyckelpunkter / Läs vidare / Källor --------------------------------------------------------------------------
    cells.append(md("""
## Nyckelpunkter

- Den matchningsansvariga är med i alla sex steg, men har mest att göra när målgruppen kartläggs och när leverantören ska hitta personer (UHM). Rutiner mellan upphandlingsenheten och arbetsmarknadsenheten bestäms innan upphandlingen.
- En praktikant via Arbetsförmedlingen är inte anställd: ingen lön och inget anställningsskydd, men ersättning från Försäkringskassan och en försäkring. En anställd har lön och omfattas av LAS.
- Villkoret ska säga vad som händer när den matchningsansvariga inte har någon kandidat. Leverantören får alltid rekrytera på egen hand.
- Underlaget om målgruppen visar bara *att* personen tillhör målgruppen. Rapporterna innehåller antal, inte namn (artikel 5.1 c i dataskyddsförordningen).
- Uppföljningen tar tid: enligt kursens uppskattning 15–20 timmar per avtal det första året.
- Sanktionstrappan är rättelse, vite och hävning. Vite är ett avtalsvillkor: det finns bara om det står i avtalet från början.
- Vid ramavtal ska villkoret finnas i ramavtalet. En liten kommun påverkar före upphandlingen och samarbetar om matchningen.
""", tags=["bild"]))
    cells.append(md(f"""
## Läs vidare – för din roll

- **Matchningsansvarig och arbetsmarknadsenhet:** [UHM, *Matchningsansvarig – stöd vid sysselsättningskrav*]({UHM_MATCH}); [Arbetsförmedlingen, *Arbetspraktik*]({AF_PRAKTIK}); [Arbetsmiljöverket, *Arbetsmiljöregler för vuxna praktikanter*]({AV_PRAKTIK}).
- **Avtalsförvaltare och kontraktsansvarig:** [UHM, *Tillämpning kontraktsvillkor – Uppföljning*]({UHM_UPPF}); [UHM, *Hantering av brister*]({UHM_BRISTER}).
- **Upphandlare:** [UHM:s villkor Sysselsättningskrav, krav-ID 11554]({UHM_KRIT}); [UHM, *Ramavtal*]({UHM_RAMAVTAL}); [UHM, *Ändringar av avtal*]({UHM_ANDRING}).
- **Leverantör:** [UHM, *Rekrytering av person från avsedda målgruppen*]({UHM_REKR}); [Arbetsförmedlingen, *Nystartsjobb*]({AF_NYSTART}).
"""))
    cells.append(md(f"""
## Källor

- Lag (2016:1145) om offentlig upphandling (LOU), 7 kap. (ramavtal), 17 kap. 1 § och 17 kap. 9–14 §§: {LOU}
- Upphandlingsmyndigheten, *Matchningsansvarig – stöd vid sysselsättningskrav*: {UHM_MATCH}
- Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Rekrytering av person från avsedda målgruppen*: {UHM_REKR}
- Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Uppföljning*: {UHM_UPPF}
- Upphandlingsmyndigheten, *Tillämpning av kontraktsvillkor – Hantering av brister*: {UHM_BRISTER}
- Upphandlingsmyndigheten, Kriterietjänsten, villkoret *Sysselsättningskrav* (krav-ID 11554): {UHM_KRIT}
- Upphandlingsmyndigheten, *Framgångsfaktorer för sysselsättningskrav*: {UHM_FRAMG}
- Upphandlingsmyndigheten, *Ramavtal*: {UHM_RAMAVTAL}
- Upphandlingsmyndigheten, *Ändringar av avtal*: {UHM_ANDRING}
- Statens inköpscentral (Kammarkollegiet), avropa.se, *Frågor och svar*: {AVROPA_FAQ}
- Arbetsförmedlingen, *Arbetspraktik*: {AF_PRAKTIK}
- Arbetsförmedlingen, *Nystartsjobb*: {AF_NYSTART}
- Arbetsmiljöverket, *Arbetsmiljöregler för vuxna praktikanter i arbetsmarknadspolitiska program* (om 7 § lagen (2000:625) om den arbetsmarknadspolitiska verksamheten): {AV_PRAKTIK}
- Lag (1982:80) om anställningsskydd (LAS); lag (1915:218) om avtal och andra rättshandlingar på förmögenhetsrättens område, 36 §
- Dataskyddsförordningen (EU) 2016/679, artiklarna 5, 6 och 9: {GDPR}
- Offentlighets- och sekretesslagen (2009:400), 8 kap. 1–2 §§ och 26 kap. 1 §; tryckfrihetsförordningen 2 kap. 4 och 9 §§. Om sekretess mellan nämnder: Center mot våldsbejakande extremism (CVE), *Offentlighets- och sekretesslagen*: {CVE_OSL}
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


def letter_question(n: int, points: int, text: str, options: dict[str, str], right: str, explanation: str) -> list:
    var = f"svar_{n}"
    body = f"## Fråga {n} ({points} poäng)\n\n{text.strip()}\n\n" + "\n".join(
        f"- **{k}** {v}" for k, v in options.items()) + f"\n\n{LETTER_HINT}"
    return [md(body, grade_id=f"fraga_{n}"),
            answer(var, LETTER_STUB.format(var=var), f'{var} = "{right}"'),
            selfcheck_test(f"test_{var}", points, f"{MODULE}-{n}", var, right, kind="bokstav",
                           explanation=explanation)]


def exercise() -> list:
    cells = [md(f"""
# Övning {MODULE} – {TITLE}

Övningen ger **16 poäng** som rättas automatiskt (fråga 1–7) och **8 poäng** som kursledaren bedömer (fråga 8–9). Fråga 1–7 besvarar du med en bokstav eller ett tal – du behöver inte skriva någon kod. Fråga 8 och 9 är fall där du skriver ett eget svar; under varje fråga står hur svaret bedöms.

**Tips:** Ha modul 06 öppen. Sanktionstrappan (avsnitt 8) hjälper dig i fråga 1–3 och 9, men svaret skriver du här.

**Alla fall är påhittade exempel.** Kommunerna finns, men avtalen och händelserna är påhittade.

**Tänk på:** ges kursen av en kommun eller av GR kan det du lämnar in bli en allmän handling som vem som helst kan begära att få läsa (2 kap. tryckfrihetsförordningen). Skriv inga uppgifter om enskilda personer i dina svar.
""", grade_id="intro")]

    cells += letter_question(1, 2, """
**Lokalvård i Mölndal (påhittat exempel).** Avtalet har kursens vitesklausul. Leverantören anmälde behovet av en person åtta veckor i förväg, som avtalet kräver. Den matchningsansvariga svarade skriftligt att det inte fanns någon lämplig kandidat. Platsen har nu varit tom i två månader, och beställaren vill ta ut vite. Vad gäller?
""", {"A": "Kommunen tar ut vite, eftersom platsen inte är tillsatt.",
      "B": "Kommunen häver avtalet, eftersom villkoret inte är uppfyllt.",
      "C": "Inget vite. Undantaget i klausulen gäller. Kommunen, leverantören och den matchningsansvariga bestämmer en ny tidpunkt och breddar sökandet.",
      "D": "Leverantören får betala halva vitet, eftersom båda parter har brustit."},
        "C", "C. Leverantören anmälde behovet i tid och fick ingen kandidat, så undantaget i vitesklausulen gäller; nästa steg är en ny plan för rekryteringen, inte en sanktion.")

    cells += letter_question(2, 2, """
**Första förseningen.** Leverantörens kvartalsrapport har inte kommit in, tre veckor efter sista dag. Det är första gången. Avtalet har både vitesklausul och hävningsklausul. Vilket är nästa steg?
""", {"A": "Rättelse: en skriftlig anmaning med en tid att lämna rapporten.",
      "B": "Vite direkt, eftersom sista dagen har passerat.",
      "C": "Hävning, eftersom rapporteringen är en del av villkoret.",
      "D": "Ingenting: en försenad rapport är inget avtalsbrott."},
        "A", "A. Leverantören ska i första hand få rätta bristen (UHM, Hantering av brister); vite kommer först när tiden för rättelse har gått ut.")

    cells += letter_question(3, 2, """
**Bygg i Kungälv (påhittat exempel).** Avtalet saknar vitesklausul. Entreprenören har inte nått delmålet för året och har inte rättat bristen efter en skriftlig anmaning. Beställaren föreslår att kommunen skickar ett brev där den inför ett vite från och med nästa månad. Vad stämmer?
""", {"A": "Det går bra, eftersom LOU ger kommunen rätt att ta ut vite.",
      "B": "Det går inte. Vite är ett avtalsvillkor som ska ha stått i upphandlingsdokumenten; att lägga till det nu är en ändring av kontraktet. Fortsätt med anmaning och dialog, och skriv in vite i nästa upphandling.",
      "C": "Det går om entreprenören inte svarar på brevet inom 30 dagar.",
      "D": "Kommunen måste häva avtalet, eftersom det saknar vite."},
        "B", "B. Vite finns bara om det är avtalat; ett nytt vite efter tilldelningen är en ändring av kontraktet (17 kap. 9–14 §§ LOU).")

    cells += letter_question(4, 2, """
**Praktik eller anställning.** En person gör arbetspraktik via Arbetsförmedlingen hos leverantören i tre månader. Vad stämmer för personen?
""", {"A": "Personen är anställd av leverantören och omfattas av LAS.",
      "B": "Personen är anställd av kommunen, eftersom kravet finns i kommunens avtal.",
      "C": "Personen får lön av leverantören men är inte försäkrad.",
      "D": "Personen är inte anställd och får ingen lön, men kan få ersättning från Försäkringskassan och är försäkrad. Den som tar emot praktikanten har arbetsmiljöansvaret."},
        "D", "D. Arbetspraktik är inte en anställning (Arbetsförmedlingen; 7 § lagen (2000:625)); deltagaren kan få ersättning via Försäkringskassan och är försäkrad, och arbetsplatsen har arbetsmiljöansvaret (Arbetsmiljöverket).")

    cells += letter_question(5, 2, """
**Underlag om målgruppen.** Leverantören har själv rekryterat en person och ska visa att personen tillhör målgruppen *personer som har varit arbetslösa i minst tolv månader*. Vilket underlag är bäst?
""", {"A": "Ett intyg som bara visar att personen tillhör målgruppen, och som kommunen får se i stickprov hos leverantören.",
      "B": "En kopia av personens akt hos Arbetsförmedlingen, som leverantören skickar till kommunen.",
      "C": "Ett läkarintyg som visar varför personen har varit utan arbete.",
      "D": "En lista med personnummer i kvartalsrapporten, så att kommunen kan kontrollera själv."},
        "A", "A. Underlaget ska bara visa att personen tillhör målgruppen och inte mer (uppgiftsminimering, artikel 5.1 c i dataskyddsförordningen); hälsouppgifter är känsliga personuppgifter (artikel 9).")

    cells += letter_question(6, 2, """
**Lokalvård i Öckerö (påhittat exempel).** Kommunen avropar lokalvård från ett ramavtal som en inköpscentral har upphandlat. Ramavtalet har inget villkor om sysselsättning. Kommunen vill att leverantören ska erbjuda två praktikplatser. Vad kan kommunen göra?
""", {"A": "Skriva in kravet i avropet; kommunen bestämmer själv över sina avrop.",
      "B": "Inte lägga till kravet i avropet, eftersom villkoren i ett ramavtal inte får ändras väsentligt. Kommunen kan begära ett villkor när ramavtalet upphandlas nästa gång, och använda kravet i egna upphandlingar.",
      "C": "Stänga av leverantören från avrop om den säger nej.",
      "D": "Ta ut vite om leverantören inte erbjuder platserna."},
        "B", "B. Ramavtalet bestämmer villkoren för avropen (7 kap. LOU; UHM, Ramavtal) och får inte ändras väsentligt; kommunen påverkar före nästa upphandling och använder kravet där den själv upphandlar.")

    cells += [md("""
## Fråga 7 (4 poäng)

**Förtida avslut.** Avtalet bygger på UHM:s villkor (krav-ID 11554). En person har en tidsbegränsad anställning på 12 månader på heltid. Personen säger själv upp sig. Hur många hela månader måste personen ha arbetat för att leverantörens åtagande ska räknas som uppfyllt för den anställningen?

Svara med ett tal utan citattecken, till exempel `6`.
""", grade_id="fraga_7"),
        answer("antal_manader", "antal_manader = None  # Ersätt None med ett tal, t.ex. 6", "antal_manader = 9"),
        selfcheck_test("test_antal_manader", 4, f"{MODULE}-7", "antal_manader", 9, kind="tal",
                       explanation="Åtagandet räknas som uppfyllt när minst tre fjärdedelar (75 %) av den avtalade tiden har fullgjorts: 0,75 × 12 = 9 månader (krav-ID 11554).",
                       hidden="assert is_correct(antal_manader, 12 * 3 / 4, kind=\"tal\"), \"Fråga 7: svaret är inte godkänt.\"")]

    cells += [md(f"""
## Fråga 8 (4 poäng, bedöms av kursledaren)

**En rutin för Mölndal (påhittat exempel).** Mölndals stad ska upphandla lokalvård i förskolor med ett sysselsättningskrav. Skriv en kort rutin mellan upphandlingsenheten och arbetsmarknadsenheten. Ta med minst **fyra** av UHM:s sex steg och skriv för varje steg **vad** som görs, **vem** som gör det och **när**. Säg också hur rutinen hanterar uppgifter om enskilda arbetssökande.

{WRITE_HERE}

**Så bedöms svaret** (4 poäng)

- 4 p: minst fyra steg, vart och ett med vad, vem och när, *och* rutinen låter avtalsförvaltaren få antal medan uppgifter om personerna stannar hos arbetsmarknadsenheten (sekretess mellan nämnder, 8 kap. 1–2 §§ OSL, eller uppgiftsminimering, artikel 5.1 c), *och* rutinen säger vad som händer när det inte finns någon kandidat.
- 3 p: som ovan, men en av delarna är svag: till exempel saknas vem eller när i ett steg, eller så saknas fallet utan kandidat.
- 2 p: två eller tre steg beskrivna konkret, eller fyra steg utan vem och när.
- 1 p: en allmän beskrivning av samarbete utan steg.
- 0 p: inget svar, eller ett svar som inte handlar om frågan.
""", grade_id="fraga_8"),
        manual_answer("svar_8", 4, """
*Exempelsvar:* **Planera** (september året före, upphandlare och matchningsansvarig): vi går igenom upphandlingsplanen och väljer lokalvården i förskolor. **Kartlägga** (oktober, arbetsmarknadsenheten): vi tar reda på hur många arbetssökande i målgruppen som har erfarenhet av eller utbildning i lokalvård. **Analysera** (november, upphandlaren med stöd av matchningsansvarig): vi bedömer antal heltidsmånader utifrån avtalets omfattning och längd. I upphandlingsdokumenten står en funktionsbrevlåda, inte en person, och att den matchningsansvariga svarar inom två veckor med kandidater eller ett skriftligt besked om att det inte finns några. **Implementera** (vid avtalsstart, avtalsförvaltare, matchningsansvarig och leverantör): startmöte om anmälan av behov, introduktion och handledning; leverantören rapporterar varje kvartal i rapportmallen. **Förvalta** (sista avtalsåret, alla): utvärdering och lärdomar till nästa upphandling. Uppgifter om enskilda arbetssökande stannar hos arbetsmarknadsenheten, eftersom sekretess gäller även mellan nämnderna (8 kap. 1–2 §§ OSL). Avtalsförvaltaren får bara antal. Kandidatuppgifter lämnas till leverantören bara med kandidatens samtycke. Finns ingen kandidat svarar den matchningsansvariga skriftligt i tid, så att leverantören kan visa att undantaget i vitesklausulen gäller, och vi breddar sökandet tillsammans med Arbetsförmedlingen.
"""),
        example_answer_cell(MODULE, "svar_8")]

    cells += [md(f"""
## Fråga 9 (4 poäng, bedöms av kursledaren)

**Ingen kandidat – eller? (påhittat exempel).** En entreprenör i Kungälv har inte nått delmålet för året. Avtalet har kursens vitesklausul: vite utgår inte om leverantören senast **sex veckor** innan platsen skulle tillsättas har anmält behovet till den matchningsansvariga och inte fått förslag på någon lämplig kandidat. Entreprenören säger att den anmälde behovet, men anmälan kom **två veckor** innan platsen skulle tillsättas, och den matchningsansvariga hann inte föreslå någon. Du är avtalsförvaltare. Gäller undantaget? Vilket steg i sanktionstrappan tar du, vad dokumenterar du, och vad skulle du vilja ändra inför nästa upphandling?

{WRITE_HERE}

**Så bedöms svaret** (4 poäng)

- 4 p: konstaterar att undantaget inte gäller eftersom anmälan kom för sent enligt klausulen, *och* väljer rättelse (skriftlig anmaning med tid att rätta) före vite, *och* nämner vad som dokumenteras (datum för anmälan, den matchningsansvarigas svar, anmaningen), *och* föreslår en rimlig förändring (till exempel tydligare anmälningsrutin vid startmötet eller en annan tidsfrist) eller resonerar om proportionalitet.
- 3 p: rätt bedömning av undantaget och rätt steg, men dokumentation eller förändring saknas.
- 2 p: rätt bedömning av undantaget men fel steg (till exempel vite direkt), eller rätt steg utan att pröva undantaget.
- 1 p: ett allmänt resonemang utan bedömning av undantaget.
- 0 p: inget svar, eller ett svar som inte handlar om frågan.
""", grade_id="fraga_9"),
        manual_answer("svar_9", 4, """
*Exempelsvar:* Undantaget gäller inte. Klausulen kräver att behovet anmäls senast sex veckor i förväg, och anmälan kom två veckor före. Den matchningsansvariga har alltså inte fått den tid avtalet ger. Jag börjar ändå med rättelse: en skriftlig anmaning som beskriver bristen och ger entreprenören 30 dagar att visa hur och när de saknade heltidsmånaderna ska fullgöras. Jag påminner om att entreprenören också får rekrytera på egen hand eller via Arbetsförmedlingen. Rättas inte bristen i tid tar kommunen ut vite enligt klausulen, upp till taket. Jag dokumenterar datum för anmälan, den matchningsansvarigas svar, anmaningen och entreprenörens svar, och hur ett eventuellt vite räknas. Inför nästa upphandling vill jag att anmälningsrutinen gås igenom på startmötet och skrivs ned, så att ingen missar fristen, och att den matchningsansvariga får en kontaktlista till entreprenörens arbetsledare.
"""),
        example_answer_cell(MODULE, "svar_9")]

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
