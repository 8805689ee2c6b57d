"""Where the local review database is by default (no SQLAlchemy here: a short command that
only needs the path must not pay for its import)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "factcheck-compare"
DB_FILE_NAME = "reviews.sqlite3"
ENV_VAR = "FACTCHECK_DB"


def default_db_path() -> Path:
    """The SQLite file in the user data directory (the folder may not exist yet)."""
    return Path(user_data_dir(APP_DIR_NAME)) / DB_FILE_NAME
