"""Module 02: award evaluation with a social criterion – the logic behind *Utvärderingssimulatorn*.

Two common ways to weigh price against quality (16 kap. 1 § LOU, "bästa förhållandet mellan pris och kvalitet"):

* **Viktade poäng** – price is turned into points (lowest price ÷ the tender's price × 10), quality and the
  social criterion are scored 0–10, and the weighted sum decides. The weights must add up to 100 %.
* **Mervärdesavdrag** – each quality point is worth a deduction in kronor from the tendered price; the lowest
  comparison price (jämförelsepris) wins.

Both results are linear in the weight (or the deduction) of the social criterion, so the points where the
winner changes are found exactly as crossings of straight lines.
"""
from __future__ import annotations

from dataclasses import dataclass

from upphandlingskurs import format as fmt
from upphandlingskurs.parsing import InputError, parse_number

MAX_POINTS = 10
TOL = 1e-9


@dataclass(frozen=True)
class Tender:
    name: str
    price: float  # kr
    quality: float  # points 0–10
    social: float  # points 0–10


@dataclass(frozen=True)
class Row:
    name: str
    price: float
    score: float  # total points (weights) or comparison price in kr (deduction)
    rank: int


@dataclass(frozen=True)
class Segment:
    """On [start, end] of the varied parameter, ``winners`` win (more than one name = a tie)."""
    start: float
    end: float
    winners: tuple[str, ...]


# --- input ------------------------------------------------------------------------------------------
def validate_tenders(tenders: list[Tender]) -> list[Tender]:
    if not 2 <= len(tenders) <= 4:
        raise InputError(f"Skriv mellan 2 och 4 anbud. Nu finns {len(tenders)}.")
    names = [t.name.casefold() for t in tenders]
    if len(set(names)) != len(names):
        raise InputError("Två anbud har samma namn. Ge varje anbud ett eget namn.")
    for t in tenders:
        if not t.name.strip():
            raise InputError("Ett anbud saknar namn.")
        if t.price <= 0:
            raise InputError(f"Anbud {t.name}: priset måste vara större än noll.")
        for label, v in (("kvalitetspoängen", t.quality), ("sociala poängen", t.social)):
            if not 0 <= v <= MAX_POINTS:
                raise InputError(f"Anbud {t.name}: {label} ska vara mellan 0 och {MAX_POINTS}.")
    return tenders


def parse_tenders(text: str) -> list[Tender]:
    """One tender per line: ``namn; pris i kr; kvalitetspoäng 0–10; social poäng 0–10``."""
    lines = [ln for ln in (text or "").splitlines() if ln.strip()]
    if not lines:
        raise InputError("Anbuden saknas. Skriv ett anbud per rad: namn; pris; kvalitetspoäng; social poäng.")
    tenders, errors = [], []
    for i, line in enumerate(lines, start=1):
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 4:
            errors.append(f"Rad {i}: skriv fyra delar med semikolon emellan (namn; pris; kvalitet; social). "
                          f"Du skrev \u201d{line.strip()}\u201d.")
            continue
        name, *numbers = parts
        try:
            price = float(parse_number(numbers[0], f"Rad {i}: priset", minimum=0))
            quality = float(parse_number(numbers[1], f"Rad {i}: kvalitetspoängen", minimum=0, maximum=MAX_POINTS))
            social = float(parse_number(numbers[2], f"Rad {i}: sociala poängen", minimum=0, maximum=MAX_POINTS))
        except InputError as e:
            errors.append(str(e))
            continue
        if not name:
            errors.append(f"Rad {i}: anbudet saknar namn.")
            continue
        tenders.append(Tender(name, price, quality, social))
    if errors:
        raise InputError("\n".join(errors))
    return validate_tenders(tenders)


def check_weights(w_price: float, w_quality: float, w_social: float) -> None:
    for label, w in (("Vikten för pris", w_price), ("Vikten för kvalitet", w_quality),
                     ("Vikten för det sociala kriteriet", w_social)):
        if w < 0:
            raise InputError(f"{label} kan inte vara negativ.")
    total = w_price + w_quality + w_social
    if abs(total - 100) > 1e-6:
        raise InputError(f"Vikterna måste tillsammans bli 100 %. Nu blir de {fmt.number(total, 1 if total % 1 else 0)} %.")


# --- the two models -----------------------------------------------------------------------------------
def price_points(tenders: list[Tender]) -> dict[str, float]:
    lowest = min(t.price for t in tenders)
    return {t.name: MAX_POINTS * lowest / t.price for t in tenders}


def _ranked(scores: dict[str, float], prices: dict[str, float], higher_is_better: bool) -> list[Row]:
    order = sorted(scores, key=lambda n: -scores[n] if higher_is_better else scores[n])
    rows, rank = [], 0
    for i, name in enumerate(order):
        if i == 0 or abs(scores[name] - scores[order[i - 1]]) > 1e-6:
            rank = i + 1
        rows.append(Row(name, prices[name], scores[name], rank))
    return rows


def weighted_scores(tenders: list[Tender], w_price: float, w_quality: float, w_social: float) -> list[Row]:
    """Rank by weighted points (0–10). Weights in percent, summing to 100."""
    validate_tenders(tenders)
    check_weights(w_price, w_quality, w_social)
    pp = price_points(tenders)
    scores = {t.name: (w_price * pp[t.name] + w_quality * t.quality + w_social * t.social) / 100 for t in tenders}
    return _ranked(scores, {t.name: t.price for t in tenders}, higher_is_better=True)


def comparison_prices(tenders: list[Tender], max_quality_deduction: float, max_social_deduction: float) -> list[Row]:
    """Rank by comparison price: price − (quality/10 × max quality deduction) − (social/10 × max social deduction)."""
    validate_tenders(tenders)
    if max_quality_deduction < 0 or max_social_deduction < 0:
        raise InputError("Avdragen kan inte vara negativa.")
    scores = {t.name: t.price - t.quality / MAX_POINTS * max_quality_deduction
              - t.social / MAX_POINTS * max_social_deduction for t in tenders}
    return _ranked(scores, {t.name: t.price for t in tenders}, higher_is_better=False)


def winners(rows: list[Row]) -> tuple[str, ...]:
    return tuple(r.name for r in rows if r.rank == 1)


# --- where the winner changes -------------------------------------------------------------------------
def _envelope(lines: dict[str, tuple[float, float]], lo: float, hi: float, maximise: bool) -> list[Segment]:
    """Winners of value = a + b·x over [lo, hi], as segments. ``lines`` = {name: (a, b)}."""
    cuts = {lo, hi}
    names = list(lines)
    for i, n in enumerate(names):
        for m in names[i + 1:]:
            (a1, b1), (a2, b2) = lines[n], lines[m]
            if abs(b1 - b2) > TOL:
                x = (a2 - a1) / (b1 - b2)
                if lo + TOL < x < hi - TOL:
                    cuts.add(x)
    xs = sorted(cuts)

    def best(x: float) -> tuple[str, ...]:
        vals = {n: a + b * x for n, (a, b) in lines.items()}
        target = max(vals.values()) if maximise else min(vals.values())
        return tuple(n for n in names if abs(vals[n] - target) <= 1e-7 * max(1.0, abs(target)))

    segments: list[Segment] = []
    for start, end in zip(xs, xs[1:]):
        w = best((start + end) / 2)
        if segments and segments[-1].winners == w:
            segments[-1] = Segment(segments[-1].start, end, w)
        else:
            segments.append(Segment(start, end, w))
    return segments


def weight_switches(tenders: list[Tender], w_price: float, w_quality: float, w_social: float) -> list[Segment]:
    """Winners as the social weight goes from 0 to 100 %, price and quality keeping their mutual ratio.

    Segment bounds are in percent of the social weight.
    """
    validate_tenders(tenders)
    check_weights(w_price, w_quality, w_social)
    rest = w_price + w_quality
    r = w_price / rest if rest > 0 else 1.0
    pp = price_points(tenders)
    lines = {}
    for t in tenders:
        base = r * pp[t.name] + (1 - r) * t.quality
        lines[t.name] = (base, (t.social - base) / 100)  # per percentage point of social weight
    return _envelope(lines, 0.0, 100.0, maximise=True)


def deduction_switches(tenders: list[Tender], max_quality_deduction: float, upper: float | None = None) -> list[Segment]:
    """Winners as the maximum social deduction goes from 0 kr to ``upper`` (default: the highest price)."""
    validate_tenders(tenders)
    upper = max(t.price for t in tenders) if upper is None else upper
    lines = {t.name: (t.price - t.quality / MAX_POINTS * max_quality_deduction, -t.social / MAX_POINTS)
             for t in tenders}
    return _envelope(lines, 0.0, upper, maximise=False)


def previous_switch(segments: list[Segment], current: float) -> float | None:
    """The last value at or below ``current`` where the winner changed, or None."""
    before = [s.start for s in segments[1:] if s.start <= current + TOL]
    return before[-1] if before else None


def switch_point(segments: list[Segment], current: float) -> float | None:
    """The first value above ``current`` where the winner changes, or None."""
    for s in segments:
        if s.start > current + TOL:
            return s.start
    return None


# --- text for the widget ----------------------------------------------------------------------------
def _names(ws: tuple[str, ...]) -> str:
    return ws[0] if len(ws) == 1 else " och ".join(ws) + " (lika)"


def _why(a: Tender, b: Tender) -> str:
    cheaper, dearer = (a, b) if a.price < b.price else (b, a)
    if dearer.social > cheaper.social:
        return (f"{cheaper.name} har lägre pris, men {dearer.name} har högre poäng på det sociala kriteriet "
                f"({fmt.number(dearer.social, 1)} mot {fmt.number(cheaper.social, 1)}). När det sociala kriteriet "
                f"väger tyngre blir försprånget för {dearer.name} på det sociala kriteriet större än det försprång "
                f"som {cheaper.name} har i övrigt (främst priset).")
    return (f"{a.name} och {b.name} skiljer sig i pris och poäng. När vikten eller avdraget ändras blir olika delar avgörande.")


COMMITMENT_NOTE = ("Det som leverantören erbjuder i anbudet och får poäng eller avdrag för, till exempel fler "
                   "platser, ska skrivas in i avtalet som ett bindande åtagande och följas upp.")


def weighted_markdown(tenders: list[Tender], w_price: float, w_quality: float, w_social: float) -> str:
    rows = weighted_scores(tenders, w_price, w_quality, w_social)
    segs = weight_switches(tenders, w_price, w_quality, w_social)
    pp = price_points(tenders)
    by = {t.name: t for t in tenders}
    out = [f"### Vinnare med era vikter: {_names(winners(rows))}", "",
           f"Vikter: pris {fmt.number(w_price)} %, kvalitet {fmt.number(w_quality)} %, socialt kriterium "
           f"{fmt.number(w_social)} %.", "",
           "| Placering | Anbud | Pris | Prispoäng | Kvalitet | Socialt | Totalpoäng |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        t = by[r.name]
        out.append(f"| {r.rank} | {r.name} | {fmt.kr(t.price)} | {fmt.number(pp[r.name], 2)} | "
                   f"{fmt.number(t.quality, 1)} | {fmt.number(t.social, 1)} | **{fmt.number(r.score, 2)}** |")
    out += ["", "Prispoäng = lägsta pris ÷ anbudets pris × 10. Det är en av flera modeller; valet av modell påverkar "
                "resultatet.", "", "**När byter vinnaren?** (den sociala vikten ändras, pris och kvalitet behåller "
                "sitt inbördes förhållande)", ""]
    for s in segs:
        out.append(f"- social vikt {fmt.number(s.start, 1)}–{fmt.number(s.end, 1)} %: **{_names(s.winners)}** vinner")
    nxt = switch_point(segs, w_social)
    if len(segs) == 1:
        out += ["", f"Vinnaren är densamma oavsett social vikt: {_names(segs[0].winners)}."]
    out += _switch_sentences(by, segs, w_social, nxt, "den sociala vikten", "över", lambda v: f"{fmt.number(v, 1)} %")
    out += ["", "*Tilldelning på grundval av bästa förhållandet mellan pris och kvalitet, med kriterier som är "
                "kopplade till föremålet för kontraktet: 16 kap. 1 § LOU. Under tröskelvärdena: motsvarande regler i "
                "19 kap. LOU.*", "", COMMITMENT_NOTE]
    return "\n".join(out)


def _switch_sentences(by: dict, segs: list[Segment], current: float, nxt: float | None, what: str,
                      above: str, show) -> list[str]:
    """Where the winner changes when ``what`` (the social weight or deduction) is raised or lowered from
    ``current``: the same explanation in both evaluation modes, with their own wording and number format."""
    out = []
    if len(segs) > 1 and nxt is not None:
        cur = next(s for s in segs if s.start - TOL <= current <= s.end + TOL)
        after = next(s for s in segs if s.start >= nxt - TOL)
        out += ["", f"Höjer ni {what} till {above} {show(nxt)} byter vinnaren till "
                    f"{_names(after.winners)}. {_segment_why(by, cur, after)}"]
    prev = previous_switch(segs, current)
    if prev is not None:
        before = [s for s in segs if s.end <= prev + TOL][-1]
        now = next(s for s in segs if s.start >= prev - TOL)
        out += ["", f"Sänker ni {what} till under {show(prev)} vinner {_names(before.winners)} "
                    f"i stället. {_segment_why(by, before, now)}"]
    return out


def _segment_why(by: dict, first, second) -> str:
    """Why the winner of segment ``first`` loses to the winner of ``second`` (empty when either is a tie)."""
    if len(first.winners) == 1 and len(second.winners) == 1:
        return _why(by[first.winners[0]], by[second.winners[0]])
    return ""


def deduction_markdown(tenders: list[Tender], max_quality_deduction: float, max_social_deduction: float) -> str:
    rows = comparison_prices(tenders, max_quality_deduction, max_social_deduction)
    segs = deduction_switches(tenders, max_quality_deduction)
    by = {t.name: t for t in tenders}
    out = [f"### Vinnare: {_names(winners(rows))} (lägsta jämförelsepris)", "",
           f"Högsta avdrag: {fmt.kr(max_quality_deduction)} för kvalitet och {fmt.kr(max_social_deduction)} för det "
           "sociala kriteriet (vid 10 poäng; avdraget är proportionellt mot poängen).", "",
           "| Placering | Anbud | Pris | Kvalitet | Socialt | Jämförelsepris |", "|---|---|---|---|---|---|"]
    for r in rows:
        t = by[r.name]
        out.append(f"| {r.rank} | {r.name} | {fmt.kr(t.price)} | {fmt.number(t.quality, 1)} | "
                   f"{fmt.number(t.social, 1)} | **{fmt.kr(r.score)}** |")
    out += ["", "Jämförelsepriset används bara för att jämföra anbuden. Kommunen betalar det pris som står i anbudet.",
            "", "**När byter vinnaren?** (det högsta sociala avdraget ändras)", ""]
    for s in segs:
        out.append(f"- socialt avdrag {fmt.kr(s.start)}–{fmt.kr(s.end)}: **{_names(s.winners)}** vinner")
    nxt = switch_point(segs, max_social_deduction)
    if len(segs) == 1:
        out += ["", f"Vinnaren är densamma oavsett socialt avdrag: {_names(segs[0].winners)}."]
    out += _switch_sentences(by, segs, max_social_deduction, nxt, "det sociala avdraget", "mer än", fmt.kr)
    out += ["", ("*Tilldelning på grundval av bästa förhållandet mellan pris och kvalitet: 16 kap. 1 § LOU. Under "
                "tröskelvärdena: motsvarande regler i 19 kap. LOU.*"), "",
            COMMITMENT_NOTE]
    return "\n".join(out)
