"""What the call desk tells its listeners, and what its operations return. No Qt, no words.

Listeners are plain callbacks (`CallDesk.subscribe`) that receive one of the event classes below,
always on the desk's own thread. Notices carry a code and values, never text: the front-end turns
them into words in the operator's language (the window through its translations, the headless
desk as JSON).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_agent.core.agent_state import AgentStatus
from desktop_agent.core.call_session import CallSummary, Refusal
from desktop_agent.core.dto import CustomerDTO, InteractionDTO, ScreenPop

if TYPE_CHECKING:
    from desktop_agent.services.call_record import CallRecord


class Change(StrEnum):
    """What an operation changed, so a front-end redraws only that (Anki's OpChanges)."""

    CALL = "call"            # the current call's state, mute, disposition or notes
    WAITING = "waiting"      # the second call
    AGENT = "agent"          # Ready / Not Ready / wrap-up
    POLICY = "policy"        # wrap-up limit, auto-Ready
    CUSTOMER = "customer"    # the call's customer
    TICKET = "ticket"        # the call's ticket work
    CHECKLIST = "checklist"  # the call's checklist run


@dataclass(frozen=True, slots=True)
class Op:
    """The answer to an operator's command: truthy when it was accepted (a telephony command is
    then on its way; the state follows when the phone confirms)."""

    ok: bool
    changes: frozenset[Change] = frozenset()
    refusal: Refusal | None = None

    def __bool__(self) -> bool:
        return self.ok


def accepted(*changes: Change) -> Op:
    return Op(True, frozenset(changes))


def refused(refusal: Refusal | None = None) -> Op:
    return Op(False, frozenset(), refusal)


class NoticeCode(StrEnum):
    NO_CALL = "no_call"                  # a call command with no call
    REFUSED = "refused"                  # args: (Refusal,)
    TELEPHONY = "telephony"              # args: (backend message,)
    TRANSFER_FAILED = "transfer_failed"  # args: (reason,)
    COMMAND_FAILED = "command_failed"    # args: (CallCommand or "decline", reason)
    SAVE_FAILED = "save_failed"          # args: (first line of the error,)
    SERVICE = "service"                  # args: (a service's one-line message,)
    DRAFT_KEPT = "draft_kept"            # args: (call id,): unsaved ticket work kept as a draft


@dataclass(frozen=True, slots=True)
class Notice:
    code: NoticeCode
    args: tuple[str, ...] = ()


# -- events --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallChanged:
    """The current call moved (state, mute, disposition), or another call became current."""

    record: CallRecord | None


@dataclass(frozen=True, slots=True)
class WaitingChanged:
    record: CallRecord | None


@dataclass(frozen=True, slots=True)
class ScreenPopped:
    call_id: str
    pop: ScreenPop


@dataclass(frozen=True, slots=True)
class InteractionRecorded:
    call_id: str
    interaction: InteractionDTO


@dataclass(frozen=True, slots=True)
class CustomerLinked:
    """The operator created or linked the call's customer (the unknown caller's card)."""

    call_id: str
    customer: CustomerDTO


@dataclass(frozen=True, slots=True)
class TicketDecisionNeeded:
    """Ready was asked for while the call's ticket has unsaved work: save, keep as draft or discard."""

    call_id: str


@dataclass(frozen=True, slots=True)
class CallFinished:
    summary: CallSummary


@dataclass(frozen=True, slots=True)
class AgentChanged:
    status: AgentStatus


@dataclass(frozen=True, slots=True)
class BackendChanged:
    state: str
    detail: str


@dataclass(frozen=True, slots=True)
class Noticed:
    notice: Notice


@dataclass(frozen=True, slots=True)
class Ticked:
    """Twice a second while the desk runs: timers, the checklist's cues."""


DeskEvent = (CallChanged | WaitingChanged | ScreenPopped | InteractionRecorded | CustomerLinked
             | TicketDecisionNeeded | CallFinished | AgentChanged | BackendChanged | Noticed | Ticked)
