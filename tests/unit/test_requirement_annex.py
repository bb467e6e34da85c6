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
    assert "sammanlagt minst 12 månader på heltid" in a
    assert "fullgjorda heltidsmånader, platser som har slutat i förtid och personer som var kvar i anställning" in a
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
    assert "6 och 12 månader" not in _text(part_a) and "(a) personen har föreslagits av kommunens matchningsansvariga" in _text(part_a)
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


# --- second legal review of the annex (review 2, 24 findings) ----------------------------------------------------
from upphandlingskurs.documents import requirement_annex as ra  # noqa: E402


def _ab(req, **kw):
    _, sections = build_annex(req, **kw)
    at = [s.heading for s in sections].index(PART_B)
    return _text(sections[:at]), _text(sections[at:])


def _section(req, heading, **kw):
    return next(s for s in build_annex(req, **kw)[1] if s.heading == heading)


def test_r2_item1_milestones_per_year_end_at_100_and_no_month_is_charged_twice():
    a, _ = _ab(employment.build_requirement(**MOLNDAL))  # 48 months: years 1-3, then the end
    for y in (1, 2, 3):
        assert f"vid utgången av avtalsår {y}: [andel] procent" in a
    assert "vid utgången av avtalsår 4" not in a and "när avtalet upphör: 100 procent" in a
    assert "räknas inte igen vid ett senare delmål" in a and "varje avtalsår, och när avtalet upphör" not in a
    assert ra.milestone_bullets(1) == ["när avtalet upphör: 100 procent (hela åtagandet)"]
    assert "[nummer]" in ra.milestone_bullets(None)[0]


def test_r2_item2_cure_is_a_plan_the_buyer_accepts():
    a, _ = _ab(employment.build_requirement(**MOLNDAL))
    assert ra.CURE in a and "godtagit den skriftligt" in a and "inte följer den godtagna planen" in a
    assert "har bristen inte rättats inom [30] dagar" not in a


def test_r2_item3_reporting_vite_is_capped_and_the_dialogue_variant_has_one_vite_per_breach():
    assert "dock högst [belopp] kronor per avtalsår" in ra.REPORT_VITE
    dialog = employment.build_requirement(**{**MOLNDAL, "variant": "dialog"})
    a, b = _ab(dialog)
    assert "redovisning som villkoret kräver" not in a and "bara vite enligt punkten om rapportering" in a
    assert ra.ONE_VITE in a and "påverkar inte beställarens rätt att häva" in a and "Välj i A5" in b


def test_r2_item4_termination_only_for_a_material_breach_with_an_example_threshold():
    for variant in ("anställning", "dialog"):
        a, b = _ab(employment.build_requirement(**{**MOLNDAL, "variant": variant}))
        assert "avtalsbrott är väsentligt" in a and "upprepat" not in a and "enstaka sen rapport" in a
        assert "25 § köplagen" in b
    assert "två delmål i följd" in ra.TERMINATION


def test_r2_item5_exemption_via_any_channel_at_a_time_judged_on_stated_requirements_and_its_consequence():
    a, b = _ab(employment.build_requirement(**MOLNDAL))
    assert "Arbetsförmedlingen, via Eures eller till någon annan" in a and "veckor före delmålet" in a
    assert "uppfyller de krav som leverantören har angett i anmälan" in a and "lämplig kandidat" not in a
    assert "avgör beställaren" in a and "antalet heltidsmånader minskas" in a
    assert "inte den enda vägen" in b


def test_r2_item6_a_declined_offer_is_ruled_in_part_a():
    for variant in ("anställning", "praktik", "anställning eller praktik"):
        assert ra.DECLINED in _section(employment.build_requirement(**{**MOLNDAL, "variant": variant}),
                                       HEADINGS[1]).bullets
    _, b = _ab(employment.build_requirement(**MOLNDAL))
    assert "villkoret säger det inte heller" not in b


def test_r2_item7_las_wording_after_2022_its_exceptions_and_none_for_interns():
    a, b = _ab(employment.build_requirement(**MOLNDAL))
    assert "sakliga skäl för uppsägning (7 § LAS)" in a and "saklig grund" not in a
    assert "1 § LAS" in a and "lönebidrag för utveckling i anställning" in a and "lag-198280" in b
    praktik, _ = _ab(employment.build_requirement(**{**MOLNDAL, "variant": "praktik"}))
    assert ra.EARLY_END_PRAKTIK in praktik and "anställningsskydd" not in praktik and "uppsägning" not in praktik
    both, _ = _ab(employment.build_requirement(**{**MOLNDAL, "variant": "anställning eller praktik"}))
    assert ra.EARLY_END in both and ra.EARLY_END_PRAKTIK in both


@pytest.mark.parametrize("group", ["personer med funktionsnedsättning", "personer med lönebidrag",
                                   "personer med aktivitetsersättning", "personer som har sjukersättning",
                                   "personer som är anställda i Samhall"])
def test_r2_items8_9_every_proof_of_a_health_related_group_is_sensitive_and_no_medical_certificate(group):
    a, b = _ab(employment.build_requirement(**{**MOLNDAL, "target_group": group}))
    assert "känsliga personuppgifter" in b and "En anvisning löser alltså inte problemet" in b
    assert "artikel 9.2 b" in b and "C-184/20" in b and "Välj ett underlag som inte innehåller" not in b
    assert "till exempel ett intyg" not in a and "läkarintyg" in a


@pytest.mark.parametrize("group", ["personer som har avtjänat fängelsestraff", "frigivna från anstalt",
                                   "personer som har dömts för brott"])
def test_r2_item9_a_crime_related_group_warns_under_article_10_and_allows_only_a_referral(group):
    a, b = _ab(employment.build_requirement(**{**MOLNDAL, "target_group": group}))
    assert "artikel 10 i dataskyddsförordningen" in b and "imy.se" in b
    assert "(b) personen visar själv" not in a and "inga andra" in b


def test_r2_item9_ordinary_groups_get_no_health_or_crime_warning():
    _, b = _ab(employment.build_requirement(**MOLNDAL))
    assert "artikel 9.1" not in b and "artikel 10" not in b


@pytest.mark.parametrize("group", ["unga i Angered", "personer från Bergsjön", "personer från utsatta områden",
                                   "arbetslösa i stadsdelen", "unga i Lilla Edet"])
def test_r2_item10_an_area_in_the_target_group_blocks_the_annex(group):
    req = employment.build_requirement(**{**MOLNDAL, "target_group": group})
    assert req.has_flag("diskriminering", "ej tillåtet")
    with pytest.raises(InputError, match="bo i kommunen är inte tillåtet"):
        build_annex(req)


@pytest.mark.parametrize("group", ["personer med försörjningsstöd", "inskrivna hos Arbetsförmedlingen"])
def test_r2_item10_a_swedish_support_system_warns_with_the_ees_advice_but_does_not_block(group):
    req = employment.build_requirement(**{**MOLNDAL, "target_group": group})
    flag = next(f for f in req.flags if f.kind == "diskriminering")
    assert flag.severity == "varning" and "EES-land" in flag.message and "artikel 45" in flag.lagrum
    _, b = _ab(req)
    assert "Spärren fångar bara vissa ord" in b and flag.message in b


@pytest.mark.parametrize("group", ["personer som har varit arbetslösa i minst 12 månader", "unga i IT-branschen",
                                   "personer med erfarenhet i IT", "unga 18–24 år utan arbete", "nyanlända",
                                   "personer som har gått i SFI"])
def test_r2_item10_legitimate_target_groups_are_not_blocked(group):
    req = employment.build_requirement(**{**MOLNDAL, "target_group": group})
    assert not req.has_flag("diskriminering")
    build_annex(req)


@pytest.mark.parametrize("kw", [{"target_group": ""}, {"target_group": "   "}, {"target_group_defined": False}])
def test_r2_item11_no_target_group_stops_the_annex_with_a_swedish_message(kw, tmp_path):
    req = employment.build_requirement(**{**MOLNDAL, **kw})
    with pytest.raises(InputError, match="Målgruppen saknas"):
        save_annex(req, "md", tmp_path)
    assert not list(tmp_path.iterdir())


def test_r2_item12_fill_in_warning_says_keep_caps_and_fields_look_empty():
    assert "Ta inte bort" in FILL_IN_WARNING and "tak" in FILL_IN_WARNING
    a, _ = _ab(employment.build_requirement(**MOLNDAL))
    assert "[30]" not in a and "[antal] dagar" in a and FILL_IN_WARNING not in a


def test_r2_item13_no_suggested_place_needs_an_active_confirmation_and_dialogue_needs_none():
    small = employment.build_requirement(**{**MOLNDAL, "contract_value_kr": 3_000_000})
    assert small.suggested_positions == 0
    with pytest.raises(InputError, match="tumregel föreslår inget krav"):
        build_annex(small)
    _, b = _ab(small, bekraftat_krav=True)
    assert "Dokumentera varför kravet är proportionerligt" in b
    build_annex(employment.build_requirement(**{**MOLNDAL, "contract_value_kr": 3_000_000, "variant": "dialog"}))


def test_r2_item14_framework_agreement_variant():
    req = employment.build_requirement(**MOLNDAL)
    plain, _ = _ab(req)
    frame, b = _ab(req, ramavtal=True)
    assert ra.FRAMEWORK not in plain and ra.FRAMEWORK_EXCLUSION not in plain
    assert ra.FRAMEWORK in frame and ra.FRAMEWORK_EXCLUSION in frame and "per [belopp] kronor" in frame
    assert "varje leverantör i ramavtalet för sig" in frame and "ramavtal." in b


def test_r2_items15_16_dialogue_reports_meetings_and_measures_and_shows_no_proof_about_individuals():
    dialog = employment.build_requirement(**{**MOLNDAL, "variant": "dialog"})
    a, _ = _ab(dialog)
    assert "antal dialogmöten" in a and "bara antal" not in a and "visa underlag enligt A3" not in a
    proof = _section(dialog, HEADINGS[3])
    assert "behöver därför inte visa underlag" in proof.paragraphs[0] and not proof.bullets
    headers = [c.header for c in COLUMNS]
    assert "Dialog: antal dialogmöten under perioden" in headers
    assert any(h.startswith("Dialog: åtgärder") and "inga uppgifter om enskilda" in h for h in headers)


def test_r2_items17_18_template_target_in_full_time_months_exemption_columns_and_no_after_the_place_columns():
    headers = [c.header for c in COLUMNS]
    assert "Mål: heltidsmånader enligt avtalet (heltal)" in headers
    assert "Behov som har anmälts under perioden (antal)" in headers
    assert any(h.startswith("Varav utan förslag på kandidat") for h in headers)
    assert not any("efter platsen" in h or "6 månader" in h or "12 månader" in h for h in headers)
    assert any("Följ inte upp personer" in line for line in instruction_lines())


def test_r2_item19_the_organisation_column_suggests_gr_but_accepts_another_name(tmp_path):
    ws = openpyxl.load_workbook(write_template(tmp_path / "mall.xlsx"))[DATA_SHEET]
    org = next(dv for dv in ws.data_validations.dataValidation if dv.type == "list" and "Göteborg" in dv.formula1)
    assert org.errorStyle == "information" and "annan upphandlande organisation" in COLUMNS[0].header


def test_r2_item20_proof_is_kept_only_as_long_as_needed():
    proof = _section(employment.build_requirement(**MOLNDAL), HEADINGS[3])
    assert ra.RETENTION in proof.bullets and "förstöras eller raderas" in ra.RETENTION
    assert "artikel 5.1 e" in _ab(employment.build_requirement(**MOLNDAL))[1]


def test_r2_items21_22_consent_lifts_secrecy_not_a_legal_basis_and_secrecy_at_the_receiving_board():
    a, b = _ab(employment.build_requirement(**MOLNDAL))
    assert "samtycket gör att kommunen kan lämna ut uppgifter som annars omfattas av sekretess" in a
    assert "skäl 43" in b and "artikel 6.1 e" in b
    assert "21 kap. 1 § offentlighets- och sekretesslagen" in b and "servicenämnd" in b


def test_r2_item23_no_vite_is_documented_as_good_order_not_law():
    _, b = _ab(employment.build_requirement(**MOLNDAL))
    assert "inget lagkrav men god ordning" in b


def test_r2_item24_part_a_has_its_own_title_and_part_b_may_be_requested(tmp_path):
    req = employment.build_requirement(**MOLNDAL)
    title, _ = build_annex(req, "Städ")
    assert title == ra.PART_A_TITLE + " – Städ" and "Bilaga till upphandlingsdokumenten" not in title
    a, b = _ab(req)
    assert "del A" not in a and "Del A" not in a and "del B" not in a
    assert "2 kap. 4 och 10 §§ tryckfrihetsförordningen" in b
    files = save_annex(req, "md", tmp_path)
    assert files.villkor.read_text(encoding="utf-8").startswith("# " + ra.PART_A_TITLE)


def test_r2_widget_framework_and_confirmation_boxes_good_and_bad_input(tmp_path):
    form = kravbyggaren_widget(tmp_path)
    form.submit(value="24 000 000", months="48", variant="anställning")
    text = form.annex.submit(format="md", template=False, ramavtal=True)
    assert "Klart!" in text and "varje leverantör i ramavtalet för sig" in form.annex.saved.read_text(encoding="utf-8")
    form.submit(value="3 000 000", months="48")  # the rule of thumb suggests no place
    before = set(tmp_path.iterdir())
    out = form.annex.submit(ramavtal=False, bekraftat=False)
    assert "tumregel föreslår inget krav" in out and form.annex.last_result is None and set(tmp_path.iterdir()) == before
    assert "Traceback" not in form.annex.result_html
    assert "Klart!" in form.annex.submit(bekraftat=True)
    form.submit(value="24 000 000", target_group="")
    assert "Målgruppen saknas" in form.annex.submit(bekraftat=False)


def test_what_part_a_asks_the_supplier_to_report_has_a_column_in_the_template():
    """Labour-market review of module 06, item 19: employment vs praktik and early ends are counted, in both."""
    from upphandlingskurs.documents.requirement_annex import split_annex

    headers = " ".join(c.header for c in COLUMNS)
    assert "Varav anställningar" in headers and "slutat i förtid" in headers
    _title, sections = build_annex(build_requirement(**{**GOOD, "variant": "anställning eller praktik"}))
    part_a, _part_b = split_annex(sections)
    text = " ".join(t for sec in part_a for t in sec.paragraphs + sec.bullets)
    assert "varav anställningar" in text and "slutat i förtid" in text


# --- verification read of the annex (verify_law.md, del 2, new findings 1-4 and F3) -----------------------------
CRIME_GROUPS = ["personer som har avtjänat fängelsestraff", "frigivna från anstalt", "personer som har dömts för brott"]


def test_v3_item1_dialog_with_framework_describes_only_its_own_clauses_and_exclusion_follows_missed_meetings():
    dialog = employment.build_requirement(**{**MOLNDAL, "variant": "dialog"})
    a, b = _ab(dialog, ramavtal=True)
    decide = " ".join(_section(dialog, HEADINGS[9], ramavtal=True).bullets)
    # the exclusion is tied to what the dialogue variant has: a vite for a missed meeting, then one more missed
    assert "Avstängning från avrop: har vite utgått enligt punkten om dialogmöten" in a
    assert "nästa dialogmöte som beställaren skriftligen kallar till" in a and "deltagit i ett dialogmöte" in a
    assert "plan för rättelse" not in a and "heltidsmånad" not in a  # no cure plan, no full-time months here
    assert "avstängning från avrop (A5)" in decide and "Dialogvillkoret knyts inte till fakturerad volym" in decide
    assert "(A1)" not in decide and "heltidsmånader" not in decide
    # without the box, B3 does not promise that the dialogue follows the called-off volume
    plain = " ".join(_section(dialog, HEADINGS[9]).bullets)
    assert "ramavtal ikryssad" in plain and "volym" not in plain
    # the variants that offer places keep the exclusion after a cure plan
    offer, _ = _ab(employment.build_requirement(**MOLNDAL), ramavtal=True)
    assert ra.FRAMEWORK_EXCLUSION in offer and "dialogmöte" not in offer


@pytest.mark.parametrize("variant", ["anställning", "praktik", "anställning eller praktik"])
def test_v3_item2_framework_first_offer_runs_from_invoiced_volume_and_the_example_is_only_without_it(variant):
    req = employment.build_requirement(**{**MOLNDAL, "variant": variant})
    plain = _section(req, HEADINGS[1])
    assert "(till exempel 1 person i 12 månader)" in plain.paragraphs[0]  # without a framework agreement
    frame = _section(req, HEADINGS[1], ramavtal=True)
    assert "till exempel" not in frame.paragraphs[0] and "sammanlagt minst 12 månader på heltid." in frame.paragraphs[0]
    rule = next(t for t in frame.bullets if t.startswith("Ramavtal:"))
    assert ("Fristen för det första erbjudandet i stycket ovan räknas inte från avtalsstart utan från den dag då "
            "leverantören har fakturerat minst [belopp] kronor under ramavtalet.") in rule
    assert "fristen för det första erbjudandet" in " ".join(_section(req, HEADINGS[9], ramavtal=True).bullets)
    big = employment.build_requirement(**{**GOOD, "variant": variant})  # 3 persons: the example with a plural
    assert "3 personer i 12 månader" in _section(big, HEADINGS[1]).paragraphs[0]
    assert "personer i 12 månader" not in _section(big, HEADINGS[1], ramavtal=True).paragraphs[0]


def test_v3_item3_combined_variant_says_both_kinds_of_place_count_and_which_point_is_which():
    req = employment.build_requirement(**{**MOLNDAL, "variant": "anställning eller praktik"})
    bullets = _section(req, HEADINGS[1]).bullets
    lead = next(i for i, t in enumerate(bullets) if t.startswith("Åtagandet avser fullgjord anställnings- eller "
                                                                 "praktiktid"))
    assert "Både anställningstid och praktiktid räknas in i heltidsmånaderna" in bullets[lead]
    assert bullets[lead + 1] == "För en anställning: " + ra.EARLY_END
    assert bullets[lead + 2] == "För en praktikplats: " + ra.EARLY_END_PRAKTIK
    assert not any(t.startswith(("Åtagandet avser fullgjord anställningstid", "Åtagandet avser fullgjord praktiktid"))
                   for t in bullets)
    # the single variants keep their one point as it is
    for variant, point in (("anställning", ra.EARLY_END), ("praktik", ra.EARLY_END_PRAKTIK)):
        single = _section(employment.build_requirement(**{**MOLNDAL, "variant": variant}), HEADINGS[1]).bullets
        assert point in single and not any(t.startswith("För en ") for t in single)


def test_v3_item4_dialog_guidance_has_no_points_about_proof_or_retention_and_no_one_employed_under_the_terms():
    dialog = employment.build_requirement(**{**MOLNDAL, "variant": "dialog"})
    for kw in ({}, {"ramavtal": True}):
        decide = " ".join(_section(dialog, HEADINGS[9], **kw).bullets)
        assert "(A3)" not in decide and "Gallring" not in decide and "intyg" not in decide
        assert "personer som anställs efter dialogen" in decide and "enligt detta villkor" not in decide
        assert "17 kap. 2–5 §§ LOU" in decide and "19 a kap. LOU" in decide
    offer = " ".join(_section(employment.build_requirement(**MOLNDAL), HEADINGS[9]).bullets)
    assert "Underlag om målgruppen (A3)" in offer and "Gallring (A3)" in offer and "enligt detta villkor" in offer


@pytest.mark.parametrize("group", CRIME_GROUPS)
def test_v3_f3_crime_group_counts_only_proposed_persons_and_the_exemption_needs_a_notice_to_the_officer(group):
    req = employment.build_requirement(**{**MOLNDAL, "target_group": group})
    only = "Bara personer som kommunens matchningsansvariga har föreslagit räknas in i åtagandet"
    commitment, proof = _section(req, HEADINGS[1]), _section(req, HEADINGS[3])
    assert any(t.startswith(only) and "i stället för" in t for t in commitment.bullets)
    assert any(t.startswith(only) for t in proof.paragraphs)
    matching = " ".join(_section(req, HEADINGS[4]).paragraphs)
    assert "rekrytera på egen hand" not in matching and "har föreslagit räknas in i åtagandet" in matching
    sanctions = _section(req, HEADINGS[5]).bullets
    exemption = next(t for t in sanctions if t.startswith("Befrielse från vite"))
    assert ra.EXEMPTION not in sanctions
    assert "skriftligen har anmält till kommunens matchningsansvariga, om leverantören" in exemption
    assert "Arbetsförmedlingen" not in exemption and "Eures" not in exemption
    decide = " ".join(_section(req, HEADINGS[9]).bullets)
    assert "inte den enda vägen" not in decide and "bara en anmälan till den matchningsansvariga" in decide
    assert "vilka intyg" not in decide
    # an ordinary group keeps every channel, and the printed constant is unchanged
    ordinary = employment.build_requirement(**MOLNDAL)
    assert ra.EXEMPTION in _section(ordinary, HEADINGS[5]).bullets
    assert "till Arbetsförmedlingen, via Eures eller till någon annan som förmedlar arbetssökande" in ra.EXEMPTION
    assert not any(only in t for t in _section(ordinary, HEADINGS[1]).bullets)
    assert "rekrytera på egen hand" in " ".join(_section(ordinary, HEADINGS[4]).paragraphs)
