"""PyInstaller runtime hook, in place of PyInstaller's own pyi_rth_pyside6: where Qt's plugins are.

PyInstaller's hook also imports PySide6.QtCore at once, to register a qt.conf for Qt builds that carry
none. PySide6 from PyPI registers its own when QtCore is first imported (its paths point into the bundle),
so that import only made every command pay for loading Qt first: about 0.1 s on `--version` and on the
headless commands (db, lookup, kpi, import). The environment is set exactly as PyInstaller's hook sets it.
"""

import os
import sys


def _set_qt_paths() -> None:
    base = sys._MEIPASS
    qt = os.path.join(base, "PySide6") if sys.platform == "win32" else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
    if sys.platform == "win32":  # DLLs collected beside the executable (OpenSSL for Qt, if ever needed)
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


_set_qt_paths()
del _set_qt_paths
