"""Documents participants take home: an outline built in a widget, written as .docx, .md or .html.

Used by module 03 (IOP agreement outline) and module 05 (local action plan):

    from upphandlingskurs.documents.writer import Section, write_document
    path = write_document("Utkast till IOP", [Section("Parter", ["Lerums kommun och …"], ["punkt 1"])],
                          "mina_dokument/iop_utkast.docx", "docx")

A document is a title plus sections; a section is a heading, paragraphs and bullet points.
Word files are written with python-docx (a maintained library), Markdown and HTML by small
renderers below. Text is treated as plain text typed by a participant: it is escaped for HTML
and Markdown, and line breaks inside a paragraph are kept.
"""
from __future__ import annotations

import base64
import datetime as _dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Sequence

Format = Literal["docx", "md", "html"]
FORMATS: tuple[str, ...] = ("docx", "md", "html")
FORMAT_LABELS = {"docx": "Word (.docx)", "md": "Markdown (.md)", "html": "Webbsida (.html)"}
MIME_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "md": "text/markdown", "html": "text/html"}


@dataclass
class Section:
    """One part of a document: a heading, then paragraphs, then bullet points.

    ``level`` 1 is a main heading (Word: Rubrik 1, Markdown ``##``, HTML ``<h2>``); 2 is a heading under it."""
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    level: int = 1

    def __post_init__(self):
        # Accept a single string where a list is expected (a common slip when building sections).
        if isinstance(self.paragraphs, str):
            self.paragraphs = [self.paragraphs]
        if isinstance(self.bullets, str):
            self.bullets = [self.bullets]
        self.paragraphs = [str(p) for p in self.paragraphs if str(p).strip()]
        self.level = min(max(int(self.level), 1), 3)
        self.bullets = [str(b) for b in self.bullets if str(b).strip()]


def _check_format(fmt: str) -> str:
    fmt = str(fmt).lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown document format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


# -- Markdown --------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
_MD_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)", re.M)


def _md_escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text.strip())
    text = _MD_LINE_START.sub(lambda m: m[1] + "\\" + m[2] + m[3], text)
    return text.replace("\n", "  \n")  # keep line breaks inside a paragraph


def render_markdown(title: str, sections: Sequence[Section]) -> str:
    lines = [f"# {_md_escape(title)}", ""]
    for s in sections:
        lines += [f"{'#' * (s.level + 1)} {_md_escape(s.heading)}", ""]
        for p in s.paragraphs:
            lines += [_md_escape(p), ""]
        if s.bullets:
            lines += [f"- {_md_escape(b)}" for b in s.bullets] + [""]
    return "\n".join(lines).rstrip() + "\n"


# -- HTML ------------------------------------------------------------------------------------
def _html_text(text: str) -> str:
    return html.escape(text.strip()).replace("\n", "<br>\n")


def render_html(title: str, sections: Sequence[Section]) -> str:
    body = [f"<h1>{_html_text(title)}</h1>"]
    for s in sections:
        body.append(f"<h{s.level + 1}>{_html_text(s.heading)}</h{s.level + 1}>")
        body += [f"<p>{_html_text(p)}</p>" for p in s.paragraphs]
        if s.bullets:
            body.append("<ul>\n" + "\n".join(f"  <li>{_html_text(b)}</li>" for b in s.bullets) + "\n</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title.strip())}</title>\n"
            "<style>body{font-family:sans-serif;max-width:45em;margin:2em auto;line-height:1.5;padding:0 1em}</style>\n"
            "</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


# -- Word ------------------------------------------------------------------------------------
def _write_docx(title: str, sections: Sequence[Section], path: Path) -> None:
    import docx  # python-docx; imported here so that md/html work without it

    doc = docx.Document()
    props = doc.core_properties
    props.title = title.strip()
    props.language = "sv-SE"
    props.created = _dt.datetime.now()
    doc.add_heading(title.strip(), level=0)
    for s in sections:
        doc.add_heading(s.heading.strip(), level=s.level)
        for p in s.paragraphs:
            doc.add_paragraph(p.strip())  # python-docx turns "\n" into a line break
        for b in s.bullets:
            doc.add_paragraph(b.strip(), style="List Bullet")
    doc.save(str(path))


def write_document(title: str, sections: Sequence[Section], path: str | Path, fmt: Format = "docx") -> Path:
    """Write ``title`` and ``sections`` to ``path`` as Word (docx), Markdown (md) or HTML.

    The file gets the format's suffix if ``path`` has another one; missing folders are created.
    Returns the path of the written file.
    """
    fmt = _check_format(fmt)
    if not str(title).strip():
        raise ValueError("a document needs a title")
    path = Path(path)
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(path.name + f".{fmt}") if path.suffix == "" else path.with_suffix(f".{fmt}")
    path.parent.mkdir(parents=True, exist_ok=True)
    sections = list(sections)
    if fmt == "docx":
        _write_docx(title, sections, path)
    elif fmt == "md":
        path.write_text(render_markdown(title, sections), encoding="utf-8")
    else:
        path.write_text(render_html(title, sections), encoding="utf-8")
    return path


def unique_path(folder: str | Path, stem: str, fmt: str, day: _dt.date | None = None) -> Path:
    """``folder/<stem>_<ÅÅÅÅ-MM-DD>.<fmt>``, with ``_2``, ``_3`` … so an earlier file is never overwritten."""
    fmt = _check_format(fmt)
    day = day or _dt.date.today()
    folder = Path(folder)
    base = f"{stem}_{day.isoformat()}"
    candidate = folder / f"{base}.{fmt}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}_{n}.{fmt}"
        n += 1
    return candidate


def download_link_html(path: str | Path, label: str | None = None) -> str:
    """An HTML link that downloads the file from the browser (the file is embedded as a data: URI).

    Works the same in JupyterLab, Notebook and on JupyterHub, whatever the server's URL or root folder.
    Meant for small documents (a few hundred kB at most).
    """
    path = Path(path)
    mime = MIME_TYPES.get(path.suffix.lower().lstrip("."), "application/octet-stream")
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    text = html.escape(label or f"Ladda ner {path.name}")
    return (f'<a download="{html.escape(path.name)}" href="data:{mime};base64,{data}" '
            f'style="font-weight:bold;text-decoration:underline">\u2b07\ufe0f {text}</a>')
