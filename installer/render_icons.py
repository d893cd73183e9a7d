"""Renders the app icon (desktop/resources/icons/agentlocator.svg) to the PNG sizes of the
freedesktop hicolor theme and to a multi-size .ico for Windows:
python installer/render_icons.py OUT_DIR  (run in the build venv: PySide6 and Pillow)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parent.parent / "desktop" / "resources" / "icons" / "agentlocator.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {SVG}")
    out.mkdir(parents=True, exist_ok=True)
    # Each file whole or not at all: the NSIS check may read the .ico while a build runs.
    for size in SIZES:
        partial = out / f".{size}.png"
        partial.write_bytes(render(renderer, size))
        partial.replace(out / f"{size}.png")
    largest = Image.open(io.BytesIO((out / "256.png").read_bytes()))
    partial = out / ".agentlocator.ico"
    largest.save(partial, format="ICO", sizes=[(size, size) for size in SIZES])
    partial.replace(out / "agentlocator.ico")
    print(f"icons: {', '.join(map(str, SIZES))} px and agentlocator.ico in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
