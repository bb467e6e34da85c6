"""Module 02's widgets: *Kravbyggaren* and *Utvärderingssimulatorn*, thin views on decisions.employment / .evaluation."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import ipywidgets as w

from upphandlingskurs.decisions.employment import (DEFAULT_COST_PER_FTE, SECTORS, VARIANTS, build_requirement,
                                         requirement_markdown)
from upphandlingskurs.decisions.evaluation import deduction_markdown, parse_tenders, weighted_markdown
from upphandlingskurs.format import number
from upphandlingskurs.parsing import parse_number
from upphandlingskurs.documents.writer import FORMAT_LABELS, download_link_html
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import (CheckboxField, ChoiceField, DocumentForm, Form, NumberField, TextField,
                                           shown_path)

ANNEX_FOLDER = "mina_dokument"  # the same git-ignored folder as the IOP outline and the action plan


@dataclass
class OptionalNumberField(NumberField):
    """A number field that may be left empty (then the value is None)."""

    def parse(self, raw):
        value = parse_number(raw, self.label, minimum=self.minimum, maximum=self.maximum,
                             integer=self.integer, allow_empty=True)
        if value is None:
            return None
        return int(value) if self.integer else float(value)


def _build(value, months, intensity, sector, variant, target_group, cost_per_fte, requested, sek_per_gbp,
           residence, local_supplier, at_tender, group_defined, matching, follow_up):
    return build_requirement(value, months, intensity, sector, variant, target_group=target_group,
                            cost_per_fte_kr=cost_per_fte, requested_positions=requested, sek_per_gbp=sek_per_gbp,
                            residence_requirement=residence, local_supplier_requirement=local_supplier,
                            required_at_tender=at_tender, target_group_defined=group_defined,
                            matching_officer=matching, follow_up_and_sanctions=follow_up)


def _kravbyggaren(**values) -> str:
    return requirement_markdown(_build(**values))


class AnnexForm(DocumentForm):
    """The annex part of Kravbyggaren: download links for part A, part B and, if saved, the reporting template."""
    template: Path | None = None
    guidance: Path | None = None

    def run(self) -> str:
        self.template = None
        self.guidance = None
        result = super().run()
        if self.last_error is None:
            for path in (self.guidance, self.template):
                if path is not None:
                    self._result.value += f"<p>{download_link_html(path)}</p>"
        return result


def annex_form(builder: Form, folder: str | Path = ANNEX_FOLDER) -> AnnexForm:
    """The form below Kravbyggaren that writes the requirement annex from Kravbyggaren's current result."""
    form: AnnexForm

    def compute(avtal: str, format: str, template: bool, ramavtal: bool = False, bekraftat: bool = False) -> str:
        from upphandlingskurs.documents.requirement_annex import save_annex, save_template  # pandas: only on click

        req = getattr(builder, "requirement", None)
        if req is None or builder.last_error is not None:
            raise InputError("Klicka först på **Bygg kravet** ovanför (och rätta eventuella fel där). Bilagan "
                             "bygger på Kravbyggarens senaste förslag.")
        files = save_annex(req, format, folder, avtal, ramavtal=ramavtal, bekraftat_krav=bekraftat)
        form.saved, form.guidance = files.villkor, files.anvisning
        text = (f"**Klart!** Del A, avtalsvillkoren, är sparad i filen `{shown_path(files.villkor)}` och del B, "
                f"anvisningen till dig, i filen `{shown_path(files.anvisning)}` ({FORMAT_LABELS[format]}). Bifoga "
                "bara del A till upphandlingsdokumenten, och fyll först i fälten inom hakparentes [ ]. Bilagan "
                "bygger på Kravbyggarens senaste förslag: ändrar du uppgifterna ovanför, klicka på **Bygg kravet** "
                "och sedan här igen.")
        if template:
            form.template = save_template(folder)
            text += (f" Leverantörens rapportmall är sparad i filen `{shown_path(form.template)}` (Excel). När "
                     "leverantören har fyllt i den kan den läsas in i analysen i modul 04 utan att du väljer kolumner.")
        return text + (" Ladda ner filerna med länkarna nedanför, eller öppna mappen "
                       f"*{Path(folder).name}* i filbläddraren till vänster, högerklicka och välj **Download**.")

    form = AnnexForm(
        "Kravbilaga att lägga i upphandlingsdokumenten",
        [TextField("avtal", "Avtalets benämning (frivilligt, inga personuppgifter)", required=False,
                   placeholder="t.ex. Lokalvård i skolor 2027"),
         ChoiceField("format", "Filformat", [(label, key) for key, label in FORMAT_LABELS.items()], default="docx"),
         CheckboxField("template", "Spara också leverantörens rapportmall (Excel)", default=True),
         CheckboxField("ramavtal", "Upphandlingen gäller ett ramavtal (åtagandet följer den volym som avropas)"),
         CheckboxField("bekraftat", "Vi ställer kravet på anställning eller praktik fast tumregeln föreslår inget, "
                                    "och har motiverat varför det är proportionerligt")],
        compute=compute,
        button="Skapa kravbilagan",
        intro="Bilagan har två delar. Del A är avtalsvillkoren som bifogas upphandlingsdokumenten: villkoret "
              "ovanför, rapportering, hur leverantören visar att en person tillhör målgruppen, matchning och "
              "sanktioner. Del B är en anvisning till dig och bifogas inte: det villkoret inte får innehålla, "
              "punkter att bestämma med er upphandlingsjurist, personuppgifter och Kravbyggarens flaggor. Filen sparas "
              f"i mappen `{Path(folder).name}` bredvid den här notebooken.",
    )
    return form


def kravbyggaren_widget(folder: str | Path = ANNEX_FOLDER) -> Form:
    """Kravbyggaren: a suggested employment requirement with reasoning, clause text and flags, and below it the
    form that writes the requirement annex (``form.annex``) from the current result (``form.requirement``)."""
    def compute(**values) -> str:
        form.requirement = None
        req = _build(**values)
        form.requirement = req
        return requirement_markdown(req)

    form = Form(
        "Kravbyggaren – sysselsättningskrav för ett kontrakt",
        [NumberField("value", "Kontraktets totala värde (kr)", default="12 000 000", minimum=0,
                     placeholder="t.ex. 12 000 000"),
         NumberField("months", "Avtalstid (månader)", default="36", minimum=1, maximum=240, placeholder="t.ex. 36"),
         ChoiceField("intensity", "Arbetsintensitet",
                     [("låg (ungefär 20 % personalkostnad)", "låg"), ("medel (ungefär 45 %)", "medel"),
                      ("hög (ungefär 70 %)", "hög")], default="hög"),
         ChoiceField("sector", "Bransch", [(label, key) for key, label in SECTORS.items()], default="lokalvård"),
         ChoiceField("variant", "Villkorsvariant", [(label, key) for key, label in VARIANTS.items()],
                     default="anställning eller praktik"),
         TextField("target_group", "Målgrupp", default="personer som har varit arbetslösa i minst 12 månader",
                   required=False),
         NumberField("cost_per_fte", "Kostnad per heltidstjänst och år (kr, kursens antagande)",
                     default=number(DEFAULT_COST_PER_FTE), minimum=1),
         OptionalNumberField("requested", "Antal personer ni vill kräva (frivilligt)", minimum=0, integer=True,
                             placeholder="lämna tomt om ni vill"),
         OptionalNumberField("sek_per_gbp", "Kronor per brittiskt pund för jämförelse med JRF (frivilligt)",
                             minimum=0.01, placeholder="dagens växelkurs, t.ex. från Riksbanken"),
         CheckboxField("residence", "Krav på att personerna ska bo i kommunen"),
         CheckboxField("local_supplier", "Krav på att leverantören ska ha kontor i kommunen"),
         CheckboxField("at_tender", "Anbudsgivaren ska redan ha anställt personer ur målgruppen när anbudet lämnas"),
         CheckboxField("group_defined", "Målgruppen är definierad i villkoret", default=True),
         CheckboxField("matching", "En matchningsansvarig är utsedd", default=True),
         CheckboxField("follow_up", "Avtalet har uppföljning och sanktioner", default=True)],
        compute=compute,
        button="Bygg kravet",
        intro="Fyll i kontraktets uppgifter och klicka på **Bygg kravet**. Förslaget bygger på **kursens tumregel** "
              "(inte lag): inga krav under Göteborgs riktmärke, annars en plats per tio årsarbeten i kontraktet. "
              "Kryssa i rutorna för att se vilka krav som inte är tillåtna.",
    )
    form.requirement = None
    form.annex = annex_form(form, folder)
    form.widget = w.VBox([form.widget, form.annex.widget])
    return form


def _viktning(tenders, w_price, w_quality, w_social) -> str:
    return weighted_markdown(parse_tenders(tenders), w_price, w_quality, w_social)


def _mervarde(tenders, max_quality, max_social) -> str:
    return deduction_markdown(parse_tenders(tenders), max_quality, max_social)


EXAMPLE_TENDERS = "A; 10 000 000; 7; 3\nB; 10 600 000; 7; 9\nC; 11 200 000; 9; 6"
TENDER_LABEL = "Anbud (ett per rad: namn; pris i kr; kvalitet 0–10; socialt 0–10)"


def viktning_widget(tenders: str = EXAMPLE_TENDERS) -> Form:
    """Utvärderingssimulatorn with weighted points."""
    return Form(
        "Utvärderingssimulatorn – viktade poäng",
        [TextField("tenders", TENDER_LABEL, default=tenders, multiline=True),
         NumberField("w_price", "Vikt för pris (%)", default="70", minimum=0, maximum=100),
         NumberField("w_quality", "Vikt för kvalitet (%)", default="20", minimum=0, maximum=100),
         NumberField("w_social", "Vikt för det sociala kriteriet (%)", default="10", minimum=0, maximum=100)],
        compute=_viktning,
        button="Utvärdera",
        intro="Skriv 2–4 påhittade anbud och välj vikter som tillsammans blir 100 %. Simulatorn visar "
              "placeringen och vid vilken social vikt vinnaren byts ut.",
    )


def mervarde_widget(tenders: str = EXAMPLE_TENDERS) -> Form:
    """Utvärderingssimulatorn with value-added deductions in kronor."""
    return Form(
        "Utvärderingssimulatorn – mervärdesavdrag i kronor",
        [TextField("tenders", TENDER_LABEL, default=tenders, multiline=True),
         NumberField("max_quality", "Högsta avdrag för kvalitet (kr vid 10 poäng)", default="500 000", minimum=0),
         NumberField("max_social", "Högsta avdrag för det sociala kriteriet (kr vid 10 poäng)", default="500 000",
                     minimum=0)],
        compute=_mervarde,
        button="Utvärdera",
        intro="Varje poäng är värd ett avdrag från anbudspriset. Lägst jämförelsepris vinner. Simulatorn visar "
              "vid vilket socialt avdrag vinnaren byts ut.",
    )
