"""The spaCy pipeline: tokenizer and rule components whose knowledge comes from the pattern catalogues.

Tokenizer choice: ``spacy.blank("vi")`` defaults to the pyvi word segmenter, which merges syllables into
words ("phong_trào"), so syllable-based patterns miss, and runs at ~87k tokens/s. ``use_pyvi=False``
splits on spaces only and leaves "đồng," with its comma. We use the rule-based ``spacy.Tokenizer.v1``
with the Vietnamese punctuation defaults plus one infix (digits followed by letters, "12tỷ"): it keeps
"12.345,6", "147,4" and "17/18" whole, splits "%" and trailing punctuation off, works offline from the
installed spaCy package, and ran ~2.2M tokens/s here. Vietnamese syllables are the unit our catalogues
are written in, so no word segmentation is needed.

What the components find is kept in one :class:`~extractors.reading.Reading` per text
(``doc.user_data["thidua"]``, see :func:`~extractors.reading.reading`) rather than on spaCy tokens
and spans: the rules look at each token many times, and a spaCy ``Token`` or ``Span`` is a new
Python object on every access (see ``extractors.tokens``).

Components, in order:
``thidua_tokens``      the token table: text, lower-case and folded form (diacritic-insensitive
                       matching), offsets and flags of every token (``Reading.tokens``);
``thidua_quantities``  numbers, money, percentages, ratios, number words (``extractors.numbers``);
``thidua_sentences``   sentences, cut after a "." token that is not an abbreviation like "Q." or "TP.";
``thidua_lexicon``     catalogue and lexicon phrases found in the text (``Reading.hits``);
``thidua_rules``       candidates for vocabulary figures (``Reading.candidates``), see ``extractors.rules``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from extractors.catalogue import Catalogues, load_catalogues
from extractors.numbers import find_quantities
from extractors.reading import READING, Hit, Located, Reading, reading
from extractors.spelling import spelling_key
from extractors.tokens import TokenTable
from models.text import fold

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
_SENTENCE_STOPS = {".", "!", "?", "…", "\n"}


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


class TokensComponent:
    def __init__(self, nlp: Language) -> None:
        self.table = TokenTable(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[READING] = Reading(self.table(doc))
        return doc


@Language.factory("thidua_tokens")
def create_tokens_component(nlp: Language, name: str) -> TokensComponent:
    return TokensComponent(nlp)


@Language.component("thidua_quantities")
def quantities_component(doc: Doc) -> Doc:
    found = reading(doc)
    spans: list[Located] = []
    for q in find_quantities(found.tokens.text):
        span = found.tokens.char_span(q.start, q.end)
        if span is None or (spans and span[0] < spans[-1].end):
            continue
        spans.append(Located(span[0], span[1], q))
    found.quantities = spans
    return doc


@Language.component("thidua_sentences")
def sentences_component(doc: Doc) -> Doc:
    found = reading(doc)
    words, lower = found.tokens.words, found.tokens.lower
    starts = [0] if words else []
    for i in range(1, len(words)):
        prev = words[i - 1]
        if prev in _SENTENCE_STOPS and not (prev == "." and i >= 2 and lower[i - 2] in _ABBREVIATIONS):
            starts.append(i)
    ends = [*starts[1:], len(words)] if starts else []  # an empty text has no sentence
    found.sentences = list(zip(starts, ends, strict=True))
    return doc


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


_NO_LENGTHS: frozenset[int] = frozenset()
# Punctuation a phrase may hold ("người tốt, việc tốt", "kinh tế - xã hội", quotation marks); any other
# ends it: "… 310 cá nhân; Tập thể lao động tiên tiến: 28 tập thể" holds no "cá nhân, tập thể".
_INSIDE_PHRASE = {",", "-", "–", "—", "“", "”", '"', "'", "«", "»"}
_Entry = tuple[tuple[tuple[str, str], ...], frozenset[str], frozenset[tuple[str, str]]]


def _entry(roles: tuple[tuple[str, str], ...]) -> _Entry:
    return roles, frozenset(kind for kind, _ in roles), frozenset(roles)


class LexiconMatcher:
    """Finds catalogue phrases on folded tokens, ignoring commas, dashes and quotation marks inside a
    phrase ("người tốt, việc tốt" matches "người tốt việc tốt") but not a phrase across other
    punctuation (";", ":", ".", brackets); "=" phrases match with diacritics. Folded words are matched
    in one spelling of "i"/"y" (``extractors.spelling``: "tỉ lệ" is "tỷ lệ").

    Keys are word tuples: the folded words of a phrase, "=" and its words with diacritics, or "~" and
    those words folded (an "=" phrase in a text written without diacritics). At each word only the
    phrase lengths that some key starting with that word has are tried, longest first."""

    def __init__(self, cats: Catalogues) -> None:
        self.index: dict[tuple[str, ...], _Entry] = {}
        for phrase, roles in _phrase_index(cats).items():
            exact = phrase.startswith("=")
            key = tuple(phrase.lstrip("=").split())
            if not exact:
                key = tuple(spelling_key(w) for w in key)
            self.index[(("=",) if exact else ()) + key] = _entry(tuple(roles))
            if exact:  # the same phrase in a text written without diacritics
                self.index.setdefault(("~", *(spelling_key(fold(w)) for w in key)), _entry(tuple(roles)))
        # first word -> the numbers of words of the keys it can start: a folded word starts the folded
        # keys (and, literally, any key whose first element it equals), a word with diacritics the "="
        # keys, a folded word in a text without diacritics the "~" keys
        self.plain: dict[str, frozenset[int]] = {}
        self.exact: dict[str, frozenset[int]] = {}
        self.ascii: dict[str, frozenset[int]] = {}
        for k in self.index:
            self.plain[k[0]] = self.plain.get(k[0], _NO_LENGTHS) | {len(k)}
            if k[0] in ("=", "~") and len(k) > 1:
                table = self.exact if k[0] == "=" else self.ascii
                table[k[1]] = table.get(k[1], _NO_LENGTHS) | {len(k) - 1}

    def __call__(self, doc: Doc) -> Doc:
        found = reading(doc)
        tokens = found.tokens
        punct, space = tokens.punct, tokens.space
        keep: list[int] = []
        segment: list[int] = []  # per kept word, the number of phrase-ending marks before it
        barriers = 0
        for i in range(len(tokens)):
            if space[i]:
                continue
            if punct[i]:
                barriers += tokens.words[i] not in _INSIDE_PHRASE
                continue
            keep.append(i)
            segment.append(barriers)
        norms = [spelling_key(tokens.norm[i]) for i in keep]
        lowers = [tokens.lower[i] for i in keep]
        no_diacritics = tokens.text.isascii()
        index, plain, exact, ascii_ = self.index, self.plain, self.exact, self.ascii
        hits: list[Hit] = []
        n_words = len(keep)
        for w in range(n_words):
            norm = norms[w]
            starts = (plain.get(norm), exact.get(lowers[w]), ascii_.get(norm) if no_diacritics else None)
            if starts == (None, None, None):
                continue  # most words start no phrase
            for n in sorted(_NO_LENGTHS.union(*(s for s in starts if s)), reverse=True):
                if n > n_words - w or segment[w + n - 1] != segment[w]:
                    continue
                key = tuple(norms[w : w + n])
                entries = [index.get(key), index.get(("=", *lowers[w : w + n]))]
                if no_diacritics:
                    entries.append(index.get(("~", *key)))
                entries = [e for e in entries if e is not None]
                if not entries:
                    continue
                roles, kinds, role_set = (
                    entries[0] if len(entries) == 1 else _entry(tuple(r for e in entries for r in e[0]))
                )
                hits.append(Hit(keep[w], keep[w + n - 1] + 1, " ".join(key), roles, kinds, role_set))
        found.hits = hits
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
        "thidua_tokens",
        "thidua_quantities",
        "thidua_sentences",
        "thidua_lexicon",
        "thidua_rules",
    ):
        nlp.add_pipe(component)
    return nlp
