"""The token table the rule components read: spaCy's tokenisation of one text as plain lists.

The components ask the same few things of every token many times over (its text, lower-case and
folded form, whether it is punctuation, a space or number-like). A spaCy ``Token`` is a new Python
object on each access, and creating them cost more than the rules themselves; so the table is built
once per text, from ``Doc.to_array`` and a cache of each distinct string's lexeme attributes, and the
components index lists. Offsets follow spaCy exactly (``char_span`` is ``Doc.char_span`` with
``alignment_mode="expand"``, ``start_char``/``end_char`` those of a ``Span``), so a reading does not
depend on which of the two a component uses.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc
from spacy.vocab import Vocab

from models.text import fold

# One entry per distinct token string; the limit only guards a long-running process against an
# endless variety of strings (the entries are a pure function of the string and the vocabulary, so
# dropping them changes no result).
_LEXEME_CACHE_LIMIT = 200_000


class Tokens:
    """Per token: ``words`` (text as written), ``lower``, ``norm`` (folded lower case, see
    ``models.text.fold``), ``idx`` (offset in ``text``) and spaCy's ``punct``, ``space``, ``like_num``
    and ``digit`` flags. ``text`` is the whole text (spaCy's tokenisation is lossless)."""

    __slots__ = ("digit", "idx", "like_num", "lower", "norm", "punct", "space", "text", "words")

    def __init__(self, text: str, rows: list[tuple[str, str, str, bool, bool, bool, bool]], idx: list[int]):
        self.text = text
        self.idx = idx
        if rows:
            self.words, self.lower, self.norm, self.punct, self.space, self.like_num, self.digit = (
                list(column) for column in zip(*rows, strict=True)
            )
        else:
            self.words, self.lower, self.norm, self.punct, self.space, self.like_num, self.digit = (
                [] for _ in range(7)
            )

    def __len__(self) -> int:
        return len(self.words)

    def _token_at(self, char: int) -> int:
        """The token whose text or trailing space holds character ``char``; -1 when none does."""
        i = bisect_right(self.idx, char) - 1
        if i < 0 or (i == len(self.idx) - 1 and char >= len(self.text)):
            return -1
        return i

    def char_span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Tokens [start, end) at least partly covered by the characters; None when out of the text."""
        start = self._token_at(start_char)
        end = self._token_at(end_char - 1)
        if start < 0 or end < 0:
            return None
        if start_char == self.idx[start] + len(self.words[start]):
            start += 1  # the trailing space of a token does not make it part of the span
        return start, end + 1

    def start_char(self, start: int) -> int:
        return self.idx[start] if start < len(self.words) else len(self.text)

    def end_char(self, start: int, end: int) -> int:
        if start == end:
            return self.start_char(start)
        return self.idx[end - 1] + len(self.words[end - 1])

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.start_char(start) : self.end_char(start, end)]


class TokenTable:
    """Builds the :class:`Tokens` of a Doc made by a pipeline with ``vocab``."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._lexemes: dict[int, tuple[str, str, str, bool, bool, bool, bool]] = {}

    def _lexeme(self, orth: int) -> tuple[str, str, str, bool, bool, bool, bool]:
        if len(self._lexemes) >= _LEXEME_CACHE_LIMIT:
            self._lexemes.clear()
        lex = self.vocab[orth]
        row = (
            lex.orth_,
            lex.lower_,
            fold(lex.lower_),
            lex.is_punct,
            lex.is_space,
            lex.like_num,
            lex.is_digit,
        )
        self._lexemes[orth] = row
        return row

    def __call__(self, doc: Doc) -> Tokens:
        lexemes = self._lexemes
        rows = []
        idx = []
        parts = []
        offset = 0
        for orth, space in doc.to_array([ORTH, SPACY]).tolist():
            row = lexemes.get(orth) or self._lexeme(orth)
            rows.append(row)
            idx.append(offset)
            word = row[0]
            parts.append(word + " " if space else word)
            offset += len(word) + space
        return Tokens("".join(parts), rows, idx)
