"""The summary table: its rows, torchinfo's totals and its layout, shared by the CLI and the runtime library.

Pure Python over the catalog and dims, so the lint path reads it without numpy and the runtime without libcst.
"""

from shapelint.table.layout import WRONG_MARK, Row, Summary, format_table
from shapelint.table.statistics import Layer, Totals, batch_of, concrete, row_mult_adds, totals

__all__ = [
    "WRONG_MARK",
    "Layer",
    "Row",
    "Summary",
    "Totals",
    "batch_of",
    "concrete",
    "format_table",
    "row_mult_adds",
    "totals",
]
