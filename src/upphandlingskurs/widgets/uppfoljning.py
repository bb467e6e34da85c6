"""Module 04's sensitivity widget: a thin Form view on ``decisions.social_value``.

The default value per person comes from data/samhallsekonomiska_parametrar.csv (Upphandlingsmyndigheten's
worked example), never typed into the code.
"""
from __future__ import annotations

from upphandlingskurs import format as fmt
from upphandlingskurs.decisions.social_value import sensitivity_text
from upphandlingskurs.widgets.form import Form, NumberField

# Imported only when the report draws its chart; a grading kernel imports them ahead (grading/autograde.py).
WARM_IMPORTS = ("matplotlib.pyplot", "upphandlingskurs.content.followup", "upphandlingskurs.documents.figures")

VALUE_PARAMETER = "vinst_per_person_12_man"


def kansla_widget(default_value: float | None = None) -> Form:
    """The sensitivity widget of module 04."""
    if default_value is None:
        from upphandlingskurs.content.data import parameter
        default_value = parameter(VALUE_PARAMETER)
    return Form(
        "Prova: hur stort är det samhällsekonomiska värdet?",
        [NumberField("persons", "Antal personer som fått sysselsättning genom kravet", default="10", minimum=0, maximum=100_000, integer=True,
                     placeholder="t.ex. 10"),
         NumberField("value_per_person_year", "Värde per person och år (kr)", default=fmt.number(default_value),
                     minimum=0, placeholder="t.ex. 200 000"),
         NumberField("years", "Antal år", default="1", minimum=0.25, maximum=40, placeholder="t.ex. 1"),
         NumberField("deadweight_pct", "Dödvikt: andel som hade fått jobb ändå (%)", default="0", minimum=0,
                     maximum=100, placeholder="0–100"),
         NumberField("displacement_pct", "Undanträngning: andel jobb som tog plats från andra (%)", default="0",
                     minimum=0, maximum=100, placeholder="0–100")],
        compute=sensitivity_text,
        button="Räkna",
        intro="Fyll i fälten och klicka på **Räkna**. Värdet per person är Upphandlingsmyndighetens räkneexempel för ett "
              "visst fall (en nyanländ med anställningsstöd i 12 månader: över 200 000 kr), inget golv – med andra indata kan "
              "värdet bli lägre. Värdet per person beror också på formen (anställning, lärlingsanställning eller praktik); "
              "200 000 kr gäller en anställning med anställningsstöd. Kalkylatorn antar att personen annars hade förblivit arbetslös, alltså ingen dödvikt, och "
              "räknar inte med undanträngning eller långsiktiga effekter. Ändra dödvikt och undanträngning och se hur mycket "
              "av värdet som finns kvar.",
    )


# -- the follow-up file: targets against outcomes, without code --------------------------------------------------
def followup_chart(summary, what: str = "kommun"):
    """Grouped bars, target and outcome per group; hatching and labels so colour is not the only cue."""
    import matplotlib.pyplot as plt

    from upphandlingskurs.content.followup import chart_alt_text

    fig, ax = plt.subplots(figsize=(8, max(3, 0.45 * len(summary) + 1)))
    y = range(len(summary))
    target = summary["mal_med_utfall"] if "mal_med_utfall" in summary else summary["mal"]
    ax.barh([i + 0.2 for i in y], target, height=0.4, label="Mål i avtal med utfall (platser)", color="#4a4a4a")
    ax.barh([i - 0.2 for i in y], summary["utfall"], height=0.4, label="Utfall (rapporterat)", color="#9ecae1",
            hatch="//", edgecolor="#08306b")
    ax.set_yticks(list(y), [str(i) for i in summary.index])
    ax.invert_yaxis()
    ax.set_xlabel("Antal platser")
    ax.set_ylabel(what.capitalize())
    ax.set_title(f"Mål och utfall per {what} (bara avtal med rapporterat utfall)")
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig, chart_alt_text(summary, what=what)


def followup_report(std, *, synthetic: bool = False, chart: bool = True) -> None:
    """Show the summary text, the tables per municipality and per variant, and the chart (prepared cells)."""
    from IPython.display import Markdown, display

    from upphandlingskurs.content.followup import summarise, summary_text, swedish_table
    from upphandlingskurs.documents.figures import show_figure

    display(Markdown("### Sammanfattning\n\n" + summary_text(std, synthetic=synthetic)))
    display(Markdown("Kolumnen *Mål i avtal med utfall* räknar bara kravet i de avtal som har rapporterat utfall. "
                     "Det är den du ska jämföra utfallet med – och den som diagrammet visar – så att avtal utan "
                     "utfall inte ser ut som noll."))
    for by, what in (("kommun", "kommun"), ("variant", "villkorsvariant")):
        table = summarise(std, by)
        display(Markdown(f"### Per {what}"))
        display(swedish_table(table))
        if chart and by == "kommun":
            fig, alt = followup_chart(table, what)
            show_figure(fig, alt)


UPLOAD_NOTICE = (
    "<p><b>Innan du väljer fil:</b> filen laddas upp till den dator där notebooken körs – på en workshop kursens "
    "server. Ladda bara upp en fil med sammanställda antal per avtal, utan namn, personnummer eller små tal som kan "
    "peka ut någon, och ta bort filen när du är klar. Är du osäker: fråga dataskyddsombudet innan. Filen ändras inte.</p>"
    "<p>1. Välj din kommuns uppföljningsfil (CSV eller Excel).<br>2. Välj vilken kolumn som är vad "
    "(* = måste väljas).<br>3. Klicka på <b>Visa mål och utfall</b>. Filen städas på samma sätt som kursens fil "
    "(tomma rader och dubbletter tas bort, kommunnamn rättas), och du ser vad som gjordes.</p>")


def _html_message(text: str) -> str:
    """Escaped text with Markdown **bold** as <b> (error messages are written for Markdown and HTML)."""
    import html
    import re
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(text))


class FollowupWidget:
    """Upload a CSV or Excel file, say which column is which, and see targets against outcomes.

    Headless use in tests: ``w.load(bytes, "fil.csv")``, ``w.choose(kommun="Kommun", ...)``, ``w.show()`` returns
    the Markdown or the Swedish error message. A file that looks like it holds personal data is refused in
    ``load`` and never processed.
    """

    def __init__(self):
        import ipywidgets as w

        from upphandlingskurs.content.followup import NO_COLUMN, ROLES

        self.raw = None
        self.std = None
        self.report = None
        self.upload = w.FileUpload(accept=".csv,.xlsx,.xls", multiple=False, description="Välj fil")
        self.dropdowns = {r.key: w.Dropdown(options=[NO_COLUMN], description=r.label + (" *" if r.required else ""),
                                            style={"description_width": "initial"}) for r in ROLES}
        self.button = w.Button(description="Visa mål och utfall", button_style="primary")
        self.message = w.HTML()
        self.out = w.Output()
        self.upload.observe(self._on_upload, names="value")
        self.button.on_click(lambda _: self._render())
        self.box = w.VBox([w.HTML(UPLOAD_NOTICE), self.upload, *self.dropdowns.values(), self.button, self.message,
                           self.out])

    def _ipython_display_(self):
        from IPython.display import display
        display(self.box)

    def _on_upload(self, change):
        files = change["new"]
        if not files:
            return
        f = files[0] if isinstance(files, (list, tuple)) else list(files.values())[0]
        self.load(bytes(f["content"]), f["name"])

    def load(self, data: bytes, filename: str) -> str:
        from upphandlingskurs.content.followup import NO_COLUMN, check_no_personal_data, guess_mapping, read_table
        from upphandlingskurs.parsing import InputError

        self.std = None
        try:
            raw = read_table(data, filename=filename)
            check_no_personal_data(raw)
        except InputError as err:
            self.raw = None
            for dd in self.dropdowns.values():
                dd.options = [NO_COLUMN]
            return self._say(f"⚠️ {err}")
        self.raw = raw
        guess = guess_mapping(self.raw.columns)
        for key, dd in self.dropdowns.items():
            dd.options = [NO_COLUMN, *map(str, self.raw.columns)]
            dd.value = guess.get(key, NO_COLUMN)
        return self._say(f"Filen {filename} har {len(self.raw)} rader och {len(self.raw.columns)} kolumner. "
                         "Kontrollera kolumnerna nedan.")

    def choose(self, **mapping) -> None:
        for key, col in mapping.items():
            self.dropdowns[key].value = col

    def _say(self, text: str) -> str:
        self.message.value = f"<p role='status'>{_html_message(text)}</p>"
        return text

    def show(self) -> str:
        """The Markdown summary with what the cleaning did, or the Swedish message (headless)."""
        from upphandlingskurs.content.followup import cleaning_text, prepare_own_file, summary_text
        from upphandlingskurs.parsing import InputError

        if self.raw is None:
            return self._say("Välj först en fil.")
        try:
            self.std, self.report = prepare_own_file(self.raw, {k: d.value for k, d in self.dropdowns.items()})
        except InputError as err:
            self.std = self.report = None
            return self._say(f"⚠️ {err}")
        self._say("")
        return "### Så städades filen\n\n" + cleaning_text(self.report) + "\n\n" + summary_text(self.std)

    def _render(self):
        from IPython.display import Markdown, display

        from upphandlingskurs.content.followup import cleaning_text

        text = self.show()
        self.out.clear_output()
        if self.std is not None:
            with self.out:
                display(Markdown("### Så städades filen\n\n" + cleaning_text(self.report)))
                followup_report(self.std)
        else:
            self.message.value = self.message.value or text


def followup_widget() -> FollowupWidget:
    """The upload widget of module 04."""
    return FollowupWidget()
