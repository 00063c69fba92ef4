"""Writes diabetes.csv (regression) and wine.csv (3 classes) from the copies bundled with scikit-learn.

    /usr/bin/python3 pipelines/data/make_sklearn_samples.py    # writes next to this file

No network: scikit-learn ships both datasets. The label is the last column: `progression`
(a number) and `cultivar` (class_0, class_1, class_2). Values are rounded to 6 decimals.
"""

from __future__ import annotations

import os

import pandas as pd
from sklearn.datasets import load_diabetes, load_wine


def frames() -> dict[str, pd.DataFrame]:
    diabetes = load_diabetes()
    regression = pd.DataFrame(diabetes.data, columns=diabetes.feature_names).round(6)
    regression["progression"] = diabetes.target
    wine = load_wine()
    multiclass = pd.DataFrame(wine.data, columns=wine.feature_names).round(6)
    multiclass["cultivar"] = [str(wine.target_names[code]) for code in wine.target]
    return {"diabetes.csv": regression, "wine.csv": multiclass}


def main() -> None:
    folder = os.path.dirname(os.path.abspath(__file__))
    for name, frame in frames().items():
        frame.to_csv(os.path.join(folder, name), index=False)
        print(f"wrote {name}: {len(frame)} rows x {frame.shape[1]} columns")


if __name__ == "__main__":
    main()
