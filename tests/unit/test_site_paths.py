"""Paths by role ("Välj din väg"): data in kursplan.yaml, resolved against the notebooks' headings."""
import nbformat
import pytest

from conftest import REPO
from upphandlingskurs.content import curriculum
from upphandlingskurs.content.curriculum import (Hub, find_section, module_sections, path_minutes, path_problems,
                                                 paths_markdown, role_paths)

COURSE = REPO / "course"
ROLES = {"beslutsfattare", "upphandlare", "matchning", "leverantor", "ideburen", "socialtjanst"}


def test_every_role_has_a_path_with_a_take_home():
    paths = role_paths()
    assert {p.id for p in paths} == ROLES
    assert all(p.tar_med_sig.strip() and p.steg for p in paths)


def test_every_section_a_path_names_exists():
    assert path_problems(COURSE) == []


def test_a_path_naming_a_missing_section_fails(monkeypatch):
    broken = [p.model_copy(deep=True) for p in role_paths()]
    broken[0].steg[0].avsnitt.append("Ett avsnitt som inte finns")
    monkeypatch.setattr(curriculum, "role_paths", lambda: broken)
    problems = path_problems(COURSE)
    assert len(problems) == 1 and "Ett avsnitt som inte finns" in problems[0] and "inget" in problems[0]


def test_a_path_to_an_unwritten_module_is_reported(monkeypatch):
    """A module in the course plan without a notebook is "not written yet"; one outside the plan is unknown."""
    written = set(curriculum.module_notebooks(COURSE))
    unwritten = next(f"{n:02d}" for n in range(100) if f"{n:02d}" not in written)
    planned = curriculum.planned_modules() + [curriculum.PlannedModule(id=unwritten, titel="Planerad", kort="x")]
    monkeypatch.setattr(curriculum, "planned_modules", lambda: planned)
    broken = [p.model_copy(deep=True) for p in role_paths()]
    broken[0].steg.append(curriculum.PathStep(modul=unwritten, avsnitt=["x"], tid_min=5))
    monkeypatch.setattr(curriculum, "role_paths", lambda: broken)
    problems = path_problems(COURSE)
    assert problems == [f"vägen '{broken[0].id}', modul {unwritten}: modulen är inte skriven än"]
    assert f"{unwritten} Planerad** – *kommer*" in paths_markdown(COURSE)
    broken[0].steg[-1] = curriculum.PathStep(modul="99" if unwritten != "99" else "98", avsnitt=["x"], tid_min=5)
    assert any("finns inte i kursplanen" in p for p in path_problems(COURSE))


def test_sections_are_numbered_headings(tmp_path):
    from upphandlingskurs.content.authoring import md, notebook, write
    path = write(notebook([md("# Modul 99\n\n## Frågor\n\n## 1. Lagen\n\n### 1.2 Mer om lagen\n\n## 2. Lagens steg")]),
                 tmp_path / "99_x.ipynb")
    sections = module_sections(path)
    assert sections == [("1", "Lagen"), ("1.2", "Mer om lagen"), ("2", "Lagens steg")]
    assert find_section(sections, "steg") == ("2", "Lagens steg")
    with pytest.raises(ValueError, match="3 avsnitt"):
        find_section(sections, "lagen")


def test_start_page_shows_every_path_with_time_exercises_and_take_home():
    text = paths_markdown(COURSE)
    assert text.startswith("## Välj din väg")
    for path in role_paths():
        assert f"### {path.titel} (cirka {path_minutes(path, COURSE)} min" in text
        assert path.tar_med_sig in text
    assert text.count("**Du tar med dig:**") == len(ROLES)
    # modules 06 and 07 are written for these roles: the paths take them, and no note calls them planned
    whole = {(p.id, s.modul) for p in role_paths() for s in p.steg if not s.avsnitt and s.ovning}
    assert {("matchning", "06"), ("leverantor", "07"), ("ideburen", "07")} <= whole
    assert all("planerad" not in p.obs and "inte skriven" not in p.obs for p in role_paths())
    assert "kommer*" not in text
    nb = nbformat.read(COURSE / "index.ipynb", as_version=4)
    assert any("vagar" in c.metadata.get("tags", []) for c in nb.cells)


def test_the_stale_sentence_about_coming_modules_only_when_one_is_coming(tmp_path):
    text = curriculum.index_markdown(COURSE)
    written = {p.name[:2] for p in COURSE.glob("[0-9][0-9]_*.ipynb")}
    coming = [m for m in curriculum.planned_modules() if m.id not in written]
    assert ("*kommer*" in text.splitlines()[-1]) == bool(coming)
    assert ("Alla moduler tar" in text) == (not coming)


def test_the_hub_link_is_built_from_one_setting(monkeypatch):
    hub = Hub(adress="https://hub.example.se/")
    monkeypatch.delenv(curriculum.HUB_ENV, raising=False)
    assert hub.url_for("course/01_x.ipynb") == "https://hub.example.se/hub/user-redirect/lab/tree/kurs/course/01_x.ipynb"
    monkeypatch.setenv(curriculum.HUB_ENV, "https://annan.example.se")
    assert hub.url_for("course/index.ipynb").startswith("https://annan.example.se/hub/user-redirect/")
    puller = Hub(adress="https://hub.example.se", repo="https://github.com/gr/kurs.git")
    url = puller.url_for("course/03_iop.ipynb")
    assert "/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fgr%2Fkurs.git" in url
    assert "urlpath=lab%2Ftree%2Fkurs%2Fcourse%2F03_iop.ipynb" in url and "branch=main" in url
    with pytest.raises(ValueError):
        Hub(adress="hub.example.se")


def test_every_path_starts_with_module_00():
    """Nobody is sent into a notebook or an exercise without the introduction (sections 1-3, or the whole module)."""
    for path in role_paths():
        first = path.steg[0]
        assert first.modul == "00", path.id
        has_exercise = any(s.ovning for s in path.steg)
        assert (not first.avsnitt) if has_exercise else len(first.avsnitt) == 3, path.id


def test_section_steps_link_to_the_heading_itself():
    import re
    from upphandlingskurs.content.curriculum import heading_anchor, module_notebooks, section_anchors
    assert heading_anchor("5. Reserverad upphandling") == "5.-Reserverad-upphandling"
    assert heading_anchor("2. Lagen och `LOU` (**4 kap.**)") == "2.-Lagen-och-LOU-(4-kap.)"
    text = paths_markdown(COURSE)
    notebooks = {p.name: p for p in module_notebooks(COURSE).values()}
    links = []
    for m in re.finditer(r"\]\(([0-9]{2}_[a-z_]+\.ipynb)#", text):  # link destinations may hold balanced ( )
        depth, i = 0, m.end()
        while depth or text[i] != ")":
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        links.append((m.group(1), text[m.end():i]))
    assert links, "the paths link to no section"
    for name, anchor in links:
        assert anchor in section_anchors(notebooks[name]).values(), f"{name}#{anchor}"
    # every named section is a link, none only as text
    assert not re.search(r"avsnitt \d", text)


def test_long_paths_also_in_hours():
    from upphandlingskurs.content.curriculum import path_time
    assert path_time(60) == "cirka 60 min"
    assert path_time(465) == "cirka 465 min, ungefär 8 timmar"
