"""Netstring framing (`LEN:PAYLOAD,`) for baresip's ctrl_tcp socket, hardened against a bad peer.

The decoder never raises and never holds more than `max_frame` plus a few bytes: garbage is dropped
up to the next plausible frame start, an oversized frame is skipped without being buffered, and a
frame whose trailing comma is missing (or whose JSON visibly ends or breaks early) is re-scanned
from its second byte, so a truncated frame costs only itself and not the frame that follows it.
Problems come back as `FramingError` values in the output, so the caller can report them and carry
on reading.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MAX_FRAME = 1 << 20  # baresip's largest real frame (a long `help` or `callstat`) is a few KiB
_MAX_DIGITS = 8  # any length with more digits is garbage or oversized either way
_EARLY_CHECK_LIMIT = 64 << 10  # re-parsing a partial frame on every read is cheap only while it is small
_JSON = json.JSONDecoder()

# baresip only ever sends JSON objects, so a frame begins with digits, a colon and an opening brace.
# Requiring the brace makes resynchronising after garbage much less likely to lock onto noise.
_FRAME_START = re.compile(rb"[0-9]{1,%d}:\{" % _MAX_DIGITS)


@dataclass(frozen=True, slots=True)
class FramingError:
    """One problem in the byte stream, described in one line."""

    message: str


def encode(payload: bytes) -> bytes:
    return b"%d:%s," % (len(payload), payload)


class NetstringDecoder:
    """Feed it bytes as they arrive; it returns the complete payloads and the problems found."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self.max_frame = max_frame
        self._buf = bytearray()
        self._skip = 0  # bytes of an oversized frame still to throw away
        self._comma_due = False  # ... and then its closing comma

    @property
    def buffered(self) -> int:
        """Bytes held while waiting for the rest of a frame (bounded by max_frame + a header)."""
        return len(self._buf)

    def feed(self, data: bytes) -> list[bytes | FramingError]:
        out: list[bytes | FramingError] = []
        if self._skip or self._comma_due:
            data = self._skip_oversized(data, out)
        self._buf += data
        while self._buf and not (self._skip or self._comma_due):
            if not self._take_one(out):
                break
        return out

    def _skip_oversized(self, data: bytes, out: list[bytes | FramingError]) -> bytes:
        """Throw away the rest of an oversized frame; return what follows it."""
        if self._skip:
            n = min(self._skip, len(data))
            self._skip -= n
            data = data[n:]
            if self._skip:
                return b""
        if self._comma_due and data:
            self._comma_due = False
            if data[:1] == b",":
                return data[1:]
            out.append(FramingError("an oversized ctrl_tcp frame did not end with ','"))
        return data

    def _take_one(self, out: list[bytes | FramingError]) -> bool:
        """Decode or discard from the head of the buffer; False when more bytes are needed."""
        buf = self._buf
        colon = buf.find(b":", 0, _MAX_DIGITS + 1)
        if colon == -1:
            if len(buf) <= _MAX_DIGITS and buf.isdigit():
                return False  # a length still arriving
            return self._resync(out, "garbage on the ctrl_tcp socket", start=1)
        digits = bytes(buf[:colon])
        if not digits.isdigit():
            return self._resync(out, "garbage on the ctrl_tcp socket", start=1)
        length = int(digits)
        if length > self.max_frame:
            del buf[:colon + 1]
            out.append(FramingError(f"ctrl_tcp frame of {length} bytes is over the {self.max_frame}-byte cap; "
                                    "skipped"))
            self._skip, self._comma_due = length, True
            if buf:
                tail = bytes(buf)
                buf.clear()
                buf += self._skip_oversized(tail, out)
            return True
        end = colon + 1 + length
        if len(buf) <= end:
            if len(buf) < end and self._misframed(colon + 1):
                return self._resync(out, "truncated ctrl_tcp frame (no ',' where its length says)", start=1)
            return False
        if buf[end] != ord(","):
            # Truncated frame (or garbage digits glued to a real length): its announced length
            # swallowed the start of what follows. Re-scan from the next byte, not from the bogus end.
            return self._resync(out, "truncated ctrl_tcp frame (no ',' where its length says)", start=1)
        out.append(bytes(buf[colon + 1:end]))
        del buf[:end + 1]
        return True

    def _misframed(self, body_start: int) -> bool:
        """Can an unfinished frame already be seen to be wrong? Without this, a truncated frame with
        a long announced length would hold back the frames after it until that many bytes arrive.

        baresip's payloads are single JSON objects, so a complete object before the announced end, or
        JSON that breaks well before the end of what has arrived, means the length is wrong. When in
        doubt (a string, number or literal cut off by the read) the answer is no: wait for more.
        """
        body = bytes(self._buf[body_start:])
        if len(body) > _EARLY_CHECK_LIMIT:
            return False
        text = body.decode("utf-8", "replace")
        try:
            _JSON.raw_decode(text)
        except json.JSONDecodeError as exc:
            return not exc.msg.startswith("Unterminated string") and len(text) - exc.pos > 6
        return True

    def _resync(self, out: list[bytes | FramingError], message: str, *, start: int) -> bool:
        buf = self._buf
        match = _FRAME_START.search(buf, start)
        if match:
            del buf[:match.start()]
        else:
            # Keep a short tail: it may be the beginning of a header split across reads.
            keep = min(len(buf) - start, _MAX_DIGITS + 1)
            del buf[:len(buf) - keep]
            while buf and not buf[:1].isdigit():
                del buf[:1]
        if not out or out[-1] != FramingError(message):
            out.append(FramingError(message))  # one report per run of garbage, not one per byte
        return bool(match)
