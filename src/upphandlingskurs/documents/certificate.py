"""Course certificates (kursintyg) as accessible Swedish PDFs: name, completed modules with their hours,
date and issuer. ``kurs intyg`` decides who has completed what (from the gradebook); this module only writes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..content.curriculum import module_notebooks, planned_modules, read_meta
from ..format import date as format_date
from .pdf import esc, page, write_pdf

COURSE_TITLE = "Socialt ansvarsfull upphandling och IOP"
DEFAULT_ISSUER = "Göteborgsregionen (GR)"
SAFE = re.compile(r"[^a-z0-9._-]+")


class CertificateError(ValueError):
    """Bad input for a certificate (Swedish message)."""


@dataclass(frozen=True)
class CompletedModule:
    id: str          # "01"
    title: str
    minutes: int


@dataclass(frozen=True)
class Certificate:
    participant: str          # the participant's id (file name)
    name: str                 # the name printed on the certificate
    modules: list[CompletedModule] = field(default_factory=list)
    issued: date = field(default_factory=date.today)
    issuer: str = DEFAULT_ISSUER
    signer: str = ""          # e.g. the course leader's name and title

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.modules)


def hours(minutes: int) -> str:
    """45 → '45 minuter'; 60 → '1 timme'; 145 → '2 timmar och 25 minuter'."""
    h, m = divmod(int(minutes), 60)
    parts = ([f"{h} {'timme' if h == 1 else 'timmar'}"] if h else []) + ([f"{m} minuter"] if m or not h else [])
    return " och ".join(parts)


def module_catalogue(course_dirs: list[Path]) -> dict[str, CompletedModule]:
    """{"01": CompletedModule(...)} for every module with a notebook, with its time (reading + exercise) from the
    notebook's metadata; titles from kursplan.yaml. The first folder in ``course_dirs`` that exists wins."""
    titles = {m.id: m.titel for m in planned_modules()}
    for d in course_dirs:
        notebooks = module_notebooks(d) if Path(d).is_dir() else {}
        if notebooks:
            out = {}
            for nn, path in notebooks.items():
                meta = read_meta(path)
                out[nn] = CompletedModule(nn, titles.get(nn, meta.titel), meta.tid_lasning_min + meta.tid_ovning_min)
            return out
    raise CertificateError("Hittar inga moduler (course/NN_*.ipynb) att hämta modulernas tid från.")


def certificate_html(cert: Certificate) -> str:
    if not cert.name.strip():
        raise CertificateError(f"Deltagaren '{cert.participant}' har inget namn. Lägg till förnamn och efternamn i "
                               "deltagarlistan (--deltagare) eller i betygsboken.")
    if not cert.modules:
        raise CertificateError(f"Deltagaren '{cert.participant}' har inga avklarade moduler; inget intyg skrivs.")
    rows = "".join(f"<tr><td>Modul {esc(m.id)}</td><td>{esc(m.title)}</td><td>{esc(hours(m.minutes))}</td></tr>"
                   for m in cert.modules)
    signer = f"<p>{esc(cert.signer)}</p>" if cert.signer else ""
    body = (
        f"<h1>Kursintyg</h1>"
        f'<p class="namn">{esc(cert.name)}</p>'
        f"<p>har genomfört följande moduler i kursen <strong>{esc(COURSE_TITLE)}</strong>, en kurs för "
        f"kommunerna i Göteborgsregionen. En modul räknas som genomförd när deltagaren har lämnat in modulens "
        f"övning och övningen har rättats.</p>"
        f'<table><caption>Genomförda moduler</caption><thead><tr><th scope="col">Modul</th><th scope="col">Innehåll'
        f'</th><th scope="col">Tid</th></tr></thead><tbody>{rows}</tbody>'
        f'<tfoot><tr><th scope="row" colspan="2">Sammanlagt</th><td>{esc(hours(cert.minutes))}</td></tr></tfoot>'
        f"</table>"
        f'<p class="utfardat">Utfärdat {esc(format_date(cert.issued))} av {esc(cert.issuer)}.</p>{signer}'
        f'<p class="kalla">Tiden per modul är kursens beräknade tid för läsning och övning.</p>'
    )
    css = (".namn { font-size: 20pt; font-weight: bold; margin: 18pt 0 10pt; } h1 { font-size: 26pt; margin-top: 30mm; }"
           " caption { text-align: left; font-weight: bold; margin-bottom: 4pt; } .utfardat { margin-top: 16pt; }")
    return page(f"Kursintyg – {cert.name}", body, css)


def write_certificate(cert: Certificate, folder: Path) -> Path:
    safe = SAFE.sub("_", cert.participant.casefold()).strip("._") or "deltagare"
    return write_pdf(certificate_html(cert), Path(folder) / f"kursintyg_{safe}.pdf")
