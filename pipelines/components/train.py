"""train: fit every candidate model of the `models` list, each with a cross-validated search.

    python3 -m components.train --train-data out/train.csv --preprocess-report out/report.json \
        --models '["random_forest", {"name": "logreg", "estimator": "sklearn.linear_model.LogisticRegression",
                   "params": {"max_iter": 1000}, "search": {"C": [0.1, 1, 10]}}]' --model out/models

A candidate is the name of a built-in default (DEFAULT_MODELS: random_forest, decision_tree,
hist_gradient_boosting, linear) or an object: ``name``, ``estimator`` (import path of any
scikit-learn-compatible class, or {"classification": path, "regression": path}), ``params``
(fixed), ``search`` ({parameter: [values]}, sampled by a randomized search of at most
--search-iterations settings x --cv-folds folds) and ``numeric`` ("standard", or "arcsinh" to
compress long-tailed numbers first). An empty --models means the defaults.

Each model is a Pipeline(the user's feature steps from pipelines/features.py -> ColumnTransformer
-> estimator): numeric columns get median imputation, arcsinh when the candidate asks for it, and
standard scaling, the others most-frequent imputation and one-hot encoding that ignores unseen
categories, so the saved model takes the raw feature columns. The candidates train side by side
in worker processes, the CPUs shared out so that workers x search jobs stays within the CPUs the
task has.

The --model output is a directory with one sub-directory per candidate (model.joblib and
metadata.json, see components.model_files) and index.json listing them with their CV scores.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, Sequence

import pandas as pd

from .common import (
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
from .model_files import save_model

INDEX_FILE = "index.json"
CLASSIFICATION, REGRESSION = "classification", "regression"
# How a candidate's numeric columns are prepared (after median imputation). "arcsinh" compresses
# long tails (charges, counts, amounts) to a log-like scale and keeps the sign; it is monotone, so
# it changes nothing for trees but lets a linear model bend with the number.
NUMERIC_TRANSFORMS = ("standard", "arcsinh")
# Search spaces valid for scikit-learn >= 1.2; small enough that the defaults take seconds on 2 cores.
# "<family>_params" and "<family>_search" add to "params" and "search" for that family of tasks.
DEFAULT_MODELS: dict[str, dict[str, Any]] = {
    "random_forest": {
        "estimator": {
            CLASSIFICATION: "sklearn.ensemble.RandomForestClassifier",
            REGRESSION: "sklearn.ensemble.RandomForestRegressor",
        },
        "search": {
            "n_estimators": [50, 100],
            "max_depth": [None, 4, 8, 16],
            "min_samples_split": [2, 5, 10],
            "min_samples_leaf": [1, 2, 4],
            "max_features": ["sqrt", "log2"],
        },
        "classification_search": {"class_weight": [None, "balanced"]},
    },
    "decision_tree": {
        "estimator": {
            CLASSIFICATION: "sklearn.tree.DecisionTreeClassifier",
            REGRESSION: "sklearn.tree.DecisionTreeRegressor",
        },
        "search": {
            "max_depth": [None, 3, 4, 5, 6, 8, 12],
            "min_samples_split": [2, 5, 10, 20],
            "min_samples_leaf": [1, 2, 4, 8, 16],
            "max_features": [None, "sqrt"],
            "ccp_alpha": [0.0, 0.001, 0.005, 0.01],
        },
        "classification_search": {"criterion": ["gini", "entropy"], "class_weight": [None, "balanced"]},
    },
    "hist_gradient_boosting": {
        "estimator": {
            CLASSIFICATION: "sklearn.ensemble.HistGradientBoostingClassifier",
            REGRESSION: "sklearn.ensemble.HistGradientBoostingRegressor",
        },
        "search": {
            "learning_rate": [0.05, 0.1],
            "max_iter": [50, 100],
            "max_leaf_nodes": [7, 15],
            "min_samples_leaf": [10, 20, 40],
            "l2_regularization": [0.0, 0.1, 1.0],
        },
    },
    "linear": {
        "estimator": {
            CLASSIFICATION: "sklearn.linear_model.LogisticRegression",
            REGRESSION: "sklearn.linear_model.Ridge",
        },
        "numeric": "arcsinh",
        # lbfgs needs more than its default 100 iterations on a few dozen one-hot columns.
        "classification_params": {"max_iter": 1000},
        "classification_search": {"C": [0.01, 0.1, 1.0, 10.0]},
        "regression_search": {"alpha": [0.1, 1.0, 10.0, 100.0]},
    },
}
# Primary metric -> (scikit-learn scorer for binary, for multiclass) or the regression scorer.
CLASSIFICATION_SCORERS = {
    "accuracy": ("accuracy", "accuracy"),
    "roc_auc": ("roc_auc", "roc_auc_ovr_weighted"),
    "f1": ("f1", "f1_weighted"),
    "precision": ("precision", "precision_weighted"),
    "recall": ("recall", "recall_weighted"),
    "log_loss": ("neg_log_loss", "neg_log_loss"),
}
REGRESSION_SCORERS = {"rmse": "neg_root_mean_squared_error", "mae": "neg_mean_absolute_error", "r2": "r2"}
DEFAULT_PRIMARY = {CLASSIFICATION: "roc_auc", REGRESSION: "rmse"}
SEARCH_METHODS = ("randomized", "halving")
CALIBRATION = "sigmoid on cross-validated predictions (CalibratedClassifierCV, ensemble=False)"


def task_family(task: str) -> str:
    return REGRESSION if task == REGRESSION else CLASSIFICATION


def scorer(primary: str, task: str) -> str:
    """The scikit-learn scorer of the primary metric; negated ("neg_") scorers are lower-is-better metrics."""
    if task == REGRESSION:
        if primary not in REGRESSION_SCORERS:
            raise ComponentError(
                f"primary_metric {primary!r} is not one of {', '.join(REGRESSION_SCORERS)} (regression)"
            )
        return REGRESSION_SCORERS[primary]
    if primary not in CLASSIFICATION_SCORERS:
        raise ComponentError(
            f"primary_metric {primary!r} is not one of {', '.join(CLASSIFICATION_SCORERS)} (classification)"
        )
    return CLASSIFICATION_SCORERS[primary][0 if task == "binary" else 1]


def candidate_entry(entry: Any, family: str) -> dict[str, Any]:
    """One entry of the models list as {name, estimator (a class path), params, search, numeric}."""
    if isinstance(entry, str):
        if entry not in DEFAULT_MODELS:
            raise ComponentError(f"unknown model {entry!r}; built-in models are {', '.join(DEFAULT_MODELS)}")
        default = DEFAULT_MODELS[entry]
        entry = {
            "name": entry,
            "estimator": default["estimator"],
            "params": {**default.get("params", {}), **default.get(f"{family}_params", {})},
            "search": {**default.get("search", {}), **default.get(f"{family}_search", {})},
            "numeric": default.get("numeric", "standard"),
        }
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"]:
        raise ComponentError(f'model {json.dumps(entry)} needs a "name" (a string)')
    name, estimator = entry["name"], entry.get("estimator")
    unknown = sorted(set(entry) - {"name", "estimator", "params", "search", "numeric"})
    if unknown:
        raise ComponentError(
            f"model {name!r} has unknown key(s) {', '.join(unknown)}; use estimator, params, search, numeric"
        )
    numeric = entry.get("numeric", "standard")
    if numeric not in NUMERIC_TRANSFORMS:
        raise ComponentError(f"model {name!r}: numeric must be one of {', '.join(NUMERIC_TRANSFORMS)}, got {numeric!r}")
    if isinstance(estimator, dict):
        estimator = estimator.get(family)
    if not isinstance(estimator, str) or "." not in estimator:
        raise ComponentError(
            f'model {name!r} needs "estimator": a class import path such as '
            f"sklearn.ensemble.RandomForestClassifier (or one per task under {CLASSIFICATION!r}/{REGRESSION!r})"
        )
    params, search = entry.get("params") or {}, entry.get("search") or {}
    if not isinstance(params, dict) or not isinstance(search, dict):
        raise ComponentError(f"model {name!r}: params and search must be JSON objects")
    for key, values in search.items():
        if not isinstance(values, list) or not values:
            raise ComponentError(f"model {name!r}: search.{key} must be a non-empty list of values")
    if not name.replace("_", "").replace("-", "").isalnum():
        raise ComponentError(f"model name {name!r} must be letters, digits, '_' or '-' (it names a folder)")
    return {"name": name, "estimator": estimator, "params": params, "search": search, "numeric": numeric}


def parse_models(text: str, task: str) -> list[dict[str, Any]]:
    """The candidates as {name, estimator (a class path), params, search}, checked for shape."""
    try:
        entries = json.loads(text) if text.strip() else list(DEFAULT_MODELS)
    except json.JSONDecodeError as error:
        raise ComponentError(f"models is not valid JSON ({error}); give a JSON list of names or objects") from None
    if not isinstance(entries, list) or not entries:
        raise ComponentError("models must be a non-empty JSON list of model names or {name, estimator, ...} objects")
    family = task_family(task)
    candidates = [candidate_entry(entry, family) for entry in entries]
    names = [c["name"] for c in candidates]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ComponentError(f"model name(s) {', '.join(duplicates)} appear more than once; names must be unique")
    return candidates


def make_estimator(candidate: dict[str, Any], seed: int) -> Any:
    module_name, _, class_name = candidate["estimator"].rpartition(".")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as error:
        raise ComponentError(
            f"model {candidate['name']!r}: cannot import {candidate['estimator']} ({error}); "
            "install its package in the training image or fix the path"
        ) from None
    estimator = cls()
    accepted = estimator.get_params()
    unknown = sorted((set(candidate["params"]) | set(candidate["search"])) - set(accepted))
    if unknown:
        raise ComponentError(
            f"model {candidate['name']!r}: {candidate['estimator']} has no parameter(s) {', '.join(unknown)}"
        )
    # Reproducible unless the user fixes it; n_jobs=1 because the search and the workers share the CPUs.
    defaults = {key: value for key, value in (("random_state", seed), ("n_jobs", 1)) if key in accepted}
    return estimator.set_params(**{**defaults, **candidate["params"]})


def feature_steps() -> list[tuple[str, Any]]:
    """The user's steps from pipelines/features.py (none when the module is not there)."""
    try:
        import features
    except ModuleNotFoundError as error:
        if error.name != "features":
            raise
        return []
    steps = features.feature_steps()
    if not isinstance(steps, list) or not all(isinstance(s, tuple) and len(s) == 2 for s in steps):
        raise ComponentError("features.feature_steps() must return a list of (name, transformer) pairs")
    clash = sorted({name for name, _ in steps} & {"columns", "model"})
    if clash:
        raise ComponentError(f"feature step name(s) {', '.join(clash)} are reserved; rename them in features.py")
    return list(steps)


def make_pipeline(steps: list[tuple[str, Any]], estimator: Any, numeric: str = "standard") -> Any:
    import numpy as np
    from sklearn.compose import ColumnTransformer, make_column_selector
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

    # A numpy ufunc pickles by name, so the saved model needs none of this module's code.
    reshape = [("arcsinh", FunctionTransformer(np.arcsinh))] if numeric == "arcsinh" else []
    # Columns are chosen by dtype when fitted, so columns the feature steps add are used too.
    columns = ColumnTransformer(
        [
            (
                "numeric",
                Pipeline([("impute", SimpleImputer(strategy="median")), *reshape, ("scale", StandardScaler())]),
                make_column_selector(dtype_include="number"),
            ),
            (
                "categorical",
                Pipeline(
                    [
                        ("impute", SimpleImputer(strategy="most_frequent")),
                        # Dense: HistGradientBoosting (and many third-party models) take no sparse input.
                        ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
                    ]
                ),
                make_column_selector(dtype_exclude="number"),
            ),
        ],
        remainder="drop",
    )
    return Pipeline([*steps, ("columns", columns), ("model", estimator)])


def cpu_budget() -> int:
    """CPUs this task may use: the affinity mask and the container's CPU quota (cgroups), whichever is lower."""
    import joblib

    return max(1, int(joblib.cpu_count()))


def share_cpus(cpus: int, candidates: int) -> tuple[int, int]:
    """(candidates fitted at once, search jobs each): as many at once as CPUs allow, the rest of the
    CPUs to each search, so that the product never exceeds ``cpus``."""
    workers = max(1, min(candidates, cpus))
    return workers, max(1, cpus // workers)


def fit_candidate(job: dict[str, Any]) -> dict[str, Any]:
    """Runs one candidate's search (in a worker process); returns the refitted best model and its scores."""
    from sklearn.experimental import enable_halving_search_cv  # noqa: F401 (registers the class)
    from sklearn.model_selection import (
        GridSearchCV,
        HalvingRandomSearchCV,
        KFold,
        RandomizedSearchCV,
        StratifiedKFold,
    )
    from threadpoolctl import threadpool_limits

    started = time.monotonic()
    candidate, seed, n_jobs = job["candidate"], job["seed"], job["n_jobs"]
    pipeline = make_pipeline(job["steps"], make_estimator(candidate, seed), candidate["numeric"])
    space = {f"model__{key}": values for key, values in candidate["search"].items()}
    size = 1
    for values in space.values():
        size *= len(values)
    iterations = min(job["iterations"], size)
    splitter = (KFold if job["task"] == REGRESSION else StratifiedKFold)(
        n_splits=job["folds"], shuffle=True, random_state=seed
    )
    # A classifier is refitted on all rows by its calibration (from `pipeline`, which the search
    # only cloned): the search's own refit would be thrown away.
    regression = job["task"] == REGRESSION
    common = {"scoring": job["scoring"], "cv": splitter, "n_jobs": n_jobs, "refit": regression, "error_score": "raise"}
    if not space:
        search = GridSearchCV(pipeline, {}, **common)
    elif job["method"] == "halving":
        # Successive halving: every setting on a third of the rows, the best third on more, and
        # so on (factor 3); the same budget of settings reaches further for the same time.
        start = halving_start(job, iterations)
        search = HalvingRandomSearchCV(
            pipeline, space, n_candidates=iterations, factor=3, min_resources=start, random_state=seed, **common
        )
    else:
        search = RandomizedSearchCV(pipeline, space, n_iter=iterations, random_state=seed, **common)
    # OpenMP models (HistGradientBoosting) would otherwise start a thread per CPU in every worker.
    with threadpool_limits(limits=n_jobs):
        search.fit(job["X"], job["y"])
        model = (
            search.best_estimator_
            if regression
            else calibrated(pipeline.set_params(**search.best_params_), splitter, job)
        )
    return {
        "name": candidate["name"],
        "model": model,
        "best_params": {key.removeprefix("model__"): value for key, value in search.best_params_.items()},
        "best_score": float(search.best_score_),
        "score_std": float(search.cv_results_["std_test_score"][search.best_index_]),
        "iterations": iterations,
        "seconds": round(time.monotonic() - started, 3),
    }


def halving_start(job: dict[str, Any], candidates: int) -> int:
    """Rows of the first halving round: enough that the last round gets every row, and never so
    few that a fold lacks a class (scikit-learn's own floor is 2 rows per class and fold, which
    leaves ROC AUC undefined)."""
    rows = len(job["X"])
    classes = 1 if job["task"] == REGRESSION else int(job["y"].nunique())
    rounds = math.ceil(math.log(candidates, 3)) if candidates > 1 else 0
    return int(min(rows, max(10 * job["folds"] * classes, rows // 3**rounds)))


def calibrated(pipeline: Any, splitter: Any, job: dict[str, Any]) -> Any:
    """The chosen pipeline with its classifier's probabilities calibrated (sigmoid, fitted on
    cross-validated predictions). class_weight="balanced" and trees skew probabilities, and a
    served label is the most probable class: calibrated, that is the accuracy-optimal choice.
    ensemble=False keeps one classifier refitted on all rows, so the ranking (ROC AUC) is unchanged."""
    from sklearn.base import clone
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.pipeline import Pipeline

    *prefix, (name, estimator) = pipeline.steps
    calibrator = CalibratedClassifierCV(
        clone(estimator), method="sigmoid", cv=splitter, n_jobs=job["n_jobs"], ensemble=False
    )
    return Pipeline([*prefix, (name, calibrator)]).fit(job["X"], job["y"])


def fit_all(jobs: list[dict[str, Any]], workers: int) -> list[dict[str, Any]]:
    if workers == 1:
        return [fit_candidate(job) for job in jobs]
    # fork: the workers inherit the imports and the user's feature steps without re-importing them.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        return list(pool.map(fit_candidate, jobs))


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="python3 -m components.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--train-data", required=True, help="input path: train CSV written by preprocess")
    parser.add_argument(
        "--preprocess-report", required=True, help="input path: preprocess report (column kinds, target, task)"
    )
    parser.add_argument("--models", default="", help="JSON list of candidate models (default: the built-in four)")
    parser.add_argument("--primary-metric", default="", help="CV metric that ranks the candidates (default by task)")
    parser.add_argument("--seed", type=integer, default=42)
    parser.add_argument("--search-iterations", type=positive_int, default=10)
    parser.add_argument(
        "--search-method",
        default="randomized",
        choices=SEARCH_METHODS,
        help="randomized: every setting on all rows; halving: successive halving over the rows",
    )
    parser.add_argument("--cv-folds", type=positive_int, default=3)
    parser.add_argument("--model", required=True, help="output path: directory of candidate model directories")
    args = parser.parse_args(argv)
    if args.cv_folds < 2:
        raise ComponentError(f"cv_folds must be at least 2, got {args.cv_folds}")

    report: dict[str, Any] = read_json(args.preprocess_report, "preprocess_report")
    task = report.get("task")
    if task not in ("binary", "multiclass", REGRESSION):
        raise ComponentError("preprocess_report has no task (binary, multiclass or regression); rerun preprocess")
    primary = args.primary_metric.strip().lower() or DEFAULT_PRIMARY[task_family(task)]
    scoring = scorer(primary, task)
    kinds = {f["name"]: f["kind"] for f in report.get("feature_columns", [])}
    target = report.get("target_column") or ""
    frame = read_features(args.train_data, kinds, "train_data")
    require_columns(frame, [target, *kinds], "train_data")
    columns = [name for name in frame.columns if name != target]
    if not columns:
        raise ComponentError("train_data has no feature columns")
    y = pd.to_numeric(frame[target], errors="coerce")
    if y.isna().any():
        raise ComponentError(f"target column {target!r} has missing or non-numeric values; rerun preprocess")
    X = frame[columns]
    classes: list[int] = []
    folds, notes = args.cv_folds, []
    if task == REGRESSION:
        y = y.astype("float64")
    else:
        if not (y % 1 == 0).all():
            raise ComponentError(f"target column {target!r} must hold the integer class codes written by preprocess")
        y = y.astype("int64")
        classes = sorted(y.unique().tolist())
        if len(classes) < 2:
            raise ComponentError(f"train_data holds a single class ({classes[0]}); need at least two")
        smallest = int(y.value_counts().min())
        if smallest < 2:
            raise ComponentError(f"the smallest class has {smallest} training row; cross-validation needs at least 2")
        if smallest < folds:
            notes.append(f"cv_folds lowered from {folds} to {smallest}: the smallest class has {smallest} rows")
            folds = smallest

    candidates = parse_models(args.models, task)
    steps = feature_steps()
    for candidate in candidates:
        make_estimator(candidate, args.seed)  # fail on a bad path or parameter before any fitting

    cpus = cpu_budget()
    workers, n_jobs = share_cpus(cpus, len(candidates))
    kinds_count = pd.Series([kind_of_dtype(X[c].dtype) for c in columns]).value_counts().to_dict()
    log(
        f"{task}: {len(X)} rows, {kinds_count} features, feature steps {[name for name, _ in steps]}; "
        f"{len(candidates)} candidates on {cpus} CPU(s): {workers} at once x {n_jobs} search job(s); "
        f"scoring {scoring}, {folds} folds"
    )
    for note in notes:
        log(note)
    jobs = [
        {
            "candidate": candidate,
            "steps": steps,
            "task": task,
            "X": X,
            "y": y,
            "seed": args.seed,
            "iterations": args.search_iterations,
            "method": args.search_method,
            "folds": folds,
            "scoring": scoring,
            "n_jobs": n_jobs,
        }
        for candidate in candidates
    ]
    results = fit_all(jobs, workers)

    higher_is_better = not scoring.startswith("neg_")
    index = []
    for candidate, result in zip(candidates, results):
        # Stored as the metric itself (rmse, not scikit-learn's negated score).
        cv_score = result["best_score"] if higher_is_better else -result["best_score"]
        save_model(
            os.path.join(args.model, candidate["name"]),
            result["model"],
            task=task,
            target=target,
            features_frame=X,
            classes=classes or None,
            label_mapping=report.get("label_mapping") if task != REGRESSION else None,
            extra={
                "model_type": candidate["name"],
                "estimator": candidate["estimator"],
                "feature_steps": [name for name, _ in steps],
                "primary_metric": primary,
                "cv_metric": scoring,
                "cv_score": cv_score,
                "cv_score_std": result["score_std"],
                "cv_higher_is_better": higher_is_better,
                "cv_folds": folds,
                "search_iterations": result["iterations"],
                "search_method": args.search_method,
                "numeric_transform": candidate["numeric"],
                "fixed_params": candidate["params"],
                "best_params": result["best_params"],
                "seed": args.seed,
                **({"majority_class": int(y.value_counts().idxmax())} if classes else {}),
                "training_seconds": result["seconds"],
                **({"calibration": CALIBRATION} if classes else {}),
                **({"notes": notes} if notes else {}),
            },
        )
        index.append(
            {
                "name": candidate["name"],
                "directory": candidate["name"],
                "estimator": candidate["estimator"],
                "cv_score": cv_score,
                "cv_score_std": result["score_std"],
                "training_seconds": result["seconds"],
            }
        )
        log(
            f"{candidate['name']}: cv {primary} {cv_score:.4f} (+/- {result['score_std']:.4f}) in "
            f"{result['seconds']:.1f}s with {result['best_params']}"
        )
    write_json(
        os.path.join(args.model, INDEX_FILE),
        {
            "task": task,
            "target": target,
            "primary_metric": primary,
            "cv_metric": scoring,
            "cv_higher_is_better": higher_is_better,
            "candidates": index,
        },
    )
    log(f"wrote {len(index)} model(s) and {INDEX_FILE} to {args.model} in {elapsed()}")


if __name__ == "__main__":
    run("train", main)
