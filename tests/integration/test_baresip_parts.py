"""The baresip backend's pure parts: netstring framing, reading baresip's replies, the generated config."""

from __future__ import annotations

import json
import random

import pytest

from desktop_agent.telephony.baresip.netstring import FramingError, NetstringDecoder, encode
from desktop_agent.telephony.baresip.process import (
    BaresipSettings,
    SettingsError,
    redact,
    write_config_dir,
)
from desktop_agent.telephony.baresip.replies import (
    caller_from_uri,
    close_reason,
    count_calls,
    parse_callstat,
    parse_reginfo,
)
from desktop_agent.telephony.events import CloseReason


def payloads(items):
    return [i for i in items if isinstance(i, bytes)]


def errors(items):
    return [i.message for i in items if isinstance(i, FramingError)]


FRAMES = [json.dumps({"event": True, "type": "CALL_INCOMING", "id": str(n), "peeruri": "sip:+7916@h"}).encode()
          for n in range(20)]
STREAM = b"".join(encode(f) for f in FRAMES)


def test_frames_split_anywhere_across_reads_come_out_whole():
    rng = random.Random(7)
    for _ in range(50):
        decoder, got, pos = NetstringDecoder(), [], 0
        while pos < len(STREAM):
            step = rng.randint(1, 40)
            got += decoder.feed(STREAM[pos:pos + step])
            pos += step
        assert payloads(got) == FRAMES and errors(got) == []
        assert decoder.buffered == 0


def test_byte_by_byte():
    decoder = NetstringDecoder()
    got = [item for byte in STREAM for item in decoder.feed(bytes([byte]))]
    assert payloads(got) == FRAMES


def test_garbage_before_between_and_after_frames_is_dropped_once_per_run():
    decoder = NetstringDecoder()
    got = decoder.feed(b"\xff\xfe junk 99 x" + encode(FRAMES[0]) + b"!!!:::" + encode(FRAMES[1]) + b"zz")
    assert payloads(got) == FRAMES[:2]
    assert errors(got) == ["garbage on the ctrl_tcp socket"] * 3
    assert decoder.buffered == 0


def test_digits_glued_to_a_real_length_cost_no_frame():
    decoder = NetstringDecoder()
    got = decoder.feed(b"12" + encode(FRAMES[0]))
    assert payloads(got) == [FRAMES[0]]  # at once: not after 1,2xx more bytes happen to arrive
    assert payloads(decoder.feed(encode(FRAMES[1]))) == [FRAMES[1]]


def test_a_truncated_frame_does_not_hold_back_or_take_the_next_one():
    decoder = NetstringDecoder()
    got = decoder.feed(b'3000:{"event":true,"ty' + encode(FRAMES[0]))
    assert payloads(got) == [FRAMES[0]]  # not held until 3,000 bytes have arrived
    assert any("truncated" in e for e in errors(got))
    got = decoder.feed(b'40:{"event":true,"param":"cut off' + encode(FRAMES[1]) + b"x" * 40 + encode(FRAMES[2]))
    assert payloads(got) == [FRAMES[1], FRAMES[2]]


def test_frames_cut_inside_strings_numbers_and_literals_are_waited_for():
    frame = encode('{"event":true,"n":-12.5e3,"s":"\\u00e9 éé ☎ \\" \\\\","t":false,"z":null}'.encode())
    for cut in range(1, len(frame)):
        decoder = NetstringDecoder()
        got = decoder.feed(frame[:cut]) + decoder.feed(frame[cut:])
        assert errors(got) == [] and len(payloads(got)) == 1, cut


def test_oversized_frames_are_skipped_without_buffering():
    decoder = NetstringDecoder(max_frame=1000)
    got = decoder.feed(b"5000:{")
    for _ in range(10):
        got += decoder.feed(b"y" * 499)
        assert decoder.buffered < 20
    got += decoder.feed(b"y" * 8 + b"}")  # 1 + 4990 + 8 + 1 = 5000
    got += decoder.feed(b"," + encode(FRAMES[3]))  # the comma alone in the next read
    assert payloads(got) == [FRAMES[3]]
    assert errors(got) == ["ctrl_tcp frame of 5000 bytes is over the 1000-byte cap; skipped"]


def test_an_endless_length_or_an_endless_stream_of_garbage_stays_bounded():
    decoder = NetstringDecoder(max_frame=1000)
    got = decoder.feed(b"9" * 100_000)
    got += decoder.feed(bytes(range(256)) * 1000)
    assert payloads(got) == []
    assert decoder.buffered <= 16
    assert payloads(decoder.feed(encode(FRAMES[4]))) == [FRAMES[4]]


def test_caller_id_from_peer_uri():
    assert caller_from_uri("sip:+79161234567@10.0.0.1:5060") == "+79161234567"
    assert caller_from_uri("<sip:84951234567@pbx;user=phone>") == "84951234567"
    assert caller_from_uri("sip:+79161234567;npdi;rn=123@pbx") == "+79161234567"
    assert caller_from_uri("tel:+7-916-123-45-67;phone-context=x") == "+7-916-123-45-67"
    assert caller_from_uri("sip:Anonymous@anonymous.invalid") == "anonymous"
    assert caller_from_uri("sip:%D0%98%D0%B2%D0%B0%D0%BD@h") == "Иван"
    assert caller_from_uri("sip:a;b'--@h") == "a;b'--"
    assert caller_from_uri("sip:pbx.example.org") == "sip:pbx.example.org"
    assert caller_from_uri("garbage \x00 ☎") == "garbage \x00 ☎"


@pytest.mark.parametrize(("param", "flags", "expected"), [
    ("Connection reset by user", dict(incoming=True, established=True, local=True), CloseReason.LOCAL_HANGUP),
    ("Connection reset by user", dict(incoming=True, established=False, local=True), CloseReason.REJECTED),
    ("Connection reset by peer", dict(incoming=True, established=True, local=False), CloseReason.REMOTE_HANGUP),
    ("Connection reset by peer", dict(incoming=True, established=False, local=False), CloseReason.CANCELLED),
    ("Call transfered", dict(incoming=True, established=True, local=False), CloseReason.TRANSFERRED),
    ("486 Rejected", dict(incoming=False, established=False, local=False), CloseReason.REJECTED),
    ("487 Request Terminated", dict(incoming=False, established=False, local=False), CloseReason.CANCELLED),
    ("408 Request Timeout", dict(incoming=False, established=False, local=False), CloseReason.NO_ANSWER),
    ("404 Not Found", dict(incoming=False, established=False, local=False), CloseReason.FAILED),
    ("something new", dict(incoming=False, established=True, local=False), CloseReason.NORMAL),
])
def test_close_reasons(param, flags, expected):
    assert close_reason(param, rejecting=False, transferred=False, **flags) is expected


# Replies as baresip 1.0.0 sends them (captured on loopback).
CALLSTAT = ("\n===== Call debug (ESTABLISHED) =====\n local_uri:  <sip:agent@127.0.0.1:25071>\n"
            " peer_uri:   <sip:caller@127.0.0.1:25075>\n af=AF_INET id=4170bb70e4bcb487\n direction: Incoming\n"
            "SDP session\n  local attributes:\n    tool='baresip 1.0.0'\n")
REGINFO = ("\n--- User Agents (2) ---\n> sip:agent@127.0.0.1:25190                  \x1b[32mOK \x1b[;m kamailio "
           "(5.6.3 (x86_64/linux)) Expires 60s\n  sip:direct@127.0.0.1:5070                 \n\n")


def test_baresip_replies():
    call = parse_callstat(CALLSTAT)
    assert call is not None
    assert (call.call_id, call.state, call.incoming, call.peer_uri) == (
        "4170bb70e4bcb487", "ESTABLISHED", True, "sip:caller@127.0.0.1:25075")
    assert parse_callstat("\n(no active calls)\n") is None
    assert parse_reginfo(REGINFO) == {
        "sip:agent@127.0.0.1:25190": "OK kamailio (5.6.3 (x86_64/linux)) Expires 60s",
        "sip:direct@127.0.0.1:5070": "",
    }
    assert count_calls("\n--- Active calls (2) ---\n> [line 1] ...") == 2
    assert count_calls("nonsense") is None


def test_config_dir_is_headless_and_holds_no_password(tmp_path):
    settings = BaresipSettings(listen_host="127.0.0.1", sip_port=5070, ctrl_port=4444, domain="pbx.example:5060",
                               register=True, auth_user="agent", password_account="agent@pbx")
    write_config_dir(settings, tmp_path, module_path=None)
    config = (tmp_path / "config").read_text()
    assert "ctrl_tcp_listen\t127.0.0.1:4444" in config
    assert "sip_listen\t127.0.0.1:5070" in config
    assert "audio_source\tausine,440" in config and "ausrc_srate\t48000" in config
    assert "module_app\tmenu.so" in config
    assert (tmp_path / "accounts").read_text() == ""  # the password account comes later, over ctrl_tcp
    assert "auth_pass=s3cret" in settings.account_line("s3cret")
    assert redact(settings.account_line("s3cret")).count("s3cret") == 0


def test_direct_account_line():
    settings = BaresipSettings(user="agent", domain="127.0.0.1:5070", display_name="Оператор 1")
    assert settings.account_line() == ('"Оператор 1" <sip:agent@127.0.0.1:5070>;regint=0;answermode=manual;'
                                       "audio_codecs=PCMU,PCMA")


@pytest.mark.parametrize("bad", [
    dict(user="agent\nmodule_app evil.so"), dict(domain="h;auth_pass=x"), dict(display_name='a"b'),
    dict(outbound_proxy="sip:p\n"), dict(ctrl_port=0), dict(audio_codecs=("PCMU;x",)), dict(user=""),
])
def test_settings_that_would_inject_config_are_refused(bad):
    with pytest.raises(SettingsError):
        BaresipSettings(**bad).validate()


@pytest.mark.parametrize("password", ["", "a;b", "a b", "x>y", "line\nbreak"])
def test_passwords_baresip_cannot_carry_are_refused(password):
    with pytest.raises(SettingsError):
        BaresipSettings().account_line(password)
