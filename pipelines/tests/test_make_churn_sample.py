"""The shipped churn sample is exactly what its generator writes, so the file can be trusted
(and regenerated) rather than edited by hand."""

from __future__ import annotations

import csv
import importlib.util
import os
import random
from types import ModuleType

DATA = os.path.join(os.path.dirname(__file__), os.pardir, "data")
SAMPLE = os.path.join(DATA, "churn_sample.csv")


def _generator() -> ModuleType:
    """data/ is a folder of files, not a package (init lays it as is): loaded by path, so no
    installed package that happens to be called ``data`` can stand in for it."""
    spec = importlib.util.spec_from_file_location("make_churn_sample", os.path.join(DATA, "make_churn_sample.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generator = _generator()


def test_the_shipped_sample_is_the_generators_output() -> None:
    with open(SAMPLE, encoding="utf-8", newline="") as handle:
        shipped = list(csv.DictReader(handle))
    rows = generator.make_rows(generator.DEFAULT_ROWS, generator.SEED)
    generated = [{name: str(row[name]) for name in generator.COLUMNS} for row in rows]
    assert shipped == generated


def test_choose_follows_the_weights() -> None:
    rng = random.Random(7)
    picks = [generator.choose(rng, [("never", 0.0), ("always", 1.0)]) for _ in range(20)]
    assert set(picks) == {"always"}
