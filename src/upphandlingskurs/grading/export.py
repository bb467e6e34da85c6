"""Export results to CSV and Excel with Swedish column names, plus a summary per participant."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import report as reports
from .course import Course
from .report import NOT_GRADED

RESULT_COLUMNS = [
    "Deltagare", "Förnamn", "Efternamn", "E-post", "Modul", "Status", "Poäng", "Maxpoäng", "Andel (%)",
    "Automatiskt rättade poäng", "Manuellt rättade poäng", "Väntar på manuell rättning", "Anmärkningar",
]
SUMMARY_COLUMNS = [
    "Deltagare", "Förnamn", "Efternamn", "E-post", "Inlämnade moduler", "Rättade moduler", "Ej rättade moduler",
    "Poäng", "Maxpoäng", "Andel (%)", "Väntar på manuell rättning", "Moduler som saknas",
]


@dataclass
class ExportFiles:
    results_csv: Path
    summary_csv: Path
    xlsx: Path
    rows: int


def _pct(points, maximum):
    return round(100.0 * points / maximum, 1) if maximum else None


def result_rows(course: Course, modules: list[str] | None = None) -> list[dict]:
    """One row per participant and module that has a submission, a grade or a grading report."""
    from nbgrader.api import MissingEntry

    modules = modules or course.modules()
    rows = []
    with course.gradebook() as gb:
        students = {s.id: s for s in gb.students}
        for module in modules:
            notes = reports.load(course, module)
            submitted = set(course.submitted(module))
            try:
                assignment = gb.find_assignment(module)
                subs = {s.student.id: s for s in assignment.submissions}
            except MissingEntry:
                subs = {}
            for pid in sorted(set(subs) | set(notes) | submitted):
                s, o, st = subs.get(pid), notes.get(pid), students.get(pid)
                failed = o is not None and o.status == NOT_GRADED
                graded = s is not None and not failed and course.path("autograded", pid, module).is_dir()
                if failed:
                    status = NOT_GRADED
                elif graded:
                    status = "väntar på manuell rättning" if s.needs_manual_grade else "klar"
                else:
                    status = "inlämnad, inte rättad"
                score = float(s.score) if graded else None
                maximum = float(s.max_score) if s is not None else None
                rows.append({
                    "Deltagare": pid,
                    "Förnamn": (st.first_name or "") if st else "",
                    "Efternamn": (st.last_name or "") if st else "",
                    "E-post": (st.email or "") if st else "",
                    "Modul": module,
                    "Status": status,
                    "Poäng": score,
                    "Maxpoäng": maximum,
                    "Andel (%)": _pct(score, maximum) if score is not None else None,
                    "Automatiskt rättade poäng": float(s.code_score) if graded else None,
                    "Manuellt rättade poäng": float(s.written_score) if graded else None,
                    "Väntar på manuell rättning": ("ja" if s.needs_manual_grade else "nej") if graded else "",
                    "Anmärkningar": o.summary() if o else "",
                })
    return rows


def summary_rows(rows: list[dict], modules: list[str], people: dict[str, dict] | None = None) -> list[dict]:
    """One row per participant: everyone with a row in ``rows`` and everyone in ``people`` ({id: names}), so that
    a participant on the list who has submitted nothing is there too (with every module missing)."""
    people = people or {}
    out = []
    for pid in sorted({r["Deltagare"] for r in rows} | set(people)):
        mine = [r for r in rows if r["Deltagare"] == pid]
        graded = [r for r in mine if r["Poäng"] is not None]
        points = sum(r["Poäng"] for r in graded)
        maximum = sum(r["Maxpoäng"] or 0 for r in graded)
        first = mine[0] if mine else people[pid]
        out.append({
            "Deltagare": pid, "Förnamn": first.get("Förnamn", ""), "Efternamn": first.get("Efternamn", ""),
            "E-post": first.get("E-post", ""),
            "Inlämnade moduler": len(mine),
            "Rättade moduler": len(graded),
            "Ej rättade moduler": sum(r["Status"] == NOT_GRADED for r in mine),
            "Poäng": points, "Maxpoäng": maximum, "Andel (%)": _pct(points, maximum),
            "Väntar på manuell rättning": sum(r["Väntar på manuell rättning"] == "ja" for r in mine),
            "Moduler som saknas": ", ".join(m for m in modules if m not in {r["Modul"] for r in mine}),
        })
    return out


def _format_sheet(ws, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Font

    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    for i, col in enumerate(frame.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)]) + 2
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(width, 80)


QUESTION_COLUMNS = [
    "Fråga", "Rättas", "Maxpoäng", "Full poäng", "Delvis poäng", "Noll poäng", "Väntar på manuell rättning",
    "Inlämnad, inte rättad", "Inte inlämnad", "Andel med full poäng (%)", "Medelpoäng",
]


def question_rows(results) -> list[dict]:
    """The per-question figures of ``overview.question_results`` as rows with Swedish column names (no names)."""
    return [{
        "Fråga": r.question, "Rättas": r.kind, "Maxpoäng": r.max_score, "Full poäng": r.full,
        "Delvis poäng": r.partial, "Noll poäng": r.zero, "Väntar på manuell rättning": r.pending_manual,
        "Inlämnad, inte rättad": r.not_graded, "Inte inlämnad": r.not_submitted,
        "Andel med full poäng (%)": r.share_full, "Medelpoäng": r.mean,
    } for r in results]


def people_on_record(course: Course, roster=None) -> dict[str, dict]:
    """{id: names} for the gradebook's students and a participant list (``collect.Participant``)."""
    people: dict[str, dict] = {}
    with course.gradebook() as gb:
        for st in gb.students:
            people[st.id] = {"Förnamn": st.first_name or "", "Efternamn": st.last_name or "", "E-post": st.email or ""}
    for p in roster or []:
        known = people.get(p.id, {})
        people[p.id] = {"Förnamn": p.first_name or known.get("Förnamn", ""),
                        "Efternamn": p.last_name or known.get("Efternamn", ""),
                        "E-post": p.email or known.get("E-post", "")}
    return people


def _question_sheet(writer, module: str, frame: pd.DataFrame) -> None:
    """A sheet per module with the figures per question and a bar chart of the share with full points."""
    from openpyxl.chart import BarChart, Reference

    name = f"Frågor {module}"[:31]
    frame.to_excel(writer, sheet_name=name, index=False)
    ws = writer.sheets[name]
    _format_sheet(ws, frame)
    if len(frame):
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"Andel med full poäng per fråga, {module}"
        chart.y_axis.title = "Andel med full poäng (%)"
        chart.x_axis.title = "Fråga"
        col = QUESTION_COLUMNS.index("Andel med full poäng (%)") + 1
        chart.add_data(Reference(ws, min_col=col, min_row=1, max_row=len(frame) + 1), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(frame) + 1))
        chart.height, chart.width = max(7.5, 0.6 * len(frame)), 18
        ws.add_chart(chart, f"{ws.cell(row=1, column=len(QUESTION_COLUMNS) + 2).column_letter}2")


def export(course: Course, target: Path, modules: list[str] | None = None, roster=None) -> ExportFiles:
    """Write resultat.csv, sammanfattning.csv (semicolon, decimal comma, for Swedish Excel) and resultat.xlsx,
    which also has a sheet per module with the results per question. ``roster``: the participant list
    (``collect.read_participants``); its participants are in the summary even without a submission."""
    from .overview import question_results

    modules = modules or course.modules()
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    rows = result_rows(course, modules)
    results = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    people = people_on_record(course, roster)
    summary = pd.DataFrame(summary_rows(rows, modules, people), columns=SUMMARY_COLUMNS)
    ids = [p.id for p in roster or []]
    per_question = {m: pd.DataFrame(question_rows(question_results(course, m, ids)), columns=QUESTION_COLUMNS)
                    for m in modules}
    files = ExportFiles(target / "resultat.csv", target / "sammanfattning.csv", target / "resultat.xlsx", len(rows))
    results.to_csv(files.results_csv, sep=";", decimal=",", index=False, encoding="utf-8-sig")
    summary.to_csv(files.summary_csv, sep=";", decimal=",", index=False, encoding="utf-8-sig")
    with pd.ExcelWriter(files.xlsx, engine="openpyxl") as writer:
        summary.to_excel(writer, sheet_name="Sammanfattning", index=False)
        results.to_excel(writer, sheet_name="Resultat per modul", index=False)
        _format_sheet(writer.sheets["Sammanfattning"], summary)
        _format_sheet(writer.sheets["Resultat per modul"], results)
        for module, frame in per_question.items():
            _question_sheet(writer, module, frame)
    return files
