"""A regression model and a multi-class model, trained here on real scikit-learn and saved the
way train.py saves one, through batch prediction and the prediction server (in-process and
over HTTP): regression gives a number per row (``predicted_value``) and summary statistics,
never a label or a share per distinct value. The server's one-instance fast path
(serving.fast) gives the DataFrame path's answers, dirty cells included: the same bits for trees,
and for linear models within the last bits an optimised BLAS (OpenBLAS, as numpy's wheels ship)
leaves, since it sums a dot product in another order for one row than for many."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from pathlib import Path
from typing import Any, Callable

import joblib
import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_diabetes, load_iris
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from cloud import rows
from components import batch_predict
from components.data_sources import read_chunks
from components.model_source import ResolvedModel
from serving.model import load_model


PIPELINES = Path(__file__).resolve().parents[1]


def fitted(estimator: Any, numeric: list[str], categorical: list[str], X: pd.DataFrame, y: Any) -> Pipeline:
    """A Pipeline on the raw columns, as train.py builds one (imputation inside the model)."""
    steps = ColumnTransformer(
        [
            ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
            (
                "categorical",
                make_pipeline(
                    SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore", sparse_output=False)
                ),
                categorical,
            ),
        ]
    )
    return Pipeline([("preprocess", steps), ("model", estimator)]).fit(X, y)


def save(directory: Path, model: Pipeline, metadata: dict[str, Any]) -> Path:
    directory.mkdir(parents=True)
    joblib.dump(model, directory / "model.joblib")
    metadata = {"framework": "scikit-learn", "framework_version": sklearn.__version__, **metadata}
    (directory / "metadata.json").write_text(json.dumps(metadata))
    return directory


@pytest.fixture(scope="module")
def diabetes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Ridge regression on the diabetes data, ``sex`` as a category and a few blank cells."""
    data = load_diabetes(as_frame=True).frame
    data["sex"] = np.where(data["sex"] > 0, "M", "F").astype(object)
    data.loc[::17, "bmi"] = np.nan
    numeric = [name for name in data.columns if name not in ("sex", "target")]
    features = [*numeric, "sex"]
    model = fitted(Ridge(alpha=0.5), numeric, ["sex"], data[features], data["target"])
    root = tmp_path_factory.mktemp("diabetes")
    schema = [{"name": name, "kind": "categorical" if name == "sex" else "numeric"} for name in features]
    directory = save(
        root / "model",
        model,
        {"model_type": "ridge", "task": "regression", "target": "target", "feature_schema": schema},
    )
    csv = root / "features.csv"
    data[features].to_csv(csv, index=False)
    return {"dir": directory, "model": model, "frame": data[features], "csv": csv}


@pytest.fixture(scope="module")
def iris(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A random forest on iris, labels encoded 0..2 as preprocess encodes them."""
    data = load_iris(as_frame=True)
    frame = data.frame.drop(columns=["target"])
    frame.columns = [name.replace(" (cm)", "").replace(" ", "_") for name in frame.columns]
    names = list(data.target_names)
    model = fitted(RandomForestClassifier(n_estimators=20, random_state=0), list(frame.columns), [], frame, data.target)
    root = tmp_path_factory.mktemp("iris")
    directory = save(
        root / "model",
        model,
        {
            "model_type": "random_forest",
            "task": "multiclass",
            "target": "species",
            "classes": names,
            "label_mapping": {name: code for code, name in enumerate(names)},
            "feature_schema": [{"name": name, "kind": "numeric"} for name in frame.columns],
        },
    )
    csv = root / "features.csv"
    frame.to_csv(csv, index=False)
    return {"dir": directory, "model": model, "frame": frame, "csv": csv, "names": names}


def batch(case: dict[str, Any], tmp_path: Path) -> tuple[pd.DataFrame, dict[str, float]]:
    served = load_model(str(case["dir"]))  # the same files batch_predict's resolve_model loads
    resolved = ResolvedModel(served.estimator, served.metadata, "run:test", "0" * 16, None)
    columns = batch_predict.PredictionColumns(resolved)
    kinds = {f["name"]: f["kind"] for f in served.metadata["feature_schema"]}
    out = tmp_path / "predictions.csv"
    writer = batch_predict.CsvWriter(str(out), columns)
    summary = batch_predict.score_all(
        resolved, columns, read_chunks(str(case["csv"]), kinds, 100, "features"), writer, "", "now"
    )
    writer.commit()
    return pd.read_csv(out), summary


def test_regression_batch_writes_predicted_values_and_summary_statistics(
    diabetes: dict[str, Any], tmp_path: Path
) -> None:
    scored, summary = batch(diabetes, tmp_path)
    expected = diabetes["model"].predict(diabetes["frame"])
    assert list(scored.columns) == ["row_key", "predicted_value", "model_version", "predicted_at"]
    np.testing.assert_allclose(scored["predicted_value"], expected, rtol=1e-12)
    assert not [name for name in summary if name.startswith("share_")]
    assert summary["rows_scored"] == summary["predicted_value_count"] == 442
    assert summary["predicted_value_mean"] == pytest.approx(expected.mean(), rel=1e-12)
    assert summary["predicted_value_std"] == pytest.approx(expected.std(), rel=1e-9)
    # Scored in chunks of 100, the last bits may differ from one pass over the whole frame.
    assert summary["predicted_value_min"] == pytest.approx(expected.min(), rel=1e-12)
    assert summary["predicted_value_max"] == pytest.approx(expected.max(), rel=1e-12)
    assert len(summary) == 8  # rows, seconds, rate and the five statistics, whatever the row count


@pytest.mark.parametrize("keys", [["1", "2", "3"], ["a,b", 'say "hi"', "two\nlines"]], ids=["plain", "quoted"])
def test_the_csv_writer_writes_what_pandas_writes(diabetes: dict[str, Any], keys: list[str], tmp_path: Path) -> None:
    served = load_model(str(diabetes["dir"]))
    resolved = ResolvedModel(served.estimator, served.metadata, "run:a,b/train/model", "0" * 16, None)
    columns = batch_predict.PredictionColumns(resolved)
    frame = pd.DataFrame(
        {"row_key": keys, "predicted_value": [1.5, -2.0, 1e-7], "model_version": resolved.version, "predicted_at": "t"},
        columns=columns.names,
    )
    writer = batch_predict.CsvWriter(str(tmp_path / "out.csv"), columns)
    writer.write(frame)
    writer.write(frame.iloc[:0])
    writer.commit()
    assert (tmp_path / "out.csv").read_text() == frame.to_csv(index=False, lineterminator="\n")


def test_regression_columns_are_numbers_in_sqlite_and_bigquery(diabetes: dict[str, Any]) -> None:
    served = load_model(str(diabetes["dir"]))
    columns = batch_predict.PredictionColumns(ResolvedModel(served.estimator, served.metadata, "v", "0" * 16, None))
    assert columns.sql_types()["predicted_value"] == "REAL"
    schema = {field["name"]: field for field in columns.bigquery_schema()}
    assert schema["predicted_value"]["type"] == "FLOAT" and "predicted_label" not in schema


def test_regression_serving_answers_a_number_per_instance(diabetes: dict[str, Any]) -> None:
    model = load_model(str(diabetes["dir"]))
    frame = diabetes["frame"].head(30)
    instances = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]
    answers = model.predict(instances)
    assert all(type(answer) is float for answer in answers)
    np.testing.assert_allclose(answers, diabetes["model"].predict(frame), rtol=1e-12)


def test_multiclass_batch_and_serving_give_class_names(iris: dict[str, Any], tmp_path: Path) -> None:
    scored, summary = batch(iris, tmp_path)
    probabilities = iris["model"].predict_proba(iris["frame"])
    names = iris["names"]
    assert list(scored.columns) == [
        "row_key",
        "predicted_label",
        "predicted_probability",
        *[f"probability_{name}" for name in names],
        "model_version",
        "predicted_at",
    ]
    assert list(scored["predicted_label"]) == [names[i] for i in probabilities.argmax(axis=1)]
    np.testing.assert_allclose(scored[[f"probability_{name}" for name in names]], probabilities, rtol=1e-9)
    assert sum(summary[f"share_{name}"] for name in names) == pytest.approx(1.0)

    answers = load_model(str(iris["dir"])).predict(iris["frame"].head(20).to_dict("records"))
    assert [answer["label"] for answer in answers] == [names[i] for i in probabilities[:20].argmax(axis=1)]
    assert set(answers[0]["probabilities"]) == set(names)


@pytest.fixture
def server(request: pytest.FixtureRequest, launch_server: Callable[..., tuple[subprocess.Popen[str], str]]) -> str:
    """The prediction server for the model fixture named by the test's parameter, over HTTP."""
    case = request.getfixturevalue(request.param)
    address: str = launch_server(case["dir"])[1]
    return address


def post(url: str, instances: list[Any]) -> Any:
    body = json.dumps({"instances": instances}).encode()
    request = urllib.request.Request(f"{url}/predict", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


@pytest.mark.parametrize("server", ["diabetes"], indirect=True)
def test_regression_over_http(server: str, diabetes: dict[str, Any]) -> None:
    frame = diabetes["frame"].head(5)
    instances = [[None if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False)]
    answer = post(server, instances)
    assert list(answer) == ["predictions"]
    np.testing.assert_allclose(answer["predictions"], diabetes["model"].predict(frame), rtol=1e-12)


@pytest.mark.parametrize("server", ["iris"], indirect=True)
def test_multiclass_over_http(server: str, iris: dict[str, Any]) -> None:
    answer = post(server, iris["frame"].iloc[[0, 60, 120]].to_dict("records"))
    assert [prediction["label"] for prediction in answer["predictions"]] == iris["names"]


# --------------------------------------------------------------------------- the fast path

CHURN_NUMERIC = ["SeniorCitizen", "tenure", "MonthlyCharges", "TotalCharges"]


def churn_instances() -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """The churn sample as training reads it, and as clients send it: raw text with dirty
    cells (blanks, missing tokens, padding, an unseen category) and, every other row, JSON
    numbers and nulls."""
    raw = pd.read_csv(PIPELINES / "data" / "churn_sample.csv", dtype=str, keep_default_na=False)
    raw = raw.drop(columns=["customerID", "Churn"])
    dirty = [" ", "NA", " null ", "n/a", ""]
    for index in range(0, len(raw), 7):
        column = raw.columns[index % len(raw.columns)]
        raw.loc[index, column] = dirty[index % len(dirty)]
    raw.loc[3::11, "Contract"] = " " + raw.loc[3::11, "Contract"] + "  "
    raw.loc[5::13, "PaymentMethod"] = "Carrier pigeon"
    instances: list[dict[str, Any]] = raw.to_dict("records")
    for instance in instances[::2]:
        for name in CHURN_NUMERIC:
            cell = rows.normalise_cell(instance[name])
            instance[name] = None if isinstance(cell, float) else float(cell)
    frame = pd.DataFrame(
        {name: rows.normalise_column(raw[name]) for name in raw.columns}
    )  # what preprocess gives training
    for name in CHURN_NUMERIC:
        frame[name] = frame[name].astype("float64")
    return frame, instances


def same_answers(a: Any, b: Any) -> bool:
    """Equal answers, floats within 1e-12 of each other (a BLAS's summation order), else exactly."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_answers(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_answers(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return bool(a == pytest.approx(b, rel=1e-12, abs=1e-15))
    return bool(a == b)


@pytest.fixture(scope="module")
def churn() -> tuple[pd.DataFrame, list[dict[str, Any]], np.ndarray[Any, np.dtype[np.int64]]]:
    frame, instances = churn_instances()
    labels = pd.read_csv(PIPELINES / "data" / "churn_sample.csv")["Churn"].eq("Yes").astype("int64").to_numpy()
    return frame, instances, labels


@pytest.mark.parametrize(
    "estimator",
    [
        RandomForestClassifier(n_estimators=100, max_depth=4, class_weight="balanced", random_state=1),
        LogisticRegression(max_iter=500),
        Ridge(alpha=1.0),
    ],
    ids=["random-forest", "logistic", "ridge"],
)
@pytest.mark.parametrize("sparse", [False, True], ids=["dense", "sparse"])
def test_one_instance_fast_path_gives_the_dataframe_paths_bits(
    estimator: Any, sparse: bool, churn: tuple[pd.DataFrame, list[dict[str, Any]], Any], tmp_path: Path
) -> None:
    frame, instances, labels = churn
    categorical = [name for name in frame.columns if name not in CHURN_NUMERIC]
    model = fitted(estimator, CHURN_NUMERIC, categorical, frame, labels)
    # A sparse one-hot output with sparse_threshold=1 reaches the estimator as a sparse matrix.
    model.set_params(
        preprocess__sparse_threshold=1.0 if sparse else 0.0,
        preprocess__categorical__onehotencoder__sparse_output=sparse,
    ).fit(frame, labels)
    regression = isinstance(estimator, Ridge)
    schema = [{"name": name, "kind": "numeric" if name in CHURN_NUMERIC else "categorical"} for name in frame.columns]
    task: dict[str, Any] = (
        {"task": "regression"} if regression else {"task": "binary", "label_mapping": {"No": 0, "Yes": 1}}
    )
    served = load_model(str(save(tmp_path / "model", model, {"feature_schema": schema, **task})))
    assert served.fast is not None and served.fast.sparse == sparse
    together = served.predict(instances)  # many instances: the DataFrame path
    one_by_one = [served.predict([instance])[0] for instance in instances]
    if isinstance(estimator, RandomForestClassifier):
        assert one_by_one == together  # == on floats: the same bits (no BLAS in a tree)
    else:
        assert same_answers(one_by_one, together)
    expected = model.predict(frame) if regression else model.predict_proba(frame)[:, 1]
    got = together if regression else [answer["probabilities"]["Yes"] for answer in together]
    np.testing.assert_allclose(got, expected, rtol=1e-12)  # what training's view of the rows gives


@pytest.mark.parametrize("numeric_only", [False, True], ids=["churn", "numeric-only"])
def test_the_model_train_makes_takes_the_fast_path_with_the_same_bits(
    numeric_only: bool, churn: tuple[pd.DataFrame, list[dict[str, Any]], Any], tmp_path: Path
) -> None:
    from sklearn.calibration import CalibratedClassifierCV

    from components.train import make_pipeline as training_pipeline

    frame, instances, labels = churn
    columns = CHURN_NUMERIC if numeric_only else list(frame.columns)
    forest = RandomForestClassifier(n_estimators=50, max_depth=4, random_state=1)
    model = training_pipeline([], CalibratedClassifierCV(forest, cv=3, ensemble=False)).fit(frame[columns], labels)
    schema = [{"name": name, "kind": "numeric" if name in CHURN_NUMERIC else "categorical"} for name in columns]
    task = {"task": "binary", "label_mapping": {"No": 0, "Yes": 1}}
    served = load_model(str(save(tmp_path / "model", model, {"feature_schema": schema, **task})))
    assert served.fast is not None and served.fast.scorer is not None  # the calibrated forest, joblib-free
    sent = [{name: instance[name] for name in columns} for instance in instances]
    assert [served.predict([instance])[0] for instance in sent] == served.predict(sent)


def test_a_step_the_fast_path_does_not_mirror_leaves_every_request_on_the_dataframe_path(
    churn: tuple[pd.DataFrame, list[dict[str, Any]], Any], tmp_path: Path
) -> None:
    frame, instances, labels = churn
    numeric = make_pipeline(SimpleImputer(add_indicator=True), StandardScaler())
    model = Pipeline(
        [
            ("features", ColumnTransformer([("numeric", numeric, CHURN_NUMERIC)])),
            ("model", LogisticRegression()),
        ]
    ).fit(frame, labels)
    schema = [{"name": name, "kind": "numeric" if name in CHURN_NUMERIC else "categorical"} for name in frame.columns]
    served = load_model(str(save(tmp_path / "model", model, {"feature_schema": schema, "task": "binary"})))
    assert served.fast is None
    assert same_answers(served.predict([instances[0]])[0], served.predict(instances[:2])[0])
