"""Module 02: Kravbyggaren (decisions.employment) and Utvärderingssimulatorn (decisions.evaluation), functions and widgets."""
import pytest

from upphandlingskurs.decisions.employment import (build_requirement, clause_text, estimated_fte, jrf_opportunities,
                                         requirement_markdown, suggested_positions)
from upphandlingskurs.decisions.evaluation import (Tender, comparison_prices, deduction_switches, parse_tenders, price_points,
                                         switch_point, weight_switches, weighted_scores, winners)
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.sysselsattning import kravbyggaren_widget, mervarde_widget, viktning_widget

LERUM = [Tender("A", 9_000_000, 6, 2), Tender("B", 10_000_000, 5, 6), Tender("C", 11_250_000, 6, 4)]
LERUM_TEXT = "A; 9 000 000; 6; 2\nB; 10 000 000; 5; 6\nC; 11 250 000; 6; 4"


# --- Kravbyggaren: pure functions ---------------------------------------------------------------------
def test_estimated_fte_uses_labour_share_and_cost():
    fte, years = estimated_fte(24_000_000, 48, "hög", 550_000)
    assert fte == pytest.approx(6_000_000 * 0.7 / 550_000)
    assert years == pytest.approx(fte * 4)


@pytest.mark.parametrize("value, months, intensity, expected", [
    (24_000_000, 48, "hög", 3),      # 30.5 full-time years -> 3
    (12_000_000, 36, "hög", 1),      # 15.3 -> 1
    (3_000_000, 36, "hög", 1),       # 3.8 years, 1.3 FTE: above the benchmark, at least 1
    (1_000_000, 24, "medel", 0),     # 0.4 FTE: below one full-time person (the course's own limit)
    (12_000_000, 3, "hög", 1),       # shorter than 4 months but about 61 full-time persons: Göteborg allows a requirement
    (100_000, 3, "hög", 0),          # shorter than 4 months and less than one full-time person (Göteborg's limit)
    (200_000_000, 24, "medel", 16),  # 163.6 years -> 16
])
def test_suggested_positions_case_by_case(value, months, intensity, expected):
    fte, years = estimated_fte(value, months, intensity)
    assert suggested_positions(fte, years, months) == expected


def test_exactly_at_the_goteborg_benchmark_counts_as_above():
    assert suggested_positions(1.0, 1.0 / 3, 4) == 1
    assert suggested_positions(0.99, 1.0, 12) == 0
    assert suggested_positions(5.0, 1.5, 3.9) == 1  # short but not small: Göteborg's limit needs both
    assert suggested_positions(0.99, 0.2, 3.9) == 0


@pytest.mark.parametrize("kwargs, message", [
    (dict(contract_value_kr=-1, months=12, labour_intensity="hög"), "negativt"),
    (dict(contract_value_kr=100, months=0, labour_intensity="hög"), "minst en månad"),
    (dict(contract_value_kr=100, months=12, labour_intensity="jättehög"), "låg, medel eller hög"),
    (dict(contract_value_kr=100, months=12, labour_intensity="hög", cost_per_fte_kr=0), "större än noll"),
])
def test_estimated_fte_rejects_bad_input(kwargs, message):
    with pytest.raises(InputError, match=message):
        estimated_fte(**kwargs)


def test_jrf_benchmark():
    assert jrf_opportunities(27_000_000, 13.5) == pytest.approx(2.0)
    with pytest.raises(InputError):
        jrf_opportunities(1, 0)


def test_clause_texts_of_the_two_variants():
    offer = clause_text("anställning", 2, 12, "unga utan arbete", 36)
    assert "erbjuda anställning" in offer and "24 månader på heltid" in offer and "unga utan arbete" in offer
    dialog = clause_text("dialog", 0, 12, "", 36)
    assert "dialog" in dialog and "[målgrupp som ni har definierat]" in dialog and "månader på heltid" not in dialog
    with pytest.raises(InputError):
        clause_text("lottning", 1, 12, "x", 12)


def test_a_good_requirement_has_no_flags():
    req = build_requirement(24_000_000, 48, "hög", "lokalvård", "anställning eller praktik", target_group="unga")
    assert req.suggested_positions == 3 and req.suggested_months_full_time == 36
    assert req.flags == []
    assert not req.below_benchmark


def test_residence_requirement_is_flagged_as_not_allowed_with_lagrum():
    req = build_requirement(24_000_000, 48, "hög", "lokalvård", "anställning", residence_requirement=True)
    flag = next(f for f in req.flags if f.kind == "diskriminering")
    assert flag.severity == "ej tillåtet" and "4 kap. 1 § LOU" in flag.lagrum and "bo i kommunen" in flag.message


def test_local_supplier_and_tender_time_requirements_are_flagged():
    req = build_requirement(24_000_000, 48, "hög", "lokalvård", "anställning",
                            local_supplier_requirement=True, required_at_tender=True)
    assert req.has_flag("diskriminering", "ej tillåtet")
    assert any("17 kap. 1 § LOU" in f.lagrum for f in req.flags if f.kind == "process")


def test_below_benchmark_flags_proportionality_unless_dialogue():
    short = build_requirement(100_000, 3, "hög", "lokalvård", "anställning")
    assert short.below_benchmark and short.suggested_positions == 0
    assert short.has_flag("proportionalitet", "varning")
    dialog = build_requirement(100_000, 3, "hög", "lokalvård", "dialog")
    assert not dialog.has_flag("proportionalitet")


def test_asking_far_more_than_the_rule_of_thumb_is_flagged():
    ok = build_requirement(24_000_000, 48, "hög", "lokalvård", "anställning", requested_positions=4)
    assert not ok.has_flag("proportionalitet")
    many = build_requirement(24_000_000, 48, "hög", "lokalvård", "anställning", requested_positions=7)
    assert many.has_flag("proportionalitet", "varning")
    absurd = build_requirement(24_000_000, 48, "hög", "lokalvård", "anställning", requested_positions=20)
    assert any("halva arbetsinsatsen" in f.message for f in absurd.flags)
    assert not absurd.has_flag("proportionalitet", "ej tillåtet")  # a judgement, not a prohibition


def test_process_flags_for_missing_target_group_matching_and_follow_up():
    req = build_requirement(24_000_000, 48, "hög", "varor", "anställning", target_group_defined=False,
                            matching_officer=False, follow_up_and_sanctions=False)
    messages = " ".join(f.message for f in req.flags)
    assert "Målgruppen är inte definierad" in messages
    assert "matchningsansvarig" in messages
    assert "sanktioner" in messages
    assert "varuleverans" in messages


def test_markdown_labels_rule_of_thumb_and_flags_in_words():
    req = build_requirement(100_000, 3, "hög", "lokalvård", "anställning", residence_requirement=True)
    text = requirement_markdown(req)
    assert "Kursens tumregel – inte lag" in text
    assert "Ej tillåtet" in text and "Varning" in text  # words, not only symbols or colour
    assert "17 kap. 1 § LOU" in text


# --- Utvärderingssimulatorn: pure functions -----------------------------------------------------------
def test_price_points_relative_to_lowest():
    assert price_points(LERUM) == pytest.approx({"A": 10, "B": 9, "C": 8})


def test_weighted_scores_and_ranking():
    rows = weighted_scores(LERUM, 45, 45, 10)
    assert [r.name for r in rows] == ["A", "B", "C"]
    assert [r.score for r in rows] == pytest.approx([7.4, 6.9, 6.7])
    assert winners(rows) == ("A",)
    assert winners(weighted_scores(LERUM, 40, 40, 20)) == ("A", "B")  # exactly at the switch: a tie
    assert winners(weighted_scores(LERUM, 35, 35, 30)) == ("B",)


def test_the_weight_where_the_winner_switches():
    segs = weight_switches(LERUM, 45, 45, 10)
    assert [(s.winners, round(s.start, 6), round(s.end, 6)) for s in segs] == [(("A",), 0, 20), (("B",), 20, 100)]
    assert switch_point(segs, 10) == pytest.approx(20)
    assert switch_point(segs, 25) is None


def test_three_winners_in_turn():
    tenders = [Tender("A", 10_000_000, 7, 3), Tender("B", 10_600_000, 7, 9), Tender("C", 11_200_000, 9, 6)]
    segs = weight_switches(tenders, 50, 20, 30)
    assert [s.winners for s in segs] == [("A",), ("C",), ("B",)]


def test_price_only_when_price_and_quality_weights_are_zero():
    segs = weight_switches(LERUM, 0, 0, 100)
    assert segs[0].winners == ("A",)


def test_comparison_prices_and_deduction_switch():
    rows = comparison_prices(LERUM, 0, 1_000_000)
    assert [(r.name, r.score) for r in rows] == [("A", 8_800_000), ("B", 9_400_000), ("C", 10_850_000)]
    segs = deduction_switches(LERUM, 0)
    assert segs[0].winners == ("A",) and segs[1].winners == ("B",)
    assert segs[1].start == pytest.approx(2_500_000)


@pytest.mark.parametrize("weights, message", [
    ((50, 30, 10), "tillsammans bli 100 %. Nu blir de 90 %"),
    ((110, -10, 0), "kan inte vara negativ"),
])
def test_weights_must_sum_to_100(weights, message):
    with pytest.raises(InputError, match=message):
        weighted_scores(LERUM, *weights)


@pytest.mark.parametrize("text, message", [
    ("", "Anbuden saknas"),
    ("A; 100; 5; 5", "mellan 2 och 4 anbud"),
    ("A; 100; 5; 5\nA; 200; 5; 5", "samma namn"),
    ("A; 100; 5; 5\nB; 200; 11; 5", "högst 10"),
    ("A; -100; 5; 5\nB; 200; 5; 5", "negativt"),
    ("A; 0; 5; 5\nB; 200; 5; 5", "större än noll"),
    ("A; hundra; 5; 5\nB; 200; 5; 5", "måste vara ett tal"),
    ("A, 100, 5, 5\nB; 200; 5; 5", "semikolon"),
    ("; 100; 5; 5\nB; 200; 5; 5", "saknar namn"),
    ("\n".join(f"{n}; 100; 5; 5" for n in "ABCDE"), "mellan 2 och 4"),
])
def test_parse_tenders_rejects_bad_input_in_swedish(text, message):
    with pytest.raises(InputError, match=message):
        parse_tenders(text)


def test_parse_tenders_accepts_swedish_numbers():
    assert parse_tenders(LERUM_TEXT) == LERUM
    assert parse_tenders("X; 1 234 567,50 kr; 6,5; 7\nY; 2000000; 0; 10")[0].price == pytest.approx(1_234_567.5)


# --- widgets, headless ----------------------------------------------------------------------------------
def test_kravbyggaren_widget_good_input():
    form = kravbyggaren_widget()
    text = form.submit(value="24 000 000", months="48", intensity="hög", sector="lokalvård", variant="anställning")
    assert "Förslag: 3 platser" in text and "Villkorstext" in text
    assert 'role="status"' in form.result_html


def test_kravbyggaren_widget_flags_residence_requirement():
    form = kravbyggaren_widget()
    text = form.submit(residence=True, sek_per_gbp="13,5")
    assert "Ej tillåtet – Icke-diskriminering" in text and "4 kap. 1 § LOU" in text
    assert "Joseph Rowntree" in text


@pytest.mark.parametrize("fields, message", [
    (dict(value="tolv miljoner"), "måste vara ett tal"),
    (dict(value="-5"), "kan inte vara negativt"),
    (dict(value=""), "saknas"),
    (dict(months="0"), "måste vara minst 1"),
    (dict(requested="2,5"), "heltal"),
    (dict(requested="-1"), "kan inte vara negativt"),
    (dict(cost_per_fte="noll"), "måste vara ett tal"),
])
def test_kravbyggaren_widget_bad_input(fields, message):
    form = kravbyggaren_widget()
    text = form.submit(**fields)
    assert message in text
    assert form.last_result is None and "Traceback" not in form.result_html


def test_viktning_widget_good_and_bad_input():
    form = viktning_widget()
    text = form.submit(tenders=LERUM_TEXT, w_price="45", w_quality="45", w_social="10")
    assert "Vinnare med era vikter: A" in text and "över 20,0 %" in text
    bad = form.submit(w_price="50")
    assert "tillsammans bli 100 %" in bad and form.last_result is None
    assert "måste vara ett tal" in form.submit(w_price="mycket")
    assert "saknas" in form.submit(tenders="  ", w_price="45")


def test_mervarde_widget_good_and_bad_input():
    form = mervarde_widget()
    text = form.submit(tenders=LERUM_TEXT, max_quality="0", max_social="1 000 000")
    assert "Vinnare: A" in text and "2\u00a0500\u00a0000\u00a0kr" in text
    assert "kan inte vara negativt" in form.submit(max_social="-1")
    assert "saknas" in form.submit(max_social="")


def test_every_control_has_a_visible_label():
    for form in (kravbyggaren_widget(), kravbyggaren_widget().annex, viktning_widget(), mervarde_widget()):
        for control in form.controls.values():
            assert control.description.strip()


# --- data ------------------------------------------------------------------------------------------------
def test_goteborg_results_match_their_datapackage_description():
    import json

    from conftest import REPO
    from upphandlingskurs.content.data import load

    package = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in package["resources"] if r["name"] == "goteborg_social_hansyn")
    assert res["sources"] and res["licenses"] and res["synthetic"] is False
    df = load("goteborg_social_hansyn", REPO / "data")
    assert list(df.columns) == [f["name"] for f in res["schema"]["fields"]]
    assert not df.duplicated(res["schema"]["primaryKey"]).any()
    got = {(int(r.ar), r.matt): int(r.varde) for r in df.itertuples()}
    assert got[(2022, "Personer som fick arbete")] == 90 and got[(2022, "Personer som fick praktik")] == 52
    assert got[(2022, "Upphandlingar med krav om social hänsyn")] == 125


def test_goteborg_results_table_is_read_without_pandas(tmp_path):
    import subprocess
    import sys

    from conftest import REPO
    from upphandlingskurs.content.data import DataError
    from upphandlingskurs.decisions.employment import goteborg_results_markdown

    text = goteborg_results_markdown(REPO / "data")
    assert "| 2021 | Personer i sysselsättning genom krav om social hänsyn | 84 personer |" in text
    assert "| 2022 | Upphandlingar med krav om social hänsyn | 125 upphandlingar |" in text
    assert "mer än 16\u00a0000\u00a0000 kronor" in text and "(mer än)" not in text
    assert "Vårt Göteborg" in text
    with pytest.raises(DataError, match="goteborg_social_hansyn.csv saknas"):
        goteborg_results_markdown(tmp_path)
    # The course notebook must stay fast: this table must not pull in pandas/pandera.
    code = ("import sys; import upphandlingskurs.decisions.employment, upphandlingskurs.widgets.sysselsattning; "
            "print('pandas' in sys.modules or 'pandera' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_goteborg_benchmark_is_quoted_and_the_course_reading_is_labelled():
    below = requirement_markdown(build_requirement(100_000, 3, "hög", "lokalvård", "anställning eller praktik"))
    assert "kortare tid än 4 månader och omsatte mindre än 1 heltidstjänst" in below
    # legal review 01-02 item 8: the benchmark is a described pilot model, not stated as the city's current policy
    assert "pilotmodell (Västsvenska Handelskammaren)" in below and "Kontrollera stadens aktuella riktlinje" in below
    assert "ställer Göteborgs Stad inga krav" not in below
    assert "Kursen läser riktmärket försiktigt" not in below  # the old "or" reading is gone
    above = requirement_markdown(build_requirement(12_000_000, 36, "hög", "lokalvård", "anställning eller praktik"))
    assert "minst 4 månader och omsätter minst 1 heltidstjänst" in above
    assert "heltidsperson" not in below + above  # the glossary's term is "heltidstjänst"
    course = requirement_markdown(build_requirement(1_000_000, 24, "medel", "lokalvård", "anställning eller praktik"))
    assert "Kursens egen" in course and "utesluter inte krav" in course


def test_award_texts_use_the_legal_phrase():
    text = viktning_widget(LERUM_TEXT).submit(w_price="35", w_quality="35", w_social="30")
    assert "på grundval av bästa förhållandet mellan pris och kvalitet" in text and "16 kap. 1 § LOU" in text
    assert "Vinnare med era vikter: B" in text


def test_below_the_benchmark_the_heading_says_no_requirement():
    text = requirement_markdown(build_requirement(1_000_000, 24, "medel", "lokalvård", "anställning eller praktik"))
    assert text.startswith("### Förslag: inget krav på anställning eller praktik")
    assert "Villkorstext om ni ändå väljer" in text and "0 platser" not in text


def test_module_02_describes_the_annex_as_kravbyggaren_writes_it(tmp_path):
    """Legal review of the additions, item 4: the text about the annex is true to the annex (each assert fails on
    the old text: 'förslaget är 30', 'Del A säger', no framework box, no confirmation box)."""
    import re
    from pathlib import Path

    import nbformat

    from upphandlingskurs.documents.requirement_annex import save_annex

    nb = nbformat.read(Path(__file__).resolve().parents[2] / "course" / "02_sysselsattningskrav.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    req = build_requirement(contract_value_kr=24_000_000, months=48, labour_intensity="hög", sector="lokalvård",
                            variant="anställning", target_group="personer som har varit arbetslösa i minst 12 månader")
    files = save_annex(req, "md", tmp_path)
    terms = files.villkor.read_text(encoding="utf-8")
    assert "förslaget är 30" not in text and "30 dagar" not in terms  # the annex has '[antal] dagar'
    assert "senast \\[antal\\] dagar efter varje kvartals slut" in terms
    assert "*Särskilda kontraktsvillkor – sysselsättning*" in text and "Särskilda kontraktsvillkor – sysselsättning" in terms
    assert "Del A säger" not in text and not re.search(r"(?i)\bdel [ab]\b", terms)  # the terms never say 'del A'
    assert re.search(r"Kryssa i \*\*\[?ramavtal", text) and "motiverat varför det är proportionerligt" in text
    assert "väsentligt avtalsbrott" in text and "väsentligt" in terms  # hävning only for a material breach
    assert "plan" in text and "godtagit" in terms  # cure plan before vite
