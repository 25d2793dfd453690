"""The roles of the review app's accounts, with their Vietnamese names: the one list the store's CHECK
constraint, the web app and ``thidua user`` all read. Imports nothing, so that building the CLI's parser
does not load SQLAlchemy.

Who may do what is in :mod:`review.web`.
"""

from __future__ import annotations

ROLES = {
    "reviewer": "người rà soát",
    "viewer": "chỉ xem",
    "unit": "đơn vị",
    "chair": "cụm trưởng, cụm phó",
    "admin": "quản trị",
}
USER_ROLES = tuple(ROLES)
