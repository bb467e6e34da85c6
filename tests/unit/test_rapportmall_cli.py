"""`kurs rapportmall`: the supplier reporting template for the instructor, without overwriting a filled-in one."""
from openpyxl import load_workbook
from typer.testing import CliRunner

from upphandlingskurs.cli import app
from upphandlingskurs.content.reporting_template import COLUMNS, DATA_SHEET, TEMPLATE_STEM


def _text(result) -> str:
    return " ".join(result.output.split())   # rich wraps long lines


def test_writes_the_template_with_the_annex_columns(tmp_path):
    result = CliRunner().invoke(app, ["rapportmall", "--till", str(tmp_path / "till_leverantoren")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "till_leverantoren" / f"{TEMPLATE_STEM}.xlsx"
    assert path.name in result.output.replace("\n", "")
    ws = load_workbook(path)[DATA_SHEET]
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    assert "personuppgifter" in _text(result)


def test_a_filled_in_template_is_never_overwritten_without_asking(tmp_path):
    CliRunner().invoke(app, ["rapportmall", "--till", str(tmp_path)])
    path = tmp_path / f"{TEMPLATE_STEM}.xlsx"
    wb = load_workbook(path)
    wb[DATA_SHEET]["A2"] = "Mölndal"
    wb.save(path)
    again = CliRunner().invoke(app, ["rapportmall", "--till", str(tmp_path)])
    assert again.exit_code == 1 and "lämnas orörd" in _text(again) and "--skriv-over" in _text(again)
    assert load_workbook(path)[DATA_SHEET]["A2"].value == "Mölndal"
    forced = CliRunner().invoke(app, ["rapportmall", "--till", str(tmp_path), "--skriv-over"])
    assert forced.exit_code == 0 and load_workbook(path)[DATA_SHEET]["A2"].value is None


def test_a_file_instead_of_a_folder_gets_a_swedish_message(tmp_path):
    (tmp_path / "fil").write_text("x")
    result = CliRunner().invoke(app, ["rapportmall", "--till", str(tmp_path / "fil")])
    assert result.exit_code == 1 and "är en fil, inte en mapp" in _text(result)
    assert (tmp_path / "fil").read_text() == "x"
