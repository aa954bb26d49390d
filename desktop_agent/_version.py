# Fallback for frozen builds; installers/ regenerates it from pyproject.toml before freezing.
VERSION = "0.1.0"
