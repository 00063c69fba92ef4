"""BigQuery table references and column types, shared by reading (``bigquery.py``) and
writing (``bigquery_write.py``): ``bq://`` URIs parsed and checked, the REST API's paths of a
table, and the column types under their legacy names (the ones tables.get reports).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import quote

from components.common import ComponentError

# Standard SQL names and the legacy names the REST API reports (tables.get says INTEGER for
# a column created as INT64).
TYPE_ALIASES = {
    "INT64": "INTEGER",
    "FLOAT64": "FLOAT",
    "BOOL": "BOOLEAN",
    "STRUCT": "RECORD",
    "DECIMAL": "NUMERIC",
    "BIGDECIMAL": "BIGNUMERIC",
}

PROJECT_ID = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]$")
DATASET_ID = re.compile(r"^[A-Za-z0-9_]{1,1024}$")
TABLE_ID = re.compile(r"^[\w\- ]{1,1024}$")
TABLE_URI = "bq://PROJECT.DATASET.TABLE"
TABLE_PARTS = re.compile(r"^([^.:/]+)[.:]([^./]+)\.([^/]+)$")


@dataclass(frozen=True)
class TableRef:
    project: str
    dataset: str
    table: str

    def __str__(self) -> str:
        return f"{self.project}.{self.dataset}.{self.table}"

    @property
    def dataset_path(self) -> str:
        return f"/bigquery/v2/projects/{quote(self.project, safe='')}/datasets/{quote(self.dataset, safe='')}"

    @property
    def path(self) -> str:
        return f"{self.dataset_path}/tables/{quote(self.table, safe='')}"


def parse_table_ref(text: str) -> TableRef:
    """``bq://project.dataset.table`` (or the legacy ``bq://project:dataset.table``) as a TableRef."""
    value = text.strip()
    if not value.lower().startswith("bq://"):
        raise ComponentError(f"{text!r} is not a BigQuery table URI: expected {TABLE_URI}")
    parts = TABLE_PARTS.match(value[len("bq://") :])
    if not parts:
        raise ComponentError(f"{text!r} is not a BigQuery table URI: expected {TABLE_URI}")
    project, dataset, table = parts.groups()
    if not PROJECT_ID.match(project):
        raise ComponentError(
            f"{text!r}: {project!r} is not a project ID (6-30 lowercase letters, digits and hyphens, "
            "starting with a letter)"
        )
    if not DATASET_ID.match(dataset):
        raise ComponentError(f"{text!r}: {dataset!r} is not a dataset ID (letters, digits and underscores)")
    if not TABLE_ID.match(table):
        raise ComponentError(
            f"{text!r}: {table!r} is not a table ID (letters, digits, underscores, hyphens and spaces)"
        )
    return TableRef(project, dataset, table)


def as_table_ref(ref: TableRef | str) -> TableRef:
    return ref if isinstance(ref, TableRef) else parse_table_ref(ref)


def what(ref: TableRef) -> str:
    return f"BigQuery table {ref}"


def column_type(field: Mapping[str, Any]) -> str:
    kind = str(field.get("type") or "").upper()
    return TYPE_ALIASES.get(kind, kind)


def is_flat(field: Mapping[str, Any]) -> bool:
    return column_type(field) != "RECORD" and str(field.get("mode") or "NULLABLE").upper() != "REPEATED"
