"""Module metadata and the course start page.

Each course notebook carries its own header as data (Carpentries style) in ``metadata["kurs"]``.
The start page ``course/index.ipynb`` has two generated Markdown cells built from that metadata and
``kursplan.yaml``: the modules (tag ``kursplan``) and the paths by role, "Välj din väg" (tag ``vagar``);
``python -m upphandlingskurs.content.curriculum sync`` rewrites them and the tests fail when they are out of date.
``kursplan.yaml`` also holds the address of the course's JupyterHub (the only place it is written).
"""
from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

import nbformat
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

INDEX_TAG = "kursplan"
PATHS_TAG = "vagar"
HUB_ENV = "KURS_HUB_URL"
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


class Hub(BaseModel):
    """The course's JupyterHub; the website's "Öppna i JupyterHub" links are built from it."""
    model_config = ConfigDict(extra="forbid")

    adress: str = Field(pattern=r"^https?://")
    kursmapp: str = "kurs"
    repo: str = ""
    gren: str = "main"

    def url_for(self, rel_path: str, in_course: bool = True) -> str:
        """The address that opens ``rel_path`` (relative to the course repository) in the participant's JupyterLab.

        With ``repo`` set, an nbgitpuller link (the hub fetches the course first); without, JupyterHub's
        ``user-redirect`` to the copy of the course the hub gives each participant (``~/kurs``).
        ``in_course=False``: a path in the participant's home folder (an exercise fetched with nbgrader).
        """
        from urllib.parse import quote, urlencode
        base = os.environ.get(HUB_ENV, "").strip() or self.adress
        base = base.rstrip("/")
        if not in_course:
            return f"{base}/hub/user-redirect/lab/tree/{quote(rel_path)}"
        if self.repo:
            folder = self.repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
            query = urlencode({"repo": self.repo, "branch": self.gren, "urlpath": f"lab/tree/{folder}/{rel_path}"})
            return f"{base}/hub/user-redirect/git-pull?{query}"
        return f"{base}/hub/user-redirect/lab/tree/{quote(self.kursmapp)}/{quote(rel_path)}"


class PathStep(BaseModel):
    """One step of a path: a whole module, or some of its sections (named by part of their heading)."""
    model_config = ConfigDict(extra="forbid")

    modul: str = Field(pattern=r"^\d\d$")
    avsnitt: list[str] = Field(default_factory=list)
    fokus: list[str] = Field(default_factory=list)  # sections to read closely in a whole module
    tid_min: int | None = Field(default=None, ge=1, le=600)
    ovning: bool = False


class RolePath(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z]+$")
    titel: str
    for_vem: str
    steg: list[PathStep] = Field(min_length=1)
    tar_med_sig: str
    obs: str = ""


class Kursplan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hubb: Hub
    moduler: list[PlannedModule] = Field(min_length=1)
    vagar: list[RolePath] = Field(default_factory=list)


@lru_cache(maxsize=1)
def _kursplan_text() -> str:
    return (resources.files("upphandlingskurs.content") / "kursplan.yaml").read_text(encoding="utf-8")


def kursplan() -> Kursplan:
    data = yaml.safe_load(_kursplan_text())
    if isinstance(data, list):  # the format before the paths by role: only the modules
        data = {"hubb": {"adress": "http://127.0.0.1:8000"}, "moduler": data}
    try:
        return Kursplan.model_validate(data)
    except ValidationError as e:
        raise ValueError(f"kursplan.yaml är felaktig:\n{e}") from None


def planned_modules() -> list[PlannedModule]:
    return kursplan().moduler


def role_paths() -> list[RolePath]:
    return kursplan().vagar


def hub() -> Hub:
    return kursplan().hubb


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


# Reading speed the course uses for its reading times (modules' `tid_lasning_min`, the role paths' section times).
WORDS_PER_MINUTE = 110
_NOT_READ = re.compile(r"\]\([^)]*\)|<!--[^>]*-->")   # link targets and markers are not read


def reading_words(nb) -> int:
    """The words a participant reads in a notebook's Markdown cells (link targets and markers left out)."""
    return sum(len(_NOT_READ.sub("]", c.source).split()) for c in nb.cells if c.cell_type == "markdown")


def reading_minutes(nb) -> float:
    """Minutes to read a notebook's Markdown at WORDS_PER_MINUTE (widgets and exercises not included)."""
    return reading_words(nb) / WORDS_PER_MINUTE


def _minutes(n: int) -> str:
    return f"{n} min"


_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*$", re.M)
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$")


def _numbered_headings(nb_path: Path) -> list[tuple[str, str, str]]:
    """``(number, title, heading as written)`` for every numbered ``##``/``###`` heading of a notebook."""
    nb = nbformat.read(nb_path, as_version=4)
    out = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for _, text in _HEADING.findall(cell.source):
            m = _NUMBERED.match(text)
            if m:
                out.append((m.group(1), m.group(2), text))
    return out


def module_sections(nb_path: Path) -> list[tuple[str, str]]:
    """The numbered sections of a module: ``[("1", "Lagen och EU-direktivet"), ("4.1", "Läs in filen"), ...]``."""
    return [(num, title) for num, title, _ in _numbered_headings(nb_path)]


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def heading_anchor(heading: str) -> str:
    """The anchor JupyterLab and nbconvert give a Markdown heading: its visible text with spaces as ``-``.

    ``"5. Reserverad upphandling"`` -> ``"5.-Reserverad-upphandling"``; links, ``**`` and backticks are dropped
    the way the rendered heading drops them.
    """
    text = _MD_LINK.sub(r"\1", heading).replace("**", "").replace("`", "").strip()
    return re.sub(r"\s", "-", text)


def section_anchors(nb_path: Path) -> dict[str, str]:
    """``{"5": "5.-Reserverad-upphandling", ...}``: the anchor of each numbered section, by its number."""
    return {num: heading_anchor(raw) for num, _, raw in _numbered_headings(nb_path)}


def find_section(sections: list[tuple[str, str]], name: str) -> tuple[str, str]:
    """The one section whose heading contains ``name`` (case ignored); a clear message otherwise."""
    hits = [s for s in sections if name.casefold() in s[1].casefold()]
    if len(hits) != 1:
        found = "inget" if not hits else f"{len(hits)} avsnitt"
        raise ValueError(f"avsnittet '{name}' ger {found} (rubrikerna: {', '.join(t for _, t in sections)})")
    return hits[0]


def path_problems(course_dir: Path) -> list[str]:
    """Every section, module and exercise a path names must exist (resolved against the notebooks' headings)."""
    notebooks, planned = module_notebooks(course_dir), {m.id for m in planned_modules()}
    problems = []
    for path in role_paths():
        for step in path.steg:
            where = f"vägen '{path.id}', modul {step.modul}"
            if step.modul not in notebooks:
                problems.append(f"{where}: " + ("modulen är inte skriven än" if step.modul in planned
                                                else "modulen finns inte i kursplanen"))
                continue
            sections = module_sections(notebooks[step.modul])
            for name in step.avsnitt + step.fokus:
                try:
                    find_section(sections, name)
                except ValueError as e:
                    problems.append(f"{where}: {e}")
            if step.avsnitt and step.tid_min is None:
                problems.append(f"{where}: ett steg med avsnitt behöver tid_min")
            if step.ovning and not read_meta(notebooks[step.modul]).ovning:
                problems.append(f"{where}: modulen har ingen övning")
    return problems


def step_minutes(step: PathStep, meta: ModuleMeta) -> int:
    if step.tid_min is not None:
        return step.tid_min
    return meta.tid_lasning_min + (meta.tid_ovning_min if step.ovning else 0)


def path_minutes(path: RolePath, course_dir: Path) -> int:
    notebooks = module_notebooks(course_dir)
    return sum(step_minutes(s, read_meta(notebooks[s.modul])) for s in path.steg if s.modul in notebooks)


def _section_list(sections, names, anchors: dict[str, str] | None = None, notebook: str = "") -> str:
    """The sections as text, or with ``anchors`` as links to their headings (``01_x.ipynb#5.-Reserverad-upphandling``)."""
    items = (find_section(sections, n) for n in names)
    if anchors is None:
        return "; ".join(f"{num} {title}" for num, title in items)
    return "; ".join(f"[{num} {title}]({notebook}#{anchors[num]})" for num, title in items)


_COUNT_WORDS = {1: "en", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio", 10: "tio"}


def path_time(minutes: int) -> str:
    """``cirka 60 min``; a long path also in hours: ``cirka 460 min, ungefär 8 timmar``."""
    if minutes < 120:
        return f"cirka {minutes} min"
    return f"cirka {minutes} min, ungefär {round(minutes / 60)} timmar"


def paths_markdown(course_dir: Path) -> str:
    """The start page's "Välj din väg": for each role the modules and sections in order, time, exercises, take-home."""
    notebooks = module_notebooks(course_dir)
    titles = {m.id: m.titel for m in planned_modules()}
    paths = role_paths()
    count = _COUNT_WORDS.get(len(paths), str(len(paths)))
    lines = ["## Välj din väg", "",
             f"Kursen har en väg för var och en av {count} roller. Välj den som passar dig bäst. Stegen står i den "
             "ordning du läser dem, och tiden är ungefärlig. Länken till ett avsnitt öppnar modulen vid avsnittets "
             "rubrik. Du kan alltid läsa hela kursen i modulernas ordning."]
    for path in paths:
        lines += ["", f"### {path.titel} ({path_time(path_minutes(path, course_dir))})", "", f"*{path.for_vem}*", ""]
        exercises = []
        for i, step in enumerate(path.steg, 1):
            if step.modul not in notebooks:
                lines.append(f"{i}. **{step.modul} {titles.get(step.modul, '')}** – *kommer*")
                continue
            meta = read_meta(notebooks[step.modul])
            link = f"[{step.modul} {meta.titel}]({notebooks[step.modul].name})"
            sections = module_sections(notebooks[step.modul])
            anchors, name = section_anchors(notebooks[step.modul]), notebooks[step.modul].name
            what = (f"avsnitt {_section_list(sections, step.avsnitt, anchors, name)}" if step.avsnitt else "hela modulen")
            if step.ovning:
                what += " och övningen"
                exercises.append(step.modul)
            if step.fokus:
                what += f"; läs särskilt avsnitt {_section_list(sections, step.fokus, anchors, name)}"
            lines.append(f"{i}. {link}: {what} ({_minutes(step_minutes(step, meta))})")
        lines += ["", "**Övningar:** " + (", ".join(f"övning {e}" for e in exercises) if exercises else "inga") + "  ",
                  f"**Du tar med dig:** {path.tar_med_sig}"]
        if path.obs:
            lines += ["", f"> {path.obs}"]
    return "\n".join(lines)


def index_markdown(course_dir: Path) -> str:
    notebooks = module_notebooks(course_dir)
    lines = ["## Kursens moduler", "",
             "| Modul | Tid | Du lär dig att … |", "|---|---|---|"]
    coming = 0
    for m in planned_modules():
        if m.id in notebooks:
            meta = read_meta(notebooks[m.id])
            link = f"[**{m.id} {meta.titel}**]({notebooks[m.id].name})"
            tid = f"{_minutes(meta.tid_lasning_min + meta.tid_ovning_min)} (läsning {meta.tid_lasning_min}, övning {meta.tid_ovning_min})"
            goals = "<br>".join(f"• {g}" for g in meta.larandemal)
            lines.append(f"| {link} | {tid} | {goals} |")
        else:
            coming += 1
            lines.append(f"| **{m.id} {m.titel}** – *kommer* | – | {m.kort} |")
    total = sum(read_meta(p).tid_lasning_min + read_meta(p).tid_ovning_min for p in notebooks.values())
    sentence = f"Alla moduler tar sammanlagt cirka {total} minuter."
    if coming:
        sentence = (f"Modulerna som finns tar sammanlagt cirka {total} minuter. "
                    f"{'Modulen' if coming == 1 else 'Modulerna'} markerade *kommer* är planerade men inte skrivna än.")
    lines += ["", sentence]
    return "\n".join(lines)


def _tagged_cell(nb, tag: str):
    for cell in nb.cells:
        if tag in cell.metadata.get("tags", []):
            return cell
    raise ValueError(f"startsidan saknar en Markdown-cell med taggen '{tag}'")


def _generated(course_dir: Path) -> dict[str, str]:
    return {INDEX_TAG: index_markdown(course_dir), PATHS_TAG: paths_markdown(course_dir)}


def index_is_current(course_dir: Path) -> bool:
    nb = nbformat.read(Path(course_dir) / "index.ipynb", as_version=4)
    return all(_tagged_cell(nb, tag).source == text for tag, text in _generated(course_dir).items())


def sync_index(course_dir: Path) -> bool:
    path = Path(course_dir) / "index.ipynb"
    nb = nbformat.read(path, as_version=4)
    changed = False
    for tag, text in _generated(course_dir).items():
        cell = _tagged_cell(nb, tag)
        if cell.source != text:
            cell.source, changed = text, True
    if changed:
        nbformat.write(nb, path)
    return changed


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
