"""Plain JSON values from what pandas and numpy hand back, for the components and the server."""

from __future__ import annotations

import math
from typing import Any


def jsonable(value: Any) -> Any:
    """Converts numpy scalars and arrays to plain JSON values (non-finite floats to null)."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy
        return jsonable(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
