"""SQLAlchemy 2 models, engine, migrations and repositories that return core DTOs."""
