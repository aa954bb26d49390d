"""The services the operator window calls, as Protocols, with the DTOs they take and return.

The UI is typed against these and never imports the store; app.py injects the store's
implementations (store.tickets.TicketStore and friends). All methods block: the UI calls them
from its database worker, never from the GUI thread.

Errors: every service raises a subclass of :class:`ServiceError` whose message is one line the
operator can act on. The UI catches these classes; the store raises subclasses of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, runtime_checkable
from uuid import UUID

from desktop_agent.core.agent_state import AgentStatus
from desktop_agent.core.checklist import ChecklistDefinition, ChecklistRun
from desktop_agent.core.dto import CustomerDTO, InteractionDTO, JsonMixin, ScreenPop, TicketDTO
from desktop_agent.core.queue_log import QueueLogRecord

# -- errors the UI can catch ------------------------------------------------------------------


class ServiceError(Exception):
    """A request the service refused; str(exc) is one line for the operator."""


class VersionConflict(ServiceError):
    """Someone saved a newer version first: reload, and keep the operator's text meanwhile."""


class RuleViolation(ServiceError):
    """The request breaks a business rule (workflow, missing reason, unknown code, bad value)."""


class NotFoundError(ServiceError):
    """The row asked for does not exist (any more)."""


# -- DTOs -------------------------------------------------------------------------------------

# Fields TicketService.update accepts. The tier changes only through escalate (it needs a reason).
EDITABLE_TICKET_FIELDS: frozenset[str] = frozenset(
    {"subject", "description", "category", "priority", "status", "assignee_id", "customer_id"}
)


@dataclass(frozen=True, slots=True)
class TicketDraft(JsonMixin):
    """What the editor sends to create a ticket (pre-filled from the call)."""

    subject: str
    customer_id: UUID | None = None
    description: str = ""
    category: str = "general"
    priority: str = "normal"
    assignee_id: UUID | None = None
    interaction_id: UUID | None = None  # the call it came from: linked in the same transaction
    # The editor's language: when set, {{ticket.number}} and {{ticket.due}} left in the description
    # (a template inserted before the ticket had them) are filled in as the ticket is created.
    fill_language: str | None = None
    # The new ticket's id, drawn by the desk: creating it again (an outbox replay) is a no-op.
    id: UUID | None = None


@dataclass(frozen=True, slots=True)
class TicketHistoryEntry(JsonMixin):
    id: UUID
    ticket_id: UUID
    at: datetime
    agent_id: UUID | None
    kind: str  # created | change | comment | escalation | link
    field: str | None
    old_value: str | None
    new_value: str | None
    comment: str | None


@dataclass(frozen=True, slots=True)
class AgentDTO(JsonMixin):
    id: UUID
    login: str
    display_name: str
    role: str
    language: str = "ru"
    extension: str | None = None
    active: bool = True
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DispositionDTO(JsonMixin):
    code: str
    title: str  # in the language asked for
    category: str
    requires_ticket: bool


@dataclass(frozen=True, slots=True)
class PauseReasonDTO(JsonMixin):
    code: str
    title: str
    paid: bool
    max_minutes: int | None


@dataclass(frozen=True, slots=True)
class TemplateDTO(JsonMixin):
    id: UUID
    key: str  # the same key in every language
    language: str
    category: str
    title: str
    body: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeEvent(JsonMixin):
    """Another desktop committed a change to (entity, entity_id). `id` is its change_log id."""

    entity: str  # ticket | interaction | checklist_run | customer | template | favourites | ...
    entity_id: str
    origin: str
    id: int


@dataclass(frozen=True, slots=True)
class FeedStatus(JsonMixin):
    """The change feed's link to the database: reported on every change of state."""

    connected: bool
    detail: str = ""


# -- services ---------------------------------------------------------------------------------


@runtime_checkable
class TicketService(Protocol):
    def create(self, draft: TicketDraft, *, agent_id: UUID | None) -> TicketDTO: ...

    def get(self, ticket_id: UUID) -> TicketDTO: ...

    def update(self, ticket_id: UUID, expected_version: int, changes: Mapping[str, Any], *,
               agent_id: UUID | None, fill_language: str | None = None) -> TicketDTO:
        """Save the fields that differ. A newer version in the database raises VersionConflict.
        With `fill_language`, the ticket's own placeholders in a changed description are filled
        with the values it is stored with (see TicketDraft.fill_language)."""

    def escalate(self, ticket_id: UUID, expected_version: int, reason: str, *,
                 agent_id: UUID | None) -> TicketDTO:
        """L1 -> L2 -> L3; an empty reason raises RuleViolation."""

    def add_comment(self, ticket_id: UUID, text: str, *, agent_id: UUID | None) -> TicketHistoryEntry: ...

    def history(self, ticket_id: UUID) -> Sequence[TicketHistoryEntry]: ...

    def link_interaction(self, ticket_id: UUID, interaction_id: UUID, *, agent_id: UUID | None) -> None: ...

    def search(self, *, customer_id: UUID | None = None, text: str = "", open_only: bool = False,
               limit: int = 50) -> Sequence[TicketDTO]: ...


@runtime_checkable
class InteractionService(Protocol):
    def ring(self, callid: str, caller_id_raw: str, *, direction: str = "inbound", queue: str | None = None,
             agent_id: UUID | None = None, customer_id: UUID | None = None,
             offered_at: datetime | None = None, interaction_id: UUID | None = None) -> InteractionDTO:
        """With `interaction_id`, an existing row with that id is returned unchanged (replays)."""

    def answered(self, interaction_id: UUID, at: datetime | None = None) -> InteractionDTO: ...

    def add_hold(self, interaction_id: UUID, seconds: int) -> InteractionDTO: ...

    def set_hold(self, interaction_id: UUID, seconds: int) -> InteractionDTO:
        """The hold time so far as a total (never lowers it): safe to write again."""

    def ended(self, interaction_id: UUID, at: datetime | None = None) -> InteractionDTO: ...

    def wrap_up(self, interaction_id: UUID, *, disposition: str, wrapup_seconds: int,
                notes: str = "") -> InteractionDTO: ...

    def set_customer(self, interaction_id: UUID, customer_id: UUID | None) -> InteractionDTO: ...

    def link_ticket(self, interaction_id: UUID, ticket_id: UUID | None) -> InteractionDTO: ...

    def link_checklist_run(self, interaction_id: UUID, run_id: UUID | None) -> InteractionDTO: ...

    def get(self, interaction_id: UUID) -> InteractionDTO: ...

    def by_callid(self, callid: str) -> InteractionDTO | None: ...

    def for_agent(self, agent_id: UUID, since: datetime) -> Sequence[InteractionDTO]: ...


@runtime_checkable
class ChecklistService(Protocol):
    def definitions(self, language: str) -> Sequence[ChecklistDefinition]: ...

    def definition_for(self, caller_type: str, language: str) -> ChecklistDefinition | None:
        """The active definition for this caller type, else the general one, else None."""

    def save_run(self, run: ChecklistRun, *, interaction_id: UUID | None = None,
                 agent_id: UUID | None = None) -> None:
        """Insert or update the run; with interaction_id, link it to the call too."""

    def get_run(self, run_id: UUID) -> ChecklistRun: ...

    def run_for_interaction(self, interaction_id: UUID) -> ChecklistRun | None: ...


@runtime_checkable
class TemplateService(Protocol):
    def search(self, language: str, query: str = "", *, category: str | None = None,
               limit: int = 50) -> Sequence[TemplateDTO]: ...

    def categories(self, language: str) -> Sequence[str]: ...

    def get(self, key: str, language: str) -> TemplateDTO | None: ...

    def favourites(self, agent_id: UUID, language: str) -> Mapping[int, TemplateDTO]: ...

    def set_favourite(self, agent_id: UUID, slot: int, template_key: str | None) -> None:
        """Put a template on number key `slot` (1-9); None clears the key."""


@runtime_checkable
class ReferenceData(Protocol):
    def dispositions(self, language: str) -> Sequence[DispositionDTO]: ...

    def pause_reasons(self, language: str) -> Sequence[PauseReasonDTO]: ...

    def agent_by_login(self, login: str) -> AgentDTO | None: ...

    def agent(self, agent_id: UUID) -> AgentDTO: ...

    def get_or_create_agent(self, login: str, display_name: str | None = None, *, role: str = "operator",
                            language: str = "ru") -> AgentDTO: ...


ChangeHandler = Callable[[ChangeEvent], None]
StatusHandler = Callable[[FeedStatus], None]


@runtime_checkable
class ChangeFeed(Protocol):
    """Changes committed by OTHER desktops. Handlers run on the feed's own thread;
    a Qt adapter at the UI edge moves them to the GUI thread."""

    def subscribe(self, handler: ChangeHandler) -> Callable[[], None]: ...

    def on_status(self, handler: StatusHandler) -> Callable[[], None]: ...

    def start(self) -> None:
        """Run in a background thread."""

    def stop(self) -> None: ...


# -- what the call desk is built from (services.CallDesk; app.py and `desk --headless` inject them) --


@runtime_checkable
class ScreenPopLookup(Protocol):
    def lookup(self, caller_id_raw: object) -> ScreenPop: ...


@runtime_checkable
class ContactDirectory(Protocol):
    """What the caller card needs from the CRM for an unknown caller (crm.contact_directory)."""

    def search(self, text: str, limit: int = 20) -> Sequence[CustomerDTO]:
        """By number when the text is one, else by the start of the name."""

    def create_contact(self, *, full_name: str, e164: str | None, language: str = "ru",
                       notes: str = "") -> CustomerDTO:
        """A provisional customer; bad input raises a ServiceError (RuleViolation)."""


QueueLogSink = Callable[[Sequence[QueueLogRecord]], object]
AgentStatusListener = Callable[[AgentStatus], None]


class Runner(Protocol):
    """A single worker for blocking service calls (database work is serialised on it). The
    callbacks run on the caller's own thread (the GUI thread, or the headless desk's loop)."""

    def submit(self, fn: Callable[..., Any], *args: Any, on_result: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> Any: ...


class AgentChannel(Protocol):
    """Where the operator's availability (Ready / Not Ready / wrap-up) is kept, and who logs it:
    the desk itself (services.agent_channel.LocalAgentChannel) or an ACD that tracks its members."""

    def status(self) -> AgentStatus: ...

    def set_listener(self, listener: AgentStatusListener | None) -> None:
        """Called when the state changes by itself (the ACD paused a ring-no-answer agent...)."""

    def log_in(self, paused_reason: str | None = None) -> bool: ...
    def log_out(self) -> bool: ...
    def pause(self, reason: str) -> bool: ...
    def unpause(self) -> bool: ...
    # the call's life, as the desktop sees it; an ACD that saw it itself ignores these
    def offer(self, call_id: str, queue: str | None) -> bool: ...
    def connect(self, call_id: str, queue: str | None) -> bool: ...
    def ring_ended(self) -> bool: ...
    def end_call(self) -> bool: ...
    def end_wrapup(self, disposition: str) -> bool: ...


class AcdMember(Protocol):
    """A telephony backend whose ACD keeps the operator's agent state (the simulator has these).
    Its methods raise an error with a one-line reason when the change is not allowed."""

    def log_in(self, paused_reason: str | None = None) -> None: ...
    def log_out(self) -> None: ...
    def pause(self, reason: str) -> None: ...
    def unpause(self) -> None: ...
    def end_wrapup(self, disposition: str = "") -> None: ...
    def agent_status(self) -> AgentStatus: ...
