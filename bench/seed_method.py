"""The training method this project started from, reproduced on one CSV, for bench/training-quality.ts.

    python3 bench/seed_method.py bench/data/telco-customer-churn.csv [--split-seed N --test-size F]

Prints one JSON line: {"accuracy", "roc_auc", "seconds", "best_model", "train_rows", "test_rows"}.

What the method does (the first version of this platform, before any of today's pipeline):

1. Preprocess: read the CSV, drop every row with a missing cell, take the LAST column as the
   label and, when its values are exactly {"Yes", "No"}, map them to 1/0. Split 70/30 with
   ``train_test_split(train_size=0.7, random_state=42)``, not stratified. Each step handed the
   next a CSV file, so the column types are what pandas infers when it reads that CSV back: in
   the Telco data the blank TotalCharges cells (" ") are not missing to pandas, so TotalCharges
   stays text, and customerID is text too; both are one-hot encoded like any other category.
2. Train two models, each on the same preprocessing: StandardScaler on the int64/float64 columns
   and OneHotEncoder(handle_unknown="ignore") on the object/category columns (a ColumnTransformer,
   other columns dropped), then
   * RandomForestClassifier(random_state=0) with RandomizedSearchCV(n_iter=20, cv=5, n_jobs=-1,
     random_state=0, default scoring = accuracy) over n_estimators [10, 50, 100, 200],
     max_depth [None, 10, 20, 30], min_samples_split [2, 5, 10], min_samples_leaf [1, 2, 4];
   * DecisionTreeClassifier(random_state=0) with the same search over max_depth, min_samples_split,
     min_samples_leaf and max_features [None, "auto", "sqrt", "log2"] ("auto" was removed in
     scikit-learn 1.3: there those settings fail and the search skips them, as it did then).
   Each search refits its best setting on all training rows, and its training accuracy is
   computed (the method logged it).
3. Evaluate: test accuracy of both; the decision tree wins only when strictly more accurate.
   The method reported accuracy only; the ROC AUC of the winner's predict_proba is added here so
   the two sides can be compared on both.

``--split-seed N --test-size F`` replace the seed's own split with the one the training pipeline
makes with ``seed=N`` and ``test_size=F`` (stratified by the label, the same rows in and out), so
both methods can be scored on the same test rows, split after split; the rest of the method is
unchanged.

The two searches run one after the other, each on every CPU (n_jobs=-1), which is how they share
a machine without oversubscribing it. ``seconds`` is the whole method: read, preprocess, both
searches, evaluate (Python start-up and imports excluded; the benchmark times the process too).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import time
import warnings

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

SEARCHES = {
    "random_forest": (
        RandomForestClassifier,
        {
            "classifier__n_estimators": [10, 50, 100, 200],
            "classifier__max_depth": [None, 10, 20, 30],
            "classifier__min_samples_split": [2, 5, 10],
            "classifier__min_samples_leaf": [1, 2, 4],
        },
    ),
    "decision_tree": (
        DecisionTreeClassifier,
        {
            "classifier__max_depth": [None, 10, 20, 30],
            "classifier__min_samples_split": [2, 5, 10],
            "classifier__min_samples_leaf": [1, 2, 4],
            "classifier__max_features": [None, "auto", "sqrt", "log2"],
        },
    ),
}


def through_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the next step read it: written to CSV and parsed again."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    buffer.seek(0)
    return pd.read_csv(buffer)


def preprocess(path: str, split_seed: int | None, test_size: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = pd.read_csv(path).dropna()
    label = frame.columns[-1]
    if set(frame[label].unique()) == {"Yes", "No"}:
        frame[label] = frame[label].map({"Yes": 1, "No": 0})
    if split_seed is None:
        train, test = train_test_split(frame, train_size=0.7, random_state=42)
    else:
        # The training pipeline's split (preprocess.py): the label encoded the same way (No 0,
        # Yes 1) and the rows in the same order give the same partition.
        train, test = train_test_split(frame, test_size=test_size, random_state=split_seed, stratify=frame[label])
    return through_csv(train), through_csv(test)


def search(name: str, X: pd.DataFrame, y: pd.Series) -> Pipeline:
    model_class, space = SEARCHES[name]
    columns = ColumnTransformer(
        [
            (
                "num",
                Pipeline([("scaler", StandardScaler())]),
                X.select_dtypes(include=["int64", "float64"]).columns,
            ),
            (
                "cat",
                Pipeline([("onehot", OneHotEncoder(handle_unknown="ignore"))]),
                X.select_dtypes(include=["object", "category"]).columns,
            ),
        ]
    )
    pipeline = Pipeline([("preprocessor", columns), ("classifier", model_class(random_state=0))])
    searcher = RandomizedSearchCV(pipeline, space, n_iter=20, cv=5, n_jobs=-1, random_state=0)
    searcher.fit(X, y)
    accuracy_score(y, searcher.predict(X))  # the training accuracy the method logged
    return searcher.best_estimator_


def main(path: str, split_seed: int | None, test_size: float) -> None:
    started = time.perf_counter()
    train, test = preprocess(path, split_seed, test_size)
    X, y = train.iloc[:, :-1], train.iloc[:, -1]
    X_test, y_test = test.iloc[:, :-1], test.iloc[:, -1]
    # The deprecated (from scikit-learn 1.3 removed) max_features="auto" warns on every fit, in the
    # search's worker processes too, which read this variable when they start.
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        models = {name: search(name, X, y) for name in SEARCHES}
    accuracy = {name: accuracy_score(y_test, model.predict(X_test)) for name, model in models.items()}
    best = "decision_tree" if accuracy["decision_tree"] > accuracy["random_forest"] else "random_forest"
    positive = list(models[best].classes_).index(1)
    roc_auc = roc_auc_score(y_test, models[best].predict_proba(X_test)[:, positive])
    print(
        json.dumps(
            {
                "accuracy": accuracy[best],
                "roc_auc": float(roc_auc),
                "seconds": round(time.perf_counter() - started, 3),
                "best_model": best,
                "train_rows": len(train),
                "test_rows": len(test),
            }
        )
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--split-seed", type=int, help="split as the training pipeline does with this seed")
    parser.add_argument("--test-size", type=float, default=0.2, help="test share with --split-seed")
    args = parser.parse_args()
    main(args.csv, args.split_seed, args.test_size)
