"""Printable workshop material (``make material``), generated from the course's own sources:

- a one-page summary per module from its *Nyckelpunkter* (course/NN_*.ipynb);
- a lagrumskarta: every lagrum the modules' key points name, with the key point that names it;
- A5 case cards with the questions on the back: the cards of *Vilken samverkansform?*
  (``decisions.cooperation.CASE_CARDS``, the widget's questions passed in by the caller) and the exercises'
  fictitious cases (exercises/NN/*.ipynb, the participant version, so no answers);
- the workshop guide's discussion questions as A5 cards, and its evaluation form (``content/workshop.yaml``).

Every file is a tagged PDF/UA-1 in Swedish (``documents.pdf``). Nothing here is a copy to keep in sync.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import mistune
import nbformat

from ..content import workshop
from ..content.curriculum import module_notebooks, read_meta
from ..decisions.cooperation import CASE_CARDS
from .pdf import esc, page, write_pdf

A5_CSS = """
@page { size: A5; margin: 12mm 12mm; }
html { font-size: 10pt; }
section.kort { page-break-after: always; }
section.kort:last-child { page-break-after: auto; }
.sida { font-size: 8pt; color: #555; margin-bottom: 4pt; }
"""
SUMMARY_CSS = "@page { size: A4; margin: 14mm 15mm; } html { font-size: 10pt; } li { margin-bottom: 3pt; }"
FAKTA = re.compile(r"<!--/?fakta[^>]*-->")
# a lagrum as the course writes it: "4 kap. 1 §", "17 kap. 2–5 §§", "19 kap. 25 a §", optionally with the law
LAGRUM = re.compile(r"(\d+ kap\. \d+(?: a)?(?:[–-]\d+(?: a)?)? §§?)(?: (LOU|kommunallagen))?|"
                    r"(HFD \d{4}:\d+)|(lag \(\d{4}:\d+\))|(RiR \d{4}:\d+)")


@dataclass(frozen=True)
class Card:
    title: str
    front: str       # Markdown
    back: str        # Markdown
    source: str      # where the card comes from (printed small)


def _md(text: str) -> str:
    return mistune.html(FAKTA.sub("", text))


def _section(nb, heading: str) -> str:
    """The Markdown of a ``## heading`` section (to the next ``## `` heading), without the heading."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.split("\n")
        for i, line in enumerate(lines):
            if line.strip() == f"## {heading}":
                rest = []
                for nxt in lines[i + 1:]:
                    if nxt.startswith("## "):
                        break
                    rest.append(nxt)
                return "\n".join(rest).strip()
    return ""


def key_points(course_dir: Path) -> dict[str, tuple[str, list[str]]]:
    """{"01": (title, [key point Markdown, ...])} from each module's *Nyckelpunkter*."""
    out = {}
    for nn, path in module_notebooks(course_dir).items():
        nb = nbformat.read(path, as_version=4)
        text = _section(nb, "Nyckelpunkter")
        points = [ln[2:].strip() for ln in text.split("\n") if ln.startswith("- ")]
        out[nn] = (read_meta(path).titel, points)
    return out


def _li(markdown: str) -> str:
    html = _md(markdown).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return f"<li>{html}</li>"


def summary_html(nn: str, title: str, points: list[str], minutes: int) -> str:
    body = (f'<p class="sida">Socialt ansvarsfull upphandling och IOP – sammanfattning</p>'
            f"<h1>Modul {esc(nn)} – {esc(title)}</h1><h2>Nyckelpunkter</h2>"
            f"<ul>{''.join(_li(p) for p in points)}</ul>"
            f'<p class="kalla">Modulen tar cirka {minutes} minuter. Lagrum och källor för varje punkt står i '
            f"modulen (course/), under Källor.</p>")
    return page(f"Modul {nn} – {title}: sammanfattning", body, SUMMARY_CSS)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", FAKTA.sub("", text))).strip()


def lagrum_map(points: dict[str, tuple[str, list[str]]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(lagrum, [(module, key point), ...]), ...] for every lagrum the key points name, in the law's order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for nn, (_title, items) in points.items():
        for item in items:
            plain = _plain(item)
            for m in LAGRUM.finditer(plain):
                if m.group(1):
                    name = f"{m.group(1)} {m.group(2) or 'LOU'}"
                else:
                    name = next(g for g in m.groups()[2:] if g)
                entry = (nn, plain)
                if entry not in found.setdefault(name, []):
                    found[name].append(entry)

    def order(name: str):
        m = re.match(r"(\d+) kap\. (\d+)", name)
        law = 0 if name.endswith("LOU") else 1 if "kommunallagen" in name else 2
        return (law, int(m.group(1)), int(m.group(2)), name) if m else (law, 999, 0, name)

    return sorted(found.items(), key=lambda kv: order(kv[0]))


def lagrum_html(entries) -> str:
    rows = "".join(
        f"<tr><th scope=\"row\">{esc(name)}</th><td>{esc(uses[0][1])}</td>"
        f"<td>{', '.join(sorted({m for m, _p in uses}))}</td></tr>" for name, uses in entries)
    body = ("<h1>Lagrumskarta</h1><p>De paragrafer och avgöranden som kursens nyckelpunkter bygger på, med "
            "nyckelpunkten där de används. LOU = lagen (2016:1145) om offentlig upphandling.</p>"
            '<table><thead><tr><th scope="col">Lagrum</th><th scope="col">Vad kursen säger</th>'
            f'<th scope="col">Modul</th></tr></thead><tbody>{rows}</tbody></table>'
            '<p class="kalla">Kontrollera alltid lagtexten på riksdagen.se innan du tillämpar den.</p>')
    return page("Lagrumskarta", body, "@page { size: A4; margin: 12mm; } html { font-size: 8.5pt; }")


def cooperation_cards(questions: list[str]) -> list[Card]:
    back = "**Frågor till gruppen** (samma ordning som i widgeten):\n\n" + "\n".join(
        f"{i}. {q}" for i, q in enumerate(questions, 1)) + \
        "\n\nVilken samverkansform väljer ni – och vilken fråga avgör?"
    return [Card(c.title, c.description, back, "Modul 03, widgeten Vilken samverkansform?")
            for c in CASE_CARDS.values()]


SKIP_LINE = re.compile(r"^(Använd (gärna )?(widgeten|\*\*)|Svara med|Skriv ditt svar|Dubbelklicka)")


def exercise_cards(exercises_dir: Path) -> list[Card]:
    """A card per exercise question that has a fictitious case: the case on the front, the question on the back."""
    cards = []
    for nb_path in sorted(Path(exercises_dir).glob("[0-9][0-9]_*/*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            text = cell.source
            if cell.cell_type != "markdown" or not text.startswith("## Fråga") or "fiktivt fall" not in text.lower():
                continue
            title, _, rest = text.partition("\n")
            paras = [p.strip() for p in rest.split("\n\n") if p.strip()
                     and not (SKIP_LINE.match(p.strip()) and "fiktivt fall" not in p.lower())]
            i = next(i for i, p in enumerate(paras) if "fiktivt fall" in p.lower())
            front, back = paras[i], "\n\n".join(paras[:i] + paras[i + 1:]) or "Vad skulle ni göra – och varför?"
            cards.append(Card(title.lstrip("# ").strip(), front, back, f"Övning {nb_path.parent.name[:2]}"))
    return cards


def discussion_cards(course_dir: Path) -> list[Card]:
    ws = workshop.load()
    titles = {nn: read_meta(p).titel for nn, p in module_notebooks(course_dir).items()}
    return [Card(f"Modul {nn} – {titles.get(nn, '')}",
                 "**Diskussionsfrågor**\n\n" + "\n".join(f"{i}. {q}" for i, q in enumerate(g.diskussionsfragor, 1)),
                 "**Nyckelbudskap**\n\n" + "\n".join(f"- {x}" for x in g.nyckelbudskap),
                 "Handledning för workshoppar") for nn, g in sorted(ws.moduler.items())]


def cards_html(title: str, cards: list[Card]) -> str:
    """Two A5 pages per card: the front, then the back (print double-sided)."""
    sections = []
    for c in cards:
        sections.append(f'<section class="kort"><p class="sida">{esc(c.source)} – framsida</p>'
                        f"<h1>{esc(c.title)}</h1>{_md(c.front)}</section>")
        sections.append(f'<section class="kort"><p class="sida">{esc(c.source)} – baksida</p>'
                        f"<h2>{esc(c.title)}</h2>{_md(c.back)}</section>")
    return page(title, "".join(sections), A5_CSS)


def discussion_html(cards: list[Card]) -> str:
    return cards_html("Diskussionskort", cards)


def evaluation_html() -> str:
    """The evaluation form of the workshop guide, with room to write."""
    items = "".join(f'<li><p>{esc(q)}</p><div class="rad"></div></li>' for q in workshop.load().utvardering)
    body = ("<h1>Utvärdering av workshoppen</h1><p>Du svarar anonymt. Tack för att du hjälper oss att göra "
            f"nästa workshop bättre.</p><ol>{items}</ol>")
    css = ("@page { size: A4; margin: 15mm; } .rad { border-bottom: 0.5pt solid #999; height: 14mm; "
           "margin-bottom: 4mm; } li p { margin: 0; }")
    return page("Utvärdering av workshoppen", body, css)


def build(repo: Path, target: Path, questions: list[str]) -> list[Path]:
    """Write every printable into ``target``; returns the files. ``questions``: the widget's questions."""
    repo, target = Path(repo), Path(target)
    course = repo / "course"
    points = key_points(course)
    written = []
    for nn, (title, items) in points.items():
        meta = read_meta(module_notebooks(course)[nn])
        written.append(write_pdf(summary_html(nn, title, items, meta.tid_lasning_min + meta.tid_ovning_min),
                                 target / f"sammanfattning_modul_{nn}.pdf"))
    written.append(write_pdf(lagrum_html(lagrum_map(points)), target / "lagrumskarta.pdf"))
    written.append(write_pdf(cards_html("Fallkort: Vilken samverkansform?", cooperation_cards(questions)),
                             target / "fallkort_samverkansform.pdf"))
    written.append(write_pdf(cards_html("Fallkort från övningarna", exercise_cards(repo / "exercises")),
                             target / "fallkort_ovningar.pdf"))
    written.append(write_pdf(discussion_html(discussion_cards(course)), target / "diskussionskort.pdf"))
    written.append(write_pdf(evaluation_html(), target / "utvardering.pdf"))
    return written
