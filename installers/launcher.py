"""Entry point of the frozen app: the same `desktop-agent` command as the installed package's script."""

import multiprocessing
import sys

from desktop_agent.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not start a second app on Windows
    sys.exit(main())
