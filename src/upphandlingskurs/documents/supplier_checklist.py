"""Module 07's supplier checklist: how a supplier reads and prices a tender with social requirements.

``requirement_cost`` estimates what an employment requirement costs the supplier, only from the supplier's own
figures (supervision hours, lower productivity at first, reporting); the course invents no figure.
``supplier_checklist`` turns the answers about one tender into (title, sections, warnings); the widget
(widgets/leverantor.py) writes them with ``documents.writer`` into ``mina_dokument/``. Every legal statement in the
fixed text names its lagrum or source; changing figures come from the facts registry. Bad input raises InputError
with Swedish messages.
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

WEEKS_PER_MONTH = 52 / 12  # stated in the document: the estimate counts 52 weeks a year

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

# -- fixed text (it goes to work as it comes out: every legal statement names its lagrum or source) ---------------
SRC_VARIANTS = "Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Leverantörens åtagande"
REQUIREMENT_IS_CONDITION = (
    "Ett sysselsättningskrav är ett särskilt kontraktsvillkor: det gäller när kontraktet fullgörs, inte när anbudet "
    "lämnas (17 kap. 1 § LOU). Läs därför villkoret, rapporteringen och sanktionerna i avtalsutkastet lika noga som "
    f"kravspecifikationen ({SRC_VARIANTS}).")
ASK_DURING_TENDER = (
    "Ställ frågor skriftligt under anbudstiden, i god tid före den sista dag för frågor som står i "
    "upphandlingsdokumenten. Över tröskelvärdet ska kommunen lämna kompletterande upplysningar senast sex dagar före "
    "sista anbudsdag (12 kap. 11 § LOU); under tröskelvärdena finns skyldigheten i 19 kap. 28 § LOU. Svaren ska gå "
    "skriftligen till alla leverantörer (Upphandlingsmyndigheten, Frågor från leverantörer). I ett öppet förfarande "
    "kan ni som regel inte ändra anbudet efter sista anbudsdag, och ett krav kan inte förhandlas bort för en enda "
    "anbudsgivare (4 kap. 1 § LOU).")
QUESTIONS_TO_ASK = [
    "Vilken målgrupp gäller, och hur visar vi att en person tillhör den?",
    "Räknas praktik, anställning med stöd eller bara anställning utan stöd?",
    "Vad ska vi rapportera, hur ofta och i vilken mall?",
    "Vad gör kommunens matchningsansvariga, och vad händer om ingen kandidat kan erbjudas?",
    "Vilka sanktioner gäller, och när?",
]
WORK_ENVIRONMENT = [
    "Arbetsgivaren ska vidta alla åtgärder som behövs för att förebygga ohälsa och olycksfall (3 kap. 2 § "
    "arbetsmiljölagen (1977:1160)) och systematiskt planera, leda och kontrollera verksamheten (3 kap. 2 a §).",
    "Arbetsgivaren ska se till att den nya medarbetaren känner till riskerna och har den utbildning som behövs, och "
    "ska ta hänsyn till personens särskilda förutsättningar för arbetet, till exempel genom att anpassa "
    "arbetsförhållandena (3 kap. 3 § arbetsmiljölagen).",
    "Den som genomgår utbildning på arbetsplatsen likställs med arbetstagare i stora delar av lagen, och då har den "
    "som driver verksamheten arbetsgivarens ansvar för arbetsmiljön (1 kap. 3 § arbetsmiljölagen). Kommer en person "
    "på praktik genom Arbetsförmedlingen eller kommunen: kom överens skriftligt om vem som ansvarar för vad.",
    "Hur det systematiska arbetsmiljöarbetet ska gå till står i Arbetsmiljöverkets föreskrifter AFS 2023:1 "
    "(Systematiskt arbetsmiljöarbete – grundläggande skyldigheter för dig med arbetsgivaransvar, gäller från 2025).",
    "Utse en handledare med tid för uppgiften och skriv in handledningen i planeringen och i kalkylen.",
]
OWN_CAPACITY = [
    "Ni kan åberopa ett annat företags kapacitet för att uppfylla krav på ekonomisk och finansiell ställning eller "
    "teknisk och yrkesmässig kapacitet. Ni måste då visa att ni kommer att förfoga över resurserna när kontraktet "
    "fullgörs, till exempel med ett åtagande från det andra företaget (14 kap. 6 § LOU; Upphandlingsmyndigheten, "
    "Frågeportalen).",
    "Gäller det ekonomisk och finansiell ställning får kommunen kräva att det andra företaget tar ett solidariskt "
    "ansvar för att kontraktet fullgörs (14 kap. 8 § LOU; Upphandlingsmyndigheten, Frågeportalen).",
    "Ni kan också lämna ett gemensamt anbud tillsammans med andra leverantörer. Kommunen får inte kräva att gruppen "
    "har en viss juridisk form för att få lämna anbud (Upphandlingsmyndigheten, Lämna gemensamt anbud).",
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
    "till att fullgöra kontraktet (17 kap. 2 § andra stycket LOU; Upphandlingsmyndigheten, Villkor för "
    "underleverantörer).",
]
CHALLENGE = [
    "Börja med en fråga under anbudstiden. Kommunen kan förtydliga eller rätta upphandlingsdokumenten; gör den "
    "väsentliga ändringar ska anbudstiden förlängas (Upphandlingsmyndigheten, Frågor från leverantörer).",
    "Överprövning: en leverantör kan ansöka hos förvaltningsrätten om att upphandlingen ska rättas eller göras om. "
    "Det går från det att upphandlingen har påbörjats. En annonserad upphandling kan överprövas fram till dess att "
    "avtalsspärren löper ut; en direktupphandling bara fram till dess att avtal har tecknats "
    "(Upphandlingsmyndigheten, Överprövning av en upphandling).",
    "Avtalsspärren är minst tio dagar när tilldelningsbeslutet skickas elektroniskt (Adda, Vad är avtalsspärr?). "
    "Läs vilken dag spärren löper ut i tilldelningsbeslutet.",
    "Domstolen ingriper bara om felet har skadat eller kan skada leverantören (20 kap. 6 § LOU). Ett krav som du "
    "anser är oproportionerligt bör du därför ta upp under anbudstiden, inte först när du har förlorat.",
]
RESERVED_4_18 = (
    "Vid reserverad upphandling enligt 4 kap. 18 § LOU ska minst {andel} av de sysselsatta hos er vara personer med "
    "funktionsnedsättning eller som har svårt att komma in på arbetsmarknaden. Kommunen kontrollerar det i "
    "kvalificeringen, när anbudet lämnas, och förutsättningarna ska bestå under hela avtalstiden "
    "(Upphandlingsmyndigheten, Regler om reserverad upphandling). Ha underlaget klart: hur många är sysselsatta, och "
    "hur många av dem hör till gruppen?")
RESERVED_19_25A = (
    "Vid reservation enligt 19 kap. 25 a § LOU (från {fran}) gäller tre villkor: organisationens allmännyttiga syfte "
    "bidrar till ändamålet med tjänsten, organisationen gör inga värdeöverföringar utom till registrerade idéburna "
    "organisationer eller till forskning, och staten, en region eller en kommun har inte ett rättsligt bestämmande "
    "inflytande över den (Upphandlingsmyndigheten, Reserverad upphandling för vissa tjänster enligt bilaga 2). "
    "Registrering hos Kammarkollegiet enligt lagen (2022:900) är frivillig (Kammarkollegiet).")
ESTIMATE_NOTE = (
    "Kalkylen bygger bara på era egna siffror och räknar med 52 veckor per år. Den visar inte vad kravet ger: en "
    "medarbetare som lär sig arbetet gör efter hand mer. Stöd som Arbetsförmedlingen kan ge till en anställning, "
    "och vad kommunens matchningsansvariga hjälper till med, är inte medräknat – fråga dem (modul 06).")
SOURCES = [
    "Lagen (2016:1145) om offentlig upphandling (LOU): https://www.riksdagen.se/sv/dokument-och-lagar/dokument/"
    "svensk-forfattningssamling/lag-20161145-om-offentlig-upphandling_sfs-2016-1145/",
    "Upphandlingsmyndigheten, Tillämpning kontraktsvillkor – Leverantörens åtagande: "
    "https://upphandlingsmyndigheten.se/om-hallbar-upphandling/socialt-hallbar-upphandling/"
    "upphandling-med-mal-att-oka-sysselsattningen/upphandlande-organisation---stod-vid-sysselsattningskrav/"
    "tillampning-kontraktsvillkor--leverantorens-atagande",
    "Upphandlingsmyndigheten, Frågor från leverantörer: "
    "https://www.upphandlingsmyndigheten.se/inkopsprocessen/genomfor-upphandlingen/fragor-fran-leverantorer/",
    "Upphandlingsmyndigheten, Lämna gemensamt anbud: https://www.upphandlingsmyndigheten.se/regler-och-lagstiftning/"
    "samarbeta-med-underleverantorer-och-andra-samarbetspartners/lamna-gemensamt-anbud/",
    "Upphandlingsmyndigheten, Frågeportalen: Är det företaget eller uppdraget som omfattas av reglerna i LOU? "
    "https://www.upphandlingsmyndigheten.se/frageportalen/1487678/ar-det-foretaget-eller-uppdraget-som-omfattas-luo/",
    "Upphandlingsmyndigheten, Överprövning av en upphandling: https://www.upphandlingsmyndigheten.se/"
    "regler-och-lagstiftning/overprovning-och-andra-rattsmedel/overprovning/av-en-upphandling/",
    "Adda, Vad är avtalsspärr?: https://www.adda.se/upphandling-och-ramavtal/fragor-och-svar/"
    "leverantorer-fragor-om-annonsering-och-att-lamna-anbud/vad-ar-avtalssparr/",
    "Arbetsmiljölagen (1977:1160): https://rkrattsbaser.gov.se/sfst?bet=1977:1160",
    "Arbetsmiljöverket, AFS 2023:1: https://av.se/arbetsmiljoarbete-och-inspektioner/publikationer/foreskrifter/"
    "beslutade-foreskrifter-som-trader-i-kraft-2025/afs-20231",
    "Upphandlingsmyndigheten, Villkor för underleverantörer: https://www.upphandlingsmyndigheten.se/hallbarhet/"
    "socialt-ansvarsfull-upphandling/arbetsrattsliga-villkor/villkor-enligt-kollektivavtal/villkor-for-underleverantorer/",
    "Upphandlingsmyndigheten, Regler om reserverad upphandling: https://www.upphandlingsmyndigheten.se/"
    "regler-och-lagstiftning/hallbarhet-i-upphandlingsreglerna/regler-om-reserverad-upphandling/",
]


@dataclass(frozen=True)
class CostEstimate:
    """What an employment requirement costs the supplier over the contract, in kronor (own figures)."""
    handledning: float
    produktivitet: float
    rapportering: float

    @property
    def total(self) -> float:
        return self.handledning + self.produktivitet + self.rapportering


def _num(raw, label: str, *, minimum: float = 0, maximum: float | None = None, integer: bool = False) -> float:
    value = parse_number(raw, label, minimum=minimum, maximum=maximum, integer=integer)
    return int(value) if integer else float(value)


def requirement_cost(*, antal_platser, manader_per_plats, handledning_tim_vecka, timkostnad_kr,
                     inskolning_manader, lagre_produktivitet_procent, manadskostnad_plats_kr,
                     rapportering_tim_kvartal, kontraktstid_manader) -> CostEstimate:
    """The three cost items of module 07, from the supplier's own figures (numbers or Swedish number text).

    handledning = places × months per place × weeks per month × supervision hours a week × hourly cost;
    lower productivity at first = places × months of induction × monthly cost of a place × the lost share;
    reporting = quarters of the contract (rounded up) × reporting hours a quarter × hourly cost.
    """
    platser = _num(antal_platser, "Antal platser", integer=True, maximum=1000)
    manader = _num(manader_per_plats, "Månader per plats", minimum=1, maximum=120, integer=True)
    tim_vecka = _num(handledning_tim_vecka, "Handledning (timmar per vecka och plats)", maximum=40)
    timkostnad = _num(timkostnad_kr, "Handledarens kostnad per timme (kr)", maximum=10_000)
    inskolning = _num(inskolning_manader, "Månader med lägre produktivitet", maximum=120, integer=True)
    procent = _num(lagre_produktivitet_procent, "Lägre produktivitet i början (procent)", maximum=100)
    manadskostnad = _num(manadskostnad_plats_kr, "Kostnad per månad för en plats (kr)", maximum=1_000_000)
    rapport = _num(rapportering_tim_kvartal, "Rapportering (timmar per kvartal)", maximum=500)
    kontraktstid = _num(kontraktstid_manader, "Kontraktstid (månader)", minimum=1, maximum=240, integer=True)
    if inskolning > manader:
        raise InputError(f"Månaderna med lägre produktivitet ({inskolning}) kan inte vara fler än månaderna per plats "
                         f"({manader}).")
    return CostEstimate(
        handledning=platser * manader * WEEKS_PER_MONTH * tim_vecka * timkostnad,
        produktivitet=platser * inskolning * manadskostnad * procent / 100,
        rapportering=math.ceil(kontraktstid / 3) * rapport * timkostnad,
    )


def cost_lines(estimate: CostEstimate, kontraktstid_manader: int) -> list[str]:
    per_year = estimate.total / kontraktstid_manader * 12
    return [
        f"Handledning: {fmt.kr(round(estimate.handledning))}.",
        f"Lägre produktivitet i början: {fmt.kr(round(estimate.produktivitet))}.",
        f"Rapportering och administration: {fmt.kr(round(estimate.rapportering))}.",
        f"Totalt under kontraktstiden: {fmt.kr(round(estimate.total))}, i genomsnitt {fmt.kr(round(per_year))} per år.",
    ]


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in str(text or "").splitlines() if line.strip(" -•\t")]


def supplier_checklist(*, upphandling: str, kommun: str, villkor: str, reservation: str, antal_platser,
                       manader_per_plats, handledning_tim_vecka, timkostnad_kr, inskolning_manader,
                       lagre_produktivitet_procent, manadskostnad_plats_kr, rapportering_tim_kvartal,
                       kontraktstid_manader, egna_fragor: str = "", klarar_kvalificering: bool = False,
                       underleverantorer: bool = False, arbetsmiljoplan: bool = False,
                       krav_verkar_fel: bool = False) -> tuple[str, list[Section], list[str]]:
    """(title, sections, warnings) of the supplier's checklist for one tender. Raises InputError."""
    problems = []
    if not str(upphandling or "").strip():
        problems.append("Skriv vilken upphandling det gäller.")
    if kommun not in GR_MUNICIPALITIES:
        problems.append("Välj en av GR:s 13 kommuner.")
    if villkor not in VARIANTS:
        problems.append("Välj vilket sysselsättningskrav upphandlingen har.")
    if reservation not in RESERVATIONS:
        problems.append("Välj om upphandlingen är reserverad.")
    for label, text in (("Upphandlingen", upphandling), ("Egna frågor", egna_fragor)):
        try:
            check_no_contact_details(label, text)
        except InputError as e:
            problems.append(str(e))
    try:
        estimate = requirement_cost(
            antal_platser=antal_platser, manader_per_plats=manader_per_plats,
            handledning_tim_vecka=handledning_tim_vecka, timkostnad_kr=timkostnad_kr,
            inskolning_manader=inskolning_manader, lagre_produktivitet_procent=lagre_produktivitet_procent,
            manadskostnad_plats_kr=manadskostnad_plats_kr, rapportering_tim_kvartal=rapportering_tim_kvartal,
            kontraktstid_manader=kontraktstid_manader)
    except InputError as e:
        problems.append(str(e))
        estimate = None
    if problems:
        raise InputError("\n".join(problems))
    platser = int(parse_number(antal_platser, "Antal platser"))
    kontraktstid = int(parse_number(kontraktstid_manader, "Kontraktstid (månader)"))

    warnings = []
    if villkor == "anstallning_praktik" and platser == 0:
        warnings.append("Kravet gäller anställning eller praktik, men kalkylen räknar med 0 platser. Läs hur många "
                        "platser kravet gäller och räkna med dem.")
    if villkor == "anstallning_praktik" and estimate.handledning == 0 and platser > 0:
        warnings.append("Kalkylen har ingen tid för handledning. En ny medarbetare behöver en handledare; räkna med "
                        "tiden (3 kap. 3 § arbetsmiljölagen).")
    if not klarar_kvalificering:
        warnings.append("Ni klarar inte alla kvalificeringskrav själva. Pröva att åberopa ett annat företags kapacitet "
                        "(14 kap. 6 § LOU) eller att lämna ett gemensamt anbud (Upphandlingsmyndigheten).")
    if villkor == "anstallning_praktik" and not arbetsmiljoplan:
        warnings.append("Det finns ännu ingen plan för handledning och arbetsmiljö för de nya medarbetarna. Gör den "
                        "innan ni lämnar anbud (3 kap. 2 a och 3 §§ arbetsmiljölagen; AFS 2023:1).")
    if krav_verkar_fel:
        warnings.append("Ett krav verkar oklart eller oproportionerligt. Ställ frågan skriftligt under anbudstiden, "
                        "i god tid (12 kap. 11 § eller 19 kap. 28 § LOU). Vänta inte till efter tilldelningen.")
    if reservation == "4_18" and villkor == "inget":
        warnings.append("Upphandlingen är reserverad enligt 4 kap. 18 § LOU. Kontrollera andelskravet innan ni "
                        "lämnar anbud; det prövas när anbudet lämnas.")

    own_questions = _lines(egna_fragor)
    title = f"Leverantörens checklista: {upphandling.strip()} ({kommun})"
    sections = [
        Section("Om checklistan", [
            "Checklistan är ett arbetsunderlag för anbudet, inte ett juridiskt besked. Kontrollera alltid "
            "upphandlingsdokumenten: det är de som gäller.",
            f"Upphandling: {upphandling.strip()}. Kommun: {kommun}."]),
    ]
    if warnings:
        sections.append(Section("Att klara ut innan ni lämnar anbud", [], warnings))
    requirement = [VARIANTS[villkor] + "."]
    if villkor != "inget":
        requirement.append(REQUIREMENT_IS_CONDITION)
    if villkor == "dialog":
        requirement.append("Dialogvillkoret innebär att ni deltar i samtal om vilka åtgärder som är möjliga; räkna "
                           f"med tid för mötena ({SRC_VARIANTS}).")
    sections.append(Section("Kravet i upphandlingen", requirement))
    if reservation == "4_18":
        sections.append(Section("Reserverad upphandling", [
            RESERVED_4_18.format(andel=fakta("reserverad_upphandling_andelskrav").text)]))
    elif reservation == "19_25a":
        sections.append(Section("Reserverad upphandling", [
            RESERVED_19_25A.format(fran=fakta("reserverad_ideburna_ikraft").text)]))
    sections += [
        Section("Vad kravet kan kosta", [ESTIMATE_NOTE], cost_lines(estimate, kontraktstid)),
        Section("Frågor att ställa under anbudstiden", [ASK_DURING_TENDER], own_questions + QUESTIONS_TO_ASK),
        Section("Handledning och arbetsmiljö", [], WORK_ENVIRONMENT),
        Section("Kvalificering och samarbete med andra", [
            "Ni klarar kvalificeringskraven själva." if klarar_kvalificering else
            "Ni klarar inte alla kvalificeringskrav själva. Så kan ni göra:"], [] if klarar_kvalificering else OWN_CAPACITY),
    ]
    if underleverantorer:
        sections.append(Section("Underleverantörer", [], SUBCONTRACTORS))
    sections += [
        Section("Om ett krav verkar fel", [], CHALLENGE),
        Section("Källor", [], SOURCES),
    ]
    return title, sections, warnings
