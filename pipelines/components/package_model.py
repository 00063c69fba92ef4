"""package_model: lay out the chosen model the way Vertex AI serving expects it (a folder with
model.joblib at its root, plus metadata.json) and write a model card. The pipeline runs it only
when the model met the quality bar, so its output is the "deployable" model. The sha256 of
model.joblib goes into metadata.json and the artifact metadata (so the run record) as
model_sha256: deploy, the server and batch prediction check it before loading the model.

    python3 -m components.package_model --model out/best_model --metrics out/metrics \
        --model-name random_forest --deployable-model out/deployable --model-card out/card.md
"""

from __future__ import annotations

import json
import os
import shutil
from typing import Any, Sequence

from cloud.integrity import MODEL_SHA256_KEY, sha256_file

from .common import (
    CATEGORICAL,
    METADATA_FILE,
    MODEL_FILE,
    ArgumentParser,
    ComponentError,
    elapsed,
    ensure_parent_dir,
    load_model_dir,
    log,
    parse_executor_input,
    read_json,
    run,
    write_executor_output,
    write_json,
    write_text,
)


def model_card(name: str, metadata: dict[str, Any], metrics: dict[str, Any]) -> str:
    features = metadata.get("feature_schema") or metadata.get("features") or []
    lines = [
        f"# Model card: {name}",
        "",
        f"- Framework: {metadata.get('framework', 'unknown')} {metadata.get('framework_version', '')}".rstrip(),
        f"- Python: {metadata.get('python_version', 'unknown')}",
        f"- Target: {metadata.get('target', 'unknown')} ({metadata.get('task', 'unknown task')})",
        "",
        "## Test metrics",
        "",
        "| Metric | Value |",
        "| --- | --- |",
    ]
    # Evaluate also records every candidate's metrics under its name: the card shows the chosen model's.
    candidates = tuple(f"{name}_" for name in (metadata.get("selection") or {}).get("candidates") or {})
    for key, value in sorted(metrics.items()):
        if isinstance(value, (int, float)) and not (candidates and key.startswith(candidates)):
            lines.append(f"| {key} | {value:.4f} |")
    lines += ["", f"## Features ({len(features)})", ""]
    for feature in features:
        if isinstance(feature, dict):
            lines.append(f"- {feature.get('name')} ({feature.get('kind', '?')})")
    return "\n".join(lines) + "\n"


def probe_schema(metadata: dict[str, Any]) -> list[dict[str, str]]:
    """The feature schema cut down for the run record: each feature's name and kind, and one
    category of each categorical feature, from which deploy builds its smoke prediction."""
    schema = []
    for feature in metadata.get("feature_schema") or []:
        if not isinstance(feature, dict) or not isinstance(feature.get("name"), str):
            continue
        entry = {"name": feature["name"], "kind": str(feature.get("kind"))}
        categories = feature.get("categories") or []
        if entry["kind"] == CATEGORICAL and categories:
            entry["example"] = str(categories[0])
        schema.append(entry)
    return schema


def main(argv: Sequence[str] | None = None) -> None:
    parser = ArgumentParser(prog="package_model", description=__doc__)
    parser.add_argument("--model", required=True, help="model directory from evaluate (best_model)")
    parser.add_argument("--metrics", required=True, help="metrics JSON from evaluate")
    parser.add_argument("--model-name", required=True)
    parser.add_argument("--deployable-model", required=True, help="output: folder for serving")
    parser.add_argument("--model-card", required=True, help="output: Markdown model card")
    parser.add_argument("--executor-input", default="", help="KFP ExecutorInput JSON (optional)")
    args = parser.parse_args(argv)
    executor_input = parse_executor_input(args.executor_input)

    _, metadata = load_model_dir(args.model, "model")
    metrics = read_json(args.metrics, "metrics")
    if not isinstance(metrics, dict):
        raise ComponentError(f"metrics file {args.metrics} does not hold a JSON object")

    ensure_parent_dir(args.deployable_model)
    if os.path.exists(args.deployable_model):
        shutil.rmtree(args.deployable_model)
    os.makedirs(args.deployable_model)
    model_file = os.path.join(args.deployable_model, MODEL_FILE)
    shutil.copy2(os.path.join(args.model, MODEL_FILE), model_file)
    # What deploy, the server and batch prediction check before unpickling (loading runs code).
    model_sha256 = sha256_file(model_file)
    write_json(
        os.path.join(args.deployable_model, METADATA_FILE),
        {**metadata, "packaged_from": args.model_name, MODEL_SHA256_KEY: model_sha256},
    )
    write_text(args.model_card, model_card(args.model_name, metadata, metrics))
    if executor_input is not None:
        # Deploy reads these to pick (or check) a serving image with the same scikit-learn, the
        # schema to send the new deployment a smoke prediction, and the hash to check the model
        # it uploads is this one.
        schema = probe_schema(metadata)
        write_executor_output(
            executor_input,
            {},
            {
                "deployable_model": {
                    key: metadata.get(key)
                    for key in ("framework", "framework_version", "python_version")
                    if metadata.get(key) is not None
                }
                | {"model_type": args.model_name, MODEL_SHA256_KEY: model_sha256}
                | ({"feature_schema": schema} if schema else {})
            },
        )
    headline = {key: metrics.get(key) for key in ("accuracy", "roc_auc")}
    log(f"packaged {args.model_name} for serving in {elapsed()}: {json.dumps(headline)}")


if __name__ == "__main__":
    run("package_model", main)
