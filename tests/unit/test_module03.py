"""Module 03 (IOP): the document writer, the decision logic and both widgets, headless."""
from __future__ import annotations

import base64
import datetime as dt
import zipfile

import docx
import pytest

from upphandlingskurs.documents.writer import (Section, download_link_html, render_html, render_markdown, unique_path,
                                        write_document)

SECTIONS = [
    Section("Parter", ["Lerums kommun, socialförvaltningen, och Föreningen Exempel (fiktivt fall)."]),
    Section("Mål", ["Fler unga i meningsfull fritid.\nAndra raden i samma stycke."], ["Mål 1", "Mål 2 & <mer>"]),
    Section("Tom del"),
]


# -- documents/writer.py ----------------------------------------------------------------------------
def test_docx_is_a_valid_word_file_with_all_text(tmp_path):
    path = write_document("Utkast till IOP", SECTIONS, tmp_path / "ut" / "iop.docx", "docx")
    assert path == tmp_path / "ut" / "iop.docx" and path.exists()
    assert zipfile.is_zipfile(path)
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    styles = [p.style.name for p in doc.paragraphs]
    assert texts[0] == "Utkast till IOP" and styles[0] == "Title"
    assert "Parter" in texts and styles[texts.index("Parter")] == "Heading 1"
    assert "Mål 2 & <mer>" in texts and styles[texts.index("Mål 2 & <mer>")] == "List Bullet"
    assert any("Andra raden" in t and "\n" in t for t in texts)  # line break kept inside the paragraph
    assert doc.core_properties.title == "Utkast till IOP"


def test_markdown_file(tmp_path):
    path = write_document("Utkast till IOP", SECTIONS, tmp_path / "iop", "md")
    assert path.suffix == ".md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Utkast till IOP\n")
    assert "## Mål" in text and "- Mål 1" in text
    assert "\\<mer\\>" in text  # participant text is escaped, not read as HTML/Markdown
    assert render_markdown("T", SECTIONS) == text.replace("Utkast till IOP", "T")


def test_markdown_escapes_text_that_would_become_structure():
    text = render_markdown("Titel", [Section("Rubrik", ["# inte en rubrik", "- inte en punkt"])])
    assert "\n\\# inte en rubrik" in text and "\n\\- inte en punkt" in text


def test_html_file_is_escaped_and_swedish(tmp_path):
    path = write_document("Plan <b>", SECTIONS, tmp_path / "plan.txt", "html")
    assert path.suffix == ".html"
    text = path.read_text(encoding="utf-8")
    assert '<html lang="sv">' in text and "<title>Plan &lt;b&gt;</title>" in text
    assert "Mål 2 &amp; &lt;mer&gt;" in text and "<b>" not in text.split("</title>")[1]
    assert "<br>" in text
    assert render_html("Plan <b>", SECTIONS) == text


def test_section_accepts_a_single_string_and_drops_empty_items():
    s = Section("R", "ett stycke", ["a", "  ", ""])
    assert s.paragraphs == ["ett stycke"] and s.bullets == ["a"]


@pytest.mark.parametrize("fmt", ["pdf", "", "doc"])
def test_unknown_format_is_refused(tmp_path, fmt):
    with pytest.raises(ValueError):
        write_document("T", SECTIONS, tmp_path / "x", fmt)


def test_a_title_is_required(tmp_path):
    with pytest.raises(ValueError):
        write_document("  ", SECTIONS, tmp_path / "x.md", "md")


def test_download_link_embeds_the_file(tmp_path):
    path = write_document("T", SECTIONS, tmp_path / "plan.md", "md")
    link = download_link_html(path)
    assert link.startswith('<a download="plan.md" href="data:text/markdown;base64,')
    assert base64.b64decode(link.split("base64,")[1].split('"')[0]) == path.read_bytes()
    assert "Ladda ner plan.md" in link


def test_unique_path_never_overwrites(tmp_path):
    day = dt.date(2026, 11, 26)
    first = unique_path(tmp_path, "iop_utkast", "docx", day)
    assert first.name == "iop_utkast_2026-11-26.docx"
    first.write_bytes(b"x")
    second = unique_path(tmp_path, "iop_utkast", "docx", day)
    assert second.name == "iop_utkast_2026-11-26_2.docx"


# -- decisions/cooperation.py: the decision logic, case by case ------------------------------------------
from upphandlingskurs.decisions.cooperation import CASE_CARDS, FORM_NAMES, Form, Situation, recommend, recommendation_markdown  # noqa: E402

IOP_BASE = dict(initiativ="organisationen", flera_aktorer=False, kommunen_koper=False, egna_resurser=True,
                vinst=False, ideburen=True, bilaga2_valfard=True)


def sit(**changes) -> Situation:
    return Situation(**{**IOP_BASE, **changes})


@pytest.mark.parametrize("card_id", list(CASE_CARDS))
def test_every_case_card_lands_on_its_expected_form(card_id):
    card = CASE_CARDS[card_id]
    assert recommend(card.situation).form is card.expected


def test_the_alingsas_like_care_home_lands_on_procurement_even_when_called_iop():
    rec = recommend(CASE_CARDS["aldreboende"].situation)
    assert rec.form is Form.UPPHANDLING
    text = " ".join(rec.risks + rec.lagrum)
    assert "HFD 2020:15" in text and "5 miljoner kr" in text and "förvaltningsrätten" in text
    assert "kammarrätten fastställde avgiften" in text and "icke-ekonomiska underkändes" in text
    assert "saknade argumentet betydelse" in text  # legal review 03 item 14
    # Reserving for idéburna organisations is offered as an alternative, not as the recommendation.
    assert any("19 kap. 25 a §" in a for a in rec.alternatives)


def test_the_case_cards_cover_every_form_and_the_brief():
    assert {c.expected for c in CASE_CARDS.values()} == set(Form)
    titles = " ".join(c.title.lower() for c in CASE_CARDS.values())
    for word in ("kvinnojour", "läxhjälp", "arbetsträning", "fritid", "äldreboende"):
        assert word in titles


def test_textbook_iop():
    rec = recommend(sit())
    assert rec.form is Form.IOP
    assert any("Forum" in r for r in rec.reasons)
    assert any("de minimis" in r and "300\u00a0000\u00a0euro" in r and "750\u00a0000\u00a0euro" in r for r in rec.risks)
    assert any("1 januari 2026" in r for r in rec.risks)


def test_joint_initiative_can_still_be_iop():
    assert recommend(sit(initiativ="gemensamt")).form is Form.IOP


def test_buying_a_defined_service_is_procurement_whatever_else_is_true():
    assert recommend(sit(kommunen_koper=True)).form is Form.UPPHANDLING


def test_buying_with_user_choice_is_lov():
    rec = recommend(sit(kommunen_koper=True, brukarval=True))
    assert rec.form is Form.LOV
    assert any("2008:962" in x for x in rec.lagrum)
    assert any("1 kap. 2 a § LOV" in a for a in rec.alternatives)


def test_reserved_procurement_needs_all_conditions():
    assert recommend(sit(kommunen_koper=True, reservera=True)).form is Form.RESERVERAD
    rec = recommend(sit(kommunen_koper=True, reservera=True, bilaga2_valfard=False))
    assert rec.form is Form.UPPHANDLING and any("inte uppfyllda" in r for r in rec.reasons)
    assert recommend(sit(kommunen_koper=True, reservera=True, ideburen=False)).form is Form.UPPHANDLING
    assert recommend(sit(kommunen_koper=True, reservera=True, ideburen=False, vinst=True)).form is Form.UPPHANDLING


def test_reserved_procurement_cites_the_section_and_its_start_date():
    rec = recommend(sit(kommunen_koper=True, reservera=True))
    assert any("19 kap. 25 a § LOU (gäller från 1 januari 2023)" in x for x in rec.lagrum)
    assert any("annonseras" in r for r in rec.risks)


def test_profit_without_a_purchase_is_not_iop_and_not_procurement():
    rec = recommend(sit(vinst=True, ideburen=False))
    assert rec.form is Form.INTE_IOP
    assert any("2 kap. 8 §" in a for a in rec.alternatives) and any("2 kap. 3 §" in a for a in rec.alternatives)


def test_a_market_points_to_procurement():
    rec = recommend(sit(flera_aktorer=True))
    assert rec.form is Form.INTE_IOP
    assert any("25 a §" in a for a in rec.alternatives)


def test_the_municipalitys_own_idea_points_to_procurement():
    assert recommend(sit(initiativ="kommunen")).form is Form.INTE_IOP


def test_general_support_is_a_grant():
    rec = recommend(sit(allmant_stod=True))
    assert rec.form is Form.BIDRAG
    assert any("2 kap. 1 § kommunallagen" in x for x in rec.lagrum)


def test_no_own_resources_is_not_iop():
    rec = recommend(sit(egna_resurser=False))
    assert rec.form is Form.BIDRAG and any("båda parter" in r for r in rec.reasons)


def test_not_ideburen_is_not_iop():
    assert recommend(sit(ideburen=False)).form is Form.INTE_IOP
    # finding 7: a grant is not recommended to an organisation that is not idéburen
    assert recommend(sit(ideburen=False, allmant_stod=True)).form is Form.INTE_IOP


def test_unknown_initiative_is_refused():
    with pytest.raises(ValueError):
        sit(initiativ="staten")


@pytest.mark.parametrize("form", list(Form))
def test_every_form_has_a_name_and_lagrum(form):
    assert FORM_NAMES[form]
    situations = {Form.IOP: sit(), Form.BIDRAG: sit(allmant_stod=True), Form.UPPHANDLING: sit(kommunen_koper=True),
                  Form.INTE_IOP: sit(flera_aktorer=True),
                  Form.RESERVERAD: sit(kommunen_koper=True, reservera=True), Form.LOV: sit(kommunen_koper=True, brukarval=True)}
    rec = recommend(situations[form])
    assert rec.form is form and rec.reasons and rec.lagrum and rec.title == FORM_NAMES[form]


def test_markdown_has_reasons_risks_and_sources():
    text = recommendation_markdown(recommend(CASE_CARDS["aldreboende"].situation), CASE_CARDS["aldreboende"])
    for part in ("Fallkort: Äldreboende", "Rekommendation: Upphandling enligt LOU", "**Varför**",
                 "**Risker att hålla koll på**", "**Lagrum och källor**", "ersätter inte en juridisk bedömning"):
        assert part in text


# -- widget: Vilken samverkansform? -----------------------------------------------------------
from upphandlingskurs.widgets.iop import iop_checklista_widget, samverkansform_widget  # noqa: E402


@pytest.mark.parametrize("card_id", list(CASE_CARDS))
def test_widget_case_cards(card_id):
    form = samverkansform_widget()
    text = form.submit(fallkort=card_id)
    assert form.last_error is None
    assert f"Rekommendation: {FORM_NAMES[CASE_CARDS[card_id].expected]}" in text
    assert f"Fallkort: {CASE_CARDS[card_id].title}" in text


def test_widget_own_answers():
    form = samverkansform_widget()
    text = form.submit(initiativ="organisationen", flera_aktorer="nej", kommunen_koper="nej",
                       ersatter_lagstadgad="nej", egna_resurser="ja",
                       vinst="nej", ideburen="ja", bilaga2_valfard="nej", allmant_stod="nej")
    assert "Rekommendation: Idéburet offentligt partnerskap (IOP)" in text
    assert "Fallkort" not in text


def test_widget_changed_card_becomes_own_case():
    form = samverkansform_widget()
    form.submit(fallkort="kvinnojour")
    text = form.submit(kommunen_koper="ja", brukarval="nej", reservera="nej")
    assert "Rekommendation: Upphandling enligt LOU" in text and "Fallkort" not in text


def test_widget_unanswered_questions_give_a_swedish_message():
    form = samverkansform_widget()
    text = form.submit()
    assert form.last_result is None
    assert "Svara på fråga 3: Vem tog initiativet?" in text
    assert "Svara på fråga 1: Ska organisationen utföra något åt kommunen" in text  # the legal test comes first
    assert "Kontrollera det du skrev" in form.result_html and "Traceback" not in form.result_html
    # Questions 8–11 depend on questions 1 and 2 and are not demanded before they are answered.
    assert "fråga 10:" not in text and "fråga 9:" not in text and "fråga 8:" not in text


def test_widget_asks_conditional_questions_only_when_they_matter():
    form = samverkansform_widget()
    base = dict(initiativ="kommunen", flera_aktorer="ja", ersatter_lagstadgad="nej", egna_resurser="nej",
                vinst="nej", ideburen="ja", bilaga2_valfard="ja")
    text = form.submit(**base, kommunen_koper="ja")
    assert "fråga 10:" in text and "fråga 11:" in text and "fråga 9:" not in text
    text = form.submit(brukarval="nej", reservera="ja")
    assert "Reserverad upphandling" in text
    # the answers the participant gave are still there after the error
    assert form.controls["initiativ"].value == "kommunen"


def test_widget_controls_have_visible_labels():
    form = samverkansform_widget()
    assert all(c.description.strip() for c in form.controls.values())


# -- widget: IOP-checklistan ------------------------------------------------------------------
GOOD = dict(organisation="Föreningen Exempel", kommun="Lerums kommun", namnd="socialnämnden", eurokurs="11",
            utmaning="Unga samlas i centrum på kvällarna och saknar vuxna att prata med.", initiativ="organisationen",
            malgrupp="Unga 13–17 år", mal="Fler unga i meningsfull fritid\nFärre unga i riskmiljö",
            org_bidrag="Ideella ledare\n- Egen lokal", kommun_bidrag="Pengar\nFältassistenter",
            belopp_per_ar="400 000", avtalstid_ar="3", uppfoljning="Antal besök per månad\nGemensam årlig träff",
            gemensamt="", gemensam_analys=True, ingen_marknad=True, ingen_detaljstyrning=True, ingen_vinst=True,
            ingen_leveransplikt=True, egna_resurser=True)


def test_checklist_writes_a_word_file_and_links_it(tmp_path):
    form = iop_checklista_widget(tmp_path / "mina_dokument")
    text = form.submit(**GOOD, format="docx")
    assert form.last_error is None, text
    files = list((tmp_path / "mina_dokument").glob("iop_utkast_*.docx"))
    assert len(files) == 1 and files[0].name in text
    # a download link that carries the file itself (works on any server URL)
    html_out = form.result_html
    assert f'download="{files[0].name}"' in html_out and "Ladda ner" in html_out
    data = html_out.split("base64,")[1].split('"')[0]
    assert base64.b64decode(data) == files[0].read_bytes()
    doc = docx.Document(str(files[0]))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].text == "Utkast: idéburet offentligt partnerskap: Föreningen Exempel och Lerums kommun"
    assert "Part: Lerums kommun genom socialnämnden." in body
    for part in ("Parternas bidrag", "400\u00a0000\u00a0kr per år", "1\u00a0200\u00a0000\u00a0kr under hela avtalstiden",
                 "Föreningen Exempel: Egen lokal", "Fler unga i meningsfull fritid", "3 år",
                 "Klart: Ingen annan aktör erbjuder samma verksamhet på en marknad.", "300\u00a0000\u00a0euro",
                 "Rättslig kontroll"):
        assert part in body, part
    assert "Alla punkter i checklistan är markerade" in text


def test_checklist_twice_keeps_both_drafts(tmp_path):
    form = iop_checklista_widget(tmp_path)
    form.submit(**GOOD, format="md")
    form.submit()
    assert len(list(tmp_path.glob("iop_utkast_*.md"))) == 2


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_checklist_other_formats(tmp_path, fmt):
    form = iop_checklista_widget(tmp_path)
    form.submit(**GOOD, format=fmt)
    (path,) = tmp_path.glob(f"iop_utkast_*.{fmt}")
    assert "Föreningen Exempel" in path.read_text(encoding="utf-8")


def test_checklist_warns_about_what_is_not_yet_clear(tmp_path):
    form = iop_checklista_widget(tmp_path)
    text = form.submit(**{**GOOD, "initiativ": "kommunen", "ingen_marknad": False, "avtalstid_ar": "1"}, format="md")
    assert "Att klara ut innan ni går vidare" in text
    assert "IOP inte lämpligt" in text and "Finns det en marknad" in text and "långsiktigt" in text
    (path,) = tmp_path.glob("*.md")
    body = path.read_text(encoding="utf-8")
    assert "Att klara ut: Ingen annan aktör erbjuder samma verksamhet på en marknad." in body
    # every warning is in the saved document, under its own heading
    assert "## Att klara ut innan ni går vidare" in body
    assert "pekar det mot upphandling" not in body and "IOP inte lämpligt" in body and "långsiktigt" in body


@pytest.mark.parametrize("changes, message", [
    ({"organisation": ""}, "Idéburen organisation saknas"),
    ({"mal": "   "}, "Gemensamma mål (ett per rad) saknas"),
    ({"belopp_per_ar": "-5"}, "kan inte vara negativt"),
    ({"belopp_per_ar": "fyra hundra tusen"}, "måste vara ett tal"),
    ({"avtalstid_ar": "0"}, "måste vara minst 1"),
    ({"avtalstid_ar": "2,5"}, "måste vara ett heltal"),
    ({"initiativ": ""}, "Välj vem som tog initiativet"),
])
def test_checklist_bad_input_keeps_what_was_typed(tmp_path, changes, message):
    form = iop_checklista_widget(tmp_path)
    text = form.submit(**{**GOOD, **changes}, format="docx")
    assert message in text and form.last_result is None
    assert "Traceback" not in form.result_html
    assert not list(tmp_path.glob("*"))  # nothing written
    assert "Ladda ner" not in form.result_html
    assert form.controls["utmaning"].value == GOOD["utmaning"]  # nothing the participant typed is lost
    for name, value in changes.items():
        assert form.controls[name].value == value


def test_checklist_cannot_write_gives_a_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    form = iop_checklista_widget(blocker / "mina_dokument")  # a folder inside a file cannot be created
    text = form.submit(**GOOD, format="docx")
    assert "Det gick inte att spara dokumentet" in text and "Dina svar finns kvar" in text
    assert form.controls["organisation"].value == GOOD["organisation"]


def test_checklist_controls_have_visible_labels(tmp_path):
    form = iop_checklista_widget(tmp_path)
    assert all(c.description.strip() for c in form.controls.values())


# --- legal review (review1) ------------------------------------------------------------------------------
def test_reservation_alone_does_not_allow_choosing_an_organisation_directly():
    rec = recommend(sit(kommunen_koper=True, reservera=True))
    assert any("direktupphandlingsgränsen" in r and "inte kommunen rätt att välja" in r for r in rec.risks)


def test_alingsas_is_described_under_the_law_of_the_time():
    # HFD 2020:15 applied the old procurement act (2007:1091), not LOU (2016:1145).
    rec = recommend(CASE_CARDS["aldreboende"].situation)
    texts = rec.risks + rec.lagrum
    assert any("dåvarande upphandlingslagen" in t for t in texts)
    assert any("2007:1091" in t for t in rec.lagrum)
    assert not any("tjänstekontrakt enligt LOU" in t for t in texts)


# -- participant read 03, items 3, 8, 9 and 10: the widget's questions ------------------------------------------
def test_widget_asks_the_legal_test_first_and_shows_every_full_question_above_its_control():
    from upphandlingskurs.widgets.iop import QUESTIONS
    assert [q[0] for q in QUESTIONS[:2]] == ["kommunen_koper", "ersatter_lagstadgad"]
    form = samverkansform_widget()
    children = list(form.widget.children)
    for name, _label, question in QUESTIONS:
        i = children.index(form.controls[name])
        assert question.split(" (")[0][:40] in children[i - 1].value, name  # the full text sits right above
    intro = children[0].value
    assert "Nej på både fråga 1 och 2" in intro and "Ja på någon av dem" in intro


def test_widget_bilaga2_question_accepts_vet_inte_and_is_asked_only_for_a_purchase():
    form = samverkansform_widget()
    base = dict(kommunen_koper="ja", ersatter_lagstadgad="nej", initiativ="kommunen", flera_aktorer="ja",
                egna_resurser="nej", vinst="nej", ideburen="ja", brukarval="nej", reservera="ja")
    text = form.submit(**base, bilaga2_valfard="vet_inte")
    assert form.last_error is None, text
    assert "Vet inte på fråga 8" in text and "Reserverad upphandling" not in text.split("**Varför**")[0]
    # not a purchase: question 8 is not demanded
    form = samverkansform_widget()
    text = form.submit(kommunen_koper="nej", ersatter_lagstadgad="nej", initiativ="organisationen",
                       flera_aktorer="nej", egna_resurser="ja", vinst="nej", ideburen="ja", allmant_stod="nej")
    assert form.last_error is None and "Idéburet offentligt partnerskap" in text


# -- issue 16 part 3: the civil-society agreements and lawful dialogue (course notebook) -------------------------
def _module_03_cells():
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[2] / "course" / "03_iop.ipynb"
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def _module_03_section(start: str) -> str:
    text = "\n".join(c.source for c in _module_03_cells())
    _, _, rest = text.partition(start)
    assert rest, f"avsnittet '{start}' saknas i modul 03"
    import re
    return re.split(r"(?m)^## ", rest, maxsplit=1)[0]


def test_module_03_describes_both_civil_society_agreements_with_their_own_sources():
    text = _module_03_section("## 11. Överenskommelserna med civilsamhället i Göteborg och Västra Götaland")
    # Göteborgs Stad: decided by the city council in 2012, six principles, on the city's own page
    assert "Göteborgs Stad" in text and "2012" in text and "Kommunfullmäktige" in text
    assert "integritet och oberoende" in text and "https://goteborg.se/" in text
    # Västra Götalandsregionen: decided in 2014, the national agreement of 2008, on the region's own pages
    assert "Västra Götalandsregionen" in text and "2014" in text and "2008" in text
    assert "vgregion.se/" in text and "2024–2026" in text
    # what it means: no exception from LOU, no priority for a signatory
    assert "HFD 2020:15" in text and "2 kap. 3 § kommunallagen" in text and "4 kap. 1 § LOU" in text


def test_module_03_lists_the_agreements_among_its_sources():
    sources = _module_03_section("## Källor")
    for url in ("goteborg.se/wps/portal/start/kommun-o-politik/hallbar-stad--oppen-for-varlden/",
                "vgregion.se/regional-utveckling/omraden/social-hallbarhet/overenskommelsen-med-det-civila-samhallet/",
                "upphandlingsmyndigheten.se/inkopsprocessen/forbered-upphandling/kontakter-med-leverantorer/"):
        assert url in sources, url


def test_module_03_dialogue_is_lawful_equal_and_documented():
    cells = _module_03_cells()
    dialog = next(c.source for c in cells if c.source.startswith("**Dialog före ett IOP eller en upphandling.**"))
    assert "4 kap. 1 § LOU" in dialog and "Dokumentera" in dialog and "samma information" in dialog
    assert "ingen upphandling har påbörjats" in dialog and "modul 01" in dialog
    assert "upphandlingsmyndigheten.se" in dialog
    # the dialogue belongs to building an IOP: the cell right after section 8 and its table of steps
    order = [c.source.split("\n", 1)[0] for c in cells]
    steps = next(i for i, h in enumerate(order) if h.startswith("## 8. Bygga ett IOP"))
    assert order[steps + 1].startswith("**Dialog före ett IOP")


def test_module_03_sections_are_numbered_in_order():
    import re
    numbers = [int(m.group(1)) for c in _module_03_cells() for m in re.finditer(r"(?m)^## (\d+)\. ", c.source)]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers[-1] == 12
