"""Headless subcommands of `desktop-agent`. Each module has `register(subparsers)`.

A command's handler takes the parsed args and returns an exit code; it raises
`CommandError` (or a StoreError) for a one-line reason on stderr.
"""


class CommandError(Exception):
    """A one-line reason; the CLI prints it and exits non-zero."""
