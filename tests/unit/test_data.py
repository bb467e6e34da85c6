"""Data files and loaders: good files load with the described types; broken files give Swedish messages."""
import importlib.util
import json
import shutil

import pandas as pd
import pytest

from conftest import REPO
from upphandlingskurs.content import data
from upphandlingskurs.content.data import DataError

FOLLOWUP = "uppfoljning_sysselsattningskrav.csv"


@pytest.fixture
def data_copy(tmp_path):
    dest = tmp_path / "data"
    shutil.copytree(REPO / "data", dest)
    return dest


def edit_csv(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# -- the real files --------------------------------------------------------------------------------
def test_municipalities_are_the_13_gr_members_with_a_date_for_every_figure():
    k = data.load_municipalities(REPO / "data")
    assert sorted(k["kommun"]) == sorted(data.GR_MUNICIPALITIES)
    assert k["folkmangd"].notna().all() and (k["folkmangd"] > 10_000).all()
    assert str(k["datum"].dtype).startswith("datetime64")
    assert set(k["datum"].dt.strftime("%Y-%m-%d")) <= {"2023-12-31", "2024-12-31", "2025-09-30"}
    # figures from the fact base (§5.1, ✅ only)
    row = k.set_index("kommun")
    assert row.loc["Göteborg", "folkmangd"] == 608_993
    assert row.loc["Stenungsund", "datum"] == pd.Timestamp("2025-09-30")
    assert row.loc["Kungsbacka", "folkmangd"] == 85_653 and row.loc["Kungsbacka", "lan"] == "Hallands län"
    # 2024 figures for Tjörn and Öckerö from the fact base's supplement (Lucka 6, secondary source)
    assert row.loc["Tjörn", "folkmangd"] == 16_092 and row.loc["Tjörn", "datum"] == pd.Timestamp("2024-12-31")
    assert row.loc["Öckerö", "folkmangd"] == 12_771 and row.loc["Öckerö", "datum"] == pd.Timestamp("2024-12-31")
    assert "Sekundär källa" in row.loc["Tjörn", "anmarkning"]


def test_followup_is_marked_synthetic_everywhere():
    desc = data.read_descriptor(REPO / "data")
    by_name = {r["name"]: r for r in desc["resources"]}
    assert by_name["uppfoljning_sysselsattningskrav"]["synthetic"] is True
    assert "SYNTETISK" in by_name["uppfoljning_sysselsattningskrav"]["title"].upper()
    assert by_name["gr_kommuner"]["synthetic"] is False
    df = data.load_followup(REPO / "data")
    assert df["syntetisk"].all()
    assert df["avtal_id"].str.startswith("SYN-").all()


def test_every_resource_has_source_licence_and_typed_fields():
    desc = data.read_descriptor(REPO / "data")
    for res in desc["resources"]:
        assert res["sources"] and res["licenses"] and res["title"] and res["description"]
        assert isinstance(res["synthetic"], bool)
        assert (REPO / "data" / res["path"]).is_file()
        header = (REPO / "data" / res["path"]).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == [f["name"] for f in res["schema"]["fields"]]
        assert all(f["type"] in data._PANDAS_TYPES for f in res["schema"]["fields"])


def test_followup_is_messy_like_real_reports():
    df = data.load_followup(REPO / "data")
    assert 250 <= len(df) <= 400
    assert df["kommun"].nunique() > 13                    # spelled in different ways
    assert df["i_arbete_12_man"].isna().sum() > 50         # outcome often not reported
    assert df.duplicated().sum() > 0                       # some contracts reported twice
    assert not df["avtalsstart"].dropna().str.match(r"^\d{4}-\d\d-\d\d$").all()  # dates as text


def test_regenerating_the_synthetic_file_reproduces_it_byte_for_byte():
    spec = importlib.util.spec_from_file_location("gen", REPO / "scripts" / "generate_synthetic_followup.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.to_csv(gen.generate_rows()) == (REPO / "data" / FOLLOWUP).read_text(encoding="utf-8")
    assert gen.to_csv(gen.generate_rows(seed=1)) != gen.to_csv(gen.generate_rows())


def test_parameters_have_source_status_and_caveat():
    p = data.load_parameters(REPO / "data")
    assert p["url"].str.startswith("http").all()
    assert data.parameter("vinst_per_person_12_man", REPO / "data") == 200_000
    caveat = p.set_index("parameter").loc["vinst_per_person_12_man", "forbehall"]
    assert "undanträngning" in caveat


def test_each_load_returns_a_fresh_copy():
    a = data.load_followup(REPO / "data")
    a.loc[0, "kommun"] = "ändrad"
    assert data.load_followup(REPO / "data").loc[0, "kommun"] != "ändrad"


# -- finding the data directory ---------------------------------------------------------------------
def test_data_dir_is_found_from_a_subfolder(tmp_path, data_copy, monkeypatch):
    monkeypatch.delenv(data.DATA_ENV, raising=False)
    deep = tmp_path / "autograded" / "anna" / "04_uppfoljning"
    deep.mkdir(parents=True)
    assert data.find_data_dir(deep) == data_copy


def test_environment_variable_overrides(tmp_path, data_copy, monkeypatch):
    monkeypatch.setenv(data.DATA_ENV, str(data_copy))
    assert data.find_data_dir(REPO) == data_copy
    monkeypatch.setenv(data.DATA_ENV, str(tmp_path / "finns_inte"))
    with pytest.raises(DataError, match=data.DATA_ENV):
        data.find_data_dir()


# -- broken files ---------------------------------------------------------------------------------
def test_missing_file(data_copy):
    (data_copy / FOLLOWUP).unlink()
    with pytest.raises(DataError, match=f"Filen {FOLLOWUP} saknas"):
        data.load_followup(data_copy)


def test_renamed_column_is_named_with_a_hint(data_copy):
    edit_csv(data_copy / FOLLOWUP, "krav_antal_platser", "krav_platser")
    with pytest.raises(DataError) as err:
        data.load_followup(data_copy)
    msg = str(err.value)
    assert FOLLOWUP in msg and "\u201dkrav_antal_platser\u201d saknas" in msg and "krav_platser" in msg


def test_missing_column(data_copy):
    path = data_copy / "gr_kommuner.csv"
    df = pd.read_csv(path).drop(columns=["folkmangd"])
    df.to_csv(path, index=False)
    with pytest.raises(DataError, match="gr_kommuner.csv.*\n- Kolumnen \u201dfolkmangd\u201d saknas"):
        data.load_municipalities(data_copy)


def test_text_in_a_number_column_names_row_and_value(data_copy):
    edit_csv(data_copy / "gr_kommuner.csv", "608993", "ca 609 000")
    with pytest.raises(DataError) as err:
        data.load_municipalities(data_copy)
    msg = str(err.value)
    assert "gr_kommuner.csv" in msg and "\u201dfolkmangd\u201d ska innehålla heltal" in msg
    assert "rad 4" in msg and "ca 609 000" in msg


def test_decimal_in_an_integer_column(data_copy):
    edit_csv(data_copy / "gr_kommuner.csv", "32576", "32576.5")
    with pytest.raises(DataError, match="ska innehålla heltal, men rad 2 har \u201d32576.5\u201d"):
        data.load_municipalities(data_copy)


def test_bad_date(data_copy):
    edit_csv(data_copy / "gr_kommuner.csv", "2023-12-31", "31/12/2023")
    with pytest.raises(DataError, match="\u201ddatum\u201d ska innehålla datum"):
        data.load_municipalities(data_copy)


def test_negative_value_and_empty_required_value(data_copy):
    edit_csv(data_copy / "gr_kommuner.csv", "32576", "-5")
    edit_csv(data_copy / "gr_kommuner.csv", "Västra Götalands län", "")
    with pytest.raises(DataError) as err:
        data.load_municipalities(data_copy)
    msg = str(err.value)
    assert "\u201dfolkmangd\u201d ska vara minst 0" in msg and "\u201dlan\u201d får inte vara tom" in msg


def test_value_outside_the_allowed_list(data_copy):
    edit_csv(data_copy / FOLLOWUP, ",Dialog,", ",Samtal,")
    with pytest.raises(DataError, match="\u201dvillkorsvariant\u201d får bara innehålla"):
        data.load_followup(data_copy)


def test_corrupt_csv(data_copy):
    (data_copy / "gr_kommuner.csv").write_text("kommun,lan\nA,B,C,D\n\"", encoding="utf-8")
    with pytest.raises(DataError, match="gr_kommuner.csv är skadad"):
        data.load_municipalities(data_copy)


def test_binary_garbage_and_empty_file(data_copy):
    (data_copy / "gr_kommuner.csv").write_bytes(b"\xff\xfe\x00\x81\x82garbage")
    with pytest.raises(DataError, match="gr_kommuner.csv"):
        data.load_municipalities(data_copy)
    (data_copy / "gr_kommuner.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="gr_kommuner.csv är tom"):
        data.load_municipalities(data_copy)


def test_corrupt_descriptor(data_copy):
    (data_copy / "datapackage.json").write_text("{ inte json", encoding="utf-8")
    with pytest.raises(DataError, match="datapackage.json är skadad"):
        data.load_municipalities(data_copy)


def test_unknown_resource(data_copy):
    with pytest.raises(DataError, match="ingen fil med namnet"):
        data.load("finns_inte", data_copy)


def test_error_shows_only_the_message_in_a_notebook():
    err = DataError("Filen x.csv saknas")
    assert err._render_traceback_() == ["\u274c Filen x.csv saknas"]


# -- cleaning helpers -----------------------------------------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("Göteborg", "Göteborg"), ("Göteborgs Stad", "Göteborg"), ("GÖTEBORG", "Göteborg"), ("goteborg", "Göteborg"),
    ("Göteborgs stad ", "Göteborg"), ("Molndal", "Mölndal"), ("Mölndals stad", "Mölndal"),
    ("Lilla Edets kommun", "Lilla Edet"), ("Lilla edet", "Lilla Edet"), ("Alingsås kommun", "Alingsås"),
    ("Alingsas", "Alingsås"), ("Kungälvs kommun", "Kungälv"), ("Ockero", "Öckerö"), ("ALE", "Ale"),
    ("Stockholm", None), ("", None), (None, None), (float("nan"), None),
])
def test_normalise_municipality(raw, expected):
    assert data.normalise_municipality(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("2023-03-01", "2023-03-01"), ("2023/03/01", "2023-03-01"), ("2023.3.1", "2023-03-01"),
    ("20230301", "2023-03-01"), ("1 mars 2023", "2023-03-01"), (" 15 December 2024 ", "2024-12-15"),
])
def test_parse_date_text(raw, expected):
    assert data.parse_date_text(raw) == pd.Timestamp(expected)


@pytest.mark.parametrize("raw", ["", None, "snart", "31 smarch 2023", "2023-02-30", "01/03/2023"])
def test_unreadable_dates_become_nat(raw):
    assert pd.isna(data.parse_date_text(raw))


def test_clean_followup():
    raw = data.load_followup(REPO / "data")
    clean = data.clean_followup(raw)
    assert len(clean) == len(raw) - raw.duplicated().sum()
    assert set(clean["kommun"]) == set(data.GR_MUNICIPALITIES)
    assert clean["startdatum"].notna().sum() == raw.drop_duplicates()["avtalsstart"].notna().sum()
    assert clean["startdatum"].dropna().dt.year.between(2021, 2024).all()


def test_population_description_names_every_date_and_scbs_random_uncertainty():
    """The resource says which dates the figures have and carries SCB's note on its controlled random
    uncertainty from reference year 2025 (legal review 03–05, finding 31)."""
    import json

    from upphandlingskurs.content.data import load_municipalities
    from upphandlingskurs.content.datadir import find_data_dir

    package = json.loads((find_data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["path"] == "gr_kommuner.csv")
    dates = {str(d)[:10] for d in load_municipalities()["datum"]}
    for day in dates:
        assert day in resource["description"], day
    assert "slumpmässig osäkerhet" in resource["description"]
    assert any("FAQ-CKM" in s["path"] for s in resource["sources"])
