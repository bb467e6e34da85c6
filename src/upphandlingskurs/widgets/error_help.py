"""Swedish help when Python says no: one plain line on what happened and what to type instead.

Participants do not program (KURSDESIGN); the slips they make are few and always the same. For those,
the error output starts with one Swedish line, and Python's own message follows below it, unchanged:

    svar_1 = B          NameError      'Skriv "B" med raka citattecken ...'
    svar_1 = “B”        SyntaxError    typographic quotes from Word or Teams
    svar = 12 500       SyntaxError    a space in a number
    svar = 12,5         no error!      Python makes two numbers of it; a warning under the cell (and the
                                       self-check says the same, upphandlingskurs.content.selfcheck)
    df["kommun"]        KeyError       the column does not exist; the columns there are, and the nearest
    print("a"           SyntaxError    a parenthesis that is never closed

A failing ``assert`` written in a cell (the hidden tests of an exercise) shows its Swedish message only,
without the code around it: nbgrader keeps outputs in the feedback, and the code lines of a traceback
would show the hidden tests there (grading/feedback.py withholds a page that contains them).

It is an IPython extension (IPython's own hooks: ``set_custom_exc`` for the errors, the ``post_run_cell``
event for the decimal comma). Every course kernel loads it from the first cell: ``python -m
upphandlingskurs.labsetup`` (``make setup``, the hub's install.sh, the Kubernetes image) writes
``<venv>/etc/ipython/ipython_kernel_config.json`` with it in ``InteractiveShellApp.extensions``, and
``import upphandlingskurs`` loads it too, in a kernel configured some other way. By hand: ``%load_ext
upphandlingskurs.widgets.error_help``.

:func:`explain` is a pure function (exception in, Swedish line or None out), tested without a kernel.
"""
from __future__ import annotations

import ast
import difflib
import keyword
import re
import sys
import traceback

EXTENSION = "upphandlingskurs.widgets.error_help"
HANDLED = (SyntaxError, NameError, KeyError, AssertionError)

QUOTES = {"\u201c": "“", "\u201d": "”", "\u2018": "‘", "\u2019": "’", "\u201e": "„", "\u00ab": "«", "\u00bb": "»",
          "\u2032": "′", "\u2033": "″", "\u00b4": "´", "`": "`"}
DASHES = {"\u2013": "–", "\u2014": "—", "\u2212": "−"}
_BOOLEAN_WORDS = {"true", "false", "sant", "falskt", "ja", "nej", "yes", "no"}
_LETTER_ANSWER = re.compile(r"^[A-Fa-f]{1,6}$")
_SPACE_IN_NUMBER = re.compile(r"\d[ \u00a0\u202f]+\d")
_QUOTE_HINT = "Använd raka citattecken: tangenten Shift + 2 (\") eller tangenten till vänster om Enter (')."


# --- the rule: exception -> one Swedish line ------------------------------------------------------------

def explain(error: BaseException, *, names=(), columns=None, line: str | None = None) -> str | None:
    """One Swedish line for a beginner's error, or None for errors this module does not know.

    ``names``: the variables the notebook has (for "menade du …?"); ``columns``: the columns of the table a
    KeyError came from, if any; ``line``: the line of code that raised it (for NameError).
    """
    if isinstance(error, SyntaxError):
        return _explain_syntax(error)
    if isinstance(error, NameError):
        return _explain_name(error, names, line)
    if isinstance(error, KeyError):
        return _explain_key(error, columns)
    return None


def _explain_syntax(error: SyntaxError) -> str:
    msg = error.msg or ""
    text = error.text or ""
    line = f" (rad {error.lineno})" if error.lineno and error.lineno > 1 else ""
    curly = [c for c in QUOTES if c in text and c != "`"] or [c for c in QUOTES if f"'{c}'" in msg]
    if curly:
        shown = " ".join(QUOTES[c] for c in curly)
        return (f"Raden{line} har typografiska citattecken ({shown}), till exempel från Word eller Teams. Python "
                f"kräver raka citattecken: skriv svar_1 = \"B\". {_QUOTE_HINT}")
    if "\u00a0" in text or "\u202f" in text or "non-printable character" in msg:
        return (f"Raden{line} har ett osynligt tecken (ett hårt mellanslag, ofta när text klistras in från Word "
                "eller en webbsida). Skriv raden själv i stället för att klistra in den, och skriv tal utan "
                "mellanslag: 12500.")
    dashes = [c for c in DASHES if c in text]
    if dashes:
        return (f"Raden{line} har ett tankstreck ({DASHES[dashes[0]]}) i stället för ett minustecken. Skriv "
                "minus med bindestreckstangenten (-).")
    if "incomplete input" in msg:
        opened = _unclosed(error.text or "")
        if opened in ("\"", "'"):
            return f"Ett citattecken{line} stängs aldrig. Skriv texten med ett citattecken på varje sida: svar_1 = \"B\"."
        if opened:
            pair = {"(": ")", "[": "]", "{": "}"}[opened]
            return (f"En parentes {opened}{line} öppnas men stängs aldrig. Lägg till {pair} på rätt ställe, oftast "
                    "sist på raden.")
        return (f"Raden{line} är inte färdig: en parentes eller ett citattecken stängs aldrig. Kontrollera att "
                "varje ( har en ) och varje \" ett \" till.")
    if "was never closed" in msg or "unexpected EOF" in msg or "does not match opening parenthesis" in msg:
        bracket = re.search(r"'(.)'", msg)
        b = bracket.group(1) if bracket else "("
        pair = {"(": ")", "[": "]", "{": "}"}.get(b, ")")
        if "does not match" in msg:
            return (f"Parenteserna{line} passar inte ihop: en {b} ska stängas med {pair}. Kontrollera att "
                    "varje parentes som öppnas också stängs med samma sorts parentes.")
        return (f"En parentes {b}{line} öppnas men stängs aldrig. Lägg till {pair} på rätt ställe, oftast sist "
                "på raden.")
    if msg.startswith("unmatched"):
        bracket = re.search(r"'(.)'", msg)
        return (f"Det finns en parentes {bracket.group(1) if bracket else ')'}{line} som stänger något som aldrig "
                "öppnades. Ta bort den eller lägg till den parentes som saknas.")
    if "unterminated string literal" in msg or "unterminated triple-quoted" in msg or "EOL while scanning" in msg:
        return (f"Ett citattecken{line} stängs aldrig. Skriv texten med ett citattecken på varje sida: "
                "svar_1 = \"B\".")
    if "leading zeros" in msg and re.search(r"\d,\s*0\d", _code_part(text)):
        return (f"Raden{line} har ett kommatecken som decimaltecken (till exempel 12,05). Python skriver "
                "decimaltal med punkt: 12.05.")
    if "leading zeros" in msg:
        return f"Ett tal{line} får inte börja med 0 i Python. Skriv 8 i stället för 08."
    if "invalid decimal literal" in msg:
        return (f"Ett tal{line} sitter ihop med bokstäver, till exempel 5st eller 100kr. Skriv bara talet "
                "(5 eller 100); enheten står i frågan.")
    if isinstance(error, IndentationError) and "unexpected indent" in msg:
        return f"Raden{line} börjar med mellanslag. Ta bort mellanslagen i början av raden."
    if re.search(r"\d\s*%\s*$", _code_part(text).rstrip()):
        return (f"Ett tal{line} har ett procenttecken. Skriv bara talet, utan %: 58.3 (frågan säger om svaret "
                "ska vara i procent).")
    if _SPACE_IN_NUMBER.search(_code_part(text)):
        return (f"Ett tal{line} har mellanslag i sig, till exempel 12 500. Skriv talet utan mellanslag: 12500 "
                "(och 12.5 med punkt som decimaltecken).")
    if "cannot assign to" in msg or re.match(r"^\s*\w+ \w+\s*=", text):
        return (f"Raden{line} går inte att förstå som ett svar. Skriv variabelns namn, likhetstecken och svaret, "
                "precis som i exemplet: svar_1 = \"B\".")
    return (f"Python förstår inte raden{line}. Kontrollera att texten står inom raka citattecken (\"B\"), att "
            "tal skrivs med punkt och utan mellanslag (12500, 12.5) och att varje parentes stängs.")


def _unclosed(text: str) -> str | None:
    """The bracket or quote left open in ``text`` (the innermost), or None."""
    stack: list[str] = []
    quote = None
    for ch in text:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "([{":
            stack.append(ch)
        elif ch in ")]}" and stack:
            stack.pop()
    return quote or (stack[-1] if stack else None)


def _code_part(text: str) -> str:
    """The line without its strings and comment (a space inside "12 500" in quotes is fine)."""
    return re.sub(r"#.*$", "", re.sub(r"(\"[^\"]*\"|'[^']*')", "", text))


def _explain_name(error: NameError, names, line: str | None) -> str:
    name = getattr(error, "name", None) or _name_from_message(str(error))
    if not name:
        return "Python hittar inte ett namn. Kör cellerna ovanför först (Run → Run All Above Selected Cell)."
    line = line or ""
    if name.casefold() in _BOOLEAN_WORDS:
        return (f"{name} står utan citattecken och betyder inget i Python. Svara ja med True och nej med False "
                "(stor första bokstav, inga citattecken).")
    answer = re.match(rf"^\s*\w+\s*=\s*(.*\b{re.escape(name)}\b.*?)\s*(#.*)?$", line)
    if _LETTER_ANSWER.match(name) and (name.isupper() or answer):
        return (f"{name} står utan citattecken, så Python letar efter en variabel som heter {name}. Ett svar som "
                f"är en bokstav skrivs inom raka citattecken: \"{name.upper()}\". {_QUOTE_HINT}")
    near = [n for n in difflib.get_close_matches(name, [n for n in names if not n.startswith("_")], n=3, cutoff=0.8)
            if re.sub(r"\d", "", n) != re.sub(r"\d", "", name)]  # svar_2 is no misspelling of svar_1
    maybe = f" Menade du {near[0]}? Stavningen måste stämma exakt." if near else ""
    if re.search(rf"\b{re.escape(name)}\s*\(", line):
        return (f"{name} är inte inläst än.{maybe} Kör cellerna ovanför först, särskilt den som börjar med "
                "from upphandlingskurs import …: Run → Run All Above Selected Cell.")
    if re.search(rf"\b{re.escape(name)}\s*[\[.]", line):
        return (f"{name} har inget värde än.{maybe} Kör cellerna ovanför först, särskilt den där {name} får sitt "
                "värde: Run → Run All Above Selected Cell.")
    if answer and "_" not in name:
        written = answer.group(1).strip()
        return (f"{written} står utan citattecken, så Python tror att {name} är en variabel.{maybe} Ett svar som "
                f"är ett ord eller ett namn skrivs inom raka citattecken: \"{written}\". {_QUOTE_HINT}")
    if "_" in name or any(ch.isdigit() for ch in name) or name.startswith("svar"):
        return (f"Variabeln {name} har inget värde än.{maybe} Skriv ditt svar i svarscellen ovanför (till exempel "
                f"{name} = \"B\" eller {name} = 12) och kör den, och kör sedan den här cellen igen. Har kärnan "
                "startats om? Kör då cellerna ovanför: Run → Run All Above Selected Cell.")
    return (f"{name} står utan citattecken, så Python tror att det är en variabel.{maybe} Är det ett svar (ett "
            f"ord eller ett namn), skriv det inom raka citattecken: \"{name}\". Är det en variabel, kör först "
            "cellen där den får sitt värde (Run → Run All Above Selected Cell).")


def _name_from_message(message: str) -> str | None:
    match = re.search(r"name '([^']+)' is not defined", message)
    return match.group(1) if match else None


def _explain_key(error: KeyError, columns) -> str:
    key = error.args[0] if error.args else None
    if columns is not None:
        cols = [str(c) for c in columns]
        missing = _missing_columns(key, cols)
        if missing:
            shown = ", ".join(f'"{m}"' for m in missing)
            near = [difflib.get_close_matches(m, cols, n=1, cutoff=0.6) for m in missing]
            near_text = ", ".join(f'"{n[0]}"' for n in near if n)
            nearest = ("" if not near_text else
                       f" Närmast: {near_text} (stora och små bokstäver, mellanslag och å, ä, ö måste stämma).")
            listed = ", ".join(f'"{c}"' for c in cols[:15]) + (" …" if len(cols) > 15 else "")
            return (f"Tabellen har ingen kolumn som heter {shown}.{nearest} Kolumnerna heter: {listed}. Skriv "
                    "namnet exakt som det står där, inom citattecken.")
    shown = f'"{key}"' if isinstance(key, str) else repr(key)
    return (f"{shown} finns inte bland det som går att slå upp här. Kontrollera stavningen (stora och små "
            "bokstäver, mellanslag och å, ä, ö måste stämma exakt).")


def _missing_columns(key, columns: list[str]) -> list[str]:
    if isinstance(key, str):
        if key in columns:
            return []
        found = re.findall(r"'([^']+)'", key) if ("not in index" in key or "None of" in key) else []
        return [k for k in found if k not in columns] or [key]
    if isinstance(key, (list, tuple)):
        return [str(k) for k in key if str(k) not in columns]
    return [str(key)] if key is not None and str(key) not in columns else []


def decimal_comma_warnings(source: str) -> list[str]:
    """Swedish warnings for ``svar = 12,5`` in a cell: Python makes a tuple (two numbers) of it, no error."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    warnings = []
    lines = source.splitlines()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            continue
        value = node.value
        if not isinstance(value, ast.Tuple) or len(value.elts) < 2:
            continue
        if not all(isinstance(e, ast.Constant) and type(e.value) in (int, float) for e in value.elts):
            continue
        segment = ast.get_source_segment(source, value) or ""
        if segment.lstrip().startswith("("):
            continue  # written as a pair on purpose
        numbers = [e.value for e in value.elts]
        written = segment.strip() or ",".join(map(str, numbers))
        name = node.targets[0].id
        if len(numbers) == 2:
            suggestion = f"{numbers[0]}.{lines[value.elts[1].lineno - 1][value.elts[1].col_offset:value.elts[1].end_col_offset]}"
            warnings.append(
                f"Obs! {name} = {written} blev {len(numbers)} tal ({numbers[0]} och {numbers[1]}), inte ett: i Python "
                f"skiljer kommatecken tal åt. Menar du ett decimaltal, skriv punkt: {name} = {suggestion}. "
                "Tusental skrivs utan mellanslag och kommatecken: 12500.")
        else:
            warnings.append(
                f"Obs! {name} = {written} blev {len(numbers)} tal, inte ett: i Python skiljer kommatecken tal åt. "
                "Skriv ett enda tal, med punkt som decimaltecken (12.5) och utan mellanslag eller kommatecken "
                "mellan tusentalen (12500).")
    return warnings


# --- the IPython side -----------------------------------------------------------------------------------

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
ORIGINAL = "Pythons eget meddelande (på engelska) står under, för den som vill läsa det:"


def _columns_from(tb, shell) -> list | None:
    """The columns of the table a KeyError came from: a pandas DataFrame in the traceback's frames."""
    pandas = sys.modules.get("pandas")
    if pandas is None:
        return None
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in frames:
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, pandas.DataFrame):
            return list(candidate.columns)
    return None


def _user_frame(tb, shell) -> bool:
    """True if the error was raised in the notebook's own code (a cell), not inside a library."""
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    return last is not None and last.tb_frame.f_globals is shell.user_ns


def _in_a_cell(error: SyntaxError, shell) -> bool:
    """The syntax error is in a cell's code (IPython names each cell's code and remembers the names)."""
    filename = error.filename or ""
    return filename.startswith("<") or filename in getattr(shell.compile, "_filename_map", {})


def hint_for(shell, etype, value, tb) -> str | None:
    """The Swedish line for an exception in ``shell``, or None (then the error is shown as usual)."""
    if isinstance(value, NameError) and not _user_frame(tb, shell):
        return None  # a NameError inside a library is not the participant's slip
    if isinstance(value, SyntaxError) and not _in_a_cell(value, shell):
        return None  # e.g. a broken module being imported: not the participant's line
    names = [n for n in shell.user_ns if isinstance(n, str) and not keyword.iskeyword(n)]
    columns = _columns_from(tb, shell) if isinstance(value, KeyError) else None
    if isinstance(value, KeyError) and columns is None and not _user_frame(tb, shell):
        return None  # a lookup inside a library, not in a table the participant named
    line = None
    if isinstance(value, NameError):
        frames = traceback.extract_tb(tb)
        line = frames[-1].line if frames else None
    return explain(value, names=names, columns=columns, line=line)


def _handler(shell, etype, value, tb, tb_offset=None):
    """IPython's custom exception handler: the Swedish line first, then Python's own traceback."""
    if hasattr(value, "_render_traceback_"):
        stb = value._render_traceback_()
    elif issubclass(etype, AssertionError):
        if not _user_frame(tb, shell):
            stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
        else:
            # A test cell's own `assert` (the hidden tests): its message only. The code around it would show
            # the hidden tests (and the right answer) in the participant's feedback after grading.
            stb = [f"\u274c {value}" if str(value) else "\u274c Testet godkände inte svaret."]
        shell._showtraceback(etype, value, stb)
        return stb
    elif issubclass(etype, SyntaxError):
        stb = shell.SyntaxTB.structured_traceback(etype, value, [])
    else:
        stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    try:
        hint = hint_for(shell, etype, value, tb)
    except Exception:  # noqa: BLE001 - the help must never hide the error itself
        hint = None
    if hint:
        stb = [f"{BOLD}\u26a0 {hint}{RESET}", f"{DIM}{ORIGINAL}{RESET}", "", *stb]
    shell._showtraceback(etype, value, stb)
    return stb


def _after_cell(shell, result) -> None:
    if result is None or result.error_before_exec is not None or result.error_in_exec is not None:
        return
    source = getattr(result.info, "raw_cell", None) or ""
    if "," not in source:
        return
    for warning in decimal_comma_warnings(source):
        print(f"\u26a0 {warning}")


def load_ipython_extension(shell) -> None:
    """Called by IPython (``%load_ext``, the kernel's configuration, ``import upphandlingskurs``)."""
    if getattr(shell, "_kurs_error_help", None):
        return
    if shell.custom_exceptions:  # someone else's handler: keep it, do not take over
        return
    shell.set_custom_exc(HANDLED, _handler)

    def after(result):
        _after_cell(shell, result)

    shell.events.register("post_run_cell", after)
    shell._kurs_error_help = after


def unload_ipython_extension(shell) -> None:
    after = getattr(shell, "_kurs_error_help", None)
    if not after:
        return
    shell.set_custom_exc((), None)
    try:
        shell.events.unregister("post_run_cell", after)
    except ValueError:
        pass
    shell._kurs_error_help = None


def load_in_running_shell() -> bool:
    """Load the extension into the IPython shell this code runs in, if any (``import upphandlingskurs`` does)."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    if shell is None or not hasattr(shell, "extension_manager"):
        return False
    if getattr(shell, "_kurs_error_help", None):
        return True
    shell.extension_manager.load_extension(EXTENSION)
    return True
