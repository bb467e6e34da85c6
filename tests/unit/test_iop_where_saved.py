"""Finding 36 of the legal review of modules 03-05: the IOP checklist says truthfully where its file is saved."""
from upphandlingskurs.widgets.iop import WHERE_SAVED, iop_checklista_widget

GOOD = dict(organisation="Föreningen Exempel", kommun="Lerums kommun", namnd="socialnämnden", eurokurs="11",
            utmaning="Unga samlas i centrum på kvällarna och saknar vuxna att prata med.", initiativ="organisationen",
            malgrupp="Unga 13–17 år", mal="Fler unga i meningsfull fritid", org_bidrag="Ideella ledare",
            kommun_bidrag="Pengar", belopp_per_ar="400 000", avtalstid_ar="3", uppfoljning="Antal besök per månad",
            gemensamt="", gemensam_analys=True, ingen_marknad=True, ingen_detaljstyrning=True, ingen_vinst=True,
            ingen_leveransplikt=True, egna_resurser=True)


def test_checklist_names_the_server_and_the_laptop_not_only_this_computer(tmp_path):
    form = iop_checklista_widget(tmp_path)
    assert WHERE_SAVED in form.intro
    assert "JupyterHub" in WHERE_SAVED and "säkerhetskopior" in WHERE_SAVED and "egen dator" in WHERE_SAVED
    text = form.submit(**GOOD, format="md")
    assert form.last_error is None, text
    for shown in (form.intro, text):
        assert "den här datorn" not in shown


def test_checklist_and_module_05_word_the_storage_the_same_way():
    from pathlib import Path

    import nbformat

    repo = Path(__file__).resolve().parents[2]
    nb = nbformat.read(repo / "course/05_fran_kunskap_till_handling.ipynb", as_version=4)
    assert any(WHERE_SAVED in c.source for c in nb.cells)
