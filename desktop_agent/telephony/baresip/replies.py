"""Reading baresip 1.0's text: caller ids in peer URIs, close reasons, and command replies.

baresip 1.0's `listcalls`, `callstat` and `reginfo` answer with text meant for a console; these
parsers take what the backend needs from it and return empty results on anything unexpected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from desktop_agent.telephony.events import CloseReason

_TEL_NUMBER = re.compile(r"[0-9+*#().\-]+")


def _strip_tel_params(user: str) -> str:
    """'+79161234567;npdi;rn=...' -> '+79161234567'. Only a number has such parameters: any other
    user part keeps its ';' (it is a legal character there) and passes through whole."""
    number = user.split(";", 1)[0]
    return number if _TEL_NUMBER.fullmatch(number) else user


def caller_from_uri(uri: str) -> str:
    """The caller's number (or name) from a SIP/tel URI; anything else passes through unchanged."""
    text = uri.strip()
    if text.startswith("<") and ">" in text:
        text = text[1:text.index(">")]
    lowered = text.lower()
    if lowered.startswith(("sip:", "sips:")):
        rest = text.split(":", 1)[1]
        if "@" not in rest:
            return uri  # a bare host: keep what we were given
        user = _strip_tel_params(rest.rsplit("@", 1)[0])
    elif lowered.startswith("tel:"):
        user = _strip_tel_params(text[4:])
    else:
        return uri
    user = unquote(user, errors="replace")
    if user.lower() in ("anonymous", "restricted", "unavailable"):
        return "anonymous"
    return user


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_SIP_STATUS = re.compile(r"^\s*([1-6]\d\d)\b")


def close_reason(param: str, *, incoming: bool, established: bool, local: bool,
                 rejecting: bool, transferred: bool) -> CloseReason:
    """Map CALL_CLOSED's text (baresip 1.0 sends a SIP status line or a socket-style phrase)."""
    text = param.lower()
    if transferred or "transfered" in text or "transferred" in text:
        return CloseReason.TRANSFERRED
    status = _SIP_STATUS.match(param)
    if status:
        code = int(status.group(1))
        if code == 487:
            return CloseReason.CANCELLED
        if code in (486, 600, 603):
            return CloseReason.REJECTED
        if code in (408, 480):
            return CloseReason.NO_ANSWER
        return CloseReason.FAILED
    if "reset by user" in text or local:
        if rejecting or (incoming and not established):
            return CloseReason.REJECTED
        return CloseReason.LOCAL_HANGUP
    if "reset by peer" in text:
        if incoming and not established:
            return CloseReason.CANCELLED
        return CloseReason.REMOTE_HANGUP if established else CloseReason.FAILED
    return CloseReason.NORMAL if established else CloseReason.FAILED


def count_calls(listcalls: str) -> int | None:
    """'--- Active calls (N) ---' -> N."""
    match = re.search(r"Active calls \((\d+)\)", listcalls)
    return int(match.group(1)) if match else None


@dataclass(frozen=True, slots=True)
class CurrentCall:
    call_id: str
    state: str           # INCOMING, OUTGOING, RINGING, EARLY, ESTABLISHED, ...
    incoming: bool
    peer_uri: str
    peer_name: str


def parse_callstat(text: str) -> CurrentCall | None:
    """baresip's current call from `callstat` (the only reply that names a Call-ID)."""
    state = re.search(r"Call debug \(([A-Z_]+)\)", text)
    call_id = re.search(r"\bid=(\S+)", text)
    if not state or not call_id:
        return None
    peer = re.search(r"peer_uri:\s*(.*?)\s*<([^>]*)>", text)
    direction = re.search(r"direction:\s*(\w+)", text)
    return CurrentCall(
        call_id=call_id.group(1),
        state=state.group(1),
        incoming=bool(direction and direction.group(1).lower() == "incoming"),
        peer_uri=peer.group(2) if peer else "",
        peer_name=peer.group(1).strip('" ') if peer else "",
    )


def parse_reginfo(text: str) -> dict[str, str]:
    """AOR -> the status text after it ('' for an account that does not register)."""
    accounts: dict[str, str] = {}
    for line in _ANSI.sub("", text).splitlines():  # baresip colours OK/ERR for a terminal
        match = re.match(r"^[>\s]\s*(sips?:\S+)\s*(.*?)\s*$", line)
        if match:
            accounts[match.group(1)] = " ".join(match.group(2).split())
    return accounts
