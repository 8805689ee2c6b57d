"""Factcheck Compare: compare two versions of a story claim by claim and keep a review log."""

__version__ = "0.1.0"
