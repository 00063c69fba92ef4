"""detect_drift: compare recent prediction inputs with the model's training data, feature by
feature, and flag drift above the thresholds.

    python3 -m components.detect_drift --model-source runs/train/run.json \
        --current-data-uri data/recent.csv [--reference-data-uri data/train.csv] \
        [--numeric-method psi|ks] [--categorical-method psi|chi2] [--psi-threshold 0.2] \
        [--ks-threshold 0.1] [--cramers-v-threshold 0.1] [--p-value-threshold 0.05] \
        [--missing-share-threshold 0.1] [--bins 10] [--min-rows 100] \
        --metrics out/metrics.json --feature-drift out/features.csv --drift-report out/report.md \
        --drift-detected out/drift_detected --drifted-features out/drifted_features \
        [--executor-input '<KFP ExecutorInput JSON>']

The model source (a training run's record or a Vertex AI Model Registry model, see
``model_source.py``) gives the features and their kinds; the reference data defaults to the
training data of that run (required for a registry model). Data is read with
``data_sources.read_frame``: local CSV, gs:// (through the FUSE mount) or bq:// tables.
The defaults and the reasoning behind them are in ``drift.py``, the statistics in
``drift_statistics.py``.

Outputs: the Metrics JSON (flat numbers: drift_detected 0/1, drifted_features,
features_checked, reference_rows, current_rows, max_psi, psi_<feature> for every feature,
ks_<feature> / cramers_v_<feature> for features tested that way), the per-feature table as
CSV, a Markdown report, and the output parameters drift_detected (true/false) and
drifted_features. With --executor-input the parameters and the metrics also go to the KFP
executor output file, as in evaluate.
"""

from __future__ import annotations

import argparse
import math
from typing import Any, Sequence

import pandas as pd

from .common import (
    CATEGORICAL,
    NUMERIC,
    ArgumentParser,
    ComponentError,
    elapsed,
    ensure_parent_dir,
    integer,
    log,
    parse_executor_input,
    require_file,
    run,
    write_executor_output,
    write_json,
    write_text,
)
from .data_sources import is_bigquery, local_path, read_frame
from .drift import COLUMNS, PSI, TESTS_PER_FEATURE, DriftSettings, check_settings, compare_frames, summarize
from .model_source import REGISTRY_NAME, resolve_model

DEFAULTS = DriftSettings()


def number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def check_data_uri(uri: str, what: str) -> None:
    """Rejects an unusable location before anything is loaded (BigQuery tables are checked when read)."""
    if is_bigquery(uri):
        return
    require_file(local_path(uri, what), what)


def feature_kinds(metadata: dict[str, Any], source: str) -> dict[str, str]:
    schema = metadata.get("feature_schema")
    if not isinstance(schema, list) or not schema:
        raise ComponentError(
            f"the model of {source} has no feature_schema in its metadata.json; was it written by train?"
        )
    kinds: dict[str, str] = {}
    for entry in schema:
        if not isinstance(entry, dict) or not entry.get("name") or entry.get("kind") not in (NUMERIC, CATEGORICAL):
            raise ComponentError(
                f"the model of {source} has a bad feature_schema entry {entry!r}: "
                "expected {name, kind: numeric|categorical}"
            )
        kinds[str(entry["name"])] = str(entry["kind"])
    return kinds


# --------------------------------------------------------------------------- report


def _cell(value: Any, digits: str = ".3g") -> str:
    if isinstance(value, float):
        return "" if math.isnan(value) else format(value, digits)
    return str(value).replace("|", "\\|").replace("\n", " ")


def rules_text(settings: DriftSettings, tested: int) -> list[str]:
    """The drift rules in words, for the report (``tested``: the number of features, each tested twice)."""
    names = {NUMERIC: "KS D", CATEGORICAL: "Cramer's V (chi-square test of homogeneity)"}
    tests = TESTS_PER_FEATURE * max(tested, 1)
    alpha = settings.p_value_threshold / tests
    significance = (
        f"p < {alpha:.3g} ({settings.p_value_threshold:g} / {tests} tests: {TESTS_PER_FEATURE} per feature, "
        "Bonferroni)"
    )
    lines = []
    for kind in (NUMERIC, CATEGORICAL):
        method = settings.method(kind)
        if method == PSI:
            bins = f" over {settings.bins} reference-quantile bins" if kind == NUMERIC else ""
            lines.append(
                f"{kind.capitalize()} features drift when PSI{bins} minus its chance level "
                f"(bins - 1) * (1/n_reference + 1/n_current) > {settings.psi_threshold:g} and the chi-square "
                f"test of the same bins gives {significance}."
            )
        else:
            lines.append(
                f"{kind.capitalize()} features drift when {names[kind]} > {settings.threshold(method):g} and "
                f"{significance}."
            )
    lines.append(
        "Any feature drifts when its missing share moves by more than "
        f"{settings.missing_share_threshold * 100:g} percentage points and Fisher's exact test gives {significance}."
    )
    return lines


def markdown_report(
    rows: list[dict[str, Any]],
    metrics: dict[str, float],
    settings: DriftSettings,
    sources: dict[str, str],
) -> str:
    drifted = [row["feature"] for row in rows if row["drifted"]]
    if drifted:
        names = ", ".join(f"`{name}`" for name in drifted)
        verdict = f"**Drift detected** in {len(drifted)} of {len(rows)} features: {names}."
    else:
        verdict = f"**No drift** in {len(rows)} features (largest PSI {metrics['max_psi']:.3g})."
    tested = len(rows)
    lines = [
        "# Drift report",
        "",
        verdict,
        "",
        f"- Model: `{sources['model']}`",
        f"- Reference: `{sources['reference']}` ({int(metrics['reference_rows'])} rows)",
        f"- Current: `{sources['current']}` ({int(metrics['current_rows'])} rows)",
        *(f"- {line}" for line in rules_text(settings, tested)),
        "- PSI reading: < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 major shift; the PSI column is the "
        "PSI as usually computed, a PSI method's statistic is that minus its chance level",
        "",
        "| Feature | Kind | Method | Statistic | p-value | Threshold | PSI | Missing (reference → current) "
        "| Most shifted bin (reference → current) | Drifted |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for row in rows:
        shift = (
            f"{_cell(row['top_bin'])} ({row['top_bin_reference_share']:.1%} → {row['top_bin_current_share']:.1%})"
            if row["top_bin"]
            else ""
        )
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{_cell(row['feature'])}`",
                    row["kind"],
                    row["method"],
                    _cell(row["statistic"], ".4f"),
                    _cell(row["p_value"]),
                    _cell(row["threshold"], "g"),
                    _cell(row["psi"], ".4f"),
                    f"{row['reference_missing_share']:.1%} → {row['current_missing_share']:.1%}",
                    shift,
                    "**yes**: " + _cell(row["reason"]) if row["drifted"] else "no",
                ]
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def write_table(path: str, rows: list[dict[str, Any]]) -> None:
    ensure_parent_dir(path)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["drifted"] = frame["drifted"].map({True: "true", False: "false"})
    frame.to_csv(path, index=False)


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="python3 -m components.detect_drift", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model-source", required=True, help="run record (run.json) or projects/P/locations/L/models/M[@version]"
    )
    parser.add_argument(
        "--current-data-uri", required=True, help="recent prediction inputs: CSV path, gs:// or bq:// URI"
    )
    parser.add_argument("--reference-data-uri", default="", help="reference data (default: the run's train_data)")
    parser.add_argument("--numeric-method", default=DEFAULTS.numeric_method, help="psi (default) or ks")
    parser.add_argument("--categorical-method", default=DEFAULTS.categorical_method, help="psi (default) or chi2")
    for flag, help_text in (
        ("--psi-threshold", "drift when PSI minus its chance level > this and p is significant"),
        ("--ks-threshold", "drift when KS D > this and p is significant"),
        ("--cramers-v-threshold", "drift when Cramer's V > this and p is significant"),
        ("--p-value-threshold", "family-wise significance level of the tests (all features)"),
        ("--missing-share-threshold", "drift when the missing share moves by more than this, significantly"),
    ):
        default = getattr(DEFAULTS, flag[2:].replace("-", "_"))
        parser.add_argument(flag, type=number, default=default, help=f"{help_text} (default {default:g})")
    parser.add_argument("--bins", type=integer, default=DEFAULTS.bins, help="reference-quantile bins for numeric PSI")
    parser.add_argument(
        "--min-rows", type=integer, default=DEFAULTS.min_rows, help="fewest rows accepted in either sample"
    )
    parser.add_argument("--executor-input", default="", help="KFP ExecutorInput JSON (optional)")
    parser.add_argument("--metrics", required=True, help="output path: metrics JSON")
    parser.add_argument("--feature-drift", required=True, help="output path: per-feature table (CSV)")
    parser.add_argument("--drift-report", required=True, help="output path: Markdown report")
    parser.add_argument("--drift-detected", required=True, help="output path: true or false")
    parser.add_argument("--drifted-features", required=True, help="output path: number of drifted features")
    args = parser.parse_args(argv)

    # Everything that can be checked without loading data is checked first.
    settings = check_settings(
        DriftSettings(
            numeric_method=args.numeric_method,
            categorical_method=args.categorical_method,
            psi_threshold=args.psi_threshold,
            ks_threshold=args.ks_threshold,
            cramers_v_threshold=args.cramers_v_threshold,
            p_value_threshold=args.p_value_threshold,
            missing_share_threshold=args.missing_share_threshold,
            bins=args.bins,
            min_rows=args.min_rows,
        )
    )
    executor_input = parse_executor_input(args.executor_input)
    source = args.model_source.strip()
    current_uri = args.current_data_uri.strip()
    reference_uri = args.reference_data_uri.strip()
    if not current_uri:
        raise ComponentError(
            "no current_data_uri given: pass the recent prediction inputs (CSV path, gs:// or bq:// URI)"
        )
    if source and REGISTRY_NAME.match(source) and not reference_uri:
        raise ComponentError(
            f"reference_data_uri is required for a Model Registry model ({source}): the registry does not record "
            "the training data; pass the training CSV or table, or give the training run's record as model_source"
        )
    check_data_uri(current_uri, "current data")
    if reference_uri:
        check_data_uri(reference_uri, "reference data")
    log(
        f"settings: numeric {settings.numeric_method} > {settings.threshold(settings.numeric_method):g}, "
        f"categorical {settings.categorical_method} > {settings.threshold(settings.categorical_method):g}, "
        f"missing share change > {settings.missing_share_threshold:g}, {settings.bins} bins, "
        f"min {settings.min_rows} rows"
    )

    model = resolve_model(source)
    kinds = feature_kinds(model.metadata, source)
    numeric = sum(1 for kind in kinds.values() if kind == NUMERIC)
    log(f"model {model.version}: {len(kinds)} features ({numeric} numeric, {len(kinds) - numeric} categorical)")
    if not reference_uri:
        if not model.training_data:
            raise ComponentError(
                f"the run record {source} names no training data readable here (no succeeded task with a "
                "train_data output on a local or /gcs path); pass reference_data_uri"
            )
        reference_uri = model.training_data
        check_data_uri(reference_uri, "reference data (the run's train_data)")

    reference = read_frame(reference_uri, kinds, "reference data")
    log(f"reference data {reference_uri}: {len(reference)} rows")
    current = read_frame(current_uri, kinds, "current data")
    log(f"current data {current_uri}: {len(current)} rows")

    rows = compare_frames(reference, current, kinds, settings)
    metrics = summarize(rows, len(reference), len(current))
    drifted = [row for row in rows if row["drifted"]]
    if drifted:
        log(
            f"drift in {len(drifted)} of {len(rows)} features: "
            + ", ".join(f"{row['feature']} ({row['reason']})" for row in drifted)
        )
    else:
        top = max(rows, key=lambda row: float(row["psi"]))
        log(f"no drift in {len(rows)} features (largest PSI {top['psi']:.3g}, {top['feature']})")

    sources = {"model": model.version, "reference": reference_uri, "current": current_uri}
    write_json(args.metrics, metrics)
    write_table(args.feature_drift, rows)
    write_text(args.drift_report, markdown_report(rows, metrics, settings, sources))
    write_text(args.drift_detected, "true" if drifted else "false")
    write_text(args.drifted_features, str(len(drifted)))
    log(f"wrote metrics, feature table and report ({len(metrics)} metrics)")

    if executor_input is not None:
        output_file = write_executor_output(
            executor_input,
            {"drift_detected": bool(drifted), "drifted_features": len(drifted)},
            {
                "metrics": metrics,
                "feature_drift": {"features": len(rows), "drifted_features": len(drifted)},
                "drift_report": {"drift_detected": bool(drifted)},
            },
        )
        log(f"wrote executor output {output_file}")
    log(f"done in {elapsed()}")


if __name__ == "__main__":
    run("detect_drift", main)
