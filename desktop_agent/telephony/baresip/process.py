"""Running baresip: its settings, a generated config directory, and a supervisor that restarts it.

The config directory is private (mkdtemp, mode 0700) and deleted on stop. The SIP password is never
written to it: baresip 1.0 can only take a password inside an account line, so an account that
needs one is created over ctrl_tcp with `uanew` after connecting (see backend.py), and the accounts
file holds only accounts without secrets. The password travels over the loopback control socket
only, and nothing that may echo it (the `uanew` reply, baresip's output) is logged unredacted.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import ctypes
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SIP_KEYRING_SERVICE = "desktop-agent/sip"
INSTALL_HINT = "install it (Debian/Ubuntu: apt-get install baresip-core) or use the built-in simulator"

# Characters that would end a config line or an account parameter early.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f;<>\"\s]")
_SECRET_IN_TEXT = re.compile(r"(auth_pass=)[^;>\s]*")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_COMPLAINT = re.compile(r"fail|error|in use|not found|cannot|could not|denied|invalid", re.IGNORECASE)

StateCallback = Callable[[str, str], None]


class SettingsError(ValueError):
    """A setting baresip cannot take; the message is one line."""


@dataclass(frozen=True, slots=True)
class BaresipSettings:
    """What the desktop needs to run its own baresip."""

    user: str = "agent"                  # the AOR's user part
    domain: str = "127.0.0.1"            # the AOR's host[:port]; also the registrar when registering
    display_name: str = ""
    listen_host: str = "0.0.0.0"         # SIP; a specific address also pins baresip's net_interface
    sip_port: int = 5060                 # baresip also takes sip_port + 1 for SIP over TLS
    ctrl_port: int = 4444                # always bound on 127.0.0.1
    register: bool = False
    regint: int = 600
    outbound_proxy: str = ""             # e.g. "sip:proxy.example.org:5060"
    auth_user: str = ""
    password_account: str = ""           # keyring account (service SIP_KEYRING_SERVICE); "" = no password
    audio_codecs: tuple[str, ...] = ("PCMU", "PCMA")
    binary: str = "baresip"
    # What this baresip sends: a headless tone by default; tests play a WAV (48 kHz stereo S16LE,
    # what ausrc_srate/ausrc_channels below ask for) with "aufile,/path/to/file.wav".
    audio_source: str = "ausine,440"
    # Load vumeter.so: baresip then reports the received level of each call over ctrl_tcp
    # (VU_RX_REPORT, twice a second), which the backend turns into SilenceChanged events.
    detect_silence: bool = True

    @property
    def aor(self) -> str:
        return f"sip:{self.user}@{self.domain}"

    def validate(self) -> None:
        if re.search(r"[\x00-\x20\x7f\"<>]", self.outbound_proxy):
            raise SettingsError("SIP setting 'outbound_proxy' contains a space, quote, '<', '>' or control "
                                "character")
        for name in ("user", "domain", "listen_host", "auth_user"):
            value = getattr(self, name)
            if _UNSAFE.search(value):
                raise SettingsError(f"SIP setting '{name}' contains a space, quote, ';', '<', '>' or control "
                                    "character")
        if not self.user or not self.domain:
            raise SettingsError("SIP settings need a user and a domain")
        if re.search(r"[\x00-\x1f\x7f\"]", self.display_name):
            raise SettingsError("SIP display name contains a quote or control character")
        for name in ("sip_port", "ctrl_port"):
            port = getattr(self, name)
            if not 0 < port < 65535:
                raise SettingsError(f"SIP setting '{name}' is not a port number: {port}")
        if not all(re.fullmatch(r"[A-Za-z0-9_.-]+", c) for c in self.audio_codecs):
            raise SettingsError("SIP audio codec names may hold only letters, digits, '_', '.' and '-'")
        if not re.fullmatch(r"(ausine|aufile),[^\x00-\x20\x7f\"<>;]{1,400}", self.audio_source):
            raise SettingsError("SIP audio source must be 'ausine,HZ' or 'aufile,PATH' (a path without spaces)")

    def account_line(self, password: str | None = None) -> str:
        """The baresip account line; with `password` it is for `uanew` only, never for a file."""
        name = f'"{self.display_name}" ' if self.display_name else ""
        params = [f"regint={self.regint if self.register else 0}", "answermode=manual",
                  f"audio_codecs={','.join(self.audio_codecs)}"]
        if self.auth_user:
            params.append(f"auth_user={self.auth_user}")
        if self.outbound_proxy:
            params.append(f'outbound="{self.outbound_proxy}"')
        if password is not None:
            check_password(password)
            params.append(f"auth_pass={password}")
        return f"{name}<{self.aor}>;" + ";".join(params)


def check_password(password: str) -> None:
    if not password or _UNSAFE.search(password):
        raise SettingsError("the SIP password is empty or holds a space, quote, ';', '<', '>' or control "
                            "character, which baresip 1.0's account format cannot carry")


def load_sip_password(account: str) -> str | None:
    """The SIP password from the OS keyring, or None when there is none or no keyring works."""
    if not account:
        return None
    try:
        import keyring

        return keyring.get_password(SIP_KEYRING_SERVICE, account)
    except Exception as exc:  # noqa: BLE001 - any keyring backend failure means "no password here"
        log.warning("cannot read the SIP password from the OS keyring: %s", exc.__class__.__name__)
        return None


def redact(text: str) -> str:
    return _SECRET_IN_TEXT.sub(r"\1<hidden>", text)


def find_binary(binary: str) -> str | None:
    return shutil.which(binary)


def modules_dir(binary_path: str) -> Path | None:
    """baresip's modules beside its binary (<prefix>/bin -> <prefix>/lib/baresip/modules)."""
    prefix = Path(binary_path).resolve().parent.parent
    for candidate in (prefix / "lib" / "baresip" / "modules", prefix / "lib64" / "baresip" / "modules"):
        if (candidate / "ctrl_tcp.so").exists():
            return candidate
    return None  # let baresip use its compiled-in default


def write_config_dir(settings: BaresipSettings, directory: Path, *, module_path: Path | None) -> None:
    """The `config` and `accounts` files for `baresip -f directory`."""
    settings.validate()
    lines = [
        "poll_method\tepoll" if sys.platform.startswith("linux") else "",
        f"sip_listen\t{settings.listen_host}:{settings.sip_port}",
        f"net_interface\t{settings.listen_host}" if settings.listen_host not in ("0.0.0.0", "") else "",
        # Headless: a sine source and a null player. ausine only does 48 kHz stereo, and without a
        # working source `accept` is acknowledged but no 200 OK is ever sent.
        f"audio_source\t{settings.audio_source}",
        "ausrc_srate\t48000",
        "ausrc_channels\t2",
        "audio_player\taubridge,nil",
        "audio_alert\taubridge,nil",
        f"module_path\t{module_path}" if module_path else "",
        "module\tg711.so",
        "module\tausine.so" if settings.audio_source.startswith("ausine,") else "module\taufile.so",
        "module\taubridge.so",
        # An audio filter: levels only, no audio is written anywhere (see telephony/voice_activity.py).
        "module\tvumeter.so" if settings.detect_silence else "",
        "module_app\taccount.so",
        "module_app\tmenu.so",      # registers dial, accept, hangup, hold, transfer for ctrl_tcp
        "module_app\tctrl_tcp.so",
        f"ctrl_tcp_listen\t127.0.0.1:{settings.ctrl_port}",
    ]
    (directory / "config").write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    # An account that needs a password is added later over ctrl_tcp, so this file holds no secret.
    accounts = "" if settings.password_account else settings.account_line() + "\n"
    (directory / "accounts").write_text(accounts, encoding="utf-8")


def _die_with_parent() -> Callable[[], None] | None:
    """On Linux, have the kernel kill baresip when the desktop dies, so no orphan keeps the ports."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the child must not load libraries
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def preexec() -> None:
        prctl(pr_set_pdeathsig, signal.SIGKILL)

    return preexec


_live_pids: set[int] = set()


@atexit.register
def kill_leftovers() -> None:
    """Kill every baresip this process started and has not stopped (exit, crash of a test)."""
    for pid in list(_live_pids):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        _live_pids.discard(pid)


class BaresipProcess:
    """Starts baresip with a generated config, restarts it with backoff when it dies, reports states.

    States passed to `on_state(state, detail)`: starting, restarting, unavailable, stopped. The
    backend adds `running` once the control socket answers.
    """

    def __init__(
        self,
        settings: BaresipSettings,
        on_state: StateCallback,
        *,
        restart_delays: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0, 5.0),
        give_up_after: int = 6,
        stable_after: float = 10.0,
    ) -> None:
        self.settings = settings
        self._on_state = on_state
        self._restart_delays = restart_delays
        self._give_up_after = give_up_after
        self._stable_after = stable_after
        self._proc: asyncio.subprocess.Process | None = None
        self._watch: asyncio.Task[None] | None = None
        self._stopping = False
        self.config_dir: Path | None = None
        self.output_tail = ""  # the last few KiB of baresip's output, secrets redacted
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc and self._proc.returncode is None else None

    async def start(self) -> bool:
        """Start and supervise baresip; False (after an 'unavailable' state) when it cannot run."""
        try:
            self.settings.validate()
        except SettingsError as exc:
            self._on_state("unavailable", str(exc))
            return False
        binary = find_binary(self.settings.binary)
        if binary is None:
            self._on_state("unavailable", f"baresip is not installed (no '{self.settings.binary}' "
                                          f"on the PATH): {INSTALL_HINT}")
            return False
        self._stopping = False
        self.config_dir = Path(tempfile.mkdtemp(prefix="desktop-agent-baresip-"))
        write_config_dir(self.settings, self.config_dir, module_path=modules_dir(binary))
        self._on_state("starting", f"baresip on SIP port {self.settings.sip_port}")
        if not await self._spawn(binary):
            self._cleanup_dir()
            return False
        self._watch = asyncio.get_running_loop().create_task(self._supervise(binary), name="baresip-watch")
        return True

    async def stop(self, timeout: float = 3.0) -> None:
        self._stopping = True
        if self._watch:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
            self._watch = None
        proc = self._proc
        if proc and proc.returncode is None:
            # baresip's first SIGTERM waits for open SIP transactions; the second ends it at once.
            for sig in (signal.SIGTERM, signal.SIGTERM, signal.SIGKILL):
                with contextlib.suppress(ProcessLookupError):
                    proc.send_signal(sig)
                try:
                    await asyncio.wait_for(proc.wait(), timeout / 3)
                    break
                except TimeoutError:
                    continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(proc.wait(), timeout)
        if proc:
            _live_pids.discard(proc.pid)
        self._proc = None
        self._cleanup_dir()
        self._on_state("stopped", "")

    def kill(self) -> None:
        """SIGKILL baresip, as a crash would; the supervisor restarts it."""
        if self._proc and self._proc.returncode is None:
            self._proc.kill()

    async def _spawn(self, binary: str) -> bool:
        assert self.config_dir is not None
        try:
            self._proc = await asyncio.create_subprocess_exec(
                binary, "-f", str(self.config_dir),
                stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT, preexec_fn=_die_with_parent())
        except OSError as exc:
            self._on_state("unavailable", f"cannot start baresip ({binary}): {exc.strerror or exc}")
            return False
        _live_pids.add(self._proc.pid)
        self.starts += 1
        return True

    async def _supervise(self, binary: str) -> None:
        quick_deaths = 0
        while not self._stopping:
            proc = self._proc
            assert proc is not None
            started = asyncio.get_running_loop().time()
            await asyncio.gather(self._collect_output(proc), proc.wait())
            _live_pids.discard(proc.pid)
            if self._stopping:
                return
            ran_for = asyncio.get_running_loop().time() - started
            quick_deaths = 0 if ran_for >= self._stable_after else quick_deaths + 1
            why = f"baresip exited with code {proc.returncode}" + (f": {self.last_line()}" if self.last_line() else "")
            if quick_deaths >= self._give_up_after:
                self._on_state("unavailable", f"{why}; gave up after {quick_deaths} quick restarts")
                return
            delay = self._restart_delays[min(max(quick_deaths - 1, 0), len(self._restart_delays) - 1)]
            self._on_state("restarting", f"{why}; restarting in {delay:g} s")
            await asyncio.sleep(delay)
            if self._stopping or not await self._spawn(binary):
                return
            self._on_state("starting", "baresip restarted")

    async def _collect_output(self, proc: asyncio.subprocess.Process) -> None:
        # baresip redraws a status line with '\r' during calls, so read chunks, not lines.
        assert proc.stdout is not None
        tail = ""
        while chunk := await proc.stdout.read(4096):
            tail = (tail + chunk.decode("utf-8", "replace"))[-4096:]
            self.output_tail = redact(_ANSI.sub("", tail))
            if log.isEnabledFor(logging.DEBUG):
                log.debug("baresip: %s", redact(chunk.decode("utf-8", "replace")).rstrip())

    def last_line(self) -> str:
        """baresip's last complaint (its very last line is usually just 'ua: stop all')."""
        lines = [ln.strip() for ln in re.split(r"[\r\n]+", self.output_tail)]
        useful = [ln for ln in lines if ln and not ln.startswith("[")]  # skip the call status line
        complaints = [ln for ln in useful if _COMPLAINT.search(ln)]
        return (complaints or useful or [""])[-1][:200]

    def _cleanup_dir(self) -> None:
        if self.config_dir:
            shutil.rmtree(self.config_dir, ignore_errors=True)
            self.config_dir = None
