"""The course's data files: find them, load them with validation, and clean them.

Every file in ``data/`` is described in ``data/datapackage.json`` (a Frictionless data package). The
loader builds a pandera schema from that description, so the descriptor is the single place where a
column's name and type are written. A missing or renamed column, a value of the wrong type, a
missing or corrupt file gives a ``DataError`` whose message is Swedish and names the file and the
problem (in a notebook only the message is shown, no traceback).

    from upphandlingskurs.content.data import load_followup, load_municipalities, clean_followup
    df = load_followup()               # the raw, messy (synthetic) follow-up reports
    ren = clean_followup(df)           # municipality names normalised, dates parsed, duplicates removed

The data directory is found by ``KURS_DATA`` (environment variable), else by walking up from the
current directory (works from course/, solutions/<m>/, exercises/<m>/ and nbgrader's autograded/…),
else next to the installed package (an editable install from the repository).
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine

from upphandlingskurs import format as fmt
from upphandlingskurs.content.datadir import DATA_ENV, DESCRIPTOR, DataError, find_data_dir  # noqa: F401 (re-exported)

MAX_MESSAGES = 6

GR_MUNICIPALITIES = ("Ale", "Alingsås", "Göteborg", "Härryda", "Kungsbacka", "Kungälv", "Lerum", "Lilla Edet",
                     "Mölndal", "Partille", "Stenungsund", "Tjörn", "Öckerö")

_PANDAS_TYPES = {"string": "str", "integer": "Int64", "number": "float64", "date": "datetime64[ns]",
                 "boolean": "boolean"}
_TYPE_WORDS = {"string": "text", "integer": "heltal", "number": "tal", "date": "datum (ÅÅÅÅ-MM-DD)",
               "boolean": "true eller false"}


def read_descriptor(data_dir: str | Path | None = None) -> dict:
    data_dir = Path(data_dir) if data_dir else find_data_dir()
    path = data_dir / DESCRIPTOR
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"Filen {path.name} saknas i {data_dir}.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise DataError(f"Filen {path.name} är skadad och går inte att läsa ({e}).") from None


def resource(name: str, data_dir: str | Path | None = None) -> dict:
    """The descriptor of one resource (file) in the data package."""
    for res in read_descriptor(data_dir).get("resources", []):
        if res.get("name") == name:
            return res
    raise DataError(f"Datapaketet beskriver ingen fil med namnet {name!r}.")


# -- schema from the descriptor ------------------------------------------------------------------
def schema_for(res: dict) -> pa.DataFrameSchema:
    """A pandera schema built from a Frictionless table schema (types, required, unique, minimum, enum, pattern)."""
    columns = {}
    for field in res["schema"]["fields"]:
        c = field.get("constraints", {})
        checks = []
        if "minimum" in c:
            checks.append(pa.Check.ge(c["minimum"]))
        if "maximum" in c:
            checks.append(pa.Check.le(c["maximum"]))
        if "enum" in c:
            checks.append(pa.Check.isin(c["enum"]))
        if "pattern" in c:
            checks.append(pa.Check.str_matches("^(?:" + c["pattern"] + ")$"))
        type_ = field.get("type", "string")
        dtype = pandas_engine.DateTime(to_datetime_kwargs={"format": "%Y-%m-%d"}) if type_ == "date" else _PANDAS_TYPES[type_]
        columns[field["name"]] = pa.Column(dtype, checks=checks,
                                           nullable=not c.get("required", False), unique=c.get("unique", False),
                                           coerce=True)
    return pa.DataFrameSchema(columns, strict=True, ordered=False)


def _row(index) -> str:
    try:
        return f"rad {int(index) + 2}"  # +1 for the header line, +1 because people count from 1
    except (TypeError, ValueError):
        return "en rad"


def _swedish_problems(err: pa.errors.SchemaErrors, res: dict, raw: pd.DataFrame) -> list[str]:
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    cases = err.failure_cases.to_dict("records")
    missing = [c["failure_case"] for c in cases if c["check"] == "column_in_dataframe"]
    extra = [c["failure_case"] for c in cases if c["check"] == "column_in_schema"]
    problems, seen = [], set()
    for col in missing:
        hint = difflib.get_close_matches(col, extra, n=1, cutoff=0.5)
        if hint:
            problems.append(f"Kolumnen \u201d{col}\u201d saknas. Har den bytt namn till \u201d{hint[0]}\u201d?")
            extra.remove(hint[0])
        else:
            problems.append(f"Kolumnen \u201d{col}\u201d saknas.")
    for col in extra:
        problems.append(f"Filen har en kolumn som inte finns i beskrivningen: \u201d{col}\u201d.")
    for case in cases:
        col, check = case["column"], str(case["check"])
        if check in ("column_in_dataframe", "column_in_schema") or col not in fields or (col, check) in seen:
            continue
        if check.startswith("dtype("):
            continue  # reported together with the failed conversion
        seen.add((col, check))
        field = fields[col]
        where, value = _row(case["index"]), case["failure_case"]
        if check.startswith("coerce_dtype"):
            where, value = _first_bad_value(raw[col], field["type"], case)
            problems.append(f"Kolumnen \u201d{col}\u201d ska innehålla {_TYPE_WORDS[field['type']]}, "
                            f"men {where} har \u201d{value}\u201d.")
        elif check == "not_nullable":
            problems.append(f"Kolumnen \u201d{col}\u201d får inte vara tom, men {where} saknar värde.")
        elif check == "field_uniqueness":
            problems.append(f"Kolumnen \u201d{col}\u201d ska ha unika värden, men \u201d{value}\u201d förekommer flera gånger.")
        elif check.startswith(("greater_than_or_equal_to", "less_than_or_equal_to")):
            limit = field["constraints"].get("minimum" if check.startswith("greater") else "maximum")
            word = "minst" if check.startswith("greater") else "högst"
            problems.append(f"Kolumnen \u201d{col}\u201d ska vara {word} {limit}, men {where} har \u201d{value}\u201d.")
        elif check.startswith("isin"):
            allowed = ", ".join(f"\u201d{v}\u201d" for v in field["constraints"]["enum"])
            problems.append(f"Kolumnen \u201d{col}\u201d får bara innehålla {allowed}, men {where} har \u201d{value}\u201d.")
        elif check.startswith("str_matches"):
            problems.append(f"Kolumnen \u201d{col}\u201d har ett värde i fel form på {where}: \u201d{value}\u201d.")
        else:
            problems.append(f"Kolumnen \u201d{col}\u201d klarar inte kontrollen {check} ({where}: \u201d{value}\u201d).")
    return problems


def _first_bad_value(series: pd.Series, type_: str, case: dict) -> tuple[str, object]:
    """Row and value of the first entry that cannot be converted (pandera does not always say which)."""
    if case.get("index") is not None and not pd.isna(case.get("index")):
        return _row(case["index"]), case["failure_case"]
    for idx, value in series.items():
        if pd.isna(value):
            continue
        if type_ in ("integer", "number"):
            number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
            if pd.isna(number) or (type_ == "integer" and float(number) != int(number)):
                return _row(idx), value
        elif type_ == "date" and pd.isna(pd.to_datetime(value, errors="coerce", format="%Y-%m-%d")):
            return _row(idx), value
    return "en rad", case["failure_case"]


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float, descriptor_json: str) -> pd.DataFrame:
    res = json.loads(descriptor_json)
    name = Path(path).name
    try:
        raw = pd.read_csv(path, encoding=res.get("encoding", "utf-8"))
    except FileNotFoundError:
        raise DataError(f"Filen {name} saknas i datamappen {Path(path).parent}.") from None
    except pd.errors.EmptyDataError:
        raise DataError(f"Filen {name} är tom.") from None
    except UnicodeDecodeError:
        raise DataError(f"Filen {name} är skadad eller inte sparad som UTF-8 och går inte att läsa.") from None
    except pd.errors.ParserError as e:
        line = re.search(r"line (\d+)", str(e))
        where = f" på rad {line.group(1)}" if line else ""
        raise DataError(f"Filen {name} är skadad{where}: antalet kolumner stämmer inte. "
                        "Öppna filen och kontrollera kommatecken och citattecken.") from None
    try:
        return schema_for(res).validate(raw, lazy=True)
    except pa.errors.SchemaErrors as err:
        problems = _swedish_problems(err, res, raw) or ["Innehållet stämmer inte med beskrivningen i datapackage.json."]
        more = f"\n(och {len(problems) - MAX_MESSAGES} problem till)" if len(problems) > MAX_MESSAGES else ""
        listing = "\n".join(f"- {p}" for p in problems[:MAX_MESSAGES])
        raise DataError(f"Filen {name} stämmer inte med beskrivningen i {DESCRIPTOR}:\n{listing}{more}") from None


def load(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load and validate one resource of the data package. Returns a fresh copy every time."""
    data_dir = Path(data_dir) if data_dir else find_data_dir()
    res = resource(name, data_dir)
    path = data_dir / res["path"]
    if not path.is_file():
        raise DataError(f"Filen {path.name} saknas i datamappen {data_dir}.")
    df = _load_cached(str(path), path.stat().st_mtime, json.dumps(res, sort_keys=True))
    return df.copy()


def load_municipalities(data_dir=None) -> pd.DataFrame:
    """The 13 GR municipalities with population and the date of the figure (real data)."""
    return load("gr_kommuner", data_dir)


def load_followup(data_dir=None) -> pd.DataFrame:
    """The SYNTHETIC follow-up reports of employment requirements, raw and messy as delivered."""
    return load("uppfoljning_sysselsattningskrav", data_dir)


def load_parameters(data_dir=None) -> pd.DataFrame:
    """Socio-economic figures with source, status and caveat."""
    return load("samhallsekonomiska_parametrar", data_dir)


def parameter(name: str, data_dir=None) -> float:
    table = load_parameters(data_dir).set_index("parameter")
    if name not in table.index:
        raise DataError(f"Parametern {name!r} finns inte i samhallsekonomiska_parametrar.csv.")
    return float(table.loc[name, "varde"])


# -- cleaning helpers taught in module 04 --------------------------------------------------------
def _fold(text: str) -> str:
    """Lower case, no accents, single spaces: 'Göteborgs  Stad ' -> 'goteborgs stad'."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().replace("-", " ").split())


_SUFFIXES = (" kommun", " stad", " municipality")


@lru_cache(maxsize=1)
def _municipality_keys() -> dict[str, str]:
    keys = {}
    for name in GR_MUNICIPALITIES:
        key = _fold(name)
        keys[key] = name
        keys[key + "s"] = name  # genitive before 'kommun'/'stad': Kungälvs kommun, Göteborgs Stad
    return keys


def normalise_municipality(name) -> str | None:
    """The GR municipality a spelling refers to ('GÖTEBORG', 'Göteborgs Stad', 'Molndal' …), or None."""
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return None
    key = _fold(name)
    for suffix in _SUFFIXES:
        if key.endswith(suffix):
            key = key[: -len(suffix)].strip()
    return _municipality_keys().get(key)


_MONTHS = {m: i for i, m in enumerate(["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                       "september", "oktober", "november", "december"], start=1)}
_DATE_PATTERNS = [
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<d>\d{1,2})\s+(?P<mon>[a-zåäö]+)\.?\s+(?P<y>\d{4})$"),
]


def parse_date_text(text) -> pd.Timestamp:
    """A date typed as text in one of the report formats -> Timestamp; NaT when missing or unreadable.

    Accepts 2023-03-01, 2023/03/01, 2023.03.01, 20230301 and 1 mars 2023.
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return pd.NaT
    raw = str(text).strip().casefold()
    for pattern in _DATE_PATTERNS:
        m = pattern.match(raw)
        if not m:
            continue
        parts = m.groupdict()
        month = _MONTHS.get(parts["mon"]) if "mon" in parts else int(parts["m"])
        if month is None:
            return pd.NaT
        try:
            return pd.Timestamp(year=int(parts["y"]), month=month, day=int(parts["d"]))
        except ValueError:
            return pd.NaT
    return pd.NaT


def clean_followup(df: pd.DataFrame) -> pd.DataFrame:
    """The cleaning steps of module 04 in one call: duplicates removed, names normalised, dates parsed."""
    out = df.drop_duplicates().copy()
    out["kommun"] = out["kommun"].map(normalise_municipality)
    out["startdatum"] = pd.to_datetime(out["avtalsstart"].map(parse_date_text))
    return out.reset_index(drop=True)


def describe_resources(data_dir=None) -> str:
    """A Swedish Markdown table of the data files: what they are, real or synthetic, source."""
    lines = ["| Fil | Innehåll | Verklig eller syntetisk | Rader |", "|---|---|---|---|"]
    for res in read_descriptor(data_dir)["resources"]:
        kind = "**syntetisk (påhittad)**" if res.get("synthetic") else "verklig, med källa"
        rows = len(load(res["name"], data_dir))
        lines.append(f"| `{res['path']}` | {res['title']} | {kind} | {fmt.number(rows)} |")
    return "\n".join(lines)
