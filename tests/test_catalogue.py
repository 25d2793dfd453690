"""The pattern catalogues: one per indicator, versioned, validated; errors name the alternatives."""

from __future__ import annotations

import re

import pytest

from extractors.catalogue import _catalogue, load_catalogues
from extractors.version import extractor_version
from models.vocabulary import INDICATORS, indicator


def test_every_indicator_has_exactly_one_versioned_catalogue() -> None:
    cats = load_catalogues()
    names = [c.name for c in cats.catalogues if c.indicator]
    assert sorted(c.indicator for c in cats.catalogues if c.indicator) == sorted(INDICATORS)
    assert all(re.fullmatch(r"[a-z_]+\.v\d+", n) for n in names), names


def test_catalogue_errors_list_what_exists() -> None:
    with pytest.raises(ValueError, match="known: budget_revenue_actual"):
        _catalogue({"name": "x.v1", "indicator": "budget_revenue", "quantities": ["money"]}, "x.v1.toml")
    with pytest.raises(ValueError, match="known:"):
        _catalogue({"name": "x.v1", "indicator": "jobs_created", "quantities": ["people"]}, "x.v1.toml")
    with pytest.raises(KeyError, match="known: budget_revenue_actual"):
        indicator("revenue")
    with pytest.raises(KeyError, match="catalogues:"):
        load_catalogues().for_indicator("nothing")


def test_extractor_version_carries_the_catalogue_fingerprint() -> None:
    assert extractor_version().endswith("+patterns." + load_catalogues().fingerprint)
