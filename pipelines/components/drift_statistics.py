"""The statistics of drift detection (``drift.py``): the bins that a reference sample (the
training data) and a current sample (recent prediction inputs) are counted over, and the
PSI, KS and chi-square comparisons of the two. Pure numpy, pandas and scipy, no files.

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
out; their share is checked separately, see ``drift.py``), with its p-value (exact for small
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
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

# Counts, shares and edges: float64 throughout (counts too, so shares divide exactly).
FloatArray = npt.NDArray[np.float64]

EPSILON = 1e-4  # floor of a bin share in the PSI
CHI_SQUARE_SMOOTHING = 0.5  # added to every reference count in the chi-square test
MISSING_BIN = "(missing)"
UNSEEN_BIN = "(unseen)"
MAX_UNSEEN_EXAMPLES = 3


# --------------------------------------------------------------------------- histograms


@dataclass(frozen=True)
class Histogram:
    """Counts of the reference and current rows over the same bins."""

    labels: list[str]
    reference: FloatArray
    current: FloatArray

    def shares(self) -> tuple[FloatArray, FloatArray]:
        return shares_of(self.reference), shares_of(self.current)

    def without_empty_bins(self) -> "Histogram":
        keep = (self.reference + self.current) > 0
        labels = [label for label, kept in zip(self.labels, keep) if kept]
        return Histogram(labels, self.reference[keep], self.current[keep])


def shares_of(counts: FloatArray) -> FloatArray:
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
