"""Distribution drift between a reference sample (the training data) and a current sample
(recent prediction inputs), feature by feature: the methods and thresholds (``DriftSettings``),
the decision for each feature with its reason, and the flat metrics a gate reads. The
statistics themselves (PSI, KS, chi-square: bins, formulas, conventions) are computed in
``drift_statistics.py``, whose docstring gives them.

Thresholds for the tests
------------------------

With large samples every p-value becomes tiny, so a p-value threshold alone flags shifts
too small to matter (with 100,000 rows, a 1-point change in a share is "significant"); with
small samples the statistic alone is noisy (with 100 rows, D is often above 0.1 by chance).
So a KS or chi-square feature drifts only when **both** hold:

* the effect size exceeds its threshold: KS D > ``ks_threshold`` (default 0.1: the CDFs are
  10 points apart somewhere), Cramer's V > ``cramers_v_threshold`` (default 0.1: Cohen's
  "small" effect), and
* the p-value is below ``p_value_threshold`` (default 0.05) divided by the number of
  features tested this way (Bonferroni), so the chance of a false alarm anywhere in the run,
  not per feature, is at most 5%.

Missing values
--------------

Whatever the method, a feature also drifts when its missing share changes by more than
``missing_share_threshold`` (default 0.1, i.e. 10 percentage points; 1 turns it off): KS
cannot see missing values at all, and a broken upstream join often shows first as a column
going empty.

Every feature also gets a PSI (whatever its method), so ``max_psi`` compares all features on
one scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

import pandas as pd

from .common import CATEGORICAL, NUMERIC, ComponentError
from .drift_statistics import (
    UNSEEN_BIN,
    categorical_histogram,
    chi_square_test,
    ks_test,
    numeric_histogram,
    psi_test,
    shares_of,
)

PSI = "psi"
KS = "ks"
CHI_SQUARE = "chi2"
NUMERIC_METHODS = (PSI, KS)
CATEGORICAL_METHODS = (PSI, CHI_SQUARE)
METHOD_ALIASES = {
    "psi": PSI,
    "ks": KS,
    "kolmogorov-smirnov": KS,
    "chi2": CHI_SQUARE,
    "chi-square": CHI_SQUARE,
    "chi_square": CHI_SQUARE,
    "chisquare": CHI_SQUARE,
}
# The name of the number each method thresholds (metrics are "<name>_<feature>").
STATISTIC_NAMES = {PSI: "psi", KS: "ks", CHI_SQUARE: "cramers_v"}

MIN_BINS, MAX_BINS = 2, 100
MIN_ROWS_FLOOR = 10


@dataclass(frozen=True)
class DriftSettings:
    """Methods and thresholds; the defaults are the documented ones."""

    numeric_method: str = PSI
    categorical_method: str = PSI
    psi_threshold: float = 0.2
    ks_threshold: float = 0.1
    cramers_v_threshold: float = 0.1
    p_value_threshold: float = 0.05
    missing_share_threshold: float = 0.1
    bins: int = 10
    min_rows: int = 100

    def method(self, kind: str) -> str:
        return self.numeric_method if kind == NUMERIC else self.categorical_method

    def threshold(self, method: str) -> float:
        return {PSI: self.psi_threshold, KS: self.ks_threshold, CHI_SQUARE: self.cramers_v_threshold}[method]


def normalize_method(text: str, kind: str) -> str:
    """``psi``/``ks`` for numeric, ``psi``/``chi2`` (or ``chi-square``) for categorical features."""
    allowed = NUMERIC_METHODS if kind == NUMERIC else CATEGORICAL_METHODS
    method = METHOD_ALIASES.get(str(text).strip().lower())
    if method not in allowed:
        raise ComponentError(f"{kind}_method {text!r} is not one of {', '.join(allowed)}")
    return method


def check_settings(settings: DriftSettings) -> DriftSettings:
    """Returns the settings with normalized method names, or raises one ComponentError."""
    settings = replace(
        settings,
        numeric_method=normalize_method(settings.numeric_method, NUMERIC),
        categorical_method=normalize_method(settings.categorical_method, CATEGORICAL),
    )

    def number(name: str, low: float, high: float, high_inclusive: bool = False) -> None:
        value = getattr(settings, name)
        ok = isinstance(value, (int, float)) and math.isfinite(value) and low < value
        ok = ok and (value <= high if high_inclusive else value < high)
        if not ok:
            upper = "" if math.isinf(high) else f" and {'<=' if high_inclusive else '<'} {high:g}"
            raise ComponentError(f"{name} must be a number > {low:g}{upper}, got {value!r}")

    number("psi_threshold", 0.0, math.inf)
    number("ks_threshold", 0.0, 1.0)
    number("cramers_v_threshold", 0.0, math.inf)
    number("p_value_threshold", 0.0, 1.0)
    number("missing_share_threshold", 0.0, 1.0, high_inclusive=True)
    if not isinstance(settings.bins, int) or not MIN_BINS <= settings.bins <= MAX_BINS:
        raise ComponentError(f"bins must be an integer from {MIN_BINS} to {MAX_BINS}, got {settings.bins!r}")
    if not isinstance(settings.min_rows, int) or settings.min_rows < MIN_ROWS_FLOOR:
        raise ComponentError(
            f"min_rows must be an integer >= {MIN_ROWS_FLOOR} (no drift statistic means anything on fewer rows), "
            f"got {settings.min_rows!r}"
        )
    return settings


# --------------------------------------------------------------------------- comparison

# The per-feature table, in this column order.
COLUMNS = (
    "feature",
    "kind",
    "method",
    "statistic",
    "threshold",
    "p_value",
    "alpha",
    "drifted",
    "reason",
    "psi",
    "reference_missing_share",
    "current_missing_share",
    "unseen_share",
    "bins",
    "top_bin",
    "top_bin_reference_share",
    "top_bin_current_share",
)


def _fmt(value: float) -> str:
    return f"{value:.3g}"


def compare_feature(
    name: str, kind: str, reference: pd.Series, current: pd.Series, settings: DriftSettings, alpha: float
) -> dict[str, Any]:
    """One row of the table: the method's statistic, the decision and its explanation."""
    method = settings.method(kind)
    threshold = settings.threshold(method)
    if kind == NUMERIC:
        histogram = numeric_histogram(reference, current, settings.bins)
        unseen_examples: list[str] = []
    else:
        histogram, unseen_examples = categorical_histogram(reference, current)
    population = psi_test(histogram)
    if method == PSI:
        result = population
    elif method == KS:
        result = ks_test(reference, current)
    else:
        result = chi_square_test(histogram)

    reasons: list[str] = []
    notes: list[str] = []
    label = {PSI: "PSI", KS: "KS D", CHI_SQUARE: "Cramer's V"}[method]
    if math.isnan(result.statistic):
        notes.append(f"{label} undefined (no non-missing values on one side)")
    elif result.statistic > threshold:
        if result.p_value is None:
            reasons.append(f"{label} {_fmt(result.statistic)} > {threshold:g}")
        elif result.p_value < alpha:
            reasons.append(
                f"{label} {_fmt(result.statistic)} > {threshold:g} (p {_fmt(result.p_value)} < {_fmt(alpha)})"
            )
        else:
            notes.append(
                f"{label} {_fmt(result.statistic)} > {threshold:g} but p {_fmt(result.p_value)} >= {_fmt(alpha)} "
                "(not significant)"
            )
    ref_missing = float(reference.isna().mean()) if len(reference) else 0.0
    cur_missing = float(current.isna().mean()) if len(current) else 0.0
    if abs(cur_missing - ref_missing) > settings.missing_share_threshold:
        reasons.append(
            f"missing share {ref_missing:.1%} -> {cur_missing:.1%} (change > {settings.missing_share_threshold:.0%})"
        )
    unseen_share = math.nan
    if kind == CATEGORICAL:
        index = histogram.labels.index(UNSEEN_BIN) if UNSEEN_BIN in histogram.labels else -1
        unseen_share = float(shares_of(histogram.current)[index]) if index >= 0 else 0.0
    top_bin = result.top_bin
    if top_bin == UNSEEN_BIN and unseen_examples:
        top_bin = f"{UNSEEN_BIN}: {', '.join(unseen_examples)}"
    if not reasons and not notes:
        notes.append(f"{label} {_fmt(result.statistic)} <= {threshold:g}")
    return {
        "feature": name,
        "kind": kind,
        "method": method,
        "statistic": result.statistic,
        "threshold": threshold,
        "p_value": math.nan if result.p_value is None else result.p_value,
        "alpha": alpha if result.p_value is not None else math.nan,
        "drifted": bool(reasons),
        "reason": "; ".join(reasons or notes),
        "psi": population.statistic,
        "reference_missing_share": ref_missing,
        "current_missing_share": cur_missing,
        "unseen_share": unseen_share,
        "bins": len(histogram.labels),
        "top_bin": top_bin,
        "top_bin_reference_share": result.top_reference_share,
        "top_bin_current_share": result.top_current_share,
    }


def compare_frames(
    reference: pd.DataFrame, current: pd.DataFrame, kinds: Mapping[str, str], settings: DriftSettings
) -> list[dict[str, Any]]:
    """Compares every feature in ``kinds`` (name -> numeric|categorical, in order); one row each.

    Numeric columns must be float (missing = NaN), categorical ones text (missing = None/NaN),
    as ``common.apply_kinds`` leaves them. Raises ComponentError when a sample is too small.
    """
    settings = check_settings(settings)
    if not kinds:
        raise ComponentError("no features to compare: the model's feature_schema is empty")
    for what, frame in (("reference data", reference), ("current data", current)):
        if len(frame) < settings.min_rows:
            raise ComponentError(
                f"{what} has {len(frame)} row(s); drift statistics need at least {settings.min_rows} "
                "(min_rows) to tell a shift from noise - collect more data or lower min_rows"
            )
        missing = [name for name in kinds if name not in frame.columns]
        if missing:
            raise ComponentError(f"{what} lacks feature column(s) {', '.join(map(repr, missing))}")
    bad = {name: kind for name, kind in kinds.items() if kind not in (NUMERIC, CATEGORICAL)}
    if bad:
        raise ComponentError(f"feature kinds must be numeric or categorical, got {bad}")
    tested = sum(1 for kind in kinds.values() if settings.method(kind) != PSI)
    alpha = settings.p_value_threshold / max(tested, 1)
    return [
        compare_feature(name, kind, reference[name], current[name], settings, alpha) for name, kind in kinds.items()
    ]


def summarize(rows: Sequence[Mapping[str, Any]], reference_rows: int, current_rows: int) -> dict[str, float]:
    """Flat numbers for a Metrics artifact and a gate: counts, maxima and one score per feature."""
    drifted = [row for row in rows if row["drifted"]]
    metrics: dict[str, float] = {
        "drift_detected": 1 if drifted else 0,
        "drifted_features": len(drifted),
        "features_checked": len(rows),
        "reference_rows": reference_rows,
        "current_rows": current_rows,
        "max_psi": max((float(row["psi"]) for row in rows), default=0.0),
    }
    for method in (KS, CHI_SQUARE):
        values = [
            float(row["statistic"]) for row in rows if row["method"] == method and not math.isnan(row["statistic"])
        ]
        if values:
            metrics[f"max_{STATISTIC_NAMES[method]}"] = max(values)
    for row in rows:
        metrics[f"psi_{row['feature']}"] = float(row["psi"])
        if row["method"] != PSI and not math.isnan(row["statistic"]):
            metrics[f"{STATISTIC_NAMES[row['method']]}_{row['feature']}"] = float(row["statistic"])
    return metrics
