"""Module 07's supplier checklist: how a supplier reads and prices a tender with social requirements.

``requirement_cost`` estimates what an employment requirement costs the supplier, only from the supplier's own
figures (supervision hours in the first months and after, lower productivity at first, other costs per place,
meetings, reporting); the course invents no figure. ``dialogue_cost`` is the same for the dialogue variant (meetings
and reporting only). ``cost_lines`` prints the figures an estimate rests on, one formula per item and how the total
becomes a price. ``supplier_checklist`` turns the answers about one tender into (title, sections, warnings); the
widget (widgets/leverantor.py) writes them with ``documents.writer`` into ``mina_dokument/``. A tender without an
employment requirement gets no estimate. Every legal statement in the fixed text names its lagrum or source;
changing figures come from the facts registry. Bad input raises InputError with Swedish messages.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from upphandlingskurs import format as fmt
from upphandlingskurs.content.data import GR_MUNICIPALITIES
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.documents.action_plan import check_no_contact_details
from upphandlingskurs.documents.writer import Section
from upphandlingskurs.parsing import InputError, parse_number

WEEKS_PER_MONTH = 52 / 12  # printed as "52 veckor / 12 månader", so the printed formula gives the same sum
WEEKS_PRINTED = "(52 veckor / 12 månader)"

# The employment requirement's variants in Upphandlingsmyndigheten's model (module 02).
VARIANTS = {
    "anstallning_praktik": "Leverantören ska erbjuda anställning eller praktik till personer i målgruppen",
    "dialog": "Leverantören ska delta i dialog om sysselsättningsfrämjande åtgärder (dialogvillkor)",
    "inget": "Upphandlingen har inget sysselsättningskrav",
}
RESERVATIONS = {
    "nej": "Upphandlingen är inte reserverad",
    "4_18": "Upphandlingen (eller ett delkontrakt) är reserverad enligt 4 kap. 18 § LOU",
    "19_25a": "Upphandlingen är reserverad för idéburna organisationer enligt 19 kap. 25 a § LOU",
}
YES_NO = {"ja": True, "nej": False}

# -- fixed text (it goes to work as it comes out: every legal statement names its lagrum or source) ---------------
SRC_VARIANTS = "Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Leverantörens åtagande"
SRC_QUESTIONS = "Upphandlingsmyndigheten, Frågor från leverantörer"
REQUIREMENT_IS_CONDITION = (
    "Ett sysselsättningskrav är ett särskilt kontraktsvillkor: det gäller när kontraktet fullgörs, inte när anbudet "
    "lämnas (17 kap. 1 § LOU). Läs därför villkoret, rapporteringen och sanktionerna i avtalsutkastet lika noga som "
    f"kravspecifikationen ({SRC_VARIANTS}).")
ASK_DURING_TENDER = (
    "Ställ frågor skriftligt under anbudstiden, i det upphandlingssystem där upphandlingen är annonserad, och i god tid "
    "före den sista dag för frågor som står i upphandlingsdokumenten. Över tröskelvärdet ska kommunen lämna "
    "kompletterande upplysningar senast sex dagar före sista anbudsdag, eller fyra dagar vid ett påskyndat förfarande, "
    "om ni har frågat i god tid (12 kap. 11 § LOU). Under tröskelvärdena gäller reglerna i 19 kap. LOU och de frister "
    f"som står i upphandlingsdokumenten. Svaren ska gå skriftligen till alla leverantörer samtidigt ({SRC_QUESTIONS}). "
    "Läs alla publicerade svar innan ni lämnar anbud. I ett öppet förfarande kan ni som regel inte ändra anbudet efter "
    "sista anbudsdag, och ett krav kan inte förhandlas bort för en enda anbudsgivare (4 kap. 1 § LOU).")
DATES = [
    "Sista dag för frågor: [fyll i]",
    "Sista anbudsdag: [fyll i]",
    "Dagen då avtalsspärren löper ut (står i tilldelningsbeslutet): [fyll i]",
]
QUESTIONS_TO_ASK = [  # an employment requirement
    "Gäller antalet platser hela kontraktstiden eller varje avtalsår, och räknas förlängningar med?",
    "Vilken målgrupp gäller, och hur visar vi att en person tillhör den?",
    "Räknas praktik, anställning med stöd eller bara anställning utan stöd?",
    "Räknas personer som redan arbetar hos oss?",
    "Kan samma person räknas i flera kontrakt?",
    "Vad händer om en person slutar i förtid?",
    "Vad ska vi rapportera, hur ofta och i vilken mall?",
    "Vad gör kommunens matchningsansvariga, och vad händer om ingen kandidat kan erbjudas?",
    "Vilka sanktioner gäller, och när?",
]
DIALOGUE_QUESTIONS = [  # the dialogue variant: no places, only meetings and reporting
    "Hur många möten räknar kommunen med, och vilka deltar från kommunen?",
    "Vad gör kommunens matchningsansvariga i dialogen?",
    "Vad ska vi rapportera, hur ofta och i vilken mall?",
    "Vilka sanktioner gäller, och när?",
]
GENERAL_QUESTIONS = [  # no employment requirement: questions about the tender in general
    "Är något krav, något villkor i avtalsutkastet eller något i prisformuläret oklart? Fråga hellre en gång för "
    "mycket.",
]
SRC_AV_PRAKTIK = "Arbetsmiljöverket, Arbetsmiljöregler för vuxna praktikanter i arbetsmarknadspolitiska program"
WORK_ENVIRONMENT = [
    "Arbetsgivaren ska vidta alla åtgärder som behövs för att förebygga ohälsa och olycksfall (3 kap. 2 § "
    "arbetsmiljölagen (1977:1160)) och systematiskt planera, leda och kontrollera verksamheten (3 kap. 2 a §).",
    "Arbetsgivaren ska se till att den nya medarbetaren känner till riskerna och har den utbildning som behövs, och "
    "ska ta hänsyn till personens särskilda förutsättningar för arbetet, till exempel genom att anpassa "
    "arbetsförhållandena (3 kap. 3 § arbetsmiljölagen).",
    "Tar ni emot en praktikant i ett arbetsmarknadspolitiskt program, till exempel arbetspraktik via "
    "Arbetsförmedlingen, har ni som har upplåtit arbetsplatsen arbetsgivarens ansvar för arbetsmiljön. Praktikanten "
    "likställs med arbetstagare i stora delar av arbetsmiljölagen. Det följer av lag och kan inte avtalas bort "
    f"(7 § lagen (2000:625) om den arbetsmarknadspolitiska verksamheten; {SRC_AV_PRAKTIK}).",
    "Den som genomgår utbildning på arbetsplatsen likställs också med arbetstagare i stora delar av lagen, och då har "
    "den som driver verksamheten arbetsgivarens ansvar (1 kap. 3 § arbetsmiljölagen).",
    "Kommer praktikanten genom kommunen: fråga vilka regler som gäller för just den insatsen, och kom överens "
    "skriftligt om hur ni och kommunen samordnar arbetsmiljöarbetet.",
    "Hur det systematiska arbetsmiljöarbetet ska gå till står i Arbetsmiljöverkets föreskrifter AFS 2023:1 "
    "(Systematiskt arbetsmiljöarbete – grundläggande skyldigheter för dig med arbetsgivaransvar, gäller från 2025).",
    "Utse en handledare med tid för uppgiften och skriv in handledningen i planeringen och i kalkylen.",
]
SRC_CAPACITY = "Upphandlingsmyndigheten, Frågeportalen"
SRC_CAPACITY_RULES = "Upphandlingsmyndigheten, Åberopa andra företags kapacitet"
CAPACITY_SCOPE = (
    "Reglerna i 14 kap. LOU nedan gäller direktivstyrda upphandlingar, alltså upphandlingar över tröskelvärdena som "
    "inte gäller sociala tjänster och andra särskilda tjänster i bilaga 2 till LOU "
    f"({SRC_CAPACITY_RULES}). I andra upphandlingar gäller 19 kap. LOU och det som står i upphandlingsdokumenten. "
    "Läs dem, och fråga kommunen om det är oklart.")
OWN_CAPACITY = [
    "Ni kan åberopa ett annat företags kapacitet för att uppfylla krav på ekonomisk och finansiell ställning eller "
    "teknisk och yrkesmässig kapacitet. Ni måste då visa att ni kommer att förfoga över resurserna när kontraktet "
    f"fullgörs, till exempel med ett åtagande från det andra företaget (14 kap. 6 § LOU; {SRC_CAPACITY}).",
    "Gäller kravet utbildnings- och yrkeskvalifikationer hos ledande personer, till exempel arbetsledarens utbildning, "
    "får ni bara åberopa det andra företaget om det också utför den del av tjänsten där kvalifikationerna behövs "
    f"(14 kap. LOU och 15 kap. 11 § 7 LOU; {SRC_CAPACITY}: Åberopande av annat företags kapacitet).",
    "Kommunen kontrollerar också det företag ni åberopar. Uppfyller det inte kravet, eller finns det grund att "
    f"utesluta det, ska kommunen begära att ni byter ut det (14 kap. 7 § LOU; {SRC_CAPACITY}).",
    "Gäller det ekonomisk och finansiell ställning får kommunen kräva att det andra företaget tar ett solidariskt "
    "ansvar för att kontraktet fullgörs, alltså svarar för hela kontraktet om ni inte klarar det. Kommunen får också "
    f"kräva att vissa avgörande uppgifter utförs av er själva (14 kap. 8 § LOU; {SRC_CAPACITY}).",
    "Ni kan också lämna ett gemensamt anbud tillsammans med andra leverantörer. Kommunen får inte kräva att gruppen "
    "har en viss juridisk form för att få lämna anbud, men får kräva det av en grupp som tilldelas kontraktet, om det "
    "krävs för att kontraktet ska kunna fullgöras på ett bra sätt (4 kap. 5 § LOU; Upphandlingsmyndigheten, Lämna "
    "gemensamt anbud).",
    "Kvalificeringskraven kan som utgångspunkt uppfyllas av gruppen tillsammans. Kommunen får i "
    "upphandlingsdokumenten ange hur en grupp ska uppfylla kraven, om det är berättigat av objektiva skäl "
    f"({SRC_CAPACITY}: Hur kan en grupp av leverantörer uppfylla kvalificeringskraven?).",
    "Företag som själva hade kunnat lämna anbud får inte samarbeta på ett sätt som begränsar konkurrensen "
    "(konkurrensrätten; Upphandlingsmyndigheten, Lämna gemensamt anbud).",
]
SUBCONTRACTORS = [
    "Som huvudregel får ni använda underleverantörer, men kommunen kan ställa särskilda krav på dem i "
    "upphandlingsdokumenten (Upphandlingsmyndigheten, Frågeportalen: Är det företaget eller uppdraget som omfattas "
    "av reglerna i LOU?).",
    "Ni är kommunens avtalspart och svarar för att sysselsättningskravet uppfylls, också när en underleverantör "
    "utför arbetet. Skriv in kravet och rapporteringen i avtalet med underleverantören.",
    "Arbetsrättsliga villkor om lön, semester och arbetstid kan också gälla underleverantörer som direkt medverkar "
    "till att fullgöra kontraktet (17 kap. 2–5 §§ LOU; Upphandlingsmyndigheten, Villkor för underleverantörer). "
    "Villkoren är obligatoriska när de behövs i upphandlingar över tröskelvärdet, men inte för sociala tjänster och "
    "andra särskilda tjänster i bilaga 2. I övriga upphandlingar kan kommunen ställa dem frivilligt.",
]
CHALLENGE = [
    "Börja med en fråga under anbudstiden. Kommunen kan förtydliga eller rätta upphandlingsdokumenten; gör den "
    f"väsentliga ändringar ska anbudstiden förlängas ({SRC_QUESTIONS}).",
    "Överprövning: en leverantör kan ansöka hos förvaltningsrätten om att upphandlingen ska rättas eller göras om "
    "(20 kap. LOU). Det går från det att upphandlingen har påbörjats. En annonserad upphandling kan överprövas fram "
    "till dess att avtalsspärren löper ut; en direktupphandling bara fram till dess att avtal har tecknats "
    "(Upphandlingsmyndigheten, Överprövning av en upphandling).",
    "Avtalsspärren är 10 dagar från det att tilldelningsbeslutet skickades elektroniskt. Är den sista dagen en lördag "
    "eller söndag löper spärren till nästa vardag (Upphandlingsmyndigheten, Frågeportalen: Hur räknar man ut en "
    "avtalsspärr enligt LOU?). Läs vilken dag spärren löper ut i tilldelningsbeslutet, och skicka ansökan i så god tid "
    "att den är framme hos förvaltningsrätten innan dess.",
    "Domstolen ingriper bara om felet har skadat eller kan skada leverantören (20 kap. 6 § LOU). Ett krav som ni "
    "anser är oproportionerligt bör ni därför ta upp under anbudstiden, inte först när ni har förlorat.",
    "När avtalet är tecknat kan upphandlingen inte längre ändras. Det som återstår är i vissa fall skadestånd "
    "(20 kap. LOU). Ni kan också tipsa Konkurrensverket, som har tillsyn över upphandlingar (21 kap. LOU), men det "
    "ändrar inte avtalet.",
]
RESERVED_4_18 = (
    "Vid reserverad upphandling enligt 4 kap. 18 § LOU får bara skyddade verkstäder och leverantörer vars främsta "
    "syfte är social och yrkesmässig integration av personer med funktionsnedsättning eller personer som har svårt "
    "att komma in på arbetsmarknaden delta (verksamhetskravet). Dessutom ska minst {andel} av de sysselsatta hos er "
    "vara sådana personer (andelskravet). Personerna behöver inte vara anställda; praktik eller annan sysselsättning "
    "räknas också. Kommunen kontrollerar kraven i kvalificeringen, när anbudet lämnas, och förutsättningarna ska bestå "
    "under hela avtalstiden (Upphandlingsmyndigheten, Regler om reserverad upphandling; Vilka personer avses?). Ha "
    "underlaget klart: hur många är sysselsatta, och hur många av dem hör till gruppen? Lämna siffror för hela "
    "gruppen, inte uppgifter om hälsan hos enskilda. Personuppgifter ska behandlas enligt dataskyddsförordningen "
    "(Upphandlingsmyndigheten, Vilka personer avses?).")
RESERVED_19_25A = (
    "Vid reservation enligt 19 kap. 25 a § LOU (från {fran}) får bara idéburna organisationer delta, alltså "
    "organisationer som uteslutande har ett allmännyttigt syfte som står i stadgar, bolagsordning eller motsvarande "
    "handling (Upphandlingsmyndigheten, Frågeportalen: Idéburen organisation). Dessutom gäller tre villkor: "
    "organisationens allmännyttiga syfte bidrar till ändamålet med tjänsten, organisationen gör inga "
    "värdeöverföringar utom till registrerade idéburna organisationer eller till forskning, och staten, en region "
    "eller en kommun har inte ett rättsligt bestämmande inflytande över den. Reservationen gäller bara de tjänster i "
    "bilaga 2 vars CPV-koder står i bestämmelsen (Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster "
    "enligt bilaga 2). Ett företag med vinstsyfte omfattas inte; för ett arbetsintegrerande socialt företag finns i "
    "stället 4 kap. 18 § LOU. Registrering hos Kammarkollegiet enligt lagen (2022:900) är frivillig (Kammarkollegiet).")
ESTIMATE_NOTE = (
    "Kalkylen bygger bara på era egna siffror, som står nedan. Antalet platser är alla platser under hela "
    "kontraktstiden; står kravet per avtalsår har ni räknat det gånger antalet år. Kalkylen räknar med 52 veckor per "
    "år, alltså 52 veckor / 12 månader per månad. Räknar ni om för hand: använd 52/12, inte ett avrundat tal. Den visar inte vad kravet ger: en medarbetare som lär sig arbetet gör efter hand mer. Stöd som "
    "Arbetsförmedlingen kan ge till en anställning, och vad kommunens matchningsansvariga hjälper till med, är inte "
    "medräknat – fråga dem (modul 06).")
TO_PRICE = (
    "Så blir kalkylen ett pris: lägg kostnaden på de priser som upphandlingsdokumenten frågar efter. Frågar kommunen "
    "efter ett pris per timme delar ni kostnaden med de timmar ni räknar med att utföra under kontraktet; frågar den "
    "efter ett fast pris per månad delar ni med kontraktets månader. Verkar ert pris onormalt lågt, till exempel tack "
    "vare lönestöd, ska kommunen be er förklara det, och anbudet kan förkastas om förklaringen inte räcker (16 kap. "
    "7–8 §§ LOU; Upphandlingsmyndigheten, Onormalt låga anbud). Ha kalkylen klar.")
DIALOGUE_NOTE = (
    "Dialogvillkoret innebär att ni deltar i samtal om vilka åtgärder som är möjliga. Kalkylen räknar därför bara "
    f"tiden för möten och rapportering ({SRC_VARIANTS}).")
DIALOGUE_ESTIMATE_NOTE = (
    "Kalkylen räknar bara tiden för möten och rapportering, med er egen kostnad per timme, som står nedan. Ett "
    "dialogvillkor kräver inga platser, så det finns ingen handledning eller lägre produktivitet att räkna med.")
FIRST_TENDER = [
    "Upphandlingar som inte är direktupphandlingar annonseras i annonsdatabaser som är registrerade hos "
    "Konkurrensverket; över tröskelvärdena också i EU:s databas TED (Upphandlingsmyndigheten, Annonsera). Lägg in en "
    "bevakning med sökord för det ni säljer.",
    "Över tröskelvärdena ska kommunen godta en egen försäkran i formuläret ESPD (europeiskt enhetligt "
    "upphandlingsdokument) som preliminärt bevis för att ni inte ska uteslutas och uppfyller kvalificeringskraven "
    "(15 kap. LOU; Upphandlingsmyndigheten, ESPD – en standardiserad egenförsäkran). Den som ska tilldelas kontraktet "
    "lämnar sedan bevisen.",
    "Har ni obetalda skatter eller socialförsäkringsavgifter ska ni som utgångspunkt uteslutas (13 kap. 2 § LOU). "
    "Kontrollera det hos Skatteverket innan ni lämnar anbud.",
    "Läs kraven på ekonomisk ställning, till exempel omsättning eller kreditbetyg, tidigt. Når ni inte upp till dem "
    "kan ni åberopa ett annat företags kapacitet eller lämna ett gemensamt anbud (se nedan).",
    "Anbudet blir en allmän handling hos kommunen. Ni kan i anbudet be om sekretess för affärshemligheter, men det är "
    "kommunen som prövar om uppgifterna omfattas av sekretess enligt offentlighets- och sekretesslagen när någon "
    "begär att få ta del av dem. Motivera konkret vilken skada ni skulle lida för varje uppgift "
    "(Upphandlingsmyndigheten, Frågeportalen: Kan uppgift om att ett anbud har lämnats in omfattas av sekretess?).",
]
SOURCES = [
    "Lagen (2016:1145) om offentlig upphandling (LOU): https://www.riksdagen.se/sv/dokument-och-lagar/dokument/"
    "svensk-forfattningssamling/lag-20161145-om-offentlig-upphandling_sfs-2016-1145/",
    "Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Leverantörens åtagande: "
    "https://upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
    "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/"
    "tillampning-kontraktsvillkor--leverantorens-atagande",
    "Upphandlingsmyndigheten, Frågor från leverantörer: "
    "https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/fragor-fran-leverantorer/",
    "Upphandlingsmyndigheten, Annonsera: https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/"
    "annonsera/",
    "Upphandlingsmyndigheten, ESPD – en standardiserad egenförsäkran: https://www.upphandlingsmyndigheten.se/"
    "inkopsprocessen/genomfor-upphandlingen/krav-pa-leverantoren-och-grund-for-uteslutning/"
    "espd---en-standardiserad-egenforsakran/",
    "Upphandlingsmyndigheten, Frågeportalen: Kan uppgift om att ett anbud har lämnats in omfattas av sekretess? "
    "https://www.upphandlingsmyndigheten.se/frageportalen/2478076/sekretessbelagga-anbudsgivaren/",
    "Upphandlingsmyndigheten, Onormalt låga anbud: https://www.upphandlingsmyndigheten.se/upphandla/ny-lagstiftning/"
    "nya-lagarna---en-overblick/nya-lagen-om-offentlig-upphandling-nya-lou/onormalt-laga-anbud/",
    "Upphandlingsmyndigheten, Åberopa andra företags kapacitet: https://www.upphandlingsmyndigheten.se/"
    "regler-och-lagstiftning/samarbeta-med-underleverantorer-och-andra-samarbetspartners/aberopa-annans-kapacitet/",
    "Upphandlingsmyndigheten, Lämna gemensamt anbud: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/"
    "samarbeta-med-underleverantorer-och-andra-samarbetspartners/lamna-gemensamt-anbud/",
    "Upphandlingsmyndigheten, Frågeportalen: Kan man kräva att alla leverantörer ska uppfylla kvalificeringskraven vid "
    "ett gemensamt anbud? (4 kap. 5 § LOU): "
    "https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/gemensamt-anbud/",
    "Upphandlingsmyndigheten, Frågeportalen: Hur kan en grupp av leverantörer uppfylla kvalificeringskraven? "
    "https://www.upphandlingsmyndigheten.se/frageportalen/2933285/consortium/",
    "Upphandlingsmyndigheten, Frågeportalen: Åberopande av annat företags kapacitet, måste underleverantören vara med "
    "vid utförandet? https://www.upphandlingsmyndigheten.se/frageportalen/1701704/aberopande-av-annat-foretags-kapacitet-woaj/",
    "Upphandlingsmyndigheten, Frågeportalen: Om en underleverantör ska bytas ut, kan den ersättas med två nya? "
    "(14 kap. 7 § LOU): https://www.upphandlingsmyndigheten.se/frageportalen/2149230/lagga-till-aberopade-foretag/",
    "Upphandlingsmyndigheten, Frågeportalen: Får man begränsa leverantörers rätt att åberopa andra företags "
    "kapacitet? (14 kap. 8 § LOU): https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/"
    "begransa-aberopande-av-andra-foretags-kapacitet/",
    "Upphandlingsmyndigheten, Frågeportalen: Är det företaget eller uppdraget som omfattas av reglerna i LOU? "
    "https://www.upphandlingsmyndigheten.se/frageportalen/1487678/ar-det-foretaget-eller-uppdraget-som-omfattas-luo/",
    "Upphandlingsmyndigheten, Överprövning av en upphandling: https://www.upphandlingsmyndigheten.se/"
    "regler-och-lagstiftning/overprovning-och-andra-rattsmedel/overprovning/av-en-upphandling/",
    "Upphandlingsmyndigheten, Frågeportalen: Hur räknar man ut en avtalsspärr enligt LOU? "
    "https://www.upphandlingsmyndigheten.se/frageportalen/1372299/avtalssparr-lag-20161145-om-offentlig-upphandling/",
    "Arbetsmiljölagen (1977:1160): https://rkrattsbaser.gov.se/sfst?bet=1977:1160",
    "Arbetsmiljöverket, Arbetsmiljöregler för vuxna praktikanter i arbetsmarknadspolitiska program (7 § lagen "
    "(2000:625)): https://www.av.se/arbetsmiljoarbete-och-inspektioner/arbetsgivarens-ansvar-for-arbetsmiljon/"
    "arbetsmiljoregler-for-vuxna-praktikanter-i-arbetsmarknadspolitiska-program/",
    "Arbetsmiljöverket, AFS 2023:1: https://av.se/arbetsmiljoarbete-och-inspektioner/publikationer/foreskrifter/"
    "beslutade-foreskrifter-som-trader-i-kraft-2025/afs-20231",
    "Upphandlingsmyndigheten, Villkor för underleverantörer: https://www.upphandlingsmyndigheten.se/hallbarhet/"
    "socialt-ansvarsfull-upphandling/arbetsrattsliga-villkor/villkor-enligt-kollektivavtal/villkor-for-underleverantorer/",
    "Upphandlingsmyndigheten, Regler om reserverad upphandling: https://www.upphandlingsmyndigheten.se/"
    "regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/",
    "Upphandlingsmyndigheten, Vilka personer avses? https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/"
    "hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/vilka-personer-avses/",
    "Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2: "
    "https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/"
    "reserverad-upphandling-for-vissa-tjanster-enligt-bilaga-2/",
    "Upphandlingsmyndigheten, Frågeportalen: Idéburen organisation: "
    "https://www.upphandlingsmyndigheten.se/frageportalen/2182083/ideburen-organisation/",
]


@dataclass(frozen=True)
class CostEstimate:
    """What an employment requirement costs the supplier over the contract, in kronor, with the figures it rests on."""
    handledning: float
    produktivitet: float
    ovrigt: float
    moten: float
    rapportering: float
    # the supplier's own figures (printed in the document so that the estimate can be checked and redone)
    platser: int = 0
    manader: int = 0
    tim_vecka: float = 0
    tim_vecka_sedan: float = 0
    timkostnad: float = 0
    inskolning: int = 0
    procent: float = 0
    manadskostnad: float = 0
    ovrigt_per_plats: float = 0
    motestimmar: float = 0
    rapport_tim: float = 0
    kontraktstid: int = 1
    dialog: bool = False

    @property
    def total(self) -> float:
        return self.handledning + self.produktivitet + self.ovrigt + self.moten + self.rapportering

    @property
    def kvartal(self) -> int:
        return math.ceil(self.kontraktstid / 3)


def _num(raw, label: str, *, minimum: float = 0, maximum: float | None = None, integer: bool = False,
         default: float | None = None) -> float:
    value = parse_number(raw, label, minimum=minimum, maximum=maximum, integer=integer,
                         allow_empty=default is not None)
    if value is None:
        value = default
    return int(value) if integer else float(value)


L_PLATSER = "Antal platser totalt under kontraktstiden"
L_MANADER = "Månader per plats"
L_TIM = "Handledning de första månaderna (timmar per vecka och plats)"
L_TIM_SEDAN = "Handledning sedan (timmar per vecka och plats)"
L_TIMKOSTNAD = "Handledarens kostnad per timme (kr)"
L_TIMKOSTNAD_DIALOG = "Kostnad per timme för den som deltar i mötena (kr)"
L_INSKOLNING = "Månader med lägre produktivitet (de första månaderna)"
L_PROCENT = "Lägre produktivitet i början (procent)"
L_MANADSKOSTNAD = "Kostnad per månad för en plats, lön och avgifter före lönestöd (kr)"
L_OVRIGT = "Övriga kostnader per plats, till exempel utrustning och utbildning (kr)"
L_MOTEN = "Möten med kommunen under kontraktet (timmar)"
L_RAPPORT = "Rapportering (timmar per kvartal)"
L_KONTRAKTSTID = "Kontraktstid (månader)"


def requirement_cost(*, antal_platser, manader_per_plats, handledning_tim_vecka, timkostnad_kr,
                     inskolning_manader, lagre_produktivitet_procent, manadskostnad_plats_kr,
                     rapportering_tim_kvartal, kontraktstid_manader, handledning_tim_vecka_sedan="",
                     ovrigt_per_plats_kr="", motestimmar="") -> CostEstimate:
    """The cost items of module 07, from the supplier's own figures (numbers or Swedish number text).

    handledning = places × weeks per month × hourly cost × (induction months × hours a week at first
                  + the remaining months × hours a week after; "after" defaults to the first figure);
    lower productivity at first = places × months of induction × monthly cost of a place × the lost share;
    other costs = places × other costs per place (equipment, work clothes, training; default 0);
    meetings = meeting hours × hourly cost (default 0);
    reporting = quarters of the contract (rounded up) × reporting hours a quarter × hourly cost.
    """
    platser = _num(antal_platser, L_PLATSER, integer=True, maximum=1000)
    manader = _num(manader_per_plats, L_MANADER, minimum=1, maximum=120, integer=True)
    tim_vecka = _num(handledning_tim_vecka, L_TIM, maximum=40)
    tim_sedan = _num(handledning_tim_vecka_sedan, L_TIM_SEDAN, maximum=40, default=tim_vecka)
    timkostnad = _num(timkostnad_kr, L_TIMKOSTNAD, maximum=10_000)
    inskolning = _num(inskolning_manader, L_INSKOLNING, maximum=120, integer=True)
    procent = _num(lagre_produktivitet_procent, L_PROCENT, maximum=100)
    manadskostnad = _num(manadskostnad_plats_kr, L_MANADSKOSTNAD, maximum=1_000_000)
    ovrigt = _num(ovrigt_per_plats_kr, L_OVRIGT, maximum=1_000_000, default=0)
    moten = _num(motestimmar, L_MOTEN, maximum=10_000, default=0)
    rapport = _num(rapportering_tim_kvartal, L_RAPPORT, maximum=500)
    kontraktstid = _num(kontraktstid_manader, L_KONTRAKTSTID, minimum=1, maximum=240, integer=True)
    if inskolning > manader:
        raise InputError(f"Månaderna med lägre produktivitet ({inskolning}) kan inte vara fler än månaderna per plats "
                         f"({manader}).")
    return CostEstimate(
        handledning=platser * WEEKS_PER_MONTH * timkostnad * (inskolning * tim_vecka + (manader - inskolning) * tim_sedan),
        produktivitet=platser * inskolning * manadskostnad * procent / 100,
        ovrigt=platser * ovrigt,
        moten=moten * timkostnad,
        rapportering=math.ceil(kontraktstid / 3) * rapport * timkostnad,
        platser=platser, manader=manader, tim_vecka=tim_vecka, tim_vecka_sedan=tim_sedan, timkostnad=timkostnad,
        inskolning=inskolning, procent=procent, manadskostnad=manadskostnad, ovrigt_per_plats=ovrigt,
        motestimmar=moten, rapport_tim=rapport, kontraktstid=kontraktstid)


def dialogue_cost(*, timkostnad_kr, rapportering_tim_kvartal, kontraktstid_manader, motestimmar="") -> CostEstimate:
    """The dialogue variant: only meetings and reporting cost time (no places)."""
    timkostnad = _num(timkostnad_kr, L_TIMKOSTNAD_DIALOG, maximum=10_000)
    moten = _num(motestimmar, L_MOTEN, maximum=10_000, default=0)
    rapport = _num(rapportering_tim_kvartal, L_RAPPORT, maximum=500)
    kontraktstid = _num(kontraktstid_manader, L_KONTRAKTSTID, minimum=1, maximum=240, integer=True)
    return CostEstimate(handledning=0, produktivitet=0, ovrigt=0, moten=moten * timkostnad,
                        rapportering=math.ceil(kontraktstid / 3) * rapport * timkostnad, timkostnad=timkostnad,
                        motestimmar=moten, rapport_tim=rapport, kontraktstid=kontraktstid, dialog=True)


def _n(x: float) -> str:
    return fmt.number(x, 0 if float(x).is_integer() else 1)


def _months(n: int) -> str:
    return f"{n} {'månad' if n == 1 else 'månader'}"


def _places(n: int) -> str:
    return f"{n} {'plats' if n == 1 else 'platser'}"


def _places_total(n: int) -> str:
    return f"{_places(n)} (totalt under kontraktstiden)"


def cost_lines(estimate: CostEstimate, kontraktstid_manader: int | None = None) -> list[str]:
    """The figures the estimate rests on, one line per item with its formula, the totals and the price per month."""
    e = estimate
    months = int(kontraktstid_manader or e.kontraktstid)
    kr = lambda x: fmt.kr(round(x))  # noqa: E731 - a result, rounded to whole kronor
    given = lambda x: fmt.kr(x, 0 if float(x).is_integer() else 2)  # noqa: E731 - a figure as it was typed
    tim = f"{given(e.timkostnad)} per timme"
    lines = []
    if not e.dialog:
        later = e.manader - e.inskolning
        lines += [
            f"Handledning: {_places_total(e.platser)} × ({_months(e.inskolning)} × {_n(e.tim_vecka)} timmar i veckan + "
            f"{_months(later)} × {_n(e.tim_vecka_sedan)} timmar i veckan) × {WEEKS_PRINTED} × {tim} = "
            f"{kr(e.handledning)}.",
            f"Lägre produktivitet i början: {_places(e.platser)} × {_months(e.inskolning)} × {given(e.manadskostnad)} i "
            f"månaden (lön och avgifter före lönestöd) × {fmt.percent(e.procent, fraction=False)} = "
            f"{kr(e.produktivitet)}.",
            f"Övriga kostnader (till exempel utrustning, arbetskläder och utbildning): {_places(e.platser)} × "
            f"{given(e.ovrigt_per_plats)} = {kr(e.ovrigt)}.",
        ]
    lines += [
        f"Möten med kommunen: {_n(e.motestimmar)} timmar × {tim} = {kr(e.moten)}.",
        f"Rapportering och administration: {e.kvartal} kvartal ({_months(e.kontraktstid)}) × {_n(e.rapport_tim)} "
        f"timmar × {tim} = {kr(e.rapportering)}.",
        f"Totalt under kontraktstiden: {kr(e.total)}, i genomsnitt {kr(e.total / months * 12)} per år och "
        f"{kr(e.total / months)} per månad.",
    ]
    return lines


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in str(text or "").splitlines() if line.strip(" -•\t")]


def _yes_no(value, problems: list[str]) -> bool | None:
    """A yes/no answer: True/False, or the widget's "ja"/"nej"; an unanswered question is a problem."""
    if isinstance(value, bool):
        return value
    if str(value or "").strip().lower() in YES_NO:
        return YES_NO[str(value).strip().lower()]
    problems.append("Svara om ni uppfyller alla kvalificeringskrav själva (ja eller nej).")
    return None


def supplier_checklist(*, upphandling: str, kommun: str, villkor: str, reservation: str, antal_platser="",
                       manader_per_plats="", handledning_tim_vecka="", timkostnad_kr="", inskolning_manader="",
                       lagre_produktivitet_procent="", manadskostnad_plats_kr="", rapportering_tim_kvartal="",
                       kontraktstid_manader="", handledning_tim_vecka_sedan="", ovrigt_per_plats_kr="",
                       motestimmar="", egna_fragor: str = "", klarar_kvalificering="",
                       underleverantorer: bool = False, arbetsmiljoplan: bool = False,
                       krav_verkar_fel: bool = False) -> tuple[str, list[Section], list[str]]:
    """(title, sections, warnings) of the supplier's checklist for one tender. Raises InputError.

    The cost fields are needed for an employment requirement; for the dialogue variant only the hourly cost,
    meetings, reporting and contract time; without a requirement none (and no estimate is made).
    """
    problems = []
    if not str(upphandling or "").strip():
        problems.append("Skriv vilken upphandling det gäller.")
    if kommun not in GR_MUNICIPALITIES:
        problems.append("Välj en av GR:s 13 kommuner.")
    if villkor not in VARIANTS:
        problems.append("Välj vilket sysselsättningskrav upphandlingen har.")
    if reservation not in RESERVATIONS:
        problems.append("Välj om upphandlingen är reserverad.")
    klarar = _yes_no(klarar_kvalificering, problems)
    for label, text in (("Upphandlingen", upphandling), ("Egna frågor", egna_fragor)):
        try:
            check_no_contact_details(label, text)
        except InputError as e:
            problems.append(str(e))
    estimate = None
    try:
        if villkor == "anstallning_praktik":
            estimate = requirement_cost(
                antal_platser=antal_platser, manader_per_plats=manader_per_plats,
                handledning_tim_vecka=handledning_tim_vecka, timkostnad_kr=timkostnad_kr,
                inskolning_manader=inskolning_manader, lagre_produktivitet_procent=lagre_produktivitet_procent,
                manadskostnad_plats_kr=manadskostnad_plats_kr, rapportering_tim_kvartal=rapportering_tim_kvartal,
                kontraktstid_manader=kontraktstid_manader, handledning_tim_vecka_sedan=handledning_tim_vecka_sedan,
                ovrigt_per_plats_kr=ovrigt_per_plats_kr, motestimmar=motestimmar)
        elif villkor == "dialog":
            estimate = dialogue_cost(timkostnad_kr=timkostnad_kr, rapportering_tim_kvartal=rapportering_tim_kvartal,
                                     kontraktstid_manader=kontraktstid_manader, motestimmar=motestimmar)
    except InputError as e:
        problems.append(str(e))
    if problems:
        raise InputError("\n".join(problems))

    warnings = []
    if villkor == "anstallning_praktik" and estimate.platser == 0:
        warnings.append("Kravet gäller anställning eller praktik, men kalkylen räknar med 0 platser. Läs hur många "
                        "platser kravet gäller under hela kontraktstiden och räkna med dem.")
    if villkor == "anstallning_praktik" and estimate.handledning == 0 and estimate.platser > 0:
        warnings.append("Kalkylen har ingen tid för handledning. En ny medarbetare behöver en handledare; räkna med "
                        "tiden (3 kap. 3 § arbetsmiljölagen).")
    if villkor == "dialog" and str(antal_platser or "").strip() not in ("", "0"):
        warnings.append("Dialogvillkoret kräver inga platser. Kalkylen räknar bara med möten och rapportering; läs "
                        "villkoret igen om kommunen ändå vill ha platser.")
    if not klarar:
        warnings.append("Ni klarar inte alla kvalificeringskrav själva. Pröva att åberopa ett annat företags kapacitet "
                        "(14 kap. 6 § LOU) eller att lämna ett gemensamt anbud (4 kap. 5 § LOU).")
    if villkor == "anstallning_praktik" and not arbetsmiljoplan:
        warnings.append("Det finns ännu ingen plan för handledning och arbetsmiljö för de nya medarbetarna. Gör den "
                        "innan ni lämnar anbud (3 kap. 2 a och 3 §§ arbetsmiljölagen; AFS 2023:1).")
    if krav_verkar_fel:
        warnings.append("Ett krav verkar oklart eller oproportionerligt. Ställ frågan skriftligt under anbudstiden, "
                        "i god tid (över tröskelvärdet 12 kap. 11 § LOU; under tröskelvärdena enligt "
                        "upphandlingsdokumenten). Vänta inte till efter tilldelningen.")
    if reservation == "4_18" and villkor == "inget":
        warnings.append("Upphandlingen är reserverad enligt 4 kap. 18 § LOU. Kontrollera verksamhetskravet och "
                        "andelskravet innan ni lämnar anbud; de prövas när anbudet lämnas.")

    own_questions = _lines(egna_fragor)
    title = f"Leverantörens checklista: {upphandling.strip()} ({kommun})"
    sections = [
        Section("Om checklistan", [
            "Checklistan är ett arbetsunderlag för anbudet, inte ett juridiskt besked. Kontrollera alltid "
            "upphandlingsdokumenten: det är de som gäller.",
            f"Upphandling: {upphandling.strip()}. Kommun: {kommun}."], DATES),
    ]
    if warnings:
        sections.append(Section("Att klara ut innan ni lämnar anbud", [], warnings))
    requirement = [VARIANTS[villkor] + "."]
    if villkor != "inget":
        requirement.append(REQUIREMENT_IS_CONDITION)
    if villkor == "dialog":
        requirement.append(DIALOGUE_NOTE)
    sections.append(Section("Kravet i upphandlingen", requirement))
    if reservation == "4_18":
        sections.append(Section("Reserverad upphandling", [
            RESERVED_4_18.format(andel=fakta("reserverad_upphandling_andelskrav").text)]))
    elif reservation == "19_25a":
        sections.append(Section("Reserverad upphandling", [
            RESERVED_19_25A.format(fran=fakta("reserverad_ideburna_ikraft").text)]))
    if estimate is not None:
        note = DIALOGUE_ESTIMATE_NOTE if estimate.dialog else ESTIMATE_NOTE
        sections.append(Section("Vad kravet kan kosta", [note], cost_lines(estimate)))
        sections.append(Section("Från kalkyl till pris", [TO_PRICE]))
    sections += [
        Section("Frågor att ställa under anbudstiden", [ASK_DURING_TENDER], own_questions + {
            "anstallning_praktik": QUESTIONS_TO_ASK, "dialog": DIALOGUE_QUESTIONS, "inget": GENERAL_QUESTIONS}[villkor]),
        Section("Första anbudet", [], FIRST_TENDER),
    ]
    sections.append(Section("Handledning och arbetsmiljö", [], WORK_ENVIRONMENT))
    sections.append(Section("Kvalificering och samarbete med andra", [
        "Ni klarar kvalificeringskraven själva." if klarar else
        "Ni klarar inte alla kvalificeringskrav själva. Så kan ni göra:", *([] if klarar else [CAPACITY_SCOPE])],
        [] if klarar else OWN_CAPACITY))
    if underleverantorer:
        sections.append(Section("Underleverantörer", [], SUBCONTRACTORS))
    sections += [
        Section("Om ett krav verkar fel", [], CHALLENGE),
        Section("Källor", [], SOURCES),
    ]
    return title, sections, warnings
