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
    Column("Kommun", "Kommunen som har avtalet. Välj i listan.", "kommun", "kommun", 16),
    Column("Avtal (benämning eller diarienummer)", "Avtalets benämning eller diarienummer.", "text", None, 34),
    Column("Leverantör (företag)", "Företaget som har avtalet.", "text", None, 24),
    Column("Rapportperiod", "Perioden rapporten gäller, till exempel 2026 kvartal 1.", "text", None, 18),
    Column("Villkorsvariant", "Villkoret i avtalet. Välj i listan.", "variant", "variant", 24),
    Column("Mål: antal platser enligt avtalet", "Antalet platser som avtalet kräver (heltal).", "antal", "mal", 24),
    Column("Utfall: antal tillsatta platser hittills",
           "Antalet platser som har tillsatts från avtalsstart till periodens slut (heltal).", "antal", "utfall", 26),
    # what the clause requires: full-time months (legal review of the annex, item 3); part time is summed up
    Column("Utfall: fullgjorda månader omräknat till heltid, sammanlagt från avtalsstart (heltal)",
           "Fullgjorda månader från avtalsstart till periodens slut, omräknade till heltid: två månader på halvtid "
           "blir en månad (heltal, avrunda nedåt).", "antal", None, 30),
    # the supplier cannot know this without tracking former employees (item 10): optional
    Column("Antal i arbete 6 månader efter platsen (frivillig, om det är känt)",
           "Frivillig. Antalet personer som har arbete 6 månader efter att platsen tog slut, bara om leverantören "
           "känner till det (heltal). Kommunen följer själv upp detta med den enskildes medverkan.",
           "antal", None, 26),
    Column("Antal i arbete 12 månader efter platsen (frivillig, om det är känt)",
           "Frivillig. Antalet personer som har arbete 12 månader efter att platsen tog slut, bara om leverantören "
           "känner till det (heltal). Kommunen följer själv upp detta med den enskildes medverkan.",
           "antal", None, 26),
    Column("Kommentar (inga uppgifter om enskilda personer)",
           "Till exempel varför en plats inte har tillsatts. Skriv inget om enskilda personer.", "text", None, 40),
)
#: The heading of the column that fills each role of module 04's analysis.
ROLE_HEADERS = {c.role: c.header for c in COLUMNS if c.role}

INSTRUCTIONS = (
    "Rapportmall för sysselsättningskrav",
    "",
    "Mallen används för leverantörens rapport om hur sysselsättningskravet i avtalet uppfylls. Vad som ska "
    "rapporteras och när står i avtalet (kravbilagan, del A).",
    "",
    "Så fyller du i:",
    "1. Fyll i fliken ”Rapport”: en rad per avtal. Lämna en ny fil för varje rapportperiod.",
    "2. Skriv bara antal. Skriv aldrig namn, personnummer, kontaktuppgifter eller annat om enskilda personer.",
    "3. Små tal (1–2 personer) kan ändå peka ut någon. Skriv därför inget i kommentaren som tillsammans med "
    "antalet visar vem det gäller.",
    "4. Lämna en cell tom om uppgiften inte är känd. Skriv inte 0 när du inte vet: 0 betyder att ingen plats har "
    "tillsatts.",
    "5. Ändra inte kolumnernas rubriker. Då kan kommunen läsa in filen i sin uppföljning utan att göra om den.",
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
            dv = DataValidation(type="list", formula1='"' + ",".join(GR_MUNICIPALITIES) + '"', allow_blank=True)
            dv.error = "Välj en av GR:s 13 kommuner i listan."
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
