"""PyInstaller hook: the Alembic migrations travel as source files, with what they import.

Alembic reads env.py, script.py.mako and versions/*.py from disk at run time, so they are data to
PyInstaller; store/migrate.py finds them beside itself (its __file__ lies inside the bundle).
"""

import sys
from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from build_support import migration_imports  # noqa: E402

_, _store_dir = get_package_paths("desktop_agent.store")
_migrations = Path(_store_dir) / "migrations"

datas = []
for _path in sorted(_migrations.rglob("*")):
    if _path.is_file() and (_path.suffix in {".py", ".mako"}) and "__pycache__" not in _path.parts:
        datas.append((str(_path), str(Path("desktop_agent", "store", _path.parent.relative_to(_store_dir)))))

hiddenimports = migration_imports(_migrations)
