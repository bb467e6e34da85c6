"""Module 04: the socio-economic value function and its sensitivity widget (headless)."""
import pytest

from upphandlingskurs.parsing import InputError
from upphandlingskurs.decisions.social_value import sensitivity_text, socio_economic_value
from upphandlingskurs.widgets.uppfoljning import kansla_widget


def test_gross_value_is_persons_times_value_times_years():
    r = socio_economic_value(10, 200_000, 2)
    assert r.gross == r.after_deadweight == r.net == 4_000_000


def test_deadweight_and_displacement_shrink_the_value_one_after_the_other():
    r = socio_economic_value(10, 200_000, 1, deadweight_pct=25, displacement_pct=50)
    assert r.gross == 2_000_000
    assert r.after_deadweight == pytest.approx(1_500_000)
    assert r.net == pytest.approx(750_000)
    assert socio_economic_value(10, 200_000, 1, 100, 0).net == 0


@pytest.mark.parametrize("args, message", [
    ((-1, 200_000, 1, 0, 0), "Antal personer kan inte vara negativt"),
    ((1, -5, 1, 0, 0), "Värdet per person"),
    ((1, 5, 0, 0, 0), "Antal år"),
    ((1, 5, 1, 120, 0), "Dödviktsandelen"),
    ((1, 5, 1, 0, -1), "Undanträngningsandelen"),
])
def test_impossible_values_are_refused_in_swedish(args, message):
    with pytest.raises(InputError, match=message):
        socio_economic_value(*args)


def test_text_has_swedish_numbers_a_sensitivity_table_and_the_caveat():
    text = sensitivity_text(10, 200_000, 1, 25, 0)
    assert "2\u00a0000\u00a0000\u00a0kr" in text and "1\u00a0500\u00a0000\u00a0kr" in text
    assert "| Dödvikt | Undanträngning 0 % | 25 % | 50 % |" in text
    assert "antaganden" in text and "Långsiktiga effekter" in text


def test_text_says_deductions_plainly_and_flags_years_beyond_the_worked_example():
    one_year = sensitivity_text(10, 200_000, 1, 25, 10)
    assert "Efter avdrag för dödvikt" in one_year and "Efter avdrag även för undanträngning" in one_year
    assert "Utan dödvikt" not in one_year and "ditt eget antagande" not in one_year
    assert "Räkneexemplet gäller 12 månader" in sensitivity_text(10, 200_000, 3, 0, 0)


def test_widget_default_value_comes_from_the_data_file():
    form = kansla_widget()
    assert form.controls["value_per_person_year"].value == "200\u00a0000"


def test_widget_good_input_typed_the_swedish_way():
    form = kansla_widget(200_000)
    out = form.submit(persons="75", value_per_person_year="200 000 kr", years="1", deadweight_pct="20",
                      displacement_pct="10,5")
    assert form.last_error is None
    assert "15\u00a0000\u00a0000\u00a0kr" in out          # gross 75 × 200 000
    assert "10\u00a0740\u00a0000\u00a0kr" in out          # 15 000 000 × 0.8 × 0.895
    assert "role=\"status\"" in form.result_html


@pytest.mark.parametrize("field, raw, message", [
    ("persons", "-3", "kan inte vara negativt"),
    ("persons", "", "saknas"),
    ("persons", "tio", "måste vara ett tal"),
    ("persons", "2,5", "heltal"),
    ("deadweight_pct", "150", "högst 100"),
    ("years", "0", "minst"),
    ("value_per_person_year", "mycket", "måste vara ett tal"),
])
def test_widget_bad_input_gives_a_swedish_message_not_a_traceback(field, raw, message):
    form = kansla_widget(200_000)
    out = form.submit(**{field: raw})
    assert form.last_result is None
    assert message in out
    assert "Traceback" not in form.result_html and "role=\"alert\"" in form.result_html


# -- the follow-up file without code (content.followup, widgets.uppfoljning.FollowupWidget) --------------------
import io

import pandas as pd

from upphandlingskurs.content import followup as fu
from upphandlingskurs.content.data import clean_followup, load_followup, load_municipalities

SWEDISH_CSV = ("Kommun;Klausul;Mål (antal);Utfall (antal)\n"
               "Ale;Anställning;4;3\nAle;Dialog;2,0;\nLerum;Anställning;3;3\n").encode("cp1252")


def test_course_file_figures_match_the_exercise_answers():
    raw = load_followup()
    overview = fu.file_overview(raw)
    assert (overview["rader"], overview["dubbletter"]) == (296, 6)
    std = fu.course_file()
    per_kommun = fu.summarise(std, "kommun")
    assert len(per_kommun) == 13
    assert per_kommun.loc["Mölndal", "mal"] == 89
    total = fu.summarise(std, None).iloc[0]
    assert total["andel_nadde_malet"] == 61.3 and total["saknar_utfall"] == 19
    clean = clean_followup(raw)
    assert fu.missing_table(clean).loc["I arbete 12 månader efter platsen", "Avtal utan uppgift"] == 128
    assert fu.retention(clean)["andel_kvar_procent"] == 85.3
    per_inv = fu.per_inhabitant(std, load_municipalities().set_index("kommun")["folkmangd"])
    assert per_inv.index[0] == "Öckerö"
    variants = fu.summarise(std, "variant")
    assert variants.loc["Anställning eller praktik", "andel_nadde_malet"] > variants.loc["Dialog", "andel_nadde_malet"]


def test_missing_outcomes_are_not_counted_as_zero():
    std = pd.DataFrame({"kommun": ["A", "A", "A"], "variant": ["x"] * 3,
                        "mal": pd.array([2, 2, 2], dtype="Float64"), "utfall": pd.array([2, None, 0], dtype="Float64")})
    row = fu.summarise(std, None).iloc[0]
    assert row["saknar_utfall"] == 1 and row["nadde_malet"] == 1
    assert row["andel_nadde_malet"] == 50.0  # of the two with an outcome, not of three
    assert "räknas inte som noll" in fu.summary_text(std)


def test_swedish_excel_csv_with_semicolons_and_decimal_commas():
    raw = fu.read_table(SWEDISH_CSV, filename="uppfoljning.csv")
    mapping = fu.guess_mapping(raw.columns)
    assert mapping == {"kommun": "Kommun", "variant": "Klausul", "mal": "Mål (antal)", "utfall": "Utfall (antal)"}
    std = fu.apply_mapping(raw, mapping)
    assert std["mal"].tolist() == [4.0, 2.0, 3.0]
    assert std["utfall"].isna().tolist() == [False, True, False]
    assert fu.summarise(std, "kommun").loc["Ale", "saknar_utfall"] == 1
    assert raw.shape == (3, 4)  # the participant's table is unchanged


def test_xlsx_file(tmp_path):
    path = tmp_path / "egen.xlsx"
    pd.DataFrame({"kommun": ["Ale", "Tjörn"], "krav_antal_platser": [3, 5], "tillsatta_kv4": [3, None]}).to_excel(path, index=False)
    std = fu.apply_mapping(fu.read_table(path), fu.guess_mapping(["kommun", "krav_antal_platser", "tillsatta_kv4"]))
    assert fu.summarise(std, "kommun").loc["Tjörn", "saknar_utfall"] == 1
    assert (std["variant"] == "(ingen variant angiven)").all()


@pytest.mark.parametrize("mapping, message", [
    ({"kommun": "Kommun", "mal": "Mål (antal)"}, "Välj vilken kolumn som är \\*\\*Utfall"),
    ({"kommun": "Kommun", "mal": "Mål", "utfall": "Utfall (antal)"}, "Kolumnen 'Mål' finns inte i filen"),
    ({"kommun": "Kommun", "mal": "Utfall (antal)", "utfall": "Utfall (antal)"}, "Samma kolumn är vald för två roller"),
    ({"kommun": "Kommun", "mal": "Klausul", "utfall": "Utfall (antal)"}, "ska bara innehålla tal, men har text: rad 2: ”Anställning”"),
])
def test_wrong_column_mapping_gets_a_swedish_message(mapping, message):
    raw = fu.read_table(SWEDISH_CSV, filename="fil.csv")
    with pytest.raises(InputError, match=message):
        fu.apply_mapping(raw, mapping)


@pytest.mark.parametrize("data, name, message", [
    (b"", "tom.csv", "är tom"),
    (b"%PDF-1.4", "rapport.pdf", "varken CSV eller Excel"),
    (b"not a workbook", "trasig.xlsx", "Excelfilen trasig.xlsx gick inte att läsa"),
])
def test_wrong_file_gets_a_swedish_message(data, name, message):
    with pytest.raises(InputError, match=message):
        fu.read_table(data, filename=name)


def test_followup_widget_headless():
    from upphandlingskurs.widgets.uppfoljning import followup_widget

    w = followup_widget()
    assert w.show() == "Välj först en fil."
    assert "3 rader och 4 kolumner" in w.load(SWEDISH_CSV, "fil.csv")
    assert w.dropdowns["utfall"].value == "Utfall (antal)"
    w.choose(variant="Klausul")
    text = w.show()
    assert "**3 avtal**" in text and "**1 saknar**" in text
    w.choose(variant=fu.NO_COLUMN, mal="Klausul")
    assert "ska bara innehålla tal" in w.show() and w.std is None
    assert "varken CSV eller Excel" in w.load(b"x", "bild.png")


def test_chart_has_alt_text_with_the_figures():
    from upphandlingskurs.widgets.uppfoljning import followup_chart

    fig, alt = followup_chart(fu.summarise(fu.course_file(), "kommun"), "kommun")
    assert fig.axes[0].get_title() and fig.axes[0].get_xlabel() == "Antal platser"
    assert alt.startswith("Stapeldiagram") and "Mölndal: mål 89" in alt


def test_calculator_intro_names_the_no_deadweight_assumption_and_no_floor():
    from upphandlingskurs.widgets import uppfoljning
    import inspect
    src = inspect.getsource(uppfoljning.kansla_widget)
    assert "ett golv" not in src and "inget golv" in src and "ingen dödvikt" in src


# -- legal review 04 item 15 / participant items 3-4, 10, 13-14: personal data, cleaning, chart -----------------
@pytest.mark.parametrize("csv, what", [
    ("kommun;mal;utfall;personnummer\nAle;2;1;\n", "personnummer"),
    ("Kommun;Namn;Mål (antal);Utfall (antal)\nAle;Anna Ek;2;1\n", "Namn"),
    ("Kommun;Kommentar;Mål (antal);Utfall (antal)\nAle;gäller 850101-1234;2;1\n", "Kommentar"),
    ("Kommun;id;Mål (antal);Utfall (antal)\nAle;198501011234;2;1\n", "id"),
])
def test_file_with_names_or_personnummer_is_refused_and_not_processed(csv, what):
    from upphandlingskurs.widgets.uppfoljning import followup_widget

    raw = fu.read_table(csv.encode(), filename="fil.csv")
    with pytest.raises(InputError, match="Filen verkar innehålla personuppgifter"):
        fu.check_no_personal_data(raw)
    w = followup_widget()
    msg = w.load(csv.encode(), "fil.csv")
    assert "Filen verkar innehålla personuppgifter" in msg and what in msg
    assert w.raw is None and w.show() == "Välj först en fil."


@pytest.mark.parametrize("value", ["2023-03-01", "30390000", "556677-8899", "SYN-2024-001", "1234567890", 4.0])
def test_dates_amounts_and_organisation_numbers_are_not_taken_for_personnummer(value):
    assert not fu.looks_like_personnummer(value)


def test_kommunnamn_column_and_the_course_file_are_not_flagged():
    from upphandlingskurs.content.data import load_followup

    assert fu.personal_data_findings(load_followup()) == []
    assert fu.personal_data_findings(fu.read_table(b"Kommunnamn;Mal\nAle;2\n", filename="f.csv")) == []


OWN_FILE = ("Kommun;Villkorsvariant;Mål (antal);Utfall (antal)\n"
            "Göteborgs Stad;Dialog;4;3\n"
            "Göteborgs Stad;Dialog;4;3\n"          # exact duplicate
            "GÖTEBORG;Dialog;2;ej rapporterat\n"   # a word for missing
            "molndal;Anställning eller praktik;3;Saknas\n"
            ";;;\n"                                # empty row as Excel writes it
            "Borås;Dialog;1;1\n").encode("utf-8")


def test_own_file_is_cleaned_like_the_course_file_and_the_cleaning_is_reported():
    raw = fu.read_table(OWN_FILE, filename="egen.csv")
    std, report = fu.prepare_own_file(raw, fu.guess_mapping(raw.columns))
    assert report["rader"] == 6 and report["tomma_rader"] == 1 and report["dubbletter"] == 1
    assert report["saknas_ord"] == 2 and report["rader_kvar"] == 4 and report["rattade_namn"] == 3
    assert sorted(std["kommun"].unique()) == ["Borås", "Göteborg", "Mölndal"]
    assert report["okanda_kommuner"] == ["Borås"]
    per = fu.summarise(std, "kommun")
    assert per.loc["Göteborg", "avtal"] == 2 and per.loc["Göteborg", "saknar_utfall"] == 1
    text = fu.cleaning_text(report)
    assert "1 tomma rader" in text.replace("\u00a0", " ") and "exakta dubbletter" in text and "Borås" in text


def test_missing_words_count_as_missing_never_as_zero():
    raw = fu.read_table(OWN_FILE, filename="egen.csv")
    std, _ = fu.prepare_own_file(raw, fu.guess_mapping(raw.columns))
    assert int(std["utfall"].isna().sum()) == 2
    row = fu.summarise(std, None).iloc[0]
    assert row["saknar_utfall"] == 2 and row["andel_nadde_malet"] == 50.0   # 1 of the 2 with outcome


def test_widget_cleans_the_own_file_and_reports_it():
    from upphandlingskurs.widgets.uppfoljning import followup_widget

    w = followup_widget()
    w.load(OWN_FILE, "egen.csv")
    text = w.show()
    assert "Så städades filen" in text and "dubbletter" in text and "**4 avtal**" in text
    assert w.upload.accept == ".csv,.xlsx,.xls"


def test_widget_notice_says_the_file_is_uploaded_to_the_server():
    from upphandlingskurs.widgets.uppfoljning import UPLOAD_NOTICE

    assert "kursens server" in UPLOAD_NOTICE and "dataskyddsombudet" in UPLOAD_NOTICE
    assert "skickas ingenstans" not in UPLOAD_NOTICE


def test_widget_error_message_shows_bold_as_html_not_asterisks():
    from upphandlingskurs.widgets.uppfoljning import followup_widget

    w = followup_widget()
    w.load(b"a;b\n1;2\n", "fil.csv")
    w.show()
    assert "**" not in w.message.value and "<b>" in w.message.value


def test_chart_target_bars_use_only_contracts_with_an_outcome():
    from upphandlingskurs.widgets.uppfoljning import followup_chart

    per = fu.summarise(fu.course_file(), "kommun")
    assert per.loc["Stenungsund", "mal"] == 79 and per.loc["Stenungsund", "mal_med_utfall"] == 59
    fig, alt = followup_chart(per, "kommun")
    bars = fig.axes[0].containers[0]
    widths = {label.get_text(): bar.get_width() for label, bar in zip(fig.axes[0].get_yticklabels(), bars)}
    assert widths["Stenungsund"] == 59
    assert "Stenungsund: mål 59" in alt and "bara för avtal som har rapporterat utfall" in alt


def test_swedish_table_shows_counts_as_whole_numbers_and_the_comparable_target():
    table = fu.swedish_table(fu.summarise(fu.course_file(), "variant"))
    assert str(table["Mål (platser)"].dtype) == "Int64"
    assert table.loc["Dialog", "Mål i avtal med utfall (platser)"] == 103


def test_summary_text_names_deadweight_and_displacement():
    text = fu.summary_text(fu.course_file())
    assert "dödvikt" in text and "undanträngning" in text


# -- annex review findings 17-18: the supplier reports counts, the municipality follows up after the place --------
import json
import re
from pathlib import Path

import nbformat

from upphandlingskurs.content.reporting_template import COLUMNS, instruction_lines

ROOT = Path(__file__).resolve().parents[2]
COURSE_04 = ROOT / "course" / "04_uppfoljning.ipynb"
SOLUTION_04 = ROOT / "solutions" / "04_uppfoljning" / "04_uppfoljning.ipynb"


def _cells(path):
    return {c.get("id"): c for c in nbformat.read(path, as_version=4).cells}


def _markdown(path):
    return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")


def test_module04_no_longer_asks_the_supplier_to_report_after_the_place_or_after_the_contract():
    text = _markdown(COURSE_04)
    assert "skyldigheten gäller också då" not in text
    assert "Gäller rapporteringen tid efter att avtalet har löpt ut" not in text
    assert "arbete efter 6 och 12 månader – och skriv in rapporteringen" not in text
    # the same rule as the annex (part B5) and the template's instruction sheet
    assert "inte följa upp personer efter att platsen har tagit slut" in text
    assert any("Följ inte upp personer som har slutat hos er" in line for line in instruction_lines())
    assert not [c.header for c in COLUMNS if "efter platsen" in c.header or "6/12" in c.header]


def test_module04_table_says_who_collects_each_measure():
    section = _cells(COURSE_04)["cell-003"].source
    assert "| Steg | Fråga | Mått (exempel) | Vem | När |" in section
    result = next(line for line in section.splitlines() if line.startswith("| **Resultat**"))
    assert "kommunen" in result and "inte leverantören" in result and "medverkan" in result
    activity = next(line for line in section.splitlines() if line.startswith("| **Aktivitet**"))
    assert "leverantören" in activity and "heltidsmånader" in activity


def test_module04_names_what_the_supplier_reports_as_the_template_does():
    section = _cells(COURSE_04)["cell-003"].source
    headers = " ".join(c.header for c in COLUMNS)
    for measure in ("tillsatta platser", "fullgjorda", "heltid"):
        assert measure in section and measure in headers, measure


def test_module04_does_not_assert_a_legal_basis_but_says_it_must_be_established():
    section = _cells(COURSE_04)["cell-003"].source
    assert "oftast att behandlingen behövs" not in section
    assert "måste alltså vara utredd" in section and "artikel 6.1 e" in section and "13–14" in section
    assert "artikel 5.1 b och c" in section


def test_module04_key_points_split_the_supplier_report_and_the_municipality_follow_up():
    key = _cells(COURSE_04)["cell-032"].source
    chain = next(line for line in key.splitlines() if line.startswith("- Mät hela kedjan"))
    assert "leverantörens rapport" in chain and "kommunens egen uppföljning" in chain
    assert "följer inte upp personer efter platsen" in key


def test_module04_describes_the_synthetic_file_as_two_sources_with_real_column_names():
    note = _cells(COURSE_04)["cell-006"].source
    assert "syntetiska" in note and "Leverantörens rapport" in note and "Kommunens egen uppföljning" in note
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"] for r in package["resources"] if r["name"] == "uppfoljning_sysselsattningskrav"
              for f in r["schema"]["fields"]}
    named = set(re.findall(r"`([a-z_0-9]+)`", note))
    assert {"i_arbete_6_man", "i_arbete_12_man", "krav_antal_platser", "tillsatta_kv4"} <= named <= fields


def _points(nb_cells):
    return sum(c.metadata["nbgrader"].get("points", 0) for c in nb_cells.values()
               if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code")


def test_exercise04_question9_is_a_judgement_with_a_letter_and_keeps_its_points():
    cells = _cells(SOLUTION_04)
    assert "Vad visar andelen" in cells["fraga_9"].source
    for letter in "ABCD":
        assert f"- **{letter}**" in cells["fraga_9"].source
    assert 'svar_9 = "B"' in cells["svar_9"].source and "None" in cells["svar_9"].source
    test = cells["test_svar_9"]
    assert test.metadata["nbgrader"]["points"] == 3 and 'kind="bokstav"' in test.source
    assert "is_correct(svar_9, 'B'" in test.source
    assert _points(cells) == 17 and "**17 poäng** som rättas automatiskt" in cells["intro"].source


def test_exercise04_question11_rubric_and_example_answer_follow_the_annex():
    cells = _cells(SOLUTION_04)
    question, example = cells["fraga_11"].source, cells["svar_11"].source
    assert "räknas inte som en av de två åtgärderna" in question and "5.1 b–c" in question
    assert "efter att avtalet har löpt ut" not in example
    for sentence in re.split(r"(?<=[.:;])\s", example):
        if "leverantören ska rapportera" in sentence or "be leverantören" in sentence.lower():
            assert "6 och 12" not in sentence, sentence
    assert "kommunen själv" in example and "dataskyddsombudet" in example and "13 och 14" in example
    assert "fullgjorda heltidsmånader" in example and "17 kap. 1 § LOU" in example
