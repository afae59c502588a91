"""Results as pandas DataFrames, for notebooks; pandas is optional and imported only here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import RoadmapGraphError


def to_frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Any:
    """A DataFrame of ``rows`` with ``columns`` in that order (also when ``rows`` is empty)."""
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise RoadmapGraphError(
            "to_frame() needs pandas, which is not installed: pip install pandas"
        ) from err
    return pd.DataFrame(list(rows), columns=list(columns))
