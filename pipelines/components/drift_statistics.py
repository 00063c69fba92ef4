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
shift, > 0.25 major shift (for large samples: see the chance level below). Default rule
(``drift.py``): drift when PSI minus its chance level > 0.2 and the bins differ significantly.

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

**PSI under no drift.** Both samples' shares scatter around the common distribution p, and
for small differences ``(c - r) ln(c / r) ~ (c - r)^2 / p``, so PSI ~ (1/n_r + 1/n_c) X^2 with
X^2 Pearson's chi-square statistic of the 2 x k table below, whose null distribution is
chi-square with k - 1 degrees of freedom. Hence the chance level (``psi_chance``)::

    E[PSI | no drift] ~ (k - 1) * (1/n_reference + 1/n_current)

(B. Yurdakul and J. Naranjo, "Statistical properties of the population stability index",
Journal of Risk Model Validation 14(4), 2020). ``drift.py`` thresholds PSI minus this level
and tests the same bins for significance with the chi-square test below; the chi-square
approximation of the PSI itself is not used for the p-value, because a bin empty on one side
makes the floored PSI term far larger than the approximation says.

**Chi-square** test of homogeneity (Pearson), categorical features and the PSI bins: the 2 x k
table of reference and current counts over the bins above (bins empty in both samples are
dropped, so every expected count is positive; no smoothing), X^2 = sum over both rows and
all bins of (observed - expected)^2 / expected, expected = bin total * row total / N. Both
samples are treated as samples (the reference's own noise counts). The p-value is the
chi-square(k - 1) tail when every expected count is at least ``MIN_EXPECTED`` (5, Cochran's
rule); otherwise it is a Monte Carlo exact test: ``MONTE_CARLO_DRAWS`` (or more, so that the
Bonferroni level can be reached) tables with the same bin totals and sample sizes, drawn with
a fixed seed from the multivariate hypergeometric distribution (the rows permuted between
the two samples), p = (1 + #{X^2 >= observed}) / (1 + draws).

The effect size is Cramer's V of that table with both samples weighted equally::

    V = sqrt( 1/2 * sum over bins of (c_i - r_i)^2 / (c_i + r_i) )

(the usual V = sqrt(X^2 / N) of a 2 x k table whose two rows had the same total). It is in
[0, 1] by construction, since (c - r)^2 / (c + r) <= |c - r| and sum |c - r| <= 2, and equals 1
only when the samples share no bin (current data all in categories the reference never
had). For two equal-sized samples it is exactly the ordinary Cramer's V of the counts.
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
MIN_EXPECTED = 5.0  # smallest expected count for the chi-square(k - 1) p-value; below it, Monte Carlo
MONTE_CARLO_DRAWS = 1999  # fewest random tables of the Monte Carlo test (p >= 1 / 2000)
MONTE_CARLO_SEED = 20240518  # fixed, so a run's decision is reproducible
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


def psi_chance(histogram: Histogram) -> float:
    """The PSI two samples of one distribution show by chance: (k - 1) * (1/n_reference + 1/n_current).

    See the module docstring: PSI ~ (1/n_r + 1/n_c) * chi2(k - 1) under no drift (Yurdakul & Naranjo).
    """
    k = len(histogram.labels)
    n_reference, n_current = float(histogram.reference.sum()), float(histogram.current.sum())
    if k < 2 or n_reference == 0 or n_current == 0:
        return 0.0
    return (k - 1) * (1.0 / n_reference + 1.0 / n_current)


def _pearson(current: FloatArray, totals: FloatArray, n_reference: float, n_current: float) -> FloatArray:
    """Pearson's X^2 of 2 x k tables (reference = totals - current), one per row of ``current``."""
    n = n_reference + n_current
    expected_current = totals * (n_current / n)
    # (reference - expected_reference) = -(current - expected_current), so both rows add up to:
    weights = 1.0 / expected_current + 1.0 / (totals * (n_reference / n))
    values: FloatArray = (((current - expected_current) ** 2) * weights).sum(axis=-1)
    return values


def homogeneity_test(histogram: Histogram, draws: int = MONTE_CARLO_DRAWS) -> tuple[float, float]:
    """Pearson's chi-square test that both samples come from one distribution over the bins.

    Returns (X^2, p-value). The p-value is the chi-square(k - 1) tail when every expected count
    is at least ``MIN_EXPECTED`` (Cochran's rule), otherwise a Monte Carlo exact test: ``draws``
    tables with the same bin totals and sample sizes (current counts drawn from the multivariate
    hypergeometric distribution, i.e. rows permuted between the samples; fixed seed), p =
    (1 + #{X^2 >= observed}) / (1 + draws).
    """
    k = len(histogram.labels)
    n_reference, n_current = float(histogram.reference.sum()), float(histogram.current.sum())
    if k < 2 or n_reference == 0 or n_current == 0:
        return 0.0, 1.0
    totals = histogram.reference + histogram.current  # every bin > 0: empty bins are dropped
    chi2 = float(_pearson(histogram.current, totals, n_reference, n_current))
    n = n_reference + n_current
    if float(totals.min()) * min(n_reference, n_current) / n >= MIN_EXPECTED:
        from scipy import stats

        return chi2, float(stats.chi2.sf(chi2, k - 1))
    rng = np.random.default_rng(MONTE_CARLO_SEED)
    colors = totals.astype(np.int64)
    at_least = 0
    chunk = max(1, min(draws, 2_000_000 // k))
    done = 0
    while done < draws:
        size = min(chunk, draws - done)
        tables = rng.multivariate_hypergeometric(colors, int(n_current), size=size, method="marginals")
        values = _pearson(tables.astype("float64"), totals, n_reference, n_current)
        at_least += int(np.count_nonzero(values >= chi2 * (1 - 1e-12)))
        done += size
    return chi2, (1 + at_least) / (1 + draws)


def chi_square_test(histogram: Histogram, draws: int = MONTE_CARLO_DRAWS) -> Comparison:
    """Chi-square test of homogeneity of the two samples' counts; statistic = Cramer's V (balanced), in [0, 1]."""
    k = len(histogram.labels)
    n_current = float(histogram.current.sum())
    ref_shares, cur_shares = histogram.shares()
    if k < 2 or n_current == 0 or float(histogram.reference.sum()) == 0:
        label = histogram.labels[0] if k else ""

        def share(values: FloatArray) -> float:
            return float(values[0]) if k else math.nan

        return Comparison(0.0, 1.0, label, share(ref_shares), share(cur_shares))
    _, p_value = homogeneity_test(histogram, draws)
    pooled = ref_shares + cur_shares  # > 0 in every bin
    terms = (cur_shares - ref_shares) ** 2 / pooled
    top = int(np.argmax(terms))
    return Comparison(
        statistic=float(math.sqrt(0.5 * float(terms.sum()))),
        p_value=float(p_value),
        top_bin=histogram.labels[top],
        top_reference_share=float(ref_shares[top]),
        top_current_share=float(cur_shares[top]),
    )
