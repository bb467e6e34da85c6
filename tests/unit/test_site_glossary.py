"""The glossary (ordlista): terms as data, the notebook made from them, links at first use, one term for one thing."""
import re

import nbformat
import pytest

from conftest import REPO, module_notebooks, rel
from upphandlingskurs.content import glossary as g
from upphandlingskurs.content.glossary import (glossary_is_current, link_markdown, terms, unlinked_first_uses,
                                               variants_in_notebook, variants_in_text)

COURSE = REPO / "course"
LAGRUM_OR_SOURCE = re.compile(r"\d+ (?:a )?kap\.|§|\(\d{4}:\d+\)|\d{4}/\d+|HFD|SOU|prop\.|\.se\b|Upphandlingsmyndigheten|"
                              r"Konkurrensverket|Kammarkollegiet|Arbetsförmedlingen|Kursen|MUCF|Forum|EU\)|art\.",
                              re.I)


def test_at_least_sixty_terms_each_explained_with_its_source():
    all_terms = terms()
    assert len(all_terms) >= 60
    names = [t.term.casefold() for t in all_terms]
    assert len(names) == len(set(names)), "a term is listed twice"
    for t in all_terms:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(t.forklaring.split())) if s]
        assert 1 <= len(sentences) <= 3, f"{t.term}: one or two sentences ({len(sentences)})"
        assert LAGRUM_OR_SOURCE.search(t.kalla), f"{t.term}: the source names no lagrum or source: {t.kalla}"


def test_a_word_form_belongs_to_one_term_only():
    owner = {}
    for t in terms():
        for form in t.former:
            assert form.casefold() not in owner, f"'{form}' is a form of both {owner[form.casefold()]} and {t.term}"
            owner[form.casefold()] = t.term


def test_the_glossary_notebook_is_generated_from_the_data():
    assert glossary_is_current(COURSE), "kör `python -m upphandlingskurs.content.glossary sync`"
    nb = nbformat.read(COURSE / "ordlista.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for t in terms():
        assert f"\n### {t.term}\n" in text
    assert all(c.cell_type == "markdown" for c in nb.cells)


def test_the_first_use_is_linked_and_nothing_else():
    text = ("# Om LOU\n\nEtt **ramavtal** enligt LOU. Ett ramavtal till. `LOU` i kod, "
            "[LOU i en länk](https://example.se), <!--fakta:x-->LOU<!--/fakta--> och sedan lou.\n\n"
            "```\nramavtal = 1\n```\n")
    new, linked = link_markdown(text, set())
    assert linked == ["ramavtal", "LOU"]
    assert new.startswith("# Om LOU\n\nEtt **[ramavtal](ordlista.ipynb#ramavtal)** enligt [LOU](ordlista.ipynb#LOU). "
                          "Ett ramavtal till. `LOU` i kod, [LOU i en länk](https://example.se)")
    assert "sedan lou." in new and "```\nramavtal = 1\n```" in new  # abbreviations only as written; code untouched
    again, linked_again = link_markdown(new, set())
    assert (again, linked_again) == (new, []), "linking twice must change nothing"


def test_a_first_use_already_linked_counts_and_later_uses_stay_plain():
    text = "Ett [avrop](ordlista.ipynb#avrop) och ett avrop till, sedan ett avropet."
    assert link_markdown(text, set()) == (text, [])
    seen = {"avrop"}
    assert link_markdown("Ett avrop i nästa cell.", seen) == ("Ett avrop i nästa cell.", [])


def test_the_longer_term_wins_where_two_overlap():
    new, linked = link_markdown("En otillåten direktupphandling, sedan en direktupphandling.", set())
    assert linked == ["otillåten direktupphandling", "direktupphandling"]
    assert "[otillåten direktupphandling](ordlista.ipynb#otillåten-direktupphandling)" in new
    assert "en [direktupphandling](ordlista.ipynb#direktupphandling)." in new


def test_the_check_finds_a_module_without_links(tmp_path):
    from upphandlingskurs.content.authoring import md, notebook, write
    path = write(notebook([md("# Modul 99"), md("Kommunen använder ett ramavtal och ett vite.")]), tmp_path / "99_x.ipynb")
    assert sorted(unlinked_first_uses(path)) == ["ramavtal", "vite"]
    assert g.link_notebook(path) and unlinked_first_uses(path) == []


@pytest.mark.parametrize("path", module_notebooks(), ids=rel)
def test_each_module_links_a_glossary_term_at_first_use(path):
    missing = unlinked_first_uses(path)
    assert not missing, (f"{rel(path)}: första användningen saknar länk till ordlistan: {', '.join(missing)}. "
                         "Kör `python -m upphandlingskurs.content.glossary link`.")


def test_the_variant_check_catches_a_variant_and_lets_a_name_pass():
    found = variants_in_text("Kommunen ställde krav om social hänsyn och EU-styrda regler gällde.", "x")
    assert {(v.found, v.term) for v in found} == {("social hänsyn", "sociala hänsyn"),
                                                  ("EU-styrda", "direktivstyrd upphandling")}
    assert variants_in_text("Göteborgs Stads modell Social hänsyn gäller sedan 2016.", "x") == []
    assert [v.term for v in variants_in_text("Här kan man ansöka.", "x")] == ["tilltal"]


@pytest.mark.parametrize("path", sorted(p for p in COURSE.glob("*.ipynb") if p.name != "ordlista.ipynb"), ids=rel)
def test_one_term_for_one_thing_in_participant_text(path):
    found = variants_in_notebook(path, REPO)
    assert not found, "\n".join(f"{v.where}: '{v.found}' – kursen skriver {v.term} (se course/ordlista.ipynb)"
                                for v in found)
