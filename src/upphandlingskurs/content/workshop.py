"""The workshop facilitation guide as data: ``workshop.yaml`` rendered into ``course/workshopguide.ipynb``.

The plans' minutes are checked here (and by ``tests/unit/test_workshop.py``): the slots follow each other
without gaps, the day ends when the plan says, and every module of a plan gets at least its own time
(pre-reading + slots + follow-up) as given by the module's metadata (``tid_lasning_min``, ``tid_ovning_min``).
``python -m upphandlingskurs.content.workshop sync`` rewrites the guide; ``check`` fails when it is stale.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import nbformat
import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .curriculum import ModuleMeta, module_notebooks, read_meta

GUIDE_NAME = "workshopguide.ipynb"
GENERATED_TAG = "workshopguide"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Variant(_Model):
    min: int = Field(ge=5, le=240)
    innehall: str


class ModuleGuide(_Model):
    nyckelbudskap: list[str] = Field(min_length=2)
    missforstand: list[str] = Field(min_length=2)
    diskussionsfragor: list[str] = Field(min_length=3, max_length=5)
    fall: list[str] = Field(min_length=1)
    tidsvarianter: list[Variant] = Field(min_length=2)


class Part(_Model):
    modul: str
    del_: Literal["lasning", "ovning", "hela"] = Field(alias="del")


class Slot(_Model):
    start: str
    min: int = Field(ge=5, le=240)
    innehall: str
    form: str = ""
    modul: str | None = None

    @field_validator("start")
    @classmethod
    def _time(cls, v: str) -> str:
        to_minutes(v)
        return v


class Plan(_Model):
    id: str
    titel: str
    start: str
    slut: str
    for_vem: str
    forberedelse: list[Part] = []
    pass_: list[Slot] = Field(alias="pass", min_length=1)
    efterarbete: list[Part] = []


class Checkpoint(_Model):
    nar: str
    vad: str


class Workshop(_Model):
    moduler: dict[str, ModuleGuide]
    planer: list[Plan]
    kluster: list[list[str]]
    checklista: list[Checkpoint]
    utvardering: list[str]
    texter: dict[str, str]


def to_minutes(hhmm: str) -> int:
    """``"09.15"`` → 555. Swedish clock times use a full stop."""
    try:
        h, m = hhmm.split(".")
        h, m = int(h), int(m)
    except ValueError:
        raise ValueError(f"Tiden '{hhmm}' ska skrivas tt.mm, till exempel 09.15.") from None
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValueError(f"Tiden '{hhmm}' finns inte på klockan.")
    return 60 * h + m


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}.{minutes % 60:02d}"


@lru_cache(maxsize=1)
def _text() -> str:
    return resources.files(__package__).joinpath("workshop.yaml").read_text(encoding="utf-8")


def load(text: str | None = None) -> Workshop:
    return Workshop.model_validate(yaml.safe_load(text if text is not None else _text()))


def part_minutes(part: Part, meta: ModuleMeta) -> int:
    return {"lasning": meta.tid_lasning_min, "ovning": meta.tid_ovning_min,
            "hela": meta.tid_lasning_min + meta.tid_ovning_min}[part.del_]


def module_times(course_dir: Path) -> dict[str, ModuleMeta]:
    return {nn: read_meta(p) for nn, p in module_notebooks(course_dir).items()}


def plan_modules(plan: Plan) -> list[str]:
    seen = [p.modul for p in plan.forberedelse] + [s.modul for s in plan.pass_ if s.modul] + \
        [p.modul for p in plan.efterarbete]
    return sorted(set(seen))


def plan_problems(plan: Plan, metas: dict[str, ModuleMeta]) -> list[str]:
    """Everything that does not add up in a plan, in Swedish (empty when the plan holds)."""
    problems = []
    t = to_minutes(plan.start)
    for slot in plan.pass_:
        if to_minutes(slot.start) != t:
            problems.append(f"{plan.id}: passet '{slot.innehall[:40]}' börjar {slot.start}, men passet före slutar "
                            f"{clock(t)}")
        t = to_minutes(slot.start) + slot.min
    if t != to_minutes(plan.slut):
        problems.append(f"{plan.id}: passen slutar {clock(t)}, men planen säger {plan.slut}")
    for nn in plan_modules(plan):
        if nn not in metas:
            problems.append(f"{plan.id}: modul {nn} finns inte i course/")
            continue
        meta = metas[nn]
        before = [p for p in plan.forberedelse if p.modul == nn]
        after = [p for p in plan.efterarbete if p.modul == nn]
        on_site = sum(s.min for s in plan.pass_ if s.modul == nn)
        given = sum(part_minutes(p, meta) for p in before + after) + on_site
        own = meta.tid_lasning_min + meta.tid_ovning_min
        if given < own:
            problems.append(f"{plan.id}: modul {nn} får {given} min (förberedelse, pass och efterarbete), men "
                            f"modulen tar {own} min")
        read_before = any(p.del_ in ("lasning", "hela") for p in before)
        if not read_before and on_site < meta.tid_lasning_min:
            problems.append(f"{plan.id}: modul {nn} läses inte före dagen och får {on_site} min på plats, men "
                            f"läsningen tar {meta.tid_lasning_min} min")
        exercised = any(p.del_ in ("ovning", "hela") for p in before + after)
        if meta.tid_ovning_min and not exercised:
            problems.append(f"{plan.id}: övning {nn} ligger varken i förberedelsen eller i efterarbetet")
    return problems


def all_problems(course_dir: Path, ws: Workshop | None = None) -> list[str]:
    ws = ws or load()
    metas = module_times(course_dir)
    problems = [f"modul {nn} saknar handledning i workshop.yaml" for nn in metas if nn not in ws.moduler
                and nn <= "05"]
    for plan in ws.planer:
        problems += plan_problems(plan, metas)
    return problems


# --- rendering ------------------------------------------------------------------------------------------
def _bullets(items) -> str:
    return "\n".join(f"- {x}" for x in items)


def _parts_table(parts: list[Part], metas: dict[str, ModuleMeta]) -> tuple[str, int]:
    names = {"lasning": "läsning", "ovning": "övning", "hela": "läsning och övning"}
    rows, total = [], 0
    for p in parts:
        m = part_minutes(p, metas[p.modul])
        total += m
        rows.append(f"| Modul {p.modul} {metas[p.modul].titel} | {names[p.del_]} | {m} min |")
    head = "| Modul | Vad | Tid |\n|---|---|---|\n"
    return head + "\n".join(rows) + f"\n| **Sammanlagt** | | **{total} min** |", total


def plan_markdown(plan: Plan, metas: dict[str, ModuleMeta]) -> str:
    lines = [f"### {plan.titel}, {plan.start}–{plan.slut}", "", plan.for_vem, ""]
    if plan.forberedelse:
        table, total = _parts_table(plan.forberedelse, metas)
        lines += [f"**Före dagen** (cirka {total} minuter):", "", table, ""]
    lines += ["**På dagen:**", "", "| Tid | Minuter | Modul | Innehåll | Arbetsform |", "|---|---|---|---|---|"]
    for s in plan.pass_:
        mod = f"{s.modul} {metas[s.modul].titel}" if s.modul and s.modul in metas else ""
        lines.append(f"| {s.start} | {s.min} | {mod} | {s.innehall} | {s.form} |")
    lines.append(f"| {plan.slut} | | | Slut | |")
    if plan.efterarbete:
        table, total = _parts_table(plan.efterarbete, metas)
        lines += ["", f"**Efter dagen, inom två veckor** (cirka {total} minuter):", "", table]
    return "\n".join(lines)


def module_markdown(nn: str, g: ModuleGuide, meta: ModuleMeta) -> str:
    own = meta.tid_lasning_min + meta.tid_ovning_min
    variants = "\n".join(f"| {v.min} min | {v.innehall} |" for v in g.tidsvarianter)
    return "\n".join([
        f"### Modul {nn} – {meta.titel}", "",
        f"Modulens egen tid: {meta.tid_lasning_min} min läsning och {meta.tid_ovning_min} min övning ({own} min).", "",
        "**Nyckelbudskap**", "", _bullets(g.nyckelbudskap), "",
        "**Vanliga missförstånd**", "", _bullets(g.missforstand), "",
        "**Diskussionsfrågor** (för grupper från flera kommuner)", "",
        "\n".join(f"{i}. {q}" for i, q in enumerate(g.diskussionsfragor, 1)), "",
        "**Fall att använda**", "", _bullets(g.fall), "",
        "**Tidsvarianter**", "", "| Tid | Så gör du |", "|---|---|", variants,
    ])


def guide_cells(course_dir: Path, ws: Workshop | None = None) -> list[str]:
    """The Markdown cells of the guide, in order."""
    ws = ws or load()
    metas = module_times(course_dir)
    t = ws.texter
    pre = next((p for p in ws.planer if p.forberedelse), None)
    pre_min = sum(part_minutes(p, metas[p.modul]) for p in pre.forberedelse) if pre else 0
    clusters = "\n".join(f"- {' – '.join(c)}" for c in ws.kluster)
    cells = [
        "# Handledning för workshoppar\n\n" + t["inledning"] + "\n\n*Senast granskad: 2026-12*",
        "## Innehåll\n\n1. Förberedelse, dag och efterarbete\n2. Planer för en halvdag och en heldag\n"
        "3. Workshop utan rättning\n4. Vanliga missförstånd – resultat per fråga\n5. Modul för modul\n"
        "6. Checklista veckorna före\n7. Grupper när en kommun skickar en person\n8. Tryckmaterial och plan B\n"
        "9. Utvärdering\n10. Uppföljningsmötet",
        "## 1. Förberedelse, dag och efterarbete\n\n" + t["forberedelse"].format(forberedelse_min=pre_min),
        "## 2. Planer för en halvdag och en heldag\n\nTiderna är räknade så att varje modul får minst den tid "
        "modulen själv anger: förberedelse, pass på dagen och efterarbete tillsammans.\n\n"
        + "\n\n".join(plan_markdown(p, metas) for p in ws.planer),
        "## 3. Workshop utan rättning\n\n" + t["utan_rattning"],
        "## 4. Vanliga missförstånd – resultat per fråga\n\n" + t["missforstand_pass"],
        "## 5. Modul för modul\n\n" + "\n\n".join(
            module_markdown(nn, g, metas[nn]) for nn, g in sorted(ws.moduler.items()) if nn in metas),
        "## 6. Checklista veckorna före\n\n| När | Vad |\n|---|---|\n"
        + "\n".join(f"| {c.nar} | {c.vad} |" for c in ws.checklista),
        "## 7. Grupper när en kommun skickar en person\n\n" + t["grupper"].format(kluster=clusters),
        "## 8. Tryckmaterial och plan B\n\n" + t["material"],
        "## 9. Utvärdering\n\nDela ut formuläret på papper eller som en enkät de sista tio minuterna.\n\n"
        + "\n".join(f"{i}. {q}" for i, q in enumerate(ws.utvardering, 1)),
        "## 10. Uppföljningsmötet\n\n" + t["uppfoljning"],
    ]
    return cells


def build_notebook(course_dir: Path) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata.update({"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                        "language_info": {"name": "python"}})
    for text in guide_cells(course_dir):
        nb.cells.append(nbformat.v4.new_markdown_cell(text, metadata={"tags": [GENERATED_TAG]}))
    for i, cell in enumerate(nb.cells):
        cell.id = f"workshop-{i:02d}"
    return nb


def guide_is_current(course_dir: Path) -> bool:
    path = Path(course_dir) / GUIDE_NAME
    if not path.exists():
        return False
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells] == guide_cells(course_dir)


def sync(course_dir: Path) -> bool:
    path = Path(course_dir) / GUIDE_NAME
    if guide_is_current(course_dir):
        return False
    nbformat.write(build_notebook(course_dir), path)
    return True


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cmd = argv[0] if argv else "check"
    course = Path("course")
    problems = all_problems(course)
    if problems:
        print("Planerna går inte ihop:\n" + "\n".join(f"- {p}" for p in problems), file=sys.stderr)
        return 1
    if cmd == "sync":
        print(f"uppdaterade course/{GUIDE_NAME}" if sync(course) else "handledningen var redan aktuell")
        return 0
    if cmd == "check":
        ok = guide_is_current(course)
        print("handledningen är aktuell" if ok else
              "handledningen är inaktuell: kör `python -m upphandlingskurs.content.workshop sync`")
        return 0 if ok else 1
    print("Användning: python -m upphandlingskurs.content.workshop [check|sync]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
