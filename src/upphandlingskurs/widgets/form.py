"""The widget pattern of the course (KURSDESIGN §6).

A ``Form`` is labelled input fields, one button and a result area. On a click it parses every
field (Swedish messages for bad input), calls a pure ``compute(**values)`` function and shows the
Markdown it returns. Errors never reach the participant as a traceback.

    form = Form("Räkna om till årsvärde", [NumberField("total", "Kontraktsvärde (kr)", minimum=0), ...],
                compute=annual_value_text)
    form            # displays in a notebook
    form.submit(total="1 200 000", months="24")   # headless, in tests: returns the shown text
"""
from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import ipywidgets as w
import mistune

from upphandlingskurs.documents.writer import download_link_html
from upphandlingskurs.parsing import InputError, parse_number, require_text

log = logging.getLogger(__name__)
_markdown = mistune.create_markdown(plugins=["table", "strikethrough"])

STYLE = {"description_width": "initial"}
LAYOUT = w.Layout(width="min(100%, 34em)")


@dataclass
class NumberField:
    name: str
    label: str
    default: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    placeholder: str = ""
    as_float: bool = True

    def make(self):
        return w.Text(value=self.default, description=self.label, placeholder=self.placeholder, style=STYLE, layout=LAYOUT)

    def parse(self, raw):
        value = parse_number(raw, self.label, minimum=self.minimum, maximum=self.maximum, integer=self.integer)
        if self.integer:
            return int(value)
        return float(value) if self.as_float else value


@dataclass
class ChoiceField:
    name: str
    label: str
    options: Sequence[Any]  # values, or (label, value) pairs
    default: Any = None

    def make(self):
        widget = w.Dropdown(options=list(self.options), description=self.label, style=STYLE, layout=LAYOUT)
        if self.default is not None:
            widget.value = self.default
        return widget

    def parse(self, raw):
        values = [o[1] if isinstance(o, tuple) else o for o in self.options]
        if raw not in values:
            raise InputError(f"Välj ett alternativ i listan \u201d{self.label}\u201d.")
        return raw


@dataclass
class TextField:
    name: str
    label: str
    default: str = ""
    placeholder: str = ""
    multiline: bool = False
    required: bool = True

    def make(self):
        cls = w.Textarea if self.multiline else w.Text
        return cls(value=self.default, description=self.label, placeholder=self.placeholder, style=STYLE, layout=LAYOUT)

    def parse(self, raw):
        if not self.required:
            return "" if raw is None else str(raw).strip()
        return require_text(raw, self.label)


@dataclass
class CheckboxField:
    name: str
    label: str
    default: bool = False

    def make(self):
        return w.Checkbox(value=self.default, description=self.label, indent=False, style=STYLE)

    def parse(self, raw):
        return bool(raw)


@dataclass
class Form:
    title: str
    fields: list
    compute: Callable[..., str]
    button: str = "Visa resultat"
    intro: str = ""
    controls: dict = field(init=False)
    last_error: str | None = field(init=False, default=None)
    last_result: str | None = field(init=False, default=None)

    def __post_init__(self):
        self.controls = {f.name: f.make() for f in self.fields}
        self._button = w.Button(description=self.button, button_style="primary", tooltip=self.button, icon="play")
        self._button.on_click(lambda _b: self.run())
        self._result = w.HTML(value="", layout=w.Layout(width="100%"))
        # The title is bold text, not a heading: the widget sits inside the notebook's own section, and a
        # fixed heading level skips levels in some notebooks (axe-core rule heading-order).
        head = (f'<p class="kurs-form-title" style="font-size:1.2em;font-weight:bold;margin:0.4em 0">'
                f"{html.escape(self.title)}</p>" + (_markdown(self.intro) if self.intro else ""))
        self.widget = w.VBox([w.HTML(head), *self.controls.values(), self._button, self._result],
                             layout=w.Layout(border="1px solid #767676", padding="0.5em 1em", width="100%"))

    # -- behaviour ---------------------------------------------------------------------------
    def values(self) -> dict:
        """Parse every field; raises InputError listing all problems at once."""
        out, errors = {}, []
        for f in self.fields:
            try:
                out[f.name] = f.parse(self.controls[f.name].value)
            except InputError as e:
                errors.append(str(e))
        if errors:
            raise InputError("\n".join(errors))
        return out

    def run(self) -> str:
        try:
            result = self.compute(**self.values())
        except InputError as e:
            self.last_error, self.last_result = str(e), None
            items = "".join(f"<li>{html.escape(m)}</li>" for m in str(e).split("\n"))
            self._result.value = (f'<div role="alert" style="border-left:4px solid #a4262c;padding:0.3em 0.8em">'
                                  f"<strong>Kontrollera det du skrev:</strong><ul>{items}</ul></div>")
            return self.last_error
        except Exception:  # never show a traceback to a participant
            log.exception("widget %s failed", self.title)
            self.last_error = ("Något gick fel i beräkningen. Kontrollera värdena och försök igen. "
                               "Händer det igen: berätta för kursledaren vad du skrev.")
            self.last_result = None
            self._result.value = f'<div role="alert"><strong>{html.escape(self.last_error)}</strong></div>'
            return self.last_error
        self.last_error, self.last_result = None, result
        self._result.value = f'<div role="status" aria-live="polite">{_markdown(result)}</div>'
        return result

    def submit(self, **raw) -> str:
        """Set field values as a participant would type them, click the button, return the shown text."""
        for name, value in raw.items():
            if name not in self.controls:
                raise KeyError(f"unknown field {name!r}")
            self.controls[name].value = value
        self._button.click()
        return self.last_error if self.last_error is not None else self.last_result

    @property
    def result_html(self) -> str:
        return self._result.value

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class DocumentForm(Form):
    """A Form whose compute saves a file: after a successful run it adds a download link below the result.

    (The result text is Markdown, which cannot carry a download link; the link is added as HTML here.)
    """
    saved: Path | None = None

    def run(self) -> str:
        self.saved = None
        result = super().run()
        if self.last_error is None and self.saved is not None:
            self._result.value += f"<p>{download_link_html(self.saved)}</p>"
        return result


def shown_path(path: Path) -> str:
    """The path as the participant sees it in the file browser: relative to the notebook's folder."""
    try:
        return Path(os.path.relpath(path, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
