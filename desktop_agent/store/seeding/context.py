"""What every stage of one seed run shares: settings, clock, ids, the population and the random streams."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from desktop_agent.store.defaults import DemoSettings
from desktop_agent.store.seeding.draws import Clock, Ids
from desktop_agent.store.seeding.names import NamePools
from desktop_agent.store.seeding.phones import Population

BATCH = 20_000  # rows per stage batch: one transaction, and one set of vector steps
ID_KINDS = ("agent", "customer", "phone", "ticket", "history", "interaction")


@dataclass
class SeedContext:
    settings: DemoSettings
    seed: int
    clock: Clock
    rng: random.Random  # agents and customers: one stream, drawn row by row
    ids: dict[str, Ids]
    population: Population
    pools: NamePools
    c0: int = 0  # customers present before this run: the run's customers are c0 .. c0 + n_customers - 1
    n_customers: int = 0
    handling: list[str] = field(default_factory=list)  # agents who take calls and own tickets
    codes: set[str] = field(default_factory=set)  # disposition codes in the database

    @classmethod
    def create(cls, settings: DemoSettings, seed: int, now: datetime) -> SeedContext:
        # the order of these draws fixes every customer's ids, language and numbers for a seed
        rng = random.Random(seed)
        base_ms = int(now.timestamp() * 1000) - 2**32  # about 50 days before now: "created" in the past
        ids = {kind: Ids(base_ms, rng.getrandbits(64)) for kind in ID_KINDS}
        population = Population(rng, settings.mix)
        return cls(settings=settings, seed=seed, clock=Clock(now), rng=rng, ids=ids, population=population,
                   pools=NamePools.build(seed, settings.popular_names))

    def stream(self, stage: int, start: int) -> np.random.Generator:
        """The numpy random stream of a stage starting at running index `start`: the same for the same seed,
        and a different one when a second seed appends to the same tables."""
        return np.random.default_rng([abs(self.seed), stage, start])  # random.Random ignores the sign too

    def customer_indexes(self, g: np.random.Generator, n: int) -> np.ndarray:
        """Who calls or has the ticket: loyal (older) customers more often (the first 1% of customers
        make about 5% of the contacts)."""
        return self.c0 + (self.n_customers * g.random(n) ** 1.5).astype(np.int64)
