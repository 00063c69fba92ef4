"""The one rule for a raw cell, shared by training, batch prediction and serving.

``normalise_cell`` is what every path does to a value before the model sees it:

* text is stripped (``" Two year"`` is the category ``"Two year"``);
* a missing value — ``None``, NaN, ``pd.NA``, or text that is blank or a missing-value token
  once stripped, compared case-insensitively (``MISSING_TOKENS``) — becomes the float NaN,
  never ``None``: scikit-learn's ``SimpleImputer`` imputes NaN but takes ``None`` for a
  category of its own;
* numbers and booleans are returned unchanged.

``components.preprocess`` applies it to the raw training data (through ``normalise_column``),
``components.data_sources`` to every chunk batch prediction and drift detection read, and
``serving.model`` to every value of a request, so one raw row reaches the model the same way
in all three. It lives in ``cloud`` because that is the one package both images carry (the
serving image has no ``components``). Pandas is imported only by ``normalise_column``.
"""

from __future__ import annotations

import math
from typing import Any

NUMERIC = "numeric"
CATEGORICAL = "categorical"

# Cells that mean "no value", compared after stripping whitespace, case-insensitively. Blank
# and whitespace-only cells are the important ones (TotalCharges in the telco data); the rest
# are the spellings pandas itself reads as missing. "None" and "?" are NOT in the list: they
# stay values (categories) unless the data is cleaned before training.
MISSING_TOKENS = frozenset({"", "na", "n/a", "nan", "null", "<na>", "#n/a"})

NAN = math.nan


def is_null(value: Any) -> bool:
    """True for None, a float NaN (numpy's too) and pandas' NA/NaT."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (str, bool, int)):
        return False
    kind = type(value).__name__
    if kind in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)  # numpy's float32/float16 NaN
    except (TypeError, ValueError):
        return False


def normalise_cell(value: Any) -> Any:
    """The cell as every path gives it to the model: stripped text, NaN for a missing value
    (see MISSING_TOKENS), numbers and booleans unchanged."""
    if isinstance(value, str):
        text = value.strip()
        return NAN if text.lower() in MISSING_TOKENS else text
    if is_null(value):
        return NAN
    return value


def normalise_value(value: Any, kind: str) -> Any:
    """``normalise_cell`` and then the feature's kind: a float for a numeric feature (ValueError
    when the text is not a number), text for a categorical one (numbers and booleans as a CSV
    writes them: ``1`` -> ``"1"``, ``True`` -> ``"True"``); NaN for a missing value."""
    cell = normalise_cell(value)
    if isinstance(cell, float) and math.isnan(cell):
        return NAN
    if kind == NUMERIC:
        if isinstance(cell, bool):
            raise ValueError(f"a boolean is not a number: {cell!r}")
        return float(cell)  # ValueError for text that is not a number
    return cell if isinstance(cell, str) else str(cell)


def normalise_column(values: Any) -> Any:
    """``normalise_cell`` on every cell of a pandas Series (same index and name; object dtype).

    Each distinct value is normalised once, so a column of a million rows with a few
    categories costs a few calls. A column that holds numbers or booleans only (a numeric or
    bool dtype) has nothing to strip and is returned as it is, NaN and all.
    """
    import numpy as np
    import pandas as pd

    if values.dtype != object and not pd.api.types.is_string_dtype(values.dtype):
        return values
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    cleaned = np.empty(len(uniques) + 1, dtype=object)
    cleaned[:-1] = [normalise_cell(value) for value in uniques]
    cleaned[-1] = NAN  # code -1: None, NaN and pd.NA
    return pd.Series(cleaned[codes], index=values.index, name=values.name, dtype=object)


def is_missing(values: Any) -> Any:
    """True where a cell of a pandas Series is a missing value by ``normalise_cell``'s rule."""
    return normalise_column(values).isna()
