"""Repairs of text that reached us damaged: legacy font encodings (TCVN3, VNI) and syllables that
PDF text extraction split. Readers call these; a block whose text was repaired carries
``repairs=("repaired_text",)`` so that figures read from it say so.

The repairs readers call are timed as the ``repair`` stage (:mod:`extractors.timing`), so the benchmark
can tell repairing from reading."""

from extractors.repair import legacy_fonts, syllables
from extractors.repair.legacy_fonts import (
    ENCODINGS,
    Encoding,
    detect,
    encoding_for_font,
    from_unicode,
    looks_unicode,
)
from extractors.repair.syllables import canonical_tone, is_syllable
from extractors.timing import timed

detect_by_content = timed("repair")(legacy_fonts.detect_by_content)
to_unicode = timed("repair")(legacy_fonts.to_unicode)
rejoin_split_syllables = timed("repair")(syllables.rejoin_split_syllables)

REPAIRED = "repaired_text"

__all__ = [
    "ENCODINGS",
    "REPAIRED",
    "Encoding",
    "canonical_tone",
    "detect",
    "detect_by_content",
    "encoding_for_font",
    "from_unicode",
    "is_syllable",
    "looks_unicode",
    "rejoin_split_syllables",
    "to_unicode",
]
