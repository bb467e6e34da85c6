"""Kravbyggaren's requirement annex (.docx/.md/.html) and the supplier reporting template (.xlsx), read back."""
from __future__ import annotations

import re

import docx
import openpyxl
import pandas as pd
import pytest

from upphandlingskurs.content import followup
from upphandlingskurs.content.reporting_template import (COLUMNS, DATA_SHEET, INSTRUCTION_SHEET, ROLE_HEADERS,
                                                         instruction_lines, write_template)
from upphandlingskurs.decisions.employment import build_requirement, plain_clause
from upphandlingskurs.documents.action_plan import FIRST_PROCUREMENT_BULLETS, FOLLOW_UP_BULLETS
from upphandlingskurs.documents.requirement_annex import HEADINGS, build_annex, save_annex, save_template
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.sysselsattning import kravbyggaren_widget

GOOD = dict(contract_value_kr=24_000_000, months=48, labour_intensity="hög", sector="lokalvård",
            variant="anställning", target_group="personer som har varit arbetslösa i minst 12 månader")


def test_annex_docx_reads_back_with_headings_and_kravbyggarens_clause(tmp_path):
    req = build_requirement(**GOOD)
    path = save_annex(req, "docx", tmp_path, avtal="Lokalvård i skolor (fiktivt fall)")
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == list(HEADINGS)
    assert doc.paragraphs[0].text.endswith("– Lokalvård i skolor (fiktivt fall)")
    texts = [p.text for p in doc.paragraphs]
    clause = plain_clause(req)
    assert clause in texts and "3 personer i 12 månader" in clause and "*" not in clause
    assert clause == req.clause.replace("**", "").replace("*", "")
    body = "\n".join(texts)
    for needle in ("17 kap. 1 § LOU", "4 kap. 1 § LOU", "artikel 28", "EXEMPEL – anpassa", "Rättelse", "Vite",
                   "Hävning", "rapportmall_sysselsattning.xlsx", "inte den enda vägen"):
        assert needle in body, needle
    # the legal sentences are the action plan's, not new copies
    assert FIRST_PROCUREMENT_BULLETS[2] in texts and FIRST_PROCUREMENT_BULLETS[3] in texts
    assert FOLLOW_UP_BULLETS[3] in texts


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_annex_markdown_and_html_have_every_heading(tmp_path, fmt):
    path = save_annex(build_requirement(**{**GOOD, "variant": "dialog"}), fmt, tmp_path)
    text = path.read_text(encoding="utf-8")
    for h in HEADINGS:
        assert (f"## {h}" if fmt == "md" else f"<h2>{h}</h2>") in text
    assert "Dialog om sysselsättningsfrämjande åtgärder" in text
    assert save_annex(build_requirement(**GOOD), fmt, tmp_path) != path  # an earlier file is never overwritten


def test_annex_refuses_what_is_not_allowed_and_bad_input(tmp_path):
    with pytest.raises(InputError, match="bo i kommunen är inte tillåtet"):
        build_annex(build_requirement(**GOOD, residence_requirement=True))
    with pytest.raises(InputError, match="telefonnummer eller e-postadress"):
        build_annex(build_requirement(**GOOD), avtal="fråga anna@kommun.se")
    with pytest.raises(InputError, match="Bygg kravet"):
        build_annex(None)
    assert not list(tmp_path.iterdir())


def test_template_opens_with_instructions_validation_and_no_personal_data(tmp_path):
    path = write_template(tmp_path / "mall.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [DATA_SHEET, INSTRUCTION_SHEET]
    ws = wb[DATA_SHEET]
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    assert ws.max_row == 1  # the template holds no data
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"list", "whole", "textLength"} <= kinds
    lines = [r[0] for r in wb[INSTRUCTION_SHEET].iter_rows(values_only=True) if r[0]]
    assert lines == [line for line in instruction_lines() if line]
    everything = " ".join(map(str, lines + [c.header for c in COLUMNS]))
    assert not re.search(r"\S+@\S+\.\w+", everything) and not re.search(r"(\+46|\b0)[\d\s\-]{6,}\d", everything)
    assert followup.personal_data_findings(pd.read_excel(path)) == []


def test_module04_recognises_the_template_and_a_filled_in_copy_reads_back_to_the_same_summary(tmp_path):
    path = write_template(tmp_path / "mall.xlsx")
    assert followup.guess_mapping(pd.read_excel(path).columns) == ROLE_HEADERS
    course = followup.course_file()
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    col = {c.role: i for i, c in enumerate(COLUMNS) if c.role}
    for i, row in enumerate(course.itertuples(index=False)):
        values = [None] * len(COLUMNS)
        values[col["kommun"]], values[col["variant"]] = row.kommun, row.variant
        values[col["mal"]] = None if pd.isna(row.mal) else int(row.mal)
        values[col["utfall"]] = None if pd.isna(row.utfall) else int(row.utfall)
        values[1], values[3] = f"Avtal {i + 1} (syntetiskt)", "2026 kvartal 4"
        ws.append(values)
    wb.save(path)
    raw = followup.read_table(path)
    followup.check_no_personal_data(raw)
    std, report = followup.prepare_own_file(raw, followup.guess_mapping(raw.columns))
    assert report["rader_kvar"] == len(course)
    for by in ("kommun", "variant", None):
        pd.testing.assert_frame_equal(followup.summarise(std, by), followup.summarise(course, by))
    assert followup.summary_text(std) == followup.summary_text(course)


def test_kravbyggaren_annex_button_good_and_bad_input(tmp_path):
    form = kravbyggaren_widget(tmp_path)
    assert "Bygg kravet" in form.annex.submit()  # nothing built yet
    assert not list(tmp_path.iterdir())
    form.submit(value="24 000 000", months="48", variant="anställning")
    text = form.annex.submit(avtal="Lokalvård i skolor", format="docx", template=True)
    assert "Klart!" in text and form.annex.last_error is None
    assert form.annex.result_html.count("download=") == 2
    saved = docx.Document(str(form.annex.saved))
    assert plain_clause(form.requirement) in [p.text for p in saved.paragraphs]
    assert (tmp_path / "rapportmall_sysselsattning.xlsx").exists()
    # bad input in Kravbyggaren: the annex is not built from an old result; the fields keep what was typed
    assert "måste vara ett tal" in form.submit(value="tolv miljoner")
    assert "Bygg kravet" in form.annex.submit()
    assert form.controls["value"].value == "tolv miljoner"
    form.submit(value="24 000 000", residence=True)
    assert "inte tillåtet" in form.annex.submit() and form.annex.last_result is None
    form.submit(residence=False)
    assert "telefonnummer" in form.annex.submit(avtal="ring 031-123 45 67")
    assert form.annex.controls["avtal"].value == "ring 031-123 45 67"
    assert "Traceback" not in form.annex.result_html
