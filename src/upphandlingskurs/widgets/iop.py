"""Module 03's widgets: *Vilken samverkansform?* and *IOP-checklistan*.

Both are thin views (``Form``) over pure functions: ``decisions.cooperation.recommend`` and
``documents.iop_outline.iop_outline``. The checklist writes the outline with ``documents.writer`` and shows a link.
"""
from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from upphandlingskurs.decisions.cooperation import CASE_CARDS, Situation, recommend, recommendation_markdown
from upphandlingskurs.documents.iop_outline import CHECKS, iop_outline
from upphandlingskurs.documents.writer import FORMAT_LABELS, unique_path, write_document
from upphandlingskurs.parsing import InputError
from upphandlingskurs.widgets.form import (CheckboxField, ChoiceField, DocumentForm, Form, NumberField, TextField,
                                          shown_path)

# Where a saved file ends up, in the words of module 05 (section 5): true on the course's JupyterHub and on a
# laptop alike (finding 36 of the legal review; art. 13 GDPR asks for correct information).
WHERE_SAVED = ("Var filen sparas beror på var du kör kursen. På kursens server (JupyterHub) sparas den i din mapp "
               "på servern, och den kan då ingå i serverns säkerhetskopior. Kör du kursen på din egen dator sparas "
               "den där.")

UNANSWERED = ""
YES_NO = [("– välj –", UNANSWERED), ("Ja", "ja"), ("Nej", "nej")]
DONT_KNOW = "vet_inte"
YES_NO_DONT_KNOW = YES_NO + [("Vet inte", DONT_KNOW)]
INITIATIVE = [("– välj –", UNANSWERED), ("Den idéburna organisationen", "organisationen"),
              ("Organisationen och kommunen tillsammans", "gemensamt"), ("Kommunen", "kommunen")]

# (field name, short label shown next to the control, full question shown above the control and in messages).
# The legal test (HFD 2020:15) comes first, as questions 1 and 2; Forum's criteria are questions 3–6.
QUESTIONS = [
    ("kommunen_koper", "1. Kommunen kan kräva?",
     "Ska organisationen utföra något åt kommunen som kommunen betalar för och kan kräva att få – till exempel ett "
     "visst antal platser, samtal eller timmar? Svara Ja även om ni har tagit fram verksamheten tillsammans, och även "
     "om ersättningen bara täcker kostnaderna."),
    ("ersatter_lagstadgad", "2. Ersätter lagstadgad insats?",
     "Gör organisationen, mot betalning, något som socialtjänsten annars själv måste göra enligt lag (till exempel "
     "driva ett boende eller ge insatser som har beviljats som bistånd)? Svara Nej om verksamheten kompletterar "
     "kommunens insatser men inte ersätter dem."),
    ("initiativ", "3. Initiativ från", "Vem tog initiativet?"),
    ("flera_aktorer", "4. Andra som erbjuder samma?",
     "Finns det andra föreningar eller företag i kommunen eller närområdet som erbjuder samma sak, så att kommunen "
     "skulle kunna välja mellan dem?"),
    ("egna_resurser", "5. Egna resurser?",
     "Bidrar organisationen med egna resurser (ideella krafter, lokaler, egna pengar)?"),
    ("vinst", "6. Delar ut vinst?", "Delar organisationen ut vinst till ägare eller medlemmar?"),
    ("ideburen", "7. Ideell förening e.d.?",
     "Är organisationen en ideell förening, stiftelse eller liknande som inte delar ut vinst till ägare eller "
     "medlemmar?"),
    ("bilaga2_valfard", "8. Välfärdstjänst?",
     "Är tjänsten en social tjänst eller hälso- och sjukvård som kan reserveras för idéburna organisationer "
     "(19 kap. 25 a § LOU), till exempel skyddat boende, stödboende, behandling eller hemtjänst? Fråga upphandlaren "
     "om CPV-koden. Svara Vet inte om du inte vet."),
    ("allmant_stod", "9. Stöd i stort?", "Vill kommunen stödja organisationens verksamhet i stort, inte en viss insats?"),
    ("brukarval", "10. Brukaren väljer?", "Ska varje brukare själv välja bland flera godkända utförare?"),
    ("reservera", "11. Bara idéburna?", "Vill kommunen att bara idéburna organisationer ska få konkurrera?"),
]
WIDE = {"width": "min(100%, 46em)"}
BOOL_FIELDS = [q[0] for q in QUESTIONS if q[0] != "initiativ"]
# Asked only when the municipality buys (8, 10, 11) or does not buy (9); otherwise they count as "nej".
# Question 8 may be answered "Vet inte": it then counts as "nej" (no reservation) and the text says so.
ONLY_IF_BUYING = {"bilaga2_valfard", "brukarval", "reservera"}
ONLY_IF_NOT_BUYING = {"allmant_stod"}


def widen(form: Form) -> None:
    """Give long labels and texts room: wider controls, and checkbox labels that are not cut off."""
    for control in form.controls.values():
        control.layout.width = WIDE["width"]
    form._button.layout.width = "auto"  # the button text is never cut off


def _show_full_questions(form: Form) -> None:
    """Put each question's full text right above its dropdown (not only on hover: touch and keyboard users)."""
    full = {name: question for name, _label, question in QUESTIONS}
    box = form.widget
    out = []
    for child in box.children:
        name = next((n for n, c in form.controls.items() if c is child), None)
        if name in full:
            out.append(w.HTML(f"<div style='max-width:46em;margin-top:0.6em'><b>{html.escape(full[name])}</b></div>"))
        out.append(child)
    box.children = tuple(out)


def _card_answers(card_id: str) -> dict[str, str]:
    s = CASE_CARDS[card_id].situation
    answers = {"initiativ": s.initiativ}
    answers.update({name: "ja" if getattr(s, name) else "nej" for name in BOOL_FIELDS})
    return answers


def situation_from_answers(answers: dict[str, str]) -> Situation:
    """Build a Situation from the widget's answers ("ja"/"nej"/""); unanswered questions raise InputError."""
    # Buying = the legal test (question 3 or 4) says yes; not buying = both are answered no.
    legal = (answers.get("kommunen_koper"), answers.get("ersatter_lagstadgad"))
    buying = "ja" if "ja" in legal else "nej" if legal == ("nej", "nej") else UNANSWERED
    missing = []
    for number, (name, _label, question) in enumerate(QUESTIONS, start=1):
        if answers.get(name, UNANSWERED) != UNANSWERED:
            continue
        if name in ONLY_IF_BUYING and buying != "ja" or name in ONLY_IF_NOT_BUYING and buying != "nej":
            continue  # asked only when it matters (and reported once questions 1 and 2 are answered)
        missing.append(f"Svara på fråga {number}: {question}")
    if missing:
        raise InputError("\n".join(missing))
    values = {name: answers.get(name) == "ja" for name in BOOL_FIELDS}  # "vet_inte" and unasked count as "nej"
    return Situation(initiativ=answers["initiativ"], **values)  # contradictory answers raise a Swedish InputError


def samverkansform_text(fallkort: str = "", **answers) -> str:
    situation = situation_from_answers(answers)
    card = CASE_CARDS.get(fallkort)
    if card is not None and _card_answers(card.id) != {k: answers.get(k) for k in _card_answers(card.id)}:
        card = None  # the participant changed the card's answers: it is now their own case
    text = recommendation_markdown(recommend(situation), card)
    if answers.get("bilaga2_valfard") == DONT_KNOW:
        text += ("\n\n*Du har svarat Vet inte på fråga 8. Beslutsstödet har därför inte föreslagit reserverad "
                 "upphandling. Fråga upphandlaren om tjänstens CPV-kod finns bland dem som 19 kap. 25 a § LOU "
                 "räknar upp.*")
    return text


def samverkansform_widget() -> Form:
    """*Vilken samverkansform?* – answer the questions, or load a case card, and get a recommendation."""
    cards = [("Eget fall – svara på frågorna själv", "")] + [(c.title, c.id) for c in CASE_CARDS.values()]
    fields = [ChoiceField("fallkort", "Fallkort", cards, default="")]
    for name, label, _q in QUESTIONS:
        options = INITIATIVE if name == "initiativ" else YES_NO_DONT_KNOW if name == "bilaga2_valfard" else YES_NO
        fields.append(ChoiceField(name, label, options, default=UNANSWERED))
    form = Form(
        "Vilken samverkansform?", fields, compute=samverkansform_text, button="Visa rekommendation",
        intro="Välj ett **fallkort** för att fylla i svaren, eller beskriv ett eget fall genom att svara på frågorna. "
              "Klicka sedan på **Visa rekommendation**.\n\n"
              "Fråga 1 och 2 är det rättsliga testet (HFD 2020:15). Det avgör först om samarbetet är ett köp – oavsett "
              "hur du svarar på de andra frågorna. Forums kriterier (fråga 3–6) avgör bara om IOP är *lämpligt* när det "
              "inte är ett köp. Fråga 9 gäller bara när du har svarat Nej på både fråga 1 och 2; fråga 8, 10 och 11 "
              "bara när du har svarat Ja på någon av dem.")
    widen(form)
    for name, _label, question in QUESTIONS:
        form.controls[name].tooltip = question  # the full question also on hover
    _show_full_questions(form)
    for control in form.controls.values():
        control.style.description_width = "11em"  # short labels in one column, controls aligned

    def load_card(change):
        if change["new"]:
            for name, value in _card_answers(change["new"]).items():
                form.controls[name].value = value

    form.controls["fallkort"].observe(load_card, names="value")
    return form


def iop_checklista_widget(out_dir: str | Path = "mina_dokument") -> Form:
    """*IOP-checklistan* – the participant's answers become an outline of an IOP agreement, saved as a file."""
    out_dir = Path(out_dir)
    form: DocumentForm

    def compute(format: str, **answers) -> str:
        title, sections, warnings = iop_outline(**answers)
        target = unique_path(out_dir, "iop_utkast", format)
        try:
            path = write_document(title, sections, target, format)
        except OSError as e:
            raise InputError(f"Det gick inte att spara dokumentet i mappen {out_dir}: {e.strerror or e}. "
                             "Dina svar finns kvar i formuläret; försök igen eller välj ett annat format.") from None
        form.saved = path
        lines = [f"**Utkastet är sparat** i filen `{shown_path(path)}`.", "",
                 "Ladda ner det med länken nedanför, eller öppna mappen *mina_dokument* i filläsaren till vänster, "
                 "högerklicka på filen och välj **Download**."]
        lines[0:0] = [f"### {title}", ""]
        if warnings:
            lines += ["", "**Att klara ut innan ni går vidare** (står också i dokumentet)", ""] + [f"- {w}" for w in warnings]
        else:
            lines += ["", "Alla punkter i checklistan är markerade. Gå ändå igenom den rättsliga kontrollen i utkastet."]
        return "\n".join(lines)

    fields = [
        TextField("organisation", "Idéburen organisation", placeholder="t.ex. Föreningen Exempel"),
        TextField("kommun", "Kommun", placeholder="t.ex. Lerums kommun"),
        TextField("namnd", "Ansvarig nämnd", placeholder="t.ex. socialnämnden"),
        TextField("utmaning", "Samhällsutmaning ni vill möta", multiline=True),
        ChoiceField("initiativ", "Vem tog initiativet?", INITIATIVE, default=UNANSWERED),
        TextField("malgrupp", "Målgrupp", placeholder="t.ex. unga 13–17 år i Centrum"),
        TextField("mal", "Gemensamma mål (ett per rad)", multiline=True),
        TextField("org_bidrag", "Organisationens bidrag (ett per rad)", multiline=True,
                  placeholder="t.ex. ideella ledare, lokal, egna insamlade medel"),
        TextField("kommun_bidrag", "Kommunens bidrag (ett per rad)", multiline=True,
                  placeholder="t.ex. pengar, personal, lokal"),
        NumberField("belopp_per_ar", "Kommunens ekonomiska bidrag per år (kr)", minimum=0, placeholder="t.ex. 400 000"),
        NumberField("avtalstid_ar", "Avtalstid (år)", minimum=1, maximum=10, integer=True, placeholder="t.ex. 3"),
        TextField("natura_per_ar", "Värdet per år av lokaler, personal e.d. som kommunen ställer till förfogande "
                  "(kr, frivilligt)", required=False, placeholder="t.ex. 50 000"),
        TextField("annat_stod_kr", "Annat de minimis-stöd som organisationen har fått de senaste tre åren "
                  "(kr, frivilligt)", required=False, placeholder="fråga organisationen"),
        NumberField("eurokurs", "Eurokurs (kr per euro)", minimum=1, maximum=100,
                    placeholder="dagens kurs, se riksbank.se"),
        TextField("uppfoljning", "Så följer ni upp tillsammans (ett per rad)", multiline=True),
        TextField("gemensamt", "Det som ägs gemensamt (frivilligt)", multiline=True, required=False),
        *[CheckboxField(name, label) for name, label, _a in CHECKS],
        ChoiceField("format", "Spara som", [(label, key) for key, label in FORMAT_LABELS.items()], default="docx"),
    ]
    form = DocumentForm("IOP-checklistan", fields, compute=compute, button="Skapa utkast",
                intro="Fyll i fälten och klicka på **Skapa utkast**. Du får ett utkast till ett IOP-avtal som du kan "
                      "ta med till arbetet. Om en kontroll som gäller LOU inte är uppfylld blir dokumentet i stället ett "
                      "underlag för bedömning, eftersom samarbetet då troligen är ett köp (HFD 2020:15). "
                      "Eurokursen behövs för att jämföra stödet med taken för stöd av mindre betydelse; hämta dagens "
                      "kurs på riksbank.se. Hela avtalets belopp räknas, inte bara tre år, eftersom stödet räknas som "
                      "beviljat när avtalet skrivs (art. 3 i förordning (EU) 2023/2831). Det du skriver sparas i en fil i mappen *mina_dokument* bredvid "
                      f"arbetsbladet. {WHERE_SAVED}")
    widen(form)
    return form
