"""Accessible PDF from HTML with WeasyPrint: tagged (PDF/UA-1), language Swedish, real text, a title.

WeasyPrint is a maintained pure-Python library (on PyPI and conda-forge) that needs only Pango, which
Debian and macOS have; it makes tagged PDF/UA documents directly, without a browser, so ``make material``
and ``kurs intyg`` work offline on an instructor's laptop and in the tests without Chromium.
"""
from __future__ import annotations

import html
from pathlib import Path

BASE_CSS = """
@page { size: A4; margin: 18mm 16mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35;
       color: #1a1a1a; }
h1 { font-size: 17pt; margin: 0 0 6pt; color: #0b3d62; }
h2 { font-size: 12.5pt; margin: 10pt 0 4pt; color: #0b3d62; }
p, li { margin: 0 0 4pt; }
ul, ol { padding-left: 14pt; margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #e8eef4; }
.kalla { font-size: 8.5pt; color: #444; margin-top: 8pt; }
"""


class PdfError(Exception):
    """A PDF could not be written (Swedish message)."""


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def page(title: str, body: str, css: str = "") -> str:
    """A complete Swedish HTML document (the PDF takes its language and title from it)."""
    return (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta name="author" content="Göteborgsregionen (GR)">'
            f"<style>{BASE_CSS}{css}</style></head><body>{body}</body></html>")


def write_pdf(document: str, target: Path) -> Path:
    """Write ``document`` (from :func:`page`) to ``target`` as a tagged PDF/UA-1 file."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: Pango missing
        raise PdfError("PDF kan inte skapas: WeasyPrint eller Pango saknas "
                       f"(installera kursens miljö med `make setup`; på Debian behövs paketet libpango-1.0-0). ({e})")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=document, base_url=str(target.parent)).write_pdf(target, pdf_variant="pdf/ua-1")
    return target
