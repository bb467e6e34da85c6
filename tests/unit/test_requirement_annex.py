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
from upphandlingskurs.content.data import GR_MUNICIPALITIES
from upphandlingskurs.decisions import employment
from upphandlingskurs.documents.requirement_annex import (FILL_IN_WARNING, HEADINGS, PART_A, PART_B, build_annex,
                                                          save_annex, save_template)
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.sysselsattning import kravbyggaren_widget

GOOD = dict(contract_value_kr=24_000_000, months=48, labour_intensity="hög", sector="lokalvård",
            variant="anställning", target_group="personer som har varit arbetslösa i minst 12 månader")


def test_annex_docx_reads_back_with_headings_and_kravbyggarens_clause(tmp_path):
    req = build_requirement(**GOOD)
    files = save_annex(req, "docx", tmp_path, avtal="Lokalvård i skolor (fiktivt fall)")
    part_a, part_b = docx.Document(str(files.villkor)), docx.Document(str(files.anvisning))

    def headings(doc):
        return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]

    # part A is its own file, so it can be attached as it is; the guidance for the official is in another file
    at = HEADINGS.index(PART_B)
    assert headings(part_a) == list(HEADINGS[:at]) and headings(part_b) == list(HEADINGS[at:])
    assert part_a.paragraphs[0].text.endswith("– Lokalvård i skolor (fiktivt fall)")
    assert part_b.paragraphs[0].text.startswith("Anvisning till upphandlaren (bifogas inte)")
    # the fill-in warning instructs the official: it is in part B, never in the attached part A (review 2, item 12)
    assert FILL_IN_WARNING in [p.text for p in part_b.paragraphs]
    assert FILL_IN_WARNING not in [p.text for p in part_a.paragraphs]
    texts = [p.text for p in part_a.paragraphs] + [p.text for p in part_b.paragraphs]
    clause = plain_clause(req)
    assert clause in texts and "3 personer i 12 månader" in clause and "*" not in clause
    assert clause == req.clause.replace("**", "").replace("*", "")
    body = "\n".join(texts)
    for needle in ("17 kap. 1 § LOU", "4 kap. 1 § LOU", "artikel 28.3", "Rättelse", "Vite", "Hävning",
                   "rapportmall_sysselsattning.xlsx", "inte den enda vägen", FILL_IN_WARNING):
        assert needle in body, needle
    # the legal sentences are the action plan's, not new copies
    assert FIRST_PROCUREMENT_BULLETS[2] in texts and FIRST_PROCUREMENT_BULLETS[3] in texts
    assert FOLLOW_UP_BULLETS[3] in texts


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_annex_markdown_and_html_have_every_heading(tmp_path, fmt):
    files = save_annex(build_requirement(**{**GOOD, "variant": "dialog"}), fmt, tmp_path)
    text = files.villkor.read_text(encoding="utf-8") + files.anvisning.read_text(encoding="utf-8")
    for h in HEADINGS:
        assert (f"## {h}" if fmt == "md" else f"<h2>{h}</h2>") in text
    assert PART_B not in files.villkor.read_text(encoding="utf-8")
    assert "Dialog om sysselsättningsfrämjande åtgärder" in text
    again = save_annex(build_requirement(**GOOD), fmt, tmp_path)
    assert again.villkor != files.villkor and again.anvisning != files.anvisning  # never overwritten


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
    assert form.annex.result_html.count("download=") == 3  # part A, part B, the reporting template
    assert form.annex.guidance is not None and form.annex.guidance.exists()
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


# --- legal review of the annex ---------------------------------------------------------------------------------
MOLNDAL = dict(contract_value_kr=12_000_000, months=48, labour_intensity="hög", sector="lokalvård",
               variant="anställning", target_group="personer som har varit arbetslösa i minst 12 månader")
# Sentences that instruct the official or admit a risk: they must never be in part A (item 1).
INSTRUCTIONS = ("Skriv här", "skriv i avtalet", "Bestäm ", "upphandlingsjurist", "EXEMPEL", "kursens", "kursen",
                "oproportionerligt", "flagg", "dataskyddsombud", "Kontrollera ")


def _parts(req, avtal=""):
    _, sections = build_annex(req, avtal)
    headings = [s.heading for s in sections]
    b = headings.index(PART_B)
    return sections[:b], sections[b:]


def _text(sections):
    return "\n".join(t for s in sections for t in [s.heading] + s.paragraphs + s.bullets)


def test_item1_part_a_holds_only_contract_terms_and_warns_about_fill_in_fields():
    req = employment.build_requirement(**{**MOLNDAL, "contract_value_kr": 3_000_000})  # small: a warning flag
    assert req.flags
    _, sections = build_annex(req, bekraftat_krav=True)
    b_at = [s.heading for s in sections].index(PART_B)
    part_a, part_b = sections[:b_at], sections[b_at:]
    a, b = _text(part_a), _text(part_b)
    assert part_a[0].heading == PART_A and FILL_IN_WARNING not in a and "[" in a
    assert part_b[1].bullets[0] == FILL_IN_WARNING  # B1 starts with it (review 2, item 12)
    for word in INSTRUCTIONS:
        assert word not in a, word
    assert all(f.message in b for f in req.flags) and "upphandlingsjurist" in b and "bifogas inte" in b


def test_item1_no_fill_in_warning_when_part_a_has_no_fields(monkeypatch):
    from upphandlingskurs.documents import requirement_annex as ra
    monkeypatch.setattr(ra, "_part_a", lambda req, clause, ramavtal=False: [ra.Section(PART_A, ["Villkor utan fält."])])
    _, sections = build_annex(employment.build_requirement(**MOLNDAL))
    assert FILL_IN_WARNING not in _text(sections)


@pytest.mark.parametrize("group", ["långtidsarbetslösa som är folkbokförda i Mölndals stad",
                                   "personer med försörjningsstöd från Mölndals stad",
                                   "unga utan arbete som bor i kommunen", "arbetslösa bosatta i Kungälv"])
def test_item2_residence_in_a_free_text_target_group_is_not_allowed(group):
    req = employment.build_requirement(**{**MOLNDAL, "target_group": group})
    assert req.has_flag("diskriminering", "ej tillåtet")
    with pytest.raises(InputError, match="bo i kommunen är inte tillåtet"):
        build_annex(req)


def test_item2_labour_market_target_groups_pass_and_the_word_list_matches_gr():
    for group in ("personer som har varit arbetslösa i minst 12 månader", "unga utan arbete", "nyanlända"):
        assert not employment.build_requirement(**{**MOLNDAL, "target_group": group}).has_flag("diskriminering")
    assert employment._GR_NAMES == GR_MUNICIPALITIES


def test_item3_reporting_and_template_measure_full_time_months():
    a = _text(_parts(employment.build_requirement(**MOLNDAL))[0])
    assert "sammanlagt minst 12 månader på heltid" in a and "fullgjorda heltidsmånader sammanlagt från avtalsstart" in a
    headers = [c.header for c in COLUMNS]
    assert "Utfall: fullgjorda månader omräknat till heltid, sammanlagt från avtalsstart (heltal)" in headers


def test_item4_vite_is_a_yearly_milestone_and_reporting_has_its_own_vite():
    a = _text(_parts(employment.build_requirement(**MOLNDAL))[0])
    assert "vid utgången av avtalsår 1" in a and "per heltidsmånad som saknas" in a and "påbörjad månad" not in a
    assert "Brister i rapporteringen" in a and "häva avtalet helt eller delvis" in a
    assert "trots skäliga ansträngningar" not in a  # item 6
    dialog = _text(_parts(employment.build_requirement(**{**MOLNDAL, "variant": "dialog"}))[0])
    assert "dialogmöte" in dialog and "heltidsmånad" not in dialog


def test_items10_13_follow_up_after_the_place_is_not_the_suppliers_and_health_data_are_warned_about():
    part_a, part_b = _parts(employment.build_requirement(**MOLNDAL))
    assert "6 och 12 månader" not in _text(part_a) and "(a) personen har anvisats av kommunens matchningsansvariga" in _text(part_a)
    assert all("frivillig" in c.header for c in COLUMNS if "efter platsen" in c.header)
    assert "känsliga personuppgifter" not in _text(part_b)
    health = employment.build_requirement(**{**MOLNDAL, "target_group": "personer med funktionsnedsättning"})
    assert "Alla underlag" not in _text(_parts(health)[1])
    assert "alla underlag om att en person hör till målgruppen känsliga personuppgifter" in _text(_parts(health)[1])


def test_item16_a_requirement_at_tender_blocks_the_annex():
    with pytest.raises(InputError, match="vid anbudet innan bilagan skapas"):
        build_annex(employment.build_requirement(**MOLNDAL, required_at_tender=True))


def test_items5_7_early_end_and_framework_agreements_follow_uhm():
    part_a, part_b = _parts(employment.build_requirement(**MOLNDAL))
    a, b = _text(part_a), _text(part_b)
    assert "minst tre fjärdedelar av den avtalade tiden" in a and "lagen (1982:80) om anställningsskydd" in a
    assert "krav-ID 11554" in b and "avstängning från avrop" in b and "stänga av" not in a
    assert "underleverantörer" in a
    dialog = _text(_parts(employment.build_requirement(**{**MOLNDAL, "variant": "dialog"}))[0])
    assert "tre fjärdedelar" not in dialog
