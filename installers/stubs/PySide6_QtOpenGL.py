"""Stands in for PySide6.QtOpenGL in the frozen app (bundled as that module by the spec).

pyqtgraph imports PySide6.QtOpenGL by name when its plot curves are imported, but touches it only when
drawing through OpenGL, which Desktop Agent never switches on (pyqtgraph's useOpenGL stays False). The
real binding is 8.5 MB, a twentieth of the whole app; any use of it fails here with a clear message.
"""


def __getattr__(name: str):
    raise AttributeError(f"PySide6.QtOpenGL.{name}: Qt's OpenGL binding is not part of this build of "
                         "Desktop Agent, which draws without OpenGL")
