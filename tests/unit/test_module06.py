"""Module 06: the sanctions ladder (pure function and widget, good and bad input), the reporting template button,
and the module's promises about vite, personal data and sources."""
import itertools
import re
from pathlib import Path

import nbformat
import openpyxl
import pytest

from upphandlingskurs.content.reporting_template import COLUMNS, DATA_SHEET, INSTRUCTION_SHEET
from upphandlingskurs.decisions.sanctions import (BREACHES, LADDER, QUESTION_NAMES, QUESTIONS, STEPS, needed,
                                                  next_step, step_markdown)
from upphandlingskurs.documents import requirement_annex as annex
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import LAYOUT
from upphandlingskurs.widgets.matchning import rapportmall_widget, sanktionstrappan_widget, shown_questions
from upphandlingskurs.content.curriculum import reading_minutes

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "course" / "06_fran_krav_till_jobb.ipynb"
SOLUTION = REPO / "solutions" / "06_fran_krav_till_jobb" / "06_fran_krav_till_jobb.ipynb"


# -- the ladder ----------------------------------------------------------------------------------------------------
def _all(**yes: bool) -> dict[str, bool]:
    return {name: yes.get(name, False) for name in QUESTION_NAMES}


@pytest.mark.parametrize("brist", LADDER)
def test_first_step_is_always_rattelse_even_with_vite_and_termination_clauses(brist):
    step = next_step(brist, **_all(avtalet_har_vite=True, avtalet_har_havning=True, avtalet_har_undantag=True))
    assert step.steg == "rättelse" and "skriftlig" in " ".join(step.gor)
    assert any("Anmaningen" in d for d in step.dokumentera)
    assert "[30]" not in step_markdown(step)  # the annex leaves the number of days open


def test_a_missed_milestone_is_put_right_with_a_plan_the_buyer_accepts():
    text = " ".join(next_step("delmal_missat").gor)
    assert "plan" in text and "godtagit" in text and "loggen" in text


def test_vite_only_after_notice_and_the_time_for_correction_and_only_when_the_contract_has_it():
    wait = next_step("delmal_missat", anmanad=True)
    assert wait.steg == "rättelse" and "vänta" in wait.rubrik.casefold()  # a notice alone is not yet vite
    step = next_step("delmal_missat", anmanad=True, tiden_ute=True, avtalet_har_vite=True, avtalet_har_undantag=True)
    assert step.steg == "vite"
    text = " ".join(step.gor)
    assert "Pröva befrielsen" in text and "loggen" in text
    assert "per heltidsmånad som saknas" in text
    assert "per påbörjad vecka" in " ".join(next_step("rapport_sen", anmanad=True, tiden_ute=True,
                                                         avtalet_har_vite=True).gor)
    assert any("Vite är ett avtalsvillkor" in t for t in step.avtalet_ska)
    without = next_step("delmal_missat", anmanad=True, tiden_ute=True)
    assert without.steg == "rättelse" and "Ta inte ut vite" in without.gor[0]
    assert "17 kap. 9–14 §§ LOU" in " ".join(without.gor)  # no vite added after the award


def test_the_exemption_is_only_checked_when_the_contract_has_it_and_only_for_a_missed_milestone():
    no_exemption = next_step("delmal_missat", anmanad=True, tiden_ute=True, avtalet_har_vite=True)
    assert "Pröva befrielsen" not in " ".join(no_exemption.gor)
    for brist in ("rapport_sen", "rapport_namn", "dialog_uteblev"):
        text = " ".join(next_step(brist, anmanad=True, tiden_ute=True, avtalet_har_vite=True,
                                  avtalet_har_undantag=True).gor)
        assert "befrielse" not in text and "kandidat" not in text, brist


def test_at_the_last_milestone_vite_falls_due_without_a_plan():
    step = next_step("delmal_missat", sista_delmalet=True, avtalet_har_vite=True, avtalet_har_undantag=True)
    assert step.steg == "vite" and "direkt" in step.gor[0]
    no_clause = next_step("delmal_missat", sista_delmalet=True)
    assert no_clause.steg == "fråga juristen" and "Ta inte ut" not in no_clause.rubrik


def test_termination_only_for_a_material_breach_and_never_directly_for_a_report():
    step = next_step("delmal_missat", anmanad=True, tiden_ute=True, vasentligt=True, avtalet_har_havning=True)
    assert step.steg == "hävning" and "väsentligt" in " ".join(step.gor) and "proportion" in " ".join(step.gor)
    assert "avrop" not in " ".join(step.gor)
    framework = next_step("delmal_missat", anmanad=True, tiden_ute=True, vasentligt=True, avtalet_har_havning=True,
                          ramavtal=True)
    assert "stänga av leverantören från nya avrop" in " ".join(framework.gor)
    for brist in ("rapport_sen", "rapport_namn", "dialog_uteblev"):
        report = next_step(brist, anmanad=True, tiden_ute=True, vasentligt=True, avtalet_har_havning=True)
        assert report.steg == "fråga juristen", brist
        assert "En enstaka sen rapport är inte ett väsentligt avtalsbrott" in " ".join(report.gor)
    no_clause = next_step("delmal_missat", anmanad=True, tiden_ute=True, vasentligt=True)
    assert no_clause.steg == "fråga juristen" and "Häv inte på egen hand" in no_clause.gor[0]
    assert "väsentligt avtalsbrott" in no_clause.gor[0]  # a right to terminate may exist without a clause


def test_framework_exclusion_is_named_at_the_vite_step_and_without_vite():
    for vite in (True, False):
        step = next_step("delmal_missat", anmanad=True, tiden_ute=True, avtalet_har_vite=vite, ramavtal=True)
        assert "stänga av" in " ".join(step.gor) and "om upphandlingsdokumenten säger det" in " ".join(step.gor)


def test_waiving_vite_is_documented_and_not_made_a_habit():
    step = next_step("rapport_sen", anmanad=True, tiden_ute=True, avtalet_har_vite=True)
    assert "Avstår ni från ett vite" in " ".join(step.gor) and "regelmässigt" in " ".join(step.gor)


def test_no_candidate_is_no_sanction_only_if_the_contract_has_the_exemption():
    ok = next_step("ingen_kandidat", avtalet_har_vite=True, avtalet_har_undantag=True)
    assert ok.steg == "ingen sanktion" and "om anmälan kom i tid" in ok.rubrik
    text = " ".join(ok.gor)
    assert "Arbetsförmedlingen, Eures eller någon annan" in text and "Åtagandet minskas" in text
    none = next_step("ingen_kandidat", avtalet_har_vite=True)
    assert none.steg == "fråga juristen" and "36 § lagen (1915:218)" in " ".join(none.gor + none.kallor)
    assert next_step("ingen_kandidat").steg == "rättelse"  # no vite clause: nothing to be exempted from


def test_declined_candidates_and_declined_offers():
    judged = next_step("kandidat_nej", avtalet_har_undantag=True)
    assert judged.steg == "bedömning" and "ingen befrielse" in " ".join(judged.gor)
    assert "sakligt motiverade" in " ".join(judged.gor)
    assert next_step("kandidat_nej").steg == "fråga juristen"
    offer = next_step("erbjudande_nej")
    assert offer.steg == "ingen sanktion" and "inte som fullgjord tid" in " ".join(offer.gor)
    assert "skjuts" in " ".join(offer.gor)


def test_early_end_counts_after_three_quarters_only_when_the_person_left():
    assert next_step("fortida_avslut", slutade_sjalv=True, tre_fjardedelar=True).steg == "ingen sanktion"
    short = next_step("fortida_avslut", slutade_sjalv=True)
    assert short.steg == "rättelse" and "tre fjärdedelar" in " ".join(short.gor)
    fired = next_step("fortida_avslut", tre_fjardedelar=True)
    assert fired.steg == "rättelse" and "1 § LAS" in " ".join(fired.gor)


def test_an_internship_that_ends_early_has_no_employer_and_no_las():
    """verify_m06_aud N3: an intern is not employed (EARLY_END_PRAKTIK), so the answer names neither an employer
    nor LAS, and lines that do not fit the case are not shown."""
    cut = next_step("fortida_avslut", praktik=True, avbrot_praktiken=False)
    text = " ".join(cut.gor)
    assert cut.steg == "rättelse" and "tre fjärdedelar" in text
    assert "LAS" not in text and "Arbetsgivaren" not in text and "sakliga skäl" not in text
    assert "annat arbete" not in text  # the intern did not leave: no line about a new job
    done = next_step("fortida_avslut", praktik=True, avbrot_praktiken=True, tre_fjardedelar=True)
    assert done.steg == "ingen sanktion" and "LAS" not in " ".join(done.gor)
    assert "inte anställd" in " ".join(done.gor)
    assert "anvisat praktiken" in annex.EARLY_END_PRAKTIK  # the rule the ladder follows
    fired = " ".join(next_step("fortida_avslut", praktik=False, slutade_sjalv=False).gor)
    assert "1 § LAS" in fired and "annat arbete" not in fired
    left = " ".join(next_step("fortida_avslut", slutade_sjalv=True).gor)
    assert "annat arbete" in left and "1 § LAS" not in left


def test_early_end_asks_three_quarters_only_when_the_rule_applies():
    assert needed("fortida_avslut", {}) == ["praktik"]
    assert needed("fortida_avslut", {"praktik": False}) == ["praktik", "slutade_sjalv"]
    assert needed("fortida_avslut", {"praktik": False, "slutade_sjalv": False}) == ["praktik", "slutade_sjalv"]
    assert needed("fortida_avslut", {"praktik": False, "slutade_sjalv": True}) == ["praktik", "slutade_sjalv",
                                                                                  "tre_fjardedelar"]
    assert needed("fortida_avslut", {"praktik": True, "avbrot_praktiken": True}) == ["praktik", "avbrot_praktiken",
                                                                                    "tre_fjardedelar"]
    form = sanktionstrappan_widget()
    form.controls["brist"].value = "fortida_avslut"
    assert shown_questions(form) == ["praktik"]
    form.controls["praktik"].value = "nej"
    form.controls["slutade_sjalv"].value = "ja"
    assert shown_questions(form) == ["praktik", "slutade_sjalv", "tre_fjardedelar"]  # in the order they are asked
    out = form.submit(slutade_sjalv="nej")
    assert form.last_error is None and "1 § LAS" in out


def test_before_a_proposal_the_person_hears_what_a_no_can_mean_for_their_money():
    """verify_m06_aud N1: advice, no rule of the course's own; the one rule stated is Arbetsförmedlingen's."""
    text = " ".join(next_step("erbjudande_nej").gor)
    assert "Fråga Arbetsförmedlingen, a-kassan eller socialtjänsten vad som gäller för personen" in text
    assert "innan du föreslår" in text and "arbetsformedlingen.se" in text
    course = _text(COURSE)
    assert "Innan du föreslår en kandidat" in course and "villkor-for-din-ersattning-i-program" in course
    assert "Fråga Arbetsförmedlingen, a-kassan eller socialtjänsten vad som gäller för personen" in course


def test_termination_for_a_missed_milestone_checks_the_exemption_first():
    text = " ".join(next_step("delmal_missat", anmanad=True, tiden_ute=True, vasentligt=True,
                              avtalet_har_havning=True).gor)
    assert "befrielse" in text and "loggen" in text


def test_names_in_a_report_are_handled_as_a_public_record_that_is_not_deleted():
    text = " ".join(next_step("rapport_namn").gor)
    assert "bara antal" in text and "allmän handling" in text and "offentlighets- och sekretesslagen" in text
    assert "Radera den inte på egen hand" in text and "arkivlagen (1990:782)" in text


def _answer_paths():
    """Every combination of answers to the questions that are needed, following ``needed`` as the widget does."""
    for brist in BREACHES:
        for bits in itertools.product([False, True], repeat=len(QUESTION_NAMES)):
            answers = dict(zip(QUESTION_NAMES, bits))
            names = needed(brist, answers)
            if all(n in names or not answers[n] for n in QUESTION_NAMES):  # unneeded questions stay "no"
                yield brist, {n: answers[n] for n in names}


@pytest.mark.parametrize("brist,answers", list(_answer_paths()))
def test_every_path_gives_a_known_step_with_all_parts(brist, answers):
    step = next_step(brist, **answers)
    assert step.steg in STEPS and step.gor and step.dokumentera and step.avtalet_ska
    text = step_markdown(step)
    assert text.startswith("### ") and "**Dokumentera**" in text and "**Det här måste avtalet säga**" in text
    assert not re.search(r"\d\s*(kr\b|kronor)", text)  # the course states no amounts
    if step.steg == "vite":
        assert answers.get("avtalet_har_vite")  # never vite without a vite clause
    if step.steg == "hävning":
        assert answers.get("avtalet_har_havning") and answers.get("vasentligt") and brist == "delmal_missat"


def test_bad_input_gives_swedish_messages():
    with pytest.raises(InputError, match="Välj vad som har hänt"):
        next_step("okänt")
    with pytest.raises(InputError, match="skriftlig anmaning"):
        next_step("rapport_sen", tiden_ute=True)
    with pytest.raises(InputError, match="i första hand få rätta"):
        next_step("delmal_missat", anmanad=True, vasentligt=True)
    with pytest.raises(TypeError):
        next_step("rapport_sen", upprepad=True)  # the old question is gone


# -- the widgets ---------------------------------------------------------------------------------------------------
def test_ladder_widget_good_input():
    form = sanktionstrappan_widget()
    out = form.submit(brist="delmal_missat", sista_delmalet="nej", anmanad="ja", tiden_ute="ja", vasentligt="nej",
                      avtalet_har_vite="ja", avtalet_har_undantag="ja", ramavtal="nej")
    assert form.last_error is None and "Andra steget: vite" in out
    out = form.submit(brist="erbjudande_nej")  # no question matters: the earlier answers are ignored
    assert "Ingen sanktion" in out and 'role="status"' in form.result_html


def test_ladder_widget_asks_only_the_questions_that_matter():
    form = sanktionstrappan_widget()
    assert shown_questions(form) == []
    form.controls["brist"].value = "rapport_sen"
    assert shown_questions(form) == ["anmanad"]
    form.controls["anmanad"].value = "ja"
    assert shown_questions(form) == ["anmanad", "tiden_ute"]
    form.controls["tiden_ute"].value = "ja"
    assert shown_questions(form) == ["anmanad", "tiden_ute", "vasentligt", "avtalet_har_vite"]
    form.controls["brist"].value = "ingen_kandidat"
    assert shown_questions(form) == ["avtalet_har_vite"]
    out = form.submit(avtalet_har_vite="nej")
    assert form.last_error is None and "Avtalet har inget vite" in out
    for control in form.controls.values():  # every control has its own layout: hiding one hides no other widget
        assert control.layout is not LAYOUT


def test_ladder_widget_bad_input_lists_every_missing_answer_and_keeps_the_answers():
    form = sanktionstrappan_widget()
    out = form.submit(brist="")
    assert form.last_result is None and "Välj vad som har hänt" in out
    out = form.submit(brist="delmal_missat")
    assert out.count("Svara Ja eller Nej") == 2 and 'role="alert"' in form.result_html
    assert form.controls["brist"].value == "delmal_missat"  # nothing the participant chose is lost
    out = form.submit(sista_delmalet="nej", anmanad="nej", tiden_ute="ja")
    assert "Första steget: rättelse" in out  # a hidden question's answer does not count


def test_ladder_widget_shows_every_question_in_full():
    form = sanktionstrappan_widget()
    for q in QUESTIONS:
        assert q.text in form.widget.children[0].value
        assert form.controls[q.name].tooltip == q.text


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


def test_module_says_vite_is_a_contract_term_and_prints_the_annex_clauses_it_explains():
    text = _text(COURSE)
    assert "avtalsvillkor" in text and "inte en lag" in text
    assert "sanktionstrappan_widget" in text and "rapportmall_widget" in text
    for name in ("CURE", "EXAMPLE_VITE", "EXEMPTION", "DECLINED", "EARLY_END", "TERMINATION"):
        assert f"bilaga.{name}" in text or f"import {name}" in text, name  # printed from the annex itself
    assert "[belopp]" in annex.EXAMPLE_VITE and "Befrielse från vite" in annex.EXEMPTION
    assert "väsentligt" in annex.TERMINATION
    assert "02_sysselsattningskrav.ipynb" in text  # Kravbyggaren for the whole annex
    assert "del A" not in text and "del B" not in text  # the annex's part A has its own title now
    assert "[30]" not in text and "[x]" not in text  # the annex leaves the numbers open as [antal]


def test_module_teaches_what_the_exercise_asks():
    text = _text(COURSE)
    assert "tre fjärdedelar" in text and "0,75 × 12" in text  # the rule that question 7 applies to a new case
    assert "sakligt motiverade" in text and "Svara i tid och skriftligt" in text  # question 10
    assert "logg" in text and "Kvittera" in text  # question 8: each notice of need is logged with its date
    assert "minst sex veckor före delmålet" in text  # question 1 uses the same Mölndal contract
    assert "En enstaka sen rapport är inte ett väsentligt avtalsbrott" in text


def test_question_7_applies_the_rule_and_does_not_repeat_the_worked_example():
    """verify_m06_aud N7: the lecture's example is 12 months -> 9; question 7 must not be that example."""
    nb = nbformat.read(SOLUTION, as_version=4)
    i = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## Fråga 7"))
    question, solution = nb.cells[i].source, nb.cells[i + 1].source
    assert "12 månader" not in question and "0,75 × 12" not in question
    value = int(re.search(r"= (\d+)", solution).group(1))
    assert value != 9
    months = [int(m) for m in re.findall(r"efter (\d+) månader", question)]
    agreed = int(re.search(r"\*\*(\d+) månader\*\*", question).group(1))
    assert len(months) >= 3 and any(m == agreed * 3 / 4 for m in months)  # the boundary "minst" is tested


def test_plain_wording_after_the_verification_read():
    text = _text(COURSE)
    assert "ska ligga på en nämnd" not in text and "Rätten att häva ska stå i avtalet" not in text
    assert "i den mån inte annat följer av 1 § LAS" not in text
    start = next(line for line in text.split("\n") if line.startswith("| Vid avtalsstart"))
    assert "Arbetsförmedlingen" in start  # invited when the places are praktik or employment with support
    assert "resan dit" in text
    q10 = next(c.source for c in nbformat.read(SOLUTION, as_version=4).cells if 'check_answer("06-10"' in c.source)
    assert "ta sig dit" in q10


def test_every_table_header_cell_has_text():
    for cell in nbformat.read(COURSE, as_version=4).cells:
        lines = cell.source.split("\n") if cell.cell_type == "markdown" else []
        for above, line in zip(lines, lines[1:]):
            if re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", line.strip()):
                assert all(h.strip() for h in above.strip().strip("|").split("|")), above


def test_module_marks_fictitious_cases_and_estimates():
    text = _text(COURSE)
    assert text.casefold().count("påhittat exempel") >= 3 and "kursens uppskattning" in text


def test_module_names_the_law_behind_praktik_personal_data_and_frameworks():
    text = _text(COURSE)
    for needle in ("lagen (2000:625) om den arbetsmarknadspolitiska verksamheten", "artikel 5.1 c",
                   "artikel 6.1 e", "26 kap. 1 § offentlighets- och sekretesslagen", "8 kap. 1–2 §§",
                   "7 kap. LOU", "17 kap. 1 § LOU", "Lagen (1982:80) om anställningsskydd", "1 § LAS",
                   "särskilt anställningsstöd, i skyddat arbete eller med lönebidrag för utveckling i anställning",
                   "artikel 9.2", "JO dnr 1029-2017", "självständiga"):
        assert needle in text, needle
    assert "kan enheterna alltså inte" not in text  # 8 kap. OSL needs a primary secrecy rule first
    assert "Först måste en sekretessbestämmelse gälla" in text


def test_exercise_has_six_autograded_and_two_manual_questions():
    nb = nbformat.read(SOLUTION, as_version=4)
    meta = [c.metadata.get("nbgrader", {}) for c in nb.cells]
    auto = [m for m, c in zip(meta, nb.cells) if m.get("grade") and not m.get("solution") and c.cell_type == "code"]
    manual = [m for m, c in zip(meta, nb.cells) if m.get("grade") and m.get("solution") and c.cell_type == "markdown"]
    assert len(auto) >= 6 and len(manual) >= 2
    assert all('check_answer("06-' in c.source for m, c in zip(meta, nb.cells) if m in auto)
    points = sum(m["points"] for m in auto), sum(m["points"] for m in manual)
    intro = nb.cells[0].source
    assert f"**{points[0]} poäng** som rättas automatiskt" in intro and f"**{points[1]} poäng** som kursledaren" in intro


def _letter_questions() -> dict[int, tuple[str, dict[str, str]]]:
    """{question: (right letter, {letter: option text})}, read from the solution notebook."""
    nb = nbformat.read(SOLUTION, as_version=4)
    out = {}
    for i, cell in enumerate(nb.cells):
        head = re.match(r"## Fråga (\d+)", cell.source)
        options = dict(re.findall(r"^- \*\*([A-D])\*\* (.+)$", cell.source, flags=re.M))
        if head and options:
            right = re.search(r'svar_\d+ = "([A-D])"', nb.cells[i + 1].source).group(1)
            out[int(head.group(1))] = (right, options)
    return out


def test_the_right_option_is_not_given_away_by_its_length():
    questions = _letter_questions()
    assert len(questions) >= 6
    longest = 0
    for n, (right, options) in questions.items():
        others = max(len(v) for k, v in options.items() if k != right)
        assert len(options[right]) <= 1.25 * others, f"fråga {n}: the right option is much longer than the others"
        longest += len(options[right]) > others
    assert longest <= len(questions) / 2, f"the right option is the longest in {longest} of {len(questions)}"


def test_the_length_test_can_fail():
    """The same check on the exercise as it was before the review (right answer always the longest) fails."""
    old = {"A": "Kommunen tar ut vite, eftersom platsen inte är tillsatt.",
           "C": "Inget vite. Undantaget i klausulen gäller. Kommunen, leverantören och den matchningsansvariga "
                "bestämmer en ny tidpunkt och breddar sökandet."}
    assert len(old["C"]) > 1.25 * len(old["A"])


def test_rubrics_ask_only_what_the_questions_ask():
    nb = nbformat.read(SOLUTION, as_version=4)
    q8 = next(c.source for c in nb.cells if c.source.startswith("## Fråga 8"))
    question, _, rubric = q8.partition("**Så bedöms svaret**")
    for asked in ("inte har någon kandidat", "anmälan om behov", "uppgifter om enskilda"):
        assert asked in question, asked
    assert "kandidat saknas" in rubric and "dokumenteras" in rubric


def test_times_in_the_text_match_the_metadata_and_the_word_count():
    nb = nbformat.read(COURSE, as_version=4)
    meta = nb.metadata["kurs"]
    tid = next(c.source for c in nb.cells if "## Tid" in c.source)
    assert f"Läsning och widgetar: cirka {meta['tid_lasning_min']} minuter" in tid
    assert f"`06_fran_krav_till_jobb`: cirka {meta['tid_ovning_min']} minuter" in tid
    assert meta["tid_lasning_min"] >= reading_minutes(nb), "the reading time no longer covers the text"
    assert 35 <= meta["tid_lasning_min"] <= 50
