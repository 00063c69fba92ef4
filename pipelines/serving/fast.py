"""serving.fast: one instance scored without pandas, for the common shape of model.

A request of one instance spends most of its time in per-call overhead, not arithmetic:
building a one-row DataFrame, ColumnTransformer selecting columns by name, each transformer
validating its input, and a random forest dispatching its trees through joblib (~6 ms for the
churn model). ``compile_fast_path`` reads the fitted parameters of a Pipeline made of the
steps train.py uses — a ColumnTransformer of SimpleImputer, StandardScaler and OneHotEncoder
(alone or in Pipelines), then any estimator — and applies the same arithmetic to one row with
numpy (~1 ms). The estimator sees the matrix scikit-learn would give it (sparse when the
ColumnTransformer's output is), and a forest classifier's trees (bare, or inside the
calibration train.py adds) are summed in the order and the float32 precision scikit-learn uses,
so the answers are bit-identical to the DataFrame path (tests/test_tasks_served.py checks it
row by row). Any other step, or an option these
steps do not mirror (an indicator, infrequent categories, a dropped category, ...), gives
``None``: the server then scores every request through the DataFrame.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np

# One transformer of one row: a (1, n) array in, a (1, m) array out.
Step = Callable[[Any], Any]


class FastPath:
    """The Pipeline's transform and final estimator, compiled for one row of raw values."""

    def __init__(self, groups: list[tuple[list[int], bool, list[Step]]], sparse: bool, estimator: Any) -> None:
        self.groups = groups  # per ColumnTransformer part: value positions, numeric?, its steps
        self.sparse = sparse
        self.estimator = estimator
        # A forest (bare, or calibrated as train.py saves classifiers) scored without joblib.
        self.scorer = fast_scorer(estimator)

    def features(self, values: list[Any]) -> Any:
        parts = []
        for positions, numeric, steps in self.groups:
            part = np.array([[values[i] for i in positions]], dtype="float64" if numeric else object)
            for step in steps:
                part = step(part)
            parts.append(np.asarray(part, dtype="float64"))
        matrix = np.hstack(parts)
        # The forest's trees read a dense float32 copy either way.
        if self.sparse and self.scorer is None:
            from scipy import sparse

            return sparse.csr_matrix(matrix)
        return matrix

    def predict_proba(self, values: list[Any]) -> Any:
        return (self.scorer or self.estimator).predict_proba(self.features(values))

    def predict(self, values: list[Any]) -> Any:
        return self.estimator.predict(self.features(values))


class FastForest:
    """A fitted forest classifier's predict_proba for one row, without joblib's dispatch: what
    ForestClassifier.predict_proba does with n_jobs=1 — the trees' float32 input, their
    probabilities summed in order, then divided."""

    def __init__(self, forest: Any) -> None:
        self.forest = forest
        self.classes_ = forest.classes_

    def predict_proba(self, X: Any) -> Any:
        X32 = np.asarray(X.toarray() if hasattr(X, "toarray") else X, dtype="float32")
        total = np.zeros((X32.shape[0], self.forest.n_classes_), dtype="float64")
        for tree in self.forest.estimators_:
            total += tree.predict_proba(X32, check_input=False)
        total /= len(self.forest.estimators_)
        return total


def fast_scorer(estimator: Any) -> Any:
    """An object whose predict_proba gives ``estimator``'s bits faster, or None. A calibrated
    forest (CalibratedClassifierCV with ensemble=False: one classifier) keeps scikit-learn's
    own calibration code, on a copy whose forest is the FastForest."""
    import copy

    from sklearn.calibration import CalibratedClassifierCV

    if forest_classifier(estimator):
        return FastForest(estimator)
    if type(estimator) is not CalibratedClassifierCV or len(estimator.calibrated_classifiers_) != 1:
        return None
    calibrated = estimator.calibrated_classifiers_[0]
    if not forest_classifier(calibrated.estimator):
        return None
    # The mean over one calibrated classifier is that classifier's answer, bit for bit.
    fast = copy.copy(calibrated)
    fast.estimator = FastForest(calibrated.estimator)
    return fast


def forest_classifier(estimator: Any) -> bool:
    from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier

    # Exact classes: a subclass may change how the trees are combined.
    return type(estimator) in (RandomForestClassifier, ExtraTreesClassifier) and estimator.n_outputs_ == 1


def compile_fast_path(estimator: Any, names: list[str], kinds: dict[str, str]) -> FastPath | None:
    """A FastPath for ``estimator`` taking values in the order of ``names``, or None when the
    Pipeline has a step (or an option of one) it does not mirror exactly."""
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import Pipeline

    if type(estimator) is not Pipeline:
        return None
    steps = [step for _, step in estimator.steps if step not in (None, "passthrough")]
    if len(steps) != 2 or type(steps[0]) is not ColumnTransformer:
        return None
    columns, final = steps
    position = {name: index for index, name in enumerate(names)}
    groups = []
    for _, transformer, selected in columns.transformers_:
        # ColumnTransformer leaves a part out of its output when it selected no column (a
        # make_column_selector that found none: training's categorical part on numeric data).
        if transformer == "drop" or (isinstance(selected, list) and not selected):
            continue
        if not isinstance(selected, list) or not all(name in position for name in selected) or not selected:
            return None  # selected by index, by a callable, or a column the schema lacks
        compiled = compile_steps(transformer)
        numeric = {kinds[name] == "numeric" for name in selected}
        # Text must end as numbers: a categorical part needs its one-hot step last.
        if compiled is None or len(numeric) != 1 or not (numeric == {True} or compiled[-1].__name__ == "encode"):
            return None
        groups.append(([position[name] for name in selected], numeric == {True}, compiled))
    if not groups:
        return None
    return FastPath(groups, bool(columns.sparse_output_), final)


def compile_steps(transformer: Any) -> list[Step] | None:
    from sklearn.pipeline import Pipeline

    if type(transformer) is Pipeline:
        parts = [step for _, step in transformer.steps if step not in (None, "passthrough")]
    else:
        parts = [transformer]
    compiled = []
    for part in parts:
        step = compile_step(part)
        if step is None:
            return None
        compiled.append(step)
    return compiled


def compile_step(step: Any) -> Step | None:
    from sklearn.impute import SimpleImputer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    kind = type(step)
    if kind is SimpleImputer:
        return imputer(step)
    if kind is StandardScaler:
        return scaler(step)
    if kind is OneHotEncoder:
        return one_hot(step)
    return None


def is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def imputer(step: Any) -> Step | None:
    statistics = list(step.statistics_)
    # A statistic that is missing drops its column (a column with no value in training).
    if step.add_indicator or not is_nan(step.missing_values) or any(is_nan(value) for value in statistics):
        return None

    def impute(row: Any) -> Any:
        out = row.copy()
        for index, value in enumerate(out[0]):
            if is_nan(value):
                out[0, index] = statistics[index]
        return out

    return impute


def scaler(step: Any) -> Step | None:
    mean, scale = step.mean_, step.scale_

    def standardise(row: Any) -> Any:
        # The same float64 operations, in the same order, as StandardScaler.transform.
        out = np.array(row, dtype="float64")
        if mean is not None:
            out -= mean
        if scale is not None:
            out /= scale
        return out

    return standardise


def one_hot(step: Any) -> Step | None:
    if step.drop_idx_ is not None or getattr(step, "_infrequent_enabled", False) or step.handle_unknown != "ignore":
        return None
    lookups = [{value: index for index, value in enumerate(categories)} for categories in step.categories_]
    if not all(isinstance(value, str) for lookup in lookups for value in lookup):
        return None
    offsets = np.cumsum([0] + [len(categories) for categories in step.categories_])

    def encode(row: Any) -> Any:
        out = np.zeros((1, int(offsets[-1])), dtype=step.dtype)
        for column, value in enumerate(row[0]):
            index = lookups[column].get(value) if isinstance(value, str) else None
            if index is not None:  # an unknown category is all zeros (handle_unknown="ignore")
                out[0, offsets[column] + index] = 1
        return out

    return encode
