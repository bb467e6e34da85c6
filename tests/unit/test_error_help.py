"""The Swedish help for Python's errors (widgets/error_help.py): the rule, a real IPython shell, a real kernel."""
from __future__ import annotations

import json
import os
import re
import sys

import pytest

from upphandlingskurs.labsetup import kernel_config_path, write_kernel_config
from upphandlingskurs.widgets import error_help
from upphandlingskurs.widgets.error_help import decimal_comma_warnings, explain

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def syntax_error(source: str) -> SyntaxError:
    try:
        compile(source, "<cell>", "exec")
    except SyntaxError as e:
        return e
    raise AssertionError(f"{source!r} compiles")


# --- the rule -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source, fragment", [
    ('svar_1 = “B”', "typografiska citattecken (“ ”)"),
    ("svar_1 = ‘B’", "raka citattecken"),
    ("svar = 12 500", "utan mellanslag: 12500"),
    ("svar = 12\u00a0500", "hårt mellanslag"),
    ('print("a"', "stängs aldrig"),
    ("x = [1, 2)", "passar inte ihop"),
    ("svar_1 = B)", "aldrig öppnades"),
    ('svar_1 = "B', "citattecken stängs aldrig"),
    ("svar = 12,05", "kommatecken som decimaltecken"),
    ("svar = 5st", "Skriv bara talet"),
    ("svar = 3 – 1", "tankstreck"),
    ("svar = 58.3 %", "utan %"),
])
def test_syntax_errors_get_one_swedish_line(source, fragment):
    text = explain(syntax_error(source))
    assert fragment in text
    assert "\n" not in text


def test_every_syntax_error_gets_some_help():
    assert "Python förstår inte raden" in explain(syntax_error("svar = = 3"))


@pytest.mark.parametrize("name, line, fragment", [
    ("B", "svar_1 = B", 'raka citattecken: "B"'),
    ("b", "svar_1 = b", '"B"'),
    ("ACD", "svar_4 = ACD", '"ACD"'),
    ("Mölndal", "kommun = Mölndal", '"Mölndal"'),
    ("true", "svar = true", "True"),
    ("Ja", "svar = Ja", "True"),
    ("svar_1", 'check_answer("01-1", svar_1, "x")', "Variabeln svar_1 har inget värde än"),
    ("check_answer", 'check_answer("01-1", svar_1, "x")', "from upphandlingskurs import"),
    ("df", 'df["Kommun"]', "df har inget värde än"),
])
def test_name_errors(name, line, fragment):
    text = explain(NameError(f"name '{name}' is not defined", name=name), names=["svar_2"], line=line)
    assert fragment in text
    assert "svar_2" not in text  # an unanswered question is not a misspelling of another


def test_name_error_suggests_a_close_spelling():
    text = explain(NameError("name 'andel_nadde_malt' is not defined", name="andel_nadde_malt"),
                   names=["andel_nadde_malet"], line="print(andel_nadde_malt)")
    assert "Menade du andel_nadde_malet?" in text


def test_key_error_lists_the_columns_and_the_nearest():
    text = explain(KeyError("kommun"), columns=["Kommun", "Antal platser"])
    assert 'ingen kolumn som heter "kommun"' in text and 'Närmast: "Kommun"' in text
    assert '"Antal platser"' in text
    several = explain(KeyError("['Kommun', 'Utfal'] not in index"), columns=["Kommun", "Utfall"])
    assert '"Utfal"' in several and '"Kommun" ' not in several.split("Närmast")[0]


def test_key_error_without_a_table():
    assert "Kontrollera stavningen" in explain(KeyError("k"))


def test_other_errors_are_left_alone():
    assert explain(ZeroDivisionError("division by zero")) is None


def test_decimal_comma_warning():
    (warning,) = decimal_comma_warnings("svar = 12,5")
    assert "blev 2 tal" in warning and "svar = 12.5" in warning
    assert decimal_comma_warnings("svar = 12,50")[0].count("12.50") == 1
    assert "ett enda tal" in decimal_comma_warnings("svar = 1,200,000")[0]
    assert decimal_comma_warnings("punkt = (3, 4)") == []       # a pair on purpose
    assert decimal_comma_warnings("a, b = 1, 2") == []          # unpacking
    assert decimal_comma_warnings('svar = "12,5"') == []
    assert decimal_comma_warnings("svar = 12.5") == []


# --- a real IPython shell -------------------------------------------------------------------------------

@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    error_help.unload_ipython_extension(ip)
    ip.set_custom_exc((), None)
    ip.custom_exceptions = ()
    ip.extension_manager.loaded.discard(error_help.EXTENSION)
    ip.extension_manager.load_extension(error_help.EXTENSION)
    yield ip
    error_help.unload_ipython_extension(ip)
    ip.custom_exceptions = ()
    ip.extension_manager.loaded.discard(error_help.EXTENSION)


def run(shell, code, capsys):
    result = shell.run_cell(code, store_history=True)
    out = capsys.readouterr()
    return result, ANSI.sub("", out.out + out.err)


@pytest.mark.parametrize("code, fragment, english", [
    ("svar_1 = B", 'raka citattecken: "B"', "NameError"),
    ("svar_1 = “B”", "typografiska citattecken", "invalid character"),
    ("svar = 12 500", "utan mellanslag: 12500", "SyntaxError"),
    ('print("a"', "stängs aldrig", "SyntaxError"),
    ("import pandas as pd\ndf = pd.DataFrame({'Kommun': ['Lerum']})\ndf['kommun']", 'Närmast: "Kommun"', "KeyError"),
])
def test_in_ipython_the_swedish_line_comes_first_and_the_original_stays(shell, capsys, code, fragment, english):
    result, text = run(shell, code, capsys)
    assert not result.success  # still an error: nbgrader and nbval see a failing cell
    assert fragment in text
    assert english in text and text.index(fragment) < text.index(english)
    assert error_help.ORIGINAL in text


def test_in_ipython_a_decimal_comma_warns_without_an_error(shell, capsys):
    result, text = run(shell, "svar = 12,5", capsys)
    assert result.success
    assert "blev 2 tal" in text and "svar = 12.5" in text
    assert shell.user_ns["svar"] == (12, 5)


def test_in_ipython_other_errors_and_our_own_messages_are_unchanged(shell, capsys):
    _, text = run(shell, "1/0", capsys)
    assert "ZeroDivisionError" in text and error_help.ORIGINAL not in text
    _, text = run(shell, "from upphandlingskurs.content.selfcheck import SelfCheckFailed\n"
                         "raise SelfCheckFailed('Fråga 1: meddelande')", capsys)
    assert "Fråga 1: meddelande" in text and "Traceback" not in text


def test_name_error_inside_a_library_gets_no_beginners_hint(shell, capsys):
    shell.run_cell("import types\nm = types.ModuleType('lib')\nexec('def f():\\n    return undefined_name', m.__dict__)")
    capsys.readouterr()
    _, text = run(shell, "m.f()", capsys)
    assert "NameError" in text and error_help.ORIGINAL not in text


def test_import_of_the_package_loads_it_in_a_running_shell(capsys):
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    error_help.unload_ipython_extension(ip)
    ip.custom_exceptions = ()
    ip.extension_manager.loaded.discard(error_help.EXTENSION)
    try:
        assert error_help.load_in_running_shell()
        assert ip.custom_exceptions == error_help.HANDLED
    finally:
        error_help.unload_ipython_extension(ip)
        ip.custom_exceptions = ()
        ip.extension_manager.loaded.discard(error_help.EXTENSION)


# --- the kernels' configuration and a real kernel --------------------------------------------------------

def test_labsetup_adds_the_extension_and_keeps_other_settings(tmp_path):
    path = kernel_config_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"InteractiveShellApp": {"extensions": ["other"]}, "IPKernelApp": {"x": 1}}))
    write_kernel_config(tmp_path)
    write_kernel_config(tmp_path)  # twice: listed once
    data = json.loads(path.read_text())
    assert data["InteractiveShellApp"]["extensions"] == ["other", error_help.EXTENSION]
    assert data["IPKernelApp"] == {"x": 1}


def test_a_real_kernel_has_the_help_from_the_first_cell(tmp_path):
    """The JSON labsetup writes, read by a real ipykernel (as its profile), is active before any import."""
    jupyter_client = pytest.importorskip("jupyter_client")
    written = write_kernel_config(tmp_path / "prefix")
    profile = tmp_path / "ipython" / "profile_default"
    profile.mkdir(parents=True)
    (profile / "ipython_kernel_config.json").write_text(written.read_text())
    env = {**os.environ, "IPYTHONDIR": str(tmp_path / "ipython")}
    km = jupyter_client.KernelManager(kernel_name="python3")
    km.start_kernel(env=env, extra_arguments=[])
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)

        def execute(code):
            msg_id = kc.execute(code)
            outputs = []
            while True:
                msg = kc.get_iopub_msg(timeout=30)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return outputs
                if msg["msg_type"] in ("stream", "error"):
                    outputs.append(msg)

        (error,) = [m for m in execute("svar_1 = B") if m["msg_type"] == "error"]
        assert error["content"]["ename"] == "NameError"
        text = ANSI.sub("", "\n".join(error["content"]["traceback"]))
        assert 'raka citattecken: "B"' in text and "NameError" in text
        streams = "".join(m["content"]["text"] for m in execute("svar = 12,5") if m["msg_type"] == "stream")
        assert "blev 2 tal" in streams
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_failing_assert_in_a_cell_shows_its_message_without_the_hidden_code(shell, capsys):
    code = ('svar_4 = "AB"\n### BEGIN HIDDEN TESTS\nprint("Förklaring: A, C och D.")\n'
            'assert svar_4 == "ACD", "Fråga 4: svaret är inte godkänt."\n### END HIDDEN TESTS')
    result, text = run(shell, code, capsys)
    assert not result.success and isinstance(result.error_in_exec, AssertionError)
    assert "Förklaring: A, C och D." in text and "Fråga 4: svaret är inte godkänt." in text
    assert "HIDDEN" not in text and '"ACD"' not in text
    _, text = run(shell, "assert 1 == 2", capsys)
    assert "Testet godkände inte svaret" in text


def test_errors_inside_a_library_module_get_no_beginners_hint(shell, capsys, tmp_path, monkeypatch):
    (tmp_path / "trasig_modul.py").write_text("x = (\n")
    (tmp_path / "uppslag.py").write_text("def f():\n    return {}['nyckel']\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    _, text = run(shell, "import trasig_modul", capsys)
    assert "SyntaxError" in text and error_help.ORIGINAL not in text
    _, text = run(shell, "import uppslag\nuppslag.f()", capsys)
    assert "KeyError" in text and error_help.ORIGINAL not in text
