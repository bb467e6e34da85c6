"""Charts with alternative text (KURSDESIGN §6).

JupyterLab shows an inline matplotlib figure as an ``<img>`` without alt text, so a screen reader
says only "image". ``show_figure`` shows the figure as a PNG with the alt text you give, and closes it
(so it is not shown a second time). Write the alt text as what the chart shows; keep the numbers in the
text summary printed under the chart.

    fig, ax = plt.subplots()
    ...
    show_figure(fig, "Stapeldiagram: krav och tillsatta platser per kommun.")
"""
from __future__ import annotations

import base64
import html
import io

from IPython.display import HTML, display


def figure_html(fig, alt: str, *, dpi: int = 100) -> str:
    """An ``<img>`` element with the figure as PNG and ``alt`` as its alternative text."""
    if not str(alt or "").strip():
        raise ValueError("alt text is required: describe what the chart shows")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt.strip(), quote=True)}" '
            'style="max-width:100%;height:auto">')


def show_figure(fig, alt: str, *, dpi: int = 100) -> None:
    """Display ``fig`` with alternative text and close it."""
    import matplotlib.pyplot as plt

    try:
        display(HTML(figure_html(fig, alt, dpi=dpi)))
    finally:
        plt.close(fig)
