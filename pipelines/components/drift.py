"""Distribution drift between a reference sample (the training data) and a current sample
(recent prediction inputs), feature by feature. Pure statistics: numpy, pandas and scipy,
no files.

Methods
-------

**PSI** (population stability index), numeric and categorical features::

    PSI = sum over bins i of (c_i - r_i) * ln(c_i / r_i)

where ``r_i`` and ``c_i`` are the shares of the reference and current rows in bin ``i``,
each first raised to at least ``EPSILON`` (1e-4) so that a bin empty on one side gives a
large but finite term (the convention of Evidently and most monitoring tools). Every term
is >= 0; PSI is 0 for identical shares. Usual reading: < 0.1 stable, 0.1-0.25 moderate
shift, > 0.25 major shift. Default threshold: drift when PSI > 0.2.

* Numeric bins come from the reference quantiles: ``bins`` (default 10) equal-frequency
  bins whose interior edges are the reference values at the levels 1/bins, ..., (bins-1)/bins
  (inverted empirical CDF: the smallest value x with F(x) >= level, so every edge is a real
  reference value). Equal edges are merged (a 0/1 column gets 2 bins, not 10). Bins are
  closed on the right: ``<= e1``, ``(e1, e2]``, ..., ``> ek``; values outside the reference
  range fall into the outer bins.
* Categorical bins are the reference categories, one bin for every category the reference
  never had ("(unseen)"), and one bin for missing values ("(missing)").
* Missing values are their own bin for both kinds, so a change in the missing share moves
  the PSI. Bins empty in both samples are dropped (they add nothing).

**KS** (two-sample Kolmogorov-Smirnov, ``scipy.stats.ks_2samp``), numeric features: the
statistic D is the largest distance between the two empirical CDFs (missing values left
out; their share is checked separately, see below), with its p-value (exact for small
samples, asymptotic for large ones; with many tied values the p-value is conservative).

**Chi-square** goodness of fit (``scipy.stats.chisquare``), categorical features: the current
counts over the categorical bins above against the reference proportions, smoothed by
adding 0.5 to every reference count (so a category the reference never had still has a
positive expected count): ``expected_i = n_current * (r_count_i + 0.5) / (n_reference +
0.5 * k)``, with k - 1 degrees of freedom for k bins. The reference proportions are taken as
known, which ignores the reference's own sampling noise: one more reason not to rely on the
p-value alone. The effect size is Cramer's V for goodness of fit,
``V = sqrt(chi2 / (n_current * (k - 1)))`` (Cohen's w for two bins). For goodness of fit V is
not capped at 1: current data concentrated on a category the reference (almost) never had
gives values far above 1.

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

import numpy as np
import numpy.typing as npt
import pandas as pd

from .common import CATEGORICAL, NUMERIC, ComponentError

# Counts, shares and edges: float64 throughout (counts too, so shares divide exactly).
FloatArray = npt.NDArray[np.float64]

EPSILON = 1e-4  # floor of a bin share in the PSI
CHI_SQUARE_SMOOTHING = 0.5  # added to every reference count in the chi-square test
MISSING_BIN = "(missing)"
UNSEEN_BIN = "(unseen)"
MAX_UNSEEN_EXAMPLES = 3

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


# --------------------------------------------------------------------------- histograms


@dataclass(frozen=True)
class Histogram:
    """Counts of the reference and current rows over the same bins."""

    labels: list[str]
    reference: FloatArray
    current: FloatArray

    def shares(self) -> tuple[FloatArray, FloatArray]:
        return _shares(self.reference), _shares(self.current)

    def without_empty_bins(self) -> "Histogram":
        keep = (self.reference + self.current) > 0
        labels = [label for label, kept in zip(self.labels, keep) if kept]
        return Histogram(labels, self.reference[keep], self.current[keep])


def _shares(counts: FloatArray) -> FloatArray:
    total = float(counts.sum())
    return counts / total if total > 0 else np.zeros(len(counts))


def quantile_edges(values: FloatArray, bins: int) -> FloatArray:
    """Interior bin edges: the reference values at the levels 1/bins .. (bins-1)/bins, deduplicated.

    The value at level q is the smallest x with F(x) >= q, i.e. the sorted value at index
    ceil(q * n) - 1, computed in integers so that no level is lost to rounding.
    """
    values = np.sort(values[~np.isnan(values)])
    n = len(values)
    if n == 0:
        return np.empty(0)
    indexes = [(level * n + bins - 1) // bins - 1 for level in range(1, bins)]
    edges: FloatArray = np.unique(values[indexes])  # sorted as well as deduplicated
    return edges


def _edge(value: float) -> str:
    return f"{value:.6g}"


def numeric_histogram(reference: pd.Series, current: pd.Series, bins: int) -> Histogram:
    """Reference-quantile bins (closed on the right) plus a missing bin."""
    ref = reference.to_numpy(dtype="float64")
    cur = current.to_numpy(dtype="float64")
    edges = quantile_edges(ref, bins)
    if len(edges):
        labels = [f"<= {_edge(edges[0])}"]
        labels += [f"({_edge(low)}, {_edge(high)}]" for low, high in zip(edges[:-1], edges[1:])]
        labels.append(f"> {_edge(edges[-1])}")
    else:
        labels = ["all values"]

    def counts(values: FloatArray) -> FloatArray:
        present = values[~np.isnan(values)]
        # side="left": a value equal to edge j lands in bin j, (edge j-1, edge j].
        binned = np.bincount(np.searchsorted(edges, present, side="left"), minlength=len(edges) + 1)
        return np.append(binned, np.isnan(values).sum()).astype("float64")

    return Histogram([*labels, MISSING_BIN], counts(ref), counts(cur)).without_empty_bins()


def categorical_histogram(reference: pd.Series, current: pd.Series) -> tuple[Histogram, list[str]]:
    """Reference categories, an unseen-category bin and a missing bin; plus the commonest unseen values."""
    ref_counts = reference.dropna().astype(str).value_counts()
    cur_counts = current.dropna().astype(str).value_counts()
    categories = sorted(ref_counts.index)
    unseen = cur_counts[~cur_counts.index.isin(categories)]
    examples = [str(name) for name in unseen.sort_values(ascending=False, kind="stable").index[:MAX_UNSEEN_EXAMPLES]]
    labels = [*categories, UNSEEN_BIN, MISSING_BIN]
    ref = [float(ref_counts[name]) for name in categories] + [0.0, float(reference.isna().sum())]
    cur = [float(cur_counts.get(name, 0)) for name in categories] + [float(unseen.sum()), float(current.isna().sum())]
    return Histogram(labels, np.array(ref), np.array(cur)).without_empty_bins(), examples


# --------------------------------------------------------------------------- statistics


def psi_terms(reference_shares: FloatArray, current_shares: FloatArray, epsilon: float = EPSILON) -> FloatArray:
    """Per-bin PSI terms (c - r) * ln(c / r), shares floored at epsilon; their sum is the PSI."""
    ref = np.maximum(np.asarray(reference_shares, dtype="float64"), epsilon)
    cur = np.maximum(np.asarray(current_shares, dtype="float64"), epsilon)
    terms: FloatArray = (cur - ref) * np.log(cur / ref)
    return terms


@dataclass(frozen=True)
class Comparison:
    """One statistic with where the two samples differ most."""

    statistic: float
    p_value: float | None
    top_bin: str
    top_reference_share: float
    top_current_share: float


def psi_test(histogram: Histogram) -> Comparison:
    ref, cur = histogram.shares()
    terms = psi_terms(ref, cur)
    top = int(np.argmax(terms)) if len(terms) else 0
    return Comparison(
        statistic=float(terms.sum()),
        p_value=None,
        top_bin=histogram.labels[top] if len(terms) else "",
        top_reference_share=float(ref[top]) if len(terms) else math.nan,
        top_current_share=float(cur[top]) if len(terms) else math.nan,
    )


def ks_test(reference: pd.Series, current: pd.Series) -> Comparison:
    """Two-sample KS on the non-missing values; top bin = "<= x" where the CDFs differ most."""
    from scipy import stats

    ref = np.sort(reference.dropna().to_numpy(dtype="float64"))
    cur = np.sort(current.dropna().to_numpy(dtype="float64"))
    if len(ref) == 0 or len(cur) == 0:
        return Comparison(math.nan, None, "", math.nan, math.nan)
    result = stats.ks_2samp(ref, cur)
    location = float(result.statistic_location)
    return Comparison(
        statistic=float(result.statistic),
        p_value=float(result.pvalue),
        top_bin=f"<= {_edge(location)}",
        top_reference_share=float(np.searchsorted(ref, location, side="right") / len(ref)),
        top_current_share=float(np.searchsorted(cur, location, side="right") / len(cur)),
    )


def chi_square_test(histogram: Histogram, smoothing: float = CHI_SQUARE_SMOOTHING) -> Comparison:
    """Goodness of fit of the current counts to the smoothed reference proportions; statistic = Cramer's V."""
    from scipy import stats

    k = len(histogram.labels)
    n_current = float(histogram.current.sum())
    ref_shares, cur_shares = histogram.shares()
    if k < 2 or n_current == 0:
        label = histogram.labels[0] if k else ""

        def share(values: FloatArray) -> float:
            return float(values[0]) if k else math.nan

        return Comparison(0.0, 1.0, label, share(ref_shares), share(cur_shares))
    expected = n_current * (histogram.reference + smoothing) / (histogram.reference.sum() + smoothing * k)
    chi2, p_value = stats.chisquare(histogram.current, expected)
    top = int(np.argmax((histogram.current - expected) ** 2 / expected))
    return Comparison(
        statistic=float(math.sqrt(chi2 / (n_current * (k - 1)))),
        p_value=float(p_value),
        top_bin=histogram.labels[top],
        top_reference_share=float(ref_shares[top]),
        top_current_share=float(cur_shares[top]),
    )


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
        unseen_share = float(_shares(histogram.current)[index]) if index >= 0 else 0.0
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
