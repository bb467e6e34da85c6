"""Module 07's widgets: *Leverantörens checklista* and *Initiativ till IOP*.

Two thin views (``DocumentForm``) over pure functions: ``documents.supplier_checklist.supplier_checklist`` and
``documents.iop_initiative.iop_initiative``. Each writes its document with ``documents.writer`` into
``mina_dokument/`` (never overwriting an earlier file) and shows a download link, as module 03 and 05 do. The
initiative is written with ``iop_initiative.write_initiative``, which gives its two parts their own heading level.
"""
from __future__ import annotations

from pathlib import Path

from upphandlingskurs.content.data import GR_MUNICIPALITIES
from upphandlingskurs.documents.iop_initiative import INITIATIVE_CHECKS, iop_initiative, write_initiative
from upphandlingskurs.documents.supplier_checklist import RESERVATIONS, VARIANTS, supplier_checklist
from upphandlingskurs.documents.writer import FORMAT_LABELS, Section, unique_path, write_document
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import CheckboxField, ChoiceField, DocumentForm, TextField, shown_path
from upphandlingskurs.widgets.iop import WHERE_SAVED, widen

DEFAULT_FOLDER = "mina_dokument"
UNANSWERED = ""
CHOOSE = ("– välj –", UNANSWERED)
FORMATS = [(label, key) for key, label in FORMAT_LABELS.items()]


def _save(out_dir: Path, stem: str, title: str, sections: list[Section], format: str, writer=write_document) -> Path:
    target = unique_path(out_dir, stem, format)
    try:
        return writer(title, sections, target, format)
    except OSError as e:
        raise InputError(f"Det gick inte att spara dokumentet i mappen {out_dir}: {e.strerror or e}. "
                         "Det du skrev finns kvar i formuläret; försök igen eller välj ett annat format.") from None


def _result_text(title: str, path: Path, warnings: list[str], heading: str) -> str:
    lines = [f"### {title}", "", f"**Dokumentet är sparat** i filen `{shown_path(path)}`.", "",
             "Ladda ner det med länken nedanför, eller öppna mappen *mina_dokument* i filbläddraren till vänster, "
             "högerklicka på filen och välj **Download**."]
    if warnings:
        lines += ["", f"**{heading}** (står också i dokumentet)", ""] + [f"- {w}" for w in warnings]
    return "\n".join(lines)


def checklista_widget(out_dir: str | Path = DEFAULT_FOLDER) -> DocumentForm:
    """*Leverantörens checklista* – answers about one tender become a checklist and a cost estimate to take home."""
    out_dir = Path(out_dir)
    form: DocumentForm

    def compute(format: str, **answers) -> str:
        title, sections, warnings = supplier_checklist(**answers)
        form.saved = _save(out_dir, "leverantorens_checklista", title, sections, format)
        return _result_text(title, form.saved, warnings, "Att klara ut innan ni lämnar anbud")

    fields = [
        TextField("upphandling", "Upphandling", placeholder="t.ex. Parkskötsel, delkontrakt 3"),
        ChoiceField("kommun", "Kommun", [CHOOSE, *((m, m) for m in GR_MUNICIPALITIES)], default=UNANSWERED),
        ChoiceField("villkor", "Sysselsättningskrav", [CHOOSE, *((text, key) for key, text in VARIANTS.items())],
                    default=UNANSWERED),
        ChoiceField("reservation", "Reserverad?", [CHOOSE, *((text, key) for key, text in RESERVATIONS.items())],
                    default=UNANSWERED),
        TextField("antal_platser", "Antal platser totalt under kontraktstiden (står kravet per år: gånger antalet år)",
                  placeholder="t.ex. 2", required=False),
        TextField("manader_per_plats", "Månader per plats", placeholder="t.ex. 6", required=False),
        TextField("inskolning_manader", "De första månaderna, med lägre produktivitet och mer handledning (antal)",
                  placeholder="t.ex. 2", required=False),
        TextField("handledning_tim_vecka", "Handledning per plats de första månaderna (timmar per vecka)",
                  placeholder="t.ex. 4", required=False),
        TextField("handledning_tim_vecka_sedan", "Handledning per plats sedan (timmar per vecka; tomt = samma)",
                  placeholder="t.ex. 2", required=False),
        TextField("timkostnad_kr", "Kostnad per timme för den som handleder eller deltar i mötena (kr)",
                  placeholder="er egen siffra", required=False),
        TextField("lagre_produktivitet_procent", "Hur mycket lägre produktivitet de första månaderna (procent)",
                  placeholder="t.ex. 40", required=False),
        TextField("manadskostnad_plats_kr", "Kostnad per månad för en plats, lön och avgifter före lönestöd (kr)",
                  placeholder="er egen siffra; 0 för praktik utan lön", required=False),
        TextField("ovrigt_per_plats_kr", "Övriga kostnader per plats: utrustning, arbetskläder, utbildning (kr)",
                  placeholder="t.ex. 3 000; tomt = 0", required=False),
        TextField("motestimmar", "Möten med kommunen och den matchningsansvariga under kontraktet (timmar)",
                  placeholder="t.ex. 10; tomt = 0", required=False),
        TextField("rapportering_tim_kvartal", "Rapportering till kommunen (timmar per kvartal)", placeholder="t.ex. 3",
                  required=False),
        TextField("kontraktstid_manader", "Kontraktstid i månader (räkna med de förlängningar som ni tror blir av)",
                  placeholder="t.ex. 24", required=False),
        TextField("egna_fragor", "Era egna frågor till kommunen (en per rad, frivilligt)", multiline=True,
                  required=False),
        ChoiceField("klarar_kvalificering", "Uppfyller ni alla kvalificeringskrav själva?",
                    [CHOOSE, ("Ja", "ja"), ("Nej", "nej")], default=UNANSWERED),
        CheckboxField("underleverantorer", "Vi tänker anlita underleverantörer"),
        CheckboxField("arbetsmiljoplan", "Vi har en plan för handledning och arbetsmiljö för nya medarbetare"),
        CheckboxField("krav_verkar_fel", "Något krav verkar oklart eller oproportionerligt"),
        ChoiceField("format", "Spara som", FORMATS, default="docx"),
    ]
    form = DocumentForm(
        "Leverantörens checklista", fields, compute=compute, button="Skapa checklistan",
        intro="Svara på frågorna om en upphandling och klicka på **Skapa checklistan**. Du får en checklista med en "
              "kalkyl över vad sysselsättningskravet kan kosta, frågor att ställa under anbudstiden och vad lagen "
              "säger om arbetsmiljö, samarbete med andra och överprövning. Kalkylen bygger bara på dina egna "
              "siffror, och de står i checklistan. Har upphandlingen inget sysselsättningskrav lämnar du talfälten "
              "tomma. Vid ett dialogvillkor räcker timkostnad, möten, rapportering och kontraktstid. Det du skriver "
              "sparas i en fil i mappen *mina_dokument* bredvid arbetsbladet. "
              f"{WHERE_SAVED}")
    widen(form)
    return form


def initiativ_widget(out_dir: str | Path = DEFAULT_FOLDER) -> DocumentForm:
    """*Initiativ till IOP* – the idéburen organisation's proposal to the municipality, saved as a file."""
    out_dir = Path(out_dir)
    form: DocumentForm

    def compute(format: str, **answers) -> str:
        title, sections, warnings = iop_initiative(**answers)
        form.saved = _save(out_dir, "iop_initiativ", title, sections, format, writer=write_initiative)
        return _result_text(title, form.saved, warnings, "Att klara ut innan ni skickar initiativet")

    fields = [
        TextField("organisation", "Organisationens namn", placeholder="t.ex. Föreningen Exempel"),
        ChoiceField("kommun", "Kommun", [CHOOSE, *((m, m) for m in GR_MUNICIPALITIES)], default=UNANSWERED),
        TextField("behov", "Behovet ni ser", multiline=True),
        TextField("egen_verksamhet", "Er egen verksamhet i dag", multiline=True),
        TextField("org_bidrag", "Ert eget bidrag (ett per rad)", multiline=True,
                  placeholder="t.ex. ideella ledare, lokal, insamlade medel"),
        TextField("onskat_av_kommunen", "Det ni önskar av kommunen (ett per rad, frivilligt)", multiline=True,
                  required=False, placeholder="t.ex. bidrag, lokal, kunskap"),
        TextField("analysforslag", "Så vill ni analysera behovet tillsammans", multiline=True),
        TextField("malgrupp", "Målgrupp", placeholder="t.ex. unga 13–17 år"),
        TextField("mal", "Gemensamma mål (ett per rad)", multiline=True),
        TextField("uppfoljning", "Så följer ni upp tillsammans (ett per rad)", multiline=True),
        TextField("belopp_per_ar", "Önskat bidrag per år (kr, frivilligt)", required=False, placeholder="t.ex. 200 000"),
        TextField("avtalstid_ar", "Avtalstid (år, behövs om ni anger ett belopp)", required=False, placeholder="t.ex. 3"),
        TextField("eurokurs", "Eurokurs (kr per euro, behövs om ni anger ett belopp)", required=False,
                  placeholder="dagens kurs, se riksbank.se"),
        *[CheckboxField(name, label) for name, label, _advice in INITIATIVE_CHECKS],
        ChoiceField("format", "Spara som", FORMATS, default="docx"),
    ]
    form = DocumentForm(
        "Initiativ till IOP", fields, compute=compute, button="Skapa initiativet",
        intro="För den idéburna organisationen: beskriv behovet, er egen verksamhet och vad ni själva bidrar med, och "
              "klicka på **Skapa initiativet**. Dokumentet har två delar: initiativet till kommunen och er egen "
              "checklista, som ni tar bort innan ni skickar. Kontrollerna är desamma som i kommunens IOP-checklista "
              "i modul 03. Om en kontroll som gäller LOU inte är uppfylld, eller om ni skriver om ersättning per "
              "träff, tillfälle, deltagare eller timme, säger dokumentet det, eftersom idén då troligen är ett köp "
              "(HFD 2020:15). Det du skriver sparas i en fil i mappen *mina_dokument* bredvid arbetsbladet. "
              f"{WHERE_SAVED}")
    widen(form)
    return form
