"""The building blocks of components.drift and components.drift_statistics. The statistics
end to end (PSI, KS, chi-square on known samples) are checked through the component by
tests/pipelines/drift.test.ts; these pin the small functions their results are made of."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from components.common import CATEGORICAL, NUMERIC, ComponentError
from components.drift import CHI_SQUARE, KS, PSI, DriftSettings, check_settings, normalize_method, summarize
from components.drift_statistics import (
    EPSILON,
    MISSING_BIN,
    Histogram,
    categorical_histogram,
    chi_square_test,
    numeric_histogram,
    psi_terms,
    quantile_edges,
)


def test_quantile_edges_are_reference_values_at_each_level() -> None:
    values = np.arange(1.0, 11.0)  # 1..10
    assert quantile_edges(values, 4).tolist() == [3.0, 5.0, 8.0]  # ceil(q * 10)-th smallest value
    assert quantile_edges(values, 10).tolist() == [float(v) for v in range(1, 10)]


def test_quantile_edges_merge_ties_and_skip_missing_values() -> None:
    values = np.array([0.0, 1.0, np.nan, 0.0, 1.0, 1.0, np.nan])
    assert quantile_edges(values, 10).tolist() == [0.0, 1.0]
    assert quantile_edges(np.array([np.nan, np.nan]), 10).size == 0


def test_numeric_histogram_closes_bins_on_the_right_and_counts_missing_apart() -> None:
    reference = pd.Series([1.0, 2.0, 3.0, 4.0, np.nan])
    current = pd.Series([0.0, 2.0, 2.5, 9.0, np.nan, np.nan])
    histogram = numeric_histogram(reference, current, bins=2)
    assert histogram.labels == ["<= 2", "> 2", MISSING_BIN]
    assert histogram.reference.tolist() == [2.0, 2.0, 1.0]
    assert histogram.current.tolist() == [2.0, 2.0, 2.0]


def test_categorical_histogram_pools_unseen_categories_and_names_the_commonest() -> None:
    reference = pd.Series(["a", "b", "b", None], dtype=object)
    current = pd.Series(["a", "c", "c", "d", None, None], dtype=object)
    histogram, examples = categorical_histogram(reference, current)
    assert histogram.labels == ["a", "b", "(unseen)", MISSING_BIN]
    assert histogram.reference.tolist() == [1.0, 2.0, 0.0, 1.0]
    assert histogram.current.tolist() == [1.0, 0.0, 3.0, 2.0]
    assert examples == ["c", "d"]


def test_without_empty_bins_drops_bins_empty_on_both_sides() -> None:
    histogram = Histogram(["x", "y", "z"], np.array([1.0, 0.0, 0.0]), np.array([0.0, 0.0, 2.0]))
    kept = histogram.without_empty_bins()
    assert kept.labels == ["x", "z"]
    assert kept.reference.tolist() == [1.0, 0.0]


def test_psi_terms_are_zero_for_equal_shares_and_floored_at_epsilon() -> None:
    shares = np.array([0.2, 0.3, 0.5])
    assert psi_terms(shares, shares).tolist() == [0.0, 0.0, 0.0]
    terms = psi_terms(np.array([0.5, 0.5]), np.array([1.0, 0.0]))
    assert terms[0] == pytest.approx(0.5 * math.log(2))
    # An empty bin is floored, so it contributes a large but finite term.
    assert terms[1] == pytest.approx((EPSILON - 0.5) * math.log(EPSILON / 0.5))
    assert all(term >= 0 for term in terms)


def test_chi_square_on_one_bin_is_no_drift() -> None:
    result = chi_square_test(Histogram(["a"], np.array([5.0]), np.array([7.0])))
    assert (result.statistic, result.p_value, result.top_bin) == (0.0, 1.0, "a")
    assert (result.top_reference_share, result.top_current_share) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("text", "kind", "method"),
    [
        (" PSI ", NUMERIC, PSI),
        ("Kolmogorov-Smirnov", NUMERIC, KS),
        ("chi-square", CATEGORICAL, CHI_SQUARE),
        ("chisquare", CATEGORICAL, CHI_SQUARE),
    ],
)
def test_normalize_method_accepts_aliases(text: str, kind: str, method: str) -> None:
    assert normalize_method(text, kind) == method


@pytest.mark.parametrize(("text", "kind"), [("chi2", NUMERIC), ("ks", CATEGORICAL), ("wasserstein", NUMERIC)])
def test_normalize_method_refuses_a_method_for_the_wrong_kind(text: str, kind: str) -> None:
    with pytest.raises(ComponentError, match=f"{kind}_method"):
        normalize_method(text, kind)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"psi_threshold": 0.0}, "psi_threshold must be a number > 0"),
        ({"ks_threshold": 1.0}, "ks_threshold must be a number > 0 and < 1"),
        ({"p_value_threshold": math.nan}, "p_value_threshold"),
        ({"missing_share_threshold": 1.5}, "missing_share_threshold must be a number > 0 and <= 1"),
        ({"bins": 1}, "bins must be an integer from 2 to 100"),
        ({"bins": 2.5}, "bins must be an integer"),
        ({"min_rows": 9}, "min_rows must be an integer >= 10"),
    ],
)
def test_check_settings_refuses_out_of_range_values(change: dict[str, object], message: str) -> None:
    settings = replace(DriftSettings(), **change)
    with pytest.raises(ComponentError, match=message):
        check_settings(settings)


def test_check_settings_normalizes_method_names_and_keeps_valid_bounds() -> None:
    settings = check_settings(
        DriftSettings(numeric_method="KS", categorical_method="chi-square", missing_share_threshold=1)
    )
    assert (settings.numeric_method, settings.categorical_method) == (KS, CHI_SQUARE)
    assert settings.threshold(KS) == 0.1


def test_summarize_gives_flat_numbers_per_feature_and_maxima() -> None:
    rows = [
        {"feature": "age", "method": KS, "statistic": 0.3, "psi": 0.4, "drifted": True},
        {"feature": "tenure", "method": KS, "statistic": math.nan, "psi": 0.0, "drifted": False},
        {"feature": "plan", "method": PSI, "statistic": 0.1, "psi": 0.1, "drifted": False},
    ]
    assert summarize(rows, 500, 200) == {
        "drift_detected": 1,
        "drifted_features": 1,
        "features_checked": 3,
        "reference_rows": 500,
        "current_rows": 200,
        "max_psi": 0.4,
        "max_ks": 0.3,
        "psi_age": 0.4,
        "ks_age": 0.3,
        "psi_tenure": 0.0,
        "psi_plan": 0.1,
    }
