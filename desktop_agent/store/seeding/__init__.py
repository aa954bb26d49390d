"""The parts of :mod:`desktop_agent.store.seed`, the bulk generator of realistic data.

- phones: numbering plans and each customer's numbers; names: name pools (Faker, once per process);
- draws: weighted tables, moments, time texts and ids for a whole batch at once; ticket_numbers;
- context: what the stages of one run share; people (agents, customers), tickets and calls: the stages;
- bulk: the batch writers (executemany on SQLite, COPY on PostgreSQL) and index handling;
- run: the stages in order, and the summary.
"""

from desktop_agent.store.errors import StoreError


class SeedError(StoreError):
    pass
