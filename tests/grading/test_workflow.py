"""The instructor's whole cycle with the `kurs` CLI: hand out, collect (e-mailed files and the hub's exchange),
grade, feedback in Swedish without hidden tests, export to CSV and Excel, overview."""
from __future__ import annotations

import csv
import hashlib
import os
import zipfile

import nbformat
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from grading_helpers import MODULE, REPO, make_course
from corpus import Material
from upphandlingskurs.cli import app, formgrader_command
from upphandlingskurs.grading import collect
from upphandlingskurs.grading.course import Course

# one worker runs the whole module: its fixture grades a batch once (make test uses --dist loadgroup)
pytestmark = [pytest.mark.nbgrader, pytest.mark.xdist_group("grading:kursledarcykel")]
runner = CliRunner()
PARTICIPANTS = """id;förnamn;efternamn;e-post;alias
anna.svensson;Anna;Svensson;anna.svensson@ale.se;
bo.ek;Bo;Ek;bo.ek@lerum.se;Bosse
cecilia.oberg;Cecilia;Öberg;cecilia.oberg@molndal.se;
"""


def kurs(root, *args):
    result = runner.invoke(app, [*args, "--kurs", str(root)])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def folder_hash(path):
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file())).hexdigest()


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    base = tmp_path_factory.mktemp("cykel")
    root = make_course(base / "kurs")
    m = Material(REPO, MODULE, root)
    mail = base / "inkorg"
    mail.mkdir()
    nbformat.write(m.copy(), mail / f"Anna Svensson - {m.nb_name}")
    (mail / "bo.ek@lerum.se").mkdir()
    nbformat.write(m.copy(), mail / "bo.ek@lerum.se" / "min övning.ipynb")
    with zipfile.ZipFile(mail / "lms-export.zip", "w") as zf:
        zf.writestr(f"Öberg Cecilia_12345_assignsubmission_file_/{m.nb_name}", nbformat.writes(m.copy("release")))
    nbformat.write(m.copy(), mail / "okänd person.ipynb")
    (mail / "Anna.txt").write_text("bara ett förnamn", encoding="utf-8")
    people = base / "deltagare.csv"
    people.write_text(PARTICIPANTS, encoding="utf-8")
    before = folder_hash(mail)
    out = {"collect": kurs(root, "samla-in", MODULE, "--fran-mapp", str(mail), "--deltagare", str(people))}
    out["mail_unchanged"] = before == folder_hash(mail)
    out["grade"] = kurs(root, "rätta", MODULE, "--tidsgrans", "20")
    out["feedback"] = kurs(root, "återkoppling", MODULE)
    out["export"] = kurs(root, "exportera", "--till", str(base / "resultat"))
    out["overview"] = kurs(root, "oversikt")
    return dict(root=root, base=base, m=m, mail=mail, people=people, out=out)


def test_participant_list_and_file_name_matching():
    people = [collect.Participant("anna.svensson", "Anna", "Svensson", "anna.svensson@ale.se"),
              collect.Participant("anna.berg", "Anna", "Berg", "anna.berg@ale.se"),
              collect.Participant("cecilia.oberg", "Cecilia", "Öberg", "", ["Cissi"])]
    assert collect.match("Anna Svensson - 00_kom_igang.ipynb", people)[0].id == "anna.svensson"
    assert collect.match("svenssonanna_4711_late_00_kom_igang.ipynb", people)[0].id == "anna.svensson"
    assert collect.match("ANNA.BERG@ALE.SE/övning.ipynb", people)[0].id == "anna.berg"
    assert collect.match("oberg_cecilia.ipynb", people)[0].id == "cecilia.oberg"
    assert collect.match("Cissi.ipynb", people)[0].id == "cecilia.oberg"
    who, why = collect.match("Anna.ipynb", people)
    assert who is None and "ingen" in why
    who, why = collect.match("Anna Svensson och Anna Berg.ipynb", people)
    assert who is None and "flera" in why


def test_participant_list_errors_are_swedish(tmp_path):
    bad = tmp_path / "lista.csv"
    bad.write_text("namn,mejl\nAnna,a@b.se\n", encoding="utf-8")
    with pytest.raises(collect.CourseError, match="kolumn 'id'"):
        collect.read_participants(bad)
    bad.write_text("id;förnamn\nanna svensson;Anna\n", encoding="utf-8")
    with pytest.raises(collect.CourseError, match="får bara innehålla"):
        collect.read_participants(bad)
    ok = tmp_path / "excel.csv"
    ok.write_bytes("id;förnamn;efternamn\nbo.ek;Bo;Ek\n".encode("cp1252"))
    assert collect.read_participants(ok)[0].first_name == "Bo"


def test_collect_from_folder_maps_files_and_keeps_unmatched(cycle):
    root, m = cycle["root"], cycle["m"]
    for pid in ("anna.svensson", "bo.ek", "cecilia.oberg"):
        assert (root / "submitted" / pid / MODULE / m.nb_name).is_file(), pid
    assert (root / "omatchade" / MODULE / "okänd person.ipynb").is_file()
    assert (root / "omatchade" / MODULE / "Anna.txt").is_file()
    assert "okänd person.ipynb" in cycle["out"]["collect"]
    assert cycle["out"]["mail_unchanged"], "the source folder must never change"
    with Course(root).gradebook() as gb:
        assert gb.find_student("cecilia.oberg").last_name == "Öberg"


def test_collecting_again_archives_a_replaced_submission(cycle, tmp_path):
    root, m = cycle["root"], cycle["m"]
    again = tmp_path / "ny"
    again.mkdir()
    nbformat.write(m.copy("release"), again / "anna_svensson.ipynb")
    old = (root / "submitted" / "anna.svensson" / MODULE / m.nb_name).read_bytes()
    people = collect.read_participants(cycle["people"])
    course = Course(root)
    rep = collect.collect_folder(course, MODULE, again, people)
    assert "anna.svensson" in rep.replaced
    assert (root / rep.replaced["anna.svensson"] / m.nb_name).read_bytes() == old
    rep2 = collect.collect_folder(course, MODULE, again, people)
    assert rep2.unchanged == ["anna.svensson"] and not rep2.collected
    # put the original back for the other tests
    (root / "submitted" / "anna.svensson" / MODULE / m.nb_name).write_bytes(old)


def test_grading_lists_everyone(cycle):
    out = cycle["out"]["grade"]
    for pid in ("anna.svensson", "bo.ek", "cecilia.oberg"):
        assert pid in out
    assert "3 rättade, 0 gick inte att rätta" in out


def test_feedback_is_swedish_and_hides_hidden_tests(cycle):
    root = cycle["root"]
    pages = list((root / "feedback" / "anna.svensson" / MODULE).glob("*.html"))
    assert pages
    html = pages[0].read_text(encoding="utf-8")
    assert "Poäng:" in html and "Ditt svar" in html and 'lang="sv"' in html
    assert "HIDDEN TESTS" not in html and "Score:" not in html
    assert 'svar_1.strip().upper() == "B"' not in html.replace("&quot;", '"')


def test_export_has_swedish_columns_and_a_summary(cycle):
    target = cycle["base"] / "resultat"
    wb = load_workbook(target / "resultat.xlsx")
    assert wb.sheetnames[:2] == ["Sammanfattning", "Resultat per modul"]
    header = [c.value for c in wb["Resultat per modul"][1]]
    assert header[:6] == ["Deltagare", "Förnamn", "Efternamn", "E-post", "Modul", "Status"]
    rows = {r[0]: dict(zip(header, r)) for r in wb["Resultat per modul"].iter_rows(min_row=2, values_only=True)}
    m = cycle["m"]
    with Course(cycle["root"]).gradebook() as gb:
        full = gb.find_assignment(MODULE).max_code_score
    assert rows["anna.svensson"]["Automatiskt rättade poäng"] == full
    assert rows["cecilia.oberg"]["Automatiskt rättade poäng"] == 0
    assert rows["anna.svensson"]["Väntar på manuell rättning"] == "ja"
    summary = [c.value for c in wb["Sammanfattning"][1]]
    assert "Inlämnade moduler" in summary and "Moduler som saknas" in summary
    with open(target / "resultat.csv", encoding="utf-8-sig") as f:
        csv_rows = list(csv.DictReader(f, delimiter=";"))
    assert {r["Deltagare"] for r in csv_rows} == set(rows)
    assert (target / "sammanfattning.csv").is_file()


def test_overview_counts(cycle):
    out = cycle["out"]["overview"]
    assert MODULE in out and "Inlämnat" in out
    row = next(line for line in out.splitlines() if MODULE in line)
    assert [c.strip() for c in row.strip("│ ").split("│")][1:4] == ["3", "3", "0"]   # submitted, graded, failed
    assert "cecilia.oberg" in out


def test_hand_out_as_zip(cycle, tmp_path):
    out = kurs(cycle["root"], "dela-ut", MODULE, "--till-mapp", str(tmp_path))
    with zipfile.ZipFile(tmp_path / f"{MODULE}.zip") as zf:
        assert f"{MODULE}/{cycle['m'].nb_name}" in zf.namelist()
    assert "Klart" in out


def test_unknown_module_gives_a_swedish_error(cycle):
    result = runner.invoke(app, ["rätta", "99_finns_inte", "--kurs", str(cycle["root"])])
    assert result.exit_code == 1
    assert "finns inte" in result.output


def test_formgrader_command_binds_to_localhost(cycle):
    cmd = formgrader_command(Course(cycle["root"]), 8899, False, "abc123")
    assert "--ServerApp.ip=127.0.0.1" in cmd and "--ServerApp.default_url=/formgrader" in cmd
    assert "--IdentityProvider.token=abc123" in cmd
    assert "--no-browser" in cmd


def test_help_is_swedish():
    out = runner.invoke(app, ["--help"]).output
    for word in ("oversikt", "dela-ut", "samla-in", "rätta", "formgrader", "återkoppling", "exportera",
                 "Kommandon", "Visa den här hjälpen"):
        assert word in out, word


def test_hand_out_and_collect_through_the_exchange(tmp_path, monkeypatch):
    """dela-ut → a participant fetches and submits with nbgrader → samla-in (hub exchange)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeSubmit
    from traitlets.config import Config

    exchange = tmp_path / "exchange"
    monkeypatch.setenv("KURS_EXCHANGE", str(exchange))
    root = make_course(tmp_path / "kurs")
    kurs(root, "dela-ut", MODULE)
    course = Course(root)
    cfg = Config()
    cfg.Exchange.root = str(exchange)
    cfg.CourseDirectory.course_id = course.course_id
    cfg.CourseDirectory.assignment_id = MODULE
    home = tmp_path / "deltagare"
    home.mkdir()
    monkeypatch.chdir(home)
    auth = Authenticator(config=cfg)
    ExchangeFetchAssignment(coursedir=CourseDirectory(config=cfg), authenticator=auth, config=cfg).start()
    assert (home / MODULE).is_dir()
    ExchangeSubmit(coursedir=CourseDirectory(config=cfg), authenticator=auth, config=cfg).start()
    out = kurs(root, "samla-in", MODULE)
    collected = course.submitted(MODULE)
    assert len(collected) == 1, out
    assert "Nya eller ändrade: 1" in out


def test_regrading_keeps_manual_points(cycle):
    """`kurs rätta --om` grades again from scratch but keeps what the instructor set by hand."""
    root = cycle["root"]
    course = Course(root)
    with course.gradebook() as gb:
        sub = gb.find_submission(MODULE, "anna.svensson")
        manual = next(g for nb in sub.notebooks for g in nb.grades if g.cell_type == "markdown")
        manual.manual_score = 2
        gb.db.commit()
        ids = (manual.name, manual.notebook.name)
    kurs(root, "rätta", MODULE, "--om", "--deltagare", "anna.svensson", "--tidsgrans", "20")
    with course.gradebook() as gb:
        grade = gb.find_grade(ids[0], ids[1], MODULE, "anna.svensson")
        assert grade.manual_score == 2
        assert gb.find_submission(MODULE, "anna.svensson").code_score == gb.find_assignment(MODULE).max_code_score


def test_zip_members_that_point_outside_are_refused_and_reported(tmp_path):
    root = make_course(tmp_path / "kurs")
    folder = tmp_path / "export"
    folder.mkdir()
    with zipfile.ZipFile(folder / "lms.zip", "w") as zf:
        zf.writestr("../../utanfor.ipynb", "{}")
        zf.writestr("Anna Svensson/00.ipynb", "{}")
    people = [collect.Participant("anna.svensson", "Anna", "Svensson")]
    rep = collect.collect_folder(Course(root), MODULE, folder, people)
    assert "lms.zip/../../utanfor.ipynb" in rep.unmatched
    assert not (tmp_path / "utanfor.ipynb").exists() and not (root.parent / "utanfor.ipynb").exists()
    assert list(rep.collected) == ["anna.svensson"]
