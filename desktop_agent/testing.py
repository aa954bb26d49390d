"""Throwaway services for tests and benchmarks: a PostgreSQL cluster in a temp dir, free ports.

Lives in the package (not tests/) so that benchmarks/ can use it too. Never used by the app itself.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class PgCluster:
    root: Path
    port: int
    bin_dir: Path
    as_user: str | None

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "app") -> str:
        return f"postgresql+psycopg://app@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    durable: bool = False  # fsync and synchronous commits on: for tests that count rows after a crash

    def _options(self) -> str:
        opts = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c max_connections=100"
        if not self.durable:
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        return opts

    def start(self) -> PgCluster:
        b = self.bin_dir
        self._run(str(b / "initdb"), "-D", str(self.datadir), "-U", "app", "--auth=trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")
        self._run(str(b / "pg_ctl"), "-D", str(self.datadir), "-w", "-l", str(self.root / "log"),
                  "-o", self._options(), "start")
        return self

    def createdb(self, name: str) -> str:
        self._run(str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "app", name)
        return self.url(name)

    def stop(self) -> None:
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "stop",
                  check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def crash(self) -> None:
        """Stop the server abruptly, as a lost database would look to a desktop."""
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "stop",
                  check=False)

    def restart(self) -> None:
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.datadir), "-w", "-l", str(self.root / "log"),
                  "-o", self._options(), "start")


def start_pg_cluster(*, durable: bool = False) -> PgCluster:
    """initdb refuses to run as root, so as root the cluster belongs to the `postgres` user."""
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries not found: apt-get install postgresql")
    root = Path(tempfile.mkdtemp(prefix="da-pg-"))
    as_user = None
    if os.geteuid() == 0:
        as_user = "postgres"
        shutil.chown(root, user="postgres")
        root.chmod(0o700)
    return PgCluster(root=root, port=free_port(), bin_dir=bin_dir, as_user=as_user, durable=durable).start()
