"""Alembic revisions, oldest first; each is a frozen snapshot and never imports ``models.schema``."""
