"""Module metadata and the course start page.

Each course notebook carries its own header as data (Carpentries style) in ``metadata["kurs"]``.
The start page ``course/index.ipynb`` has one generated Markdown cell (tag ``kursplan``) built from
that metadata and ``kursplan.yaml``; ``python -m upphandlingskurs.content.curriculum sync`` rewrites it and
the tests fail when it is out of date.
"""
from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path

import nbformat
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

INDEX_TAG = "kursplan"
REQUIRED_HEADINGS = ("Frågor", "Lärandemål", "Tid", "Nyckelpunkter", "Källor")


class ModuleMeta(BaseModel):
    """``metadata["kurs"]`` of a course notebook."""
    model_config = ConfigDict(extra="forbid")

    modul: str = Field(pattern=r"^\d\d$")
    titel: str = Field(min_length=3)
    tid_lasning_min: int = Field(ge=1, le=240)
    tid_ovning_min: int = Field(ge=0, le=240)
    fragor: list[str] = Field(min_length=1)
    larandemal: list[str] = Field(min_length=3, max_length=5)
    senast_granskad: str = Field(pattern=r"^\d{4}-\d\d$")
    ovning: str | None = None  # assignment name in solutions/ (nbgrader), if the module has one


class PlannedModule(BaseModel):
    id: str
    titel: str
    kort: str


def planned_modules() -> list[PlannedModule]:
    text = (resources.files("upphandlingskurs.content") / "kursplan.yaml").read_text(encoding="utf-8")
    return [PlannedModule.model_validate(m) for m in yaml.safe_load(text)]


def module_notebooks(course_dir: Path) -> dict[str, Path]:
    """`{"00": course/00_kom_igang.ipynb, ...}`"""
    out = {}
    for p in sorted(Path(course_dir).glob("[0-9][0-9]_*.ipynb")):
        out[p.name[:2]] = p
    return out


def read_meta(nb_path: Path) -> ModuleMeta:
    nb = nbformat.read(nb_path, as_version=4)
    try:
        return ModuleMeta.model_validate(nb.metadata.get("kurs", {}))
    except ValidationError as e:
        raise ValueError(f"{nb_path}: metadata['kurs'] är ofullständig:\n{e}") from None


def template_problems(nb_path: Path) -> list[str]:
    """What a course notebook lacks of the module template (KURSDESIGN §4)."""
    problems = []
    try:
        read_meta(nb_path)
    except ValueError as e:
        problems.append(str(e))
    nb = nbformat.read(nb_path, as_version=4)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    headings = {h.strip() for h in re.findall(r"^#{1,4}\s+(.+)$", md, flags=re.M)}
    for h in REQUIRED_HEADINGS:
        if not any(x == h or x.startswith(h + " ") or x.startswith(h + ":") for x in headings):
            problems.append(f"{nb_path}: rubriken '{h}' saknas")
    if "Senast granskad" not in md:
        problems.append(f"{nb_path}: 'Senast granskad: ÅÅÅÅ-MM' saknas")
    return problems


def _minutes(n: int) -> str:
    return f"{n} min"


def index_markdown(course_dir: Path) -> str:
    notebooks = module_notebooks(course_dir)
    lines = ["## Kursens moduler", "",
             "| Modul | Tid | Du lär dig att … |", "|---|---|---|"]
    for m in planned_modules():
        if m.id in notebooks:
            meta = read_meta(notebooks[m.id])
            link = f"[**{m.id} {meta.titel}**]({notebooks[m.id].name})"
            tid = f"{_minutes(meta.tid_lasning_min + meta.tid_ovning_min)} (läsning {meta.tid_lasning_min}, övning {meta.tid_ovning_min})"
            goals = "<br>".join(f"• {g}" for g in meta.larandemal)
            lines.append(f"| {link} | {tid} | {goals} |")
        else:
            lines.append(f"| **{m.id} {m.titel}** – *kommer* | – | {m.kort} |")
    total = sum(read_meta(p).tid_lasning_min + read_meta(p).tid_ovning_min for p in notebooks.values())
    lines += ["", f"Klara moduler tar sammanlagt cirka {total} minuter. "
              "Moduler markerade *kommer* är under arbete."]
    return "\n".join(lines)


def _index_cell(nb):
    for cell in nb.cells:
        if INDEX_TAG in cell.metadata.get("tags", []):
            return cell
    raise ValueError(f"startsidan saknar en Markdown-cell med taggen '{INDEX_TAG}'")


def index_is_current(course_dir: Path) -> bool:
    nb = nbformat.read(Path(course_dir) / "index.ipynb", as_version=4)
    return _index_cell(nb).source == index_markdown(course_dir)


def sync_index(course_dir: Path) -> bool:
    path = Path(course_dir) / "index.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell, new = _index_cell(nb), index_markdown(course_dir)
    if cell.source == new:
        return False
    cell.source = new
    nbformat.write(nb, path)
    return True


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cmd = argv[0] if argv else "check"
    course = Path("course")
    if cmd == "sync":
        print("uppdaterade course/index.ipynb" if sync_index(course) else "startsidan var redan aktuell")
        return 0
    if cmd == "check":
        ok = index_is_current(course)
        print("startsidan är aktuell" if ok else "startsidan är inaktuell: kör `make kursplan`")
        return 0 if ok else 1
    print("Användning: python -m upphandlingskurs.content.curriculum [check|sync]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
