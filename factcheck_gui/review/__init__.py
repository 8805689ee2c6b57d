"""The review use cases, without Qt: what the window and the command line both do.

* :mod:`.opening` — open, compare and import a review (:class:`ReviewService`), its title;
* :mod:`.carry` — what the reader hears as a review opens (carry-over offers);
* :mod:`.session` — the verdicts on screen, with versions and conflicts;
* :mod:`.drafts` — the reader's notes not yet in the store, a state machine;
* :mod:`.reviewer` — the name verdicts are recorded under;
* :mod:`.docindex` — what the views need to know about a comparison (built in a worker);
* :mod:`.wording` — every sentence these rules tell the reader.

Below the UI and the CLI, above the exporters, the store and the engine; PySide6 is never
imported here (an import-linter contract).
"""
