"""The spaCy pipeline: tokenizer and rule components whose knowledge comes from the pattern catalogues.

Tokenizer choice: ``spacy.blank("vi")`` defaults to the pyvi word segmenter, which merges syllables into
words ("phong_trào"), so syllable-based patterns miss, and runs at ~87k tokens/s. ``use_pyvi=False``
splits on spaces only and leaves "đồng," with its comma. We use the rule-based ``spacy.Tokenizer.v1``
with the Vietnamese punctuation defaults plus one infix (digits followed by letters, "12tỷ"): it keeps
"12.345,6", "147,4" and "17/18" whole, splits "%" and trailing punctuation off, works offline from the
installed spaCy package, and ran ~2.2M tokens/s here. Vietnamese syllables are the unit our catalogues
are written in, so no word segmentation is needed.

Components, in order:
``thidua_norm``        token.norm_ = folded lower-case form (diacritic-insensitive matching);
``thidua_quantities``  numbers, money, percentages, ratios, number words (``extractors.numbers``);
``thidua_sentences``   sentence starts (a "." token that is not an abbreviation like "Q." or "TP.");
``thidua_lexicon``     catalogue and lexicon phrases found in the text (``doc._.hits``);
``thidua_rules``       candidates for vocabulary figures (``doc._.candidates``), see ``extractors.rules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from extractors.catalogue import Catalogues, load_catalogues
from extractors.numbers import find_quantities
from models.text import fold

for _name, _default in (("hits", None), ("candidates", None), ("context", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)

_ABBREVIATIONS = {
    "q",
    "p",
    "tp",
    "tx",
    "tt",
    "ts",
    "ths",
    "pgs",
    "gs",
    "bs",
    "ks",
    "th",
    "x",
    "h",
    "đ",
    "st",
    "v.v",
}


@spacy.registry.tokenizers("thidua.vi_tokenizer.v1")
def create_vi_tokenizer():
    def make(nlp: Language):
        from spacy.tokenizer import Tokenizer

        infixes = [*nlp.Defaults.infixes, r"(?<=[0-9])(?=[^\W\d_])"]
        return Tokenizer(
            nlp.vocab,
            rules=nlp.Defaults.tokenizer_exceptions,
            prefix_search=spacy.util.compile_prefix_regex(nlp.Defaults.prefixes).search,
            suffix_search=spacy.util.compile_suffix_regex(nlp.Defaults.suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            url_match=nlp.Defaults.url_match,
        )

    return make


@Language.component("thidua_norm")
def norm_component(doc: Doc) -> Doc:
    for token in doc:
        token.norm_ = fold(token.lower_)
    return doc


@Language.component("thidua_quantities")
def quantities_component(doc: Doc) -> Doc:
    spans = []
    for q in find_quantities(doc.text):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or (spans and span.start < spans[-1].end):
            continue
        span._.quantity = q
        spans.append(span)
    doc.spans["quantities"] = spans
    return doc


@Language.component("thidua_sentences")
def sentences_component(doc: Doc) -> Doc:
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        is_stop = prev.text in {".", "!", "?", "…"} or prev.text == "\n"
        abbreviation = prev.text == "." and i >= 2 and doc[i - 2].lower_ in _ABBREVIATIONS
        token.is_sent_start = bool(is_stop and not abbreviation)
    return doc


@dataclass(frozen=True)
class Hit:
    """A lexicon or catalogue phrase found at tokens [start, end)."""

    start: int
    end: int
    phrase: str
    roles: tuple[tuple[str, str], ...]  # (kind, name): ("topic", "budget_revenue"), ("cue_after", "…v1")


def _phrase_index(cats: Catalogues) -> dict[str, list[tuple[str, str]]]:
    """Folded phrase -> every (kind, name) it plays; one table for the whole pipeline."""
    index: dict[str, list[tuple[str, str]]] = {}

    def add(phrases: tuple[str, ...], kind: str, name: str) -> None:
        for p in phrases:
            index.setdefault(p, []).append((kind, name))

    lex = cats.lexicon
    for topic, phrases in lex.topics.items():
        add(phrases, "topic", topic)
    for owner, phrases in lex.owners.items():
        add(phrases, "owner", owner)
    add(lex.passive, "passive", "passive")
    for ctx, phrases in lex.context.items():
        add(phrases, "context", ctx)
    add(lex.cutoff, "cutoff", "cutoff")
    for phrase in lex.periods:
        add((phrase,), "period", phrase)
    for kind, phrases in lex.adjust.items():
        add(phrases, "adjust", kind)
    for cat in cats.catalogues:
        for kind in ("cues_before", "cues_after", "nouns", "context_nouns", "veto_before", "veto_after"):
            add(getattr(cat, kind), kind, cat.name)
    return index


class LexiconMatcher:
    """Finds catalogue phrases on folded tokens, ignoring punctuation inside a phrase
    ("người tốt, việc tốt" matches "người tốt việc tốt"); "=" phrases match with diacritics."""

    def __init__(self, cats: Catalogues) -> None:
        self.index: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = {}
        for phrase, roles in _phrase_index(cats).items():
            exact = phrase.startswith("=")
            key = tuple(phrase.lstrip("=").split())
            self.index[(("=",) if exact else ()) + key] = tuple(roles)
            if exact:  # the same phrase in a text written without diacritics
                self.index.setdefault(("~", *tuple(fold(w) for w in key)), tuple(roles))
        self.max_len = max(len(k) for k in self.index)
        self.first_words = {k[0] for k in self.index} | {k[1] for k in self.index if k[0] in "=~"}

    def __call__(self, doc: Doc) -> Doc:
        words = [(i, t.norm_, t.lower_) for i, t in enumerate(doc) if not (t.is_punct or t.is_space)]
        no_diacritics = doc.text.isascii()
        hits: list[Hit] = []
        for w, (i, norm, lower) in enumerate(words):
            if norm not in self.first_words and lower not in self.first_words:
                continue
            for n in range(min(self.max_len, len(words) - w), 0, -1):
                span = words[w : w + n]
                keys = [tuple(x[1] for x in span), ("=", *tuple(x[2] for x in span))]
                if no_diacritics:
                    keys.append(("~", *tuple(x[1] for x in span)))
                roles = tuple(r for k in keys for r in self.index.get(k, ()))
                if roles:
                    hits.append(Hit(i, span[-1][0] + 1, " ".join(keys[0]), roles))
        doc._.hits = hits
        return doc


@Language.factory("thidua_lexicon")
def create_lexicon_component(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(load_catalogues())


@Language.factory("thidua_rules")
def create_rules_component(nlp: Language, name: str):
    from extractors.rules import RuleEngine

    return RuleEngine(load_catalogues())


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """The shared pipeline (built once per process: catalogue loading is the costly part)."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "thidua.vi_tokenizer.v1"}}})
    for component in (
        "thidua_norm",
        "thidua_quantities",
        "thidua_sentences",
        "thidua_lexicon",
        "thidua_rules",
    ):
        nlp.add_pipe(component)
    return nlp
