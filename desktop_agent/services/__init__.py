"""The application layer, without Qt: the call desk (one record per call), the agent's state
channel, and the workers that run blocking service calls. The window (through ui.call.flow), the
headless desk and tests all drive calls through it."""

from desktop_agent.services.call_desk import CallDesk
from desktop_agent.services.call_record import CallRecord, TicketWork

__all__ = ["CallDesk", "CallRecord", "TicketWork"]
