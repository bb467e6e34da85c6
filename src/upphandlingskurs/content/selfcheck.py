"""Visible self-checks that do not reveal the answer (KURSDESIGN §5).

A test cell in an exercise runs ``check_answer("1a", svar_1a, "<digest>")``. The digest is a salted
SHA-256 of the normalised correct answer, so the participant learns whether the answer passes the
visible check without being able to read the answer. The hidden tests below it decide the grade.

Authors create a digest with ``python -m upphandlingskurs.content.selfcheck 1a B``.
"""
from __future__ import annotations

import hashlib
import math
import sys
from decimal import Decimal, InvalidOperation
from numbers import Number

SALT = "gr-socialt-ansvarsfull-upphandling"
NOT_ANSWERED = (None, Ellipsis)


class SelfCheckFailed(AssertionError):
    """A visible self-check did not pass. IPython shows only the Swedish message, no traceback."""

    def _render_traceback_(self):  # IPython hook: replaces the traceback with our message
        return [f"\u274c {self.args[0]}"]


def normalise(value) -> str:
    """Canonical text for an answer: case, spacing and 3 vs 3.0 do not matter."""
    if isinstance(value, bool):
        return "bool:" + str(value).lower()
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
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


def digest(question: str, value) -> str:
    return hashlib.sha256(f"{SALT}|{question}|{normalise(value)}".encode()).hexdigest()[:20]


def _describe_kind(options) -> str:
    opts = list(options)
    if all(isinstance(o, str) for o in opts):
        return "ett av alternativen " + ", ".join(f'"{o}"' for o in opts)
    return "ett av alternativen " + ", ".join(str(o) for o in opts)


def check_answer(question: str, value, expected_digest: str, *, options=None, number: bool = False,
                 name: str | None = None) -> None:
    """Run the visible self-check of ``question``. Raises SelfCheckFailed with a Swedish message.

    ``options``: the allowed answers (e.g. "ABCD"); an answer outside them gets its own message.
    ``number``: the answer must be a number (text such as "12" gets a hint instead of a plain fail).
    ``name``: the variable the participant fills in, used in the messages.
    """
    label = f"fråga {question}"
    var = name or "svaret"
    if any(value is marker for marker in NOT_ANSWERED):
        raise SelfCheckFailed(
            f"Du har inte svarat på {label} än: {var} är fortfarande tomt. "
            "Skriv ditt svar i svarscellen ovanför, kör den och kör sedan den här cellen igen."
        )
    if options is not None:
        normalised = {normalise(o) for o in options}
        if normalise(value) not in normalised:
            raise SelfCheckFailed(f"{label.capitalize()}: svaret ska vara {_describe_kind(options)}. Du skrev {value!r}.")
    if number:
        if isinstance(value, str):
            try:
                Decimal(value.replace(",", ".").replace(" ", ""))
                hint = " Ta bort citattecknen och skriv talet med punkt som decimaltecken, t.ex. 12.5."
            except InvalidOperation:
                hint = ""
            raise SelfCheckFailed(f"{label.capitalize()}: svaret ska vara ett tal, inte text.{hint}")
        if isinstance(value, bool) or not isinstance(value, Number):
            raise SelfCheckFailed(f"{label.capitalize()}: svaret ska vara ett tal.")
    if digest(question, value) != expected_digest:
        raise SelfCheckFailed(
            f"{label.capitalize()}: den synliga kontrollen godkände inte svaret. "
            "Läs avsnittet igen, ändra svaret och kör båda cellerna på nytt."
        )
    print(f"\u2705 {label.capitalize()}: alla synliga kontroller godkända. "
          "Poängen sätts av dolda tester när kursledaren rättar.")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("Användning: python -m upphandlingskurs.content.selfcheck FRÅGE-ID SVAR   (tal skrivs som tal, t.ex. 3 eller 12.5)")
        return 2
    question, raw = argv
    value: object = raw
    try:
        value = int(raw)
    except ValueError:
        try:
            value = float(raw)
        except ValueError:
            pass
    print(digest(question, value))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
