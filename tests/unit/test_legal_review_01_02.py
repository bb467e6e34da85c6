"""The legal review of modules 01–02 (issue 12): the reviewer's own cases and variants, through the pure
functions and headless through the widgets."""
from __future__ import annotations

import pytest

from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.decisions.employment import (GOTEBORG_LAGRUM, RULE_OF_THUMB_LAGRUM, build_requirement,
                                                   requirement_markdown)
from upphandlingskurs.decisions.process import MEASURE_BY_ID, STAGE_BY_ID
from upphandlingskurs.decisions.thresholds import (Authority, Kind, Outcome, check_threshold, direct_award_limit,
                                                   threshold_fact)
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.sysselsattning import kravbyggaren_widget
from upphandlingskurs.widgets.upphandling import threshold_widget


# --- Kravbyggaren: Göteborg's limit is "shorter than four months AND less than one full-time person" -----------
@pytest.mark.parametrize("value, months, positions", [
    (12_000_000, 3, 1),      # the reviewer's case: about 61 full-time persons over three months
    (12_000_000, 3.9, 1),
    (40_000_000, 2, 5),      # 50.9 full-time years -> 5
    (100_000, 3, 0),         # both short and small: Göteborg's limit
    (1_000_000, 24, 0),      # long but small: the course's own, stricter limit
])
def test_goteborg_limit_needs_both_short_and_small(value, months, positions):
    req = build_requirement(value, months, "hög" if value != 1_000_000 else "medel", "lokalvård", "anställning")
    assert req.suggested_positions == positions
    text = requirement_markdown(req)
    if positions:
        assert "inget krav" not in text.splitlines()[0]
    else:
        assert text.startswith("### Förslag: inget krav")


def test_the_12_mkr_three_month_contract_through_the_widget():
    text = kravbyggaren_widget().submit(value="12 000 000", months="3", intensity="hög", variant="anställning")
    first = text.splitlines()[0]
    assert "inget krav" not in first and "1 plats" in first
    assert "kortare än 4 månader, men omsätter minst 1" in text


def test_rule_of_thumb_flags_never_carry_a_bare_lagrum():
    absurd = build_requirement(24_000_000, 48, "hög", "lokalvård", "anställning", requested_positions=20)
    small = build_requirement(1_000_000, 24, "medel", "lokalvård", "anställning", requested_positions=2)
    tiny = build_requirement(100_000, 3, "hög", "lokalvård", "anställning")
    lagrum = {f.lagrum for r in (absurd, small, tiny) for f in r.flags if f.kind == "proportionalitet"}
    assert lagrum and lagrum <= {RULE_OF_THUMB_LAGRUM, GOTEBORG_LAGRUM}
    assert "Proportionalitetsprincipen, 4 kap. 1 § LOU" not in lagrum
    assert GOTEBORG_LAGRUM in {f.lagrum for f in tiny.flags}
    assert RULE_OF_THUMB_LAGRUM in {f.lagrum for f in small.flags}


def test_local_supplier_flag_allows_presence_during_the_contract():
    req = build_requirement(12_000_000, 36, "hög", "lokalvård", "anställning", local_supplier_requirement=True)
    msg = next(f.message for f in req.flags if f.kind == "diskriminering")
    assert "för att få delta" in msg and "proportionerliga" in msg


# --- Tröskelvärdeskollen: LUF for utility companies ------------------------------------------------------------
def test_energy_company_buying_for_900_000_kr_is_a_direct_award_under_luf():
    res = check_threshold(900_000, "SEK", Kind.VAROR_TJANSTER, Authority.LUF)
    assert res.outcome is Outcome.DIREKTUPPHANDLING
    assert any(fakta("direktupphandlingsgrans_luf").text in r and "19 a kap. LUF" in r for r in res.reasons)
    # the same purchase by a municipality must be advertised
    assert check_threshold(900_000, "SEK", Kind.VAROR_TJANSTER, Authority.KOMMUN).outcome is not \
        Outcome.DIREKTUPPHANDLING


@pytest.mark.parametrize("value, outcome", [
    (1_199_999, Outcome.DIREKTUPPHANDLING),
    (1_200_000, Outcome.ANNONSERAS_TROSKEL_OKAND),
])
def test_luf_direct_award_limit_edges(value, outcome):
    assert check_threshold(value, "SEK", "varor_tjanster", "luf").outcome is outcome


def test_luf_threshold_comes_from_the_registry():
    t = fakta("troskelvarde_2026_luf_varor_tjanster")
    assert threshold_fact("varor_tjanster", "luf") is t and t.value == 432_000
    assert direct_award_limit("varor_tjanster", "luf").value == fakta("direktupphandlingsgrans_luf").value
    assert check_threshold(431_999, "EUR", "varor_tjanster", "luf").outcome is Outcome.UNDER_TROSKEL_GRANS_OKAND
    assert check_threshold(432_000, "EUR", "varor_tjanster", "luf").outcome is Outcome.OVER_TROSKEL
    # 300 000 euro is over LOU's threshold for a municipality but under LUF's
    assert check_threshold(300_000, "EUR", "varor_tjanster", "kommun").outcome is Outcome.OVER_TROSKEL


def test_luf_and_bilaga_2_gives_a_swedish_message():
    with pytest.raises(InputError, match="LUF"):
        check_threshold(100_000, "EUR", "sociala_tjanster", "luf")


def test_energy_company_through_the_widget():
    text = threshold_widget().submit(value="900 000", currency="SEK", kind="varor_tjanster", authority="luf",
                                     sek_threshold="", earlier="")
    assert text.startswith("### Direktupphandling är tillåten") and "(LUF)" in text


def test_municipality_is_told_about_luf():
    res = check_threshold(900_000, "SEK", "varor_tjanster", "kommun")
    assert any("LUF" in w and "VA-förvaltning" in w for w in res.warnings)
    assert any("1 kap. 18 § LOU" in w and "industriell eller kommersiell" in w and "restriktivt" in w
               for w in res.warnings)


# --- value under 5 kap.: similar contracts count against the threshold too --------------------------------------
def test_recurring_contracts_count_against_the_threshold():
    res = check_threshold(200_000, "EUR", "varor_tjanster", "kommun", None, 50_000)
    assert res.outcome is Outcome.OVER_TROSKEL
    assert any("5 kap. 11 §" in r for r in res.reasons)
    text = threshold_widget().submit(value="200 000", currency="EUR", kind="varor_tjanster", authority="kommun",
                                     earlier="50 000", sek_threshold="")
    assert "Över tröskelvärdet" in text and "250\u00a0000" in text


def test_value_warning_names_5_kap_and_no_financial_year_rule():
    text = " ".join(check_threshold(300_000, "SEK", "varor_tjanster", "kommun").warnings)
    assert "5 kap. 3 §" in text and "5 kap. 11 §" in text and "19 a kap. 1 §" in text
    assert "räkenskapsåret" not in text


# --- bilaga 2 and exclusion -------------------------------------------------------------------------------------
def test_bilaga_2_above_the_threshold_has_optional_exclusion_and_no_labour_law_duty():
    res = check_threshold(800_000, "EUR", "sociala_tjanster", "kommun")
    text = " ".join(res.reasons)
    assert "19 kap. 17 §" in text and "gäller inte bilaga 2" in text
    assert any("catering" in w and "CPV" in w for w in res.warnings)


def test_below_the_threshold_exclusion_is_optional():
    res = check_threshold(1_000_000, "SEK", "varor_tjanster", "kommun", 2_300_000)
    assert res.outcome is Outcome.UNDER_TROSKEL
    assert any("19 kap. 17 §" in r and "frivilliga" in r for r in res.reasons)


def test_process_widget_texts_follow_the_review():
    assert "19 kap. 17 §" in STAGE_BY_ID["kvalificering"].lagrum
    assert "19 kap. 17 §" in MEASURE_BY_ID["skatter"].lagrum and "måste inte" in MEASURE_BY_ID["skatter"].why
    assert "2018:1937" in MEASURE_BY_ID["tillganglighet"].lagrum
    assert "ofta lämpligt" not in MEASURE_BY_ID["tillganglighet"].why
    reserved = MEASURE_BY_ID["reserverad"]
    assert "sysselsatta" in reserved.text and "främsta syfte" in reserved.text
    assert "hela avtalstiden" in reserved.why
    assert "underleverantörer" in MEASURE_BY_ID["kollektivavtalsniva"].why
    assert "bilaga 2" in MEASURE_BY_ID["kollektivavtalsniva"].why


# --- finding 29: what gives points becomes a binding commitment -----------------------------------------------
def test_evaluation_texts_say_the_offer_becomes_a_commitment():
    from upphandlingskurs.widgets.sysselsattning import mervarde_widget, viktning_widget
    tenders = "A; 9 000 000; 6; 2\nB; 10 000 000; 5; 6\nC; 11 250 000; 6; 4"
    for text in (viktning_widget(tenders).submit(w_price="35", w_quality="35", w_social="30"),
                 mervarde_widget(tenders).submit(max_quality="0", max_social="2 500 000")):
        assert "bindande åtagande" in text


# --- legal review 01-02 after revision, items 1-4: LUF scope, aggregation, LUF citations --------------------------
def test_luf_label_covers_a_municipalitys_own_water_department_not_only_companies():
    from upphandlingskurs.decisions.thresholds import AUTHORITY_LABELS
    label = AUTHORITY_LABELS[Authority.LUF]
    assert "kommun" in label and "bolag" in label and "dricksvatten" in label
    assert not label.startswith("Kommunalt bolag")
    # a municipality's own water department (VA i förvaltningsform) buying for drinking water -> LUF limits
    res = check_threshold(900_000, "SEK", "varor_tjanster", "luf")
    assert res.outcome is Outcome.DIREKTUPPHANDLING
    assert "kommuner" not in res.headline


def test_wastewater_only_and_electricity_production_are_flagged():
    for authority in ("luf", "kommun"):
        text = " ".join(check_threshold(900_000, "SEK", "varor_tjanster", authority).warnings)
        assert "Avlopp omfattas bara i samband med dricksvattenverksamhet" in text
        assert "art. 10 direktiv 2014/25/EU" in text
        assert "Produktion och försäljning av el är undantagen" in text and "2007/706/EG" in text


def test_recurring_service_contracts_are_one_estimate_without_double_counting():
    # exercise 01 Q4: 450 000 kr now and 2 x 150 000 kr later within twelve months from the first delivery
    res = check_threshold(450_000, "SEK", "varor_tjanster", "kommun", None, 300_000)
    assert res.outcome is Outcome.ANNONSERAS_TROSKEL_OKAND
    reasons = " ".join(res.reasons).replace("\u00a0", " ").replace("\u202f", " ")
    assert "750 000" in reasons and "tolv månader från första leveransen" in reasons and "5 kap. 11 § LOU" in reasons
    warnings = " ".join(res.warnings)
    assert "inte ett belopp som läggs till" in warnings
    # under the limit when the other contracts are small enough
    assert check_threshold(450_000, "SEK", "varor_tjanster", "kommun", None, 249_999).outcome \
        is Outcome.DIREKTUPPHANDLING


def test_works_do_not_cite_5_kap_11():
    res = check_threshold(450_000, "SEK", "byggentreprenad", "kommun", None, 300_000)
    text = " ".join(res.reasons + res.warnings)
    assert "5 kap. 11 §" not in text
    assert "en och samma upphandling (5 kap. LOU)" in text


@pytest.mark.parametrize("earlier", [None, 100_000])
def test_luf_results_cite_luf_and_the_utilities_directive(earlier):
    res = check_threshold(1_500_000, "SEK", "varor_tjanster", "luf", None, earlier)
    assert res.outcome is Outcome.ANNONSERAS_TROSKEL_OKAND
    text = " ".join(res.reasons + res.warnings) + res.headline
    assert "LOU" not in text.replace("gäller LOU", "").replace("om LOU", "")
    assert "2014/24/EU" not in text and "art. 16 direktiv 2014/25/EU" in text and "5 kap. LUF" in text
    assert "19 a kap. 1 §" not in text  # LUF's section numbers are not verified: chapters only


def test_luf_headline_under_threshold_names_luf():
    res = check_threshold(1_500_000, "SEK", "varor_tjanster", "luf", 4_000_000)
    assert res.outcome is Outcome.UNDER_TROSKEL
    assert res.headline == "Annonseras – under tröskelvärdet (19 kap. LUF)"
    lou = check_threshold(800_000, "SEK", "varor_tjanster", "kommun", 2_000_000)
    assert lou.headline == "Annonseras – under tröskelvärdet (19 kap. LOU)"


def test_widget_headless_luf_and_recurring_contracts():
    form = threshold_widget()
    labels = " ".join(f.label for f in form.fields)
    assert "samma följd av återkommande" in labels and "kommande tolv månader" in labels
    text = form.submit(value="1 500 000", currency="SEK", kind="varor_tjanster", authority="luf",
                        sek_threshold="4 000 000", earlier="")
    assert text.startswith("### Annonseras – under tröskelvärdet (19 kap. LUF)")
    assert "2014/24/EU" not in text and "2007/706/EG" in text
    text = form.submit(value="450 000", currency="SEK", kind="varor_tjanster", authority="kommun",
                        sek_threshold="", earlier="300 000")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "750 000" in text and "tolv månader från första leveransen" in text


def test_evaluation_texts_name_19_kap_below_the_thresholds():
    from upphandlingskurs.widgets.sysselsattning import mervarde_widget, viktning_widget
    tenders = "A; 9 000 000; 6; 2\nB; 10 000 000; 5; 6\nC; 11 250 000; 6; 4"
    for text in (viktning_widget(tenders).submit(w_price="35", w_quality="35", w_social="30"),
                 mervarde_widget(tenders).submit(max_quality="0", max_social="2 500 000")):
        assert "16 kap. 1 § LOU" in text and "Under tröskelvärdena: motsvarande regler i 19 kap. LOU" in text


def test_19_kap_17_asks_for_grounds_and_evidence_in_the_documents():
    res = check_threshold(800_000, "SEK", "varor_tjanster", "kommun", 2_000_000)
    assert any("vilka grunder i 13 kap. ni tillämpar, eventuella egna grunder och vilka bevis ni begär" in r
               and "yttra sig innan den utesluts (19 kap. 17 § andra stycket)" in r for r in res.reasons)
    social = check_threshold(1_000_000, "EUR", "sociala_tjanster", "kommun")
    assert any("yttra sig innan den utesluts" in r for r in social.reasons)
    assert "yttra sig innan den utesluts" in MEASURE_BY_ID["skatter"].why


def test_direct_award_names_the_supervisors_order_for_guidelines():
    res = check_threshold(300_000, "SEK", "varor_tjanster", "kommun")
    assert any("Konkurrensverket förelägga" in w and "19 a kap. 11 § LOU" in w for w in res.warnings)
