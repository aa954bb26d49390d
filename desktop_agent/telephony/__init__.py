"""The Softphone protocol and its backends (simulator, baresip). No Qt, no database."""
