"""Reading members of an untrusted ZIP (a .docx) without letting it exhaust memory.

A ZIP bomb declares (or hides) a huge uncompressed size behind a few kilobytes. Sizes and
compression ratios in the central directory are checked before anything is inflated, and
every member is inflated through a capped read, so a directory that lies cannot get past
the cap either.
"""

from __future__ import annotations

import io
import zipfile

from factcheck_gui.importers.base import ImportFailed

MAX_MEMBERS = 5000
MAX_UNCOMPRESSED = 256 * 1024 * 1024  # all members together
MAX_MEMBER = 64 * 1024 * 1024  # one member (document.xml of a 1,000-page report is ~30 MB)
MAX_RATIO = 120  # real Office XML compresses 5-30x; bombs reach 1000x
_RATIO_FLOOR = 1024 * 1024  # tiny members may compress absurdly well without harm

BOMB = "refused: the archive inflates to far more than it holds (a ZIP bomb?)"


class SafeZip:
    """A checked ZIP archive; :meth:`read` returns one member's bytes, capped."""

    def __init__(self, data: bytes, name: str, what: str = ".docx") -> None:
        self.name = name
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            raise ImportFailed(name, f"not a valid {what} file (the ZIP archive is damaged)") from None
        if len(infos) > MAX_MEMBERS:
            raise ImportFailed(name, f"refused: the archive holds {len(infos)} files")
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER or total > MAX_UNCOMPRESSED:
                raise ImportFailed(name, BOMB)
            if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
                raise ImportFailed(name, BOMB)
        self._names = {info.filename for info in infos}

    def __contains__(self, member: str) -> bool:
        return member in self._names

    def read(self, member: str) -> bytes:
        """The member's bytes; refuses one that inflates past its declared size or the cap."""
        info = self._zip.getinfo(member)
        if info.flag_bits & 0x1:
            raise ImportFailed(self.name, "the file is encrypted — save it without a password")
        limit = min(info.file_size, MAX_MEMBER)
        try:
            with self._zip.open(info) as fh:
                out = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            raise ImportFailed(self.name, "the ZIP archive is damaged (a member cannot be read)") from None
        if len(out) > limit:
            raise ImportFailed(self.name, BOMB)
        return out
