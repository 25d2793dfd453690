"""The scorer: a cluster-year's figures and manual inputs -> points, rank, grade and proposed titles.

Pure and versioned: a score is reproducible from (``SCORER_VERSION``, the configuration ``version``,
the figures, the manual inputs), and is stored with both versions. Imports only ``models``.

    config = config_for(cluster)                      # scoring/data/default.v1.toml unless overridden
    manual = load_manual("cum-8.2023.manual.toml")    # written from template(cluster, config)
    result = score_cluster(config, cluster, figures, manual)
    result.to_frame()
"""

from scoring.config import (
    KINDS,
    ConfigError,
    Criterion,
    ScoringConfig,
    bundled_configs,
    config_for,
    load_config,
    parse_config,
)
from scoring.manual import ManualInputError, ManualInputs, build_manual, load_manual, parse_manual, template
from scoring.score import SCORER_VERSION, ClusterScore, CriterionScore, UnitScore, score_cluster, score_unit

__all__ = [
    "KINDS",
    "SCORER_VERSION",
    "ClusterScore",
    "ConfigError",
    "Criterion",
    "CriterionScore",
    "ManualInputError",
    "ManualInputs",
    "ScoringConfig",
    "UnitScore",
    "build_manual",
    "bundled_configs",
    "config_for",
    "load_config",
    "load_manual",
    "parse_config",
    "parse_manual",
    "score_cluster",
    "score_unit",
    "template",
]
