"""Module 07: the supplier's checklist and the IOP initiative (pure functions and widgets, headless, good and bad input)."""
import re
from pathlib import Path

import docx
import nbformat
import pytest

from upphandlingskurs import format as fmt
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.documents import iop_outline
from upphandlingskurs.documents.iop_initiative import (CHECKLIST_HEADING, FOLLOW_UP_GOALS, INITIATIVE_TITLE,
                                                       LETTER_HEADING, PER_UNIT_WARNING, iop_initiative, per_unit,
                                                       write_initiative)
from upphandlingskurs.documents.supplier_checklist import (DIALOGUE_ESTIMATE_NOTE, QUESTIONS_TO_ASK, cost_lines,
                                                           dialogue_cost, requirement_cost, supplier_checklist)
from upphandlingskurs.documents.writer import write_document
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.iop import WHERE_SAVED
from upphandlingskurs.widgets.leverantor import checklista_widget, initiativ_widget
from upphandlingskurs.content.curriculum import reading_minutes

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
    assert est.handledning == pytest.approx(2 * 6 * 52 / 12 * 4 * 450)  # same hours after the first months
    assert est.produktivitet == pytest.approx(2 * 2 * 30_000 * 0.40)
    assert est.rapportering == pytest.approx(8 * 3 * 450)  # 24 months = 8 quarters
    assert est.total == pytest.approx(est.handledning + est.produktivitet + est.rapportering)


def test_supervision_can_be_heavier_at_first_and_other_costs_and_meetings_count():
    est = requirement_cost(**{**COST, "handledning_tim_vecka": "6", "handledning_tim_vecka_sedan": "3",
                              "ovrigt_per_plats_kr": "2 000", "motestimmar": "8"})
    assert est.handledning == pytest.approx(2 * 52 / 12 * 450 * (2 * 6 + 4 * 3))
    assert est.ovrigt == 4000 and est.moten == 8 * 450
    assert est.total == pytest.approx(est.handledning + est.produktivitet + 4000 + 3600 + est.rapportering)


def test_cost_lines_print_the_figures_the_totals_rest_on():
    lines = cost_lines(requirement_cost(**{**COST, "handledning_tim_vecka_sedan": "2"}))
    text = "\n".join(lines)
    for figure in ("2 platser", "2 månader × 4 timmar i veckan", "4 månader × 2 timmar i veckan", "450\u00a0kr per timme",
                   "30\u00a0000\u00a0kr i månaden", "före lönestöd", "40\u00a0%", "8 kvartal (24 månader) × 3 timmar",
                   "per månad"):
        assert figure in text, figure
    dialog = "\n".join(cost_lines(dialogue_cost(timkostnad_kr="400", rapportering_tim_kvartal="2",
                                                kontraktstid_manader="12", motestimmar="10")))
    assert "Handledning" not in dialog and "10 timmar × 400\u00a0kr" in dialog and "7\u00a0200\u00a0kr" in dialog


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


def test_the_printed_formula_gives_the_printed_sum():
    """The formula says 52 weeks / 12 months, the figure the code uses; no rounded 4,33 (review m07_aud, N7)."""
    est = requirement_cost(**{**COST, "handledning_tim_vecka": "8", "handledning_tim_vecka_sedan": "2,5",
                              "manader_per_plats": "12", "inskolning_manader": "3", "timkostnad_kr": "395"})
    line = next(l for l in cost_lines(est) if l.startswith("Handledning"))
    assert "4,33" not in line and "(52 veckor / 12 månader)" in line
    by_hand = 2 * (3 * 8 + 9 * 2.5) * 52 / 12 * 395  # what a reader computes from the printed formula
    assert line.endswith(f"= {fmt.kr(round(by_hand))}.") and round(by_hand) == 159_185
    _t, sections, _w = supplier_checklist(**SUPPLIER)
    assert "4,33" not in _text(sections)


def test_places_are_the_whole_contracts_and_the_forms_say_so(tmp_path):
    """'Antal platser' is every place during the whole contract, in the form and in the document (N6)."""
    _t, sections, _w = supplier_checklist(**SUPPLIER)
    cost = next(s for s in sections if s.heading == "Vad kravet kan kosta")
    assert "alla platser under hela kontraktstiden" in cost.paragraphs[0]
    assert cost.bullets[0].startswith("Handledning: 2 platser (totalt under kontraktstiden) ×")
    form = checklista_widget(tmp_path)
    assert "totalt under kontraktstiden" in form.controls["antal_platser"].description
    assert "förlängningar" in form.controls["kontraktstid_manader"].description
    with pytest.raises(InputError, match="Antal platser totalt under kontraktstiden"):
        requirement_cost(**{**COST, "antal_platser": "två"})


def test_dialogue_and_no_requirement_get_their_own_text():
    """No supervisor or new employee in the dialogue note; no requirement questions without a requirement (N8)."""
    bare = {k: v for k, v in SUPPLIER.items() if k not in COST}
    _t, sections, _w = supplier_checklist(**{**bare, "villkor": "dialog", "timkostnad_kr": "400",
                                             "rapportering_tim_kvartal": "2", "kontraktstid_manader": "12"})
    cost = next(s for s in sections if s.heading == "Vad kravet kan kosta")
    assert cost.paragraphs == [DIALOGUE_ESTIMATE_NOTE] and "medarbetare" not in cost.paragraphs[0]
    questions = next(s for s in sections if s.heading == "Frågor att ställa under anbudstiden").bullets
    assert not any("målgrupp" in q for q in questions) and any("rapportera" in q for q in questions)
    _t, sections, _w = supplier_checklist(**{**bare, "villkor": "inget"})
    questions = next(s for s in sections if s.heading == "Frågor att ställa under anbudstiden").bullets
    assert not set(questions) & set(QUESTIONS_TO_ASK) and "Räknas säsongsanställning?" in questions


def test_the_capacity_rules_say_they_apply_above_the_thresholds():
    """14 kap. LOU applies to directive-governed procurements, as the lecture says (N12)."""
    _t, sections, _w = supplier_checklist(**{**SUPPLIER, "klarar_kvalificering": False})
    capacity = next(s for s in sections if s.heading == "Kvalificering och samarbete med andra")
    scope = capacity.paragraphs[1]
    assert "över tröskelvärdena" in scope and "direktivstyrda" in scope and "19 kap. LOU" in scope
    assert "Åberopa andra företags kapacitet" in scope


# -- the supplier's checklist ---------------------------------------------------------------------------------------
def test_checklist_names_lagrum_for_questions_work_environment_and_challenge():
    title, sections, warnings = supplier_checklist(**SUPPLIER)
    assert title == "Leverantörens checklista: Parkskötsel, delkontrakt 3 (Lerum)"
    assert warnings == []
    text = _text(sections)
    for lagrum in ("17 kap. 1 § LOU", "12 kap. 11 § LOU", "3 kap. 2 a §", "3 kap. 3 §", "1 kap. 3 § arbetsmiljölagen",
                   "7 § lagen (2000:625)", "AFS 2023:1", "20 kap. 6 § LOU", "avtalsspärren", "16 kap. 7–8 §§ LOU",
                   "ESPD", "13 kap. 2 § LOU", "sekretess", "fyra dagar vid ett påskyndat förfarande"):
        assert lagrum in text, lagrum
    # not verified in the law as renumbered in 2022, and AF praktik is not 1 kap. 3 § (review m07, items 1-2)
    assert "19 kap. 28" not in text
    assert "Arbetsförmedlingen eller kommunen: kom överens skriftligt om vem som ansvarar" not in text
    assert "[fyll i]" in text and "Sista anbudsdag" in text  # dates to fill in, clearly marked
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
    assert "17 kap. 2–5 §§ LOU" in text and "andra stycket" not in text
    assert "4 kap. 5 § LOU" in text and "15 kap. 11 § 7 LOU" in text and "14 kap. 7 § LOU" in text
    assert len(warnings) == 3 and sections[1].heading == "Att klara ut innan ni lämnar anbud"


def test_checklist_warns_when_an_employment_requirement_has_no_places_or_no_supervision():
    _t, _s, warnings = supplier_checklist(**{**SUPPLIER, "antal_platser": "0"})
    assert any("0 platser" in w for w in warnings)
    _t, _s, warnings = supplier_checklist(**{**SUPPLIER, "handledning_tim_vecka": "0"})
    assert any("ingen tid för handledning" in w for w in warnings)


def test_no_estimate_without_an_employment_requirement_and_the_number_fields_may_be_empty():
    bare = {k: v for k, v in SUPPLIER.items() if k not in COST}
    _t, sections, _w = supplier_checklist(**{**bare, "villkor": "inget"})
    headings = [s.heading for s in sections]
    assert "Vad kravet kan kosta" not in headings and "Från kalkyl till pris" not in headings
    assert "Totalt" not in _text(sections)


def test_dialogue_counts_only_meetings_and_reporting():
    bare = {k: v for k, v in SUPPLIER.items() if k not in COST}
    _t, sections, warnings = supplier_checklist(**{**bare, "villkor": "dialog", "timkostnad_kr": "400",
                                                   "rapportering_tim_kvartal": "2", "kontraktstid_manader": "12",
                                                   "motestimmar": "10", "antal_platser": "2"})
    cost = next(s for s in sections if s.heading == "Vad kravet kan kosta")
    assert not any(b.startswith(("Handledning", "Lägre produktivitet")) for b in cost.bullets)
    assert any("Dialogvillkoret kräver inga platser" in w for w in warnings)
    with pytest.raises(InputError, match="Kontraktstid"):
        supplier_checklist(**{**bare, "villkor": "dialog", "timkostnad_kr": "400", "rapportering_tim_kvartal": "2"})


def test_checklist_says_how_the_total_becomes_a_price():
    _t, sections, _w = supplier_checklist(**SUPPLIER)
    price = next(s for s in sections if s.heading == "Från kalkyl till pris")
    assert "pris per timme" in price.paragraphs[0] and "16 kap. 7–8 §§ LOU" in price.paragraphs[0]


def test_reservations_name_who_may_take_part():
    _t, sections, _w = supplier_checklist(**SUPPLIER)
    reserved = next(s for s in sections if s.heading == "Reserverad upphandling").paragraphs[0]
    assert "främsta syfte" in reserved and "behöver inte vara anställda" in reserved
    assert "dataskyddsförordningen" in reserved
    _t, sections, _w = supplier_checklist(**{**SUPPLIER, "reservation": "19_25a"})
    reserved = next(s for s in sections if s.heading == "Reserverad upphandling").paragraphs[0]
    assert "uteslutande har ett allmännyttigt syfte" in reserved and "CPV-koder" in reserved


def test_the_qualification_question_must_be_answered():
    with pytest.raises(InputError, match="kvalificeringskrav själva"):
        supplier_checklist(**{**SUPPLIER, "klarar_kvalificering": ""})
    _t, _s, warnings = supplier_checklist(**{**SUPPLIER, "klarar_kvalificering": "nej"})
    assert any("klarar inte alla kvalificeringskrav" in w for w in warnings)
    assert supplier_checklist(**{**SUPPLIER, "klarar_kvalificering": "ja"})[2] == []


def test_checklist_lists_every_problem_at_once():
    with pytest.raises(InputError) as e:
        supplier_checklist(**{**SUPPLIER, "upphandling": " ", "kommun": "Malmö", "reservation": "",
                              "antal_platser": "-2", "klarar_kvalificering": ""})
    msg = str(e.value)
    assert "vilken upphandling" in msg and "GR:s 13 kommuner" in msg and "reserverad" in msg
    assert "negativt" in msg and "kvalificeringskrav själva" in msg
    with pytest.raises(InputError, match="sysselsättningskrav"):
        supplier_checklist(**{**SUPPLIER, "villkor": ""})


def test_checklist_refuses_contact_details():
    with pytest.raises(InputError, match="inte telefonnummer eller e-postadress"):
        supplier_checklist(**{**SUPPLIER, "egna_fragor": "Ring mig på 070-123 45 67"})


def test_checklist_document_opens_as_word_and_reads_back(tmp_path):
    title, sections, _w = supplier_checklist(**SUPPLIER)
    path = write_document(title, sections, tmp_path / "lista.docx", "docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert title in text and "Vad kravet kan kosta" in text and "Totalt under kontraktstiden" in text
    assert "2 platser (totalt under kontraktstiden) × (2 månader × 4 timmar i veckan" in text


# -- the IOP initiative ---------------------------------------------------------------------------------------------
def test_initiative_with_all_checks_is_an_initiative_with_need_contribution_and_analysis():
    title, sections, warnings = iop_initiative(**INITIATIVE)
    assert title == f"{INITIATIVE_TITLE}: Föreningen Havsbris och Tjörn"
    assert warnings == []
    by = {s.heading: s for s in sections}
    assert by["Behovet vi ser"].paragraphs == ["Äldre på öarna är ensamma."]
    assert by["Det vi själva bidrar med"].bullets == ["Ideella värdar", "Egen lokal"]
    assert "gemensam analys av samhällsutmaningen" in _text([by["Förslag till gemensam analys av behovet"]])
    assert "HFD 2020:15" in _text([by["Det här får partnerskapet inte bli"]])
    assert fakta("de_minimis_tak").text in _text([by["Statsstöd"]])
    assert "19 kap. 25 a § LOU" in _text([by["Om IOP inte passar"]])
    assert "Varför ett partnerskap och inte ett köp" in by


def test_the_letter_is_the_organisations_voice_and_the_checklist_is_apart():
    _t, sections, _w = iop_initiative(**INITIATIVE)
    heads = [s.heading for s in sections]
    letter = sections[heads.index(LETTER_HEADING):heads.index(CHECKLIST_HEADING)]
    words = set(re.findall(r"\w+", _text(letter).lower()))
    assert not words & {"ni", "er", "ert", "era"}, words & {"ni", "er", "ert", "era"}
    assert "kommunallagen" not in _text(letter) and "Att klara ut" not in _text(letter)
    assert "Ta bort den här delen innan ni skickar initiativet." in sections[heads.index(CHECKLIST_HEADING)].paragraphs


def test_the_letter_has_marked_places_for_recipient_date_contact_and_signature():
    """N3: the form takes no contact details, so the letter marks where they go."""
    _t, sections, _w = iop_initiative(**INITIATIVE)
    heads = [s.heading for s in sections]
    letter = _text(sections[heads.index(LETTER_HEADING):heads.index(CHECKLIST_HEADING)])
    for place in ("Till: [fyll i", "Datum: [fyll i]", "Kontaktperson hos oss: [fyll i", "[Underskrift – fyll i]",
                  "[Ort och datum – fyll i]", "ordförande"):
        assert place in letter, place
    assert heads.index("Underskrift") < heads.index(CHECKLIST_HEADING)


@pytest.mark.parametrize("fmt_", ["docx", "md", "html"])
def test_part_1_and_part_2_are_separate_heading_levels(tmp_path, fmt_):
    """N4: the parts are level 1 (Word: Heading 1), the sections under them level 2, in every format."""
    title, sections, _w = iop_initiative(**INITIATIVE)
    path = write_initiative(title, sections, tmp_path / "iop", fmt_)
    if fmt_ == "docx":
        paragraphs = docx.Document(str(path)).paragraphs
        level1 = [p.text for p in paragraphs if p.style.name == "Heading 1"]
        level2 = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    elif fmt_ == "md":
        lines = path.read_text(encoding="utf-8").splitlines()
        level1 = [l[3:] for l in lines if l.startswith("## ")]
        level2 = [l[4:] for l in lines if l.startswith("### ")]
    else:
        page = path.read_text(encoding="utf-8")
        level1, level2 = re.findall(r"<h2>(.*?)</h2>", page), re.findall(r"<h3>(.*?)</h3>", page)
    assert level1 == ["Om dokumentet", LETTER_HEADING, CHECKLIST_HEADING]
    assert "Behovet vi ser" in level2 and "Statsstöd" in level2 and len(level1) + len(level2) == len(sections)


def test_state_aid_counts_premises_and_staff_too():
    """N5: the value of premises or staff the municipality provides counts as aid, as in module 03's outline."""
    _t, sections, _w = iop_initiative(**INITIATIVE)
    aid = _text([next(s for s in sections if s.heading == "Statsstöd")])
    assert "värdet av lokaler, personal eller annat som kommunen ställer till förfogande" in aid
    assert "art. 107.1 i EUF-fördraget" in aid


def test_follow_up_may_count_participants_as_information():
    """N2: counting participants is information; the contribution does not depend on the number."""
    _t, sections, _w = iop_initiative(**{**INITIATIVE, "uppfoljning": "Antal deltagare per år"})
    follow = next(s for s in sections if s.heading == "Så vill vi följa upp tillsammans")
    assert follow.paragraphs == [FOLLOW_UP_GOALS] and "som information" in FOLLOW_UP_GOALS
    assert "inte antal levererade" not in FOLLOW_UP_GOALS


def test_the_joint_analysis_is_proposed_not_a_check():
    _t, sections, warnings = iop_initiative(**{k: v for k, v in INITIATIVE.items() if k != "gemensam_analys"})
    advice = next(a for n, _l, a in iop_outline.CHECKS if n == "gemensam_analys")
    assert advice not in warnings and warnings == []
    checks = next(s for s in sections if s.heading == "Kontroller")
    assert any(b.startswith("Föreslås i initiativet: en gemensam analys") for b in checks.bullets)
    assert not any("gemensam analys" in b and b.startswith(("Klart", "Att klara ut")) for b in checks.bullets)


def test_initiative_reuses_the_agreement_outlines_checks_and_marks_a_purchase():
    title, sections, warnings = iop_initiative(**{**INITIATIVE, "ingen_leveransplikt": False})
    assert title.startswith(iop_outline.ASSESSMENT_TITLE)
    advice = next(a for n, _l, a in iop_outline.CHECKS if n == "ingen_leveransplikt")
    assert advice in warnings  # the same words as module 03's checklist, not a copy
    assert "Att klara ut: " + next(l for n, l, _a in iop_outline.CHECKS if n == "ingen_leveransplikt") in _text(sections)


@pytest.mark.parametrize("words", ["350 kr per deltagare", "150 kr per träff", "2 000 kr per tillfälle",
                                   "100 kr per person", "300 kr/timme", "300 kr/tim", "timersättning 350 kr",
                                   "50 kr per besökare", "200 kr per timma", "40 träffar per år à 1 500 kr"])
def test_payment_per_unit_marks_a_purchase_even_with_every_box_ticked(words):
    title, sections, warnings = iop_initiative(**{**INITIATIVE, "onskat_av_kommunen": words})
    assert title.startswith(iop_outline.ASSESSMENT_TITLE) and PER_UNIT_WARNING in warnings
    text = _text(sections)
    label = next(l for n, l, _a in iop_outline.CHECKS if n == "ingen_leveransplikt")
    assert f"Att klara ut: {label}." in text and f"Klart: {label}." not in text  # no false "Klart"
    assert FOLLOW_UP_GOALS not in text  # the fixed follow-up sentence is not claimed
    assert "Varför ett partnerskap och inte ett köp" not in [s.heading for s in sections]


@pytest.mark.parametrize("words", ["Bidrag till hyran", "Kunskap från äldreomsorgen", "träffar varje vecka",
                                   "Gemensam utvärdering per år"])
def test_ordinary_words_are_not_payment_per_unit(words):
    assert not per_unit(words)


def test_a_purchase_names_the_direct_award_limits_not_a_flat_lou_applies():
    _t, sections, _w = iop_initiative(**{**INITIATIVE, "ingen_detaljstyrning": False})
    text = _text(sections)
    assert "LOU gäller." not in text and "Är idén ett köp gäller LOU" in text
    assert fakta("troskelvarde_2026_sociala_tjanster").text in text and fakta("direktupphandlingsgrans_lou").text in text


def test_a_requested_amount_is_checked_against_de_minimis():
    _t, sections, warnings = iop_initiative(**{**INITIATIVE, "belopp_per_ar": "150 000", "avtalstid_ar": "3",
                                               "eurokurs": "11"})
    assert warnings == [] and "450\u00a0000\u00a0kr" in _text(sections) and "[fyll i" in _text(sections)
    aid = _text([next(s for s in sections if s.heading == "Statsstöd")])
    assert "bara om beslutet om det säger att det lämnas som stöd av mindre betydelse" in aid
    assert "Föreningsbidrag och andra bidrag där beslutet inte säger det räknas inte" in aid
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
    raw = {**SUPPLIER, "klarar_kvalificering": "ja"}
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
    out = form.submit(**{k: v for k, v in SUPPLIER.items() if k not in ("kommun", "villkor", "klarar_kvalificering")})
    assert "GR:s 13 kommuner" in out and "sysselsättningskrav" in out and "kvalificeringskrav själva" in out
    assert not list(tmp_path.iterdir())


def test_initiative_widget_good_and_bad_input(tmp_path):
    form = initiativ_widget(tmp_path)
    assert WHERE_SAVED in form.intro
    assert "gemensam_analys" not in form.controls  # proposed in the initiative, not a box to tick
    text = form.submit(**{k: v for k, v in INITIATIVE.items() if k != "gemensam_analys"}, format="docx")
    assert form.last_error is None, text
    assert form.saved.suffix == ".docx"
    paragraphs = docx.Document(str(form.saved)).paragraphs
    doc = "\n".join(p.text for p in paragraphs)
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"][1:] == [LETTER_HEADING, CHECKLIST_HEADING]
    assert "Behovet vi ser" in doc and "Det här får partnerskapet inte bli" in doc and CHECKLIST_HEADING in doc
    out = form.submit(belopp_per_ar="100 000", avtalstid_ar="", eurokurs="")
    assert form.last_result is None and "Avtalstid" in out


def test_initiative_widget_shows_the_purchase_warning(tmp_path):
    form = initiativ_widget(tmp_path)
    inputs = {k: v for k, v in INITIATIVE.items() if k != "gemensam_analys"}
    text = form.submit(**{**inputs, "ingen_detaljstyrning": False}, format="md")
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
    assert "19 kap. 28" not in md and "17 kap. 2 § andra stycket" not in md and "sofisam.se/vad-ar" not in md
    assert "7 § lagen (2000:625)" in md and "4 kap. 5 § LOU" in md
    assert "<!--fakta:troskelvarde_2026_sociala_tjanster-->" in md  # the bilaga 2 direct-award limit
    # review m07_aud: one term for the step (N9), the yearly fee and reporting from Kammarkollegiet (N10),
    # Skoopi's list through its board's assessment (N11)
    assert "Be kommunen rätta" not in md and "2. **Be kommunen ändra kravet.**" in md
    assert "<!--fakta:registrering_ideburna_arsavgift-->" in md and "arlig-rapportering-och-avgift" in md
    assert "anmäl er till Skoopis" not in md and "ansök om medlemskap i Skoopi" in md


def test_reading_time_covers_the_text():
    path = REPO / "course/07_andra_sidan_bordet.ipynb"
    nb = nbformat.read(path, as_version=4)
    meta = nb.metadata["kurs"]
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert f"Läsning och widgetar: cirka {meta['tid_lasning_min']} minuter" in text
    assert meta["tid_lasning_min"] >= reading_minutes(nb) + 5, "the reading time no longer covers the text and the widgets"


def test_no_right_answer_is_simply_the_longest_option():
    nb = nbformat.read(REPO / "solutions/07_andra_sidan_bordet/07_andra_sidan_bordet.ipynb", as_version=4)
    keys = dict(re.findall(r'^(svar_\d+) = "([A-D])"', "\n".join(c.source for c in nb.cells), re.M))
    checked = 0
    for c in nb.cells:
        m = re.match(r"## Fråga (\d+)", c.source)
        options = dict(re.findall(r"^- \*\*([A-D])\*\* (.*)$", c.source, re.M))
        if m and options:
            length = {k: len(re.sub(r"<!--[^>]*-->", "", v)) for k, v in options.items()}
            key = keys[f"svar_{m.group(1)}"]
            assert length[key] < max(length.values()), f"fråga {m.group(1)}: rätt svar är det längsta"
            checked += 1
    assert checked == 6


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
