"""Module 04: read a follow-up file (the course's synthetic file or the participant's own CSV/Excel file) and
summarise targets against outcomes, per municipality and per condition variant (villkorsvariant). Pure functions,
no widgets.

    raw = read_table("min_fil.csv")                      # or read_table(bytes, filename="min_fil.xlsx")
    mapping = guess_mapping(raw.columns)                 # {"kommun": "Kommun", "mal": "Krav", ...}
    check_no_personal_data(raw)                          # Swedish InputError for names or personnummer
    std, report = prepare_own_file(raw, mapping)         # cleaned like the course file; report says what was done
    summarise(std, "kommun"); summary_text(std)

The participant's file is never changed: every function returns a new table, and rows that cannot be used are
counted and reported, never dropped in silence.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from upphandlingskurs import format as fmt
from upphandlingskurs.content.reporting_template import ROLE_HEADERS
from upphandlingskurs.parsing import InputError


@dataclass(frozen=True)
class Role:
    key: str
    label: str
    required: bool
    numeric: bool
    guesses: tuple[str, ...]


ROLES: tuple[Role, ...] = (
    Role("kommun", "Kommun", True, False, ("kommun", "kommunnamn", "municipality")),
    Role("variant", "Villkorsvariant (valfri)", False, False,
         ("villkorsvariant", "klausulvariant", "variant", "klausul")),
    Role("mal", "Mål (antal platser i kravet)", True, True,
         ("krav_antal_platser", "mal", "mål", "krav", "mal_antal", "mål (antal)")),
    Role("utfall", "Utfall (antal tillsatta platser)", True, True,
         ("tillsatta_kv4", "utfall", "utfall_antal", "utfall (antal)", "tillsatta")),
)
# The course's supplier reporting template (content.reporting_template) is recognised by its headings.
ROLES = tuple(Role(r.key, r.label, r.required, r.numeric,
                   r.guesses + ((re.sub(r"\s+", " ", ROLE_HEADERS[r.key].strip().lower()),)
                                if r.key in ROLE_HEADERS else ()))
              for r in ROLES)
ROLE_BY_KEY = {r.key: r for r in ROLES}
NO_COLUMN = "(ingen kolumn)"


def _fold(name) -> str:
    return re.sub(r"\s+", " ", str(name).strip().lower())


def read_table(source, filename: str | None = None) -> pd.DataFrame:
    """A CSV (comma or semicolon, decimal point or comma) or Excel file as a table of text and numbers.

    ``source`` is a path or the file's bytes (as from an upload); ``filename`` tells the type when bytes are given.
    """
    name = str(filename or (source if isinstance(source, (str, Path)) else ""))
    suffix = Path(name).suffix.lower()
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.exists():
            raise InputError(f"Filen {path.name} finns inte. Kontrollera namnet och mappen.")
        data = path.read_bytes()
    else:
        data = bytes(source)
    if not data.strip():
        raise InputError(f"Filen {Path(name).name or ''} är tom.".replace("  ", " "))
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            return pd.read_excel(io.BytesIO(data), dtype=object)
        except Exception as err:  # noqa: BLE001 - any unreadable workbook gets the same Swedish message
            raise InputError(f"Excelfilen {Path(name).name} gick inte att läsa ({type(err).__name__}). "
                             "Spara den som .xlsx i Excel och försök igen.") from err
    if suffix not in (".csv", ".txt", ""):
        raise InputError(f"Filen {Path(name).name} är varken CSV eller Excel. Välj en fil som slutar på .csv eller .xlsx.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.splitlines()[0] if text.splitlines() else ""
    sep = ";" if first.count(";") > first.count(",") else ","
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except Exception as err:  # noqa: BLE001
        raise InputError(f"CSV-filen {Path(name).name} gick inte att läsa ({type(err).__name__}).") from err


def guess_mapping(columns) -> dict[str, str]:
    """A first guess of which column plays which role (the participant can change it)."""
    folded = {_fold(c): c for c in columns}
    out = {}
    for role in ROLES:
        for guess in role.guesses:
            if guess in folded and folded[guess] not in out.values():
                out[role.key] = folded[guess]
                break
    return out


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# Words a report uses for "no figure"; they are read as empty cells (and counted), never as zero.
MISSING_WORDS = frozenset({"ej rapporterat", "ej rapporterad", "inte rapporterat", "ej redovisat", "saknas",
                           "uppgift saknas", "ingen uppgift", "uppgift saknas.", "n/a", "okänt", "okänd", "vet ej"})


def _is_missing_word(value) -> bool:
    return isinstance(value, str) and _fold(value) in MISSING_WORDS


def _blank(value) -> bool:
    return _missing(value) or str(value).strip() == ""


# A column whose name is one of these words (or contains one as a word) holds data about a person.
_PERSONAL_WORDS = ("namn", "förnamn", "efternamn", "fornamn", "personnummer", "personnr", "pnr",
                   "samordningsnummer", "deltagare", "person-id", "personid")
_PERSONNUMMER = re.compile(r"(?<![\d-])(?:(?:19|20)\d{2}|\d{2})(\d{2})(\d{2})[-+]?\d{4}(?![\d-])")


def looks_like_personnummer(value) -> bool:
    """True for text like ÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN (also samordningsnummer, day + 60); month and day must be valid."""
    if _blank(value) or isinstance(value, bool):
        return False
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    for m in _PERSONNUMMER.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91):
            return True
    return False


def personal_data_findings(raw: pd.DataFrame) -> list[str]:
    """Swedish descriptions of what in the table looks like personal data (names, personnummer); empty if none.

    A column named like ``namn`` / ``personnummer`` (``kommunnamn`` is fine) or a cell that looks like a
    personnummer (ÅÅMMDD-NNNN or ÅÅÅÅMMDDNNNN) counts.
    """
    found = []
    for col in raw.columns:
        words = re.split(r"[^0-9a-zåäöé\-]+", _fold(col))
        if any(w in _PERSONAL_WORDS for w in words):
            found.append(f"kolumnen ”{col}” ser ut att innehålla namn eller personnummer")
            continue
        for v in raw[col]:
            if looks_like_personnummer(v):
                found.append(f"kolumnen ”{col}” har värden som ser ut som personnummer")
                break
    return found


PERSONAL_DATA_MESSAGE = ("Filen verkar innehålla personuppgifter ({what}). Den har inte bearbetats. Ta bort "
                         "uppgifterna ur filen – den ska bara innehålla sammanställda antal per avtal – och läs in "
                         "filen igen. Ta också bort den uppladdade filen från servern.")


def check_no_personal_data(raw: pd.DataFrame) -> None:
    """Swedish InputError if the table looks like it holds personal data; the file is then not processed."""
    found = personal_data_findings(raw)
    if found:
        raise InputError(PERSONAL_DATA_MESSAGE.format(what="; ".join(found)))


def _to_number(value):
    """A number from a cell; None for an empty cell; ValueError for text."""
    if _missing(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text == "" or text.lower() in ("nan", "na", "-", "–") or _is_missing_word(value):
        return None
    if re.fullmatch(r"-?\d+(,\d+)?", text):
        text = text.replace(",", ".")
    return float(text)


def apply_mapping(raw: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """The participant's table with the standard columns kommun, variant, mal, utfall (a new table).

    Swedish InputError when a required role has no column, a column does not exist, or a number column holds text.
    """
    mapping = {k: v for k, v in mapping.items() if v and v != NO_COLUMN}
    problems = []
    for role in ROLES:
        if role.required and role.key not in mapping:
            problems.append(f"Välj vilken kolumn som är **{role.label}**.")
    for key, col in mapping.items():
        if key not in ROLE_BY_KEY:
            problems.append(f"Okänd roll {key!r}.")
        elif col not in raw.columns:
            problems.append(f"Kolumnen {col!r} finns inte i filen. Filen har: {', '.join(map(str, raw.columns))}.")
    used = [c for c in mapping.values()]
    if len(set(used)) < len(used):
        problems.append("Samma kolumn är vald för två roller. Välj en kolumn per roll.")
    if problems:
        raise InputError(" ".join(problems))
    out = pd.DataFrame(index=raw.index)
    for key, col in mapping.items():
        role = ROLE_BY_KEY[key]
        if role.numeric:
            values, bad = [], []
            for i, v in raw[col].items():
                try:
                    values.append(_to_number(v))
                except ValueError:
                    bad.append((i, v))
            if bad:
                shown = ", ".join(f"rad {int(i) + 2}: ”{v}”" for i, v in bad[:3])
                more = f" och {len(bad) - 3} till" if len(bad) > 3 else ""
                raise InputError(f"Kolumnen {col!r} ({role.label}) ska bara innehålla tal, men har text: "
                                 f"{shown}{more}. Rätta cellerna i filen (eller lämna dem tomma) och läs in den igen.")
            out[key] = pd.array(values, dtype="Float64")
        else:
            out[key] = raw[col].map(lambda v: None if _missing(v) or str(v).strip() == "" else str(v).strip())
    if "variant" not in out:
        out["variant"] = "(ingen variant angiven)"
    return out


def prepare_own_file(raw: pd.DataFrame, mapping: dict[str, str]) -> tuple[pd.DataFrame, dict]:
    """Clean a follow-up table the same way as the course file and put it in the standard columns.

    Steps: empty rows (as Excel writes ``;;;;``) dropped, exact duplicate rows dropped, municipality names
    normalised ('Göteborgs Stad', 'GÖTEBORG' -> 'Göteborg'; names outside GR are kept as written), words such as
    'ej rapporterat' or 'saknas' in number columns read as missing. Returns the standard table and a report
    (counts of each step). Raises the Swedish InputError of :func:`apply_mapping`.
    """
    from upphandlingskurs.content.data import normalise_municipality

    empty = raw.apply(lambda row: all(_blank(v) for v in row), axis=1) if len(raw.columns) else pd.Series(dtype=bool)
    kept = raw[~empty]
    dup = kept.duplicated()
    kept = kept[~dup]
    used = {k: v for k, v in mapping.items() if v and v != NO_COLUMN}
    words = sum(int(kept[col].map(_is_missing_word).sum()) for key, col in used.items()
                if key in ROLE_BY_KEY and ROLE_BY_KEY[key].numeric and col in kept.columns)
    std = apply_mapping(kept, mapping).reset_index(drop=True)
    original = std["kommun"]
    normalised = original.map(normalise_municipality)
    renamed = int((normalised.notna() & (normalised != original)).sum())
    std["kommun"] = normalised.where(normalised.notna(), original)
    report = {"rader": len(raw), "tomma_rader": int(empty.sum()), "dubbletter": int(dup.sum()),
              "rattade_namn": renamed, "saknas_ord": words, "rader_kvar": len(std),
              "okanda_kommuner": sorted({str(v) for v in std.loc[normalised.isna() & original.notna(), "kommun"]})}
    return std, report


def cleaning_text(report: dict) -> str:
    """The Swedish list of what :func:`prepare_own_file` did with the file."""
    lines = [f"- Filen hade {fmt.number(report['rader'])} rader.",
             f"- {fmt.number(report['tomma_rader'])} tomma rader togs bort.",
             f"- {fmt.number(report['dubbletter'])} rader var exakta dubbletter av en tidigare rad och togs bort.",
             f"- {fmt.number(report['rattade_namn'])} kommunnamn rättades (till exempel *Göteborgs Stad* till *Göteborg*).",
             f"- {fmt.number(report['saknas_ord'])} celler med ord som *ej rapporterat* eller *saknas* räknas som "
             "saknade uppgifter, inte som noll.",
             f"- {fmt.number(report['rader_kvar'])} rader (avtal) räknas nedan."]
    if report["okanda_kommuner"]:
        lines.append("- Namn som inte är en av GR:s 13 kommuner står kvar som de skrevs: "
                     + ", ".join(report["okanda_kommuner"]) + ".")
    return "\n".join(lines)


def course_file() -> pd.DataFrame:
    """The course's SYNTHETIC follow-up file, cleaned (duplicates removed, names normalised), in standard columns.

    Uses :func:`prepare_own_file`, the same cleaning the participant's own file gets.
    """
    from upphandlingskurs.content.data import load_followup

    raw = load_followup()
    return prepare_own_file(raw, guess_mapping(raw.columns))[0]


def file_overview(raw: pd.DataFrame) -> dict:
    """Facts about the file as delivered: rows, exact duplicates, empty cells per column."""
    def empty(col):
        return int(col.map(lambda v: _missing(v) or str(v).strip() == "").sum())
    return {"rader": len(raw), "dubbletter": int(raw.duplicated().sum()), "kolumner": len(raw.columns),
            "tomma": {c: empty(raw[c]) for c in raw.columns}}


def summarise(std: pd.DataFrame, by: str | None = "kommun") -> pd.DataFrame:
    """Targets against outcomes per group (``by`` = "kommun" or "variant"; None for the whole file).

    Columns: avtal, mal (sum of targets), mal_med_utfall (sum of targets of the contracts WITH an outcome, the
    figure to compare the outcome with), utfall (sum of reported outcomes), saknar_utfall (contracts without an
    outcome), nadde_malet (contracts with outcome ≥ target), andel_nadde_malet (% of contracts WITH an outcome).
    Missing outcomes are never counted as zero.
    """
    if by is not None and by not in std.columns:
        raise InputError(f"Det går inte att dela upp efter {by!r}.")
    df = std.copy()
    df["_har"] = df["utfall"].notna()
    df["_nadde"] = df["_har"] & (df["utfall"].fillna(0) >= df["mal"].fillna(float("inf")))
    df["_mal_har"] = df["mal"].where(df["_har"])
    key = df[by].fillna("(saknas)") if by else pd.Series("Alla avtal", index=df.index)
    g = df.groupby(key, sort=True)
    out = pd.DataFrame({
        "avtal": g.size(),
        "mal": g["mal"].sum(min_count=0).astype(float),
        "mal_med_utfall": g["_mal_har"].sum(min_count=0).astype(float),
        "utfall": g["utfall"].sum(min_count=0).astype(float),
        "saknar_utfall": g["_har"].apply(lambda s: int((~s).sum())),
        "nadde_malet": g["_nadde"].sum().astype(int),
    })
    har = out["avtal"] - out["saknar_utfall"]
    out["andel_nadde_malet"] = (100 * out["nadde_malet"] / har.where(har > 0)).round(1)
    out.index.name = {"kommun": "Kommun", "variant": "Villkorsvariant", None: ""}.get(by, by)
    return out


def swedish_table(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary with Swedish column names, for display; counts shown as whole numbers when they are whole."""
    shown = summary.copy()
    for col in ("mal", "mal_med_utfall", "utfall"):
        if col in shown and shown[col].dropna().map(lambda v: float(v).is_integer()).all():
            shown[col] = shown[col].round().astype("Int64")
    return shown.rename(columns={
        "avtal": "Avtal", "mal": "Mål (platser)", "mal_med_utfall": "Mål i avtal med utfall (platser)",
        "utfall": "Utfall (tillsatta, rapporterade)",
        "saknar_utfall": "Avtal utan utfall", "nadde_malet": "Avtal som nådde målet",
        "andel_nadde_malet": "Andel som nådde målet (%) av avtal med utfall"})


def summary_text(std: pd.DataFrame, *, synthetic: bool = False) -> str:
    """A short Swedish summary in Markdown of what the figures show and do not show."""
    tot = summarise(std, None).iloc[0]
    with_outcome = int(tot["avtal"] - tot["saknar_utfall"])
    lines = []
    if synthetic:
        lines.append("*Uppgifterna är syntetiska (påhittade) och gäller ingen verklig kommun.*")
    lines += [
        f"- **{fmt.number(tot['avtal'])} avtal** med sammanlagt **{fmt.number(tot['mal'])} platser** i kraven.",
        f"- **{fmt.number(with_outcome)} avtal** har ett rapporterat utfall; **{fmt.number(tot['saknar_utfall'])} saknar** "
        "uppgift. De saknade räknas inte som noll – vi vet inte hur det gick där.",
        f"- Av avtalen med utfall nådde **{fmt.number(tot['nadde_malet'])}** målet "
        f"(**{fmt.number(tot['andel_nadde_malet'], 1) if with_outcome else '–'} %**).",
        "- Siffrorna visar om kravet **uppfylldes**, inte om det **skapade** jobb: några hade kanske fått arbete ändå "
        "(dödvikt), några jobb kan ha tagits från andra arbetssökande (undanträngning), och det säger inget om hur "
        "det går efter platsen.",
    ]
    return "\n".join(lines)


def chart_alt_text(summary: pd.DataFrame, *, what: str = "kommun") -> str:
    """The alternative text for the bar chart of targets and outcomes: what it shows, with the figures.

    The targets are those of the contracts with a reported outcome (``mal_med_utfall``), as in the chart.
    """
    col = "mal_med_utfall" if "mal_med_utfall" in summary else "mal"
    parts = [f"{name}: mål {fmt.number(r[col])}, utfall {fmt.number(r['utfall'])}"
             for name, r in summary.iterrows()]
    return (f"Stapeldiagram: mål och rapporterat utfall (antal platser) per {what}, bara för avtal som har "
            "rapporterat utfall. " + "; ".join(parts) + ".")


MISSING_LABELS = {"tillsatta_kv4": "Tillsatta platser efter ett år (kvartal 4)",
                  "i_arbete_6_man": "I arbete 6 månader efter platsen",
                  "i_arbete_12_man": "I arbete 12 månader efter platsen"}


def missing_table(df: pd.DataFrame, columns=("tillsatta_kv4", "i_arbete_6_man", "i_arbete_12_man")) -> pd.DataFrame:
    """How many contracts lack each figure (count and per cent), for the columns that exist in ``df``.

    Rows are labelled in Swedish (``MISSING_LABELS``).
    """
    cols = [c for c in columns if c in df.columns]
    if not cols:
        raise InputError("Ingen av kolumnerna " + ", ".join(columns) + " finns i filen.")
    n = len(df)
    labels = [MISSING_LABELS.get(c, c) for c in cols]
    out = pd.DataFrame({"Avtal utan uppgift": [int(df[c].isna().sum()) for c in cols]}, index=labels)
    out["Andel utan uppgift (%)"] = (100 * out["Avtal utan uppgift"] / n).round(1) if n else float("nan")
    out.index.name = "Uppgift"
    return out


def retention(df: pd.DataFrame) -> dict:
    """Contracts with BOTH the 6- and the 12-month figure: their sums and the share still in work after 12 months."""
    both = df.dropna(subset=["i_arbete_6_man", "i_arbete_12_man"])
    six, twelve = float(both["i_arbete_6_man"].sum()), float(both["i_arbete_12_man"].sum())
    return {"avtal": len(both), "i_arbete_6_man": six, "i_arbete_12_man": twelve,
            "andel_kvar_procent": round(100 * twelve / six, 1) if six else None}


def per_inhabitant(std: pd.DataFrame, population: pd.Series, per: int = 10_000) -> pd.DataFrame:
    """Reported outcome per ``per`` inhabitants per municipality (population indexed by municipality)."""
    outcome = std.groupby("kommun")["utfall"].sum(min_count=0).astype(float)
    unknown = sorted(set(outcome.index) - set(population.index))
    if unknown:
        raise InputError("Folkmängd saknas för: " + ", ".join(map(str, unknown)) + ".")
    out = pd.DataFrame({"Utfall (tillsatta)": outcome, "Folkmängd": population.reindex(outcome.index)})
    out[f"Tillsatta per {fmt.number(per)} invånare"] = (per * out["Utfall (tillsatta)"] / out["Folkmängd"]).round(1)
    out.index.name = "Kommun"
    return out.sort_values(f"Tillsatta per {fmt.number(per)} invånare", ascending=False)


def parameters_table(params: pd.DataFrame | None = None) -> str:
    """The socio-economic parameters as a Swedish Markdown table: full description, value, unit, status, caveat."""
    if params is None:
        from upphandlingskurs.content.data import load_parameters
        params = load_parameters()
    status = {"verifierad": "verifierad", "verifierad_sekundar": "verifierad, sekundär källa"}

    def cell(v) -> str:
        return "" if _blank(v) else str(v).replace("|", "\\|").replace("\n", " ")
    lines = ["| Beskrivning | Värde | Enhet | Status | Förbehåll |", "|---|---:|---|---|---|"]
    for _, r in params.iterrows():
        value = fmt.number(float(r["varde"])) if not _blank(r["varde"]) else ""
        lines.append(f"| {cell(r['beskrivning'])} | {value} | {cell(r['enhet'])} | "
                     f"{status.get(str(r['status']), cell(r['status']))} | {cell(r.get('forbehall'))} |")
    return "\n".join(lines)
