"""Fixtures for the integration tests with real SIP parts: baresip, sipp and kamailio.

A test marked `sip` skips when a binary is missing, unless DESKTOP_AGENT_REQUIRE_SIP is set (CI sets
it): then a missing binary fails the test, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_agent.telephony.baresip import process as baresip_process
from desktop_agent.telephony.baresip.sip_testing import start_sipp
from desktop_agent.testing import free_port

REQUIRE_ENV = "DESKTOP_AGENT_REQUIRE_SIP"
KAMAILIO_CFG = Path(__file__).parent / "kamailio" / "kamailio.cfg"


def need_binaries(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    if not missing:
        return
    message = f"not installed: {', '.join(missing)} (Debian: apt-get install baresip-core sip-tester kamailio)"
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{REQUIRE_ENV} is set, but {message}")
    pytest.skip(message)


@pytest.fixture
def sip_tools() -> None:
    need_binaries("baresip", "sipp")


@pytest.fixture(autouse=True)
def _no_baresip_left_behind():
    """Whatever a test did, no baresip it started outlives it (they hold ports)."""
    yield
    baresip_process.kill_leftovers()


@pytest.fixture
def sipp(tmp_path):
    """Start sipp runs (`sipp(cmd)` -> Popen); every run still alive at the end is killed."""
    started: list[subprocess.Popen] = []

    def start(cmd: list[str]) -> subprocess.Popen:
        proc = start_sipp(cmd, tmp_path / f"sipp{len(started)}")
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)


def sipp_output(proc_index: int, tmp_path: Path) -> str:
    path = tmp_path / f"sipp{proc_index}" / "sipp.out"
    return path.read_text(errors="replace")[-2000:] if path.exists() else ""


@dataclass
class Kamailio:
    port: int
    password: str
    proc: subprocess.Popen
    log: Path

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"


@pytest.fixture
def kamailio(tmp_path) -> Kamailio:
    """A registrar/proxy on a free loopback port, with a random password for REGISTER."""
    need_binaries("kamailio")
    port = free_port()
    password = secrets.token_hex(12)
    cfg = tmp_path / "kamailio.cfg"
    cfg.write_text(KAMAILIO_CFG.read_text().replace("@@PORT@@", str(port)).replace("@@PASSWORD@@", password))
    log = tmp_path / "kamailio.log"
    proc = subprocess.Popen(["kamailio", "-f", str(cfg), "-DD", "-E", "-Y", str(tmp_path)],
                            stdin=subprocess.DEVNULL, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while "Listening on" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"kamailio did not start: {log.read_text(errors='replace')[-1000:]}")
        time.sleep(0.05)
    yield Kamailio(port=port, password=password, proc=proc, log=log)
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
