"""Importers: files, standard input, URLs and the clipboard → clean story text + source metadata.

Qt-free; used by the CLI and the app alike. Every refusal is an :class:`ImportFailed` whose
``str()`` is one line the user can act on ("scan.pdf: no text found — run OCR first").
"""

from factcheck_gui.importers.base import (
    DEFAULT_MAX_BYTES,
    MAX_SIZE_ENV,
    ImportedText,
    ImportFailed,
    max_import_bytes,
)
from factcheck_gui.importers.loader import (
    EXTENSIONS,
    from_clipboard,
    load_bytes,
    load_path,
    load_source,
    load_url,
    sniff,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "MAX_SIZE_ENV",
    "USER_AGENT",
    "ImportFailed",
    "ImportedText",
    "from_clipboard",
    "load_bytes",
    "load_path",
    "load_source",
    "load_url",
    "max_import_bytes",
    "sniff",
]


def __getattr__(name: str) -> str:
    # http.client, ssl and email come with the URL module: a command reading files never pays.
    if name == "USER_AGENT":
        from factcheck_gui.importers.url import USER_AGENT

        return USER_AGENT
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
