"""Module 03 (IOP): the document writer, the decision logic and both widgets, headless."""
from __future__ import annotations

import datetime as dt
import zipfile

import docx
import pytest

from upphandlingskurs.documents import Section, render_html, render_markdown, unique_path, write_document

SECTIONS = [
    Section("Parter", ["Lerums kommun, socialförvaltningen, och Föreningen Exempel (fiktivt fall)."]),
    Section("Mål", ["Fler unga i meningsfull fritid.\nAndra raden i samma stycke."], ["Mål 1", "Mål 2 & <mer>"]),
    Section("Tom del"),
]


# -- documents.py ----------------------------------------------------------------------------
def test_docx_is_a_valid_word_file_with_all_text(tmp_path):
    path = write_document("Utkast till IOP", SECTIONS, tmp_path / "ut" / "iop.docx", "docx")
    assert path == tmp_path / "ut" / "iop.docx" and path.exists()
    assert zipfile.is_zipfile(path)
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    styles = [p.style.name for p in doc.paragraphs]
    assert texts[0] == "Utkast till IOP" and styles[0] == "Title"
    assert "Parter" in texts and styles[texts.index("Parter")] == "Heading 1"
    assert "Mål 2 & <mer>" in texts and styles[texts.index("Mål 2 & <mer>")] == "List Bullet"
    assert any("Andra raden" in t and "\n" in t for t in texts)  # line break kept inside the paragraph
    assert doc.core_properties.title == "Utkast till IOP"


def test_markdown_file(tmp_path):
    path = write_document("Utkast till IOP", SECTIONS, tmp_path / "iop", "md")
    assert path.suffix == ".md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Utkast till IOP\n")
    assert "## Mål" in text and "- Mål 1" in text
    assert "\\<mer\\>" in text  # participant text is escaped, not read as HTML/Markdown
    assert render_markdown("T", SECTIONS) == text.replace("Utkast till IOP", "T")


def test_markdown_escapes_text_that_would_become_structure():
    text = render_markdown("Titel", [Section("Rubrik", ["# inte en rubrik", "- inte en punkt"])])
    assert "\n\\# inte en rubrik" in text and "\n\\- inte en punkt" in text


def test_html_file_is_escaped_and_swedish(tmp_path):
    path = write_document("Plan <b>", SECTIONS, tmp_path / "plan.txt", "html")
    assert path.suffix == ".html"
    text = path.read_text(encoding="utf-8")
    assert '<html lang="sv">' in text and "<title>Plan &lt;b&gt;</title>" in text
    assert "Mål 2 &amp; &lt;mer&gt;" in text and "<b>" not in text.split("</title>")[1]
    assert "<br>" in text
    assert render_html("Plan <b>", SECTIONS) == text


def test_section_accepts_a_single_string_and_drops_empty_items():
    s = Section("R", "ett stycke", ["a", "  ", ""])
    assert s.paragraphs == ["ett stycke"] and s.bullets == ["a"]


@pytest.mark.parametrize("fmt", ["pdf", "", "doc"])
def test_unknown_format_is_refused(tmp_path, fmt):
    with pytest.raises(ValueError):
        write_document("T", SECTIONS, tmp_path / "x", fmt)


def test_a_title_is_required(tmp_path):
    with pytest.raises(ValueError):
        write_document("  ", SECTIONS, tmp_path / "x.md", "md")


def test_unique_path_never_overwrites(tmp_path):
    day = dt.date(2026, 11, 26)
    first = unique_path(tmp_path, "iop_utkast", "docx", day)
    assert first.name == "iop_utkast_2026-11-26.docx"
    first.write_bytes(b"x")
    second = unique_path(tmp_path, "iop_utkast", "docx", day)
    assert second.name == "iop_utkast_2026-11-26_2.docx"
