"""The training method this project started from, reproduced on one CSV, for bench/training-quality.ts.

    python3 bench/seed_method.py bench/data/telco-customer-churn.csv

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

The two searches run one after the other, each on every CPU (n_jobs=-1), which is how they share
a machine without oversubscribing it. ``seconds`` is the whole method: read, preprocess, both
searches, evaluate (Python start-up and imports excluded; the benchmark times the process too).
"""

from __future__ import annotations

import io
import json
import os
import sys
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


def preprocess(path: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = pd.read_csv(path).dropna()
    label = frame.columns[-1]
    if set(frame[label].unique()) == {"Yes", "No"}:
        frame[label] = frame[label].map({"Yes": 1, "No": 0})
    train, test = train_test_split(frame, train_size=0.7, random_state=42)
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


def main(path: str) -> None:
    started = time.perf_counter()
    train, test = preprocess(path)
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
    main(sys.argv[1])
