"""Your feature steps: scikit-learn transformers that train puts inside the saved model.

``feature_steps()`` returns a list of ``(name, transformer)`` steps. Train fits them, in order, on
the raw feature columns (a pandas DataFrame, as preprocess wrote them) before the model's own
imputation/scaling/one-hot ColumnTransformer, and saves them in the same Pipeline - so the
served model, batch prediction and drift take the raw columns, and your code runs there too.

Each step must take and return a DataFrame: new columns are picked up by dtype (numbers are
scaled, the rest one-hot encoded), removed ones are no longer used. The training image and the
serving and batch images copy this file (to /pipelines/features.py), because a saved model
refers to the functions and classes it uses by module name: keep them in this module.

Example - a ratio column:

    from sklearn.preprocessing import FunctionTransformer

    def add_charge_per_month(frame):
        frame = frame.copy()
        frame["charge_per_month"] = frame["TotalCharges"] / frame["tenure"].clip(lower=1)
        return frame

    def feature_steps():
        return [("charge_per_month", FunctionTransformer(add_charge_per_month))]
"""

from __future__ import annotations

from typing import Any


def feature_steps() -> list[tuple[str, Any]]:
    """The feature steps of the model; none by default."""
    return []
