"""The supplier reporting template for employment requirements (rapportmall), written as an Excel file.

One definition of the columns (``COLUMNS``) drives both the file and module 04's reading of it: the headings of
the columns with a ``role`` are what ``content.followup.guess_mapping`` recognises, so a filled-in template reads
back into module 04's analysis without choosing columns by hand.

    path = write_template("mina_dokument/rapportmall_sysselsattning.xlsx")

The file holds aggregated counts per contract and reporting period only: no names, personnummer or contact details.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TEMPLATE_STEM = "rapportmall_sysselsattning"
DATA_SHEET = "Rapport"  # first sheet: module 04 reads the first sheet of an Excel file
INSTRUCTION_SHEET = "Så fyller du i"
FIRST_ROW, LAST_ROW = 2, 1000  # rows that get data validation
VARIANT_CHOICES = ("Anställning", "Praktik", "Anställning eller praktik", "Dialog")


@dataclass(frozen=True)
class Column:
    header: str
    help: str
    kind: str  # "kommun" | "variant" | "antal" | "text"
    role: str | None = None  # the role in content.followup.ROLES that this column fills
    width: int = 22


COLUMNS: tuple[Column, ...] = (
    # free text with GR's municipalities as suggestions: GR, a kommunalförbund or a municipal company may also
    # procure (second review of the annex, item 19); module 04 keeps names it does not know as they were written
    Column("Kommun eller annan upphandlande organisation",
           "Kommunen eller den organisation som har avtalet. Välj en kommun i listan eller skriv namnet.",
           "kommun", "kommun", 22),
    Column("Avtal (benämning eller diarienummer)", "Avtalets benämning eller diarienummer.", "text", None, 34),
    Column("Leverantör (företag)", "Företaget som har avtalet.", "text", None, 24),
    Column("Rapportperiod", "Perioden rapporten gäller, till exempel 2026 kvartal 1.", "text", None, 18),
    Column("Villkorsvariant", "Villkoret i avtalet. Välj i listan.", "variant", "variant", 24),
    Column("Mål: antal platser enligt avtalet", "Antalet platser som avtalet kräver (heltal). Dialog: lämna tomt.",
           "antal", "mal", 24),
    # the clause, the milestones and the vite are measured in full-time months (item 17)
    Column("Mål: heltidsmånader enligt avtalet (heltal)",
           "Det antal månader på heltid som avtalet kräver sammanlagt (heltal). Har beställaren godtagit att "
           "åtagandet minskas enligt avtalet, till exempel för en plats som ni anmälde i tid men inte fick förslag "
           "på någon kandidat till, skriver ni det minskade antalet och förklarar i kommentaren. Räkna inte ned "
           "målet på egen hand. Dialog: lämna tomt.", "antal", None, 24),
    Column("Utfall: antal tillsatta platser hittills",
           "Antalet platser som har tillsatts från avtalsstart till periodens slut (heltal).", "antal", "utfall", 26),
    # employment and praktik mean different things for the person (module 06, section 3; labour-market review)
    Column("Varav anställningar (antal)",
           "Av de tillsatta platserna: hur många som är anställningar. Resten är praktikplatser (heltal). "
           "Dialog: lämna tomt.", "antal", None, 20),
    Column("Platser som har slutat i förtid (antal)",
           "Antalet platser från avtalsstart som har slutat före den avtalade tiden, av vilket skäl som helst "
           "(heltal). Avtalet säger när en sådan plats ändå räknas som fullgjord.", "antal", None, 22),
    # the best outcome, known to the employer about its own staff when the place ends (verification read of 06, N10 b)
    Column("Kvar i anställning hos er när platsen slutade (antal)",
           "Av de platser som har slutat från avtalsstart: hur många personer som då fortsatte att vara anställda "
           "hos er (heltal). Räkna bara det ni vet om er egen personal när platsen slutar.", "antal", None, 24),
    # what the clause requires: full-time months (legal review of the annex, item 3); part time is summed up
    Column("Utfall: fullgjorda månader omräknat till heltid, sammanlagt från avtalsstart (heltal)",
           "Fullgjorda månader från avtalsstart till periodens slut, omräknade till heltid: två månader på halvtid "
           "blir en månad (heltal, avrunda nedåt).", "antal", None, 30),
    # what the exemption from vite rests on (item 17) and the rule for declined offers (item 6)
    Column("Behov som har anmälts under perioden (antal)",
           "Antalet platser som leverantören under perioden skriftligen har anmält till kommunens "
           "matchningsansvariga, Arbetsförmedlingen, Eures eller någon annan som förmedlar arbetssökande (heltal).",
           "antal", None, 24),
    Column("Varav utan förslag på kandidat som uppfyller kraven i anmälan (antal)",
           "Av de anmälda platserna: hur många som inte har fått förslag på någon kandidat ur målgruppen som "
           "uppfyller kraven i anmälan (heltal).", "antal", None, 26),
    Column("Erbjudanden som inte antogs under perioden (antal)",
           "Antalet erbjudanden om anställning eller praktik som personen tackade nej till under perioden (heltal).",
           "antal", None, 24),
    # the dialogue variant reports meetings and agreed measures (item 15)
    Column("Dialog: antal dialogmöten under perioden",
           "Bara för villkoret om dialog: antalet dialogmöten med beställaren under perioden (heltal).",
           "antal", None, 20),
    Column("Dialog: åtgärder som har överenskommits (inga uppgifter om enskilda personer)",
           "Bara för villkoret om dialog: korta beskrivningar av de åtgärder som ni har kommit överens om, till "
           "exempel en praktikplats per termin. Skriv inget om enskilda personer.", "text", None, 40),
    Column("Kommentar (inga uppgifter om enskilda personer)",
           "Till exempel varför en plats inte har tillsatts. Skriv inget om enskilda personer.", "text", None, 40),
)
#: The follow-up after the place (in work 6 and 12 months after) is the municipality's, with the person's
#: participation, not the supplier's: the template has no such columns (second review of the annex, item 18).
#: The heading of the column that fills each role of module 04's analysis.
ROLE_HEADERS = {c.role: c.header for c in COLUMNS if c.role}

INSTRUCTIONS = (
    "Rapportmall för sysselsättningskrav",
    "",
    "Mallen används för leverantörens rapport om hur sysselsättningskravet i avtalet uppfylls. Vad som ska "
    "rapporteras och när står i avtalet (bilagan Särskilda kontraktsvillkor – sysselsättning).",
    "",
    "Så fyller du i:",
    "1. Fyll i fliken ”Rapport”: en rad per avtal. Lämna en ny fil för varje rapportperiod.",
    "2. Skriv bara antal. Skriv aldrig namn, personnummer, kontaktuppgifter eller annat om enskilda personer.",
    "3. Små tal (1–2 personer) kan ändå peka ut någon. Skriv därför inget i kommentaren som tillsammans med "
    "antalet visar vem det gäller.",
    "4. Lämna en cell tom om uppgiften inte är känd. Skriv inte 0 när du inte vet: 0 betyder att det inte finns "
    "något att räkna, till exempel att ingen plats har tillsatts.",
    "5. Ändra inte kolumnernas rubriker. Då kan kommunen läsa in filen i sin uppföljning utan att göra om den.",
    "6. Följ inte upp personer som har slutat hos er. Den uppföljningen gör kommunen själv, med personens "
    "medverkan.",
    "",
    "Kolumnerna:",
)


def instruction_lines() -> list[str]:
    """Every line of the instruction sheet."""
    return list(INSTRUCTIONS) + [f"{c.header}: {c.help}" for c in COLUMNS]


def write_template(path: str | Path) -> Path:
    """Write the empty template to ``path`` (.xlsx) and return the path. Missing folders are created."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from upphandlingskurs.content.data import GR_MUNICIPALITIES

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    ws.append([c.header for c in COLUMNS])
    ws.freeze_panes = "A2"
    for i, col in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[letter].width = col.width
        cells = f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}"
        if col.kind == "kommun":
            # a list of suggestions, not a limit: another organisation's name is accepted after a question
            dv = DataValidation(type="list", formula1='"' + ",".join(GR_MUNICIPALITIES) + '"', allow_blank=True,
                                errorStyle="information")
            dv.error = "Namnet finns inte i listan. Klicka på OK om det är rätt namn på er organisation."
        elif col.kind == "variant":
            dv = DataValidation(type="list", formula1='"' + ",".join(VARIANT_CHOICES) + '"', allow_blank=True)
            dv.error = "Välj villkorsvariant i listan."
        elif col.kind == "antal":
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            dv.error = "Skriv ett heltal, 0 eller större. Lämna cellen tom om uppgiften inte är känd."
        else:
            dv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="300", allow_blank=True)
            dv.error = "Skriv högst 300 tecken."
        dv.errorTitle = "Kontrollera värdet"
        dv.prompt, dv.promptTitle = col.help, col.header[:32]
        dv.showErrorMessage = dv.showInputMessage = True
        ws.add_data_validation(dv)
        dv.add(cells)
    info = wb.create_sheet(INSTRUCTION_SHEET)
    info.column_dimensions["A"].width = 110
    for line in instruction_lines():
        info.append([line])
    info["A1"].font = Font(bold=True, size=14)
    for row in info.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    wb.active = wb.index(info)  # Excel opens on the instructions; the data stay the first sheet
    ws.sheet_view.tabSelected = False  # else Excel opens with both sheets grouped
    wb.save(str(path))
    return path
