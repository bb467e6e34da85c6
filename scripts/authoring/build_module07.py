"""Build module 07 "På andra sidan bordet": the lecture notebook and the nbgrader source of its exercise.

    .venv/bin/python scripts/authoring/build_module07.py

writes course/07_andra_sidan_bordet.ipynb and solutions/07_andra_sidan_bordet/07_andra_sidan_bordet.ipynb, then links
each glossary term's first use in the lecture (content.glossary.link_notebook). Changing figures are written as facts
markers (``<!--fakta:id-->…<!--/fakta-->``) filled from the registry, so ``make fakta`` keeps them current.
Run ``make exercises`` afterwards to regenerate exercises/07_andra_sidan_bordet/.
"""
from __future__ import annotations

from pathlib import Path

from upphandlingskurs.content.authoring import (answer, code, example_answer_cell, manual_answer, md, notebook,
                                                selfcheck_test, write)
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.content.glossary import link_notebook

REPO = Path(__file__).resolve().parents[2]
NAME = "07_andra_sidan_bordet"
LECTURE = REPO / "course" / f"{NAME}.ipynb"
SOLUTION = REPO / "solutions" / NAME / f"{NAME}.ipynb"
REVIEWED = "2026-12"
KURS_TID_LASNING = 55  # minutes; at least the words at 110 a minute plus the widgets (checked in test_module07)


def F(fact_id: str) -> str:
    """A facts marker with the registry's current text."""
    return f"<!--fakta:{fact_id}-->{fakta(fact_id).text}<!--/fakta-->"


FRAGOR = [
    "Hur hittar, läser och prissätter en leverantör en upphandling med sociala krav?",
    "Vad kräver handledning och arbetsmiljö av den som tar emot en ny medarbetare?",
    "Hur kan ett litet företag eller ett arbetsintegrerande socialt företag gå samman med andra för att kunna lämna anbud?",
    "Vad är reserverad upphandling och direktupphandling i praktiken för ett ASF?",
    "Hur tar en idéburen organisation initiativ till ett IOP – och vad får det inte bli?",
    "Vad kan en leverantör göra när ett krav verkar fel?",
]
LARANDEMAL = [
    "Räkna ut vad ett sysselsättningskrav kostar med egna siffror för handledning, lägre produktivitet i början, "
    "övriga kostnader och rapportering, göra kalkylen till ett pris och formulera frågor att ställa under anbudstiden.",
    "Avgöra om ett företag får delta i en reserverad upphandling och om kommunen får direktupphandla från ett ASF.",
    "Välja mellan gemensamt anbud, att åberopa ett annat företags kapacitet och underleverantörer, med lagrum.",
    "Skriva ett IOP-initiativ med behov, eget bidrag och förslag till gemensam analys, och pröva att det inte är ett "
    "köp (HFD 2020:15).",
    "Beskriva vägen från fråga till överprövning och när det är för sent.",
]


def lecture_cells() -> list:
    andel = F("reserverad_upphandling_andelskrav")
    grans = F("direktupphandlingsgrans_lou")
    grans_b2 = F("troskelvarde_2026_sociala_tjanster")
    dok = F("dokumentationsplikt_direktupphandling")
    return [
        md(f"""
# Modul 07 – På andra sidan bordet

Okända ord? Se [ordlistan](ordlista.ipynb).

De andra modulerna är skrivna för kommunen. Den här modulen är skriven för dem som sitter på andra sidan bordet: **leverantören**, det **arbetsintegrerande sociala företaget (ASF)** och den **idéburna organisationen**. Du får veta hur du hittar och läser en upphandling, hur du prissätter ett sysselsättningskrav, vad lagen kräver av dig som handledare och arbetsgivare, hur du kan gå samman med andra, och hur en förening tar initiativ till ett IOP. Kommunens upphandlare har också nytta av modulen: den visar hur kraven ser ut från leverantörens sida.

Fallen från Lerum och Tjörn är **påhittade exempel**.

*Senast granskad: {REVIEWED}*
"""),
        md("## Frågor\n\n" + "\n".join(f"- {q}" for q in FRAGOR) + "\n\n## Lärandemål\n\nNär du har gått igenom modulen kan du\n\n"
           + "\n".join(f"{i}. {m[0].lower() + m[1:].rstrip('.')}{',' if i < len(LARANDEMAL) else '.'}"
                       for i, m in enumerate(LARANDEMAL, start=1))
           + f"\n\n## Tid\n\n- Läsning och widgetar: cirka {KURS_TID_LASNING} minuter\n- Övningen `{NAME}`: cirka 40 minuter",
           tags=["bild"]),
        md("""
## 1. Hitta och läs upphandlingen som leverantör

**Så hittar du upphandlingarna.** Upphandlingar som inte är direktupphandlingar annonseras i annonsdatabaser som är registrerade hos Konkurrensverket, och över tröskelvärdena också i EU:s databas TED ([Upphandlingsmyndigheten, Annonsera](https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/annonsera/)). Lägg in en bevakning i en annonsdatabas med sökord för det du säljer. Fråga också kommunens upphandlingsenhet vilka upphandlingar den planerar.

Ett sysselsättningskrav står ofta i avtalsvillkoren, inte i kravspecifikationen. Det är ett **särskilt kontraktsvillkor**: det gäller när kontraktet fullgörs, inte när anbudet lämnas (17 kap. 1 § LOU). Du behöver alltså inte ha personerna anställda när du lämnar anbud. Men du binder dig till att uppfylla villkoret under avtalstiden.

Upphandlingsmyndighetens modell har två varianter av villkoret ([Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Leverantörens åtagande](https://upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/tillampning-kontraktsvillkor--leverantorens-atagande)):

1. du åtar dig att erbjuda **anställning eller praktik** till personer i en målgrupp, eller
2. du åtar dig att delta i **dialog** om vad som går att göra (dialogvillkor).

Läs fem saker i upphandlingsdokumenten innan du räknar:

| Läs | Varför |
|---|---|
| Vilken målgrupp, och hur du visar att en person hör dit | Det avgör vem du kan rekrytera |
| Anställning eller praktik, hur många och hur länge | Det avgör kostnaden |
| Vad du ska rapportera, hur ofta och i vilken mall | Rapporteringen tar tid |
| Vad kommunens matchningsansvariga gör | Den kan hjälpa dig att hitta kandidater |
| Vilka sanktioner som gäller, till exempel vite (ett avtalat belopp som du betalar om du inte uppfyller villkoret) | Det är din risk om du inte klarar kravet |

**Fråga under anbudstiden – inte efteråt.** Är något oklart ska du fråga skriftligt, i det upphandlingssystem där upphandlingen är annonserad, och i god tid före den sista dag för frågor som står i upphandlingsdokumenten. I en upphandling över tröskelvärdet ska kommunen då lämna kompletterande upplysningar senast sex dagar före sista anbudsdag, eller fyra dagar vid ett påskyndat förfarande (12 kap. 11 § LOU). Under tröskelvärdena gäller reglerna i 19 kap. LOU och de frister som står i upphandlingsdokumenten. Svaren ska lämnas skriftligen till alla leverantörer samtidigt, oavsett vem som frågade, och gör kommunen väsentliga ändringar i upphandlingsdokumenten ska anbudstiden förlängas ([Upphandlingsmyndigheten, Frågor från leverantörer](https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/fragor-fran-leverantorer/)). Läs alla publicerade svar innan du lämnar anbud. I ett öppet förfarande, där alla leverantörer får lämna anbud och kommunen inte förhandlar, kan du som regel inte ändra ditt anbud efter sista anbudsdag. Ett krav kan inte heller förhandlas bort för en enda anbudsgivare, eftersom alla ska behandlas lika (4 kap. 1 § LOU).

**Första anbudet.** Fyra saker som den som lämnar anbud för första gången behöver veta:

- **Egen försäkran (ESPD).** Över tröskelvärdena ska kommunen godta det europeiska enhetliga upphandlingsdokumentet, ESPD, som preliminärt bevis för att du inte ska uteslutas och att du uppfyller kvalificeringskraven. Den som ska tilldelas kontraktet lämnar sedan bevisen (15 kap. LOU; [Upphandlingsmyndigheten, ESPD – en standardiserad egenförsäkran](https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/krav-pa-leverantoren-och-grund-for-uteslutning/espd---en-standardiserad-egenforsakran/)).
- **Uteslutning.** Har företaget obetalda skatter eller socialförsäkringsavgifter ska det som utgångspunkt uteslutas (13 kap. 2 § LOU; modul 01).
- **Ekonomisk ställning.** Läs kraven på till exempel omsättning eller kreditbetyg tidigt. Når du inte upp till dem kan du gå samman med andra (avsnitt 4).
- **Sekretess.** Anbudet blir en allmän handling hos kommunen. Du kan be om sekretess för affärshemligheter, men det är kommunen som prövar det enligt offentlighets- och sekretesslagen när någon begär att få ta del av anbudet. Motivera konkret vilken skada du skulle lida för varje uppgift ([Upphandlingsmyndigheten, Frågeportalen: Kan uppgift om att ett anbud har lämnats in omfattas av sekretess?](https://www.upphandlingsmyndigheten.se/frageportalen/2478076/sekretessbelagga-anbudsgivaren/)).

Coompanion och Skoopi ger råd till sociala företag och kooperativ (avsnitt 5).
""", tags=["bild"]),
        md("""
## 2. Vad kostar kravet?

Ett sysselsättningskrav kostar något, och det ska synas i priset. Räkna med fem poster:

- **Handledning.** En ny medarbetare behöver en handledare, mest de första månaderna. Räkna timmar per vecka och plats de första månaderna och sedan, gånger handledarens kostnad per timme.
- **Lägre produktivitet i början.** Den som är ny gör mindre de första månaderna. Räkna hur många månader och hur mycket lägre, som en andel av vad platsen kostar i lön och avgifter före eventuellt lönestöd.
- **Övriga kostnader per plats**, till exempel arbetskläder, skyddsutrustning och en kurs som arbetet kräver.
- **Möten** med kommunen och den matchningsansvariga, till exempel vid rekryteringen.
- **Rapportering och administration.** Kommunen vill veta hur det går, ofta varje kvartal. Räkna timmar per rapport.

Kursen ger inga färdiga siffror: dina egna timkostnader och löner är de enda som stämmer för ditt företag. Kalkylen visar inte heller vad kravet ger. En medarbetare som lär sig arbetet gör efter hand mer. Stöd som Arbetsförmedlingen kan ge till en anställning, och det kommunens matchningsansvariga hjälper till med, minskar kostnaden – fråga dem (modul 06 går igenom stöden och matchningen).

**Påhittat exempel: ett litet ASF i Lerum.** Lerums kommun upphandlar parkskötsel i tre delkontrakt. Ett litet arbetsintegrerande socialt företag vill lämna anbud på det minsta delkontraktet, som gäller i 24 månader. Kravet är två praktikplatser på sex månader vardera. Företaget räknar med sex timmars handledning per vecka och plats de första två månaderna och sedan tre timmar, två månader med 40 procent lägre produktivitet, 2 000 kr per plats för arbetskläder och skyddsutrustning, åtta timmars möten och tre timmars rapportering per kvartal. Cellen nedanför räknar med företagets egna siffror (alla påhittade) och skriver ut vad varje post bygger på.
""", tags=["bild"]),
        code("""
from upphandlingskurs.documents.supplier_checklist import cost_lines, requirement_cost

kalkyl = requirement_cost(
    antal_platser=2, manader_per_plats=6, inskolning_manader=2,
    handledning_tim_vecka=6, handledning_tim_vecka_sedan=3, timkostnad_kr=450,
    lagre_produktivitet_procent=40, manadskostnad_plats_kr=0,  # praktik utan lön
    ovrigt_per_plats_kr=2000, motestimmar=8, rapportering_tim_kvartal=3, kontraktstid_manader=24)
print("\\n".join(cost_lines(kalkyl)))
"""),
        md("""
Här blir produktivitetskostnaden noll, eftersom platserna är praktik utan lön. Handledningen är den stora posten. Är platserna anställningar räknar du in lön och avgifter under de månader då produktiviteten är lägre.

**Från kalkyl till pris.** Lägg kostnaden på de priser som upphandlingsdokumenten frågar efter. Frågar kommunen efter ett pris per timme delar du kostnaden med de timmar du räknar med att utföra under kontraktet; frågar den efter ett fast pris per månad delar du med kontraktets månader. Verkar ditt anbud vara ett onormalt lågt anbud, till exempel tack vare lönestöd, ska kommunen be dig förklara priset, och anbudet kan förkastas om förklaringen inte räcker (16 kap. 7–8 §§ LOU; [Upphandlingsmyndigheten, Onormalt låga anbud](https://www.upphandlingsmyndigheten.se/upphandla/ny-lagstiftning/nya-lagarna---en-overblick/nya-lagen-om-offentlig-upphandling-nya-lou/onormalt-laga-anbud/)). Ha kalkylen klar. I widgeten i avsnitt 8 kan du räkna med dina egna siffror och spara kalkylen med alla siffror den bygger på.
"""),
        md("""
## 3. Handledning och arbetsmiljö

Den som tar emot en ny medarbetare, en praktikant eller en person i arbetsträning har ett ansvar enligt **arbetsmiljölagen (1977:1160)**:

- Arbetsgivaren ska vidta alla åtgärder som behövs för att förebygga ohälsa och olycksfall (3 kap. 2 §) och ska systematiskt planera, leda och kontrollera verksamheten så att arbetsmiljön blir god (3 kap. 2 a §).
- Arbetsgivaren ska se till att den anställda känner till riskerna i arbetet och har den utbildning som behövs. Arbetsgivaren ska också ta hänsyn till personens särskilda förutsättningar för arbetet, till exempel genom att anpassa arbetsförhållandena (3 kap. 3 §).
- **Praktik i ett arbetsmarknadspolitiskt program**, till exempel arbetspraktik via Arbetsförmedlingen: praktikanten likställs med arbetstagare i stora delar av arbetsmiljölagen, och du som har upplåtit arbetsplatsen har arbetsgivarens ansvar för arbetsmiljön. Det följer av lag och kan inte avtalas bort (7 § lagen (2000:625) om den arbetsmarknadspolitiska verksamheten; [Arbetsmiljöverket, Arbetsmiljöregler för vuxna praktikanter i arbetsmarknadspolitiska program](https://www.av.se/arbetsmiljoarbete-och-inspektioner/arbetsgivarens-ansvar-for-arbetsmiljon/arbetsmiljoregler-for-vuxna-praktikanter-i-arbetsmarknadspolitiska-program/)).
- Den som **genomgår utbildning** på arbetsplatsen likställs också med arbetstagare i stora delar av lagen, och då har den som driver verksamheten arbetsgivarens ansvar (1 kap. 3 §).
- Kommer praktikanten genom **kommunen**: fråga vilka regler som gäller för just den insatsen, och kom överens skriftligt om hur ni samordnar arbetsmiljöarbetet.

Hur det systematiska arbetsmiljöarbetet ska gå till står i Arbetsmiljöverkets föreskrifter **AFS 2023:1**, *Systematiskt arbetsmiljöarbete – grundläggande skyldigheter för dig med arbetsgivaransvar*, som gäller från 2025 ([Arbetsmiljöverket, AFS 2023:1](https://av.se/arbetsmiljoarbete-och-inspektioner/publikationer/foreskrifter/beslutade-foreskrifter-som-trader-i-kraft-2025/afs-20231)).

I praktiken betyder det: utse en handledare som har tid, gå igenom riskerna den första dagen, anpassa uppgifterna efter personen och följ upp hur det går. Tiden för det hör hemma i kalkylen i avsnitt 2.
""", tags=["bild"]),
        md("""
## 4. Gå samman med andra

Ett litet företag eller ett ASF klarar inte alltid hela uppdraget eller alla krav själv. Det finns tre vägar, och de är olika saker:

| Väg | Vad det betyder | Lagrum och källa |
|---|---|---|
| **Gemensamt anbud** | Flera leverantörer lämnar anbud tillsammans som en grupp. Kommunen får inte kräva att gruppen har en viss juridisk form för att få lämna anbud. Den får kräva det av en grupp som tilldelas kontraktet, om det krävs för att kontraktet ska kunna fullgöras på ett bra sätt. Kvalificeringskraven kan som utgångspunkt uppfyllas av gruppen tillsammans. | 4 kap. 5 § LOU; [Upphandlingsmyndigheten, Lämna gemensamt anbud](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/samarbeta-med-underleverantorer-och-andra-samarbetspartners/lamna-gemensamt-anbud/); [Upphandlingsmyndigheten, Frågeportalen: Hur kan en grupp av leverantörer uppfylla kvalificeringskraven?](https://www.upphandlingsmyndigheten.se/frageportalen/2933285/consortium/) |
| **Åberopa ett annat företags kapacitet** | Du uppfyller ett kvalificeringskrav, till exempel omsättning eller referenser, med hjälp av ett annat företag. Du måste visa att du kommer att förfoga över resurserna när kontraktet fullgörs. Gäller kravet utbildning och yrkeskunskap hos ledande personer, till exempel arbetsledarens utbildning, måste det andra företaget också utföra den delen. Kommunen kontrollerar det andra företaget; uppfyller det inte kravet, eller ska det uteslutas, ska kommunen begära att du byter ut det. Gäller det ekonomisk ställning får kommunen kräva att det andra företaget tar ett solidariskt ansvar, alltså svarar för hela kontraktet om du inte klarar det. | 14 kap. 6–8 §§ och 15 kap. 11 § 7 LOU (direktivstyrda upphandlingar); [Upphandlingsmyndigheten, Frågeportalen: Åberopande av annat företags kapacitet](https://www.upphandlingsmyndigheten.se/frageportalen/1701704/aberopande-av-annat-foretags-kapacitet-woaj/); [Upphandlingsmyndigheten, Frågeportalen: Om en underleverantör ska bytas ut](https://www.upphandlingsmyndigheten.se/frageportalen/2149230/lagga-till-aberopade-foretag/) |
| **Underleverantör** | Ett annat företag utför en del av arbetet åt dig. Som huvudregel får du använda underleverantörer, men kommunen kan ställa krav på dem i upphandlingsdokumenten. Kommunen får också kräva att vissa avgörande uppgifter utförs av dig själv (14 kap. 8 § LOU). Du är fortfarande kommunens avtalspart och svarar för att kravet uppfylls. | [Upphandlingsmyndigheten, Frågeportalen: Är det företaget eller uppdraget som omfattas av reglerna i LOU?](https://www.upphandlingsmyndigheten.se/frageportalen/1487678/ar-det-foretaget-eller-uppdraget-som-omfattas-luo/) (om att anlita underleverantörer) |

Två saker att tänka på:

- **Konkurrensrätten gäller också.** Företag som själva hade kunnat lämna anbud får inte samarbeta på ett sätt som begränsar konkurrensen ([Upphandlingsmyndigheten, Lämna gemensamt anbud](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/samarbeta-med-underleverantorer-och-andra-samarbetspartners/lamna-gemensamt-anbud/)).
- **Arbetsrättsliga villkor** om lön, semester och arbetstid kan också gälla underleverantörer som direkt medverkar till att fullgöra kontraktet (17 kap. 2–5 §§ LOU; [Upphandlingsmyndigheten, Villkor för underleverantörer](https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/arbetsrattsliga-villkor/villkor-enligt-kollektivavtal/villkor-for-underleverantorer/)). Villkoren är obligatoriska när de behövs i upphandlingar över tröskelvärdet, men inte för sociala tjänster och andra särskilda tjänster i bilaga 2; i övriga upphandlingar kan kommunen ställa dem frivilligt (modul 01, avsnitt 6).

**Delkontrakt.** När kommunen delar upp en upphandling i mindre delar, som i exemplet från Lerum, kan ett litet företag lämna anbud på en del. Hur kommunen delar upp en upphandling tas upp i modul 01.
""", tags=["bild"]),
        md(f"""
## 5. Arbetsintegrerande sociala företag (ASF)

**Vad är ett ASF?** Det finns ingen definition i lag. Ett ASF är ingen egen juridisk företagsform; det kan vara till exempel en ekonomisk förening eller ett aktiebolag ([SKR, Socialt företagande skapar nytta för individ och samhälle](https://skl.se/naringslivarbetedigitalisering/arbetsmarknadsysselsattning/socialtforetagande.10793.html)). Tillväxtverket beskriver ett ASF som ett företag som driver näringsverksamhet och

1. har som övergripande ändamål att genom arbete och delaktighet integrera människor som av olika skäl har svårt att få eller behålla ett arbete,
2. skapar delaktighet för medarbetarna genom ägande, avtal eller på annat väl dokumenterat sätt,
3. i huvudsak återinvesterar sina vinster i den egna eller liknande verksamheter, och
4. är organisatoriskt fristående från offentlig verksamhet

([Tillväxtverket, Stöd till arbetsintegrerande sociala företag](https://tillvaxtverket.se/amnesomraden/kompetensforsorjning/stod-till-arbetsintegrerande-sociala-foretag.html)). Intresseorganisationen Skoopi förtydligar att ett ASF ska skapa anställningar: ett företag som under lång tid bara har praktik eller arbetsträning räknar Skoopi inte som ett ASF ([Skoopi, Skoopis ASF-kriterier](https://skoopi.coop/om-oss/skoopis-asf-kriterier/)).

**Som ASF: så får ni veta att en upphandling kommer.** Det finns inget officiellt register över ASF. Tillväxtverkets webbplats Sofisam, som hade en förteckning, stängdes 2020 ([Tillväxtverket, Sofisam stängs ner](https://tillvaxtverket.se/medarbetarsidor/aktuellt/aktuellt-2020/2020-09-01-sofisam-stangs-ner.html)). Gör därför så här:

- bevaka annonsdatabaserna med sökord för det ni säljer och med ordet "reserverad" (en reservation ska stå i annonsen),
- be kommunernas upphandlingsenheter om deras upphandlingsplaner, och ställ upp när en kommun bjuder in till dialog med marknaden (modul 01, avsnitt 4),
- ansök om medlemskap i Skoopi. Skoopis styrelse prövar ansökan mot Skoopis ASF-kriterier, och med samma kriterier bedömer styrelsen vilka som kommer med på Skoopis offentliga lista över ASF. Det går alltså inte att bara anmäla sig till listan. Kriterierna är gjorda för att medlemmarna ska kunna lämna anbud i reserverade upphandlingar ([Skoopi, Skoopis ASF-kriterier](https://skoopi.coop/om-oss/skoopis-asf-kriterier/)),
- ta hjälp av dem som ger råd till sociala företag och kooperativ, till exempel Coompanion Göteborgsregionen.

Företagen finns ojämnt fördelade: enligt Tillväxtverkets beskrivning av ett regionalt projekt fanns inga ASF i ungefär hälften av Västra Götalands 49 kommuner ([Tillväxtverket, Västra Götalandsregionen](https://tillvaxtverket.se/amnesomraden/kompetensforsorjning/stod-till-arbetsintegrerande-sociala-foretag/regionala-projekt/vastra-gotalandsregionen.html)). För kommunens upphandlare gäller samma vägar omvänt: fråga arbetsmarknadsenheten och näringslivsenheten vilka ASF de samarbetar med, fråga Skoopi och Coompanion, och bjud in till dialog innan upphandlingen annonseras.

**Reserverad upphandling i praktiken (4 kap. 18 § LOU).** Kommunen får reservera en upphandling, eller ett delkontrakt, för skyddade verkstäder och för leverantörer vars främsta syfte är social och yrkesmässig integration av personer med funktionsnedsättning eller personer som har svårt att komma in på arbetsmarknaden (verksamhetskravet). Minst {andel} av de sysselsatta hos leverantören ska vara sådana personer (andelskravet). Personerna behöver inte vara anställda; praktik eller annan sysselsättning räknas också. Kraven kontrolleras när anbudet lämnas, och förutsättningarna ska bestå under hela avtalstiden. Reservationen ska stå i annonsen. Den betyder **inte** att kommunen får vända sig direkt till ett visst företag: det är fortfarande en upphandling där flera kan konkurrera ([Upphandlingsmyndigheten, Regler om reserverad upphandling](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/); [Upphandlingsmyndigheten, Vilka personer avses?](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/vilka-personer-avses/); modul 01, avsnitt 5). Som leverantör: ha underlaget klart – hur många är sysselsatta, och hur många av dem hör till gruppen? Lämna siffror för hela gruppen, inte uppgifter om hälsan hos enskilda; personuppgifter ska behandlas enligt dataskyddsförordningen (Upphandlingsmyndigheten, Vilka personer avses?).

**Är ni ett kooperativ?** För vissa sociala och andra särskilda tjänster i bilaga 2 kan kommunen också reservera upphandlingen för organisationer vars syfte är kopplat till tjänsten, som återinvesterar vinsten och där personalen äger eller deltar i ledningen. Kontraktet får då löpa högst tre år (19 kap. 25 § LOU; modul 01, avsnitt 5).

**Direktupphandling från ett ASF.** Kommunen får direktupphandla när värdet understiger direktupphandlingsgränsen, {grans} (19 a kap. LOU). Säljer ni sociala tjänster eller andra särskilda tjänster i bilaga 2 till LOU, till exempel arbetsträning, är direktupphandlingsgränsen i stället lika med tröskelvärdet för de tjänsterna, {grans_b2} (19 a kap. LOU; beloppet i kronor står på Upphandlingsmyndighetens sida; modul 01, avsnitt 7). Det gäller alla leverantörer, också ett ASF – men inte *för att* det är ett ASF. Det är köpets värde och slag som avgör. Värdet räknas enligt 5 kap. LOU, med options- och förlängningsklausuler, och kontrakt som är en och samma upphandling räknas samman. De grundläggande principerna gäller också vid direktupphandling, och en direktupphandling ska dokumenteras om värdet är minst {dok} (19 a kap. 11 § LOU; [Upphandlingsmyndigheten, Tröskelvärden och direktupphandlingsgränser](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/troskelvarden-och-direktupphandlingsgranser)). Kommunen ska också ha riktlinjer för direktupphandling; fråga efter dem.
""", tags=["bild"]),
        md(f"""
## 6. Den idéburna organisationen

**Registrering.** Sedan {F("registreringslag_ideburna_ikraft")} kan en idéburen organisation registrera sig hos **Kammarkollegiet** enligt lagen (2022:900) om registrering av idéburna organisationer. Registreringen är frivillig, och ni behöver den inte för ett IOP. Registret är inget leverantörsregister; det synliggör idéburna organisationer och skiljer dem från andra aktörer, till exempel i upphandlingar ([Kammarkollegiet, Frågor och svar om registret](https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/fragor-och-svar-om-registret-over-ideburna-organisationer)). För att bli registrerad ska organisationen vara idéburen, alltså uteslutande ha ett allmännyttigt syfte som står i stadgarna, bolagsordningen eller motsvarande handling. Den ska också bedriva eller avse att bedriva offentligt finansierad välfärdsverksamhet, och den får inte stå under rättsligt bestämmande inflytande av staten, en region eller en kommun. Stadgarna ska dessutom ha en regel om att tillgångar som finns kvar när organisationen upplöses bara får gå till andra registrerade idéburna organisationer eller till forskning. Organisationen kan vara till exempel en ideell förening, en ekonomisk förening eller ett aktiebolag (lag (2022:900); Kammarkollegiet, Frågor och svar om registret; modul 03). Ansökningsavgiften är {F("registrering_ideburna_ansokningsavgift")} ([Kammarkollegiet, Ansök om att registrera idéburen organisation](https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/ansok-om-att-registrera-ideburen-organisation)). En registrerad organisation betalar också en årlig tillsynsavgift, {F("registrering_ideburna_arsavgift")}, och ska varje år rapportera till Kammarkollegiet om den har gjort några värdeöverföringar, med årsredovisning eller bokslut. Både avgiften och rapporteringen gäller också i fem år efter en avregistrering ([Kammarkollegiet, Årlig rapportering och avgift](https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/arlig-rapportering-och-avgift)).

**Reserverad upphandling för idéburna organisationer (19 kap. 25 a § LOU).** Sedan {F("reserverad_ideburna_ikraft")} får kommunen reservera upphandlingen av vissa välfärdstjänster i bilaga 2 till LOU för idéburna organisationer. Bara organisationer som uteslutande har ett allmännyttigt syfte som står i stadgarna eller motsvarande handling får då delta ([Upphandlingsmyndigheten, Frågeportalen: Idéburen organisation](https://www.upphandlingsmyndigheten.se/frageportalen/2182083/ideburen-organisation/)). Vilka tjänster det gäller anges med CPV-koder i bestämmelsen. Dessutom gäller tre villkor: organisationens allmännyttiga syfte bidrar till ändamålet med tjänsten, organisationen gör inga värdeöverföringar utom till registrerade idéburna organisationer eller till forskning, och staten, en region eller en kommun har inte ett rättsligt bestämmande inflytande över den ([Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/)). Registrering står inte bland villkoren. Ett ASF med vinstsyfte omfattas inte; för ASF finns i stället 4 kap. 18 § LOU. Det är fortfarande en upphandling: kommunen köper en tjänst.

**Ta initiativ till ett IOP.** Ett idéburet offentligt partnerskap börjar ofta med att organisationen själv ser ett behov och redan gör något åt det. Enligt kriterierna från Forum – idéburna organisationer med social inriktning – ska initiativet komma från organisationen, och båda parter ska bidra (återgivna av [Malmö stad](https://malmo.se/Service/For-foreningar/Organisationsstod-inom-socialt-omrade/IOP-Ideburet-Offentligt-Partnerskap.html)). Ta med tre saker till kommunen:

1. **Behovet** ni ser, och vad ni redan gör åt det.
2. **Ert eget bidrag**: ideella krafter, lokaler, insamlade pengar, kunskap.
3. **Ett förslag till gemensam analys** av behovet. Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF) beskriver fyra nycklar: ett medvetet val av samverkansform, en gemensam analys av samhällsutmaningen, tydlighet om vad som ägs gemensamt och gemensamma lärandemål ([MUCF, Idéburet offentligt partnerskap](https://www.mucf.se/ideburetoffentligtpartnerskap)).

IOP passar när ni och kommunen vill utveckla något tillsammans, med gemensamma mål under flera år. Behöver ni bara pengar till hyran kan ett föreningsbidrag vara enklare; det ges på samma villkor som för andra föreningar (2 kap. 3 § kommunallagen; modul 03). Fråga om kommunen har riktlinjer för IOP eller en överenskommelse med civilsamhället, och lämna initiativet i god tid före nämndens budgetarbete.

**Vad ett IOP inte får bli.**

- **Ett köp i förklädnad.** Åtar sig organisationen genom avtal att utföra en tjänst åt kommunen mot ersättning, är det ett offentligt kontrakt som ska upphandlas – oavsett vad avtalet kallas och även om ersättningen bara täcker kostnaderna. Högsta förvaltningsdomstolen kom fram till det i målet om ett vård- och omsorgsboende i Alingsås (HFD 2020:15; modul 03). Ersättning per plats, deltagare, träff, tillfälle eller timme är ett varningstecken.
- **Ett stöd utan grund i statsstödsreglerna.** Erbjuds verksamheten på en marknad kan kommunens pengar vara statsstöd. Stöd av mindre betydelse (de minimis) får vara högst {F("de_minimis_tak")} per företag under tre år ({fakta("de_minimis_tak").lagrum}); modul 03 går igenom reglerna och de andra möjligheterna.
- **Ett sätt att ersätta kommunens lagstadgade insatser** mot betalning. Då är det sannolikt ett köp (jfr HFD 2020:15).

**Påhittat exempel: en förening på Tjörn.** En förening på Tjörn har i flera år ordnat träffar för äldre som bor ensamma på öarna, med ideella värdar i föreningens egen lokal. Föreningen vill utveckla träffarna tillsammans med kommunens äldreomsorg under tre år och föreslår ett IOP där kommunen bidrar till hyran och med kunskap om de äldres behov. Föreningen beskriver behovet, sitt eget bidrag och ett förslag till gemensam analys. Den skriver uttryckligen att kommunen inte betalar per deltagare eller träff och inte bestämmer hur träffarna ska gå till. Om kommunen i stället ville beställa ett visst antal träffar mot betalning per träff, vore det ett köp.
""", tags=["bild"]),
        md("""
## 7. Om ett krav verkar fel

Tycker du att ett krav är oklart, diskriminerande eller större än kontraktet motiverar? Gå i den här ordningen:

1. **Fråga.** Ställ frågan skriftligt under anbudstiden, i god tid (avsnitt 1). Kommunen kan förtydliga eller rätta upphandlingsdokumenten. Gör den väsentliga ändringar ska anbudstiden förlängas ([Upphandlingsmyndigheten, Frågor från leverantörer](https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/fragor-fran-leverantorer/)).
2. **Be kommunen ändra kravet.** Står kommunen fast vid ett krav som du anser strider mot LOU, kan du skriftligt be kommunen att ändra kravet och förklara varför. Det är inget formellt förfarande i lagen, men kommunen kan ändra upphandlingsdokumenten under anbudstiden; är ändringen väsentlig ska anbudstiden förlängas (Upphandlingsmyndigheten, Frågor från leverantörer).
3. **Överprövning.** Du kan ansöka hos förvaltningsrätten om att upphandlingen ska rättas eller göras om (20 kap. LOU). Det går från det att upphandlingen har påbörjats. En annonserad upphandling kan överprövas fram till dess att **avtalsspärren** löper ut, en direktupphandling bara fram till dess att avtal har tecknats ([Upphandlingsmyndigheten, Överprövning av en upphandling](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/overprovning-och-andra-rattsmedel/overprovning/av-en-upphandling/)). Avtalsspärren är tiden efter **tilldelningsbeslutet**, beslutet om vem som får kontraktet, då kommunen inte får teckna avtal. Den är 10 dagar från det att beslutet skickades elektroniskt, och är den sista dagen en lördag eller söndag löper spärren till nästa vardag ([Upphandlingsmyndigheten, Frågeportalen: Hur räknar man ut en avtalsspärr enligt LOU?](https://www.upphandlingsmyndigheten.se/frageportalen/1372299/avtalssparr-lag-20161145-om-offentlig-upphandling/)). Läs vilken dag den löper ut i tilldelningsbeslutet, och skicka ansökan i så god tid att den är framme hos förvaltningsrätten innan dess.

Domstolen ingriper bara om felet har skadat eller kan skada leverantören (20 kap. 6 § LOU). Ett krav som du anser är oproportionerligt bör du därför ta upp under anbudstiden, inte först när du har förlorat. När avtalsspärren har löpt ut och avtalet är tecknat är det för sent att överpröva upphandlingen. Det som återstår är i vissa fall skadestånd (20 kap. LOU). Du kan också tipsa Konkurrensverket, som har tillsyn över upphandlingar (21 kap. LOU), men det ändrar inte avtalet.
""", tags=["bild"]),
        md("""
## 8. Prova: Leverantörens checklista

Fyll i widgeten för en upphandling som du känner till, eller för exemplet från Lerum, och klicka **Skapa checklistan**. Du får en checklista med kalkylen från avsnitt 2 och alla siffror den bygger på, hur kalkylen blir ett pris, frågor att ställa under anbudstiden, grunderna för ett första anbud, det som gäller för arbetsmiljö och samarbete med andra, och vägen vid ett krav som verkar fel. Har upphandlingen inget sysselsättningskrav blir det ingen kalkyl, och talfälten kan vara tomma. Checklistan sparas som Word-, Markdown- eller HTML-fil i mappen `mina_dokument/` bredvid den här notebooken. Ladda ner den med länken som visas.

Skriv inga uppgifter om enskilda personer. Kalkylen bygger bara på dina egna siffror.
"""),
        code("""
from upphandlingskurs.widgets.leverantor import checklista_widget

checklista_widget()
"""),
        md("""
## 9. Prova: Initiativ till IOP

För den idéburna organisationen: beskriv behovet, er egen verksamhet, ert eget bidrag och hur ni vill analysera behovet tillsammans med kommunen, och klicka **Skapa initiativet**. Dokumentet har två delar: **del 1** är initiativet till kommunen, skrivet i er egen röst, och **del 2** är er egen checklista, som ni tar bort innan ni skickar. Kontrollerna i del 2 är desamma som i kommunens IOP-checklista i modul 03. Om en kontroll som gäller LOU inte är uppfylld, eller om ni skriver om ersättning per träff, tillfälle, deltagare eller timme, säger dokumentet att idén troligen är ett köp. Dokumentet sparas i mappen `mina_dokument/`.

Ett initiativ som kommer in till kommunen blir en allmän handling (2 kap. tryckfrihetsförordningen). Skriv inga uppgifter om enskilda personer i det.
"""),
        code("""
from upphandlingskurs.widgets.leverantor import initiativ_widget

initiativ_widget()
"""),
        md(f"""
## Nyckelpunkter

- Ett sysselsättningskrav är ett särskilt kontraktsvillkor som gäller under avtalstiden (17 kap. 1 § LOU). Läs målgrupp, antal, rapportering och sanktioner, och ställ frågor skriftligt under anbudstiden, i god tid (över tröskelvärdet 12 kap. 11 § LOU) – inte efteråt.
- Räkna in handledning, lägre produktivitet i början, övriga kostnader, möten och rapportering i priset, med dina egna siffror, och ha kalkylen klar om kommunen frågar om priset (16 kap. 7–8 §§ LOU).
- Den som tar emot en ny medarbetare eller praktikant har arbetsmiljöansvar: förebygga risker, utbilda och anpassa efter personens förutsättningar (3 kap. 2, 2 a och 3 §§ arbetsmiljölagen; AFS 2023:1). För praktik i ett arbetsmarknadspolitiskt program har du som upplåter arbetsplatsen arbetsgivarens ansvar (7 § lagen (2000:625)).
- Klarar du inte ett krav själv: lämna gemensamt anbud (4 kap. 5 § LOU), åberopa ett annat företags kapacitet (14 kap. 6 § LOU) eller anlita en underleverantör – du svarar ändå för kontraktet.
- ASF har ingen definition i lag. Reserverad upphandling (4 kap. 18 § LOU) kräver att integration är leverantörens främsta syfte och att minst {andel} av de sysselsatta hör till gruppen, och den är fortfarande en upphandling med konkurrens. Direktupphandling avgörs av värdet ({grans}, för bilaga 2-tjänster tröskelvärdet), inte av vem leverantören är.
- Registrering hos Kammarkollegiet (lag 2022:900) är frivillig och behövs inte för ett IOP. Reservation enligt 19 kap. 25 a § LOU gäller vissa välfärdstjänster, bara idéburna organisationer och tre villkor.
- Ett IOP-initiativ bygger på organisationens eget behov, eget bidrag och ett förslag till gemensam analys. Det får inte bli ett köp i förklädnad (HFD 2020:15) eller ett stöd utan grund i statsstödsreglerna.
- Ett krav som verkar fel: fråga, be kommunen ändra kravet, och ansök om överprövning i tid – en annonserad upphandling bara tills avtalsspärren har löpt ut.
""", tags=["bild"]),
        md("""
## Läs vidare – för din roll

- **Leverantör och ASF:** [Upphandlingsmyndigheten, Frågor från leverantörer](https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/fragor-fran-leverantorer/); [Upphandlingsmyndigheten, Lämna gemensamt anbud](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/samarbeta-med-underleverantorer-och-andra-samarbetspartners/lamna-gemensamt-anbud/); för ett arbetsintegrerande socialt företag (ASF) också [Upphandlingsmyndigheten, Regler om reserverad upphandling](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/).
- **Idéburen organisation:** [Kammarkollegiet, Frågor och svar om registret](https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/fragor-och-svar-om-registret-over-ideburna-organisationer); [MUCF, Idéburet offentligt partnerskap](https://www.mucf.se/ideburetoffentligtpartnerskap); [Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/).
- **Upphandlare:** [Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Leverantörens åtagande](https://upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/tillampning-kontraktsvillkor--leverantorens-atagande); [Upphandlingsmyndigheten, Tröskelvärden och direktupphandlingsgränser](https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/troskelvarden-och-direktupphandlingsgranser).
- **Matchningsansvarig och arbetsmarknadsenhet:** [Arbetsmiljöverket, Arbetsmiljöregler för vuxna praktikanter i arbetsmarknadspolitiska program](https://www.av.se/arbetsmiljoarbete-och-inspektioner/arbetsgivarens-ansvar-for-arbetsmiljon/arbetsmiljoregler-for-vuxna-praktikanter-i-arbetsmarknadspolitiska-program/); [Arbetsmiljöverket, AFS 2023:1](https://av.se/arbetsmiljoarbete-och-inspektioner/publikationer/foreskrifter/beslutade-foreskrifter-som-trader-i-kraft-2025/afs-20231).
"""),
        md("""
## Källor

- Lagen (2016:1145) om offentlig upphandling (LOU), 4 kap. 1, 5 och 18 §§, 5 kap., 12 kap. 11 §, 13 kap. 2 §, 14 kap. 6–8 §§, 15 kap. och 15 kap. 11 § 7, 16 kap. 7–8 §§, 17 kap. 1 och 2–5 §§, 19 kap. 25 och 25 a §§, 19 a kap., 20 kap. och 21 kap.: https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-20161145-om-offentlig-upphandling_sfs-2016-1145/
- Arbetsmiljölagen (1977:1160), 1 kap. 3 § och 3 kap. 2, 2 a och 3 §§: https://rkrattsbaser.gov.se/sfst?bet=1977:1160
- Lagen (2000:625) om den arbetsmarknadspolitiska verksamheten, 7 §: https://rkrattsbaser.gov.se/sfst?bet=2000:625
- Arbetsmiljöverket, *Arbetsmiljöregler för vuxna praktikanter i arbetsmarknadspolitiska program* (2023): https://www.av.se/arbetsmiljoarbete-och-inspektioner/arbetsgivarens-ansvar-for-arbetsmiljon/arbetsmiljoregler-for-vuxna-praktikanter-i-arbetsmarknadspolitiska-program/
- Arbetsmiljöverket, *AFS 2023:1 Systematiskt arbetsmiljöarbete – grundläggande skyldigheter för dig med arbetsgivaransvar*: https://av.se/arbetsmiljoarbete-och-inspektioner/publikationer/foreskrifter/beslutade-foreskrifter-som-trader-i-kraft-2025/afs-20231
- Lagen (2022:900) om registrering av idéburna organisationer: https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2022900-om-registrering-av-ideburna_sfs-2022-900/
- Upphandlingsmyndigheten, *Annonsera*: https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/annonsera/
- Upphandlingsmyndigheten, *Tillämpning kontraktsvillkor – Leverantörens åtagande*: https://upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/tillampning-kontraktsvillkor--leverantorens-atagande
- Upphandlingsmyndigheten, *Frågor från leverantörer*: https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/fragor-fran-leverantorer/
- Upphandlingsmyndigheten, Frågeportalen, *Hur många dagar innan sista anbudsdag får frågor och svar stänga?* (12 kap. 11 § LOU): https://www.upphandlingsmyndigheten.se/frageportalen/1796492/hur-manga-dagar-innan-sista-anbudsdag-far-fragor-o/
- Upphandlingsmyndigheten, *ESPD – en standardiserad egenförsäkran*: https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/krav-pa-leverantoren-och-grund-for-uteslutning/espd---en-standardiserad-egenforsakran/
- Upphandlingsmyndigheten, Frågeportalen, *Kan uppgift om att ett anbud har lämnats in omfattas av sekretess?*: https://www.upphandlingsmyndigheten.se/frageportalen/2478076/sekretessbelagga-anbudsgivaren/
- Upphandlingsmyndigheten, *Onormalt låga anbud*: https://www.upphandlingsmyndigheten.se/upphandla/ny-lagstiftning/nya-lagarna---en-overblick/nya-lagen-om-offentlig-upphandling-nya-lou/onormalt-laga-anbud/
- Upphandlingsmyndigheten, *Lämna gemensamt anbud tillsammans med andra leverantörer*: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/samarbeta-med-underleverantorer-och-andra-samarbetspartners/lamna-gemensamt-anbud/
- Upphandlingsmyndigheten, Frågeportalen, *Kan man kräva att alla leverantörer ska uppfylla kvalificeringskraven vid ett gemensamt anbud?* (4 kap. 5 § LOU): https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/gemensamt-anbud/
- Upphandlingsmyndigheten, Frågeportalen, *Hur kan en grupp av leverantörer uppfylla kvalificeringskraven?* (2024): https://www.upphandlingsmyndigheten.se/frageportalen/2933285/consortium/
- Upphandlingsmyndigheten, Frågeportalen, *Åberopande av annat företags kapacitet, måste underleverantören vara med vid utförandet?* (15 kap. 11 § 7 LOU): https://www.upphandlingsmyndigheten.se/frageportalen/1701704/aberopande-av-annat-foretags-kapacitet-woaj/
- Upphandlingsmyndigheten, Frågeportalen, *Om en underleverantör ska bytas ut, kan den ersättas med två nya?* (14 kap. 7 § LOU): https://www.upphandlingsmyndigheten.se/frageportalen/2149230/lagga-till-aberopade-foretag/
- Upphandlingsmyndigheten, Frågeportalen, *Får man begränsa leverantörers rätt att åberopa andra företags kapacitet?* (14 kap. 8 § LOU): https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/begransa-aberopande-av-andra-foretags-kapacitet/
- Upphandlingsmyndigheten, Frågeportalen, *Är det företaget eller uppdraget som omfattas av reglerna i LOU?* (underleverantörer, 14 kap. 6 § LOU): https://www.upphandlingsmyndigheten.se/frageportalen/1487678/ar-det-foretaget-eller-uppdraget-som-omfattas-luo/
- Upphandlingsmyndigheten, Frågeportalen, *Ansvar vid åberopande av annans ekonomiska kapacitet* (14 kap. 8 § LOU): https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/ansvar-vid-aberopande-av-annat-bolags-ekonomiska-k/
- Upphandlingsmyndigheten, *Villkor för underleverantörer*: https://www.upphandlingsmyndigheten.se/hallbarhet/socialt-ansvarsfull-upphandling/arbetsrattsliga-villkor/villkor-enligt-kollektivavtal/villkor-for-underleverantorer/
- Upphandlingsmyndigheten, *Regler om reserverad upphandling*: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/
- Upphandlingsmyndigheten, *Vilka personer avses?* (reserverad upphandling): https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/vilka-personer-avses/
- Upphandlingsmyndigheten, *Reserverad upphandling för vissa tjänster enligt bilaga 2*: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/
- Upphandlingsmyndigheten, Frågeportalen, *Idéburen organisation*: https://www.upphandlingsmyndigheten.se/frageportalen/2182083/ideburen-organisation/
- Upphandlingsmyndigheten, *Tröskelvärden och direktupphandlingsgränser*: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/troskelvarden-och-direktupphandlingsgranser
- Upphandlingsmyndigheten, *Överprövning av en upphandling*: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/overprovning-och-andra-rattsmedel/overprovning/av-en-upphandling/
- Upphandlingsmyndigheten, Frågeportalen, *Hur räknar man ut en avtalsspärr enligt LOU?*: https://www.upphandlingsmyndigheten.se/frageportalen/1372299/avtalssparr-lag-20161145-om-offentlig-upphandling/
- Tillväxtverket, *Stöd till arbetsintegrerande sociala företag* (vad ett ASF är): https://tillvaxtverket.se/amnesomraden/kompetensforsorjning/stod-till-arbetsintegrerande-sociala-foretag.html
- Tillväxtverket, *Sofisam stängs ner* (2020): https://tillvaxtverket.se/medarbetarsidor/aktuellt/aktuellt-2020/2020-09-01-sofisam-stangs-ner.html
- Tillväxtverket, *Västra Götalandsregionen* (regionalt projekt för ASF): https://tillvaxtverket.se/amnesomraden/kompetensforsorjning/stod-till-arbetsintegrerande-sociala-foretag/regionala-projekt/vastra-gotalandsregionen.html
- Skoopi, *Skoopis ASF-kriterier*: https://skoopi.coop/om-oss/skoopis-asf-kriterier/
- SKR, *Socialt företagande skapar nytta för individ och samhälle* (2018): https://skl.se/naringslivarbetedigitalisering/arbetsmarknadsysselsattning/socialtforetagande.10793.html
- Kammarkollegiet, *Frågor och svar om registret över idéburna organisationer*: https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/fragor-och-svar-om-registret-over-ideburna-organisationer
- Kammarkollegiet, *Ansök om att registrera idéburen organisation*: https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/ansok-om-att-registrera-ideburen-organisation
- Kammarkollegiet, *Årlig rapportering och avgift*: https://www.kammarkollegiet.se/vara-tjanster/ideburna-organisationer/arlig-rapportering-och-avgift
- MUCF, *Idéburet offentligt partnerskap*: https://www.mucf.se/ideburetoffentligtpartnerskap
- Malmö stad, *IOP – Idéburet Offentligt Partnerskap* (Forums kriterier): https://malmo.se/Service/For-foreningar/Organisationsstod-inom-socialt-omrade/IOP-Ideburet-Offentligt-Partnerskap.html
- Högsta förvaltningsdomstolen, HFD 2020:15 (dom den 11 mars 2020), referat: https://lagen.nu/dom/hfd/2020:15
- Upphandlingsmyndigheten, *Nya regler och takbelopp för statsstöd* (2024): https://www.upphandlingsmyndigheten.se/nyheter/2024/nya-regler-och-takbelopp-for-statsstod/

**Nästa steg:** öppna övningen [07_andra_sidan_bordet](../exercises/07_andra_sidan_bordet/07_andra_sidan_bordet.ipynb). På kursens server hämtar du den i stället under **Nbgrader → Assignment List** (se modul 00).
"""),
    ]


# -- the exercise -------------------------------------------------------------------------------------------------
ANSWER_HOW = "Svara med en bokstav inom citattecken, till exempel `\"A\"`."
FREE_TEXT_HOW = ("Skriv ditt svar i cellen nedanför: dubbelklicka på den, skriv och tryck **Shift + Enter**. Skriv bara "
                 "i den cellen – nya celler räknas inte.")


def letter_question(n: int, points: int, text: str, options: dict[str, str], key: str, explanation: str) -> list:
    opts = "\n".join(f"- **{k}** {v}" for k, v in options.items())
    var = f"svar_{n}"
    return [
        md(f"## Fråga {n} ({points} poäng)\n\n{text.strip()}\n\n{opts}\n\n{ANSWER_HOW}", grade_id=f"fraga_{n}"),
        answer(var, f'{var} = None  # Ersätt None med en bokstav inom citattecken, t.ex. "A"', f'{var} = "{key}"'),
        selfcheck_test(f"test_{var}", points, f"07-{n}", var, key, kind="bokstav", explanation=explanation),
    ]


def exercise_cells() -> list:
    andel = F("reserverad_upphandling_andelskrav")
    grans = F("direktupphandlingsgrans_lou")
    dok = F("dokumentationsplikt_direktupphandling")
    cells = [
        md("""
# Övning 07 – På andra sidan bordet

Övningen ger **14 poäng** som rättas automatiskt (fråga 1–7) och **8 poäng** som kursledaren bedömer (fråga 8–9). Fråga 1–7 besvarar du med en bokstav eller ett tal – du behöver inte skriva någon kod. Fråga 8 och 9 skriver du med egna ord; under varje fråga står hur svaret bedöms.

Fallen från Lerum, Öckerö, Ale, Tjörn och Kungälv är **påhittade exempel**.

**Tips:** Läs modul 07 först. Widgetarna i avsnitt 8 och 9 hjälper dig med fråga 4, 8 och 9.

**Tänk på:** ges kursen av en kommun eller av GR kan det du lämnar in bli en allmän handling (2 kap. tryckfrihetsförordningen). Skriv inga uppgifter om enskilda personer i dina svar.
""", grade_id="intro"),
    ]
    cells += letter_question(
        1, 2, f"""
*(Påhittat exempel)* Lerums kommun delar upp parkskötseln i tre delkontrakt och reserverar delkontrakt 3 enligt 4 kap. 18 § LOU. Ett litet arbetsintegrerande socialt företag har 10 sysselsatta. Två av dem har svårt att komma in på arbetsmarknaden. Andelskravet är {andel}. Får företaget delta i upphandlingen av delkontrakt 3?
""", {"A": "Ja. Företaget kallar sig arbetsintegrerande socialt företag, och det räcker för att få delta i en reserverad upphandling.",
      "B": "Nej. Bara 20 procent av de sysselsatta hör till gruppen, och andelen prövas när anbudet lämnas.",
      "C": "Ja, om företaget i anbudet lovar att anställa ytterligare en person ur gruppen så snart kontraktet har tilldelats.",
      "D": "Nej. En reserverad upphandling får bara gälla skyddade verkstäder, inte arbetsintegrerande sociala företag."},
        "B", f"B. Minst {fakta('reserverad_upphandling_andelskrav').text} av de sysselsatta ska ha funktionsnedsättning "
             "eller svårt att komma in på arbetsmarknaden; 2 av 10 är 20 procent. Kommunen kontrollerar det i "
             "kvalificeringen när anbudet lämnas, och ett löfte om senare anställning räcker inte (4 kap. 18 § LOU; "
             "Upphandlingsmyndigheten, Kontroll av förutsättningarna för reserverad upphandling). Reservationen gäller "
             "också leverantörer vars främsta syfte är integration, inte bara skyddade verkstäder.")
    cells += letter_question(
        2, 2, """
Ett företag läser upphandlingsdokumenten för lokalvård i en GR-kommun. Upphandlingen är över tröskelvärdet. Det är oklart om praktikplatser räknas, eller bara anställningar. Sista anbudsdag är om tre veckor. Vad är det bästa sättet för företaget att hantera oklarheten?
""", {"A": "Fråga skriftligt i upphandlingen nu. Kommunen ska svara senast sex dagar före sista anbudsdag, och svaret går till alla.",
      "B": "Lämna anbud som det är och ta upp frågan om praktikplatser räknas i en förhandling med kommunen efter tilldelningsbeslutet.",
      "C": "Ringa upphandlaren och be om ett muntligt besked, eftersom ett svar som bara gäller företaget inte behöver gå ut till de andra.",
      "D": "Vänta med frågan tills tilldelningsbeslutet har kommit, och ansöka om överprövning om företaget inte får kontraktet."},
        "A", "A. Kompletterande upplysningar ska lämnas senast sex dagar före sista anbudsdag om leverantören har frågat "
             "i god tid (fyra dagar vid ett påskyndat förfarande), och alla leverantörer ska få samma information "
             "samtidigt (12 kap. 11 § LOU; Upphandlingsmyndigheten, Frågor från leverantörer). Ett krav kan inte "
             "förhandlas bort för en enda anbudsgivare (4 kap. 1 § LOU), och att vänta till efter tilldelningen gör det "
             "svårare att få rätt.")
    cells += letter_question(
        3, 2, f"""
*(Påhittat exempel)* Öckerö kommun vill köpa fönsterputs till sina lokaler för 150 000 kr under ett år, utan options- eller förlängningsklausuler. Kommunen har inga andra köp av fönsterputs som hör till samma upphandling. Ett arbetsintegrerande socialt företag på ön har lämnat en offert. Direktupphandlingsgränsen är {grans}. Vad gäller?
""", {"A": "Kommunen måste alltid annonsera köpet när leverantören är ett arbetsintegrerande socialt företag, oavsett hur lågt värdet är.",
      "B": "Kommunen får direktupphandla från företaget just för att det är ett ASF, och då behöver köpet varken dokumenteras eller följa principerna.",
      "C": f"Den får direktupphandla eftersom värdet är under gränsen, men principerna gäller och köpet ska dokumenteras (värdet är minst {dok}).",
      "D": "Kommunen får bara köpa fönsterputs från ett ASF genom en reserverad upphandling enligt 4 kap. 18 § LOU, med annons och konkurrens."},
        "C", "C. Det är köpets värde som avgör om kommunen får direktupphandla (19 a kap. LOU), inte vem leverantören är. "
             "Principerna gäller också vid direktupphandling, och en direktupphandling ska dokumenteras om värdet är "
             f"minst {fakta('dokumentationsplikt_direktupphandling').text} (19 a kap. 11 § LOU).")
    cells += [
        md("""
## Fråga 4 (2 poäng)

*(Påhittat exempel)* Företaget i Lerum ska ta emot **2** praktikanter. Var och en behöver **4 timmars** handledning per vecka i **26 veckor**. Handledarens kostnad är **450 kr** per timme. Hur många kronor kostar handledningen sammanlagt?

Räkna med miniräknare eller i huvudet. Svara med ett tal utan citattecken och utan mellanslag, till exempel `12500`.
""", grade_id="fraga_4"),
        answer("svar_4", "kostnad_handledning = None  # Ersätt None med ett tal, t.ex. 12500",
               "kostnad_handledning = 93600"),
        selfcheck_test("test_svar_4", 2, "07-4", "kostnad_handledning", 93600, kind="tal",
                       explanation="2 praktikanter × 4 timmar × 26 veckor × 450 kr = 93 600 kr. Räkna in kostnaden i "
                                   "priset; kalkylen i modul 07 räknar på samma sätt."),
    ]
    cells += letter_question(
        5, 2, """
*(Påhittat exempel)* Ett arbetsintegrerande socialt företag i Ale vill lämna anbud på fastighetsskötsel i en upphandling över tröskelvärdet. Upphandlingen har ett kvalificeringskrav på en viss årsomsättning, och företaget når inte upp till den. Vad kan företaget göra?
""", {"A": "Ingenting. Ett kvalificeringskrav måste alltid uppfyllas av anbudsgivaren ensam, och ett annat företags resurser räknas aldrig.",
      "B": "Lämna anbud ändå och förklara i anbudet att företaget räknar med att växa och nå upp till omsättningen under avtalstiden.",
      "C": "Be kommunen stryka omsättningskravet för just det här företaget efter sista anbudsdag, eftersom det är ett ASF.",
      "D": "Åberopa ett annat företags kapacitet och visa att resurserna finns när kontraktet fullgörs, eller lämna ett gemensamt anbud."},
        "D", "D. En leverantör får åberopa andra företags kapacitet för krav på ekonomisk och finansiell ställning och "
             "visa att den förfogar över resurserna (14 kap. 6 § LOU), och grupper av leverantörer får lämna "
             "gemensamma anbud (4 kap. 5 § LOU). Ett krav kan inte strykas för en enda anbudsgivare (4 kap. 1 § LOU), "
             "och ett löfte om att växa visar inte att kravet är uppfyllt.")
    cells += letter_question(
        6, 2, """
*(Påhittat exempel)* En förening på Tjörn föreslår ett "IOP": kommunen ska betala 350 kr per deltagare och timme för läxhjälp som föreningen håller på de tider och med det innehåll som skolan bestämmer. Hur bör kommunen se på förslaget?
""", {"A": "Som ett IOP, eftersom det är föreningen som har tagit initiativet och föreningen inte har något vinstsyfte.",
      "B": "Som troligen ett köp: föreningen åtar sig en bestämd tjänst mot ersättning per deltagare och timme, även om det kallas IOP.",
      "C": "Som ett föreningsbidrag, eftersom mottagaren är en ideell förening och pengarna går till föreningens egen verksamhet.",
      "D": "Som ett tillåtet IOP, under förutsättning att föreningen först har registrerat sig hos Kammarkollegiet enligt lagen (2022:900)."},
        "B", "B. Betalning per deltagare och timme för en tjänst som kommunen bestämmer är en motprestation mot "
             "ersättning, alltså ett köp (jfr HFD 2020:15). Initiativet eller ordet IOP ändrar inte det, och "
             "registrering enligt lagen (2022:900) är frivillig och ger ingen rätt att låta bli att upphandla.")
    cells += letter_question(
        7, 2, """
*(Påhittat exempel)* Ett företag i Kungälv anser att ett krav i en annonserad upphandling var oproportionerligt, men sa ingenting under anbudstiden. Tilldelningsbeslutet skickades elektroniskt för tre veckor sedan, avtalsspärren har löpt ut och kommunen har tecknat avtal med en annan leverantör. Vad gäller?
""", {"A": "Det är för sent att överpröva: en annonserad upphandling kan bara överprövas tills avtalsspärren har löpt ut.",
      "B": "Företaget kan fortfarande ansöka om överprövning hos förvaltningsrätten, eftersom ett oproportionerligt krav strider mot LOU.",
      "C": "Kommunen måste göra om upphandlingen om företaget skriftligt förklarar för kommunen varför kravet var oproportionerligt.",
      "D": "Företaget kan begära att Upphandlingsmyndigheten prövar kravet och beslutar att kommunen ska rätta upphandlingen."},
        "A", "A. En annonserad upphandling kan överprövas fram till dess att avtalsspärren löper ut (Upphandlingsmyndigheten, "
             "Överprövning av en upphandling). Det är förvaltningsrätten som prövar en ansökan om överprövning (20 kap. "
             "LOU), inte Upphandlingsmyndigheten. Efter avtalet återstår i vissa fall skadestånd (20 kap. LOU), och "
             "företaget kan tipsa Konkurrensverket, som har tillsyn (21 kap. LOU), men avtalet ändras inte. Ett krav som "
             "verkar fel tas därför upp under anbudstiden, med en fråga och vid behov en ansökan om överprövning i tid.")
    cells += [
        md(f"""
## Fråga 8 (4 poäng, bedöms av kursledaren)

**Prissätt kravet.** Du är leverantör i exemplet från Lerum (eller i en upphandling som du känner till). Beskriv (a) vilka **tre** av de kostnader som ett sysselsättningskrav ger som väger tyngst för dig och hur du uppskattar var och en, (b) **en** fråga som du skulle ställa till kommunen under anbudstiden och varför, och (c) vad du som arbetsgivare måste ordna för handledning och arbetsmiljö, med lagrum.

{FREE_TEXT_HOW}

**Så bedöms svaret** (4 poäng)

- 4 p: (a) tre av kostnaderna i modul 07 (handledning, lägre produktivitet i början, övriga kostnader per plats, möten, rapportering), var och en med en rimlig beräkningsgrund (timmar, andel, månader, timkostnad, kronor per plats), *och* (b) en konkret fråga med motivering och att den ställs skriftligt under anbudstiden, *och* (c) minst två skyldigheter enligt arbetsmiljölagen med lagrum (till exempel 3 kap. 2 a § och 3 kap. 3 §).
- 3 p: alla tre delarna finns men en av dem är svag, till exempel utan beräkningsgrund eller utan lagrum.
- 2 p: två av delarna är bra; den tredje saknas.
- 1 p: bara allmänna formuleringar ("det kostar pengar").
- 0 p: inget svar, eller svar som inte handlar om frågan.
""", grade_id="fraga_8"),
        manual_answer("svar_8", 4, """
*Exempelsvar:* (a) Handledning: 2 platser × 4 timmar i veckan × 26 veckor × handledarens timkostnad. Lägre produktivitet: de första två månaderna gör en ny medarbetare kanske 40 procent mindre; för en anställning räknar jag den andelen av lön och avgifter under de månaderna, för praktik utan lön blir posten liten. Rapportering: tre timmar per kvartal gånger timkostnaden under hela kontraktstiden. Jag räknar med egna siffror och lägger kostnaden i priset, till exempel per timme i anbudet. (b) Jag frågar skriftligt i upphandlingen, i god tid, om praktik räknas eller bara anställning, eftersom det avgör både kostnaden och vilka kandidater jag kan ta emot. Över tröskelvärdet ska svaret komma senast sex dagar före sista anbudsdag (12 kap. 11 § LOU), och det går till alla leverantörer. (c) Jag utser en handledare med tid, går igenom riskerna och ser till att personen har den utbildning som behövs, och anpassar uppgifterna efter personens förutsättningar (3 kap. 2 a och 3 §§ arbetsmiljölagen; AFS 2023:1). Tar vi emot en praktikant i ett arbetsmarknadspolitiskt program via Arbetsförmedlingen har vi, som upplåter arbetsplatsen, arbetsgivarens ansvar för arbetsmiljön, och praktikanten likställs med arbetstagare (7 § lagen (2000:625) om den arbetsmarknadspolitiska verksamheten).
"""),
        example_answer_cell("07", "svar_8"),
        md(f"""
## Fråga 9 (4 poäng, bedöms av kursledaren)

**Ta initiativ till ett IOP.** Du företräder en idéburen organisation i en GR-kommun (till exempel föreningen på Tjörn i modul 07). Skriv kärnan i ett initiativ till kommunen: (a) **behovet** och vad ni redan gör, (b) **ert eget bidrag**, (c) hur ni föreslår att ni och kommunen **analyserar behovet tillsammans**, och (d) varför samarbetet **inte är ett köp** (HFD 2020:15), och en sak ni måste tänka på om statsstöd.

{FREE_TEXT_HOW}

**Så bedöms svaret** (4 poäng)

- 4 p: (a), (b) och (c) är konkreta, *och* (d) visar att organisationen inte åtar sig att utföra en bestämd tjänst åt kommunen mot ersättning (till exempel ingen betalning per deltagare eller timme, kommunen detaljstyr inte), med HFD 2020:15, *och* en korrekt statsstödspunkt (till exempel de minimis-taket, att hela avtalets belopp räknas, att annat stöd som har lämnats som de minimis räknas in, eller att stödet troligen inte är statsstöd om ingen erbjuder verksamheten på en marknad).
- 3 p: (a)–(d) finns men motiveringen i (d) eller statsstödspunkten är svag.
- 2 p: behov och eget bidrag är konkreta, men (c) eller (d) saknas.
- 1 p: bara allmänna formuleringar.
- 0 p: inget svar, eller ett förslag där kommunen köper en bestämd tjänst och kallar det IOP.
""", grade_id="fraga_9"),
        manual_answer("svar_9", 4, f"""
*Exempelsvar:* (a) Många äldre som bor ensamma på öarna träffar sällan andra. Vår förening har i tre år ordnat träffar varje vecka. (b) Vi bidrar med ideella värdar, vår egen lokal och pengar som vi samlar in. (c) Vi föreslår att vi och äldreomsorgen tillsammans går igenom vad vi vet om behovet, enligt MUCF:s fyra nycklar: varför IOP och inte bidrag eller upphandling, en gemensam analys av behovet, vad som ägs gemensamt och vad vi vill lära oss. (d) Kommunen bidrar till hyran och med kunskap, men betalar inte per deltagare eller träff och bestämmer inte hur träffarna går till. Vi åtar oss alltså inte att utföra en bestämd tjänst åt kommunen mot ersättning, och det talar starkt emot att det är ett offentligt kontrakt (jfr HFD 2020:15). Det avgörande är hur avtalet till slut skrivs. Statsstöd: om verksamheten skulle anses erbjudas på en marknad räknas hela det belopp som avtalet ger rätt till, plus annat stöd som vi de senaste tre åren har fått som de minimis-stöd, mot taket {F('de_minimis_tak')} ({fakta('de_minimis_tak').lagrum}).
"""),
        example_answer_cell("07", "svar_9"),
        md("""
## Klart!

Spara (**Ctrl + S**), klicka **Validate** och lämna in (**Submit**). Ta med dig checklistan eller IOP-initiativet från modul 07.
""", grade_id="slut"),
    ]
    return cells


KURS = {
    "fragor": FRAGOR,
    "larandemal": LARANDEMAL,
    "modul": "07",
    "ovning": NAME,
    "senast_granskad": REVIEWED,
    "tid_lasning_min": KURS_TID_LASNING,
    "tid_ovning_min": 40,
    "titel": "På andra sidan bordet",
}


def main() -> None:
    write(notebook(lecture_cells(), kurs=KURS), LECTURE)
    linked = link_notebook(LECTURE)
    write(notebook(exercise_cells()), SOLUTION)
    print(f"{LECTURE.relative_to(REPO)} ({len(linked)} ordlistelänkar), {SOLUTION.relative_to(REPO)}")


if __name__ == "__main__":
    main()
