"""documents.writer: a section's heading level carries through to Markdown, HTML and Word."""
import docx

from upphandlingskurs.documents.writer import Section, render_html, render_markdown, write_document

SECTIONS = [Section("Del 1", ["Text."]), Section("Under del 1", ["Mer."], level=2), Section("Del 2", level=1)]


def test_markdown_and_html_follow_the_level():
    md = render_markdown("Titel", SECTIONS)
    assert "## Del 1" in md and "### Under del 1" in md and "## Del 2" in md
    page = render_html("Titel", SECTIONS)
    assert "<h2>Del 1</h2>" in page and "<h3>Under del 1</h3>" in page


def test_word_headings_follow_the_level(tmp_path):
    path = write_document("Titel", SECTIONS, tmp_path / "dok", "docx")
    styles = [(p.text, p.style.name) for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")]
    assert ("Under del 1", "Heading 2") in styles and ("Del 2", "Heading 1") in styles


def test_a_level_out_of_range_is_clamped():
    assert Section("x", level=0).level == 1 and Section("x", level=9).level == 3
