"""One spelling for the syllables Vietnamese writes with a final "i" or "y" alike.

Officials write "tỷ lệ" and "tỉ lệ", "chiến sỹ" and "chiến sĩ", "quy định" and "qui định", "kỹ thuật" and
"kĩ thuật", "quản lý" and "quản lí": the same word, two spellings (the 1980s rule and the older usage
both survive). Folded (diacritics dropped), "tỷ" is "ty" and "tỉ" is "ti"; catalogue phrases are
matched on folded words, so one spelling would miss the other.

Only a syllable made of one of the onsets below and the bare vowel ("t" + "i"/"y") is merged: there the
two letters are the same sound and no Vietnamese word tells them apart. Syllables where "i" and "y" are
different vowels ("tai"/"tay", "thi"/"thy" is no word, "mai"/"may", "uy" in "ủy ban") keep their letters:
"thi đua" stays "thi", "ủy" stays "uy".
"""

from __future__ import annotations

import re

# h, k, l, m, s, t and qu take either letter ("hy sinh"/"hi sinh", "kỹ"/"kĩ", "lý"/"lí", "mỹ"/"mĩ",
# "sỹ"/"sĩ", "tỷ"/"tỉ", "quý"/"quí"); the folded word is the whole syllable
_MERGED = re.compile(r"(?:h|k|l|m|s|t|qu)[iy]")


def spelling_key(folded_word: str) -> str:
    """The folded word with a final "y" of a merged syllable written "i": "ty" -> "ti", "quy" -> "qui".

    Expects one folded word (``models.text.fold`` of a token); any other word is returned unchanged."""
    if len(folded_word) <= 3 and _MERGED.fullmatch(folded_word):
        return folded_word[:-1] + "i"
    return folded_word
