"""The comparison engine: text → claims → alignment → word diff → fact flags.

Pure Python on the standard library, rapidfuzz and numpy; never Qt, SQLAlchemy or I/O.
"""
