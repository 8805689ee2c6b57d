"""Factcheck Compare: compare two versions of a story claim by claim and keep a review log."""

__version__ = "0.1.0"

# The comparison engine's own version, in every result: bumped when the same inputs give a
# different comparison (reviews record it; the app and the CLI show it labelled beside the
# app's). Here, not in engine/, so `factcheck --version` needs no engine import.
ENGINE_VERSION = "0.2.5"


def version_line(program: str = "Factcheck Compare") -> str:
    """"Factcheck Compare 0.1.0 (comparison engine 0.1.2)": the one way every surface says it."""
    return f"{program} {__version__} (comparison engine {ENGINE_VERSION})"
