"""Text normalisation for the extractors; the implementation lives in ``models.text`` because the
units registry (in ``models``, which imports nothing of ours) matches names with the same keys."""

from models.text import fold, fold_key, nfc

__all__ = ["fold", "fold_key", "nfc"]
