"""Module 03's *IOP-checklistan*: the participant's answers become the outline of an IOP agreement to take home.

``iop_outline`` returns the title, the sections and the warnings; the widget (widgets/iop.py) writes them with
``documents.writer`` and shows the warnings. Every figure comes from the facts registry.
"""
from __future__ import annotations

from upphandlingskurs import format as fmt
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.documents.writer import Section
from upphandlingskurs.parsing import InputError

CHECKS = [
    ("gemensam_analys", "Vi har gjort en gemensam analys av behovet",
     "Gör en gemensam analys av samhällsutmaningen innan ni skriver avtal (MUCF:s nycklar)."),
    ("ingen_marknad", "Ingen annan aktör erbjuder samma verksamhet på en marknad",
     "Finns det en marknad för verksamheten pekar det mot upphandling, inte IOP (Forums kriterier; LOU 2016:1145)."),
    ("ingen_detaljstyrning", "Kommunen detaljstyr inte hur verksamheten utförs",
     "Om kommunen detaljstyr och betalar för en bestämd tjänst är det ett köp (HFD 2020:15)."),
    ("ingen_vinst", "Organisationen delar inte ut vinst",
     "En organisation som delar ut vinst passar inte för IOP; pröva upphandling (Forums kriterier)."),
]
INITIATIVE_TEXT = {"organisationen": "Initiativet kommer från den idéburna organisationen.",
                   "gemensamt": "Initiativet kommer från organisationen och kommunen tillsammans.",
                   "kommunen": "Initiativet kommer från kommunen."}


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in str(text).splitlines() if line.strip(" -•\t")]


def iop_outline(*, organisation: str, kommun: str, utmaning: str, initiativ: str, malgrupp: str, mal: str,
                org_bidrag: str, kommun_bidrag: str, belopp_per_ar: float, avtalstid_ar: int, uppfoljning: str,
                gemensamt: str = "", **checks: bool) -> tuple[str, list[Section], list[str]]:
    """(title, sections, warnings) of an IOP agreement outline built from the participant's answers."""
    if initiativ not in INITIATIVE_TEXT:
        raise InputError("Välj vem som tog initiativet.")
    warnings = []
    if initiativ == "kommunen":
        warnings.append("Initiativet kommer från kommunen. När kommunen har en egen idé om verksamheten pekar det mot "
                        "upphandling, inte IOP (Forums kriterier, återgivna av Malmö stad).")
    for name, _label, advice in CHECKS:
        if not checks.get(name, False):
            warnings.append(advice)
    if avtalstid_ar < 2:
        warnings.append("Ett IOP ska vara långsiktigt. Överväg en längre avtalstid med gemensam uppföljning varje år.")

    tak, sgei, reg = fakta("de_minimis_tak"), fakta("de_minimis_sgeu_tak"), fakta("de_minimis_register_fran")
    total = belopp_per_ar * avtalstid_ar
    title = f"Utkast: idéburet offentligt partnerskap mellan {organisation} och {kommun}"
    status = lambda ok: "Klart" if ok else "Att klara ut"  # noqa: E731 - text, not colour, carries the status
    sections = [
        Section("Parter", [f"Detta är ett utkast till ett idéburet offentligt partnerskap (IOP) mellan {organisation} "
                           f"och {kommun}. Utkastet är ett underlag för samtal, inte ett färdigt avtal."]),
        Section("Bakgrund och gemensam analys", [utmaning, INITIATIVE_TEXT[initiativ]]),
        Section("Syfte och gemensamma mål", [], _lines(mal)),
        Section("Målgrupp", [malgrupp]),
        Section("Parternas bidrag", [f"Kommunens ekonomiska bidrag: {fmt.kr(belopp_per_ar)} per år, "
                                     f"{fmt.kr(total)} under hela avtalstiden."],
                [f"{organisation}: {b}" for b in _lines(org_bidrag)] + [f"{kommun}: {b}" for b in _lines(kommun_bidrag)]),
        Section("Det som ägs gemensamt", [gemensamt] if gemensamt.strip() else
                ["Skriv här vad parterna äger och beslutar om tillsammans, till exempel metod, resultat och lärdomar."]),
        Section("Avtalstid", [f"Partnerskapet gäller i {avtalstid_ar} år. Parterna stämmer av varje år och "
                              "kommer i god tid överens om en eventuell förlängning."]),
        Section("Uppföljning och lärande", ["Parterna följer upp de gemensamma målen tillsammans och sätter upp "
                                            "gemensamma lärandemål."], _lines(uppfoljning)),
        Section("Styrning och samverkan", [], [
            "Vilka som sitter i partnerskapets styrgrupp och hur ofta den träffas.",
            "Hur parterna löser oenighet och hur en part kan säga upp avtalet.",
            "Vem som är kontaktperson hos respektive part (fylls i av parterna).",
        ]),
        Section("Rättslig kontroll innan avtalet skrivs under", [
            "IOP har ingen egen lag. Avtalet måste hålla mot upphandlingsreglerna (LOU 2016:1145), statsstödsreglerna "
            "och kommunallagen (2017:725) (Upphandlingsmyndigheten, Frågeportalen: IOP).",
            f"Statsstöd: om verksamheten är ekonomisk får stöd av mindre betydelse (de minimis) vara högst {tak.text} "
            f"per företag under tre år ({tak.lagrum}), eller {sgei.text} för tjänster av allmänt ekonomiskt intresse "
            f"({sgei.lagrum}). Från {reg.text} ska sådant stöd registreras i ett centralt register.",
        ], [f"{status(checks.get(name, False))}: {label}." for name, label, _a in CHECKS]),
        Section("Källor", [], [
            "MUCF, Idéburet offentligt partnerskap (fyra nycklar): https://www.mucf.se/ideburetoffentligtpartnerskap",
            "Malmö stad, IOP – Idéburet offentligt partnerskap (Forums kriterier): "
            "https://malmo.se/Service/For-foreningar/Organisationsstod-inom-socialt-omrade/IOP-Ideburet-Offentligt-Partnerskap.html",
            "Upphandlingsmyndigheten, Frågeportalen: IOP: https://www.upphandlingsmyndigheten.se/frageportalen/2457482/iop/",
            "HFD 2020:15 (Alingsås kommun och Bräcke diakoni): https://lagen.nu/dom/hfd/2020:15",
        ]),
    ]
    return title, sections, warnings
