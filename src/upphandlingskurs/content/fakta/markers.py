"""Keep figures in notebook Markdown equal to the facts registry.

A Markdown cell writes a changing figure as ``<!--fakta:direktupphandlingsgrans_lou-->700 000 kr<!--/fakta-->``.
The comments are invisible in JupyterLab; the text between them is rewritten from the registry by
``python -m upphandlingskurs.content.fakta sync``, and ``... check`` (run by the tests) fails when any marker is stale.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat

from upphandlingskurs.content.fakta.registry import Registry, default_registry

MARKER = re.compile(r"<!--fakta:(?P<id>[a-z0-9_]+)-->(?P<text>.*?)<!--/fakta-->", re.DOTALL)
CODE_REF = re.compile(r"""fakta\(\s*["'](?P<id>[a-z0-9_]+)["']""")


def render(text: str, registry: Registry | None = None) -> str:
    registry = registry or default_registry()
    return MARKER.sub(lambda m: f"<!--fakta:{m['id']}-->{registry.get(m['id']).text}<!--/fakta-->", text)


def referenced_ids(text: str) -> set[str]:
    """Fact ids a text refers to, through Markdown markers or ``fakta("id")`` calls."""
    return {m["id"] for m in MARKER.finditer(text)} | {m["id"] for m in CODE_REF.finditer(text)}


def stale_markers(nb_path: Path, registry: Registry | None = None) -> list[str]:
    """Markers whose text differs from the registry (one Swedish line each)."""
    registry = registry or default_registry()
    nb = nbformat.read(nb_path, as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        for m in MARKER.finditer(cell.source):
            want = registry.get(m["id"]).text
            if m["text"] != want:
                out.append(f"{nb_path} cell {i}: '{m['text']}' ska vara '{want}' ({m['id']})")
    return out


def sync_notebook(nb_path: Path, registry: Registry | None = None) -> bool:
    """Rewrite stale markers in place; True when the file changed."""
    nb = nbformat.read(nb_path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            new = render(cell.source, registry)
            if new != cell.source:
                cell.source, changed = new, True
    if changed:
        nbformat.write(nb, nb_path)
    return changed
