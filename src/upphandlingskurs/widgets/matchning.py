"""Module 06's widgets: *Sanktionstrappan* and the supplier reporting template to download.

Both are thin views (``Form``): the ladder over ``decisions.sanctions.next_step``, the template over
``documents.requirement_annex.save_template`` (which writes ``content.reporting_template``'s Excel file).
"""
from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from upphandlingskurs.decisions.sanctions import BREACHES, QUESTIONS, needed, next_step, step_markdown
from upphandlingskurs.documents.action_plan import DEFAULT_FOLDER
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import ChoiceField, DocumentForm, Form, shown_path
from upphandlingskurs.widgets.iop import WHERE_SAVED

UNANSWERED = ""
YES_NO = [("– välj –", UNANSWERED), ("Ja", "ja"), ("Nej", "nej")]
CHOOSE = [("– välj –", UNANSWERED)] + [(label, key) for key, label in BREACHES.items()]


def _answers(raw: dict[str, str]) -> dict[str, bool | None]:
    return {q.name: {"ja": True, "nej": False}.get(raw.get(q.name, UNANSWERED)) for q in QUESTIONS}


def ladder_text(brist: str, **raw: str) -> str:
    """The widget's text. Only the questions that matter for the case must be answered ("ja"/"nej"); a Swedish
    message lists every one that is missing."""
    if brist == UNANSWERED:
        raise InputError("Välj vad som har hänt i listan \u201dVad har hänt?\u201d.")
    answers = _answers(raw)
    names = needed(brist, answers)
    missing = [q.text for q in QUESTIONS if q.name in names and answers[q.name] is None]
    if missing:
        raise InputError("\n".join(f"Svara Ja eller Nej: {t}" for t in missing))
    return step_markdown(next_step(brist, **{n: bool(answers[n]) for n in names}))


def shown_questions(form: Form) -> list[str]:
    """The questions the widget shows now (the others are hidden because they do not matter for the case)."""
    return [q.name for q in QUESTIONS if form.controls[q.name].layout.display != "none"]


def _update(form: Form) -> None:
    brist = form.controls["brist"].value
    names = needed(brist, _answers({q.name: form.controls[q.name].value for q in QUESTIONS})) if brist else []
    for q in QUESTIONS:
        form.controls[q.name].layout.display = None if q.name in names else "none"


def sanktionstrappan_widget() -> Form:
    """*Sanktionstrappan* – choose what went wrong and what has happened, and see the next step. Only the questions
    that matter for the chosen case are shown."""
    fields = [ChoiceField("brist", "Vad har hänt?", CHOOSE, default=UNANSWERED)]
    fields += [ChoiceField(q.name, q.label, YES_NO, default=UNANSWERED) for q in QUESTIONS]
    form = Form(
        "Sanktionstrappan", fields, compute=ladder_text, button="Visa nästa steg",
        intro="Välj vad som har hänt. Widgeten visar bara de frågor som spelar roll för det du har valt, och fler "
              "frågor när du svarar. Du får nästa steg (rättelse, vite, hävning eller att fråga juristen), vad du "
              "ska dokumentera och vad avtalet måste säga för att steget ska vara möjligt. Frågorna:\n\n"
              + "\n".join(f"- **{q.label}** {q.text}" for q in QUESTIONS),
    )
    for q in QUESTIONS:
        form.controls[q.name].tooltip = q.text
    for control in form.controls.values():
        control.style.description_width = "15em"
        control.layout = w.Layout(width="min(100%, 48em)")  # its own layout: the form's default one is shared
        control.observe(lambda _change: _update(form), names="value")
    form._button.layout.width = "auto"
    _update(form)
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
