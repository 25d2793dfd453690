"""What the pipeline's components find in one text: quantities, phrases, sentences and candidates.

These types have a module of their own because both sides use them: the components that fill a
:class:`Reading` (:mod:`extractors.pipeline`) and the rules that read it (:mod:`extractors.rules`,
:mod:`extractors.clauses`, :mod:`extractors.sentence_index`). Kept in the pipeline module, they made
the rules and the pipeline import each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from extractors.candidates import BlockContext, Candidate
from extractors.numbers import Quantity
from extractors.tokens import Tokens

READING = "thidua"  # the key of a text's Reading in doc.user_data


class Located(NamedTuple):
    """A quantity found in the text, on tokens [start, end)."""

    start: int
    end: int
    quantity: Quantity


class Hit(NamedTuple):
    """A lexicon or catalogue phrase found at tokens [start, end)."""

    start: int
    end: int
    phrase: str
    roles: tuple[tuple[str, str], ...]  # (kind, name): ("topic", "budget_revenue"), ("cue_after", "…v1")
    kinds: frozenset[str]  # the kinds of ``roles``, for the many "is it a topic?" questions
    role_set: frozenset[tuple[str, str]]  # ``roles`` as a set, for "does it play this role?"


@dataclass
class Reading:
    """What the components found in one text."""

    tokens: Tokens
    quantities: list[Located] = field(default_factory=list)  # in order, not overlapping
    sentences: list[tuple[int, int]] = field(default_factory=list)  # token ranges [start, end)
    hits: list[Hit] = field(default_factory=list)  # by start, the longer first at one start
    context: BlockContext | None = None  # set by the caller before the rules run
    candidates: list[Candidate] = field(default_factory=list)


def reading(doc: Doc) -> Reading:
    """The Reading of a Doc that went through ``thidua_tokens``."""
    return doc.user_data[READING]
