"""Results per question (`kurs oversikt --modul`, the Excel export's sheet per module) and course certificates
(`kurs intyg`), on a cohort graded in the test: one perfect submission, one with the first answer left out, one
untouched exercise, and a participant on the list who has submitted nothing."""
from __future__ import annotations

import nbformat
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

from grading_helpers import MODULE, REPO, make_course, require
from corpus import Material
from upphandlingskurs.cli import app
from upphandlingskurs.grading.course import Course
from upphandlingskurs.grading.overview import question_results

pytestmark = [pytest.mark.nbgrader, pytest.mark.xdist_group("grading:per_fraga")]
runner = CliRunner()
ROSTER = """id;förnamn;efternamn;e-post
anna.svensson;Anna;Svensson;anna.svensson@ale.se
bo.ek;Bo;Ek;bo.ek@lerum.se
cecilia.oberg;Cecilia;Öberg;cecilia.oberg@molndal.se
dora.lind;Dora;Lind;dora.lind@tjorn.se
"""


def kurs(root, *args, ok=True):
    result = runner.invoke(app, [*args, "--kurs", str(root)])
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    return result


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    base = tmp_path_factory.mktemp("per_fraga")
    root = make_course(base / "kurs")
    m = Material(REPO, MODULE, root)
    perfect, first_missing = m.copy(), m.copy()
    m.cell(first_missing, m.answer).source = m.stub(m.answer)
    for pid, nb in (("anna.svensson", perfect), ("bo.ek", first_missing), ("cecilia.oberg", m.copy("release"))):
        d = root / "submitted" / pid / MODULE
        d.mkdir(parents=True)
        nbformat.write(nb, d / m.nb_name)
    roster = base / "deltagare.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    kurs(root, "rätta", MODULE, "--tidsgrans", "20")
    return dict(root=root, base=base, m=m, roster=roster)


def _by_question(results):
    return {r.question: r for r in results}


def test_per_question_counts_match_the_cohort(cohort):
    m = cohort["m"]
    ids = ["anna.svensson", "bo.ek", "cecilia.oberg", "dora.lind"]
    results = _by_question(question_results(Course(cohort["root"]), MODULE, ids))
    first = results[m.test]
    assert (first.full, first.partial, first.zero, first.not_submitted) == (1, 0, 2, 1)
    assert first.share_full == pytest.approx(33.3) and first.mean == pytest.approx(m.answer_points / 3, abs=0.01)
    auto = [r for r in results.values() if r.kind == "automatisk"]
    assert all(r.scored == 3 and r.not_submitted == 1 for r in auto)
    others = [r for r in auto if r.question != m.test]
    assert others and all(r.full == 2 and r.zero == 1 for r in others)
    for r in results.values():
        if r.kind == "manuell":
            assert r.pending_manual + r.zero + r.full + r.partial == 3 and r.not_submitted == 1


def test_without_the_list_the_participant_without_submission_is_not_counted(cohort):
    results = question_results(Course(cohort["root"]), MODULE)
    assert all(r.not_submitted == 0 for r in results)


def test_overview_shows_results_per_question_without_names(cohort):
    out = kurs(cohort["root"], "oversikt", "--modul", MODULE, "--deltagare", str(cohort["roster"])).output
    assert "Resultat per fråga" in out and cohort["m"].test in out and "lämnad" in out
    table = out[out.index("Resultat per fråga"):]
    assert "anna.svensson" not in table and "Svensson" not in table
    assert "dora.lind" in out[:out.index("Resultat per fråga")]   # on the list of participants


def test_overview_refuses_an_unknown_module_and_a_missing_list_in_swedish(cohort):
    r = kurs(cohort["root"], "oversikt", "--modul", "99_finns_inte", ok=False)
    assert r.exit_code != 0 and "finns inte" in r.output
    r = kurs(cohort["root"], "oversikt", "--deltagare", str(cohort["base"] / "saknas.csv"), ok=False)
    assert r.exit_code != 0 and "Deltagarlistan" in r.output


def test_export_has_a_sheet_per_module_with_a_chart_and_everyone_in_the_summary(cohort):
    target = cohort["base"] / "resultat"
    kurs(cohort["root"], "exportera", "--till", str(target), "--deltagare", str(cohort["roster"]))
    wb = load_workbook(target / "resultat.xlsx")
    sheet = wb[f"Frågor {MODULE}"[:31]]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    first = rows[cohort["m"].test]
    assert (first["Full poäng"], first["Noll poäng"], first["Inte inlämnad"]) == (1, 2, 1)
    assert len(sheet._charts) == 1
    summary = {r[0]: r for r in wb["Sammanfattning"].iter_rows(min_row=2, values_only=True)}
    assert set(summary) == {"anna.svensson", "bo.ek", "cecilia.oberg", "dora.lind"}
    assert summary["dora.lind"][4] == 0 and MODULE in summary["dora.lind"][-1]   # nothing submitted, all missing


def test_certificates_only_for_completed_modules(cohort):
    try:
        import weasyprint  # noqa: F401 - needs Pango
    except (ImportError, OSError) as e:
        require(False, f"WeasyPrint kan inte läsas in: {e}")
    target = cohort["base"] / "intyg"
    out = kurs(cohort["root"], "intyg", "--till", str(target), "--deltagare", str(cohort["roster"]),
               "--datum", "2026-12-01", "--utfardare", "Göteborgsregionen (GR)").output
    files = sorted(p.name for p in target.glob("*.pdf"))
    assert files == ["kursintyg_anna.svensson.pdf", "kursintyg_bo.ek.pdf"]   # cecilia: zero points; dora: nothing
    assert "dora.lind" in out and "cecilia.oberg" in out
    reader = PdfReader(target / "kursintyg_anna.svensson.pdf")
    text = " ".join(reader.pages[0].extract_text().split())
    for words in ("Kursintyg", "Anna Svensson", "Modul 00", "Kom igång", "1 december 2026", "Göteborgsregionen (GR)"):
        assert words in text
    assert reader.trailer["/Root"]["/Lang"] == "sv" and "/StructTreeRoot" in reader.trailer["/Root"]


def test_certificate_date_error_is_swedish(cohort):
    r = kurs(cohort["root"], "intyg", "--datum", "1/12", "--till", str(cohort["base"] / "x"), ok=False)
    assert r.exit_code != 0 and "ÅÅÅÅ-MM-DD" in r.output
