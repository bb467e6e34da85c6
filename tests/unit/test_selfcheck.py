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
