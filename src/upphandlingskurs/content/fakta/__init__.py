"""The facts registry: law figures and dates that change, with their source (KURSDESIGN §7)."""
from upphandlingskurs.content.fakta.registry import (
    Fact,
    FactError,
    Registry,
    fakta,
    load_registry,
)

__all__ = ["Fact", "FactError", "Registry", "fakta", "load_registry"]
