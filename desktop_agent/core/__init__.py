"""Pure-Python domain: entities, state machines, KPI maths. Imports neither Qt nor SQLAlchemy."""
