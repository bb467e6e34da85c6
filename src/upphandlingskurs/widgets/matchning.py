"""Module 06's widgets: *Sanktionstrappan* and the supplier reporting template to download.

Both are thin views (``Form``): the ladder over ``decisions.sanctions.next_step``, the template over
``documents.requirement_annex.save_template`` (which writes ``content.reporting_template``'s Excel file).
"""
from __future__ import annotations

from pathlib import Path

from upphandlingskurs.decisions.sanctions import BREACHES, next_step, step_markdown
from upphandlingskurs.documents.action_plan import DEFAULT_FOLDER
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import ChoiceField, DocumentForm, Form, shown_path
from upphandlingskurs.widgets.iop import WHERE_SAVED

UNANSWERED = ""
YES_NO = [("– välj –", UNANSWERED), ("Ja", "ja"), ("Nej", "nej")]
CHOOSE = [("– välj –", UNANSWERED)] + [(label, key) for key, label in BREACHES.items()]
#: (field, label, full question) – the yes/no questions of the ladder, in the order the widget shows them.
QUESTIONS = [
    ("anmanad", "Anmaning skickad?",
     "Har leverantören fått en skriftlig anmaning, och har tiden för rättelse gått ut utan att bristen är rättad?"),
    ("upprepad", "Upprepad brist?",
     "Fortsätter bristen eller kommer den tillbaka, trots anmaning (och vite, om avtalet har vite)?"),
    ("avtalet_har_vite", "Vitesklausul i avtalet?", "Har avtalet en vitesklausul för sysselsättningskravet?"),
    ("avtalet_har_havning", "Hävningsklausul i avtalet?",
     "Har avtalet en klausul om hävning när sysselsättningskravet inte uppfylls?"),
    ("ramavtal", "Ramavtal?", "Är avtalet ett ramavtal som kommunen gör avrop från?"),
]


def ladder_text(brist: str, **answers: str) -> str:
    """The widget's text: every question must be answered ("ja"/"nej"); Swedish messages list what is missing."""
    if brist == UNANSWERED:
        raise InputError("Välj vad som har hänt i listan \u201dVad har hänt?\u201d.")
    missing = [question for name, _label, question in QUESTIONS if answers.get(name, UNANSWERED) == UNANSWERED]
    if missing:
        raise InputError("\n".join(f"Svara Ja eller Nej: {q}" for q in missing))
    values = {name: answers[name] == "ja" for name, _l, _q in QUESTIONS}
    return step_markdown(next_step(brist, **values))


def sanktionstrappan_widget() -> Form:
    """*Sanktionstrappan* – choose what went wrong and what has happened, and see the next step."""
    fields = [ChoiceField("brist", "Vad har hänt?", CHOOSE, default=UNANSWERED)]
    fields += [ChoiceField(name, label, YES_NO, default=UNANSWERED) for name, label, _q in QUESTIONS]
    form = Form(
        "Sanktionstrappan", fields, compute=ladder_text, button="Visa nästa steg",
        intro="Välj vad som har hänt och svara på frågorna. Du får nästa steg i trappan (rättelse, vite eller "
              "hävning), vad du ska dokumentera och vad avtalet måste säga för att steget ska vara möjligt.\n\n"
              + "\n".join(f"- **{label}** {q}" for _n, label, q in QUESTIONS),
    )
    for name, _label, question in QUESTIONS:
        form.controls[name].tooltip = question
    for control in form.controls.values():
        control.style.description_width = "13em"
        control.layout.width = "min(100%, 46em)"
    form._button.layout.width = "auto"
    return form


def rapportmall_widget(folder: str | Path = DEFAULT_FOLDER) -> Form:
    """A button that saves the supplier reporting template (.xlsx) into ``folder`` and shows a download link."""
    form: DocumentForm

    def compute() -> str:
        from upphandlingskurs.documents.requirement_annex import save_template  # openpyxl: only on click

        path = save_template(folder)  # raises InputError with a Swedish message when the folder cannot be written
        form.saved = path
        return (f"**Klart!** Rapportmallen är sparad i filen `{shown_path(path)}` (Excel). Ladda ner den med länken "
                f"nedanför, eller öppna mappen *{Path(folder).name}* i filbläddraren till vänster, högerklicka på "
                "filen och välj **Download**. Mallen har två flikar: *Rapport*, där leverantören skriver antal, och "
                "*Så fyller du i*.")

    form = DocumentForm(
        "Leverantörens rapportmall", [], compute=compute, button="Spara rapportmallen",
        intro=f"Klicka på **Spara rapportmallen**. Filen sparas i mappen `{Path(folder).name}` bredvid den här "
              f"notebooken. {WHERE_SAVED} Mallen innehåller bara rubriker och anvisningar, inga personuppgifter.",
    )
    return form
