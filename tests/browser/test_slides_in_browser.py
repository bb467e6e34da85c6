"""The slide decks in Chromium: the HTML version of each deck (built from a temporary copy of the course tagged
by the slide-tagging script) loads offline, is Swedish, shows the key diagrams, and is screenshot into
test-artefacts/bilder/. Reuses the session's browser."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from upphandlingskurs.documents import slides

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
EXPECT = {"01": "Upphandlingens steg", "02": "matchningsansvarig", "03": "Vilken samverkansform",
          "04": "Vad ska vi mäta"}


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    base = tmp_path_factory.mktemp("bilder")
    (base / "course").mkdir()
    for nb in REPO.glob("course/[0-9][0-9]_*.ipynb"):
        shutil.copy2(nb, base / "course" / nb.name)
    slides.tag_course(base / "course")
    slides.build(base / "course", base / "ut")
    return sorted((base / "ut").glob("bilder_modul_*.html"))


def test_decks_render_offline_in_chromium(decks, browser, artefacts):
    modules = sorted(nb.name[:2] for nb in REPO.glob("course/[0-9][0-9]_*.ipynb"))
    assert len(modules) >= 8 and [p.name[-7:-5] for p in decks] == modules   # one deck per module, 00–07 today
    out = artefacts / "bilder"
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 760})
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        for deck in decks:
            page.goto(deck.as_uri())
            assert page.get_attribute("html", "lang") == "sv"
            assert page.locator("section.bild").count() >= 4
            text = page.inner_text("body")
            nn = deck.name[-7:-5]
            page.screenshot(path=str(out / f"{deck.stem}.png"), full_page=False)
            if nn in EXPECT:   # the key diagram's slide, visible and screenshot
                assert EXPECT[nn] in text
                slide = page.locator("section.bild", has_text=EXPECT[nn]).first
                assert slide.is_visible()
                slide.screenshot(path=str(out / f"{deck.stem}_nyckelbild.png"))
        assert all(u.startswith("file:") for u in requests), [u for u in requests if not u.startswith("file:")]
    finally:
        context.close()
