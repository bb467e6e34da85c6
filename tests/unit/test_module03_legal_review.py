"""Module 03, legal review (juridik_03_05.md, findings 1–24): the reviewer's own cases and their variants,
through the pure functions and headless through the widgets."""
from __future__ import annotations

import itertools

import docx
import pytest

from upphandlingskurs import format as fmt
from upphandlingskurs.content.fakta import fakta
from upphandlingskurs.decisions.cooperation import (CASE_CARDS, ContradictionError, Form, Situation, recommend,
                                                    recommendation_markdown)
from upphandlingskurs.documents.iop_outline import ASSESSMENT_TITLE, IOP_TITLE, de_minimis_check, iop_outline
from upphandlingskurs.widgets.iop import iop_checklista_widget, samverkansform_widget

# Alingsås as the municipality described it: joint initiative, "no market", "we buy nothing", both contribute,
# but the foundation runs the municipality's care home (a statutory insats) against payment.
ALINGSAS_FRAMING = dict(initiativ="gemensamt", flera_aktorer=False, kommunen_koper=False, egna_resurser=True,
                        vinst=False, ideburen=True, bilaga2_valfard=True, ersatter_lagstadgad=True)
PURCHASES = {Form.UPPHANDLING, Form.LOV, Form.RESERVERAD}


# -- finding 1: the legal test first ------------------------------------------------------------------------
def test_alingsas_framing_is_not_iop():
    rec = recommend(Situation(**ALINGSAS_FRAMING))
    assert rec.form is Form.UPPHANDLING
    text = " ".join(rec.reasons + rec.risks)
    assert "HFD 2020:15" in text and "Konkurrensverket" in text


@pytest.mark.parametrize("changes", [{"initiativ": "organisationen"}, {"flera_aktorer": True}, {"egna_resurser": False},
                                     {"kommunen_koper": True}])
def test_alingsas_framing_variants_are_never_iop(changes):
    assert recommend(Situation(**{**ALINGSAS_FRAMING, **changes})).form in PURCHASES


@pytest.mark.parametrize("initiativ", ["organisationen", "gemensamt", "kommunen"])
@pytest.mark.parametrize("market", [False, True])
def test_an_undertaking_to_deliver_against_payment_is_a_purchase_whatever_market_or_initiative(initiativ, market):
    s = Situation(initiativ, flera_aktorer=market, kommunen_koper=True, egna_resurser=True, vinst=False,
                  ideburen=True, bilaga2_valfard=True)
    rec = recommend(s)
    assert rec.form is Form.UPPHANDLING
    assert any("Att kalla ett sådant avtal IOP" in r for r in rec.risks)


def test_every_iop_answer_carries_the_hfd_risk():
    for card in CASE_CARDS.values():
        rec = recommend(card.situation)
        if rec.form is Form.IOP:
            assert any("offentligt kontrakt" in r and "HFD 2020:15" in r for r in rec.risks)
            assert any("skyldig att utföra" in r for r in rec.risks)  # finding 12
            assert any("rättsliga testet" in x for x in rec.lagrum)


# -- finding 2: nothing bought, never LOU --------------------------------------------------------------------
def _all_situations():
    for ini in ("organisationen", "gemensamt", "kommunen"):
        for vals in itertools.product([False, True], repeat=10):
            try:
                yield Situation(ini, *vals)
            except ContradictionError:
                continue


def test_when_the_municipality_buys_nothing_the_answer_is_never_procurement():
    checked = 0
    for s in _all_situations():
        if not s.kommunen_koper and not s.ersatter_lagstadgad:
            checked += 1
            assert recommend(s).form not in PURCHASES, s
    assert checked > 500


def test_not_iop_gives_the_real_alternatives():
    rec = recommend(CASE_CARDS["cafe_foretag"].situation)
    assert rec.form is Form.INTE_IOP
    alt = " ".join(rec.alternatives)
    assert "upphandla" in alt and "2 kap. 3 §" in alt and "2 kap. 8 §" in alt and "avstå" in alt
    assert "Upphandling enligt LOU" not in recommendation_markdown(rec)


# -- finding 7: contradictory answers --------------------------------------------------------------------------
def test_contradictory_answers_are_refused_in_swedish():
    with pytest.raises(ContradictionError, match="Svaren går inte ihop"):
        Situation(**{**ALINGSAS_FRAMING, "vinst": True})


def test_widget_contradiction_gives_a_message_not_an_answer():
    form = samverkansform_widget()
    text = form.submit(initiativ="organisationen", flera_aktorer="nej", kommunen_koper="nej",
                       ersatter_lagstadgad="nej", egna_resurser="ja", vinst="ja", ideburen="ja", bilaga2_valfard="nej",
                       allmant_stod="nej")
    assert form.last_result is None and "Svaren går inte ihop" in text and "Rekommendation" not in text
    assert "Traceback" not in form.result_html


def test_widget_alingsas_framing_headless():
    form = samverkansform_widget()
    answers = {k: (v if isinstance(v, str) else ("ja" if v else "nej")) for k, v in ALINGSAS_FRAMING.items()}
    text = form.submit(**answers)
    assert "Svara på fråga 10" in text  # questions 10–11 matter once the legal test says "köp"
    text = form.submit(brukarval="nej", reservera="nej")
    assert "Rekommendation: Troligen upphandling enligt LOU" in text
    assert "Idéburet offentligt partnerskap (IOP)" not in text.split("**Varför**")[0]
    # legal review 03 item 4 / participant item 5: question 1 = Nej is never contradicted
    assert "åtar sig i avtalet" not in text.split("**Risker")[0] and "just det som avgjorde" not in text


def test_widget_nothing_bought_headless():
    form = samverkansform_widget()
    text = form.submit(fallkort="cafe_foretag")
    assert "Rekommendation: Inte IOP" in text and "2 kap. 8 §" in text


# -- finding 3 and 8: the fee under the law as it is now; Alingsås in every instance -----------------------------
def test_procurement_fee_is_decided_by_konkurrensverket_with_the_current_ceiling():
    rec = recommend(CASE_CARDS["fritid"].situation)
    risk = next(r for r in rec.risks if "otillåten direktupphandling" in r)
    assert "Konkurrensverket" in risk and fakta("upphandlingsskadeavgift_tak").text in risk
    assert "10 procent" in risk and "två år" in risk and "ogiltigt" in risk and "skadestånd" in risk
    assert "domstolen besluta om upphandlingsskadeavgift" not in risk


# -- findings 21–23: state aid -------------------------------------------------------------------------------
def test_state_aid_risk_names_sgei_decision_cumulation_and_register():
    rec = recommend(CASE_CARDS["kvinnojour"].situation)
    text = " ".join(rec.risks)
    for part in ("2012/21/EU", "skriftligt uppdrag", "2013:388", "rullande treårsperiod", "kan inte läggas ihop",
                 "12 a §", "stödgivare", "intyg"):
        assert part in text, part


# -- findings 4–6: the checklist ------------------------------------------------------------------------------
ALINGSAS_DRAFT = dict(organisation="Stiftelsen Exempel", kommun="Alingsås kommun", namnd="vård- och omsorgsnämnden",
                      utmaning="Vårdkedja för personer med demenssjukdom.", initiativ="kommunen", malgrupp="Äldre",
                      mal="God omsorg", org_bidrag="Personal", kommun_bidrag="Pengar", belopp_per_ar=14_000_000,
                      avtalstid_ar=3, eurokurs=11, uppfoljning="Belagda platser per månad",
                      ingen_leveransplikt=True, ingen_detaljstyrning=True, egna_resurser=True, gemensam_analys=True,
                      ingen_marknad=True, ingen_vinst=True)
OK_DRAFT = {**ALINGSAS_DRAFT, "initiativ": "organisationen", "belopp_per_ar": 400_000,
            "uppfoljning": "Gemensam årlig träff", "namnd": "socialnämnden", "kommun": "Lerums kommun"}


def test_fourteen_million_draft_is_an_assessment_with_a_de_minimis_warning():
    title, sections, warnings = iop_outline(**ALINGSAS_DRAFT)
    assert title.startswith(ASSESSMENT_TITLE) and not title.startswith(IOP_TITLE)
    assert any("överstiger båda taken" in w and "2012/21/EU" in w for w in warnings)
    assert any("levererade enheter" in w for w in warnings)
    heads = [s.heading for s in sections]
    assert "Att klara ut innan ni går vidare" in heads
    warn_section = sections[heads.index("Att klara ut innan ni går vidare")]
    assert warn_section.bullets == warnings


@pytest.mark.parametrize("check", ["ingen_leveransplikt", "ingen_detaljstyrning"])
def test_a_failed_lou_check_changes_the_title(check):
    title, _s, warnings = iop_outline(**{**OK_DRAFT, check: False})
    assert title.startswith(ASSESSMENT_TITLE)
    assert any("HFD 2020:15" in w for w in warnings)


@pytest.mark.parametrize("check", ["gemensam_analys", "ingen_marknad", "egna_resurser"])
def test_a_failed_suitability_check_warns_but_keeps_the_draft_title(check):
    title, sections, warnings = iop_outline(**{**OK_DRAFT, check: False})
    assert title.startswith(IOP_TITLE) and warnings
    assert "Att klara ut innan ni går vidare" in [s.heading for s in sections]


def test_a_clean_draft_has_no_warning_section_and_states_party_and_placeholders():
    title, sections, warnings = iop_outline(**OK_DRAFT)
    assert warnings == [] and title == f"{IOP_TITLE}: Stiftelsen Exempel och Lerums kommun"
    heads = [s.heading for s in sections]
    assert "Att klara ut innan ni går vidare" not in heads
    assert "Part: Lerums kommun genom socialnämnden." in sections[0].paragraphs[0]
    filled = " ".join(sections[heads.index("Avtalsdelar att fylla i")].bullets)
    for part in ("Beslut och delegation", "Villkor för utbetalning", "återbetalning", "Grund för statsstödet",
                 "personuppgiftsansvarig", "allmän handling"):
        assert part.lower() in filled.lower(), part


def test_de_minimis_check_counts_the_whole_agreement_at_the_stated_rate():
    # legal review 03 item 1: aid counts as granted when the right arises (art. 3 of 2023/2831), not when paid
    kr, eur, w = de_minimis_check(400_000, 5, 10)
    assert kr == 2_000_000 and eur == 200_000 and w == []
    kr, eur, w = de_minimis_check(1_200_000, 4, 10)     # 4 years × 1.2 Mkr: 4.8 Mkr, not 3.6 Mkr
    assert kr == 4_800_000 and eur == 480_000
    assert len(w) == 1 and "allmänt de minimis-stöd" in w[0] and "oavsett när det betalas ut" in w[0]
    _kr, _eur, w = de_minimis_check(1_200_000, 3, 10)   # 360 000 euro: over the general ceiling, under SGEI
    assert len(w) == 1 and "allmänt de minimis-stöd" in w[0] and "skriftligen" in w[0]
    _kr, _eur, w = de_minimis_check(3_000_000, 3, 10)   # 900 000 euro: over both
    assert len(w) == 1 and "överstiger båda taken" in w[0] and "kan inte läggas ihop" in w[0]
    # legal review 03 item 2: recovery is a duty, with interest; item 5: SGEI does not remove LOU
    assert "skyldig att kräva tillbaka det med ränta" in w[0] and "kan återkrävas" not in w[0]
    assert "upphandlas enligt LOU" in w[0]


def test_de_minimis_check_adds_support_in_kind_and_other_aid():
    kr, _eur, w = de_minimis_check(600_000, 3, 10, natura_per_ar=100_000, annat_stod_kr=1_000_000)
    assert kr == 3_100_000 and len(w) == 1 and "annat de minimis-stöd" in w[0]


def test_checklist_document_counts_the_whole_amount_and_always_says_what_to_do_before_granting():
    title, sections, warnings = iop_outline(**{**OK_DRAFT, "belopp_per_ar": 1_200_000, "avtalstid_ar": 4,
                                               "eurokurs": 10, "annat_stod_kr": "", "natura_per_ar": ""})
    legal = sections[[s.heading for s in sections].index("Rättslig kontroll innan avtalet skrivs under")]
    text = " ".join(legal.paragraphs)
    assert fmt.kr(4_800_000) in text                                                # item 1
    assert "intyg om annat de minimis-stöd" in text and "skriftligen" in text      # item 11, always
    assert "för själv register" in text and "10 kap. kommunallagen" in text         # items 12 and 9
    assert "1 kap. 9 § regeringsformen" in text                                      # item 10
    assert "bara täcker organisationens kostnader" in text                          # item 7
    assert any("allmänt de minimis-stöd" in w for w in warnings)


def test_checklist_municipal_initiative_is_flagged_in_the_title():
    title, _sections, warnings = iop_outline(**{**OK_DRAFT, "initiativ": "kommunen"})
    assert title.startswith("Underlag för bedömning") and not title.startswith(IOP_TITLE)
    assert any("Forums kriterier" in w and "Vill kommunen i stället kunna kräva" in w for w in warnings)


def test_checklist_widget_headless_fourteen_million_docx(tmp_path):
    form = iop_checklista_widget(tmp_path)
    answers = {k: (str(v) if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in ALINGSAS_DRAFT.items()}
    text = form.submit(**answers, gemensamt="", format="docx")
    assert form.last_error is None, text
    assert ASSESSMENT_TITLE in text
    (path,) = tmp_path.glob("*.docx")
    doc = docx.Document(str(path))
    paras = [(p.text, p.style.name) for p in doc.paragraphs]
    assert paras[0][0].startswith(ASSESSMENT_TITLE)
    headings = [t for t, st in paras if st == "Heading 1"]
    assert "Att klara ut innan ni går vidare" in headings and "Avtalsdelar att fylla i" in headings
    body = "\n".join(t for t, _ in paras)
    assert "överstiger båda taken" in body and "11 kr per euro" in body


def test_checklist_needs_a_euro_rate(tmp_path):
    form = iop_checklista_widget(tmp_path)
    answers = {k: (str(v) if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in OK_DRAFT.items()}
    text = form.submit(**{**answers, "eurokurs": ""}, gemensamt="", format="md")
    assert form.last_result is None and "Eurokurs" in text


# -- legal review 03 (after revision), items 3, 4, 8 and 10 ------------------------------------------------
def _s(**changes):
    base = dict(initiativ="organisationen", flera_aktorer=False, kommunen_koper=False, egna_resurser=True,
                vinst=False, ideburen=True, bilaga2_valfard=False)
    return Situation(**{**base, **changes})


def test_statutory_insats_alone_does_not_claim_an_undertaking_the_user_denied():
    rec = recommend(_s(kommunen_koper=False, ersatter_lagstadgad=True))
    assert rec.form is Form.UPPHANDLING and rec.title.startswith("Troligen upphandling")
    reasons = " ".join(rec.reasons)
    assert "åtar sig i avtalet" not in reasons and "just det som avgjorde" not in reasons
    assert "pröva noga" in reasons and "HFD 2020:15" in reasons
    # with question 1 = Ja the undertaking is stated, and the title is the plain form
    rec = recommend(_s(kommunen_koper=True))
    assert "åtar sig i avtalet" in " ".join(rec.reasons) and rec.title == "Upphandling enligt LOU"


def test_a_non_profit_association_that_is_not_ideburen_is_not_called_a_business():
    rec = recommend(_s(ideburen=False, vinst=False, allmant_stod=True))
    assert rec.form is Form.INTE_IOP
    assert "är en näringsidkare" not in rec.reasons[0] and "2 § lag (2022:900)" not in " ".join(rec.reasons)
    assert "ideell förening" in rec.reasons[0]


def test_profit_distribution_makes_it_a_business_under_2_kap_8():
    rec = recommend(_s(ideburen=False, vinst=True, allmant_stod=True))
    assert rec.form is Form.INTE_IOP
    assert "näringsidkare" in rec.reasons[0] and "synnerliga skäl (2 kap. 8 § kommunallagen)" in rec.reasons[0]


def test_contradiction_no_longer_cites_the_register_definition():
    with pytest.raises(ContradictionError) as err:
        _s(ideburen=True, vinst=True)
    assert "2022:900" not in str(err.value) and "fråga 6 eller fråga 7" in str(err.value)


def test_nothing_bought_outcome_does_not_offer_buying_and_the_municipal_idea_is_not_a_purchase():
    rec = recommend(_s(initiativ="kommunen"))
    assert rec.form is Form.INTE_IOP and rec.title == "Inte IOP – generellt stöd, annat stöd eller inget stöd"
    text = " ".join(rec.reasons)
    assert "De verkliga alternativen är att köpa" not in text
    assert "Vill kommunen att just den verksamheten utförs är det ett köp" not in text
    assert "gör då om det rättsliga testet" in text


def test_iop_names_objectivity_and_sgei_does_not_remove_lou():
    rec = recommend(_s())
    assert rec.form is Form.IOP
    risks = " ".join(rec.risks)
    assert "1 kap. 9 § regeringsformen" in risks and "10 kap. kommunallagen" in risks
    assert "skyldig att kräva tillbaka det med ränta" in risks and "kan återkrävas" not in risks
    assert "Ett SGEI-uppdrag löser bara statsstödsfrågan" in risks
    assert "hela det belopp som avtalet ger rätt till" in risks
    assert any("bara täcker organisationens kostnader" in x for x in rec.lagrum)


@pytest.mark.parametrize("text", ["300 kr per träff", "1 500 kr/tillfälle", "ersättning à 450 kr", "timpris 600 kr",
                                  "350 kr per deltagare och timme", "ersättning per plats",
                                  "1 500 kr för varje träff", "800 kr per kväll", "timpeng 200 kr"])
def test_the_outline_and_the_initiative_catch_payment_per_unit_in_the_same_words(text):
    """Review of module 07 (law 6): the agreement outline of module 03 and module 07's initiative share PER_UNIT."""
    from upphandlingskurs.documents import iop_initiative, iop_outline

    assert iop_outline.PER_UNIT.search(text)
    assert iop_initiative.per_unit(text) == bool(iop_outline.PER_UNIT.search(text))


def test_a_likely_purchase_names_both_direct_award_limits_not_a_flat_lou_applies():
    from upphandlingskurs.documents.iop_outline import if_a_purchase

    text = if_a_purchase()
    assert text.startswith("Är samarbetet ett köp gäller LOU") and "bilaga 2" in text and "19 a kap. LOU" in text


@pytest.mark.parametrize("text", ["Vi träffas varje vecka med unga i Skärhamn", "två träffar per vecka", "ett bidrag till verksamheten",
                                  "gemensamma mål för året", "kommunen upplåter lokalen"])
def test_ordinary_partnership_words_are_not_payment_per_unit(text):
    from upphandlingskurs.documents.iop_outline import PER_UNIT

    assert not PER_UNIT.search(text)
