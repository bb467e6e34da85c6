"""Visible self-checks that do not reveal the answer, and the hidden tests' comparison (KURSDESIGN §5).

A test cell in an exercise runs the visible check and, below it, the hidden test; both use the same
normalisation, so a self-check never passes what the grading fails, nor the other way round::

    check_answer("03-4", svar_4, "<digest>", kind="bokstäver", name="svar_4")   # visible
    assert is_correct(svar_4, "ACD", kind="bokstäver"), "Fråga 4: ..."          # hidden

``kind`` is one of

    "bokstav"    one letter A–F; case and spaces do not matter ("b", " B ")
    "bokstäver"  several letters; order, commas, spaces, "och" and case do not matter ("A, C och D" = "DCA")
    "tal"        a number; int and float alike (3 = 3.0); with ``decimals=N`` both sides are rounded to N
                 decimals (half up), so 58.3333 passes for 58.33 when the question asks for two decimals
    "text"       a word or a name; case and spacing do not matter
    "ja_nej"     True or False (the strings "ja"/"nej" count too)

The digest is a salted SHA-256 of the canonical form of the correct answer, so the participant learns whether
the answer passes without being able to read it. Authors create one with
``python -m upphandlingskurs.content.selfcheck --kind bokstäver 03-4 ACD``.

When the digest does not match, the check tries the usual slips of form (a decimal comma, which Python reads
as two numbers; a number in quotes; per cent for a share; one digit off in the last rounded decimal) and, when
only the form is wrong, says so instead of "read the section again".

When a visible check fails while grading runs the cell, the hidden tests below it never run; the check then
prints the hidden block's ``print("Förklaring: …")`` line itself, so the participant's feedback explains the
right answer whether or not they gave it (:func:`hidden_explanations`).

Calls from before ``kind`` existed (``options=...``, ``number=True`` or neither) still work with the digests
they carry: the canonical form of each kind is the old normalisation of the canonical value.
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import linecache
import math
import re
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from numbers import Integral, Number

SALT = "gr-socialt-ansvarsfull-upphandling"
NOT_ANSWERED = (None, Ellipsis)
KINDS = ("bokstav", "bokstäver", "tal", "text", "ja_nej")
LETTERS = "ABCDEF"
_YES = {"ja", "true", "sant", "j", "yes"}
_NO = {"nej", "false", "falskt", "n", "no"}
_LETTER_SEPARATORS = re.compile(r"(?:\s+|,|;|/|&|\+|\boch\b|\band\b)+", re.IGNORECASE)


class SelfCheckFailed(AssertionError):
    """A visible self-check did not pass. IPython shows only the Swedish message, no traceback."""

    def _render_traceback_(self):  # IPython hook: replaces the traceback with our message
        return [f"\u274c {self.args[0]}"]


class NotCanonical(ValueError):
    """The answer cannot be read as the kind asked for; ``args[0]`` is a Swedish explanation."""


# --- normalisation --------------------------------------------------------------------------------------------

def normalise(value) -> str:
    """Canonical text for an answer of no stated kind: case, spacing and 3 vs 3.0 do not matter."""
    if isinstance(value, bool):
        return "bool:" + str(value).lower()
    if isinstance(value, str):
        text = " ".join(unicodedata.normalize("NFC", value).split()).casefold()
        return "str:" + text
    if isinstance(value, Number) or hasattr(value, "__float__") and not isinstance(value, (list, tuple, set)):
        try:
            f = float(value)
        except (TypeError, ValueError):
            return "obj:" + repr(value)
        if math.isnan(f):
            return "num:nan"
        d = Decimal(str(round(f, 6))).normalize()
        return "num:" + format(d, "f")
    if isinstance(value, (set, frozenset)):
        return "set:[" + ",".join(sorted(normalise(v) for v in value)) + "]"
    if isinstance(value, (list, tuple)):
        return "list:[" + ",".join(normalise(v) for v in value) + "]"
    if isinstance(value, dict):
        return "dict:{" + ",".join(f"{normalise(k)}={normalise(v)}" for k, v in sorted(value.items(), key=lambda kv: normalise(kv[0]))) + "}"
    return "obj:" + repr(value)


def _is_number(value) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool) and not isinstance(value, complex)


def round_half_up(value, decimals: int) -> Decimal:
    """``value`` rounded to ``decimals`` decimals, 5 rounded up (as taught in school, not banker's rounding)."""
    d = Decimal(int(value)) if isinstance(value, Integral) else Decimal(repr(float(value)))
    return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def canonical(value, kind: str, decimals: int | None = None):
    """The value in the canonical form of ``kind``; raises NotCanonical (Swedish message) when it cannot be one.

    The visible check and the hidden test both compare canonical forms, so they always agree.
    """
    if kind not in KINDS:
        raise ValueError(f"Okänd sorts svar {kind!r}; välj en av {', '.join(KINDS)}.")
    if kind == "bokstav":
        if not isinstance(value, str):
            raise NotCanonical("svaret ska vara en bokstav inom raka citattecken, t.ex. \"B\".")
        text = value.strip().strip(".)(").strip().upper()
        if len(text) != 1 or not text.isalpha():
            if len(_letters(value) or "") > 1:
                raise NotCanonical("svara med en enda bokstav, t.ex. \"B\".")
            raise NotCanonical("svaret ska vara en bokstav inom raka citattecken, t.ex. \"B\".")
        return text
    if kind == "bokstäver":
        if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not isinstance(value, str):
            raise NotCanonical("svaret ska vara bokstäver inom raka citattecken, t.ex. \"ACD\".")
        letters = _letters(value)
        if not letters:
            raise NotCanonical("svaret ska vara bokstäver inom raka citattecken, t.ex. \"ACD\" eller \"A, C, D\".")
        return letters
    if kind == "tal":
        if not _is_number(value):
            raise NotCanonical("svaret ska vara ett tal, t.ex. 12 eller 12.5.")
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            raise NotCanonical("svaret ska vara ett vanligt tal.")
        if decimals is not None:
            return round_half_up(value, decimals)
        return Decimal(str(round(f, 6))).normalize()
    if kind == "text":
        if not isinstance(value, str):
            raise NotCanonical("svaret ska vara text inom raka citattecken, t.ex. \"Mölndal\".")
        text = " ".join(unicodedata.normalize("NFC", value).split()).strip(" .").casefold()
        if not text:
            raise NotCanonical("svaret är tomt.")
        return text
    # ja_nej
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().casefold() in _YES | _NO:
        return value.strip().casefold() in _YES
    raise NotCanonical("svaret ska vara True (ja) eller False (nej), utan citattecken.")


def _letters(text: str) -> str | None:
    """'A, C och d' -> 'ACD' (sorted, each once); None when anything but letters and separators is left."""
    parts = [p for p in _LETTER_SEPARATORS.split(text.strip()) if p]
    joined = "".join(parts).upper()
    if not joined or not joined.isalpha() or not joined.isascii():
        return None
    return "".join(sorted(set(joined)))


def _canonical_text(value, kind: str | None, decimals: int | None) -> str:
    if kind is None:
        return normalise(value)
    c = canonical(value, kind, decimals)
    if kind == "tal":
        return "num:" + format(c.normalize(), "f") if c != 0 else "num:0"
    if kind == "ja_nej":
        return normalise(bool(c))
    return normalise(c)


def digest(question: str, value, kind: str | None = None, decimals: int | None = None) -> str:
    """The salted digest of ``value`` for ``question``. Without ``kind``: the normalisation of before ``kind``."""
    return hashlib.sha256(f"{SALT}|{question}|{_canonical_text(value, kind, decimals)}".encode()).hexdigest()[:20]


def infer_kind(expected) -> str:
    """The kind an expected answer implies when none is stated."""
    if isinstance(expected, bool):
        return "ja_nej"
    if _is_number(expected):
        return "tal"
    if isinstance(expected, str) and len(expected.strip()) == 1 and expected.strip().upper() in LETTERS:
        return "bokstav"
    if (isinstance(expected, str) and 2 <= len(expected) <= len(LETTERS) and set(expected) <= set(LETTERS)
            and len(set(expected)) == len(expected)):
        return "bokstäver"  # "ACD": several letters (capitals A–F, each once)
    return "text"


def is_correct(value, expected, *, kind: str | None = None, decimals: int | None = None) -> bool:
    """True when ``value`` is the ``expected`` answer under the normalisation of ``kind`` (the hidden test)."""
    kind = kind or infer_kind(expected)
    try:
        return canonical(value, kind, decimals) == canonical(expected, kind, decimals)
    except NotCanonical:
        return False


# --- the visible check ----------------------------------------------------------------------------------------

def _describe_kind(options) -> str:
    opts = list(options)
    if all(isinstance(o, str) for o in opts):
        return "ett av alternativen " + ", ".join(f'"{o}"' for o in opts)
    return "ett av alternativen " + ", ".join(str(o) for o in opts)


def _matches(question, value, expected_digest, kind, decimals) -> bool:
    try:
        return digest(question, value, kind, decimals) == expected_digest
    except NotCanonical:
        return False


def _number_from_text(text: str):
    """'12,5' -> 12.5, '12 500' -> 12500, '58 %' -> 58; None when it is not a number."""
    t = text.strip().replace("\u00a0", " ").rstrip("%").strip()
    if t.count(",") == 1 and "." not in t and not re.search(r",\d{3}$", t):
        t = t.replace(",", ".")
    t = t.replace(" ", "").replace(",", "")
    try:
        d = Decimal(t)
    except InvalidOperation:
        return None
    return int(d) if d == d.to_integral_value() and "." not in t else float(d)


def _form_hint(question, value, expected_digest, kind, decimals) -> str | None:
    """A Swedish hint when ``value`` is wrong only in its form; None when it is wrong in substance."""
    ok = lambda v: _matches(question, v, expected_digest, kind, decimals)  # noqa: E731
    if kind == "tal":
        if isinstance(value, tuple) and len(value) >= 2 and all(_is_number(v) and not isinstance(v, bool) for v in value):
            written = ",".join(str(v) for v in value)
            decimal_comma = _number_from_text(f"{value[0]}.{''.join(str(v) for v in value[1:])}") if len(value) == 2 else None
            thousands = (_number_from_text(str(value[0]) + "".join(f"{v:03d}" for v in value[1:]))
                         if all(isinstance(v, int) and 0 <= v < 1000 for v in value[1:]) else None)
            if decimal_comma is not None and ok(decimal_comma):
                return (f"Python läser {written} som {len(value)} tal, eftersom kommatecken skiljer tal åt. "
                        f"Skriv decimaltecknet som punkt: {decimal_comma}. Talet är då godkänt.")
            if thousands is not None and ok(thousands):
                return (f"Python läser {written} som {len(value)} tal. Skriv talet utan kommatecken eller mellanslag "
                        f"mellan tusentalen: {thousands}. Talet är då godkänt.")
            return (f"Python läser {written} som {len(value)} tal, eftersom kommatecken skiljer tal åt. "
                    "Skriv ett enda tal med punkt som decimaltecken (12.5) och utan mellanrum mellan tusentalen (12500).")
        if isinstance(value, str):
            number = _number_from_text(value)
            if number is not None and ok(number):
                return (f"du har skrivit talet som text, inom citattecken. Ta bort citattecknen och skriv {number}. "
                        "Talet är då godkänt.")
            if number is not None:
                return ("svaret ska vara ett tal, inte text. Ta bort citattecknen och skriv talet med punkt som "
                        "decimaltecken, t.ex. 12.5.")
            return None
        if _is_number(value):
            for factor, text in ((100, "procent"), (0.01, "andel")):
                if ok(value * factor):
                    if text == "procent":
                        return ("kontrollera enheten: frågan vill ha svaret i procent (t.ex. 58.3), "
                                "inte som andel (0.583).")
                    return ("kontrollera enheten: frågan vill ha svaret som andel (t.ex. 0.583), "
                            "inte i procent (58.3).")
            if decimals is not None:
                step = Decimal(1).scaleb(-decimals)
                rounded = round_half_up(value, decimals)
                if ok(float(rounded + step)) or ok(float(rounded - step)):
                    return (f"kontrollera avrundningen: avrunda till {decimals} decimal{'er' if decimals != 1 else ''}, "
                            "och avrunda 5 uppåt (0.125 blir 0.13). Räkna med alla decimaler och avrunda först på slutet.")
        return None
    if kind in ("bokstav", "bokstäver", "text") and isinstance(value, str):
        stripped = value.strip().strip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb").strip()
        if stripped != value.strip() and ok(stripped):
            return "ta bort de extra citattecknen inuti svaret, t.ex. \"B\" i stället för \"'B'\". Svaret är då godkänt."
    return None


HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
EXPLANATION = "Förklaring:"


def hidden_explanations(source: str) -> list[str]:
    """The ``print("Förklaring: …")`` texts in the hidden tests of a test cell's source (literal strings only)."""
    if HIDDEN_BEGIN not in source:
        return []
    hidden = source.split(HIDDEN_BEGIN, 1)[1].split(HIDDEN_END, 1)[0]
    texts = []
    for line in hidden.splitlines():
        if not line.strip().startswith("print("):
            continue
        try:
            call = ast.parse(line.strip()).body[0].value
        except (SyntaxError, IndexError, AttributeError):
            continue
        if (isinstance(call, ast.Call) and len(call.args) == 1 and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str) and call.args[0].value.startswith(EXPLANATION)):
            texts.append(call.args[0].value)
    return texts


def _explain_from_calling_cell() -> None:
    """When grading runs a test cell whose visible check fails, print the hidden tests' explanation first.

    The hidden block (with its ``print("Förklaring: …")``) comes after the visible check in the cell, so it
    never runs when the check fails; the participant's feedback would then lack the explanation exactly where
    it is needed. The cell's source is in ``linecache`` (IPython puts every cell there). In a participant's
    notebook the hidden tests are removed, so nothing is printed there.
    """
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    if frame is None:
        return
    source = "".join(linecache.getlines(frame.f_code.co_filename))
    for text in hidden_explanations(source):
        print(text)


def _fail(message: str) -> SelfCheckFailed:
    try:
        _explain_from_calling_cell()
    except Exception:  # noqa: BLE001 - the explanation is a courtesy; the failure must still be raised
        pass
    return SelfCheckFailed(message)


def check_answer(question: str, value, expected_digest: str, *, kind: str | None = None, decimals: int | None = None,
                 options=None, number: bool = False, name: str | None = None) -> None:
    """Run the visible self-check of ``question``. Raises SelfCheckFailed with a Swedish message.

    ``kind``: "bokstav", "bokstäver", "tal", "text" or "ja_nej" (see the module docstring); the hidden test
    calls ``is_correct`` with the same ``kind`` and ``decimals``.
    ``decimals``: for "tal", the number of decimals the question asks for (both sides are rounded to it).
    ``options``: the allowed answers (e.g. "ABCD"); an answer outside them gets its own message.
    ``number``: the older way to say ``kind="tal"``.
    ``name``: the variable the participant fills in, used in the messages.
    Without ``kind``, ``number=True`` means "tal" and one-letter ``options`` mean "bokstav"; with neither, the
    digest is of the generic normalisation (calls from before ``kind``).
    """
    label = f"fråga {question}"
    Label = label.capitalize()
    var = name or "svaret"
    if kind is None:
        if number:
            kind = "tal"
        elif options is not None and all(isinstance(o, str) and len(o) == 1 and o.isalpha() for o in options):
            kind = "bokstav"
    if kind is not None and kind not in KINDS:
        raise ValueError(f"Okänd sorts svar {kind!r}; välj en av {', '.join(KINDS)}.")
    if any(value is marker for marker in NOT_ANSWERED):
        raise _fail(
            f"Du har inte svarat på {label} än: {var} är fortfarande tomt. "
            "Skriv ditt svar i svarscellen ovanför, kör den och kör sedan den här cellen igen."
        )
    if kind is not None:
        try:
            value_canonical = canonical(value, kind, decimals)
        except NotCanonical as e:
            hint = _form_hint(question, value, expected_digest, kind, decimals)
            raise _fail(f"{Label}: {hint or e.args[0]} Du skrev {value!r}.") from None
        if options is not None:
            allowed = {str(o).strip().upper() for o in options}
            outside = [c for c in str(value_canonical) if c not in allowed] if kind in ("bokstav", "bokstäver") else []
            if outside:
                raise _fail(f"{Label}: svaret ska vara {_describe_kind(options)}. Du skrev {value!r}.")
    elif options is not None:
        normalised = {normalise(o) for o in options}
        if normalise(value) not in normalised:
            raise _fail(f"{Label}: svaret ska vara {_describe_kind(options)}. Du skrev {value!r}.")
    if not _matches(question, value, expected_digest, kind, decimals):
        hint = _form_hint(question, value, expected_digest, kind, decimals) if kind is not None else None
        if hint:
            raise _fail(f"{Label}: {hint}")
        raise _fail(
            f"{Label}: den synliga kontrollen godkände inte svaret. "
            "Läs avsnittet igen, ändra svaret och kör båda cellerna på nytt."
        )
    print(f"\u2705 {Label}: alla synliga kontroller godkända. "
          "Poängen sätts av dolda tester när kursledaren rättar.")


# --- the authors' command -------------------------------------------------------------------------------------

def _parse_cli_value(raw: str, kind: str | None):
    if kind == "tal" or kind is None:
        number = _number_from_text(raw) if kind == "tal" else None
        if kind is None:
            try:
                return int(raw)
            except ValueError:
                try:
                    return float(raw)
                except ValueError:
                    return raw
        if number is None:
            raise SystemExit(f"Inte ett tal: {raw!r}")
        return number
    if kind == "ja_nej":
        return raw.strip().casefold() in _YES
    return raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m upphandlingskurs.content.selfcheck",
        description="Skriver ut kontrollsumman (digest) för en frågas rätta svar.")
    parser.add_argument("--kind", choices=KINDS, help="sorts svar, samma som kind= i check_answer och is_correct")
    parser.add_argument("--decimals", type=int, help="antal decimaler (kind tal)")
    parser.add_argument("question", metavar="FRÅGE-ID")
    parser.add_argument("answer", metavar="SVAR", help="tal skrivs som tal, t.ex. 3 eller 12.5")
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.decimals is not None and args.kind != "tal":
        print("--decimals gäller bara --kind tal.")
        return 2
    value = _parse_cli_value(args.answer, args.kind)
    try:
        print(digest(args.question, value, args.kind, args.decimals))
    except NotCanonical as e:
        print(f"Svaret passar inte --kind {args.kind}: {e.args[0]}")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
