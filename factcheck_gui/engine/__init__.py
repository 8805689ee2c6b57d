"""The comparison engine: text → claims → alignment → word diff → fact flags.

Pure Python on the standard library and rapidfuzz; never Qt, SQLAlchemy or I/O.
"""

from factcheck_gui import ENGINE_VERSION
from factcheck_gui.engine.compare import Cancelled, compare_texts
from factcheck_gui.engine.normalize import normalize_text
from factcheck_gui.engine.segment import reflow, split_claims
from factcheck_gui.engine.types import (
    SCHEMA,
    Change,
    ChangeKind,
    Claim,
    Comparison,
    DiffOp,
    DiffOpKind,
    Document,
    Flag,
    FlagChange,
    FlagType,
    Severity,
    SourceInfo,
)

__all__ = [
    "ENGINE_VERSION",
    "SCHEMA",
    "Cancelled",
    "Change",
    "ChangeKind",
    "Claim",
    "Comparison",
    "DiffOp",
    "DiffOpKind",
    "Document",
    "Flag",
    "FlagChange",
    "FlagType",
    "Severity",
    "SourceInfo",
    "compare_texts",
    "normalize_text",
    "reflow",
    "split_claims",
]
