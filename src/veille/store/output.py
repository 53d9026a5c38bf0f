"""Tables as text for a terminal, CSV or JSON: the three forms ``veille query`` and ``veille sql`` print."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
from typing import Any

from veille.store.queries import Table
from veille.terminal import printable

_WIDTH = 48


BOM = "\ufeff"
"""The UTF-8 byte-order mark some spreadsheets (Excel) need to read a CSV file as UTF-8."""


def render(table: Table, fmt: str = "table", *, bom: bool = False) -> str:
    """``table`` as ``fmt``; CSV cells that hold lists or objects are JSON, and ``bom`` starts the CSV with a BOM."""
    if fmt == "json":
        return json.dumps(table.records(), ensure_ascii=False, indent=1, default=_plain)
    if fmt == "csv":
        buf = io.StringIO(BOM if bom else "")
        buf.seek(0, io.SEEK_END)
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(table.columns)
        w.writerows([[_cell(v, width=None) for v in row] for row in table.rows])
        return buf.getvalue().rstrip("\n")
    cells = [table.columns] + [[_cell(v) for v in row] for row in table.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(table.columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines)


def as_json(value: Any) -> str:
    """Any query result (dicts, lists, dates) as indented JSON."""
    return json.dumps(value, ensure_ascii=False, indent=1, default=_plain)


def _cell(value: Any, width: int | None = _WIDTH) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False, default=_plain) if isinstance(value, (list, dict)) else str(value)
    text = text.replace("\n", " ")
    if width is not None:  # a terminal's table; CSV keeps the data exact
        text = printable(text)
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)
