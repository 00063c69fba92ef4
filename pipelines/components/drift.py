"""Distribution drift between a reference sample (the training data) and a current sample
(recent prediction inputs), feature by feature: the methods and thresholds (``DriftSettings``),
the decision for each feature with its reason, and the flat metrics a gate reads. The
statistics themselves (PSI, KS, chi-square: bins, formulas, conventions) are computed in
``drift_statistics.py``, whose docstring gives them.

Decision rules: an effect size and a test
-----------------------------------------

With large samples every p-value becomes tiny, so a p-value threshold alone flags shifts
too small to matter (with 100,000 rows, a 1-point change in a share is "significant"); with
small samples the effect size alone is noise (two samples of 100 rows of one distribution
have a PSI of about 0.18 and a KS D above 0.1 most of the time). So a feature drifts under
its method only when **both** hold:

* its effect size exceeds the method's threshold:

  - PSI: the PSI **minus its chance level** ``(k - 1) * (1/n_reference + 1/n_current)`` (k
    bins, n rows on each side, missing values included) > ``psi_threshold`` (default 0.2).
    The chance level is what two samples of the same distribution give on average (see
    ``drift_statistics.psi_chance``): 0.18 for 10 bins and 100 rows a side, the reason why
    plain PSI > 0.2 flagged about half of the same-distribution pairs at that row count.
  - KS: D > ``ks_threshold`` (default 0.1: the CDFs are 10 points apart somewhere).
  - chi-square: Cramer's V > ``cramers_v_threshold`` (default 0.1, Cohen's "small" effect
    for a 2 x k table). V is that of the 2 x k table reference/current x bins with both
    samples weighted equally, so it lies in [0, 1] (1: no bin in common) whatever the
    sample sizes, and it does not depend on the ratio of the two sample sizes;

* and the difference is significant: p < ``p_value_threshold`` (default 0.05) divided by
  the number of tests in the run, two per feature (the method's and the missing share's,
  below; Bonferroni), so the chance of a false alarm anywhere in the run, not per feature,
  is at most 5%. The p-value is KS's for KS, and Pearson's chi-square test
  of homogeneity of the binned counts for PSI and chi-square (Monte Carlo exact when some
  expected count is below 5; see ``drift_statistics.homogeneity_test``).

Measured on same-distribution pairs at the default minimum of 100 rows a side, 400 pairs per
method, one feature per run, 10% (numeric) or 5% (categorical) missing values on both sides
(``tests/test_drift_false_alarms.py``): numeric PSI flags 3.3%, KS 4.0%, categorical PSI
1.0-1.8% and chi-square 1.5-1.8% of them. The earlier rules (plain PSI > 0.2; chi-square
against fixed, smoothed reference proportions; 0.05 / features per test, with the
missing-share rule on top) flagged 51%, 6.5%, 2.5-32% and 26-41%. Clear shifts are still
found at 300 rows a side: a 0.5 sd mean shift by KS (>99%), a new category taking 60% of
the rows by PSI and chi-square (100%). A 0.5 sd mean shift has a PSI of only 0.24 over 10
reference deciles, right at the default threshold, so PSI finds it in about 65-70% of runs
at 300 rows (95% with ``psi_threshold`` 0.1, at the same false-alarm rates, since the test
then decides) and a 0.75 sd shift (PSI 0.53) in all of them.

Missing values
--------------

Whatever the method, a feature also drifts when its missing share changes by more than
``missing_share_threshold`` (default 0.1, i.e. 10 percentage points; 1 turns it off) and
Fisher's exact test of the missing counts gives p below the same Bonferroni level: KS cannot
see missing values at all, and a broken upstream join often shows first as a column going
empty.

Every feature also gets the plain PSI (``psi``, whatever its method, not corrected), so
``max_psi`` compares all features on the usual scale; ``psi_chance`` is its chance level.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

import pandas as pd

from .common import CATEGORICAL, NUMERIC, ComponentError
from .drift_statistics import (
    MONTE_CARLO_DRAWS,
    UNSEEN_BIN,
    categorical_histogram,
    chi_square_test,
    homogeneity_test,
    ks_test,
    numeric_histogram,
    psi_chance,
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
TESTS_PER_FEATURE = 2  # the method's test and the missing-share test, for the Bonferroni division
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
    "psi_chance",
)


def _fmt(value: float) -> str:
    return f"{value:.3g}"


def missing_share_p_value(reference: pd.Series, current: pd.Series) -> float:
    """Fisher's exact test (two-sided) that both samples have the same share of missing values."""
    from scipy import stats

    table = [
        [int(reference.isna().sum()), int(reference.notna().sum())],
        [int(current.isna().sum()), int(current.notna().sum())],
    ]
    return float(stats.fisher_exact(table)[1])


def compare_feature(
    name: str, kind: str, reference: pd.Series, current: pd.Series, settings: DriftSettings, alpha: float
) -> dict[str, Any]:
    """One row of the table: the method's statistic, the decision and its explanation."""
    method = settings.method(kind)
    threshold = settings.threshold(method)
    # Enough Monte Carlo tables that p < alpha can happen (p >= 1 / (draws + 1)).
    draws = max(MONTE_CARLO_DRAWS, math.ceil(20 / alpha) - 1)
    if kind == NUMERIC:
        histogram = numeric_histogram(reference, current, settings.bins)
        unseen_examples: list[str] = []
    else:
        histogram, unseen_examples = categorical_histogram(reference, current)
    population = psi_test(histogram)
    chance = psi_chance(histogram)
    if method == PSI:
        # The PSI above what chance alone gives, and the chi-square test of the same bins.
        _, p_value = homogeneity_test(histogram, draws)
        result = replace(population, statistic=population.statistic - chance, p_value=p_value)
    elif method == KS:
        result = ks_test(reference, current)
    else:
        result = chi_square_test(histogram, draws)

    reasons: list[str] = []
    notes: list[str] = []
    label = {PSI: "PSI", KS: "KS D", CHI_SQUARE: "Cramer's V"}[method]
    value = _fmt(result.statistic)
    if method == PSI:
        value = f"{_fmt(population.statistic)} - {_fmt(chance)} by chance = {value}"
    if math.isnan(result.statistic):
        notes.append(f"{label} undefined (no non-missing values on one side)")
    elif result.statistic > threshold:
        if result.p_value is None:
            reasons.append(f"{label} {value} > {threshold:g}")
        elif result.p_value < alpha:
            reasons.append(f"{label} {value} > {threshold:g} (p {_fmt(result.p_value)} < {_fmt(alpha)})")
        else:
            notes.append(
                f"{label} {value} > {threshold:g} but p {_fmt(result.p_value)} >= {_fmt(alpha)} (not significant)"
            )
    ref_missing = float(reference.isna().mean()) if len(reference) else 0.0
    cur_missing = float(current.isna().mean()) if len(current) else 0.0
    if abs(cur_missing - ref_missing) > settings.missing_share_threshold:
        change = (
            f"missing share {ref_missing:.1%} -> {cur_missing:.1%} (change > {settings.missing_share_threshold:.0%}"
        )
        missing_p = missing_share_p_value(reference, current)
        if missing_p < alpha:
            reasons.append(f"{change}, p {_fmt(missing_p)} < {_fmt(alpha)})")
        else:
            notes.append(f"{change} but p {_fmt(missing_p)} >= {_fmt(alpha)}: not significant)")
    unseen_share = math.nan
    if kind == CATEGORICAL:
        index = histogram.labels.index(UNSEEN_BIN) if UNSEEN_BIN in histogram.labels else -1
        unseen_share = float(shares_of(histogram.current)[index]) if index >= 0 else 0.0
    top_bin = result.top_bin
    if top_bin == UNSEEN_BIN and unseen_examples:
        top_bin = f"{UNSEEN_BIN}: {', '.join(unseen_examples)}"
    if not reasons and not notes:
        notes.append(f"{label} {value} <= {threshold:g}")
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
        "psi_chance": chance,
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
    # Bonferroni over every test of the run: two per feature, its method's and the missing share's.
    alpha = settings.p_value_threshold / (TESTS_PER_FEATURE * len(kinds))
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
