"""What the call desk tells its listeners, and what its operations return. No Qt, no words.

Listeners are plain callbacks (`CallDesk.subscribe`) that receive one of the event classes below,
always on the desk's own thread; tell them apart by their type, not by comparing them (they are
NamedTuples: cheap to define on the window's start path, but two kinds with equal fields compare equal). Notices carry a code and values, never text: the front-end turns
them into words in the operator's language (the window through its translations, the headless
desk as JSON).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

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


class Op(NamedTuple):
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
    DATABASE_DOWN = "database_down"      # the central database does not answer (no technical text)


class Notice(NamedTuple):
    code: NoticeCode
    args: tuple[str, ...] = ()


# -- events --------------------------------------------------------------------------------------


class CallChanged(NamedTuple):
    """The current call moved (state, mute, disposition), or another call became current."""

    record: CallRecord | None


class WaitingChanged(NamedTuple):
    record: CallRecord | None


class ScreenPopped(NamedTuple):
    call_id: str
    pop: ScreenPop


class InteractionRecorded(NamedTuple):
    call_id: str
    interaction: InteractionDTO


class CustomerLinked(NamedTuple):
    """The operator created or linked the call's customer (the unknown caller's card)."""

    call_id: str
    customer: CustomerDTO


class TicketDecisionNeeded(NamedTuple):
    """Ready was asked for while the call's ticket has unsaved work: save, keep as draft or discard."""

    call_id: str


class CallFinished(NamedTuple):
    summary: CallSummary


class AgentChanged(NamedTuple):
    status: AgentStatus


class BackendChanged(NamedTuple):
    state: str
    detail: str


class Noticed(NamedTuple):
    notice: Notice


class Ticked(NamedTuple):
    """Twice a second while the desk runs: timers, the checklist's cues."""


DeskEvent = (CallChanged | WaitingChanged | ScreenPopped | InteractionRecorded | CustomerLinked
             | TicketDecisionNeeded | CallFinished | AgentChanged | BackendChanged | Noticed | Ticked)
