"""Render the SVG app icon to PNGs (Linux hicolor theme) and a multi-size .ico (Windows executable).

Run as a separate process by the build (Qt wants its own QGuiApplication, which the PyInstaller process
must not create):  python installers/render_icons.py ICON.svg OUT_DIR
Writes OUT_DIR/desktop-agent-SIZE.png for each size and OUT_DIR/desktop-agent.ico.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def ico_from_pngs(pngs: list[tuple[int, bytes]]) -> bytes:
    """An ICO container with PNG-compressed entries (read by Windows Vista and later).

    Written by hand because Qt's ico writer stores one size only, and Explorer picks the size it needs.
    """
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def render(svg: Path, out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - keeps Qt's font system alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: not a valid SVG: {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written, pngs = [], []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        raw = QByteArray()
        buffer = QBuffer(raw)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        data = bytes(raw.data())
        target = out_dir / f"desktop-agent-{size}.png"
        target.write_bytes(data)
        written.append(target)
        pngs.append((size, data))
    ico = out_dir / "desktop-agent.ico"
    ico.write_bytes(ico_from_pngs(pngs))
    written.append(ico)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: render_icons.py ICON.svg OUT_DIR")
    for path in render(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
