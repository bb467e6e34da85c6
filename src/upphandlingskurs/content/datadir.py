"""Where the course's data files are – without importing pandas or pandera.

``upphandlingskurs.content.data`` (which validates the files with pandera) re-exports everything here. A notebook that
only needs to read one small table can use this module and stay fast.
"""
from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "KURS_DATA"
DESCRIPTOR = "datapackage.json"


class DataError(ValueError):
    """A data file cannot be used. ``str(err)`` is a Swedish message naming the file and the problem."""

    def _render_traceback_(self):  # IPython hook: show only the message
        return [f"\u274c {self.args[0]}"]


# -- finding the files ---------------------------------------------------------------------------
def find_data_dir(start: str | Path | None = None) -> Path:
    """The directory that holds ``datapackage.json``."""
    env = os.environ.get(DATA_ENV)
    if env:
        path = Path(env).expanduser()
        if not (path / DESCRIPTOR).is_file():
            raise DataError(f"Miljövariabeln {DATA_ENV} pekar på {path}, men där finns ingen {DESCRIPTOR}.")
        return path
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "data"
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    packaged = Path(__file__).resolve().parents[3] / "data"   # <repo>/src/upphandlingskurs/content/ → <repo>/data
    if (packaged / DESCRIPTOR).is_file():
        return packaged
    raise DataError(f"Hittar inte kursens datamapp (data/{DESCRIPTOR}). Öppna notebooken inifrån kursens mapp, "
                    f"eller ange mappen med miljövariabeln {DATA_ENV}.")
