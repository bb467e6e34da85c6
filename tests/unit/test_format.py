import datetime as dt

from upphandlingskurs import format as fmt

NBSP = "\u00a0"


def test_kronor_use_swedish_grouping():
    assert fmt.kr(1234567) == f"1{NBSP}234{NBSP}567{NBSP}kr"


def test_kronor_with_decimals_use_comma():
    assert fmt.kr(1234.5, 2) == f"1{NBSP}234,50{NBSP}kr"


def test_euro():
    assert fmt.euro(216000) == f"216{NBSP}000{NBSP}euro"


def test_percent_from_fraction_and_from_percent():
    assert fmt.percent(0.125) == f"12,5{NBSP}%"
    assert fmt.percent(30, fraction=False) == f"30{NBSP}%"


def test_long_swedish_date():
    assert fmt.date(dt.date(2026, 1, 1)) == "1 januari 2026"
    assert fmt.date("2022-02-01") == "1 februari 2022"
