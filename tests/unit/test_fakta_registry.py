"""The facts registry: schema, refusal of unverified/expired facts, and that the course only shows usable facts."""
import datetime as dt
import re

import pytest

from conftest import REPO, course_notebooks, exercise_notebooks, rel, solution_notebooks
from upphandlingskurs.content.fakta import FactError, fakta, load_registry
from upphandlingskurs.content.fakta.markers import referenced_ids, render, stale_markers
from upphandlingskurs.content.fakta.registry import default_registry

GOOD = """
- id: testgrans
  label: En testgräns
  value: 700000
  unit: SEK
  valid_from: 2022-02-01
  valid_to: 2023-12-31
  lagrum: 19 a kap. LOU
  source: Testkälla
  url: https://example.org/
  status: verified
  checked: 2026-11-26
- id: obekraftad
  label: En obekräftad uppgift
  value: 1
  unit: antal
  valid_from: 2020-01-01
  lagrum: –––
  source: Ingen
  url: https://example.org/
  status: unverified
  checked: 2026-11-26
"""


def write(tmp_path, text):
    p = tmp_path / "fakta.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_the_course_registry_loads_and_is_not_empty():
    reg = load_registry()
    assert len(reg) >= 10


def test_every_fact_has_lagrum_source_and_url():
    for f in default_registry():
        assert f.lagrum and f.source and f.url.startswith("http"), f.id


def test_expired_fact_is_refused_with_swedish_message(tmp_path):
    reg = load_registry(write(tmp_path, GOOD))
    assert reg.get("testgrans", day=dt.date(2023, 6, 1)).value == 700000
    with pytest.raises(FactError, match="har gått ut"):
        reg.get("testgrans", day=dt.date(2024, 1, 1))


def test_unverified_fact_is_never_shown(tmp_path):
    reg = load_registry(write(tmp_path, GOOD))
    with pytest.raises(FactError, match="inte verifierad"):
        reg.get("obekraftad", allow_outdated=True)


def test_missing_fact(tmp_path):
    with pytest.raises(FactError, match="saknar uppgiften 'finns_inte'"):
        load_registry(write(tmp_path, GOOD)).get("finns_inte")


@pytest.mark.parametrize("broken, message", [
    ("- id: x\n  value: [1\n", "inte giltig YAML"),
    ("id: x\n", "ska vara en lista"),
    (GOOD.replace("unit: SEK", "unit: dollar"), "testgrans är felaktig"),
    (GOOD.replace("value: 700000", "value: sjuhundra"), "testgrans är felaktig"),
    (GOOD.replace("valid_to: 2023-12-31", "valid_to: 2021-12-31"), "testgrans är felaktig"),
    (GOOD + GOOD, "två uppgifter med id"),
])
def test_broken_registry_gives_clear_message(tmp_path, broken, message):
    with pytest.raises(FactError, match=message):
        load_registry(write(tmp_path, broken))


def test_missing_registry_file(tmp_path):
    with pytest.raises(FactError, match="Kan inte läsa faktaregistret"):
        load_registry(tmp_path / "finns-inte.yaml")


def test_fact_formats_in_swedish():
    f = fakta("direktupphandlingsgrans_lou")
    assert f.text == "700\u00a0000\u00a0kr"
    assert "19 a kap. LOU" in f.markdown() and f.url in f.markdown()


def test_markers_are_rendered_from_the_registry():
    text = "Gränsen är <!--fakta:direktupphandlingsgrans_lou-->GAMMALT<!--/fakta--> i LOU."
    assert render(text) == "Gränsen är <!--fakta:direktupphandlingsgrans_lou-->700\u00a0000\u00a0kr<!--/fakta--> i LOU."
    assert referenced_ids(text + ' fakta("de_minimis_tak")') == {"direktupphandlingsgrans_lou", "de_minimis_tak"}


def _sources():
    files = [*course_notebooks(), *solution_notebooks(), *exercise_notebooks()]
    files += sorted(p for p in (REPO / "src").rglob("*.py") if "fakta" not in p.parts)
    return files


@pytest.mark.parametrize("path", _sources(), ids=rel)
def test_every_fact_the_course_shows_is_verified_and_current(path):
    """Fails when a fact used by a notebook or the package is unverified or past its valid_to (KURSDESIGN §7)."""
    reg = default_registry()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        text = text.replace('\\"', '"')
    for fact_id in referenced_ids(text):
        if fact_id not in reg:
            pytest.fail(f"{rel(path)} refers to unknown fact {fact_id!r}")
        problems = reg._facts[fact_id].problems()
        historic = "historiskt" in (reg._facts[fact_id].note or "").lower()
        if historic:  # shown explicitly as a comparison from the past: only verification matters
            problems = [p for p in problems if "inte verifierad" in p]
        assert not problems, f"{rel(path)}: " + "; ".join(problems)


@pytest.mark.parametrize("path", course_notebooks() + solution_notebooks(), ids=rel)
def test_figures_in_notebook_text_equal_the_registry(path):
    assert stale_markers(path) == [], "kör `make fakta`"


def test_no_changing_figure_is_typed_into_module_text_without_a_marker():
    """The registry's amounts must not appear as bare text in Markdown: they would not follow a change."""
    import nbformat
    from upphandlingskurs.content.fakta.markers import MARKER
    amounts = {f.text for f in default_registry() if f.unit in ("SEK", "EUR")}
    plain = {a.replace("\u00a0", " ") for a in amounts}
    offenders = []
    for nb_path in course_notebooks() + solution_notebooks():
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "markdown":
                continue
            bare = MARKER.sub("", cell.source).replace("\u00a0", " ")
            for a in plain:
                if re.search(r"(?<!\d)(?<!\d )" + re.escape(a), bare):
                    offenders.append(f"{rel(nb_path)}: {a}")
    assert not offenders, "use <!--fakta:id-->…<!--/fakta--> markers: " + ", ".join(offenders)


def test_maintainer_notes_are_never_shown_to_participants(tmp_path):
    text = GOOD.replace("  checked: 2026-11-26\n- id: obekraftad",
                        "  checked: 2026-11-26\n  note: Beloppet står i lagen.\n"
                        "  maintainer_note: Kontrollera lagtexten före varje kursomgång.\n- id: obekraftad", 1)
    reg = load_registry(write(tmp_path, text))
    fact = next(f for f in reg if f.id == "testgrans")
    shown = fact.markdown()
    assert "Beloppet står i lagen." in shown
    assert fact.maintainer_note and "kursomgång" not in shown
    # the course's own registry: no to-do for the course staff in what a participant reads
    for f in default_registry():
        assert not re.search(r"före varje kursomgång|kontrollera lagtexten", f.note or "", re.I), f.id
    assert "kursomgång" not in fakta("direktupphandlingsgrans_lou").markdown()
