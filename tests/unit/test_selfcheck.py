import pytest

from upphandlingskurs.content.selfcheck import SelfCheckFailed, check_answer, digest, main, normalise


def test_digest_does_not_contain_the_answer_and_depends_on_question():
    d = digest("1", "Bergsjön")
    assert "bergsjön" not in d.lower()
    assert d != digest("2", "Bergsjön")


def test_normalisation_ignores_case_spacing_and_number_form():
    assert digest("q", " b ") == digest("q", "B")
    assert digest("q", 3) == digest("q", 3.0)
    assert digest("q", {1, 2}) == digest("q", {2, 1})
    assert digest("q", [1, 2]) != digest("q", [2, 1])
    assert normalise(True) != normalise(1)


def test_correct_answer_passes_with_swedish_message(capsys):
    assert check_answer("1", "B", digest("1", "B"), options="ABCD") is None  # nothing extra shown under the cell
    out = capsys.readouterr().out
    assert "alla synliga kontroller godkända" in out
    assert "rätt svar" not in out.lower()


def test_wrong_answer_fails_without_revealing():
    with pytest.raises(SelfCheckFailed) as e:
        check_answer("1", "A", digest("1", "B"), options="ABCD")
    assert "godkände inte" in str(e.value)
    assert '"B"' not in str(e.value)


def test_unanswered_gets_its_own_message():
    with pytest.raises(SelfCheckFailed, match="inte svarat"):
        check_answer("1", None, digest("1", "B"), name="svar_1")


def test_answer_outside_options():
    with pytest.raises(SelfCheckFailed, match="ett av alternativen"):
        check_answer("1", "E", digest("1", "B"), options="ABCD")


def test_number_written_as_text_gets_a_hint():
    with pytest.raises(SelfCheckFailed, match="ta bort citattecknen|Ta bort citattecknen"):
        check_answer("2", "800000", digest("2", 800000), number=True)


def test_traceback_is_replaced_by_message_in_ipython():
    err = SelfCheckFailed("Fråga 1: meddelande")
    assert err._render_traceback_() == ["\u274c Fråga 1: meddelande"]


def test_selfcheck_failure_is_an_assertion_for_nbgrader():
    assert issubclass(SelfCheckFailed, AssertionError)


def test_cli_prints_digest(capsys):
    assert main(["00-2", "800000"]) == 0
    assert capsys.readouterr().out.strip() == digest("00-2", 800000)


# --- convention 1: kind, decimals, is_correct ---------------------------------------------------------------
from upphandlingskurs.content.selfcheck import NotCanonical, canonical, is_correct  # noqa: E402


@pytest.mark.parametrize("kind, expected, right, wrong", [
    ("bokstav", "B", ["B", "b", " B ", "B)", "b."], ["A", "BC", "", 2, None, True]),
    ("bokstäver", "ACD", ["ACD", "A, C, D", "d c a", "A,C och D", "cad", ["A", "C", "D"], "A;C;D", "ACDA"],
     ["AC", "ACDE", "A, C, D, E", "", "A C 1", 3]),
    ("tal", 12, [12, 12.0, 12.000000001], [12.5, 13, "12", (1, 2), True, None]),
    ("text", "Mölndal", ["Mölndal", "mölndal", " MÖLNDAL ", "Mo\u0308lndal", "Mölndal."], ["Molndal", "Göteborg", "", 5]),
    ("ja_nej", True, [True, "ja", "Ja ", "true"], [False, "nej", 1, "kanske"]),
])
def test_is_correct_and_check_answer_agree_for_each_kind(kind, expected, right, wrong, capsys):
    d = digest("q", expected, kind)
    for value in right:
        assert is_correct(value, expected, kind=kind), value
        check_answer("q", value, d, kind=kind)
    for value in wrong:
        assert not is_correct(value, expected, kind=kind), value
        with pytest.raises(SelfCheckFailed):
            check_answer("q", value, d, kind=kind)


def test_decimals_round_both_sides_half_up():
    assert is_correct(58.3333, 58.33, kind="tal", decimals=2)
    assert is_correct(0.125, 0.13, kind="tal", decimals=2)  # half up, not banker's rounding (0.12)
    assert is_correct(2.5, 3, kind="tal", decimals=0)
    assert not is_correct(58.3, 58.33, kind="tal", decimals=2)
    assert not is_correct(58.34, 58.33, kind="tal", decimals=2)
    d = digest("q", 58.33, "tal", 2)
    check_answer("q", 58.33333, d, kind="tal", decimals=2)
    check_answer("q", 58.334, d, kind="tal", decimals=2)


def test_infer_kind_when_none_is_given():
    assert is_correct(" b", "B") and not is_correct("C", "B")
    assert is_correct(3.0, 3) and is_correct(False, False) and is_correct("mölndal ", "Mölndal")


def test_old_digests_still_pass_with_kind():
    # digests written before `kind` (generic normalisation) are the same for the canonical forms
    assert digest("03-4", "ACD") == digest("03-4", "A, D, C", "bokstäver")
    assert digest("00-1", "B") == digest("00-1", "b", "bokstav")
    assert digest("04-7", 58.3) == digest("04-7", 58.29, "tal", 1)
    assert digest("02-3", 12) == digest("02-3", 12.0, "tal")
    assert digest("x", True) == digest("x", "ja", "ja_nej")
    assert digest("x", "Mölndal") == digest("x", " mölndal", "text")


def test_old_calls_without_kind_still_work(capsys):
    check_answer("00-1", "b", digest("00-1", "B"), options=["A", "B", "C", "D"])  # letter options: kind bokstav
    check_answer("00-2", 800000.0, digest("00-2", 800000), number=True)
    with pytest.raises(SelfCheckFailed, match="ett av alternativen"):
        check_answer("00-1", "E", digest("00-1", "B"), options=["A", "B", "C", "D"])


def test_unknown_kind_is_an_authors_error():
    with pytest.raises(ValueError, match="Okänd sorts svar"):
        check_answer("q", "B", digest("q", "B"), kind="bokstaf")
    with pytest.raises(ValueError):
        is_correct("B", "B", kind="siffra")


@pytest.mark.parametrize("value, expected, decimals, fragment", [
    ((12, 5), 12.5, None, "punkt: 12.5"),
    ((12, 500), 12500, None, "tusentalen: 12500"),
    ((800, 0), 800000, None, "tusentalen: 800000"),
    ((1, 2, 3), 12.5, None, "ett enda tal"),
    ("12,5", 12.5, None, "Ta bort citattecknen och skriv 12.5"),
    ("12 500", 12500, None, "Ta bort citattecknen och skriv 12500"),
    ("tolv", 12, None, "ska vara ett tal"),
    (0.583, 58.3, 1, "procent"),
    (58.3, 0.583, 3, "andel"),
    (58.34, 58.33, 2, "avrundningen"),
])
def test_form_only_slips_say_so_and_do_not_send_back_to_the_section(value, expected, decimals, fragment):
    with pytest.raises(SelfCheckFailed) as e:
        check_answer("q", value, digest("q", expected, "tal", decimals), kind="tal", decimals=decimals)
    assert fragment in str(e.value)
    assert "Läs avsnittet igen" not in str(e.value)
    assert not is_correct(value, expected, kind="tal", decimals=decimals)  # the hidden test fails them too


def test_wrong_in_substance_still_sends_back_to_the_section():
    with pytest.raises(SelfCheckFailed, match="Läs avsnittet igen") as e:
        check_answer("q", 17, digest("q", 12.5, "tal"), kind="tal")
    assert "12.5" not in str(e.value)
    with pytest.raises(SelfCheckFailed, match="Läs avsnittet igen"):
        check_answer("q", "AC", digest("q", "ACD", "bokstäver"), kind="bokstäver")


def test_letters_outside_options_and_several_letters_for_one():
    with pytest.raises(SelfCheckFailed, match="ett av alternativen"):
        check_answer("q", "A, F", digest("q", "AC", "bokstäver"), kind="bokstäver", options="ABCDE")
    with pytest.raises(SelfCheckFailed, match="en enda bokstav"):
        check_answer("q", "A, C", digest("q", "A", "bokstav"), kind="bokstav")


def test_canonical_forms():
    assert canonical("d, a och C", "bokstäver") == "ACD"
    assert canonical(" b ", "bokstav") == "B"
    assert str(canonical(0.125, "tal", 2)) == "0.13"
    with pytest.raises(NotCanonical):
        canonical("A och 3", "bokstäver")


def test_cli_kind_and_decimals(capsys):
    assert main(["--kind", "bokstäver", "03-4", "D, A, C"]) == 0
    assert capsys.readouterr().out.strip() == digest("03-4", "ACD", "bokstäver")
    assert main(["--kind", "tal", "--decimals", "1", "04-7", "58,33"]) == 0
    assert capsys.readouterr().out.strip() == digest("04-7", 58.3, "tal", 1)
    assert main(["--decimals", "1", "04-7", "58.33"]) == 2
    assert main(["--kind", "bokstav", "01-1", "AB"]) == 2


def test_exports_from_the_package():
    import upphandlingskurs

    assert upphandlingskurs.is_correct is is_correct
    assert upphandlingskurs.check_answer is check_answer


# --- the explanation of the hidden tests reaches the feedback also when the visible check fails --------------
from upphandlingskurs.content.selfcheck import hidden_explanations  # noqa: E402

CELL = ('from upphandlingskurs import check_answer, is_correct\n'
        'check_answer("03-4", svar_4, "{digest}", kind="bokstäver", name="svar_4")\n'
        '### BEGIN HIDDEN TESTS\n'
        'print("Förklaring: A, C och D är tecken på ett köp (HFD 2020:15).")\n'
        'assert is_correct(svar_4, "ACD", kind="bokstäver"), "Fråga 4: svaret är inte godkänt."\n'
        '### END HIDDEN TESTS')


def test_hidden_explanations_are_read_from_the_cell_source():
    assert hidden_explanations(CELL) == ["Förklaring: A, C och D är tecken på ett köp (HFD 2020:15)."]
    assert hidden_explanations(CELL.split("### BEGIN")[0]) == []  # the participant's version
    assert hidden_explanations('### BEGIN HIDDEN TESTS\nprint(f"Förklaring: {x}")\nprint("Annat")') == []


@pytest.mark.parametrize("answer, passes", [('"AB"', False), ('"D, C, A"', True), ("None", False)])
def test_in_a_graded_cell_the_explanation_is_printed_once_right_or_wrong(answer, passes, capsys):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.run_cell(f"svar_4 = {answer}")
    result = shell.run_cell(CELL.format(digest=digest("03-4", "ACD", "bokstäver")), store_history=True)
    out = capsys.readouterr().out
    assert result.success is passes
    assert out.count("Förklaring: A, C och D") == 1
