"""Render factcheck-gui.svg to the PNG sizes desktop packaging needs (hicolor 16..512).

Usage: python resources/icons/render_pngs.py   (writes resources/icons/png/factcheck-gui-<N>.png)
Run it again after editing the SVG and commit the PNGs with it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    here = Path(__file__).resolve().parent
    renderer = QSvgRenderer(str(here / "factcheck-gui.svg"))
    if not renderer.isValid():
        print("factcheck-gui.svg: not a valid SVG", file=sys.stderr)
        return 1
    out = here / "png"
    out.mkdir(exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / f"factcheck-gui-{size}.png"
        if not image.save(str(target)):
            print(f"{target}: could not write", file=sys.stderr)
            return 1
        print(target.relative_to(here.parent.parent))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
