"""Charts are shown with alternative text (accessibility, KURSDESIGN §6)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from upphandlingskurs.documents.figures import figure_html, show_figure  # noqa: E402


def test_figure_html_has_alt_text_and_png():
    fig, ax = plt.subplots()
    ax.bar(["A", "B"], [1, 2])
    out = figure_html(fig, 'Stapeldiagram: "A" och B')
    plt.close(fig)
    assert out.startswith('<img src="data:image/png;base64,iVBOR')
    assert 'alt="Stapeldiagram: &quot;A&quot; och B"' in out


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_alt_text_is_required(alt):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError):
        figure_html(fig, alt)
    plt.close(fig)


def test_show_figure_closes_the_figure(capsys):
    fig, _ = plt.subplots()
    show_figure(fig, "Ett tomt diagram.")
    assert not plt.fignum_exists(fig.number)
