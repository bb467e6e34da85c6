"""Generate the SYNTHETIC follow-up dataset data/uppfoljning_sysselsattningskrav.csv.

Every row is invented. The file imitates how real follow-up reports of employment requirements look
(sysselsättningskrav in GR municipalities): municipality names spelled in different ways, dates typed
as text in different formats, missing values, a few rows reported twice. It must never be read as
statistics about a real municipality, contract or supplier.

The generator uses Python's own `random.Random` with a fixed seed, so the same Python gives the same
file byte for byte; tests/unit/test_data.py re-runs it and compares.

    python scripts/generate_synthetic_followup.py            # rewrites the CSV
    python scripts/generate_synthetic_followup.py --check    # exit 1 if the CSV differs
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

SEED = 20261126
N_CONTRACTS = 290
N_DUPLICATES = 6
OUT = Path(__file__).resolve().parents[1] / "data" / "uppfoljning_sysselsattningskrav.csv"

COLUMNS = [
    "avtal_id", "kommun", "avtal", "bransch", "kontraktsvarde_kr", "avtalsstart", "avtalstid_manader",
    "villkorsvariant", "malgrupp", "krav_antal_platser", "tillsatta_kv1", "tillsatta_kv2", "tillsatta_kv3",
    "tillsatta_kv4", "i_arbete_6_man", "i_arbete_12_man", "leverantor_storlek", "syntetisk",
]

# How often each municipality appears (roughly by size) and the spellings seen in the reports.
MUNICIPALITIES = {
    "Göteborg": (60, ["Göteborg", "Göteborgs Stad", "GÖTEBORG", "goteborg", "Göteborgs stad "]),
    "Mölndal": (22, ["Mölndal", "Mölndals stad", "Molndal"]),
    "Kungsbacka": (22, ["Kungsbacka", "Kungsbacka kommun", "kungsbacka"]),
    "Kungälv": (18, ["Kungälv", "Kungälvs kommun", "Kungalv"]),
    "Alingsås": (16, ["Alingsås", "Alingsås kommun", "Alingsas"]),
    "Lerum": (16, ["Lerum", "Lerums kommun", "LERUM"]),
    "Partille": (15, ["Partille", "Partille kommun", "partille"]),
    "Härryda": (15, ["Härryda", "Härryda kommun", "Harryda"]),
    "Ale": (14, ["Ale", "Ale kommun", "ALE"]),
    "Stenungsund": (12, ["Stenungsund", "Stenungsunds kommun", "Stenungsund "]),
    "Tjörn": (10, ["Tjörn", "Tjörns kommun", "Tjorn"]),
    "Lilla Edet": (10, ["Lilla Edet", "Lilla Edets kommun", "Lilla edet"]),
    "Öckerö": (10, ["Öckerö", "Öckerö kommun", "Ockero"]),
}

# bransch: (typical annual value in Mkr (low, high), contract names)
SECTORS = {
    "Lokalvård": ((1.0, 12.0), ["Lokalvård skolor", "Lokalvård förvaltningslokaler", "Storstädning förskolor",
                                 "Fönsterputs och lokalvård"]),
    "Bygg och anläggning": ((5.0, 60.0), ["Ombyggnad av skola", "Nybyggnad förskola", "Gång- och cykelväg",
                                          "VA-ledningar etapp 2", "Renovering av idrottshall"]),
    "Fastighetsskötsel": ((1.5, 15.0), ["Fastighetsskötsel bostäder", "Drift av fastigheter",
                                        "Snöröjning och halkbekämpning"]),
    "Måltidstjänster": ((2.0, 20.0), ["Skolmåltider", "Måltider äldreomsorg", "Catering vid möten"]),
    "Park och grönyta": ((0.8, 8.0), ["Skötsel av parker", "Grönyteskötsel", "Trädvård"]),
    "Transport": ((2.0, 25.0), ["Skolskjuts", "Färdtjänst", "Interna transporter"]),
    "Tvätt och textil": ((0.5, 5.0), ["Tvätt av arbetskläder", "Textilservice äldreomsorg"]),
}
SECTOR_WEIGHTS = [30, 22, 16, 12, 9, 7, 4]
AREAS = ["Nord", "Syd", "Öst", "Väst", "Centrum", "etapp 1", "område A", "område B", ""]

TARGET_GROUPS = ["Unga 16–24 år", "Utrikes födda", "Långtidsarbetslösa", "Personer med funktionsnedsättning"]
SUPPLIER_SIZES = ["Mikroföretag (0–9)", "Litet företag (10–49)", "Medelstort företag (50–249)",
                  "Stort företag (250–)"]
VARIANTS = ["Anställning eller praktik", "Dialog"]
MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
             "oktober", "november", "december"]


def _date_text(rng: random.Random, year: int, month: int, day: int) -> str:
    """A start date written the way different report templates write it."""
    style = rng.choices(["iso", "slash", "long", "compact", "dot"], weights=[55, 15, 15, 8, 7])[0]
    if style == "iso":
        return f"{year}-{month:02d}-{day:02d}"
    if style == "slash":
        return f"{year}/{month:02d}/{day:02d}"
    if style == "long":
        return f"{day} {MONTHS_SV[month - 1]} {year}"
    if style == "compact":
        return f"{year}{month:02d}{day:02d}"
    return f"{year}.{month:02d}.{day:02d}"


def _maybe(rng: random.Random, value, p_missing: float):
    return "" if rng.random() < p_missing else value


def generate_rows(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    names = list(MUNICIPALITIES)
    weights = [MUNICIPALITIES[n][0] for n in names]
    sectors = list(SECTORS)
    rows = []
    for i in range(1, N_CONTRACTS + 1):
        kommun = rng.choices(names, weights=weights)[0]
        spelling = rng.choices(MUNICIPALITIES[kommun][1], weights=[6] + [1] * (len(MUNICIPALITIES[kommun][1]) - 1))[0]
        bransch = rng.choices(sectors, weights=SECTOR_WEIGHTS)[0]
        (low, high), titles = SECTORS[bransch]
        area = rng.choice(AREAS)
        avtal = f"{rng.choice(titles)} {area}".strip()
        months = rng.choice([12, 24, 24, 36, 36, 36, 48, 48, 60])
        annual = rng.uniform(low, high) * 1_000_000
        value = round(annual * months / 12, -4)
        year = rng.choice([2021, 2022, 2023, 2023, 2024, 2024])
        month = rng.randint(1, 12)
        day = rng.choice([1, 1, 1, 15, rng.randint(1, 28)])
        variant = rng.choices(VARIANTS, weights=[82, 18])[0]
        # Roughly one place per 2–4 Mkr annual value. A dialogue clause has no required number; for those rows the
        # column holds the (smaller) number agreed in the dialogue (see data/datapackage.json).
        required = max(1, round(annual / rng.uniform(2_000_000, 4_000_000)))
        if variant == "Dialog":
            required = max(1, required // 2)
        required = min(required, 15)
        # Filled places at the end of each quarter of the first contract year (a slow start is common).
        ambition = rng.choices([0.4, 0.7, 1.0, 1.2], weights=[20, 30, 40, 10])[0]
        if variant == "Dialog":
            ambition *= 0.6
        filled = []
        for q in range(1, 5):
            target = required * ambition * min(1.0, q / rng.uniform(2.5, 4.0))
            filled.append(max(0, min(required + 2, round(target + rng.uniform(-0.6, 0.6)))))
        filled = [max(filled[:k + 1]) for k in range(4)]  # places are seldom taken away within the year
        in_work_6 = round(filled[3] * rng.uniform(0.3, 0.9))
        in_work_12 = max(0, min(in_work_6, round(in_work_6 * rng.uniform(0.6, 1.05))))
        size = rng.choices(SUPPLIER_SIZES, weights=[10, 30, 30, 30])[0]
        if bransch == "Bygg och anläggning":
            size = rng.choices(SUPPLIER_SIZES, weights=[2, 15, 33, 50])[0]
        no_followup = rng.random() < 0.30  # the 6/12-month outcome is often never reported
        rows.append({
            "avtal_id": f"SYN-{year}-{i:03d}",
            "kommun": spelling,
            "avtal": avtal,
            "bransch": bransch,
            "kontraktsvarde_kr": _maybe(rng, int(value), 0.04),
            "avtalsstart": _maybe(rng, _date_text(rng, year, month, day), 0.03),
            "avtalstid_manader": months,
            "villkorsvariant": variant,
            "malgrupp": _maybe(rng, rng.choice(TARGET_GROUPS), 0.05),
            "krav_antal_platser": required,
            "tillsatta_kv1": _maybe(rng, filled[0], 0.06),
            "tillsatta_kv2": _maybe(rng, filled[1], 0.06),
            "tillsatta_kv3": _maybe(rng, filled[2], 0.06),
            "tillsatta_kv4": _maybe(rng, filled[3], 0.08),
            "i_arbete_6_man": "" if no_followup else _maybe(rng, in_work_6, 0.05),
            "i_arbete_12_man": "" if no_followup else _maybe(rng, in_work_12, 0.20),
            "leverantor_storlek": _maybe(rng, size, 0.07),
            "syntetisk": "true",
        })
    # Some contracts are reported twice (e.g. by the procurement unit and by the labour-market unit).
    for row in rng.sample(rows, N_DUPLICATES):
        rows.insert(rng.randint(0, len(rows)), dict(row))
    return rows


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skapa den syntetiska uppföljningsfilen (fiktiva uppgifter).")
    parser.add_argument("--check", action="store_true", help="jämför bara med filen i data/")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = to_csv(generate_rows())
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("filen är aktuell" if same else f"{args.out} skiljer sig från det som skriptet skapar")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"skrev {args.out} ({len(text.splitlines()) - 1} rader)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
