"""Module 01: the process placement and the threshold check, case by case, and both widgets headless."""
import pytest

from upphandlingskurs import fakta
from upphandlingskurs.parsing import InputError
from upphandlingskurs.decisions.process import (MEASURE_BY_ID, MEASURES, STAGE_BY_ID, STAGES, evaluate_placements,
                                      placement_feedback, score, stages_table)
from upphandlingskurs.decisions.thresholds import (Authority, Kind, Outcome, check_threshold, direct_award_limit,
                                         threshold_fact, threshold_text)
from upphandlingskurs.widgets.upphandling import process_widget, threshold_widget
from upphandlingskurs.content.curriculum import reading_minutes

LIMIT = fakta("direktupphandlingsgrans_lou").value
OFFICIAL_URL = fakta("troskelvarden_officiell_sida").url


# --- the process -----------------------------------------------------------------------------------------
def test_every_measure_belongs_to_a_known_stage_and_names_a_lagrum():
    assert len(MEASURES) >= 6
    for m in MEASURES:
        assert m.stage in STAGE_BY_ID, m.id
        assert "LOU" in m.lagrum or "Upphandlingsmyndigheten" in m.lagrum, m.id
    used = {m.stage for m in MEASURES}
    assert used == set(STAGE_BY_ID), "every stage should have at least one measure"


@pytest.mark.parametrize("measure, stage", [
    ("reserverad", "kvalificering"),
    ("praktikplatser", "kontraktsvillkor"),
    ("kollektivavtalsniva", "kontraktsvillkor"),
    ("mervarde", "tilldelning"),
    ("tillganglighet", "tekniska_krav"),
    ("behovlighet", "behov"),
    ("kvartalsrapport", "uppfoljning"),
])
def test_course_answer_for_key_measures(measure, stage):
    assert MEASURE_BY_ID[measure].stage == stage


def test_evaluate_placements_right_wrong_and_unanswered():
    result = evaluate_placements({"reserverad": "kvalificering", "praktikplatser": "tilldelning", "mervarde": ""})
    by_id = {p.measure.id: p for p in result}
    assert by_id["reserverad"].correct and by_id["reserverad"].answered
    assert not by_id["praktikplatser"].correct and by_id["praktikplatser"].answered
    assert not by_id["mervarde"].answered and not by_id["mervarde"].correct
    assert score(result) == (1, len(MEASURES))


def test_all_right_gives_full_score():
    result = evaluate_placements({m.id: m.stage for m in MEASURES})
    assert score(result) == (len(MEASURES), len(MEASURES))


@pytest.mark.parametrize("choices, message", [
    ({}, "minst en åtgärd"),
    ({"reserverad": ""}, "minst en åtgärd"),
    ({"finns_inte": "behov"}, "Okänd åtgärd"),
    ({"reserverad": "fel_steg"}, "Okänt steg"),
])
def test_evaluate_placements_bad_input(choices, message):
    with pytest.raises(InputError, match=message):
        evaluate_placements(choices)


def test_feedback_gives_reason_and_lagrum_for_a_wrong_placement():
    text = placement_feedback(reserverad="tilldelning")
    assert "❌" in text and "4 kap. 18 § LOU" in text and "2. Kvalificering och uteslutning" in text
    assert "**0 av" in text


def test_reserved_measure_reads_its_share_from_the_registry():
    assert fakta("reserverad_upphandling_andelskrav").text in MEASURE_BY_ID["reserverad"].text


def test_stages_table_lists_every_stage():
    table = stages_table()
    for s in STAGES:
        assert s.label in table and s.lagrum in table


# --- the threshold check ---------------------------------------------------------------------------------
def test_thresholds_come_from_the_registry():
    assert threshold_fact("varor_tjanster", "kommun").id == "troskelvarde_2026_kommuner_varor_tjanster"
    assert threshold_fact("varor_tjanster", "statlig").id == "troskelvarde_2026_statliga_varor_tjanster"
    assert threshold_fact("byggentreprenad", "statlig").id == "troskelvarde_2026_byggentreprenader"
    assert threshold_fact("sociala_tjanster", "kommun").unit == "EUR"
    assert direct_award_limit("varor_tjanster").value == LIMIT
    assert direct_award_limit("sociala_tjanster").id == "troskelvarde_2026_sociala_tjanster"


@pytest.mark.parametrize("value, currency, kind, authority, sek_threshold, outcome", [
    # kronor against the direct-award limit (varor/tjänster and bygg)
    (LIMIT - 1, "SEK", "varor_tjanster", "kommun", None, Outcome.DIREKTUPPHANDLING),
    (LIMIT, "SEK", "varor_tjanster", "kommun", None, Outcome.ANNONSERAS_TROSKEL_OKAND),  # must *understiga*
    (650_000, "SEK", "byggentreprenad", "statlig", None, Outcome.DIREKTUPPHANDLING),
    (900_000, "SEK", "varor_tjanster", "kommun", None, Outcome.ANNONSERAS_TROSKEL_OKAND),
    # kronor with a threshold typed by the participant
    (900_000, "SEK", "varor_tjanster", "kommun", 2_000_000, Outcome.UNDER_TROSKEL),
    (2_000_000, "SEK", "varor_tjanster", "kommun", 2_000_000, Outcome.OVER_TROSKEL),
    (3_000_000, "SEK", "varor_tjanster", "statlig", 1_500_000, Outcome.OVER_TROSKEL),
    # social services in kronor: the limit is the threshold
    (3_000_000, "SEK", "sociala_tjanster", "kommun", None, Outcome.KAN_INTE_AVGORA),
    (3_000_000, "SEK", "sociala_tjanster", "kommun", 8_000_000, Outcome.DIREKTUPPHANDLING),
    (9_000_000, "SEK", "sociala_tjanster", "kommun", 8_000_000, Outcome.OVER_TROSKEL),
    # euro against the euro thresholds
    (600_000, "EUR", "sociala_tjanster", "kommun", None, Outcome.DIREKTUPPHANDLING),
    (750_000, "EUR", "sociala_tjanster", "kommun", None, Outcome.OVER_TROSKEL),
    (100_000, "EUR", "varor_tjanster", "kommun", None, Outcome.UNDER_TROSKEL_GRANS_OKAND),
    (150_000, "EUR", "varor_tjanster", "statlig", None, Outcome.OVER_TROSKEL),
    (150_000, "EUR", "varor_tjanster", "kommun", None, Outcome.UNDER_TROSKEL_GRANS_OKAND),
    (216_000, "EUR", "varor_tjanster", "kommun", None, Outcome.OVER_TROSKEL),
    (6_000_000, "EUR", "byggentreprenad", "kommun", None, Outcome.OVER_TROSKEL),
    (5_000_000, "EUR", "byggentreprenad", "kommun", None, Outcome.UNDER_TROSKEL_GRANS_OKAND),
])
def test_check_threshold_cases(value, currency, kind, authority, sek_threshold, outcome):
    assert check_threshold(value, currency, kind, authority, sek_threshold).outcome is outcome


@pytest.mark.parametrize("value, currency, kind, earlier, sek_threshold, outcome", [
    # similar, regularly recurring contracts are added up (5 kap. 11 § LOU), for the limit and the threshold
    (450_000, "SEK", "varor_tjanster", 300_000, None, Outcome.ANNONSERAS_TROSKEL_OKAND),
    (450_000, "SEK", "varor_tjanster", 200_000, None, Outcome.DIREKTUPPHANDLING),
    (450_000, "SEK", "varor_tjanster", 300_000, 2_000_000, Outcome.UNDER_TROSKEL),
    (450_000, "SEK", "varor_tjanster", 0, None, Outcome.DIREKTUPPHANDLING),
    # bilaga 2: the limit is the threshold, and the sum decides both
    (500_000, "EUR", "sociala_tjanster", 300_000, None, Outcome.OVER_TROSKEL),
    (500_000, "EUR", "sociala_tjanster", 200_000, None, Outcome.DIREKTUPPHANDLING),
    (3_000_000, "SEK", "sociala_tjanster", 6_000_000, 8_000_000, Outcome.OVER_TROSKEL),
    (3_000_000, "SEK", "sociala_tjanster", 4_000_000, 8_000_000, Outcome.DIREKTUPPHANDLING),
    # the sum, not the purchase alone, is compared with the threshold
    (200_000, "EUR", "varor_tjanster", 50_000, None, Outcome.OVER_TROSKEL),
    # euro, not bilaga 2: the sum cannot be compared with the limit in kronor
    (100_000, "EUR", "varor_tjanster", 50_000, None, Outcome.UNDER_TROSKEL_GRANS_OKAND),
])
def test_purchases_of_the_same_kind_are_added_up(value, currency, kind, earlier, sek_threshold, outcome):
    res = check_threshold(value, currency, kind, "kommun", sek_threshold, earlier)
    assert res.outcome is outcome
    if earlier:
        assert any("räknas samman" in r for r in res.reasons)


def test_earlier_purchases_cannot_be_negative():
    with pytest.raises(InputError, match="övriga kontrakt kan inte vara negativt"):
        check_threshold(100_000, "SEK", "varor_tjanster", "kommun", None, -1)


def test_euro_cases_follow_the_registry_amounts():
    t = threshold_fact("varor_tjanster", "kommun").value
    assert check_threshold(t, "EUR", "varor_tjanster", "kommun").outcome is Outcome.OVER_TROSKEL
    assert check_threshold(t - 1, "EUR", "varor_tjanster", "kommun").outcome is Outcome.UNDER_TROSKEL_GRANS_OKAND


def test_aggregation_warning_is_always_given_with_its_source():
    for args in [(100_000, "SEK", "varor_tjanster", "kommun"), (6_000_000, "EUR", "byggentreprenad", "kommun")]:
        res = check_threshold(*args)
        text = " ".join(res.warnings)
        assert "5 kap. LOU" in text and "en och samma upphandling" in text and "upphandlingsmyndigheten.se" in text
        assert "räkenskapsåret" not in text  # the old rule (before 1 February 2022) is gone
        # 5 kap. 11 § covers recurring supply and service contracts only, not works
        assert ("5 kap. 11 §" in text) is (args[2] == "varor_tjanster")


def test_documentation_duty_is_named_for_direct_award():
    res = check_threshold(300_000, "SEK", "varor_tjanster", "kommun")
    assert any(fakta("dokumentationsplikt_direktupphandling").text in w for w in res.warnings)


def test_unknown_sek_threshold_points_to_the_official_page_and_guesses_no_number():
    text = threshold_text(900_000, "SEK", "varor_tjanster", "kommun")
    assert OFFICIAL_URL in text and "inte verifierat" in text
    assert "kr" not in text.split("tröskelvärdet,")[1].split(".")[0]  # the threshold is shown in euro only
    text = threshold_text(3_000_000, "SEK", "sociala_tjanster", "kommun")
    assert OFFICIAL_URL in text


def test_directive_rules_mention_labour_law_conditions():
    res = check_threshold(6_000_000, "EUR", "byggentreprenad", "kommun")
    assert any("17 kap. 2–5 §§" in r for r in res.reasons)


def test_sek_threshold_is_ignored_for_euro_values_with_a_note():
    res = check_threshold(100_000, "EUR", "varor_tjanster", "kommun", 2_000_000)
    assert any("används inte" in w for w in res.warnings)


@pytest.mark.parametrize("args, message", [
    ((-1, "SEK", "varor_tjanster", "kommun"), "negativt"),
    ((0, "SEK", "varor_tjanster", "kommun"), "större än noll"),
    ((None, "SEK", "varor_tjanster", "kommun"), "saknas"),
    ((1_000_000, "SEK", "varor_tjanster", "kommun", 500_000), "inte högre än"),
    ((1_000_000, "SEK", "varor_tjanster", "kommun", -3), "större än noll"),
    ((1_000_000, "USD", "varor_tjanster", "kommun"), "Välj valuta"),
    ((1_000_000, "SEK", "bilar", "kommun"), "Välj valuta"),
])
def test_check_threshold_bad_input(args, message):
    with pytest.raises(InputError, match=message):
        check_threshold(*args)


def test_enum_and_string_arguments_are_equivalent():
    a = check_threshold(600_000, "EUR", Kind.SOCIALA, Authority.KOMMUN)
    b = check_threshold(600_000, "EUR", "sociala_tjanster", "kommun")
    assert a.outcome is b.outcome and a.reasons == b.reasons


# --- widgets, headless -----------------------------------------------------------------------------------
def test_threshold_widget_good_input_in_swedish_format():
    form = threshold_widget()
    text = form.submit(value="650 000", currency="SEK", kind="varor_tjanster", authority="kommun", sek_threshold="")
    assert "Direktupphandling är tillåten" in text
    assert "650\u00a0000\u00a0kr" in text and fakta("direktupphandlingsgrans_lou").text in text
    assert 'role="status"' in form.result_html


def test_threshold_widget_with_typed_sek_threshold():
    form = threshold_widget()
    text = form.submit(value="1 000 000 kr", currency="SEK", kind="varor_tjanster", authority="kommun",
                       sek_threshold="2 000 000")
    assert "19 kap. LOU" in text and "Annonseras" in text


def test_threshold_widget_adds_up_earlier_purchases():
    form = threshold_widget()
    text = form.submit(value="450 000", currency="SEK", kind="varor_tjanster", authority="kommun",
                       earlier="300 000", sek_threshold="")
    assert "750\u00a0000\u00a0kr" in text and "ska därför annonseras" in text


def test_threshold_widget_euro_social_services():
    form = threshold_widget()
    text = form.submit(value="600000", currency="EUR", kind="sociala_tjanster", authority="kommun", sek_threshold="")
    assert "Direktupphandling är tillåten" in text and fakta("troskelvarde_2026_sociala_tjanster").text in text


@pytest.mark.parametrize("raw, message", [
    (dict(value=""), "saknas"),
    (dict(value="-100"), "kan inte vara negativt"),
    (dict(value="sjuhundratusen"), "måste vara ett tal"),
    (dict(value="0"), "större än noll"),
    (dict(value="1000000", sek_threshold="många"), "måste vara ett tal"),
    (dict(value="1000000", sek_threshold="-5"), "kan inte vara negativt"),
    (dict(value="1000000", sek_threshold="400000"), "inte högre än"),
    (dict(value="1000000", earlier="-1"), "kan inte vara negativt"),
    (dict(value="1000000", earlier="mycket"), "måste vara ett tal"),
])
def test_threshold_widget_bad_input_gives_swedish_message(raw, message):
    form = threshold_widget()
    fields = dict(value="", currency="SEK", kind="varor_tjanster", authority="kommun", earlier="", sek_threshold="")
    fields.update(raw)
    text = form.submit(**fields)
    assert message in text
    assert form.last_result is None
    assert "Kontrollera det du skrev" in form.result_html and "Traceback" not in form.result_html


def test_process_widget_good_input():
    form = process_widget()
    text = form.submit(reserverad="kvalificering", praktikplatser="kontraktsvillkor", mervarde="behov")
    assert "**2 av" in text and "✅" in text and "❌" in text and "16 kap. 1 § LOU" in text


def test_process_widget_all_right():
    form = process_widget()
    text = form.submit(**{m.id: m.stage for m in MEASURES})
    assert f"**{len(MEASURES)} av {len(MEASURES)} åtgärder**" in text


def test_process_widget_without_any_choice_gives_swedish_message():
    form = process_widget()
    text = form.submit()
    assert "minst en åtgärd" in text and form.last_result is None
    assert "Traceback" not in form.result_html


def test_every_control_has_a_visible_label():
    for form in (process_widget(), threshold_widget()):
        for control in form.controls.values():
            assert control.description.strip()


# --- legal review (review1) ------------------------------------------------------------------------------
def test_threshold_facts_cite_no_unverified_chapter():
    # The fact base marks "5 kap. LOU" as the threshold chapter ⚠️; the registry must not cite it.
    for kind in Kind:
        for authority in Authority:
            if (kind, authority) == (Kind.SOCIALA, Authority.LUF):
                with pytest.raises(InputError, match="LUF"):
                    threshold_fact(kind, authority)
                continue
            assert "5 kap." not in threshold_fact(kind, authority).lagrum


def test_tax_exclusion_is_not_stated_as_absolute():
    # 13 kap. 2 § LOU: the authority shall or may exclude, depending on the circumstances.
    m = MEASURE_BY_ID["skatter"]
    assert "ska eller" in m.why and "får" in m.why and "13 kap. 2 §" in m.lagrum


def test_value_without_vat_and_with_options_names_its_source():
    res = check_threshold(100_000, "SEK", "varor_tjanster", "kommun")
    assert any("utan moms" in w and "art. 5.1 direktiv 2014/24/EU" in w for w in res.warnings)


# --- issue 16, part 3: the topics added to module 01 and two judgement questions --------------------------
import ast  # noqa: E402
import re  # noqa: E402

import nbformat  # noqa: E402

from conftest import REPO  # noqa: E402
from upphandlingskurs.content.selfcheck import SelfCheckFailed, check_answer  # noqa: E402

COURSE_NB = REPO / "course" / "01_upphandling_social_hallbarhet.ipynb"
SOLUTION_NB = REPO / "solutions" / "01_upphandling_social_hallbarhet" / "01_upphandling_social_hallbarhet.ipynb"
EXERCISE_NB = REPO / "exercises" / "01_upphandling_social_hallbarhet" / "01_upphandling_social_hallbarhet.ipynb"


def _markdown(path=COURSE_NB) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def _section(heading: str) -> str:
    found = [s for s in _markdown() if s.startswith(heading + "\n") or s == heading]
    assert len(found) == 1, f"{heading!r} found {len(found)} times"
    return found[0]


NEW_SECTIONS = [
    ("### Dialog med marknaden före upphandlingen", ["art. 40 direktiv 2014/24/EU", "4 kap. 1 § LOU"]),
    ("### Dela upp upphandlingen i delkontrakt", ["4 kap. 13–17 §§ LOU", "4 kap. 14 § LOU", "4 kap. 18 § LOU"]),
    ("### Tillgänglighetskrav – så ställer kommunen dem",
     ["9 kap. 2 § LOU", "EN 301 549", "lagen (2018:1937) om tillgänglighet till digital offentlig service",
      "lagen (2023:254) om vissa produkters och tjänsters tillgänglighet", "(EU) 2019/882"]),
    ("### Onormalt låga anbud och arbetsrätten", ["16 kap. 7–8 §§ LOU", "art. 69.3 direktiv 2014/24/EU",
                                                  "13 kap. 3 § 1 LOU"]),
    ("### Ansvarsfulla leveranskedjor och ILO:s kärnkonventioner",
     ["17 kap. 4 § LOU", "17 kap. 1 § LOU", "Basnivån", "Avancerad nivå", "Spjutspetsnivån", "155 och 187",
      "⚠ Kursen har inte kunnat kontrollera"]),  # whether the duty covers nos. 155 and 187 is not verified
    ("## 10. EU-domstolens viktigaste domar om sociala hänsyn",
     ["mål 31/87", "C-225/98", "C-513/99", "C-346/06", "C-368/10", "C-549/13", "C-115/14", "16 kap. 1 § LOU"]),
    ("## 11. När en kommunal enhet säljer tjänster – konkurrenslagen",
     ["3 kap. 27 § konkurrenslagen", "konkurrenslagen (2008:579)", "kommunallagen (2017:725)"]),
]


@pytest.mark.parametrize("heading, lagrum", NEW_SECTIONS, ids=[h for h, _ in NEW_SECTIONS])
def test_new_section_exists_with_its_lagrum_and_a_source_link(heading, lagrum):
    text = _section(heading)
    for item in lagrum:
        assert item in text, f"{heading}: '{item}' saknas"
    assert re.search(r"\]\(https?://", text), f"{heading}: no source link"


def test_new_sections_sit_where_they_belong_and_make_slides():
    nb = nbformat.read(COURSE_NB, as_version=4)
    heads = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.split("\n")
             if line.startswith(("## ", "### "))]

    def at(prefix):
        return next(i for i, h in enumerate(heads) if h.startswith(prefix))

    for sub in ("### Dialog med marknaden", "### Dela upp upphandlingen", "### Tillgänglighetskrav",
                "### Onormalt låga anbud"):
        assert at("## 4.") < at(sub) < at("## 5."), sub
    assert at("## 6.") < at("### Ansvarsfulla leveranskedjor") < at("## 7.")
    assert at("## 9.") < at("## 10.") < at("## 11.") < at("## Nyckelpunkter")
    assert at("## Nyckelpunkter") < at("## Läs vidare – för din roll") < at("## Källor")
    for cell in nb.cells:
        first = cell.source.split("\n", 1)[0]
        if cell.cell_type == "markdown" and any(first.startswith(h) for h, _ in NEW_SECTIONS):
            assert "bild" in cell.metadata.get("tags", []), first


def test_unverified_guesses_from_the_brief_are_not_in_the_text():
    # 4 kap. 2 § for market dialogue and 4 kap. 12 § for lots were not verified; EVN Wienstrom's holding neither
    assert "4 kap. 2 §" not in _section("### Dialog med marknaden före upphandlingen")
    assert "4 kap. 12 §" not in _section("### Dela upp upphandlingen i delkontrakt")
    assert "C-448/01" not in "\n".join(_markdown())


def test_eu_judgments_each_link_to_curia_or_eur_lex():
    rows = [r for r in _section("## 10. EU-domstolens viktigaste domar om sociala hänsyn").splitlines()
            if r.startswith("| **")]
    assert len(rows) == 7
    for row in rows:
        assert re.search(r"\((?:https?://)(?:eur-lex\.europa\.eu|curia\.europa\.eu)/", row), row
        assert re.search(r"dom \d{1,2} \w+ \d{4}", row), row


ROLES = ["Beslutsfattare", "Upphandlare", "Matchningsansvarig och arbetsmarknadsenhet", "Leverantör och ASF",
         "Idéburen organisation", "Socialtjänst"]
OFFICIAL = ("upphandlingsmyndigheten.se", "skl.se", "skr.se", "kammarkollegiet.se", "konkurrensverket.se",
            "riksdagen.se", "rkrattsbaser.gov.se", "digg.se")


def test_read_further_for_your_role_has_every_role_with_one_to_three_official_sources():
    text = _section("## Läs vidare – för din roll")
    for role in ROLES:
        line = next((ln for ln in text.splitlines() if ln.startswith(f"- **{role}:**")), None)
        assert line, f"{role} saknas"
        links = re.findall(r"\]\((https?://[^)]+)\)", line)
        assert 1 <= len(links) <= 3, (role, links)
        assert all(any(d in url for d in OFFICIAL) for url in links), (role, links)


def test_changing_figures_come_from_the_registry():
    assert "<!--fakta:ilo_karnkonventioner_antal-->" in _section(
        "### Ansvarsfulla leveranskedjor och ILO:s kärnkonventioner")
    assert "<!--fakta:tillganglighetslagen_produkter_tjanster_ikraft-->" in _section(
        "### Tillgänglighetskrav – så ställer kommunen dem")
    assert fakta("ilo_karnkonventioner_antal").value == 10


def test_times_in_the_text_match_the_metadata_and_the_word_count():
    nb = nbformat.read(COURSE_NB, as_version=4)
    meta = nb.metadata["kurs"]
    tid = next(c.source for c in nb.cells if "## Tid" in c.source)
    assert f"Läsning och widgetar: cirka {meta['tid_lasning_min']} minuter" in tid
    assert f"`01_upphandling_social_hallbarhet`: cirka {meta['tid_ovning_min']} minuter" in tid
    assert meta["tid_lasning_min"] >= reading_minutes(nb), "the reading time no longer covers the text"
    assert len(meta["larandemal"]) <= 5 and len(meta["larandemal"]) == len(re.findall(r"^\d\. ", tid, re.M))


def _tests_by_grade_id(path=SOLUTION_NB):
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nbformat.read(path, as_version=4).cells
            if c.metadata.get("nbgrader", {}).get("grade")}


@pytest.mark.parametrize("grade_id, question, right, lagrum", [
    ("test_svar_10", "01-10", "B", "4 kap. 14 § LOU"),
    ("test_svar_11", "01-11", "C", "16 kap. 7–8 §§ LOU"),
])
def test_judgement_questions_explain_with_their_lagrum_and_check_without_revealing(grade_id, question, right, lagrum):
    cell = _tests_by_grade_id()[grade_id]
    visible, _, hidden = cell.source.partition("### BEGIN HIDDEN TESTS")
    explanation = next(ast.literal_eval(n.value.args[0]) for n in ast.parse(hidden).body
                       if isinstance(n, ast.Expr) and getattr(n.value.func, "id", "") == "print")
    assert explanation.startswith(f"Förklaring: {right}.") and lagrum in explanation
    call = next(n for n in ast.walk(ast.parse(visible)) if isinstance(n, ast.Call)
                and getattr(n.func, "id", "") == "check_answer")
    key = call.args[2].value
    kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    check_answer(question, right.lower(), key, **kwargs)  # the right answer passes, whatever its case
    for wrong in "ABCD".replace(right, ""):
        with pytest.raises(SelfCheckFailed):
            check_answer(question, wrong, key, **kwargs)
    assert cell.metadata["nbgrader"]["points"] == 2


def test_exercise_intro_states_the_point_totals():
    cells = _tests_by_grade_id()
    auto = sum(c.metadata["nbgrader"]["points"] for c in cells.values() if c.cell_type == "code")
    manual = sum(c.metadata["nbgrader"]["points"] for c in cells.values() if c.cell_type == "markdown")
    intro = nbformat.read(SOLUTION_NB, as_version=4).cells[0].source
    assert f"**{auto:g} poäng** som rättas automatiskt" in intro and f"**{manual:g} poäng** som kursledaren" in intro
    assert (auto, manual) == (18, 7)


def test_generated_exercise_has_the_new_questions_without_their_answers():
    text = EXERCISE_NB.read_text(encoding="utf-8")
    assert "Fråga 10 (2 poäng)" in text and "Fråga 11 (2 poäng)" in text
    assert 'svar_10 = "B"' not in text and 'svar_11 = "C"' not in text and "Förklaring: C." not in text


def test_legal_review_of_the_additions_is_in_the_text():
    """The procurement lawyer's review of the additions (/tmp/reviews/m01_03_law.md); each assert fails on the old text."""
    access = _section("### Tillgänglighetskrav – så ställer kommunen dem")
    assert "kan kraven i upphandlingen hänvisa" not in access  # item 1: 'ska' in a directive-governed procurement
    assert "**ska** de tekniska specifikationerna därför hänvisa" in access and "art. 24 direktiv (EU) 2019/882" in access
    assert "Vissa produkter och tjänster till konsumenter" not in access  # item 9: only the services are for consumers
    assert "old.upphandlingsmyndigheten.se" not in access  # item 8
    ilo = _section("### Ansvarsfulla leveranskedjor och ILO:s kärnkonventioner")
    assert "17 kap. 2–5 §§" not in ilo and "efterlevnad-av-ilos-karnkonventioner" in ilo  # item 2
    key = _section("## Nyckelpunkter")
    ilo_point = next(ln for ln in key.splitlines() if "ILO:s kärnkonventioner" in ln)
    assert "17 kap. 4 §" in ilo_point and "⚠" in ilo_point and "155 och 187" in ilo_point  # item 2
    judgments = _section("## 10. EU-domstolens viktigaste domar om sociala hänsyn")
    assert "rättvis handel" in judgments and "9 kap. LOU" in judgments and "art. 43" in judgments  # item 3
    assert "bussbolag" not in judgments and "HKL" in judgments and "curia.europa.eu/juris/document" not in judgments
    assert "jpinfonet" not in _section("### Onormalt låga anbud och arbetsrätten")  # item 6
    assert "2018 ref. 50" in _section("### Onormalt låga anbud och arbetsrätten")  # HFD is a glossary link
    assert "4 kap. 8 § LOU" in _section("### Dialog med marknaden före upphandlingen")  # item 5
    assert "art. 46.2 direktiv 2014/24/EU" in _section("### Dela upp upphandlingen i delkontrakt")  # item 10
    kos = _section("## 11. När en kommunal enhet säljer tjänster – konkurrenslagen")
    assert "prop. 2008/09:231" in kos and "sådana verkningar" in kos  # item 7
    assert "SKR" not in _section("## Läs vidare – för din roll")  # item 8
    kurs = nbformat.read(COURSE_NB, as_version=4).metadata["kurs"]
    assert not any("EU-styrda" in q for q in kurs["fragor"])  # one term for one thing
