"""Issue 31 item 11: no manifest, however odd, gives an "unexpected error": each is works, or one line and code 3."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ebookgen.batch.plan import plan_batch
from ebookgen.batch.sources import COLUMNS, works_from
from ebookgen.errors import EbookgenError

CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["one.txt", "../one.txt", "/etc/hostname", "tw\0o.txt", "epub,kepub", "yes", "", "9" * 5000]),
)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)
JSON_ROWS = st.dictionaries(st.sampled_from([*COLUMNS, "colour"]), JSON_VALUES | CELLS, max_size=5)


def outcome(name: str, data: bytes) -> None:
    """Read a manifest and plan its works: each is a work or an EbookgenError, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "one.txt").write_text("Chapter 1\n\nIt rained.\n", encoding="utf-8")
        manifest = Path(folder) / name
        manifest.write_bytes(data)
        try:
            works = works_from([manifest])
        except EbookgenError as error:
            assert str(error) and "\n" not in str(error).strip()
            return
        plan_batch(works, Path(folder) / "out", ("epub",))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(CELLS, min_size=1, max_size=4), max_size=4), st.lists(st.sampled_from(list(COLUMNS)), max_size=4)
)
def test_any_csv_manifest_is_works_or_one_line(rows: list[list[str]], header: list[str]) -> None:
    lines = [",".join(header or ["source"])] + [",".join(json.dumps(cell) for cell in row) for row in rows]
    outcome("works.csv", "\n".join(lines).encode("utf-8", "surrogatepass"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(JSON_ROWS | JSON_VALUES, max_size=4), st.binary(max_size=40))
def test_any_json_lines_manifest_is_works_or_one_line(rows: list, noise: bytes) -> None:
    lines = [json.dumps(row).encode() for row in rows] + [noise]
    outcome("works.jsonl", b"\n".join(lines))


def test_a_deep_or_long_manifest_value_is_one_line() -> None:
    for text in (
        '{"source": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"source": "one.txt", "title": ' + "1" * 5000 + "}",
    ):
        outcome("works.jsonl", text.encode())
    outcome("works.csv", b"source,title\none.txt," + b"x" * 200_000 + b"\n")
