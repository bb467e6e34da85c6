"""The views: the ipywidgets forms participants use in the notebooks, each a thin view on a pure function.

Used by the course and exercise notebooks; rules belong in decisions/, a widget holds input, layout and messages.
"""
from upphandlingskurs.widgets.form import ChoiceField, Form, NumberField, TextField

__all__ = ["ChoiceField", "Form", "NumberField", "TextField"]
