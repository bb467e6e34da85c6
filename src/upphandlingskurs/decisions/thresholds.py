"""Which rules apply to a purchase: direct award, advertised below the thresholds, or directive rules (module 01).

Pure functions behind the widget *Tröskelvärdeskollen*. Every figure comes from the facts registry.
The EU thresholds for 2026–2027 are verified in euro only; their amounts in kronor are not verified in the
course. A value can therefore be given in euro (compared with the euro thresholds) or in kronor (compared with
the direct-award limit, which the law states in kronor). To compare kronor with a threshold the participant
types the current amount from Upphandlingsmyndigheten's page; without it the result says it cannot decide.

A contracting entity (a municipality, a region or a company) buying for a utility activity - drinking water,
energy, transport or postal services - buys under LUF (2016:1146), with LUF's threshold and direct-award limit
(UHM frågeportalen 1635672: a municipality's own water department buys under LUF). Sewage is covered only in
connection with a drinking-water activity (art. 10 dir. 2014/25/EU); production and sale of electricity in Sweden
is exempt (Commission decision 2007/706/EG; UHM frågeportalen "Undantag för elproduktion och försäljning av el").
The value is calculated under 5 kap. of the law for every limit (19 a kap. 1 § LOU applies 5 kap. to direct awards
since 1 February 2022; Upphandlingsmyndigheten, frågeportalen 2540981). ``earlier_same_kind`` is the value of the
OTHER contracts in the same procurement or in the same series of recurring supply/service contracts during the
twelve months from the first delivery (5 kap. 11 § 2); last year's actual value is a basis for that estimate
(5 kap. 11 § 1), never an amount added on top, so the tool adds only the two parts of one estimate.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from upphandlingskurs import format as fmt
from upphandlingskurs.content.fakta import Fact, fakta
from upphandlingskurs.parsing import InputError


class Kind(str, Enum):
    VAROR_TJANSTER = "varor_tjanster"
    BYGG = "byggentreprenad"
    SOCIALA = "sociala_tjanster"


class Authority(str, Enum):
    KOMMUN = "kommun"  # municipalities, regions, municipal companies and other non-central authorities
    STATLIG = "statlig"  # central government authorities
    LUF = "luf"  # any contracting entity buying for a utility activity (drinking water, energy, transport, post)


class Currency(str, Enum):
    SEK = "SEK"
    EUR = "EUR"


class Outcome(str, Enum):
    DIREKTUPPHANDLING = "direktupphandling"  # direct award allowed (19 a kap.)
    UNDER_TROSKEL = "annonseras_under_troskelvardet"  # advertised, national rules (19 kap.)
    OVER_TROSKEL = "over_troskelvardet"  # directive rules (or 19 kap. for bilaga 2 services above the threshold)
    ANNONSERAS_TROSKEL_OKAND = "annonseras_troskelvarde_okant"  # above the direct-award limit; threshold in SEK unknown
    UNDER_TROSKEL_GRANS_OKAND = "under_troskelvardet_gransen_okand"  # euro value below threshold; 700 000 kr not comparable
    KAN_INTE_AVGORA = "kan_inte_avgora"  # bilaga 2 in kronor without the threshold in kronor


KIND_LABELS = {
    Kind.VAROR_TJANSTER: "Varor eller tjänster",
    Kind.BYGG: "Byggentreprenad",
    Kind.SOCIALA: "Sociala tjänster och andra särskilda tjänster (bilaga 2)",
}
AUTHORITY_LABELS = {
    Authority.KOMMUN: "Kommun, region eller kommunalt bolag (LOU)",
    Authority.STATLIG: "Statlig myndighet",
    Authority.LUF: ("Upphandlande enhet inom försörjningssektorerna – kommun, region eller bolag som köper för "
                    "verksamhet med dricksvatten, energi (el, gas, värme), transporter eller post (LUF)"),
}
# The law each authority buys under, for the lagrum in the texts.
LAW = {Authority.KOMMUN: "LOU", Authority.STATLIG: "LOU", Authority.LUF: "LUF"}
CURRENCY_LABELS = {Currency.SEK: "kronor", Currency.EUR: "euro"}

OUTCOME_HEADLINES = {
    Outcome.DIREKTUPPHANDLING: "Direktupphandling är tillåten",
    Outcome.UNDER_TROSKEL: "Annonseras – under tröskelvärdet (19 kap. {law})",
    Outcome.OVER_TROSKEL: "Över tröskelvärdet – de direktivstyrda reglerna gäller",
    Outcome.ANNONSERAS_TROSKEL_OKAND: "Annonseras – men verktyget kan inte avgöra om värdet är över tröskelvärdet",
    Outcome.UNDER_TROSKEL_GRANS_OKAND: "Under tröskelvärdet – men verktyget kan inte avgöra om direktupphandling är tillåten",
    Outcome.KAN_INTE_AVGORA: "Verktyget kan inte avgöra – tröskelvärdet i kronor behövs",
}

_THRESHOLD_FACT = {
    (Kind.VAROR_TJANSTER, Authority.KOMMUN): "troskelvarde_2026_kommuner_varor_tjanster",
    (Kind.VAROR_TJANSTER, Authority.STATLIG): "troskelvarde_2026_statliga_varor_tjanster",
    (Kind.BYGG, Authority.KOMMUN): "troskelvarde_2026_byggentreprenader",
    (Kind.BYGG, Authority.STATLIG): "troskelvarde_2026_byggentreprenader",
    (Kind.SOCIALA, Authority.KOMMUN): "troskelvarde_2026_sociala_tjanster",
    (Kind.SOCIALA, Authority.STATLIG): "troskelvarde_2026_sociala_tjanster",
    (Kind.VAROR_TJANSTER, Authority.LUF): "troskelvarde_2026_luf_varor_tjanster",
    (Kind.BYGG, Authority.LUF): "troskelvarde_2026_byggentreprenader",
}

# Official pages cited by the tool (no figures in them are used; figures come from the registry).
SOURCE_AGGREGATION = ("Upphandlingsmyndighetens frågeportal, Hur ska värdet av en direktupphandling beräknas?",
                      "https://upphandlingsmyndigheten.se/frageportalen/2540981/vardet-av-en-direktupphandling")
SOURCE_VALUE = ("Konkurrensverket, Beräkna upphandlingens värde",
                "https://www.konkurrensverket.se/upphandling/lagar-och-regler/troskelvarden/berakna-upphandlingens-varde/")
SOURCE_BILAGA2 = ("Upphandlingsmyndigheten, Upphandling av tjänster",
                  "https://www.upphandlingsmyndigheten.se/upphandla/om-upphandlingsreglerna/om-lagstiftningen/upphandling-av-tjanster/")


LUF_SOURCE = ("Upphandlingsmyndighetens frågeportal, När ska LUF tillämpas?",
              "https://www.upphandlingsmyndigheten.se/frageportalen/1635672/forsorjningssektor/")
ELEXEMPT_SOURCE = ("Upphandlingsmyndighetens frågeportal, Undantag för elproduktion och försäljning av el",
                   "https://frageportalen.upphandlingsmyndigheten.se/org/upphandlingsmyndigheten/d/"
                   "undantag-for-elproduktion-och-forsaljning-av-el/")
LUF_SCOPE = ("Avlopp omfattas bara i samband med dricksvattenverksamhet (art. 10 direktiv 2014/25/EU). Produktion och "
             "försäljning av el är undantagen (kommissionens beslut 2007/706/EG; "
             f"[{ELEXEMPT_SOURCE[0]}]({ELEXEMPT_SOURCE[1]})).")
COMPANY_SCOPE = ("Bara om bolaget har inrättats för att tillgodose behov av industriell eller kommersiell karaktär är "
                 "det inte ett offentligt styrt organ (1 kap. 18 § LOU). Det bedöms restriktivt och från fall till "
                 "fall; de flesta kommunala bolag, till exempel allmännyttiga bostadsbolag, omfattas. Ett bolag inom "
                 "försörjningssektorerna kan ändå omfattas av LUF. Fråga er upphandlingsjurist.")


def _check_luf_kind(kind: Kind, authority: Authority) -> None:
    if authority is Authority.LUF and kind is Kind.SOCIALA:
        raise InputError("Verktyget räknar inte på sociala tjänster och andra särskilda tjänster enligt LUF. Läs "
                         "gränserna på Upphandlingsmyndighetens sida om tröskelvärden och direktupphandlingsgränser.")


def threshold_fact(kind: Kind | str, authority: Authority | str) -> Fact:
    """The EU threshold (euro) for this kind of contract and authority, from the registry."""
    kind, authority = Kind(kind), Authority(authority)
    _check_luf_kind(kind, authority)
    return fakta(_THRESHOLD_FACT[(kind, authority)])


def direct_award_limit(kind: Kind | str, authority: Authority | str = Authority.KOMMUN) -> Fact:
    """The fact that sets the direct-award limit: 700 000 kr (LOU) or 1 200 000 kr (LUF), for LOU's bilaga 2
    services the threshold itself."""
    kind, authority = Kind(kind), Authority(authority)
    _check_luf_kind(kind, authority)
    if authority is Authority.LUF:
        return fakta("direktupphandlingsgrans_luf")
    if kind is Kind.SOCIALA:
        return fakta("troskelvarde_2026_sociala_tjanster")
    return fakta("direktupphandlingsgrans_lou")


@dataclass
class ThresholdResult:
    outcome: Outcome
    value: float
    currency: Currency
    kind: Kind
    authority: Authority
    threshold: Fact
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        if self.outcome is Outcome.OVER_TROSKEL and self.kind is Kind.SOCIALA:
            return "Över tröskelvärdet – annonseras enligt reglerna för sociala och andra särskilda tjänster"
        return OUTCOME_HEADLINES[self.outcome].format(law=LAW[self.authority])


def _money(value: float, currency: Currency) -> str:
    return fmt.kr(value) if currency is Currency.SEK else fmt.euro(value)


def check_threshold(value: float, currency: Currency | str, kind: Kind | str, authority: Authority | str,
                    sek_threshold: float | None = None, earlier_same_kind: float | None = None) -> ThresholdResult:
    """Decide which rules apply. ``value`` is the estimated total value of this purchase without VAT.

    ``sek_threshold`` is the current threshold in kronor for this kind and authority, typed by the participant
    from the official page; it is only used when ``currency`` is kronor. ``earlier_same_kind`` is the value of
    the other contracts in the same procurement, or in the same series of recurring supply/service contracts during
    the twelve months from the first delivery (5 kap. 11 § 2; same currency); it is added to ``value`` for both the
    direct-award limit and the threshold. The actual value of the previous twelve months (5 kap. 11 § 1) is an
    alternative basis for the same estimate, not a further amount.
    """
    try:
        currency, kind, authority = Currency(currency), Kind(kind), Authority(authority)
    except ValueError:
        raise InputError("Välj valuta, typ av kontrakt och typ av myndighet i listorna.") from None
    if value is None:
        raise InputError("Det uppskattade värdet saknas. Skriv ett tal.")
    if value < 0:
        raise InputError("Det uppskattade värdet kan inte vara negativt.")
    if value == 0:
        raise InputError("Det uppskattade värdet måste vara större än noll.")
    if sek_threshold is not None and sek_threshold <= 0:
        raise InputError("Tröskelvärdet i kronor måste vara större än noll.")
    if earlier_same_kind is not None and earlier_same_kind < 0:
        raise InputError("Värdet av övriga kontrakt kan inte vara negativt.")

    threshold = threshold_fact(kind, authority)
    limit = direct_award_limit(Kind.VAROR_TJANSTER, authority)
    law = LAW[authority]
    official = fakta("troskelvarden_officiell_sida")
    res = ThresholdResult(Outcome.KAN_INTE_AVGORA, float(value), currency, kind, authority, threshold)
    social = kind is Kind.SOCIALA
    sek = currency is Currency.SEK
    amount = _money(value, currency)
    earlier = earlier_same_kind or 0
    total = value + earlier
    if sek and not social and sek_threshold is not None and sek_threshold <= limit.value:
        raise InputError(f"Tröskelvärdet i kronor som du skrev ({fmt.kr(sek_threshold)}) är inte högre än "
                         f"direktupphandlingsgränsen {limit.text} ({law}). Kontrollera att du har skrivit av rätt "
                         "belopp från Upphandlingsmyndighetens sida.")
    if not sek and sek_threshold is not None:
        res.warnings.append("Tröskelvärdet i kronor som du skrev används inte, eftersom värdet är angivet i euro.")

    # The threshold: verified in euro; in kronor only when the participant typed it from the official page.
    if sek:
        t_value = sek_threshold
        t_text = None if sek_threshold is None else f"tröskelvärdet som du angav, {fmt.kr(sek_threshold)}"
    else:
        t_value, t_text = threshold.value, f"tröskelvärdet {threshold.text}"
    # The direct-award limit: 700 000 kr in the law; for bilaga 2 services the threshold itself.
    if social:
        l_value = t_value
        l_text = None if t_text is None else "direktupphandlingsgränsen, som är lika med " + t_text
    elif sek:
        l_value, l_text = limit.value, f"direktupphandlingsgränsen {limit.text} (19 a kap. {law})"
    else:
        l_value, l_text = None, None

    over = None if t_value is None else total >= t_value
    direct = None if l_value is None else total < l_value
    if earlier:
        if kind is Kind.BYGG:
            basis = f"räknas samman som en och samma upphandling (5 kap. {law})"
        else:
            basis = (f"räknas samman. Värdet är det samlade värdet av kontrakten under tolv månader från första "
                     f"leveransen (5 kap. 11 § {law})" if law == "LOU" else
                     f"räknas samman. Värdet är det samlade värdet av kontrakten under tolv månader från första "
                     f"leveransen (5 kap. LUF; art. 16 direktiv 2014/25/EU)")
        res.reasons.append(f"Kontrakten {basis}: {amount} nu och {_money(earlier, currency)} i övriga kontrakt "
                           f"ger {_money(total, currency)}. Summan jämförs både med direktupphandlingsgränsen och "
                           "med tröskelvärdet.")
    checked = _money(total, currency)

    if over:
        res.outcome = Outcome.OVER_TROSKEL
        res.reasons.append(f"{checked} är lika med eller över {t_text}.")
    elif direct:
        res.outcome = Outcome.DIREKTUPPHANDLING
        res.reasons.append(f"{checked} understiger {l_text}.")
        if social:
            res.reasons.append("För sociala tjänster och andra särskilda tjänster är direktupphandlingsgränsen lika med "
                               "tröskelvärdet (19 a kap. LOU).")
        else:
            res.reasons.append(f"Gränsen står i {law} och har gällt sedan {fmt.date(limit.valid_from)}.")
    elif direct is False:
        res.reasons.append(f"{checked} understiger inte {l_text}. Upphandlingen ska därför annonseras.")
        if over is False:
            res.outcome = Outcome.UNDER_TROSKEL
            res.reasons.append(f"{checked} understiger {t_text}. Upphandlingen annonseras enligt de nationella "
                               f"reglerna i 19 kap. {law}.")
        else:
            res.outcome = Outcome.ANNONSERAS_TROSKEL_OKAND
            res.reasons.append(f"Om den följer 19 kap. {law} eller de direktivstyrda reglerna beror på tröskelvärdet, "
                               f"{threshold.text}. Beloppet i kronor för 2026–2027 är inte verifierat i kursen. "
                               f"Läs det på [{official.value}]({official.url}) och skriv det i fältet för "
                               "tröskelvärde, eller ange värdet i euro.")
    elif over is False:  # euro value below the threshold; the limit in kronor cannot be compared
        res.outcome = Outcome.UNDER_TROSKEL_GRANS_OKAND
        res.reasons.append(f"{checked} understiger {t_text}. Upphandlingen följer alltså inte de direktivstyrda reglerna.")
        res.reasons.append(f"Direktupphandlingsgränsen {limit.text} står i kronor i lagen (19 a kap. {law}), och "
                           "kursen räknar inte om euro till kronor. Skriv värdet i kronor för att se om "
                           f"direktupphandling är tillåten. Annars ska upphandlingen annonseras enligt 19 kap. {law}.")
    else:  # bilaga 2 services in kronor without the threshold in kronor
        res.outcome = Outcome.KAN_INTE_AVGORA
        res.reasons.append("För sociala tjänster och andra särskilda tjänster är direktupphandlingsgränsen lika "
                           f"med tröskelvärdet, {threshold.text} (19 a kap. LOU). Beloppet i kronor för "
                           "2026–2027 är inte verifierat i kursen.")
        res.reasons.append(f"Läs beloppet i kronor på [{official.value}]({official.url}) och skriv det i "
                           "fältet för tröskelvärde, eller ange värdet i euro.")

    _add_consequences(res)
    return res


def _add_consequences(res: ThresholdResult) -> None:
    """What follows from the outcome, and the warnings every estimate needs."""
    social = res.kind is Kind.SOCIALA
    luf = res.authority is Authority.LUF
    law = LAW[res.authority]
    if res.outcome is Outcome.OVER_TROSKEL:
        if social:
            res.reasons.append("Sociala tjänster och andra särskilda tjänster över tröskelvärdet upphandlas enligt "
                               "19 kap. LOU, som genomför direktivets förenklade regler för dessa tjänster "
                               "(art. 74–76 direktiv 2014/24/EU).")
            res.reasons.append("Skyldigheten att ställa villkor om lön, semester och arbetstid (17 kap. 2–5 §§ LOU) "
                               "gäller inte bilaga 2-tjänster; villkoren får ställas frivilligt som särskilda "
                               "kontraktsvillkor. Alla uteslutningsgrunder är frivilliga (19 kap. 17 § LOU): ange "
                               "i upphandlingsdokumenten vilka grunder i 13 kap. ni tillämpar, eventuella egna "
                               "grunder och vilka bevis ni begär. Leverantören ska få yttra sig innan den utesluts "
                               "(19 kap. 17 § andra stycket).")
        elif luf:
            res.reasons.append("Upphandlingen är direktivstyrd: de EU-gemensamma reglerna i LUF gäller. LUF har egna "
                               "bestämmelser om bland annat arbetsrättsliga villkor, som motsvarar dem i LOU.")
        else:
            res.reasons.append("Upphandlingen är direktivstyrd: de EU-gemensamma reglerna i LOU gäller. Då ska "
                               "villkor om lön, semester och arbetstid ställas när det är behövligt "
                               "(17 kap. 2–5 §§ LOU).")
    if res.outcome in (Outcome.UNDER_TROSKEL, Outcome.UNDER_TROSKEL_GRANS_OKAND) and not luf:
        res.reasons.append("Under tröskelvärdena är alla uteslutningsgrunder frivilliga (19 kap. 17 § LOU): ange "
                           "i upphandlingsdokumenten vilka grunder i 13 kap. ni tillämpar, eventuella egna grunder och "
                           "vilka bevis ni begär. Leverantören ska få yttra sig innan den utesluts (19 kap. 17 § "
                           "andra stycket). Arbetsrättsliga villkor får ställas, men måste inte.")
    if res.outcome is Outcome.DIREKTUPPHANDLING:
        doc = fakta("dokumentationsplikt_direktupphandling")
        if luf:
            res.warnings.append("Läs reglerna om dokumentation och riktlinjer för direktupphandling i 19 a kap. LUF.")
        else:
            res.warnings.append(f"Dokumentera direktupphandlingen om värdet uppgår till minst {doc.text} "
                                "(19 a kap. 11 § LOU). Myndigheten ska också ha riktlinjer för direktupphandling "
                                "(19 a kap. LOU); sedan 1 januari 2024 får Konkurrensverket förelägga myndigheten att "
                                "ta fram sådana (SKR, Skärpta regler om tillsyn på upphandlingsområdet). De grundläggande principerna gäller också vid direktupphandling.")
    title, url = SOURCE_AGGREGATION
    vtitle, vurl = SOURCE_VALUE
    if luf:
        # LUF's section numbers are not verified in the course: chapters and the directive only.
        res.warnings.append(
            "**Så beräknas värdet (5 kap. LUF).** Räkna med hela det belopp som ska betalas **utan moms**, med "
            "options- och förlängningsklausuler som om de utnyttjas (art. 16 direktiv 2014/25/EU). Kontrakt i samma "
            "upphandling räknas samman, och en upphandling får inte delas upp för att komma under en gräns. Samma "
            "beräkning gäller för direktupphandlingsgränsen (19 a kap. LUF). "
            f"Källa: [{vtitle}]({vurl}).")
    else:
        recurring = ("" if res.kind is Kind.BYGG else
                     "Återkommande varu- och tjänstekontrakt: uppskatta det samlade värdet under tolv månader från "
                     "första leveransen, eller utgå från det verkliga värdet under de föregående tolv månaderna, "
                     "justerat för väntade ändringar (5 kap. 11 §). Det verkliga värdet under de föregående tolv "
                     "månaderna är ett underlag för uppskattningen, inte ett belopp som läggs till. ")
        res.warnings.append(
            "**Så beräknas värdet (5 kap. LOU).** Räkna med hela det belopp som ska betalas **utan moms**, med "
            "options- och förlängningsklausuler som om de utnyttjas (5 kap. 3 §; art. 5.1 direktiv 2014/24/EU). "
            + recurring +
            "Kontrakt som hör till en och samma upphandling (samma behov, naturligt samband i innehåll och tid) "
            "räknas samman, och en upphandling får inte delas upp för att komma under en gräns. Sedan 1 februari "
            "2022 gäller samma beräkning för direktupphandlingsgränsen som för tröskelvärdet (19 a kap. 1 § LOU). "
            f"Källor: [{title}]({url}); [{vtitle}]({vurl}).")
    if social and not luf:
        btitle, burl = SOURCE_BILAGA2
        res.warnings.append("Bilaga 2 omfattar mer än sociala tjänster, till exempel hotell-, restaurang- och "
                            "cateringtjänster, utbildning, juridiska tjänster samt vakt- och säkerhetstjänster. "
                            f"Kontrollera CPV-koden i bilaga 2 till LOU ([{btitle}]({burl})).")
    if res.currency is Currency.EUR:
        res.warnings.append("I Sverige är det beloppet i kronor som gäller. Jämför alltid med beloppet i kronor. "
                            "Räkna inte om med dagens eurokurs – den officiella kronsiffran bygger på en annan kurs.")
    if luf:
        res.warnings.append(LUF_SCOPE + " LUF gäller bara det som köps för försörjningsverksamheten. Köper kommunen, "
                            "regionen eller bolaget för något annat, till exempel skolan, gäller LOU. Rör köpet båda "
                            "verksamheterna avgör den som köpet huvudsakligen gäller; går det inte att avgöra gäller "
                            f"LOU ([{LUF_SOURCE[0]}]({LUF_SOURCE[1]})).")
    elif res.authority is Authority.KOMMUN:
        res.warnings.append("Köper kommunen, regionen eller ett bolag för verksamhet med dricksvatten, energi (el, "
                            "gas, värme), transporter eller post, till exempel kommunens egen VA-förvaltning, gäller "
                            "lagen (2016:1146) om upphandling inom försörjningssektorerna (LUF): välj det "
                            f"alternativet. {LUF_SCOPE}")
        res.warnings.append(COMPANY_SCOPE)


def threshold_text(value: float, currency: str, kind: str, authority: str, sek_threshold: float | None = None,
                   earlier: float | None = None) -> str:
    """Markdown for the widget."""
    res = check_threshold(value, currency, kind, authority, sek_threshold, earlier)
    t = res.threshold
    who = AUTHORITY_LABELS[res.authority]
    lines = [f"### {res.headline}", "",
             f"*{KIND_LABELS[res.kind]}, {who[:1].lower() + who[1:]}, uppskattat värde "
             f"{_money(res.value, res.currency)}.*", ""]
    lines += [f"- {r}" for r in res.reasons]
    lines += ["", "**Tänk på**", ""]
    lines += [f"- {w}" for w in res.warnings]
    lines += ["", f"Tröskelvärdet {t.text} gäller {t.period} ({t.lagrum}). Källa: [{t.source}]({t.url}). "
              "Verktyget ger stöd för att tänka rätt, inte ett juridiskt besked."]
    return "\n".join(lines)
