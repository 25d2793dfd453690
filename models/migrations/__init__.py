"""Alembic migrations of the store, run by :meth:`models.store.Store.open` through :func:`upgrade`.

They are package data (found with ``importlib.resources`` in an installed copy), and no ``alembic.ini`` is
needed: :func:`alembic_config` builds the configuration in code. To add a revision after changing
``models/schema.py``, against a database at head (``env.py`` migrates ``THIDUA_DATABASE_URL``)::

    python -c "from alembic import command; from models.migrations import alembic_config; \
        command.revision(alembic_config(), 'what changed', autogenerate=True, rev_id='0002')"

then review the generated file: it must spell its types out, not import ``models.schema``.
"""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, pointing at this package; ``connection`` is the one ``env.py`` migrates."""
    config = Config()
    location = str(resources.files(__name__))
    config.set_main_option("script_location", location.replace("%", "%%"))  # ConfigParser interpolation
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """``alembic upgrade head``: idempotent, one transaction, serialised between processes (see env.py)."""
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), revision)
