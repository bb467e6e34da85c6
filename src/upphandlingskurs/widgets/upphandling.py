"""Module 01's widgets: *Var i processen?* and *Tröskelvärdeskollen* (thin views over pure functions)."""
from __future__ import annotations

from dataclasses import dataclass

from upphandlingskurs.parsing import parse_number
from upphandlingskurs.decisions.process import MEASURES, STAGES, placement_feedback
from upphandlingskurs.decisions.thresholds import (AUTHORITY_LABELS, CURRENCY_LABELS, KIND_LABELS, Authority, Currency, Kind,
                                         threshold_text)
from upphandlingskurs.widgets.form import ChoiceField, Form, NumberField

NOT_CHOSEN = ("– välj steg –", "")


@dataclass
class OptionalNumberField(NumberField):
    """A number field that may be left empty (then the value is None)."""

    def parse(self, raw):
        value = parse_number(raw, self.label, minimum=self.minimum, maximum=self.maximum, integer=self.integer,
                             allow_empty=True)
        if value is None:
            return None
        return float(value) if self.as_float else value


def process_widget() -> Form:
    """*Var i processen?* – one dropdown per measure; feedback with reason and lagrum."""
    options = [NOT_CHOSEN] + [(s.label, s.id) for s in STAGES]
    fields = [ChoiceField(m.id, f"Åtgärd {i} hör hemma i", options) for i, m in enumerate(MEASURES, start=1)]
    listing = "\n".join(f"{i}. {m.text}" for i, m in enumerate(MEASURES, start=1))
    return Form(
        "Var i processen?",
        fields,
        compute=placement_feedback,
        button="Visa återkoppling",
        intro="Välj för varje åtgärd i vilket steg av upphandlingen den hör hemma. Klicka sedan på "
              "**Visa återkoppling**. Du får veta varför, med lagrum. Du behöver inte svara på alla.\n\n" + listing,
    )


def threshold_widget() -> Form:
    """*Tröskelvärdeskollen* – estimated value, kind of contract and authority -> which rules apply."""
    return Form(
        "Tröskelvärdeskollen",
        [
            NumberField("value", "Uppskattat värde utan moms", default="", minimum=0,
                        placeholder="t.ex. 650 000"),
            ChoiceField("currency", "Värdet är angivet i", [(CURRENCY_LABELS[c], c.value) for c in Currency]),
            ChoiceField("kind", "Vad köps?", [(KIND_LABELS[k], k.value) for k in Kind]),
            ChoiceField("authority", "Vem köper?", [(AUTHORITY_LABELS[a], a.value) for a in Authority]),
            OptionalNumberField("earlier", "Värdet av övriga kontrakt i samma upphandling eller i samma följd av "
                                "återkommande varu-/tjänstekontrakt (kommande tolv månader), samma valuta (valfritt)",
                                minimum=0, placeholder="lämna tomt om det inte finns några"),
            OptionalNumberField("sek_threshold", "Tröskelvärde i kronor från Upphandlingsmyndighetens sida (valfritt)",
                                minimum=0, placeholder="lämna tomt om du inte har läst av det"),
        ],
        compute=threshold_text,
        button="Kontrollera",
        intro="Skriv kontraktets uppskattade värde, välj valuta, vad som köps och vem som köper. Klicka på "
              "**Kontrollera**. Tröskelvärdena för 2026–2027 finns i kursen bara i euro. Anger du värdet i kronor "
              "kan du skriva in det aktuella tröskelvärdet i kronor från Upphandlingsmyndighetens sida i det sista "
              "fältet. Hör köpet till en följd av återkommande varu- eller tjänstekontrakt skriver du värdet av de "
              "övriga kontrakten under tolv månader från första leveransen i fältet för övriga kontrakt (5 kap. "
              "11 § LOU). Det räknas samman med det nya köpet, både mot direktupphandlingsgränsen och mot "
              "tröskelvärdet. Det verkliga värdet under de föregående tolv månaderna är ett underlag för "
              "uppskattningen, inte ett belopp som läggs till. Köper kommunen, regionen eller ett bolag för "
              "verksamhet med dricksvatten, energi, transporter eller post (till exempel kommunens VA-förvaltning) "
              "gäller LUF: välj det under **Vem köper?**.",
    )
