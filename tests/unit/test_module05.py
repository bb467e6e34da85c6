"""Module 05: municipality profile and the action-plan builder (headless, good and bad input)."""
import docx
import pytest

from upphandlingskurs.content.data import GR_MUNICIPALITIES
from upphandlingskurs.parsing import InputError
from upphandlingskurs.documents.action_plan import build_plan, municipality_profile
from upphandlingskurs.widgets.handlingsplan import kommun_widget, plan_widget, profile_text

GOOD = dict(kommun="Lerum", prioriteringar="- Sysselsättningskrav i lokalvård\n2. Arbetsträning via IOP\n",
            forsta_upphandling="Lokalvård i skolor, avtalet går ut 2027", matchningsansvarig="Arbetsmarknadsenheten",
            iop_kandidater="Arbetsträning med en idéburen second hand-butik", uppfoljning="Kvartalsrapport från leverantören")


@pytest.mark.parametrize("kommun", GR_MUNICIPALITIES)
def test_every_municipality_has_a_profile_with_real_population_and_synthetic_contracts(kommun):
    p = municipality_profile(kommun)
    assert p["folkmangd"] > 10_000 and p["antal_avtal"] > 0
    assert 0 <= p["saknar_12_man"] <= 1
    assert sum(p["per_bransch"].values()) == p["antal_avtal"]


def test_profile_text_names_date_source_and_says_synthetic():
    text = profile_text("Stenungsund")
    assert "27\u00a0860" in text and "30 september 2025" in text and "regionfakta" in text
    assert "syntetiska" in text


def test_unknown_municipality_is_refused():
    with pytest.raises(InputError, match="inte en av GR:s 13 kommuner"):
        municipality_profile("Stockholm")


def test_kommun_widget_good_and_bad_choice():
    form = kommun_widget()
    assert "### Tjörn" in form.submit(kommun="Tjörn")
    form.controls["kommun"].options = [*GR_MUNICIPALITIES, "Malmö"]
    out = form.submit(kommun="Malmö")
    assert form.last_result is None and "Välj ett alternativ" in out


def test_build_plan_sections_from_input():
    title, sections = build_plan(**GOOD)
    assert title.endswith("– Lerum")
    by_heading = {s.heading: s for s in sections}
    assert by_heading["Prioriteringar"].bullets == ["Sysselsättningskrav i lokalvård", "Arbetsträning via IOP"]
    assert "43\u00a0570" in by_heading["Utgångsläge"].paragraphs[0]
    assert by_heading["Matchningsansvarig"].paragraphs == ["Arbetsmarknadsenheten"]
    assert "Kvartalsrapport från leverantören" in by_heading["Uppföljning"].bullets


def test_plan_cites_hfd_2020_15_under_the_law_of_the_time_and_keeps_the_date_caveat():
    _, sections = build_plan(**GOOD)
    iop = " ".join(next(s for s in sections if s.heading == "Kandidater för IOP").paragraphs)
    assert "HFD 2020:15" in iop and "dåvarande upphandlingslagen" in iop and "kontrakt enligt LOU" not in iop
    _, sections = build_plan(**{**GOOD, "kommun": "Kungsbacka"})
    start = " ".join(sections[0].paragraphs)
    assert "31 december 2023" in start and "inte kontrollerad" in start


def test_three_priorities_is_the_limit_everywhere():
    """Module 05, its exercise and the widget agree on one limit (issue 13 item 7)."""
    title, sections = build_plan(**{**GOOD, "prioriteringar": "a\nb\nc"})
    assert next(s for s in sections if s.heading == "Prioriteringar").bullets == ["a", "b", "c"]
    with pytest.raises(InputError, match="högst tre prioriteringar \\(du skrev 4\\)"):
        build_plan(**{**GOOD, "prioriteringar": "a\nb\nc\nd"})
    assert "högst tre" in plan_widget().controls["prioriteringar"].description


def test_plan_reminds_of_link_to_subject_matter_and_non_discrimination():
    _, sections = build_plan(**GOOD)
    first = " ".join(next(s for s in sections if s.heading == "Första upphandlingen att pröva").bullets)
    assert "anknytning till det som upphandlas" in first and "17 kap. 1 §" in first
    assert "bo i kommunen är inte tillåtet" in first and "4 kap. 1 § LOU" in first
    assert "ställningen på arbetsmarknaden" in first


def _plan_text(**change) -> dict[str, str]:
    """Each section of a plan built from GOOD (with changes) as one string: paragraphs and bullets."""
    _, sections = build_plan(**{**GOOD, **change})
    return {s.heading: " ".join(s.paragraphs + s.bullets) for s in sections}


def test_plan_never_makes_the_matching_unit_the_only_route():
    """Legal review 05, item 1: a plan that lets only the municipality's unit propose candidates works as a hidden
    residence requirement; the supplier recruits from the target group by any route (UHM; 4 kap. 1 § LOU)."""
    first = _plan_text()["Första upphandlingen att pröva"]
    assert "anvisa kandidater" not in first
    assert "på den väg den väljer" in first and "Arbetsförmedlingen" in first and "Eures" in first
    assert "inte den enda vägen" in first


def test_plan_says_residence_requirement_is_not_allowed():
    """Item 2: not 'kan strida mot' but 'inte tillåtet', and the condition may not disfavour foreign tenderers."""
    first = _plan_text()["Första upphandlingen att pröva"]
    assert "kan strida mot" not in first
    assert "bo i kommunen är inte tillåtet" in first and "icke-diskriminering och likabehandling" in first
    assert "utländska anbudsgivare" in first


def test_plan_puts_reporting_and_sanctions_in_the_procurement_documents():
    """Item 3: reporting, matching and sanctions belong in the procurement documents, not added to the contract."""
    first = _plan_text()["Första upphandlingen att pröva"]
    assert "Skriv in i avtalet" not in first
    assert "i upphandlingsdokumenten" in first and "sanktioner" in first and "hur matchningen går till" in first
    assert "ändring av kontraktet" in first and "17 kap. 9–14 §§ LOU" in first


def test_plan_names_lou_luf_and_the_directive_for_the_condition():
    """Item 10: the condition's lagrum in LOU and LUF, with article 70 as background."""
    first = _plan_text()["Första upphandlingen att pröva"]
    assert "17 kap. 1 §" in first and "16 kap. 1 § LUF" in first and "artikel 70" in first


def test_plan_follow_up_has_the_personal_data_bullet():
    """Item 4: following individuals 6 and 12 months on is personal data and may be secret."""
    follow = _plan_text()["Uppföljning"]
    assert "antal, inte namn" in follow and "personuppgifter" in follow
    assert "26 kap. 1 § offentlighets- och sekretesslagen" in follow and "dataskyddsförordningen" in follow
    assert "rättslig" in follow and "dataskyddsombudet" in follow


def test_plan_iop_paragraph_puts_the_legal_test_first():
    """Item 6: IOP is no legal form; first the test whether it is a contract, then statutory duties and markets."""
    iop = _plan_text()["Kandidater för IOP"]
    assert "passar bäst" not in iop
    assert "ingen egen rättslig form" in iop and "ett köp" in iop and "föreningsbidrag inte räcker" in iop
    assert "skyldig att utföra enligt lag" in iop and "marknad" in iop and "statsstödsreglerna" in iop


@pytest.mark.parametrize("kommun", ["Kungsbacka", "Lerum"])
def test_plan_warns_to_check_the_population_figure(kommun):
    """Item 12: the plan's population figure is dated; it tells the reader to check SCB before use."""
    start = _plan_text(kommun=kommun)["Utgångsläge"]
    assert "Kontrollera den senaste siffran hos SCB innan planen används." in start
    assert "Kontrollera den senaste siffran hos SCB" in profile_text(kommun)


def test_plan_says_it_can_become_a_public_record_and_lists_its_sources():
    """Item 5 (in the plan) and the plan's own sources, so that it can be used at work as it comes out."""
    text = _plan_text()
    assert "allmän handling" in text["Nästa steg"] and "tryckfrihetsförordningen" in text["Nästa steg"]
    assert "riksdagen.se" in text["Källor"] and "juridiska-forutsattningar" in text["Källor"]


@pytest.mark.parametrize("change, message", [
    ({"prioriteringar": "  \n - \n"}, "Prioriteringar saknas"),
    ({"prioriteringar": "\n".join(f"p{i}" for i in range(4))}, "högst tre"),
    ({"forsta_upphandling": " "}, "Första upphandlingen att pröva saknas"),
    ({"matchningsansvarig": "Anna, 031-123 45 67"}, "inte telefonnummer"),
    ({"iop_kandidater": "ring 0701234567"}, "IOP-kandidater"),
    ({"uppfoljning": "skicka till anna@kommun.se"}, "e-postadress"),
    ({"kommun": "Borås"}, "GR:s 13 kommuner"),
])
def test_build_plan_bad_input(change, message):
    with pytest.raises(InputError, match=message):
        build_plan(**{**GOOD, **change})


@pytest.mark.parametrize("fmt", ["docx", "md", "html"])
def test_plan_widget_writes_the_document(tmp_path, fmt):
    form = plan_widget(tmp_path / "mina_dokument")
    out = form.submit(**GOOD, format=fmt)
    assert form.last_error is None, out
    files = list((tmp_path / "mina_dokument").glob(f"handlingsplan_lerum_*.{fmt}"))
    assert len(files) == 1 and files[0].name in out
    assert f'download="{files[0].name}"' in form.result_html and "base64," in form.result_html
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(str(files[0])).paragraphs)
    else:
        text = files[0].read_text(encoding="utf-8")
    assert "Handlingsplan" in text and "Arbetsmarknadsenheten" in text and "Prioriteringar" in text
    form.submit(**GOOD, format=fmt)  # a second plan never overwrites the first
    assert len(list((tmp_path / "mina_dokument").glob(f"*.{fmt}"))) == 2


def test_plan_widget_bad_input_writes_nothing_and_explains_in_swedish(tmp_path):
    form = plan_widget(tmp_path / "mina_dokument")
    out = form.submit(**{**GOOD, "prioriteringar": "", "matchningsansvarig": "Kalle 031-7001234"}, format="md")
    assert form.last_result is None and "saknas" in out
    out = form.submit(**{**GOOD, "matchningsansvarig": "Kalle 031-7001234"}, format="md")
    assert "inte telefonnummer" in out and 'role="alert"' in form.result_html
    assert not (tmp_path / "mina_dokument").exists()


def test_plan_widget_cannot_save_gives_swedish_message(tmp_path):
    blocker = tmp_path / "mina_dokument"
    blocker.write_text("en fil, ingen mapp", encoding="utf-8")
    form = plan_widget(blocker)
    out = form.submit(**GOOD, format="md")
    assert form.last_result is None and "Det gick inte att spara planen" in out
    assert "download=" not in form.result_html


def test_module_exercise_and_widget_name_the_same_priority_limit():
    """Issue 13 item 7: 'högst tre' in the module (text and metadata), the exercise and the plan's check."""
    from pathlib import Path

    import nbformat

    from upphandlingskurs.documents.action_plan import MAX_PRIORITIES

    repo = Path(__file__).resolve().parents[2]
    assert MAX_PRIORITIES == 3
    for path in ("course/05_fran_kunskap_till_handling.ipynb",
                 "solutions/05_fran_kunskap_till_handling/05_fran_kunskap_till_handling.ipynb"):
        nb = nbformat.read(repo / path, as_version=4)
        text = "\n".join(c.source for c in nb.cells) + str(nb.metadata.get("kurs", ""))
        assert "högst tre" in text and "högst fem" not in text, path
