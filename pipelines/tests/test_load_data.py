"""components.load_data: what counts as a usable training CSV, and where it is read from."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.common import ComponentError
from components.load_data import decode, read_source, validate

GOOD = "a,b,label\n" + "".join(f"{i},{i * 2},{i % 2}\n" for i in range(10))


def test_validate_returns_the_shape_of_a_usable_table() -> None:
    assert validate(GOOD, "source") == (10, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  \n", "source is empty"),
        ("a,a,label\n" + "1,2,3\n" * 10, "duplicate column names: 'a'"),
        (GOOD + "1,2\n", "line 12 has 2 field"),
        ("a;b;label\n" + "1;2;3\n" * 10, "has 1 column"),
        ("a,label\n" + "1,2\n" * 9, "has 9 data row"),
    ],
)
def test_validate_refuses_what_is_not_training_data(text: str, message: str) -> None:
    with pytest.raises(ComponentError, match=message):
        validate(text, "source")


def test_decode_drops_a_byte_order_mark_and_refuses_other_encodings() -> None:
    assert decode("\ufeffa,b".encode("utf-8"), "source") == "a,b"
    with pytest.raises(ComponentError, match="is not UTF-8 text"):
        decode("café".encode("latin-1"), "source")


def test_read_source_reads_paths_and_file_uris(tmp_path: Path) -> None:
    path = tmp_path / "my data.csv"
    path.write_text(GOOD)
    assert read_source(str(path)) == GOOD.encode()
    assert read_source(path.as_uri()) == GOOD.encode()  # file:///.../my%20data.csv
    assert read_source(f"file://localhost{path}") == GOOD.encode()


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("", "source_uri is empty"),
        ("ftp://host/x.csv", "unsupported URI scheme ftp://"),
        ("file://server/share/x.csv", "file:// URIs with a host are not supported"),
    ],
)
def test_read_source_refuses_unusable_locations(uri: str, message: str) -> None:
    with pytest.raises(ComponentError, match=message):
        read_source(uri)
