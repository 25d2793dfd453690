"""The extractor version every run is recorded under: the package version plus a fingerprint of the
pattern catalogues, so that a changed pattern is a new version and the next run extracts again.

A module of its own, free of spaCy and the readers, because deciding what a run has to do (which
documents lack a run by this version) must not pay for loading what extraction needs.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from extractors.catalogue import load_catalogues


def _package_version() -> str:
    try:
        return version("thidua")
    except PackageNotFoundError:
        return "0+unknown"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Package version plus a fingerprint of the pattern catalogues: a changed pattern is a new version."""
    return f"{_package_version()}+patterns.{load_catalogues().fingerprint}"
