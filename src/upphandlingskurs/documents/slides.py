"""Slides per module for the lecture part, from the course notebooks' Markdown cells tagged ``bild``.

The slides are a PDF (16:9, one slide per ``## `` section of a tagged cell, without *Källor*), so they work
offline, on any projector and without a reveal.js copy from a CDN. ``tag`` marks the cells that carry the key
diagrams (the steps of a procurement with lagrum, the roles of Upphandlingsmyndigheten's model, the order of
questions in the IOP decision, the chain from goal to effect); it is idempotent and identifies cells by their
first heading, so the course's maintainer can run it again after editing a module:

    python -m upphandlingskurs.documents.slides tagga course     # tag the cells (changes course/*.ipynb)
    python -m upphandlingskurs.documents.slides bygg course material/bilder
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import mistune
import nbformat

from ..content.curriculum import module_notebooks, read_meta
from .pdf import esc, page, write_pdf

TAG = "bild"
FAKTA = re.compile(r"<!--/?fakta[^>]*-->")
# Per module: fragments of the first heading of the cells that become slides (case is ignored).
SLIDE_HEADINGS: dict[str, list[str]] = {
    "00": ["Frågor", "Vad är en notebook", "Svar skrivs som text eller som tal", "Självkontroller",
           "Spara, validera och lämna in", "Nyckelpunkter"],
    "01": ["Frågor", "De fem grundläggande principerna", "bör-regel", "Upphandlingens steg", "Reserverad upphandling",
           "Arbetsrättsliga villkor", "Tröskelvärden och direktupphandling", "Nyckelpunkter"],
    "02": ["Frågor", "nationella modell", "ett särskilt kontraktsvillkor", "De två villkorsvarianterna",
           "Proportionalitet", "Icke-diskriminering", "Uppföljning och sanktioner", "Nyckelpunkter"],
    "03": ["Frågor", "Vad är ett IOP", "Forums kriterier", "Fem sätt att samverka", "egentligen är ett köp",
           "Statsstöd", "Vilken samverkansform", "Bygga ett IOP steg för steg", "Nyckelpunkter"],
    "04": ["Frågor", "Varför uppföljningen brister", "Vad ska vi mäta", "Samhällsekonomiskt värde",
           "Vad kalkylen inte fångar", "Nyckelpunkter"],
    "05": ["Frågor", "Fyra frågor att börja med", "Välj den första upphandlingen", "Kandidater för IOP",
           "Nyckelpunkter"],
}
SLIDE_CSS = """
@page { size: 254mm 142.875mm; margin: 10mm 14mm; }
html { font-size: 11pt; line-height: 1.3; }
section.bild { page-break-after: always; }
section.bild:last-child { page-break-after: auto; }
h1 { font-size: 24pt; } h2 { font-size: 17pt; } h3 { font-size: 13pt; }
table { font-size: 8pt; } th, td { padding: 2pt 4pt; } .fot { font-size: 8pt; color: #555; }
@media screen { body { margin: 0; background: #eee; }
  section.bild { box-sizing: border-box; width: 254mm; min-height: 142.875mm; margin: 0 auto 6mm; padding: 10mm 14mm;
                 background: #fff; } }
"""


def _first_heading(source: str) -> str:
    for line in source.split("\n"):
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""


def tag_notebook(nb, module: str) -> bool:
    """Tag the cells of one module whose first heading matches ``SLIDE_HEADINGS``; True if anything changed."""
    wanted = [w.casefold() for w in SLIDE_HEADINGS.get(module, [])]
    changed = False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        heading = _first_heading(cell.source).casefold()
        if heading and any(w in heading for w in wanted):
            tags = cell.metadata.setdefault("tags", [])
            if TAG not in tags:
                tags.append(TAG)
                changed = True
    return changed


def tag_course(course_dir: Path) -> list[Path]:
    """Tag every module notebook; returns the notebooks that changed (run twice: nothing changes)."""
    changed = []
    for nn, path in module_notebooks(course_dir).items():
        nb = nbformat.read(path, as_version=4)
        if tag_notebook(nb, nn):
            nbformat.write(nb, path)
            changed.append(path)
    return changed


def slide_sections(nb) -> list[str]:
    """The Markdown of each slide: every ``## `` section of a tagged cell, except *Källor*."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "markdown" or TAG not in cell.metadata.get("tags", []):
            continue
        parts = re.split(r"(?m)^(?=## )", FAKTA.sub("", cell.source))
        for part in parts:
            part = part.strip()
            if not part or part.startswith("## Källor") or part.startswith("# "):
                if part.startswith("# "):
                    out.append(part)
                continue
            out.append(part)
    return out


def slide_text(section: str, max_blocks: int = 3) -> str:
    """What fits on a slide: the heading, then paragraphs up to and including the first table or list (at most
    ``max_blocks`` blocks); a widget's *Prova* part stays in the notebook."""
    blocks = [b for b in section.split("\n\n") if b.strip()]
    out = blocks[:1]
    for b in blocks[1:]:
        if b.lstrip().startswith("### Prova") or b.lstrip().startswith("**Prova"):
            break
        out.append(b)
        first = b.lstrip()
        if first.startswith(("|", "- ", "* ", "1. ")) or len(out) > max_blocks:
            break
    return "\n\n".join(out)


def deck_html(module: str, title: str, sections: list[str]) -> str:
    slides = [f'<section class="bild"><h1>Modul {esc(module)}</h1><h2>{esc(title)}</h2>'
              f'<p class="fot">Socialt ansvarsfull upphandling och IOP – en kurs för Göteborgsregionen</p></section>']
    slides += [f'<section class="bild">{mistune.html(slide_text(s))}</section>' for s in sections
               if not s.startswith("# ")]
    return page(f"Modul {module} – {title}: bildspel", "".join(slides), SLIDE_CSS)


def build(course_dir: Path, target: Path) -> list[Path]:
    """One PDF deck per module that has tagged cells (and the same deck as a self-contained HTML page, for a
    browser without network). A module without tags gets no deck. Returns the PDF files."""
    written = []
    for nn, path in module_notebooks(course_dir).items():
        nb = nbformat.read(path, as_version=4)
        sections = slide_sections(nb)
        if sections:
            document = deck_html(nn, read_meta(path).titel, sections)
            written.append(write_pdf(document, Path(target) / f"bilder_modul_{nn}.pdf"))
            (Path(target) / f"bilder_modul_{nn}.html").write_text(document, encoding="utf-8")
    return written


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) >= 2 and argv[0] == "tagga":
        changed = tag_course(Path(argv[1]))
        print(f"taggade celler i {len(changed)} notebookar" if changed else "alla bildceller var redan taggade")
        return 0
    if len(argv) >= 3 and argv[0] == "bygg":
        files = build(Path(argv[1]), Path(argv[2]))
        print(f"{len(files)} bildspel i {argv[2]}" if files else
              "Inga celler har taggen 'bild'. Kör först: python -m upphandlingskurs.documents.slides tagga course")
        return 0
    print("Användning: python -m upphandlingskurs.documents.slides tagga COURSE | bygg COURSE MÅL", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
