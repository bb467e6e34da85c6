"""Interactive case widgets: each is a thin ipywidgets view over a pure, tested function."""
from upphandlingskurs.widgets.form import ChoiceField, Form, NumberField, TextField

__all__ = ["ChoiceField", "Form", "NumberField", "TextField"]
