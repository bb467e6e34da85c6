"""The course glossary (ordlista): terms as data, the glossary notebook, links at first use, one term for one thing.

``ordlista.yaml`` holds every term with a plain Swedish explanation and its lagrum or source, the word forms that
count as a use of the term, and the variants the course does not use for the same thing. From it:

- ``course/ordlista.ipynb`` is generated (``python -m upphandlingskurs.content.glossary sync``);
- ``link`` inserts a link to the glossary at the first use of each term in each module notebook
  (Markdown cells only; never inside headings, code, HTML, fakta markers or existing links). It is
  idempotent: a module whose first uses are all linked is left as it is, so ``check`` is "``link`` would
  change nothing";
- ``varianter`` lists the discouraged variants found in participant text.

Command line: ``python -m upphandlingskurs.content.glossary [check|link|sync|varianter] [notebook ...]``.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import nbformat
import yaml
from pydantic import BaseModel, ConfigDict, Field

GLOSSARY_NOTEBOOK = "ordlista.ipynb"
GENERATED_TAG = "ordlista"


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid")

    term: str = Field(min_length=2)
    former: list[str] = Field(min_length=1)
    forklaring: str = Field(min_length=20)
    kalla: str = Field(min_length=3)
    lanka: bool = True
    undvik: list[str] = Field(default_factory=list)
    undantag: list[str] = Field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The heading's id as JupyterLab (and the website) makes it: spaces become hyphens."""
        return self.term.replace(" ", "-")



class AddressRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    du: str
    kommunen: str
    undvik: list[str] = Field(default_factory=list)


class Glossary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tilltal: AddressRule
    termer: list[Term] = Field(min_length=60)


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    text = (resources.files("upphandlingskurs.content") / "ordlista.yaml").read_text(encoding="utf-8")
    return Glossary.model_validate(yaml.safe_load(text))


def terms() -> list[Term]:
    return glossary().termer


# -- finding terms in Markdown --------------------------------------------------------------------------
# Spans where a term is never linked: fenced code, inline code, HTML comments (fakta markers) and tags,
# images, links (text and address), bare addresses, headings.
_PROTECTED = re.compile(
    r"```.*?```|~~~.*?~~~"
    r"|`[^`\n]*`"
    r"|<!--.*?-->"
    r"|<(?P<block>details|summary|div|table|span|p|dl)\b[^>]*>.*?</(?P=block)>"  # Markdown is not rendered inside HTML blocks
    r"|<[^>\n]+>"
    r"|!\[[^\]]*\]\([^)]*\)"
    r"|\[[^\]]*\]\([^)]*\)"
    r"|https?://\S+"
    r"|^[ ]{0,3}#{1,6}[ \t][^\n]*",
    re.S | re.M)
_GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(" + re.escape(GLOSSARY_NOTEBOOK) + r"#([^)\s]+)\)")


def _form_pattern(form: str) -> str:
    """A word form as a whole word; abbreviations (LOU, SGEI, Ds) only as written, other forms in any case."""
    exact = sum(ch.isupper() for ch in form) >= 2 or (len(form) <= 3 and form[:1].isupper())
    body = r"(?<![\w\-])" + re.escape(form) + r"(?![\w\-])"
    return f"(?:{body})" if exact else f"(?i:{body})"


@lru_cache(maxsize=None)
def _matcher(forms: tuple[str, ...]) -> re.Pattern:
    longest_first = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(_form_pattern(f) for f in longest_first))


@dataclass
class Use:
    start: int
    end: int
    term: Term
    linked: bool  # already a link to the glossary


def _uses(text: str, glossary_terms: list[Term]) -> list[Use]:
    """Every use of a glossary term in one Markdown text, in order; overlapping uses go to the longer form."""
    by_anchor = {t.anchor: t for t in glossary_terms}
    protected, uses = [], []
    for m in _PROTECTED.finditer(text):
        protected.append((m.start(), m.end()))
        link = _GLOSSARY_LINK.fullmatch(m.group(0))
        if link and link.group(2) in by_anchor:
            uses.append(Use(m.start(), m.end(), by_anchor[link.group(2)], True))

    def free(a: int, b: int) -> bool:
        return not any(a < pe and ps < b for ps, pe in protected)

    candidates = []
    for t in glossary_terms:
        if not t.lanka:
            continue
        for m in _matcher(tuple(t.former)).finditer(text):
            if free(m.start(), m.end()):
                candidates.append(Use(m.start(), m.end(), t, False))
    candidates.sort(key=lambda u: (u.start, -(u.end - u.start)))
    taken_until = -1
    for u in candidates:
        if u.start >= taken_until:
            uses.append(u)
            taken_until = u.end
    return sorted(uses, key=lambda u: u.start)


def link_markdown(text: str, seen: set[str], glossary_terms: list[Term] | None = None) -> tuple[str, list[str]]:
    """Link the first use of each term not in ``seen`` (term names, updated in place).

    Returns the new text and the terms linked now. A term whose first use is already linked is only marked seen.
    """
    glossary_terms = terms() if glossary_terms is None else glossary_terms
    out, last, linked = [], 0, []
    for use in _uses(text, glossary_terms):
        if use.term.term in seen:
            continue
        seen.add(use.term.term)
        if use.linked:
            continue
        out += [text[last:use.start], f"[{text[use.start:use.end]}]({GLOSSARY_NOTEBOOK}#{use.term.anchor})"]
        last = use.end
        linked.append(use.term.term)
    out.append(text[last:])
    return "".join(out), linked


def link_notebook(path: Path, write: bool = True) -> list[str]:
    """Link each term's first use in a notebook's Markdown cells; returns the terms linked now (empty: nothing to do)."""
    nb = nbformat.read(path, as_version=4)
    seen: set[str] = set()
    linked: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        new, now = link_markdown(cell.source, seen)
        if now:
            cell.source, linked = new, linked + now
    if linked and write:
        nbformat.write(nb, path)
    return linked


def unlinked_first_uses(path: Path) -> list[str]:
    """The terms whose first use in the notebook has no link to the glossary (empty: all linked)."""
    return link_notebook(path, write=False)


# -- one term for one thing --------------------------------------------------------------------------
@dataclass
class Variant:
    where: str
    found: str
    term: str  # the term to use instead (or "tilltal")


def _strip_exceptions(text: str, patterns: list[str]) -> str:
    for p in patterns:
        text = re.sub(p, lambda m: " " * len(m.group(0)), text, flags=re.I)
    return text


def variants_in_text(text: str, where: str) -> list[Variant]:
    found = []
    for t in terms():
        clean = _strip_exceptions(text, t.undantag)
        for pattern in t.undvik:
            found += [Variant(where, m.group(0), t.term) for m in re.finditer(pattern, clean, flags=re.I)]
    for pattern in glossary().tilltal.undvik:
        found += [Variant(where, m.group(0), "tilltal") for m in re.finditer(pattern, text, flags=re.I)]
    return found


def notebook_prose(path: Path) -> str:
    """The Markdown a participant reads in a notebook, without code spans and fenced code."""
    nb = nbformat.read(path, as_version=4)
    text = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return re.sub(r"```.*?```|`[^`\n]*`", " ", text, flags=re.S)


# Not the course's own words: titles and names quoted as written (link texts, *italics*) and addresses.
_QUOTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+|(?<![*\w])\*(?!\*)[^*\n]+?\*(?![*\w])")


def variants_in_notebook(path: Path, root: Path | None = None) -> list[Variant]:
    where = str(path.relative_to(root)) if root else str(path)
    return variants_in_text(_QUOTED.sub(" ", notebook_prose(path)), where)


# -- the glossary notebook ---------------------------------------------------------------------------
def _initial(term: str) -> str:
    return term[0].upper()


def glossary_markdown() -> list[str]:
    """The glossary notebook's cells: an introduction, the rules of the words, then one cell per initial."""
    g = glossary()
    ordered = sorted(g.termer, key=lambda t: t.term.casefold().replace("é", "e"))
    intro = [
        "# Ordlista",
        "",
        f"Här förklaras {len(ordered)} ord som kursen använder. Varje förklaring anger lagrum eller källa. "
        "I modulerna är ordet en länk hit första gången det används.",
        "",
        "## Så skriver kursen",
        "",
        "- **Du** är du som läser. **Kommunen** (eller **ni**) är organisationen du arbetar i. Kursen skriver "
        "inte *man*.",
        "- Ett ord för en sak. Kursen använder inte de här varianterna:",
        "",
        "| Kursen skriver | inte |",
        "|---|---|",
    ]
    for t in ordered:
        if t.undvik:
            shown = ", ".join(f"*{_readable(p)}*" for p in t.undvik)
            intro.append(f"| {t.term} | {shown} |")
    cells = ["\n".join(intro)]
    letters: dict[str, list[Term]] = {}
    for t in ordered:
        letters.setdefault(_initial(t.term), []).append(t)
    for letter, group in letters.items():
        lines = [f"## {letter}"]
        for t in group:
            lines += ["", f"### {t.term}", "", " ".join(t.forklaring.split()), "", f"*Källa:* {t.kalla}"]
        cells.append("\n".join(lines))
    return cells


def _readable(pattern: str) -> str:
    text = re.sub(r"\\b|\(\?:|\)|\\w\*|\\s\+", "", pattern)
    return text.replace("|", " / ")


def glossary_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    for i, source in enumerate(glossary_markdown()):
        cell = nbformat.v4.new_markdown_cell(source, metadata={"tags": [GENERATED_TAG]})
        cell.id = f"ordlista-{i:02d}"
        nb.cells.append(cell)
    return nb


def glossary_is_current(course_dir: Path) -> bool:
    path = Path(course_dir) / GLOSSARY_NOTEBOOK
    if not path.is_file():
        return False
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells] == glossary_markdown()


def sync_glossary(course_dir: Path) -> bool:
    if glossary_is_current(course_dir):
        return False
    nbformat.write(glossary_notebook(), Path(course_dir) / GLOSSARY_NOTEBOOK)
    return True


def module_notebooks(course_dir: Path) -> list[Path]:
    return sorted(Path(course_dir).glob("[0-9][0-9]_*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cmd, paths = (argv[0] if argv else "check"), [Path(p) for p in argv[1:]]
    course = Path("course")
    targets = paths or module_notebooks(course)
    if cmd == "sync":
        print("uppdaterade course/ordlista.ipynb" if sync_glossary(course) else "ordlistan var redan aktuell")
        return 0
    if cmd == "link":
        for path in targets:
            linked = link_notebook(path)
            print(f"{path}: {len(linked)} nya länkar" + (f" ({', '.join(linked)})" if linked else ""))
        return 0
    if cmd == "check":
        bad = {str(p): unlinked_first_uses(p) for p in targets}
        bad = {p: t for p, t in bad.items() if t}
        for path, missing in bad.items():
            print(f"{path}: första användningen saknar länk till ordlistan: {', '.join(missing)}")
        ok = not bad and glossary_is_current(course)
        if not glossary_is_current(course):
            print("course/ordlista.ipynb är inaktuell: kör `python -m upphandlingskurs.content.glossary sync`")
        print("ordlistan och länkarna är aktuella" if ok else
              "kör `python -m upphandlingskurs.content.glossary link` för att lägga in länkarna")
        return 0 if ok else 1
    if cmd == "varianter":
        found = [v for p in (paths or sorted(course.glob("*.ipynb"))) if p.name != GLOSSARY_NOTEBOOK
                 for v in variants_in_notebook(p)]
        for v in found:
            print(f"{v.where}: '{v.found}' (kursen skriver: {v.term})")
        print(f"{len(found)} varianter")
        return 0 if not found else 1
    print("Användning: python -m upphandlingskurs.content.glossary [check|link|sync|varianter] [notebook ...]",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
