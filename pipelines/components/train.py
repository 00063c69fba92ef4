"""train: fit a scikit-learn classifier with a randomized hyper-parameter search.

One module serves both models; the two component.yaml files differ only in the fixed
``--model-type`` argument:

    python3 -m components.train --model-type random_forest --train-data out/train.csv \
        --preprocess-report out/report.json --model out/model

The model is a Pipeline(ColumnTransformer -> classifier): numeric columns get median
imputation and standard scaling, categorical columns most-frequent imputation and a
one-hot encoder that ignores unseen categories, so the fitted model takes a DataFrame
with the named feature columns. The `--model` output is a directory holding
``model.joblib`` (the fitted Pipeline) and ``metadata.json`` (feature schema, label
mapping, versions, search results).
"""

from __future__ import annotations

import os
import platform
from typing import Any, Sequence

import pandas as pd

from .common import (
    CATEGORICAL,
    METADATA_FILE,
    MODEL_FILE,
    NUMERIC,
    ArgumentParser,
    ComponentError,
    elapsed,
    integer,
    kind_of_dtype,
    log,
    positive_int,
    read_features,
    read_json,
    require_columns,
    run,
    write_json,
)

# Hyper-parameter grids, valid for scikit-learn >= 1.2 (no max_features="auto"). Kept
# small enough that 10 iterations x 3 folds of both models fit in ~30 s on 2 cores.
SEARCH_SPACES: dict[str, dict[str, list[Any]]] = {
    "random_forest": {
        "n_estimators": [50, 100, 200],
        "max_depth": [None, 4, 8, 16],
        "min_samples_split": [2, 5, 10],
        "min_samples_leaf": [1, 2, 4],
        "max_features": ["sqrt", "log2", 0.5],
        "class_weight": [None, "balanced"],
    },
    "decision_tree": {
        "criterion": ["gini", "entropy"],
        "max_depth": [None, 3, 4, 5, 6, 8, 12],
        "min_samples_split": [2, 5, 10, 20],
        "min_samples_leaf": [1, 2, 4, 8, 16],
        "max_features": [None, "sqrt"],
        "class_weight": [None, "balanced"],
        "ccp_alpha": [0.0, 0.001, 0.005, 0.01],
    },
}
MODEL_TYPES = tuple(SEARCH_SPACES)


def make_estimator(model_type: str, seed: int) -> Any:
    if model_type == "random_forest":
        from sklearn.ensemble import RandomForestClassifier

        # n_jobs=1: the two trainings of the pipeline run side by side on 2 cores.
        return RandomForestClassifier(random_state=seed, n_jobs=1)
    if model_type == "decision_tree":
        from sklearn.tree import DecisionTreeClassifier

        return DecisionTreeClassifier(random_state=seed)
    raise ComponentError(f"unknown model_type {model_type!r}; expected one of {', '.join(MODEL_TYPES)}")


def make_pipeline(numeric: list[str], categorical: list[str], estimator: Any) -> Any:
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    branches = []
    if numeric:
        branches.append(
            (
                "numeric",
                Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
                numeric,
            )
        )
    if categorical:
        branches.append(
            (
                "categorical",
                Pipeline(
                    [
                        ("impute", SimpleImputer(strategy="most_frequent")),
                        ("onehot", OneHotEncoder(handle_unknown="ignore")),
                    ]
                ),
                categorical,
            )
        )
    return Pipeline([("features", ColumnTransformer(branches, remainder="drop")), ("model", estimator)])


def search_space_size(space: dict[str, list[Any]]) -> int:
    size = 1
    for values in space.values():
        size *= len(values)
    return size


def feature_schema(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    schema = []
    for name in columns:
        kind = kind_of_dtype(frame[name].dtype)
        entry: dict[str, Any] = {"name": name, "kind": kind, "dtype": str(frame[name].dtype)}
        if kind == CATEGORICAL:
            entry["categories"] = sorted(frame[name].dropna().astype(str).unique().tolist())
        schema.append(entry)
    return schema


def versions() -> dict[str, str]:
    import joblib
    import numpy
    import sklearn

    return {
        "scikit-learn": sklearn.__version__,
        "pandas": pd.__version__,
        "numpy": numpy.__version__,
        "joblib": joblib.__version__,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="python3 -m components.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--train-data", required=True, help="input path: train CSV written by preprocess")
    parser.add_argument(
        "--preprocess-report",
        default="",
        help="input path: preprocess report (column kinds, target, label mapping); optional",
    )
    parser.add_argument("--model-type", required=True, choices=MODEL_TYPES)
    parser.add_argument("--seed", type=integer, default=42)
    parser.add_argument("--search-iterations", type=positive_int, default=10)
    parser.add_argument("--cv-folds", type=positive_int, default=3)
    parser.add_argument("--model", required=True, help="output path: directory for model.joblib + metadata.json")
    args = parser.parse_args(argv)
    if args.cv_folds < 2:
        raise ComponentError(f"cv_folds must be at least 2, got {args.cv_folds}")

    import joblib
    from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold

    report: dict[str, Any] = read_json(args.preprocess_report, "preprocess_report") if args.preprocess_report else {}
    kinds = {f["name"]: f["kind"] for f in report.get("feature_columns", [])}
    frame = read_features(args.train_data, kinds, "train_data")
    target = report.get("target_column") or str(frame.columns[-1])
    require_columns(frame, [target, *kinds], "train_data")
    columns = [name for name in frame.columns if name != target]
    if not columns:
        raise ComponentError("train_data has no feature columns")
    y = pd.to_numeric(frame[target], errors="coerce")
    if y.isna().any() or not (y % 1 == 0).all():
        raise ComponentError(f"target column {target!r} must hold the integer class codes written by preprocess")
    y = y.astype("int64")
    X = frame[columns]
    classes = sorted(y.unique().tolist())
    if len(classes) < 2:
        raise ComponentError(f"train_data holds a single class ({classes[0]}); need at least two")

    schema = feature_schema(X, columns)
    numeric = [f["name"] for f in schema if f["kind"] == NUMERIC]
    categorical = [f["name"] for f in schema if f["kind"] == CATEGORICAL]

    smallest_class = int(y.value_counts().min())
    folds = args.cv_folds
    fold_note = None
    if smallest_class < folds:
        if smallest_class < 2:
            raise ComponentError(
                f"the smallest class has {smallest_class} training row(s); cross-validation needs at least 2"
            )
        fold_note = f"cv_folds lowered from {folds} to {smallest_class}: the smallest class has {smallest_class} rows"
        folds = smallest_class

    binary = len(classes) == 2
    scoring = "roc_auc" if binary else "accuracy"
    space = {f"model__{key}": values for key, values in SEARCH_SPACES[args.model_type].items()}
    iterations = min(args.search_iterations, search_space_size(space))
    search = RandomizedSearchCV(
        make_pipeline(numeric, categorical, make_estimator(args.model_type, args.seed)),
        param_distributions=space,
        n_iter=iterations,
        scoring=scoring,
        cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=args.seed),
        random_state=args.seed,
        n_jobs=1,
        refit=True,
        error_score="raise",
    )
    log(
        f"{args.model_type}: {len(X)} rows, {len(numeric)} numeric + {len(categorical)} categorical features, "
        f"{iterations} candidates x {folds} folds, scoring {scoring}"
    )
    if fold_note:
        log(fold_note)
    search.fit(X, y)
    best_params = {key.removeprefix("model__"): value for key, value in search.best_params_.items()}
    cv_score = float(search.best_score_)
    cv_std = float(search.cv_results_["std_test_score"][search.best_index_])

    if os.path.isfile(args.model):
        raise ComponentError(f"model output path {args.model} is a file; it must be a directory (or not exist)")
    os.makedirs(args.model, exist_ok=True)
    joblib.dump(search.best_estimator_, os.path.join(args.model, MODEL_FILE))
    label_mapping = report.get("label_mapping")
    metadata = {
        "framework": "scikit-learn",
        "framework_version": versions()["scikit-learn"],
        "python_version": platform.python_version(),
        "library_versions": versions(),
        "model_type": args.model_type,
        "model_file": MODEL_FILE,
        "task": "binary" if binary else "multiclass",
        "target": target,
        "classes": classes,
        "label_mapping": label_mapping,
        "positive_class": report.get("positive_class"),
        "feature_schema": schema,
        "cv_metric": scoring,
        "cv_score": cv_score,
        "cv_score_std": cv_std,
        "cv_folds": folds,
        "search_iterations": iterations,
        "best_params": best_params,
        "training_rows": int(len(X)),
        "seed": args.seed,
    }
    if fold_note:
        metadata["notes"] = [fold_note]
    write_json(os.path.join(args.model, METADATA_FILE), metadata)
    log(f"best cv {scoring} {cv_score:.4f} (+/- {cv_std:.4f}) with {best_params}")
    log(f"wrote {args.model}/{MODEL_FILE} and {METADATA_FILE} in {elapsed()}")


if __name__ == "__main__":
    run("train", main)
