"""`kurs` – the instructor's tool: hand out, collect, grade, give feedback and export (issue 6).

Each subcommand is one thing the instructor does and calls one module in ``upphandlingskurs.grading``.
All text the instructor reads is Swedish.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import webbrowser
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich import box
from rich.table import Table

from .grading.course import Course, CourseError, find_root

# --- Swedish help texts for the CLI library's own labels -------------------------------------------
try:  # typer's rich help panels
    from typer import rich_utils as _ru

    _ru.ARGUMENTS_PANEL_TITLE = "Argument"
    _ru.OPTIONS_PANEL_TITLE = "Val"
    _ru.COMMANDS_PANEL_TITLE = "Kommandon"
    _ru.ERRORS_PANEL_TITLE = "Fel"
    _ru.ABORTED_TEXT = "Avbrutet."
    _ru.DEFAULT_STRING = "[standard: {}]"
    _ru.REQUIRED_LONG_STRING = "[krävs]"
    _ru.RICH_HELP = "Skriv [blue]'{command_path} {help_option}'[/] för hjälp."
except Exception:  # pragma: no cover - labels only
    pass

HELP_TEXT = "Visa den här hjälpen och avsluta."

app = typer.Typer(
    name="kurs",
    help="Kursledarens verktyg för övningarna: dela ut, samla in, rätta, ge återkoppling och exportera.\n\n"
         "Kör kommandona i kursens mapp (där nbgrader_config.py finns), eller ange mappen med --kurs.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help", "--hjalp"]},
)
console = Console(highlight=False)
err = Console(stderr=True, highlight=False)

KursOption = typer.Option(None, "--kurs", help="Kursens mapp. Standard: den här mappen eller en mapp ovanför.",
                          show_default=False)


def _patch_help_option() -> None:
    """The library's '--help' text in Swedish."""
    try:
        from typer._click import core as _core
    except Exception:  # pragma: no cover
        return
    original = _core.Command.get_help_option

    def get_help_option(self, ctx):
        opt = original(self, ctx)
        if opt is not None:
            opt.help = HELP_TEXT
        return opt

    if not getattr(_core.Command.get_help_option, "_kurs", False):
        get_help_option._kurs = True
        _core.Command.get_help_option = get_help_option


_patch_help_option()


def _course(kurs: Optional[Path]) -> Course:
    try:
        return Course(find_root(kurs))
    except CourseError as e:
        _fail(str(e))


def _fail(message: str, code: int = 1):
    err.print(f"[bold red]Fel:[/] {message}")
    raise typer.Exit(code)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=False)


def _module_arg(help_text: str = "Modulen, till exempel 00_kom_igang."):
    return typer.Argument(..., help=help_text, show_default=False)


def _fmt(x) -> str:
    if x is None:
        return "–"
    return f"{x:g}".replace(".", ",")


# --- oversikt -----------------------------------------------------------------------------------------
def _roster(deltagare: Optional[Path]):
    """The participant list (CSV) as ``collect.Participant``s, or [] without one; Swedish message when bad."""
    from .grading import collect

    if deltagare is None:
        return []
    if not deltagare.is_file():
        _fail(f"Deltagarlistan {deltagare} finns inte.")
    try:
        return collect.read_participants(deltagare)
    except CourseError as e:
        _fail(str(e))


DeltagareOption = typer.Option(None, "--deltagare", help="Deltagarlistan (CSV, kolumnen id): räkna också dem som "
                               "inte har lämnat in något.")


def _question_table(course: Course, module: str, ids: list[str]) -> Table:
    from .grading.overview import question_results

    results = question_results(course, module, ids)
    table = Table(title=f"Resultat per fråga: {module} (utan namn)", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                  caption="Full, Delvis, Noll: antal deltagare. Väntar: manuell rättning återstår. "
                          "Full (%): andel av de rättade med full poäng. Medel: medelpoäng.")
    table.add_column("Fråga", no_wrap=True)
    for col in ("Max", "Full", "Delvis", "Noll", "Väntar", "Ej\nrättad", "Ej in-\nlämnad", "Full\n(%)", "Medel"):
        table.add_column(col, justify="right", min_width=max(len(w) for w in col.split()))
    for r in results:
        table.add_row(r.question, _fmt(r.max_score), str(r.full), str(r.partial), str(r.zero),
                      str(r.pending_manual), str(r.not_graded), str(r.not_submitted), _fmt(r.share_full),
                      _fmt(r.mean))
    return table


@app.command("oversikt")
def oversikt(
    modul: Optional[list[str]] = typer.Option(None, "--modul", "-m", help="Visa också resultatet per fråga för den "
                                              "här modulen (kan anges flera gånger)."),
    deltagare: Optional[Path] = DeltagareOption,
    kurs: Optional[Path] = KursOption,
):
    """Visa kursens moduler och deltagare: inlämnat, rättat, ej rättat och vad som väntar på manuell rättning.
    Med --modul också resultatet per fråga (full, delvis och noll poäng), utan namn."""
    from .grading.overview import overview
    from .grading.sandbox import describe_mode

    course = _course(kurs)
    roster = _roster(deltagare)
    try:
        rows, participants = overview(course)
        participants = sorted(set(participants) | {p.id for p in roster})
        tables = [_question_table(course, course.check_module(m), [p.id for p in roster]) for m in modul or []]
    except CourseError as e:
        _fail(str(e))
    table = Table(title="Kursens läge", caption=str(course.root))
    table.add_column("Modul", overflow="fold", min_width=12)
    for col in ("Inlämnat", "Rättat", "Ej rättat", "Väntar på manuell rättning", "Återkoppling"):
        table.add_column(col, justify="right")
    for r in rows:
        table.add_row(r.module, str(r.submitted), str(r.graded), str(r.not_graded), str(r.pending_manual),
                      str(r.feedback))
    console.print(table)
    console.print(f"Deltagare ({len(participants)}): " + (", ".join(participants) if participants else "inga än"))
    for t in tables:
        console.print(t)
    console.print(describe_mode())


# --- dela-ut ------------------------------------------------------------------------------------------
@app.command("dela-ut")
def dela_ut(
    modul: str = _module_arg(),
    till_mapp: Optional[Path] = typer.Option(None, "--till-mapp", help="Skapa en zip-fil i den här mappen "
                                             "(för e-post eller lärplattform) i stället för att dela ut på JupyterHub."),
    om: bool = typer.Option(False, "--om", help="Dela ut igen fast modulen redan är utdelad."),
    kurs: Optional[Path] = KursOption,
):
    """Dela ut en övning till deltagarna (JupyterHub), eller som zip-fil att skicka."""
    from .grading import release

    course = _course(kurs)
    try:
        course.check_module(modul)
        if till_mapp is not None:
            archive = release.release_folder(course, modul, till_mapp)
            console.print(f"[green]Klart:[/] {archive} – skicka den eller lägg upp den på lärplattformen.")
            return
        if om:
            release.unrelease_exchange(course, modul)
        release.release_exchange(course, modul)
    except CourseError as e:
        _fail(str(e))
    console.print(f"[green]Klart:[/] {modul} är utdelad. Deltagarna hämtar den under Nbgrader → Assignment List.")


# --- samla-in -----------------------------------------------------------------------------------------
@app.command("samla-in")
def samla_in(
    modul: str = _module_arg(),
    fran_mapp: Optional[Path] = typer.Option(None, "--fran-mapp", help="En mapp med filer som deltagarna har "
                                             "mejlat eller som lärplattformen har exporterat (även zip-filer)."),
    deltagare: Optional[Path] = typer.Option(None, "--deltagare", help="Deltagarlistan (CSV) med kolumnerna id, "
                                             "förnamn, efternamn, e-post och gärna alias. Krävs med --fran-mapp."),
    kurs: Optional[Path] = KursOption,
):
    """Samla in inlämningar från JupyterHub, eller från en mapp med mejlade eller exporterade filer."""
    from .grading import collect

    course = _course(kurs)
    try:
        course.check_module(modul)
        if fran_mapp is None:
            with console.status("Samlar in från JupyterHub …"):
                rep = collect.collect_exchange(course, modul)
        else:
            if deltagare is None:
                _fail("Ange deltagarlistan med --deltagare deltagare.csv, så att filerna kan kopplas till rätt person.")
            people = collect.read_participants(deltagare)
            with console.status(f"Läser filerna i {fran_mapp} …"):
                rep = collect.collect_folder(course, modul, fran_mapp, people)
    except CourseError as e:
        _fail(str(e))
    table = Table(title=f"Insamlat för {modul}")
    table.add_column("Deltagare")
    table.add_column("Fil")
    table.add_column("Anmärkning")
    for pid, src in sorted(rep.collected.items()):
        note = f"ersatte en tidigare inlämning (sparad i {rep.replaced[pid]})" if pid in rep.replaced else ""
        if rep.extra.get(pid):
            note = (note + "; " if note else "") + "fler filer sparade: " + ", ".join(rep.extra[pid])
        table.add_row(pid, src, note)
    console.print(table)
    console.print(f"Nya eller ändrade: {len(rep.collected)}. Oförändrade: {len(rep.unchanged)}.")
    if rep.unmatched:
        warn = Table(title="[bold yellow]Filer som inte kunde kopplas till någon deltagare[/]")
        warn.add_column("Fil")
        warn.add_column("Orsak")
        for name, why in sorted(rep.unmatched.items()):
            warn.add_row(name, why)
        console.print(warn)
        console.print(f"De har kopierats till {rep.unmatched_dir}. Lägg till ett alias i deltagarlistan "
                      "eller flytta filen till submitted/<deltagare>/<modul>/ och kör igen.")


# --- rätta --------------------------------------------------------------------------------------------
def _ratta(moduler, deltagare, parallellt, tidsgrans, om, kurs):
    from .grading.autograde import Settings, grade_modules
    from .grading.report import NOT_GRADED
    from .grading.sandbox import describe_mode, sandbox_mode

    course = _course(kurs)
    moduler = list(moduler)
    if moduler == ["alla"]:
        moduler = course.modules()
    modul = ", ".join(moduler)
    mode = sandbox_mode()
    console.print(("" if mode == "bwrap" else "[bold yellow]") + describe_mode(mode))
    settings = Settings(cell_timeout=tidsgrans)
    with _progress() as progress:
        task = progress.add_task(f"Rättar {modul}", total=None)

        def on_start(n):
            progress.update(task, total=n)

        def on_done(o):
            if not o.kept:
                progress.advance(task)
                mark = "[red]✗[/]" if o.status == NOT_GRADED else "[green]✓[/]"
                progress.console.print(f"{mark} {o.module} {o.participant}: {o.status}"
                                       + (f", {_fmt(o.points)} av {_fmt(o.max_points)} poäng" if o.points is not None else ""))
        try:
            outcomes = grade_modules(course, moduler, list(deltagare or []) or None, workers=parallellt,
                                    settings=settings, force=om, on_start=on_start, on_done=on_done)
        except CourseError as e:
            _fail(str(e))
    table = Table(title=f"Rättning av {modul}")
    many = len(moduler) > 1
    for col in (["Modul"] if many else []) + ["Deltagare", "Status", "Poäng", "Max", "Anmärkningar"]:
        table.add_column(col, overflow="fold")
    for o in outcomes:
        style = "red" if o.status == NOT_GRADED else ("yellow" if o.reasons else "")
        table.add_row(*([o.module] if many else []), o.participant, o.status, _fmt(o.points), _fmt(o.max_points),
                      "\n".join(o.reasons), style=style)
    console.print(table)
    failed = [o for o in outcomes if o.status == NOT_GRADED]
    skipped = sum(o.kept for o in outcomes)
    console.print(f"{len(outcomes) - len(failed)} rättade, {len(failed)} gick inte att rätta "
                  f"({skipped} var oförändrade sedan förra gången och rättades inte om).")
    if failed:
        console.print("De som inte gick att rätta finns kvar i submitted/. Be deltagaren lämna in igen, "
                      "eller rätta för hand i formgradern.")
    if not outcomes:
        console.print(f"Inga inlämningar av {modul} i submitted/. Kör först: kurs samla-in {modul}")


MODULES_ARG = typer.Argument(..., help="En eller flera moduler, till exempel 00_kom_igang, eller 'alla'.",
                             show_default=False)


@app.command("rätta")
def ratta(
    modul: list[str] = MODULES_ARG,
    deltagare: Optional[list[str]] = typer.Option(None, "--deltagare", "-d", help="Rätta bara den här "
                                                  "deltagaren (kan anges flera gånger)."),
    parallellt: int = typer.Option(max(1, os.cpu_count() or 1), "--parallellt", "-p", min=1,
                                   help="Antal inlämningar som rättas samtidigt."),
    tidsgrans: int = typer.Option(60, "--tidsgrans", min=1, help="Längsta tid i sekunder som en cell får köra."),
    om: bool = typer.Option(False, "--om", help="Rätta om alla, även oförändrade inlämningar som redan är rättade. "
                            "Manuella poäng finns kvar i betygsboken men markeras för ny granskning."),
    kurs: Optional[Path] = KursOption,
):
    """Rätta automatiskt, varje deltagare för sig och i en sandlåda. En trasig inlämning stoppar inte de andra."""
    _ratta(modul, deltagare, parallellt, tidsgrans, om, kurs)


# ASCII and English spellings of the same command (same options and help, hidden from the list).
app.command("ratta", hidden=True)(ratta)
app.command("autograde", hidden=True)(ratta)


# --- formgrader ---------------------------------------------------------------------------------------
def formgrader_command(course: Course, port: int, open_browser: bool, token: str = "") -> list[str]:
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={course.root}", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", "--ServerApp.default_url=/formgrader"]
    if token:
        cmd.append(f"--IdentityProvider.token={token}")
    if not open_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd


@app.command("formgrader")
def formgrader(
    port: int = typer.Option(8888, "--port", help="Porten på den här datorn."),
    ingen_webblasare: bool = typer.Option(False, "--ingen-webblasare", help="Öppna inte webbläsaren."),
    kurs: Optional[Path] = KursOption,
):
    """Öppna formgradern för manuell rättning av fritextsvaren (stäng med Ctrl + C)."""
    import secrets

    course = _course(kurs)
    token = secrets.token_hex(16)
    console.print(f"Formgradern öppnas på [bold]http://127.0.0.1:{port}/formgrader?token={token}[/]\n"
                  "Stäng med Ctrl + C. Bedömningsmallen för varje fritextfråga står i lösningen i solutions/.")
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    try:
        subprocess.run(formgrader_command(course, port, not ingen_webblasare, token), cwd=course.root, env=env)
    except KeyboardInterrupt:
        pass


# --- återkoppling -------------------------------------------------------------------------------------
def _aterkoppling(modul, deltagare, dela_ut, kurs):
    from .grading import feedback

    course = _course(kurs)
    with _progress() as progress:
        task = progress.add_task(f"Skapar återkoppling för {modul}", total=None)
        try:
            rep = feedback.generate(course, modul, list(deltagare or []) or None, release=dela_ut,
                                    on_start=lambda n: progress.update(task, total=n),
                                    on_done=lambda p, ok: progress.advance(task))
        except CourseError as e:
            _fail(str(e))
    console.print(f"Återkoppling skapad för {len(rep.written)} deltagare i feedback/<deltagare>/{modul}/ "
                  "(HTML, utan dolda tester).")
    for p, why in sorted(rep.failed.items()):
        console.print(f"[red]✗[/] {p}: {why}")
    if rep.released:
        console.print("Återkopplingen är utdelad på JupyterHub (Nbgrader → Assignment List → Fetch Feedback).")
    elif rep.written:
        console.print("Skicka HTML-filerna till deltagarna, eller kör igen med --dela-ut på JupyterHub.")
    if not rep.written and not rep.failed:
        console.print(f"Inga rättade inlämningar av {modul}. Kör först: kurs rätta {modul}")


@app.command("återkoppling")
def aterkoppling(
    modul: str = _module_arg(),
    deltagare: Optional[list[str]] = typer.Option(None, "--deltagare", "-d", help="Bara den här deltagaren."),
    dela_ut: bool = typer.Option(False, "--dela-ut", help="Dela ut återkopplingen på JupyterHub."),
    kurs: Optional[Path] = KursOption,
):
    """Skapa återkoppling på svenska (HTML) utan de dolda testerna."""
    _aterkoppling(modul, deltagare, dela_ut, kurs)


@app.command("aterkoppling", hidden=True)
def aterkoppling_ascii(modul: str = _module_arg(),
                       deltagare: Optional[list[str]] = typer.Option(None, "--deltagare", "-d"),
                       dela_ut: bool = typer.Option(False, "--dela-ut"), kurs: Optional[Path] = KursOption):
    """Samma som 'återkoppling' (utan å)."""
    _aterkoppling(modul, deltagare, dela_ut, kurs)


# --- exportera ----------------------------------------------------------------------------------------
@app.command("exportera")
def exportera(
    till: Path = typer.Option(Path("resultat"), "--till", help="Mappen som filerna skrivs till."),
    modul: Optional[list[str]] = typer.Option(None, "--modul", "-m", help="Bara den här modulen (kan anges flera gånger)."),
    deltagare: Optional[Path] = DeltagareOption,
    kurs: Optional[Path] = KursOption,
):
    """Exportera resultaten till CSV och Excel (.xlsx) med en sammanfattning per deltagare och ett blad per modul
    med resultatet per fråga."""
    from .grading.export import export

    course = _course(kurs)
    roster = _roster(deltagare)
    target = till if till.is_absolute() else Path.cwd() / till
    try:
        with console.status("Exporterar …"):
            files = export(course, target, list(modul or []) or None, roster=roster)
    except CourseError as e:
        _fail(str(e))
    console.print(f"[green]Klart:[/] {files.rows} rader.\n  {files.xlsx}\n  {files.results_csv}\n  {files.summary_csv}")
    console.print("Filerna innehåller personuppgifter: spara dem inte i git och radera dem när de inte behövs.")


# --- material -----------------------------------------------------------------------------------------
@app.command("material")
def material(
    till: Path = typer.Option(Path("material"), "--till", help="Mappen som materialet skrivs till (git sparar den inte)."),
    kurs: Optional[Path] = KursOption,
):
    """Skriv tryckmaterialet för en workshop som PDF: sammanfattningar, lagrumskarta, fallkort, diskussionskort och
    bildspel per modul (från celler med taggen 'bild')."""
    from .documents import printables, slides
    from .documents.pdf import PdfError
    from .widgets.iop import QUESTIONS

    root = kurs.resolve() if kurs else Path(__file__).resolve().parents[2]
    if not (root / "course").is_dir():
        _fail(f"Hittar inte mappen course/ i {root}. Kör kommandot i kursens mapp eller ange den med --kurs.")
    target = till if till.is_absolute() else Path.cwd() / till
    try:
        with console.status("Skriver tryckmaterialet …"):
            files = printables.build(root, target, [q for _name, _label, q in QUESTIONS])
            decks = slides.build(root / "course", target / "bilder")
    except PdfError as e:
        _fail(str(e))
    from .content.reporting_template import TEMPLATE_STEM, write_template

    template = write_template(target / f"{TEMPLATE_STEM}.xlsx")
    console.print(f"[green]Klart:[/] {len(files)} PDF-filer och {len(decks)} bildspel i {target}, och "
                  f"leverantörernas rapportmall ({template.name}).")
    if not decks:
        console.print("Inga bildspel: ingen cell i course/ har taggen 'bild'. Kör "
                      "`python -m upphandlingskurs.documents.slides tagga course` först.")


# --- rapportmall ---------------------------------------------------------------------------------------
@app.command("rapportmall")
def rapportmall(
    till: Path = typer.Option(Path("."), "--till", help="Mappen som mallen skrivs till."),
    skriv_over: bool = typer.Option(False, "--skriv-over", help="Ersätt en mall som redan finns i mappen."),
):
    """Skriv leverantörernas rapportmall för sysselsättningskrav (Excel): samma kolumner som kravbilagan
    (Kravbyggaren i modul 02) begär och som uppföljningen i modul 04 läser. Skicka den till leverantören med
    avtalet."""
    from .content.reporting_template import TEMPLATE_STEM, write_template

    folder = till if till.is_absolute() else Path.cwd() / till
    target = folder / f"{TEMPLATE_STEM}.xlsx"
    if folder.exists() and not folder.is_dir():
        _fail(f"{folder} är en fil, inte en mapp. Ange en mapp med --till.")
    if target.exists() and not skriv_over:
        _fail(f"Det finns redan en mall i {target}. Den kan innehålla ifyllda uppgifter, så den lämnas orörd. "
              "Välj en annan mapp med --till, eller ersätt den med --skriv-over.")
    try:
        path = write_template(target)
    except OSError as e:
        _fail(f"Mallen gick inte att skriva i {folder}: {e.strerror or e}.")
    console.print(f"[green]Klart:[/] {path}")
    console.print("Fliken 'Så fyller du i' förklarar varje kolumn. Mallen har inga personuppgifter och ska inte "
                  "få några: leverantören rapporterar antal, inte namn.")


# --- intyg --------------------------------------------------------------------------------------------
COMPLETED = ("klar", "väntar på manuell rättning")


@app.command("intyg")
def intyg(
    till: Path = typer.Option(Path("intyg"), "--till", help="Mappen som intygen skrivs till (git sparar den inte)."),
    deltagare: Optional[Path] = typer.Option(None, "--deltagare", help="Deltagarlistan (CSV) med namnen; annars "
                                             "namnen i betygsboken."),
    utfardare: str = typer.Option("Göteborgsregionen (GR)", "--utfardare", help="Den som utfärdar intyget."),
    undertecknare: str = typer.Option("", "--undertecknare", help="Namn och titel under intyget, till exempel "
                                      "kursledaren."),
    datum: Optional[str] = typer.Option(None, "--datum", help="Intygets datum, ÅÅÅÅ-MM-DD. Standard: i dag."),
    kurs: Optional[Path] = KursOption,
):
    """Skriv ett kursintyg (PDF) per deltagare: namn, de moduler deltagaren har lämnat in och fått rättade (med
    minst en poäng), med modulernas tid, datum och utfärdare."""
    from datetime import date as _date

    from .documents import certificate as cert
    from .documents.pdf import PdfError
    from .grading.export import people_on_record, result_rows

    course = _course(kurs)
    roster = _roster(deltagare)
    try:
        issued = _date.fromisoformat(datum) if datum else _date.today()
    except ValueError:
        _fail(f"Datumet '{datum}' ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-12-01.")
    try:
        catalogue = cert.module_catalogue([course.path("course"), Path(__file__).resolve().parents[2] / "course"])
        rows = result_rows(course)
        people = people_on_record(course, roster)
    except (CourseError, cert.CertificateError) as e:
        _fail(str(e))
    done: dict[str, list[str]] = {}
    for r in rows:
        if r["Status"] in COMPLETED and (r["Poäng"] or 0) > 0 and r["Modul"][:2] in catalogue:
            done.setdefault(r["Deltagare"], []).append(r["Modul"][:2])
    target = till if till.is_absolute() else Path.cwd() / till
    written, skipped = [], []
    for pid in sorted(set(people) | set(done)):
        names = people.get(pid, {})
        name = f"{names.get('Förnamn', '')} {names.get('Efternamn', '')}".strip()
        mods = sorted(set(done.get(pid, [])))
        if not mods:
            skipped.append(f"{pid}: ingen inlämnad och rättad modul")
            continue
        c = cert.Certificate(pid, name, [catalogue[m] for m in mods], issued, utfardare, undertecknare)
        try:
            written.append(cert.write_certificate(c, target))
        except cert.CertificateError as e:
            skipped.append(str(e))
        except PdfError as e:
            _fail(str(e))
    console.print(f"[green]Klart:[/] {len(written)} intyg i {target}." if written else
                  "Inga intyg skrevs.")
    for s_ in skipped:
        console.print(f"  [yellow]Inget intyg:[/] {s_}")
    if written:
        console.print("Intygen innehåller personuppgifter: spara dem inte i git.")


# --- exempelsvar --------------------------------------------------------------------------------------
@app.command("exempelsvar")
def exempelsvar(
    modul: str = _module_arg("Modulen, till exempel 03 eller 03_iop."),
    dra_tillbaka: bool = typer.Option(False, "--dra-tillbaka", help="Ta bort exempelsvar som redan är släppta."),
    kurs: Optional[Path] = KursOption,
):
    """Släpp exempelsvaren till en moduls fritextfrågor, så att deltagarna på JupyterHub kan jämföra sina svar."""
    from .widgets import example_answer as ea

    course = _course(kurs)
    try:
        nn = ea.module_number(modul)
        solution = ea.solution_notebook(nn, course.path("solutions"))
        if solution is None:
            _fail(f"Modulen '{modul}' finns inte. Moduler: {', '.join(course.modules()) or 'inga'}.")
        cfg = course.config()
        target = ea.release_path(nn, exchange=cfg.Exchange.root or None, course_id=course.course_id)
        if dra_tillbaka:
            removed = ea.withdraw(target)
            console.print(f"[green]Klart:[/] exempelsvaren för modul {nn} är indragna." if removed
                          else f"Exempelsvaren för modul {nn} var inte släppta.")
            return
        path = ea.release(solution, target, nn)
    except (ea.ExampleAnswerError, CourseError) as e:
        _fail(str(e))
    except PermissionError as e:
        _fail(f"Får inte skriva {e.filename}. Kör kommandot som kursledare på servern.")
    console.print(f"[green]Klart:[/] exempelsvaren för modul {nn} är släppta ({path}). Deltagarna ser dem "
                  "med knappen Visa exempelsvar när de har skrivit och sparat sina egna svar.")


def main() -> None:
    app(prog_name="kurs")


if __name__ == "__main__":
    main()
