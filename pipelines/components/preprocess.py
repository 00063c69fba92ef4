"""preprocess: clean a raw CSV into model-ready train and test splits.

    python3 -m components.preprocess --raw-data raw.csv --target-column Churn \
        --train-data out/train.csv --test-data out/test.csv --preprocess-report out/report.json

Rules (every decision is recorded in the JSON report):

* cells are stripped; cells that are blank, whitespace-only or a missing token (NA, N/A,
  NaN, null, <NA>, #N/A, any case) are missing values - the rule of cloud.rows, which batch
  prediction and serving apply too; they are KEPT (the model pipeline imputes them), except that
  rows whose target is missing are dropped;
* a text column is numeric when at least 95% of its non-missing values parse as numbers;
  the rest become missing (the column is then listed under "coerced_columns");
* dropped columns: all-missing, constant, identifier-like by name (id, uuid, guid,
  customerID, user_id, ...), and text or integer columns whose values are all unique;
* the target is target_column; when that is empty, the last column, but only if it looks
  like a class label (not identifier-like by name, no fractional numbers, at most 20
  distinct values, not all different) - otherwise the run stops and asks for target_column.
  The report's ``target_column_source`` says which. It is encoded as 0..k-1. With two classes the
  positive class (1) is the recognised "yes" value (Yes/True/Y/T/1) when the pair is a
  recognised yes/no pair, otherwise the larger value (numerically when both values are
  numbers, else by string order, e.g. "malignant" over "benign");
* the split is stratified by the target (seeded); when a class is too small to stratify,
  it falls back to a plain shuffled split and says so in the report.
"""

from __future__ import annotations

import math
import re
from typing import Any, Sequence

import pandas as pd

from .common import (
    CATEGORICAL,
    MISSING_TOKENS,
    NUMERIC,
    ArgumentParser,
    ComponentError,
    elapsed,
    ensure_parent_dir,
    fraction,
    integer,
    is_missing,
    log,
    normalise_column,
    read_csv,
    run,
    write_json,
)

NUMERIC_SHARE = 0.95
MIN_ROWS = 10
MAX_CLASSES = 20
POSITIVE_WORDS = {"yes", "true", "y", "t", "1", "1.0"}
NEGATIVE_WORDS = {"no", "false", "n", "f", "0", "0.0"}
ID_WORDS = {"id", "uuid", "guid"}
LEADING_ZERO = r"^[+-]?0[0-9]"
TASKS = ("auto", "classification", "regression")
# Identifier names written as one lower-case word: customerid, userid, row_id is split anyway.
ID_COMPOUND = re.compile(
    r"^(customer|user|client|account|row|record|patient|order|member|subscriber|employee|session|transaction|"
    r"device|person|case|sample)(id|uuid|guid)$"
)


def name_tokens(name: str) -> list[str]:
    """Splits snake_case, kebab-case, spaces and camelCase: customerID -> [customer, id]."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [token.lower() for token in re.split(r"[^A-Za-z0-9]+", spaced) if token]


def looks_like_id_name(name: str) -> bool:
    """id, ID, Id, uuid, customerID, customer_id, user-id, id_number, customerid, ..."""
    tokens = name_tokens(name)
    if not tokens:
        return False
    return tokens[0] in ID_WORDS or tokens[-1] in ID_WORDS or bool(ID_COMPOUND.match("".join(tokens)))


def parse_numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce")


def analyse_column(name: str, raw: pd.Series, keep: bool = False) -> dict[str, Any]:
    """Decides what to do with one feature column. Returns a description with a 'values' series.
    ``keep`` (the column is in keep_columns) overrides the identifier and all-unique rules."""
    text = raw.astype(str)
    # The shared rule (cloud.rows): stripped text, NaN for blanks and missing-value tokens. Batch
    # prediction and the server apply the same function, so a raw row reaches the model alike.
    cleaned = normalise_column(raw)
    missing = cleaned.isna()
    present = cleaned[~missing].astype(str)
    if present.empty:
        return {"drop": "all values missing"}
    if present.nunique() == 1:
        return {"drop": f"constant (every value is {present.iloc[0]!r})"}

    parsed = parse_numbers(present)
    parsed_share = parsed.notna().mean()
    # Codes written with leading zeros ("01", "001") are categories: as numbers they would merge with "1".
    codes = bool(present.str.match(LEADING_ZERO).any())
    # An identifier is all of: an identifier-like name, integer or text values, every value different.
    identifier = not keep and looks_like_id_name(name) and not missing.any() and present.is_unique
    if parsed_share >= NUMERIC_SHARE and not codes:
        values = pd.Series(float("nan"), index=raw.index, dtype="float64")
        values[~missing] = parsed
        whitespace_cells = int(((text.str.len() > 0) & (text.str.strip() == "")).sum())
        unparseable = present[parsed.isna()]
        integral = bool(((values.dropna() % 1) == 0).all())
        if integral and identifier:
            return {"drop": "identifier: the name looks like one and the integer values are all different"}
        info: dict[str, Any] = {"kind": NUMERIC, "values": values}
        if whitespace_cells or len(unparseable):
            info["coerced"] = {
                "name": name,
                "blank_to_missing": int(missing.sum()),
                "unparseable_to_missing": int(len(unparseable)),
                "unparseable_examples": sorted(set(unparseable.tolist()))[:5],
            }
        if integral and not values.isna().any():
            info["values"] = values.astype("int64")
        return info

    if identifier:
        return {"drop": "identifier: the name looks like one and the text values are all different"}
    if present.is_unique and not keep:
        return {"drop": "text values all different: no category repeats, so the model could learn nothing from it"}
    info = {"kind": CATEGORICAL, "values": cleaned}
    if parsed_share >= NUMERIC_SHARE:
        info["kept_as_text"] = {"name": name, "reason": "numbers written with leading zeros are codes, kept as text"}
    return info


def label_problem(raw: pd.Series) -> str | None:
    """Why a column does not look like a class label (None when it does): an identifier-like
    column, numbers with a fractional part (a measurement), too many distinct values, or every
    value different."""
    values = normalise_column(raw)
    present = values[values.notna()].astype(str)
    if present.empty:
        return "it has no values"
    distinct = present.nunique()
    numbers = parse_numbers(present)
    if numbers.notna().all() and bool(((numbers % 1) != 0).any()):
        examples = ", ".join(sorted(set(present[(numbers % 1) != 0].tolist()))[:3])
        return f"it holds numbers with a fractional part ({examples}), a measurement rather than a class"
    if distinct > MAX_CLASSES:
        return f"it has {distinct} distinct values (a class label has at most {MAX_CLASSES})"
    if distinct > 2 and distinct == len(present):
        return f"every one of its {distinct} values is different, like an identifier"
    return None


def check_default_target(name: str, raw: pd.Series, columns: list[str]) -> None:
    """The last column is the label only when target_column is empty AND it looks like one:
    a moved column must not silently become the label."""
    problem = "its name looks like an identifier" if looks_like_id_name(name) else label_problem(raw)
    if problem:
        raise ComponentError(
            f"target_column is empty, so the last column {name!r} would be the label, but {problem}; "
            f"set target_column to the label column (one of {', '.join(map(repr, columns))}), "
            "or task to regression when it is a numeric label"
        )


def encode_target(raw: pd.Series, target: str) -> tuple[pd.Series, dict[str, Any]]:
    """Maps the target's labels to 0..k-1 and describes the mapping."""
    labels = raw.astype(str).str.strip()
    distinct = sorted(labels.unique().tolist())
    if len(distinct) < 2:
        raise ComponentError(
            f"target column {target!r} has a single value {distinct[0]!r} after dropping missing labels; "
            "need two or more classes"
        )
    numbers = [parse_number(value) for value in distinct]
    all_numeric = all(number is not None for number in numbers)
    if len(distinct) > MAX_CLASSES:
        raise ComponentError(
            f"target column {target!r} has {len(distinct)} distinct values (at most {MAX_CLASSES} classes); "
            "set task to regression for a numeric target, or check target_column"
        )
    if len(distinct) == 2:
        low, high = distinct
        if high.lower() in POSITIVE_WORDS and low.lower() in NEGATIVE_WORDS:
            positive, rule = high, "recognised yes/no pair: the yes value is the positive class"
        elif low.lower() in POSITIVE_WORDS and high.lower() in NEGATIVE_WORDS:
            positive, rule = low, "recognised yes/no pair: the yes value is the positive class"
        elif all_numeric:
            positive = max(distinct, key=lambda value: parse_number(value) or 0.0)
            rule = "not a recognised yes/no pair: the numerically larger value is the positive class"
        else:
            positive = high
            rule = "not a recognised yes/no pair: the lexicographically larger value is the positive class"
        negative = low if positive == high else high
        mapping = {negative: 0, positive: 1}
        details: dict[str, Any] = {
            "task": "binary",
            "label_mapping": mapping,
            "positive_class": positive,
            "positive_class_rule": rule,
        }
    else:
        ordered = sorted(distinct, key=lambda value: parse_number(value) or 0.0) if all_numeric else distinct
        mapping = {value: index for index, value in enumerate(ordered)}
        details = {
            "task": "multiclass",
            "label_mapping": mapping,
            "positive_class": None,
            "positive_class_rule": "multiclass: labels numbered in "
            + ("numeric" if all_numeric else "lexicographic")
            + " order",
        }
    return labels.map(mapping).astype("int64"), details


def choose_task(task: str, raw: pd.Series) -> str:
    """auto: regression when every label is a number and they have a fractional part or more than
    MAX_CLASSES distinct values; classification otherwise."""
    if task != "auto":
        return task
    labels = raw.astype(str).str.strip()
    numbers = parse_numbers(labels)
    if numbers.notna().all() and (bool(((numbers % 1) != 0).any()) or labels.nunique() > MAX_CLASSES):
        return "regression"
    return "classification"


def numeric_target(raw: pd.Series, target: str) -> tuple[pd.Series, dict[str, Any]]:
    """The regression target as float64, with its summary in place of a label mapping."""
    labels = raw.astype(str).str.strip()
    numbers = parse_numbers(labels)
    if numbers.isna().any():
        examples = ", ".join(map(repr, sorted(set(labels[numbers.isna()].tolist()))[:3]))
        raise ComponentError(
            f"regression target column {target!r} has non-numeric values ({examples}); "
            "fix them or set task to classification"
        )
    if numbers.nunique() < 2:
        raise ComponentError(f"regression target column {target!r} is constant; nothing to learn")
    summary = {
        "task": "regression",
        "label_mapping": None,
        "positive_class": None,
        "target_summary": {
            key: round(float(value), 6)
            for key, value in numbers.describe()[["mean", "std", "min", "50%", "max"]].items()
        },
    }
    return numbers.astype("float64"), summary


def column_list(text: str, columns: list[str], what: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in columns]
    if unknown:
        raise ComponentError(
            f"{what} names unknown column(s) {', '.join(map(repr, unknown))}; "
            f"columns are {', '.join(map(repr, columns))}"
        )
    return names


def parse_number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def class_balance(y: pd.Series, names: dict[int, str]) -> dict[str, Any]:
    counts = y.value_counts().sort_index()
    total = int(counts.sum())
    return {
        names[int(code)]: {"code": int(code), "count": int(count), "share": round(int(count) / total, 4)}
        for code, count in counts.items()
    }


def split(
    frame: pd.DataFrame, y: pd.Series, test_size: float, seed: int, stratify: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame, str | None]:
    from sklearn.model_selection import train_test_split

    n_rows, n_classes = len(frame), y.nunique()
    n_test = math.ceil(test_size * n_rows)
    n_train = n_rows - n_test
    if n_test < 1 or n_train < 1:
        raise ComponentError(f"test_size {test_size} leaves an empty train or test split with {n_rows} rows")
    if not stratify:
        train, test = train_test_split(frame, test_size=test_size, random_state=seed, shuffle=True)
        return train, test, "not stratified: regression target"
    smallest = int(y.value_counts().min())
    if smallest >= 2 and n_test >= n_classes and n_train >= n_classes:
        train, test = train_test_split(frame, test_size=test_size, random_state=seed, stratify=y)
        return train, test, None
    note = (
        f"not stratified: the smallest class has {smallest} row(s) or a split is smaller than the {n_classes} classes"
    )
    train, test = train_test_split(frame, test_size=test_size, random_state=seed, shuffle=True)
    return train, test, note


def write_csv(frame: pd.DataFrame, path: str) -> None:
    ensure_parent_dir(path)
    frame.to_csv(path, index=False)


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="python3 -m components.preprocess", description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw-data", required=True, help="input path: the raw CSV")
    parser.add_argument(
        "--target-column", default="", help="label column (default: the last column, if it looks like a label)"
    )
    parser.add_argument("--task", default="auto", choices=TASKS, help="auto (default), classification or regression")
    parser.add_argument("--drop-columns", default="", help="comma-separated columns to drop (besides the rules)")
    parser.add_argument(
        "--keep-columns", default="", help="comma-separated columns to keep even if they look like identifiers"
    )
    parser.add_argument("--test-size", type=fraction, default=0.2, help="share of rows held out (default 0.2)")
    parser.add_argument("--seed", type=integer, default=42, help="random seed of the split (default 42)")
    parser.add_argument("--train-data", required=True, help="output path: train CSV")
    parser.add_argument("--test-data", required=True, help="output path: test CSV")
    parser.add_argument("--preprocess-report", required=True, help="output path: JSON report")
    args = parser.parse_args(argv)

    # Everything is read as text so that the coercion rules, not pandas, decide the types.
    raw = read_csv(args.raw_data, "raw_data", dtype=str, keep_default_na=False)
    if raw.shape[1] < 2:
        raise ComponentError(f"raw_data has {raw.shape[1]} column(s); need at least 2 (features and a label)")
    target = args.target_column.strip()
    if target and target not in raw.columns:
        raise ComponentError(f"target column {target!r} not found; columns are {', '.join(map(repr, raw.columns))}")
    target_source = "given" if target else "default: the last column"
    if not target:
        target = str(raw.columns[-1])
        # A regression label is a numeric last column (numeric_target checks it), not a class-like one.
        if args.task != "regression" or looks_like_id_name(target):
            check_default_target(target, raw[target], list(map(str, raw.columns)))
    all_columns = list(map(str, raw.columns))
    drop_list = column_list(args.drop_columns, all_columns, "drop_columns")
    keep_list = column_list(args.keep_columns, all_columns, "keep_columns")
    if target in drop_list or set(drop_list) & set(keep_list):
        raise ComponentError("drop_columns may not name the target or a column also in keep_columns")
    rows_in = len(raw)
    log(f"read {rows_in} rows x {raw.shape[1]} columns; target {target!r} ({target_source})")

    missing_target = is_missing(raw[target])
    rows = raw.loc[~missing_target].reset_index(drop=True)
    if len(rows) < MIN_ROWS:
        raise ComponentError(
            f"only {len(rows)} row(s) have a value in target column {target!r}; need at least {MIN_ROWS}"
        )
    task = choose_task(args.task, rows[target])
    y, label_details = (
        numeric_target(rows[target], target) if task == "regression" else encode_target(rows[target], target)
    )

    features: dict[str, pd.Series] = {}
    feature_info: list[dict[str, Any]] = []
    dropped: list[dict[str, str]] = []
    coerced: list[dict[str, Any]] = []
    kept_as_text: list[dict[str, str]] = []
    for name in rows.columns:
        if name == target:
            continue
        if name in drop_list:
            dropped.append({"name": str(name), "reason": "listed in drop_columns"})
            continue
        info = analyse_column(str(name), rows[name], keep=name in keep_list)
        if "drop" in info:
            dropped.append({"name": str(name), "reason": info["drop"]})
            continue
        values = info["values"]
        features[str(name)] = values
        if "coerced" in info:
            coerced.append(info["coerced"])
        if "kept_as_text" in info:
            kept_as_text.append(info["kept_as_text"])
        feature_info.append(
            {
                "name": str(name),
                "kind": info["kind"],
                "missing": int(values.isna().sum()),
                "distinct": int(values.nunique(dropna=True)),
            }
        )
    if not features:
        raise ComponentError(
            "no usable feature columns remain: " + "; ".join(f"{d['name']}: {d['reason']}" for d in dropped)
        )

    clean = pd.DataFrame(features)
    clean[target] = y
    train, test, split_note = split(clean, y, args.test_size, args.seed, stratify=task != "regression")
    write_csv(train, args.train_data)
    write_csv(test, args.test_data)

    if task == "regression":
        balance: dict[str, Any] = {}
    else:
        names = {code: label for label, code in label_details["label_mapping"].items()}
        balance = {
            "class_balance": {
                "all": class_balance(y, names),
                "train": class_balance(train[target], names),
                "test": class_balance(test[target], names),
            }
        }
    report = {
        "target_column": target,
        "target_column_source": target_source,
        "rows_in": rows_in,
        "rows_out": len(clean),
        "rows_dropped_missing_target": int(missing_target.sum()),
        "train_rows": len(train),
        "test_rows": len(test),
        "test_size": args.test_size,
        "seed": args.seed,
        "stratified": split_note is None,
        "split_note": split_note,
        **label_details,
        **balance,
        "dropped_columns": dropped,
        "coerced_columns": coerced,
        "kept_as_text_columns": kept_as_text,
        "feature_columns": feature_info,
        "missing_value_tokens": sorted(MISSING_TOKENS),
        "numeric_share_threshold": NUMERIC_SHARE,
    }
    write_json(args.preprocess_report, report)

    kinds = {kind: sum(f["kind"] == kind for f in feature_info) for kind in (NUMERIC, CATEGORICAL)}
    log(
        f"kept {len(clean)} rows, {kinds[NUMERIC]} numeric + {kinds[CATEGORICAL]} categorical features; "
        f"dropped {[d['name'] for d in dropped]}; coerced {[c['name'] for c in coerced]}; "
        f"task {label_details['task']}, labels {label_details['label_mapping']}"
    )
    log(f"wrote {len(train)} train / {len(test)} test rows in {elapsed()}")


if __name__ == "__main__":
    run("preprocess", main)
