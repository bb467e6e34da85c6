"""Module 07: the supplier's checklist and the IOP initiative (pure functions and widgets, headless, good and bad input)."""
from pathlib import Path

import docx
import nbformat
import pytest

from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.documents import iop_outline
from upphandlingskurs.documents.iop_initiative import INITIATIVE_TITLE, iop_initiative
from upphandlingskurs.documents.supplier_checklist import requirement_cost, supplier_checklist
from upphandlingskurs.documents.writer import write_document
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.iop import WHERE_SAVED
from upphandlingskurs.widgets.leverantor import checklista_widget, initiativ_widget

REPO = Path(__file__).resolve().parents[2]
COST = dict(antal_platser="2", manader_per_plats="6", handledning_tim_vecka="4", timkostnad_kr="450",
            inskolning_manader="2", lagre_produktivitet_procent="40", manadskostnad_plats_kr="30 000",
            rapportering_tim_kvartal="3", kontraktstid_manader="24")
SUPPLIER = dict(upphandling="Parkskötsel, delkontrakt 3", kommun="Lerum", villkor="anstallning_praktik",
                reservation="4_18", egna_fragor="Räknas säsongsanställning?", klarar_kvalificering=True,
                underleverantorer=False, arbetsmiljoplan=True, krav_verkar_fel=False, **COST)
ALL_CHECKS = {name: True for name, _label, _advice in iop_outline.CHECKS}
INITIATIVE = dict(organisation="Föreningen Havsbris", kommun="Tjörn", behov="Äldre på öarna är ensamma.",
                  egen_verksamhet="Vi ordnar träffar varje vecka.", org_bidrag="Ideella värdar\nEgen lokal",
                  onskat_av_kommunen="Bidrag till hyran\nKunskap från äldreomsorgen",
                  analysforslag="Vi går igenom behovet med äldreomsorgen.", malgrupp="Äldre över 75 år",
                  mal="Färre äldre som är ensamma", uppfoljning="Gemensam utvärdering varje år", **ALL_CHECKS)


def _text(sections) -> str:
    return "\n".join(p for s in sections for p in [s.heading, *s.paragraphs, *s.bullets])


# -- the cost estimate ----------------------------------------------------------------------------------------------
def test_cost_estimate_counts_supervision_productivity_and_reporting():
    est = requirement_cost(**COST)
    assert est.handledning == pytest.approx(2 * 6 * 52 / 12 * 4 * 450)
    assert est.produktivitet == pytest.approx(2 * 2 * 30_000 * 0.40)
    assert est.rapportering == pytest.approx(8 * 3 * 450)  # 24 months = 8 quarters
    assert est.total == pytest.approx(est.handledning + est.produktivitet + est.rapportering)


def test_cost_estimate_rounds_a_started_quarter_up():
    assert requirement_cost(**{**COST, "kontraktstid_manader": "7"}).rapportering == pytest.approx(3 * 3 * 450)


@pytest.mark.parametrize("field, raw, message", [
    ("antal_platser", "-1", "kan inte vara negativt"),
    ("timkostnad_kr", "många", "måste vara ett tal"),
    ("lagre_produktivitet_procent", "140", "högst 100"),
    ("antal_platser", "1,5", "heltal"),
    ("kontraktstid_manader", "0", "minst 1"),
])
def test_cost_estimate_refuses_bad_numbers_in_swedish(field, raw, message):
    with pytest.raises(InputError, match=message):
        requirement_cost(**{**COST, field: raw})


def test_induction_cannot_be_longer_than_the_place():
    with pytest.raises(InputError, match="kan inte vara fler än månaderna per plats"):
        requirement_cost(**{**COST, "inskolning_manader": "7"})


# -- the supplier's checklist ---------------------------------------------------------------------------------------
def test_checklist_names_lagrum_for_questions_work_environment_and_challenge():
    title, sections, warnings = supplier_checklist(**SUPPLIER)
    assert title == "Leverantörens checklista: Parkskötsel, delkontrakt 3 (Lerum)"
    assert warnings == []
    text = _text(sections)
    for lagrum in ("17 kap. 1 § LOU", "12 kap. 11 § LOU", "19 kap. 28 § LOU", "3 kap. 2 a §", "3 kap. 3 §",
                   "1 kap. 3 § arbetsmiljölagen", "AFS 2023:1", "20 kap. 6 § LOU", "avtalsspärren"):
        assert lagrum in text, lagrum
    assert "Räknas säsongsanställning?" in text
    assert fakta("reserverad_upphandling_andelskrav").text in text  # reserved: the share from the registry


def test_checklist_gives_advice_only_where_the_answers_call_for_it():
    _t, sections, _w = supplier_checklist(**SUPPLIER)
    assert "14 kap. 6 § LOU" not in _text(sections) and "Underleverantörer" not in [s.heading for s in sections]
    _t, sections, warnings = supplier_checklist(**{**SUPPLIER, "klarar_kvalificering": False,
                                                   "underleverantorer": True, "arbetsmiljoplan": False,
                                                   "krav_verkar_fel": True})
    text = _text(sections)
    assert "14 kap. 6 § LOU" in text and "14 kap. 8 § LOU" in text and "gemensamt anbud" in text
    assert "17 kap. 2 § andra stycket LOU" in text
    assert len(warnings) == 3 and sections[1].heading == "Att klara ut innan ni lämnar anbud"


def test_checklist_warns_when_an_employment_requirement_has_no_places_or_no_supervision():
    _t, _s, warnings = supplier_checklist(**{**SUPPLIER, "antal_platser": "0"})
    assert any("0 platser" in w for w in warnings)
    _t, _s, warnings = supplier_checklist(**{**SUPPLIER, "handledning_tim_vecka": "0"})
    assert any("ingen tid för handledning" in w for w in warnings)


def test_checklist_lists_every_problem_at_once():
    with pytest.raises(InputError) as e:
        supplier_checklist(**{**SUPPLIER, "upphandling": " ", "kommun": "Malmö", "villkor": "",
                              "antal_platser": "-2"})
    msg = str(e.value)
    assert "vilken upphandling" in msg and "GR:s 13 kommuner" in msg and "sysselsättningskrav" in msg
    assert "negativt" in msg


def test_checklist_refuses_contact_details():
    with pytest.raises(InputError, match="inte telefonnummer eller e-postadress"):
        supplier_checklist(**{**SUPPLIER, "egna_fragor": "Ring mig på 070-123 45 67"})


def test_checklist_document_opens_as_word_and_reads_back(tmp_path):
    title, sections, _w = supplier_checklist(**SUPPLIER)
    path = write_document(title, sections, tmp_path / "lista.docx", "docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert title in text and "Vad kravet kan kosta" in text and "Totalt under kontraktstiden" in text


# -- the IOP initiative ---------------------------------------------------------------------------------------------
def test_initiative_with_all_checks_is_an_initiative_with_need_contribution_and_analysis():
    title, sections, warnings = iop_initiative(**INITIATIVE)
    assert title == f"{INITIATIVE_TITLE}: Föreningen Havsbris och Tjörn"
    assert warnings == []
    by = {s.heading: s for s in sections}
    assert by["Behovet vi ser"].paragraphs == ["Äldre på öarna är ensamma."]
    assert by["Det vi själva bidrar med"].bullets == ["Ideella värdar", "Egen lokal"]
    assert "gemensam analys av samhällsutmaningen" in _text([by["Förslag till gemensam analys av behovet"]])
    must_not = _text([by["Vad partnerskapet inte får bli"]])
    assert "HFD 2020:15" in must_not and fakta("de_minimis_tak").text in must_not
    assert "19 kap. 25 a § LOU" in _text([by["Om IOP inte passar"]])


def test_initiative_reuses_the_agreement_outlines_checks_and_marks_a_purchase():
    title, sections, warnings = iop_initiative(**{**INITIATIVE, "ingen_leveransplikt": False})
    assert title.startswith(iop_outline.ASSESSMENT_TITLE)
    advice = next(a for n, _l, a in iop_outline.CHECKS if n == "ingen_leveransplikt")
    assert advice in warnings  # the same words as module 03's checklist, not a copy
    assert "Att klara ut: " + next(l for n, l, _a in iop_outline.CHECKS if n == "ingen_leveransplikt") in _text(sections)


def test_payment_per_participant_marks_a_purchase_even_with_every_box_ticked():
    title, _s, warnings = iop_initiative(**{**INITIATIVE, "onskat_av_kommunen": "350 kr per deltagare"})
    assert title.startswith(iop_outline.ASSESSMENT_TITLE) and iop_outline.PER_UNIT_WARNING in warnings


def test_a_requested_amount_is_checked_against_de_minimis():
    _t, sections, warnings = iop_initiative(**{**INITIATIVE, "belopp_per_ar": "150 000", "avtalstid_ar": "3",
                                               "eurokurs": "11"})
    assert warnings == [] and "450\u00a0000\u00a0kr" in _text(sections) and "[fyll i" in _text(sections)
    _t, _s, warnings = iop_initiative(**{**INITIATIVE, "belopp_per_ar": "1 500 000", "avtalstid_ar": "3",
                                         "eurokurs": "11"})
    assert any("överstiger" in w for w in warnings)


def test_an_amount_without_contract_time_or_rate_is_refused():
    with pytest.raises(InputError, match="Avtalstid .*saknas.*Skriv avtalstid och eurokurs"):
        iop_initiative(**{**INITIATIVE, "belopp_per_ar": "150 000"})


def test_initiative_refuses_missing_text_a_municipality_outside_gr_and_contact_details():
    with pytest.raises(InputError) as e:
        iop_initiative(**{**INITIATIVE, "behov": "", "kommun": "Malmö", "egen_verksamhet": "Mejla a@b.se"})
    msg = str(e.value)
    assert "Behovet ni ser saknas" in msg and "GR:s 13 kommuner" in msg and "e-postadress" in msg


def test_unknown_check_is_a_programming_error():
    with pytest.raises(TypeError):
        iop_initiative(**INITIATIVE, ingen_sadan_kontroll=True)


# -- the widgets ----------------------------------------------------------------------------------------------------
def test_checklist_widget_saves_a_new_file_each_time_and_keeps_input_on_error(tmp_path):
    form = checklista_widget(tmp_path)
    assert WHERE_SAVED in form.intro
    raw = {k: v for k, v in SUPPLIER.items()}
    text = form.submit(**raw, format="md")
    assert form.last_error is None, text
    first = form.saved
    assert first.parent == tmp_path and "Vad kravet kan kosta" in first.read_text(encoding="utf-8")
    assert "Ladda ner" in form.result_html
    form.submit(format="html")
    assert form.saved != first and form.saved.suffix == ".html" and first.exists()
    out = form.submit(antal_platser="två")
    assert form.last_result is None and "måste vara ett tal" in out
    assert form.controls["upphandling"].value == "Parkskötsel, delkontrakt 3"  # nothing typed is lost


def test_checklist_widget_unanswered_choices_give_swedish_messages(tmp_path):
    form = checklista_widget(tmp_path)
    out = form.submit(**{k: v for k, v in SUPPLIER.items() if k not in ("kommun", "villkor")})
    assert "GR:s 13 kommuner" in out and "sysselsättningskrav" in out
    assert not list(tmp_path.iterdir())


def test_initiative_widget_good_and_bad_input(tmp_path):
    form = initiativ_widget(tmp_path)
    assert WHERE_SAVED in form.intro
    text = form.submit(**INITIATIVE, format="docx")
    assert form.last_error is None, text
    assert form.saved.suffix == ".docx"
    doc = "\n".join(p.text for p in docx.Document(str(form.saved)).paragraphs)
    assert "Behovet vi ser" in doc and "Vad partnerskapet inte får bli" in doc
    out = form.submit(belopp_per_ar="100 000", avtalstid_ar="", eurokurs="")
    assert form.last_result is None and "Avtalstid" in out


def test_initiative_widget_shows_the_purchase_warning(tmp_path):
    form = initiativ_widget(tmp_path)
    text = form.submit(**{**INITIATIVE, "ingen_detaljstyrning": False}, format="md")
    assert iop_outline.ASSESSMENT_TITLE in text and "Att klara ut innan ni skickar initiativet" in text


# -- the notebooks --------------------------------------------------------------------------------------------------
def test_lecture_follows_the_template_and_uses_the_widgets():
    from upphandlingskurs.content.curriculum import template_problems

    path = REPO / "course/07_andra_sidan_bordet.ipynb"
    assert template_problems(path) == []
    nb = nbformat.read(path, as_version=4)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "## Läs vidare – för din roll" in md and "påhittade exempel" in md
    src = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "checklista_widget()" in src and "initiativ_widget()" in src
    assert sum("bild" in c.metadata.get("tags", []) for c in nb.cells) >= 6


def test_builder_reproduces_the_committed_notebooks(tmp_path, monkeypatch):
    """The committed notebooks are the builder's output (no hand edits that a rebuild would lose)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build07", REPO / "scripts/authoring/build_module07.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    monkeypatch.setattr(build, "LECTURE", tmp_path / "course" / "07.ipynb")
    monkeypatch.setattr(build, "SOLUTION", tmp_path / "solutions" / "07.ipynb")
    monkeypatch.setattr(build, "REPO", tmp_path)
    build.main()
    for built, committed in ((build.LECTURE, "course/07_andra_sidan_bordet.ipynb"),
                             (build.SOLUTION, "solutions/07_andra_sidan_bordet/07_andra_sidan_bordet.ipynb")):
        new = [c.source for c in nbformat.read(built, as_version=4).cells]
        old = [c.source for c in nbformat.read(REPO / committed, as_version=4).cells]
        assert new == old, committed
