"""The example answer to a free-text question, shown only after the participant has written their own.

Directly after each free-text answer cell, an exercise has a locked cell (KURSDESIGN, convention 3)::

    from upphandlingskurs.widgets.example_answer import example_answer_button
    example_answer_button("03", "svar_9")

A click reads the participant's *saved* notebook and shows the example answer only if the answer cell with
that grade_id holds an answer of their own (not nbgrader's stub, not empty). Where the example answer comes
from depends on where the kernel runs:

- **Self-study** (a laptop, no JupyterHub): from the solution cell of the course's own ``solutions/`` folder
  (the ``*Exempelsvar:*`` text between ``### BEGIN SOLUTION`` and ``### END SOLUTION``). nbgrader removes
  those cells from ``exercises/``, so the handed-out notebook itself never holds them.
- **Workshop** (the kernel runs on the hub: ``JUPYTERHUB_USER`` is set): only from the file the instructor
  writes with ``kurs exempelsvar 03`` (:func:`release`), ``<exchange>/<course id>/exempelsvar/03.json``
  next to nbgrader's ``outbound/``. Before that, the button says the answers are not released yet.

The functions above the widget are pure (paths and environment passed in), so they are tested without a
kernel; ``example_answer_button`` is the view.
"""
from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

RELEASE_FOLDER = "exempelsvar"
EXCHANGE_DEFAULT = "/srv/nbgrader/exchange"
COURSE_ID_DEFAULT = "gr-socialt-ansvarsfull-upphandling"
MARKER = "*Exempelsvar:*"
# What nbgrader leaves in an answer cell (nbgrader_config.py: ClearSolutions.text_stub, and nbgrader's default).
STUBS = ("SKRIV DITT SVAR HÄR (dubbelklicka på cellen för att skriva).", "SKRIV DITT SVAR HÄR", "YOUR ANSWER HERE")
MIN_WORDS = 3
_SOLUTION = re.compile(r"#+\s*BEGIN SOLUTION\s*\n?(.*?)(?:\n?#+\s*END SOLUTION|\Z)", re.DOTALL)
# Assessment criteria belong in the question cell (convention 3); if they are still in a solution cell, they
# are not part of the example answer.
_CRITERIA = re.compile(r"^\s*\**\s*(Bedömningsmall|Så bedöms svaret)", re.MULTILINE)


class ExampleAnswerError(ValueError):
    """Something the instructor must fix (no such module, no example answers); a Swedish message."""

    def _render_traceback_(self):  # IPython hook: the message only
        return [f"\u274c {self.args[0]}"]


@dataclass(frozen=True)
class Outcome:
    """What the button shows: the example answer (``text``) or, if ``text`` is None, why not (``message``)."""

    message: str
    text: str | None = None

    @property
    def shown(self) -> bool:
        return self.text is not None


# --- reading notebooks ------------------------------------------------------------------------------------

def module_number(module: str | int) -> str:
    """'3', '03', '03_iop' -> '03'."""
    match = re.match(r"\s*(\d{1,2})", str(module))
    if not match:
        raise ExampleAnswerError(f"Okänd modul {module!r}: ange modulens nummer, till exempel 03.")
    return match.group(1).zfill(2)


def _load(notebook) -> dict:
    if isinstance(notebook, dict):
        return notebook
    return json.loads(Path(notebook).read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _grade_id(cell: dict) -> str | None:
    return (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id")


def example_text(source: str) -> str | None:
    """The example answer in a solution cell's source: after ``*Exempelsvar:*`` inside the solution region."""
    match = _SOLUTION.search(source)
    region = match.group(1) if match else source
    if MARKER not in region:
        return None
    text = region.split(MARKER, 1)[1]
    criteria = _CRITERIA.search(text)
    if criteria:
        text = text[:criteria.start()]
    text = text.strip()
    return text or None


def extract_example_answers(notebook) -> dict[str, str]:
    """``{grade_id: example answer}`` for every manually graded answer cell of a solution notebook."""
    answers = {}
    for cell in _load(notebook).get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader") or {}
        if meta.get("solution") and meta.get("grade") and cell.get("cell_type") == "markdown":
            text = example_text(_source(cell))
            if text:
                answers[meta["grade_id"]] = text
    return answers


def answer_templates(notebook) -> dict[str, str]:
    """``{grade_id: the answer cell's text outside its solution region}``: what the participant gets to start from."""
    templates = {}
    for cell in _load(notebook).get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader") or {}
        if meta.get("solution") and meta.get("grade") and cell.get("cell_type") == "markdown":
            templates[meta["grade_id"]] = _SOLUTION.sub(" ", _source(cell))
    return templates


def answer_in(notebook, grade_id: str) -> str | None:
    """The text of the answer cell ``grade_id`` in a (participant's) notebook; None if there is no such cell."""
    for cell in _load(notebook).get("cells", []):
        if _grade_id(cell) == grade_id:
            return _source(cell)
    return None


def has_written(answer: str | None, template: str = "") -> bool:
    """True when the answer cell holds an answer of the participant's own.

    Not empty, not the stub, and at least MIN_WORDS words that were not in the cell as handed out
    (``template``: the cell's text outside its solution region).
    """
    if not answer:
        return False
    text = answer
    for stub in STUBS:
        text = text.replace(stub, " ")
    words = Counter(w.casefold() for w in re.findall(r"\w{2,}", text))
    words.subtract(Counter(w.casefold() for w in re.findall(r"\w{2,}", template or "")))
    return sum(n for n in words.values() if n > 0) >= MIN_WORDS


# --- where things are -------------------------------------------------------------------------------------

def in_workshop(environ=os.environ) -> bool:
    """The kernel runs on the workshop hub (JupyterHub sets JUPYTERHUB_USER for each person's server)."""
    return bool(environ.get("JUPYTERHUB_USER"))


def release_path(module: str | int, *, exchange: str | Path | None = None, course_id: str | None = None,
                 environ=os.environ) -> Path:
    """``<exchange>/<course id>/exempelsvar/<NN>.json`` (KURS_EXCHANGE, KURS_COURSE_ID as in nbgrader_config.py)."""
    root = Path(exchange or environ.get("KURS_EXCHANGE") or EXCHANGE_DEFAULT)
    course = course_id or environ.get("KURS_COURSE_ID") or COURSE_ID_DEFAULT
    return root / course / RELEASE_FOLDER / f"{module_number(module)}.json"


def solution_notebook(module: str | int, solutions: Path) -> Path | None:
    """The solution notebook of a module in a ``solutions/`` folder: solutions/NN_x/NN_x.ipynb."""
    nn = module_number(module)
    for folder in sorted(Path(solutions).glob(f"{nn}_*")):
        notebooks = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
        if notebooks:
            preferred = folder / f"{folder.name}.ipynb"
            return preferred if preferred in notebooks else notebooks[0]
    return None


def find_solutions(start: Path | None = None, environ=os.environ) -> Path | None:
    """The course's ``solutions/`` folder for self-study: KURS_ROOT, a folder above ``start``, or the package's repo."""
    candidates = []
    if environ.get("KURS_ROOT"):
        candidates.append(Path(environ["KURS_ROOT"]).expanduser())
    here = Path(start or Path.cwd()).resolve()
    candidates += [here, *here.parents]
    candidates.append(Path(__file__).resolve().parents[3])  # <repo>/src/upphandlingskurs/widgets/ -> <repo>
    for folder in candidates:
        if (folder / "solutions").is_dir() and (folder / "nbgrader_config.py").is_file():
            return folder / "solutions"
    return None


def locate_notebook(grade_id: str, *, environ=os.environ, cwd: Path | None = None,
                    session: str | None = None) -> Path | None:
    """The saved notebook the kernel belongs to.

    JupyterLab tells the kernel its notebook in JPY_SESSION_NAME (ipykernel also puts it in ``__session__``);
    the path may be relative to the server's root, and the kernel runs in the notebook's folder, so the file
    name is looked up there too. Without it (an older JupyterLab), the one notebook in the folder with an
    answer cell ``grade_id`` (the most recently saved if several).
    """
    cwd = Path(cwd or Path.cwd())
    session = session or environ.get("JPY_SESSION_NAME")
    if session:
        path = Path(session).expanduser()
        candidates = (path,) if path.is_absolute() else (cwd / path, cwd / path.name)
        for candidate in candidates:
            if candidate.suffix == ".ipynb" and candidate.is_file():
                return candidate
    found = []
    for path in cwd.glob("*.ipynb"):
        try:
            if answer_in(path, grade_id) is not None:
                found.append(path)
        except (OSError, ValueError):
            continue
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


# --- release (the instructor, through `kurs exempelsvar`) ---------------------------------------------------

def release(solution: str | Path, destination: str | Path, module: str | int) -> Path:
    """Write the example answers of a solution notebook to ``destination`` (a .json file) for the participants."""
    answers = extract_example_answers(solution)
    if not answers:
        raise ExampleAnswerError(f"{solution} har inga exempelsvar (celler med {MARKER} i en lösningscell).")
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        destination.parent.chmod(destination.parent.stat().st_mode | 0o755)
    except PermissionError:
        pass
    payload = {"modul": module_number(module), "släppt": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "exempelsvar": answers, "mallar": answer_templates(solution)}
    tmp = destination.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.chmod(0o644)
    tmp.replace(destination)
    return destination


def withdraw(destination: str | Path) -> bool:
    """Remove released example answers again. False if there were none."""
    destination = Path(destination)
    if destination.exists():
        destination.unlink()
        return True
    return False


def released_answers(path: str | Path) -> dict[str, str] | None:
    """The released example answers in ``path``; None if the module is not released."""
    released = _released(path)
    return released["exempelsvar"] if released else None


def _released(path: str | Path) -> dict | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("exempelsvar"), dict) else None


# --- the rule ---------------------------------------------------------------------------------------------

def example_answer_for(module: str | int, grade_id: str, *, environ=os.environ, cwd: Path | None = None,
                       session: str | None = None) -> Outcome:
    """What a click on the button shows (the 'write first' rule and the workshop release)."""
    nn = module_number(module)
    notebook = locate_notebook(grade_id, environ=environ, cwd=cwd, session=session)
    if notebook is None:
        return Outcome("Hittar inte den sparade notebooken. Spara den (Ctrl + S) och klicka på knappen igen.")
    try:
        answer = answer_in(notebook, grade_id)
    except (OSError, ValueError):
        return Outcome("Notebooken gick inte att läsa. Spara den (Ctrl + S) och klicka på knappen igen.")
    if answer is None:
        return Outcome("Hittar inte svarscellen i den sparade notebooken. Spara den (Ctrl + S) och klicka igen.")
    if in_workshop(environ):
        released = _released(release_path(nn, environ=environ))
        answers, templates = (released["exempelsvar"], released.get("mallar") or {}) if released else (None, {})
    else:
        solutions = find_solutions(cwd, environ)
        solution = solution_notebook(nn, solutions) if solutions else None
        answers = extract_example_answers(solution) if solution else None
        templates = answer_templates(solution) if solution else {}
    if not has_written(answer, templates.get(grade_id, "")):
        return Outcome("Skriv först ditt eget svar i svarscellen ovanför och spara notebooken (Ctrl + S). "
                       "Klicka sedan på knappen igen. Exempelsvaret visas först när du har ett eget svar att "
                       "jämföra med.")
    if answers is None and in_workshop(environ):
        return Outcome(f"Exempelsvaren för modul {nn} är inte släppta än. Kursledaren släpper dem när "
                       "övningen är genomgången; klicka på knappen igen då.")
    if answers is None:
        return Outcome("Hittar inte kursens exempelsvar (mappen solutions/ i kursens mapp). Öppna notebooken "
                       "inifrån kursens mapp.")
    text = answers.get(grade_id)
    if text is None:
        return Outcome("Den här frågan har inget exempelsvar.")
    return Outcome("Jämför med ditt eget svar och med bedömningen under frågan. Exempelsvaret är ett av flera "
                   "möjliga bra svar.", text)


# --- the view ---------------------------------------------------------------------------------------------

def _to_html(text: str) -> str:
    try:
        import mistune

        return mistune.html(text)
    except Exception:  # pragma: no cover - mistune comes with nbconvert
        return "<p>" + html.escape(text).replace("\n\n", "</p><p>") + "</p>"


def render(outcome: Outcome) -> str:
    """The HTML the button shows for an outcome."""
    if not outcome.shown:
        return f'<p role="status">{html.escape(outcome.message)}</p>'
    return (f'<div role="region" aria-label="Exempelsvar"><p><strong>Exempelsvar</strong></p>'
            f'<blockquote>{_to_html(outcome.text)}</blockquote><p>{html.escape(outcome.message)}</p></div>')


def example_answer_button(module: str | int, grade_id: str):
    """A button 'Visa exempelsvar' for the answer cell ``grade_id`` of module ``module`` (convention 3)."""
    import ipywidgets as widgets

    nn = module_number(module)
    button = widgets.Button(description="Visa exempelsvar", icon="eye", tooltip="Spara först (Ctrl + S)",
                            layout=widgets.Layout(width="auto"))
    shown = widgets.HTML(value="<p>Skriv ditt svar i cellen ovanför och spara (Ctrl + S). Klicka sedan här "
                               "för att jämföra med ett exempelsvar.</p>")

    def on_click(_=None):
        try:
            outcome = example_answer_for(nn, grade_id, session=_session())
        except Exception as e:  # noqa: BLE001 - a participant gets a message, never a traceback
            outcome = Outcome(f"Exempelsvaret gick inte att visa: {e}")
        shown.value = render(outcome)

    button.on_click(on_click)
    box = widgets.VBox([button, shown])
    box.show = on_click  # for tests and for a notebook that wants to show it at once
    return box


def _session() -> str | None:
    """The notebook path ipykernel gives the shell (``__session__``), if any."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    shell = get_ipython()
    session = shell.user_ns.get("__session__") if shell is not None else None
    return session if isinstance(session, str) and session else None
