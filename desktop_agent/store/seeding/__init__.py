"""The parts of :mod:`desktop_agent.store.seed`, the bulk generator of realistic data.

phones: numbering plans and each customer's numbers. names: name pools. draws: weighted tables, times
and ids, drawn for a whole batch at once. people: agents and customers. tickets and calls: the other
stages. bulk: the batch writers (executemany on SQLite, COPY on PostgreSQL) and index handling.
run: the stages in order, and the summary.
"""

from desktop_agent.store.errors import StoreError


class SeedError(StoreError):
    pass
