"""Render the app icon into the files each platform's installer wants.

The icon is resources/icons/factcheck-gui.svg, also the window icon of the app.

    python packaging/icons/make_icons.py     (any Python with PySide6-Essentials)

Writes next to this script: hicolor PNGs ``png/<size>.png`` for the Linux .deb, a multi-size
``factcheck-compare.ico`` for Windows and ``factcheck-compare.icns`` for macOS (both through
Qt's own image plugins, so no extra tool is needed). The outputs are committed; run this again
after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE.parents[1] / "resources" / "icons" / "factcheck-gui.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon as a premultiplied ARGB image of ``size`` × ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())


def write_ico(images: list[QImage], path: Path) -> None:
    """A Windows .ico holding every image as an embedded PNG (Vista and later read these)."""
    blobs = [png_bytes(image) for image in images]
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(blobs).to_bytes(2, "little")
    offset = 6 + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in the ICO format
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    """Write all icon files; exit status 1 if Qt cannot read the SVG or write a format."""
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - image plugins need an application object
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    (HERE / "png").mkdir(exist_ok=True)
    for size in HICOLOR_SIZES:
        render(renderer, size).save(str(HERE / "png" / f"{size}.png"))  # the suffix picks PNG
    write_ico([render(renderer, size) for size in ICO_SIZES], HERE / "factcheck-compare.ico")
    writer = QImageWriter(str(HERE / "factcheck-compare.icns"), b"icns")
    if not writer.write(render(renderer, 1024)):
        print(f"icns: {writer.errorString()}", file=sys.stderr)
        return 1
    print(f"wrote {len(HICOLOR_SIZES)} PNGs, .ico and .icns into {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
