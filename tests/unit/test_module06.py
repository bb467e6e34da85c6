"""Module 06: the sanctions ladder (pure function and widget, good and bad input), the reporting template button,
and the module's promises about vite, personal data and sources."""
import re
from pathlib import Path

import nbformat
import openpyxl
import pytest

from upphandlingskurs.content.reporting_template import COLUMNS, DATA_SHEET, INSTRUCTION_SHEET
from upphandlingskurs.decisions.sanctions import BREACHES, STEPS, next_step, step_markdown
from upphandlingskurs.documents.requirement_annex import EXAMPLE_VITE
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.matchning import QUESTIONS, rapportmall_widget, sanktionstrappan_widget

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "course" / "06_fran_krav_till_jobb.ipynb"
SOLUTION = REPO / "solutions" / "06_fran_krav_till_jobb" / "06_fran_krav_till_jobb.ipynb"
ALL_NO = {name: "nej" for name, _l, _q in QUESTIONS}


# -- the ladder ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("brist", ["rapport_sen", "rapport_namn", "delmal_missat", "dialog_uteblev"])
def test_first_step_is_always_rattelse_even_with_vite_and_termination_clauses(brist):
    step = next_step(brist, avtalet_har_vite=True, avtalet_har_havning=True)
    assert step.steg == "rättelse" and "skriftlig anmaning" in " ".join(step.gor)
    assert any("Anmaningen" in d for d in step.dokumentera)


def test_vite_only_after_notice_and_only_when_the_contract_has_it():
    step = next_step("delmal_missat", anmanad=True, avtalet_har_vite=True)
    assert step.steg == "vite"
    assert "undantaget" in " ".join(step.gor)  # the no-candidate exemption is checked first
    assert "per heltidsmånad som saknas" in step.gor[0]
    assert "per påbörjad vecka" in next_step("rapport_sen", anmanad=True, avtalet_har_vite=True).gor[0]
    assert any("Vite är ett avtalsvillkor" in t for t in step.avtalet_ska)
    without = next_step("delmal_missat", anmanad=True, avtalet_har_vite=False)
    assert without.steg == "rättelse" and "Ta inte ut vite" in without.gor[0]
    assert "17 kap. 9–14 §§ LOU" in " ".join(without.gor)  # no vite added after the award


def test_no_candidate_and_early_end_after_three_quarters_give_no_sanction():
    for brist in ("ingen_kandidat", "fortida_avslut"):
        for anmanad in (False, True):
            step = next_step(brist, anmanad=anmanad, avtalet_har_vite=True, avtalet_har_havning=True)
            assert step.steg == "ingen sanktion", brist
    no_candidate = next_step("ingen_kandidat")
    assert "Ta inte ut vite" in no_candidate.gor[0]
    assert "36 § lagen (1915:218)" in " ".join(no_candidate.avtalet_ska)
    assert "tre fjärdedelar" in " ".join(next_step("fortida_avslut").gor)


def test_termination_only_when_repeated_and_agreed_and_framework_mentions_call_offs():
    step = next_step("delmal_missat", anmanad=True, upprepad=True, avtalet_har_vite=True, avtalet_har_havning=True)
    assert step.steg == "hävning" and "proportion" in " ".join(step.gor)
    assert "avrop" not in " ".join(step.gor)
    framework = next_step("delmal_missat", anmanad=True, upprepad=True, avtalet_har_havning=True, ramavtal=True)
    assert "stänga av leverantören från avrop" in " ".join(framework.gor)
    no_clause = next_step("delmal_missat", anmanad=True, upprepad=True, avtalet_har_vite=True)
    assert no_clause.steg == "fråga juristen" and "Häv inte på egen hand" in no_clause.gor[0]


def test_names_in_a_report_are_handled_as_a_public_record_with_secrecy_test():
    text = " ".join(next_step("rapport_namn").gor)
    assert "bara antal" in text and "allmän handling" in text and "offentlighets- och sekretesslagen" in text


@pytest.mark.parametrize("brist", list(BREACHES))
@pytest.mark.parametrize("anmanad,upprepad", [(False, False), (True, False), (True, True)])
@pytest.mark.parametrize("vite,havning", [(False, False), (True, True)])
def test_every_path_gives_a_known_step_with_all_parts(brist, anmanad, upprepad, vite, havning):
    step = next_step(brist, anmanad=anmanad, upprepad=upprepad, avtalet_har_vite=vite, avtalet_har_havning=havning)
    assert step.steg in STEPS and step.gor and step.dokumentera and step.avtalet_ska
    text = step_markdown(step)
    assert text.startswith("### ") and "**Dokumentera**" in text and "**Det här måste avtalet säga**" in text
    assert not re.search(r"\d\s*(kr\b|kronor)", text)  # the course states no amounts


def test_bad_input_gives_swedish_messages():
    with pytest.raises(InputError, match="Välj vad som har hänt"):
        next_step("okänt")
    with pytest.raises(InputError, match="förutsätter att leverantören redan har fått en skriftlig anmaning"):
        next_step("rapport_sen", upprepad=True)


# -- the widgets ---------------------------------------------------------------------------------------------------
def test_ladder_widget_good_input():
    form = sanktionstrappan_widget()
    out = form.submit(brist="delmal_missat", **{**ALL_NO, "anmanad": "ja", "avtalet_har_vite": "ja"})
    assert form.last_error is None and "Andra steget: vite" in out
    out = form.submit(brist="ingen_kandidat", **ALL_NO)
    assert "Ingen sanktion" in out and 'role="status"' in form.result_html


def test_ladder_widget_bad_input_lists_every_missing_answer_and_keeps_the_answers():
    form = sanktionstrappan_widget()
    out = form.submit(brist="", **ALL_NO)
    assert form.last_result is None and "Välj vad som har hänt" in out
    out = form.submit(brist="rapport_sen", anmanad="", upprepad="", avtalet_har_vite="nej",
                      avtalet_har_havning="nej", ramavtal="nej")
    assert out.count("Svara Ja eller Nej") == 2 and 'role="alert"' in form.result_html
    assert form.controls["brist"].value == "rapport_sen"  # nothing the participant chose is lost
    out = form.submit(brist="rapport_sen", **{**ALL_NO, "upprepad": "ja"})
    assert "förutsätter" in out


def test_ladder_widget_shows_every_question_in_full():
    form = sanktionstrappan_widget()
    for name, _label, question in QUESTIONS:
        assert question in form.widget.children[0].value
        assert form.controls[name].tooltip == question


def test_template_button_saves_the_template_that_reads_back(tmp_path):
    folder = tmp_path / "mina_dokument"
    form = rapportmall_widget(folder)
    out = form.submit()
    path = folder / "rapportmall_sysselsattning.xlsx"
    assert form.last_error is None and path.name in out and path.exists()
    assert 'download="rapportmall_sysselsattning.xlsx"' in form.result_html
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [DATA_SHEET, INSTRUCTION_SHEET]
    assert [c.value for c in wb[DATA_SHEET][1]] == [c.header for c in COLUMNS]
    assert wb[DATA_SHEET].max_row == 1  # headings only: no personal data
    form.submit()  # a second click replaces the same template, it never fails
    assert len(list(folder.iterdir())) == 1


def test_template_button_cannot_save_gives_swedish_message(tmp_path):
    blocker = tmp_path / "mina_dokument"
    blocker.write_text("en fil, ingen mapp", encoding="utf-8")
    form = rapportmall_widget(blocker)
    out = form.submit()
    assert form.last_result is None and "Det gick inte att spara rapportmallen" in out
    assert "download=" not in form.result_html


# -- the module and its exercise -----------------------------------------------------------------------------------
def _text(path: Path) -> str:
    """The notebook's text with glossary links unwrapped ("[LOU](ordlista.ipynb#LOU)" reads "LOU")."""
    nb = nbformat.read(path, as_version=4)
    return re.sub(r"\[([^\]]+)\]\(ordlista\.ipynb#[^)]*\)", r"\1", "\n".join(c.source for c in nb.cells))


def test_module_follows_the_template_and_metadata():
    nb = nbformat.read(COURSE, as_version=4)
    kurs = nb.metadata["kurs"]
    assert kurs["modul"] == "06" and kurs["ovning"] == "06_fran_krav_till_jobb"
    assert 3 <= len(kurs["larandemal"]) <= 5 and kurs["tid_lasning_min"] >= 35
    text = _text(COURSE)
    for heading in ("## Frågor", "## Lärandemål", "## Tid", "## Nyckelpunkter", "## Läs vidare – för din roll",
                    "## Källor"):
        assert heading in text, heading
    assert "Okända ord? Se [ordlistan](ordlista.ipynb)." in text and "Senast granskad: 2026-12" in text
    assert any("bild" in c.metadata.get("tags", []) for c in nb.cells)


def test_module_says_vite_is_a_contract_term_and_shows_the_annex_clause_with_placeholders():
    text = _text(COURSE)
    assert "avtalsvillkor" in text and "inte en lag" in text
    assert "sanktionstrappan_widget" in text and "rapportmall_widget" in text
    assert "EXAMPLE_VITE" in text and "[belopp]" in EXAMPLE_VITE  # the clause comes from the annex itself
    assert "02_sysselsattningskrav.ipynb" in text  # Kravbyggaren for the whole annex


def test_module_marks_fictitious_cases_and_estimates():
    text = _text(COURSE)
    assert text.casefold().count("påhittat exempel") >= 3 and "kursens uppskattning" in text


def test_module_names_the_law_behind_praktik_personal_data_and_frameworks():
    text = _text(COURSE)
    for needle in ("lagen (2000:625) om den arbetsmarknadspolitiska verksamheten", "artikel 5.1 c",
                   "artikel 6.1 e", "26 kap. 1 § offentlighets- och sekretesslagen", "8 kap. 1–2 §§",
                   "7 kap. LOU", "17 kap. 1 § LOU", "lagen (1982:80) om anställningsskydd"):
        assert needle in text, needle


def test_exercise_has_six_autograded_and_two_manual_questions():
    nb = nbformat.read(SOLUTION, as_version=4)
    meta = [c.metadata.get("nbgrader", {}) for c in nb.cells]
    auto = [m for m, c in zip(meta, nb.cells) if m.get("grade") and not m.get("solution") and c.cell_type == "code"]
    manual = [m for m, c in zip(meta, nb.cells) if m.get("grade") and m.get("solution") and c.cell_type == "markdown"]
    assert len(auto) >= 6 and len(manual) >= 2
    assert all('check_answer("06-' in c.source for m, c in zip(meta, nb.cells) if m in auto)


def test_times_in_the_text_match_the_metadata_and_the_word_count():
    nb = nbformat.read(COURSE, as_version=4)
    meta = nb.metadata["kurs"]
    tid = next(c.source for c in nb.cells if "## Tid" in c.source)
    assert f"Läsning och widgetar: cirka {meta['tid_lasning_min']} minuter" in tid
    assert f"`06_fran_krav_till_jobb`: cirka {meta['tid_ovning_min']} minuter" in tid
    words = sum(len(re.sub(r"\]\([^)]*\)", "]", c.source).split()) for c in nb.cells if c.cell_type == "markdown")
    assert meta["tid_lasning_min"] >= words / 110, "the reading time no longer covers the text"
    assert 35 <= meta["tid_lasning_min"] <= 50
