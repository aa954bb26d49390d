"""The built-in contact-centre simulator: the embedded default telephony backend.

`ContactCentre` is the discrete-event model (headless: `run_headless`), `SimulatorSoftphone` puts
it on an asyncio loop in real time (or faster) behind the desktop, with the operator as one agent.
"""

from desktop_agent.telephony.simulator.callers import Caller, CallerPool
from desktop_agent.telephony.simulator.config import PROFILES, Profile, SimConfig
from desktop_agent.telephony.simulator.engine import ContactCentre, run_headless
from desktop_agent.telephony.simulator.model import SimCall
from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone
from desktop_agent.telephony.simulator.stats import SimSummary

__all__ = ["PROFILES", "Caller", "CallerPool", "ContactCentre", "Profile", "SimCall", "SimConfig",
           "SimSummary", "SimulatorSoftphone", "run_headless"]
