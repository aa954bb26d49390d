"""Desktop Agent: one window for call-centre operators."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("desktop-agent")
except _metadata.PackageNotFoundError:  # frozen app or a plain source tree
    from desktop_agent._version import VERSION as __version__  # noqa: F401, N811
