"""Load, validate and look up the facts registry (`fakta.yaml`).

Every figure that changes with the law lives in one YAML file. A fact knows its value, unit,
validity period, lagrum, source and verification status; it can only be *shown* while it is
verified and valid. Notebooks call ``fakta("id")``; Markdown cells carry
``<!--fakta:id-->700 000 kr<!--/fakta-->`` markers that ``python -m upphandlingskurs.content.fakta sync``
keeps equal to the registry.
"""
from __future__ import annotations

import datetime as _dt
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from upphandlingskurs import format as fmt

Unit = Literal["SEK", "EUR", "procent", "datum", "antal", "text"]


class Status(str, Enum):
    verified = "verified"  # ✅ official source
    verified_secondary = "verified_secondary"  # ☑️ secondary source
    unverified = "unverified"  # ⚠️ must not be shown


STATUS_MARK = {Status.verified: "✅", Status.verified_secondary: "☑️", Status.unverified: "⚠️"}


class FactError(LookupError):
    """A fact is missing, unverified or out of date. The message is Swedish (shown to participants)."""


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str = Field(min_length=3)
    value: Union[int, float, _dt.date, str]
    unit: Unit
    valid_from: _dt.date
    valid_to: _dt.date | None = None
    lagrum: str = Field(min_length=3)
    source: str = Field(min_length=3)
    url: str = Field(pattern=r"^https?://")
    status: Status
    checked: _dt.date
    note: str | None = None  # shown to participants with the figure
    maintainer_note: str | None = None  # for the course's maintainers only (a to-do, how a figure was read); never shown

    @field_validator("value")
    @classmethod
    def _no_bool(cls, v):
        if isinstance(v, bool):
            raise ValueError("value must not be a boolean")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "Fact":
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"{self.id}: valid_to is before valid_from")
        numeric = self.unit in ("SEK", "EUR", "procent", "antal")
        if numeric and not isinstance(self.value, (int, float)):
            raise ValueError(f"{self.id}: unit {self.unit} needs a number")
        if self.unit == "datum" and not isinstance(self.value, _dt.date):
            raise ValueError(f"{self.id}: unit datum needs a date (YYYY-MM-DD)")
        return self

    # -- validity ---------------------------------------------------------------------------
    def is_valid_on(self, day: _dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def problems(self, day: _dt.date | None = None) -> list[str]:
        """Reasons (Swedish) why this fact may not be shown as current on ``day``."""
        day = day or _dt.date.today()
        out = []
        if self.status is Status.unverified:
            out.append(f"uppgiften '{self.id}' är inte verifierad och får inte visas i kursen")
        if self.valid_to is not None and day > self.valid_to:
            out.append(f"uppgiften '{self.id}' gällde till {fmt.date(self.valid_to)} och har gått ut")
        if day < self.valid_from:
            out.append(f"uppgiften '{self.id}' gäller först från {fmt.date(self.valid_from)}")
        return out

    # -- display ----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The value formatted in Swedish: `700 000 kr`, `216 000 euro`, `30 %`, `1 januari 2023`."""
        if self.unit == "SEK":
            return fmt.kr(self.value)
        if self.unit == "EUR":
            return fmt.euro(self.value)
        if self.unit == "procent":
            return fmt.percent(self.value, fraction=False)
        if self.unit == "datum":
            return fmt.date(self.value)
        if self.unit == "antal":
            return fmt.number(self.value)
        return str(self.value)

    @property
    def period(self) -> str:
        start = fmt.date(self.valid_from)
        return f"från {start}" if self.valid_to is None else f"{start} – {fmt.date(self.valid_to)}"

    @property
    def citation(self) -> str:
        """One line with lagrum and source, for the place where the figure is shown."""
        return f"{self.lagrum}. Källa: {self.source} ({self.url})"

    def markdown(self) -> str:
        mark = STATUS_MARK[self.status]
        lines = [f"**{self.label}: {self.text}** ({self.period})", "", f"*{self.lagrum}.* Källa: [{self.source}]({self.url}) {mark}"]
        if self.note:
            lines += ["", f"Obs: {self.note}"]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:  # shown when a notebook cell ends with fakta("id")
        return self.markdown()

    def __str__(self) -> str:
        return self.text


class Registry:
    """All facts, by id."""

    def __init__(self, facts: list[Fact], path: Path | None = None):
        self.path = path
        self._facts: dict[str, Fact] = {}
        for f in facts:
            if f.id in self._facts:
                raise FactError(f"Faktaregistret har två uppgifter med id '{f.id}'.")
            self._facts[f.id] = f

    def __iter__(self):
        return iter(self._facts.values())

    def __len__(self) -> int:
        return len(self._facts)

    def __contains__(self, fact_id: str) -> bool:
        return fact_id in self._facts

    def get(self, fact_id: str, *, day: _dt.date | None = None, allow_outdated: bool = False) -> Fact:
        """The fact ``fact_id``; raises FactError (Swedish) when it is missing, unverified or expired."""
        try:
            fact = self._facts[fact_id]
        except KeyError:
            raise FactError(f"Faktaregistret saknar uppgiften '{fact_id}'.") from None
        problems = fact.problems(day)
        if allow_outdated:
            problems = [p for p in problems if "inte verifierad" in p]
        if problems:
            raise FactError("Kan inte visa uppgiften: " + "; ".join(problems) + ".")
        return fact

    def value(self, fact_id: str, **kw):
        return self.get(fact_id, **kw).value


def _parse(raw, origin: str) -> list[Fact]:
    if not isinstance(raw, list):
        raise FactError(f"{origin}: faktaregistret ska vara en lista av uppgifter.")
    facts = []
    for i, item in enumerate(raw, start=1):
        try:
            facts.append(Fact.model_validate(item))
        except ValidationError as e:
            ident = item.get("id", f"nr {i}") if isinstance(item, dict) else f"nr {i}"
            raise FactError(f"{origin}: uppgift {ident} är felaktig:\n{e}") from None
    return facts


def load_registry(path: str | Path | None = None) -> Registry:
    """Read and validate a registry file (default: the package's own ``fakta.yaml``)."""
    if path is None:
        ref = resources.files("upphandlingskurs.content.fakta") / "fakta.yaml"
        text, origin, p = ref.read_text(encoding="utf-8"), "fakta.yaml", Path(str(ref))
    else:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise FactError(f"Kan inte läsa faktaregistret {p}: {e.strerror}.") from None
        origin = str(p)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise FactError(f"{origin}: faktaregistret är inte giltig YAML: {e}") from None
    return Registry(_parse(raw, origin), p)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return load_registry()


def fakta(fact_id: str) -> Fact:
    """The current, verified fact ``fact_id`` from the course's registry (notebook-facing)."""
    return default_registry().get(fact_id)
