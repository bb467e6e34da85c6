"""Issue 16 part 3: every lecture module ends with 'Läs vidare – för din roll' (KURSDESIGN §4), between
'Nyckelpunkter' and 'Källor', with a bullet per role, the role in bold and at least one official link per role."""
from __future__ import annotations

import re

import nbformat
import pytest

from conftest import module_notebooks, rel

HEADING = "## Läs vidare – för din roll"
ROLES = {"Beslutsfattare", "Upphandlare", "Matchningsansvarig och arbetsmarknadsenhet", "Leverantör och ASF",
         "Idéburen organisation", "Socialtjänst"}
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
ROLE_BULLET = re.compile(r"^- \*\*(?P<role>.+?)\*\*(?P<rest>.*)$")


def _headings(nb) -> list[str]:
    """The level-2 headings of the Markdown cells, in order."""
    return [line.strip() for c in nb.cells if c.cell_type == "markdown"
            for line in c.source.split("\n") if line.startswith("## ")]


def _section(nb, heading: str) -> str:
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    _, _, rest = text.partition(heading + "\n")
    return re.split(r"(?m)^## ", rest, maxsplit=1)[0]


def role_bullets(section: str) -> list[tuple[str, str]]:
    """(role, rest of the bullet) for each bullet that starts with a bold role; glossary links in the role are
    read as their text ("**[Leverantör](ordlista.ipynb#leverantör) och ASF:**" is the role Leverantör och ASF)."""
    out = []
    for line in section.split("\n"):
        m = ROLE_BULLET.match(line)
        if m:
            out.append((LINK.sub(lambda k: k.group(1), m.group("role")).strip().rstrip(":").strip(), m.group("rest")))
    return out


def problems(nb) -> list[str]:
    """What is wrong with a notebook's 'Läs vidare' section (empty: nothing)."""
    heads = _headings(nb)
    found = [i for i, h in enumerate(heads) if h == HEADING]
    if len(found) != 1:
        return [f"'{HEADING}' finns {len(found)} gånger (ska finnas en gång)"]
    out = []
    at = found[0]
    if "## Nyckelpunkter" not in heads[:at]:
        out.append("'Läs vidare' kommer inte efter 'Nyckelpunkter'")
    elif heads[at - 1] != "## Nyckelpunkter":
        out.append("'Läs vidare' kommer inte direkt efter 'Nyckelpunkter'")
    if at + 1 >= len(heads) or heads[at + 1] != "## Källor":
        out.append("'Läs vidare' följs inte direkt av 'Källor'")
    bullets = role_bullets(_section(nb, HEADING))
    roles = [r for r, _ in bullets]
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        out.append(f"okända roller: {', '.join(unknown)}")
    if len(set(roles) & ROLES) < 3:
        out.append(f"färre än tre roller ur listan: {', '.join(roles) or 'inga'}")
    if len(roles) != len(set(roles)):
        out.append("en roll står två gånger")
    for role, rest in bullets:
        urls = [u for _, u in LINK.findall(rest) if u.startswith(("http://", "https://"))]
        if not urls:
            out.append(f"{role}: ingen länk till en källa (http/https)")
    return out


@pytest.mark.parametrize("path", module_notebooks(), ids=rel)
def test_module_ends_with_read_further_for_each_role(path):
    nb = nbformat.read(path, as_version=4)
    assert problems(nb) == [], f"{rel(path)}: " + "; ".join(problems(nb))


def test_the_read_further_section_is_not_a_slide():
    """The reading list is a cell of its own, without the 'bild' tag (documents/slides.py makes a slide of every
    '## ' section of a tagged cell)."""
    for path in module_notebooks():
        nb = nbformat.read(path, as_version=4)
        for c in nb.cells:
            if c.cell_type == "markdown" and HEADING in c.source:
                assert "bild" not in c.metadata.get("tags", []), rel(path)


# -- the check itself can fail ---------------------------------------------------------------------------------
def _nb(*sources: str):
    from upphandlingskurs.content.authoring import md, notebook
    return notebook([md(s) for s in sources])


GOOD = ("## Nyckelpunkter\n\n- a", HEADING + "\n\nIntro.\n\n"
        "- **Beslutsfattare:** [UHM](https://www.upphandlingsmyndigheten.se/). Läs sedan modul 05.\n"
        "- **[Upphandlare](ordlista.ipynb#x):** [KKV](https://www.konkurrensverket.se/).\n"
        "- **[Leverantör](ordlista.ipynb#leverantör) och ASF:** [UHM](https://www.upphandlingsmyndigheten.se/x).",
        "## Källor\n\n- x")


def test_a_good_section_passes():
    assert problems(_nb(*GOOD)) == []


@pytest.mark.parametrize("cells, message", [
    ((GOOD[0], GOOD[2]), "finns 0 gånger"),
    ((GOOD[0], GOOD[1], GOOD[1], GOOD[2]), "finns 2 gånger"),
    ((GOOD[1], GOOD[0], GOOD[2]), "inte efter 'Nyckelpunkter'"),
    ((GOOD[0], GOOD[2], GOOD[1]), "följs inte direkt av 'Källor'"),
    ((GOOD[0], GOOD[1].replace("https://www.konkurrensverket.se/", "ordlista.ipynb#y"), GOOD[2]),
     "Upphandlare: ingen länk"),
    ((GOOD[0], GOOD[1].replace("Beslutsfattare", "Chef"), GOOD[2]), "okända roller: Chef"),
    ((GOOD[0], GOOD[1].rsplit("\n", 1)[0], GOOD[2]), "färre än tre roller ur listan"),
])
def test_a_bad_section_is_named(cells, message):
    assert any(message in p for p in problems(_nb(*cells))), problems(_nb(*cells))
