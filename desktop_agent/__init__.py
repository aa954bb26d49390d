"""Desktop Agent: one window for call-centre operators."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The version is looked up on first use: importlib.metadata scans every installed package,
    # which the operator window's start does not need to pay for.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("desktop-agent")
    except metadata.PackageNotFoundError:  # frozen app or a plain source tree
        from desktop_agent._version import VERSION as version
    globals()["__version__"] = version
    return version
