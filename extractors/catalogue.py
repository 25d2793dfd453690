"""Pattern catalogues: the data that tells the rule components what a number means.

Contract for a catalogue (``extractors/patterns/<indicator>.v<N>.toml``, one per indicator, versioned by
its ``name``; decoy roles in ``decoys.v<N>.toml``; shared words in ``lexicon.v<N>.toml``):

``topics``       the topics (lexicon) a number must be about;
``quantities``   the kinds of number it takes: money, percent, ratio, number;
``cues_before`` / ``cues_after``  words near the number that give it this role; among all catalogues and
                 decoys of a topic the cue nearest the number wins;
``nouns``        a noun right after a count that both names the topic and gives the role
                 ("12 phong trào"); ``context_nouns`` need the topic from the clause ("356 tập thể");
``default``      takes a number of its topic and kind that no cue claims;
``cued_quantities``  kinds it takes only next to one of its cues, never by default; its cues then
                 speak for those kinds alone ("đạt và vượt 25 chỉ tiêu" is a count of targets met, the
                 ratio "15/27 chỉ tiêu" is read by default by both targets catalogues);
``owners``       who must have done it ("unit"); a cluster-wide statement never counts;
``veto_before`` / ``veto_after``  words that rule the role out; ``veto_context``: clause contexts
                 (future, component, proposal, cluster, other_year) that rule it out;
``adjust``       apply "vượt/tăng x%" = 100 + x and "giảm x%" = 100 − x;
``value``        value, numerator or denominator (of a ratio);
``[table]``      row labels, label vetoes and the column roles that feed it from tables.

``THIDUA_INDICATORS`` names a folder whose files add indicators: ``[[indicator]]`` entries (the
vocabulary, :mod:`models.vocabulary`), the ``[[catalogue]]`` entries that find them, and new ``[topics]``.

Phrases are stored folded (see ``models.text.fold``) and matched on whole tokens, so "dự toán" also
matches "du toan". Folding merges a few short words ("tặng"/"tăng", "đó"/"do", "quận"/"quan"); such
words are written "=tặng" and then match with their diacritics (or folded in a text with none at all).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from models.text import fold_key, nfc
from models.vocabulary import INDICATORS, extension_folder, vocabulary_files

DEFAULT_VETO_CONTEXT = ("future", "component", "cluster", "other_year")
KNOWN_CONTEXTS = {"future", "component", "proposal", "cluster", "other_year"}
KNOWN_QUANTITIES = {"money", "percent", "ratio", "number"}


def phrase_key(phrase: str) -> str:
    """Folded key of a phrase; a phrase written "=word" keeps its diacritics ("=tặng" is not "tăng")."""
    if phrase.startswith("="):
        return "=" + " ".join(re.findall(r"\w+", nfc(phrase[1:]).lower()))
    return fold_key(phrase)


def _phrases(raw: list[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in (phrase_key(p) for p in raw or ()) if k.strip("=")))


@dataclass(frozen=True)
class TableRule:
    labels: tuple[str, ...] = ()
    label_veto: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    name: str
    indicator: str | None  # None for a decoy role
    topics: tuple[str, ...]
    quantities: tuple[str, ...]
    confidence: float = 0.85
    default: bool = False
    cued_quantities: tuple[str, ...] = ()
    cues_before: tuple[str, ...] = ()
    cues_after: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    context_nouns: tuple[str, ...] = ()
    noun_sets_topic: bool = False
    owners: tuple[str, ...] = ()
    veto_before: tuple[str, ...] = ()
    veto_after: tuple[str, ...] = ()
    veto_context: tuple[str, ...] = DEFAULT_VETO_CONTEXT
    adjust: bool = False
    value: str = "value"
    sum_siblings: bool = False
    opens_breakdown: bool = False
    table: TableRule | None = None

    @property
    def is_decoy(self) -> bool:
        return self.indicator is None


@dataclass(frozen=True)
class Lexicon:
    topics: dict[str, tuple[str, ...]]
    owners: dict[str, tuple[str, ...]]
    passive: tuple[str, ...]
    context: dict[str, tuple[str, ...]]
    future_open: tuple[str, ...]
    future_close: tuple[str, ...]
    cutoff: tuple[str, ...]
    periods: dict[str, str]  # folded phrase -> "MM-DD"
    adjust: dict[str, tuple[str, ...]]
    levels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # level -> folded level words
    abbreviations: dict[str, str] = field(default_factory=dict)  # folded abbreviation -> folded expansion

    def expand(self, key: str) -> str:
        """A folded text with its abbreviations written out ("ho so tthc" -> "ho so thu tuc hanh chinh")."""
        return " ".join(self.abbreviations.get(w, w) for w in key.split())


@dataclass(frozen=True)
class Catalogues:
    lexicon: Lexicon
    catalogues: tuple[Catalogue, ...]
    fingerprint: str  # sha256 prefix of every catalogue file: part of the extractor version
    names: tuple[str, ...] = field(default=())

    def for_indicator(self, code: str) -> Catalogue:
        for cat in self.catalogues:
            if cat.indicator == code:
                return cat
        raise KeyError(f"no catalogue for indicator {code!r}; catalogues: {', '.join(self.names)}")


def _catalogue(data: dict, source: str) -> Catalogue:
    name = data.get("name") or source
    indicator = data.get("indicator")
    if indicator is not None and indicator not in INDICATORS:
        raise ValueError(f"{source}: unknown indicator {indicator!r}; known: {', '.join(INDICATORS)}")
    quantities = tuple(data.get("quantities", ()))
    unknown = set(quantities) - KNOWN_QUANTITIES
    if unknown:
        raise ValueError(f"{source}: unknown quantities {sorted(unknown)}; known: {sorted(KNOWN_QUANTITIES)}")
    veto_context = tuple(data.get("veto_context", DEFAULT_VETO_CONTEXT))
    if set(veto_context) - KNOWN_CONTEXTS:
        raise ValueError(f"{source}: unknown veto_context {veto_context}; known: {sorted(KNOWN_CONTEXTS)}")
    table = data.get("table")
    return Catalogue(
        name=name,
        indicator=indicator,
        topics=tuple(data.get("topics", ())),
        quantities=quantities,
        confidence=float(data.get("confidence", 0.85)),
        default=bool(data.get("default", False)),
        cued_quantities=tuple(q for q in data.get("cued_quantities", ()) if q in quantities),
        cues_before=_phrases(data.get("cues_before")),
        cues_after=_phrases(data.get("cues_after")),
        nouns=_phrases(data.get("nouns")),
        context_nouns=_phrases(data.get("context_nouns")),
        noun_sets_topic=bool(data.get("noun_sets_topic", False)),
        owners=tuple(data.get("owners", ())),
        veto_before=_phrases(data.get("veto_before")),
        veto_after=_phrases(data.get("veto_after")),
        veto_context=veto_context,
        adjust=bool(data.get("adjust", False)),
        value=data.get("value", "value"),
        sum_siblings=bool(data.get("sum_siblings", False)),
        opens_breakdown=bool(data.get("opens_breakdown", False)),
        table=TableRule(
            labels=_phrases(table.get("labels")),
            label_veto=_phrases(table.get("label_veto")),
            columns=tuple(table.get("columns", ())),
        )
        if table
        else None,
    )


def _lexicon(data: dict) -> Lexicon:
    partial = data.get("partial", {})
    return Lexicon(
        topics={k: _phrases(v) for k, v in data["topics"].items()},
        owners={k: _phrases(v) for k, v in data["owners"].items() if k != "passive"},
        passive=_phrases(data["owners"].get("passive", [])),
        context={k: _phrases(v) for k, v in data["context"].items()},
        future_open=_phrases(data["sections"]["future_open"]),
        future_close=_phrases(data["sections"]["future_close"]),
        cutoff=_phrases(partial.get("cutoff")),
        periods={fold_key(k): v for k, v in partial.get("periods", {}).items()},
        adjust={k: _phrases(v) for k, v in data["adjust"].items()},
        levels={k: _phrases(v) for k, v in data.get("levels", {}).items()},
        abbreviations={fold_key(k): fold_key(v) for k, v in data.get("abbreviations", {}).items()},
    )


def _extension_files() -> list[tuple[str, bytes]]:
    folder = extension_folder()
    return [(str(p), p.read_bytes()) for p in sorted(folder.glob("*.toml"))] if folder else []


@lru_cache(maxsize=1)
def load_catalogues() -> Catalogues:
    """Every catalogue shipped in ``extractors/patterns``, then those of the ``THIDUA_INDICATORS`` folder.

    A file of that folder holds ``[[indicator]]`` entries (read by :mod:`models.vocabulary`), the
    ``[[catalogue]]`` entries that find them (the keys of a patterns file) and, optionally, ``[topics]``
    the lexicon does not have yet. The fingerprint covers every catalogue and every vocabulary file, so a
    changed phrase or range is a new extractor version.
    """
    folder = resources.files("extractors").joinpath("patterns")
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    digest = hashlib.sha256()
    lexicon: Lexicon | None = None
    catalogues: list[Catalogue] = []
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        data = tomllib.loads(raw.decode("utf-8"))
        if path.name.startswith("lexicon."):
            lexicon = _lexicon(data)
        elif path.name.startswith("decoys."):
            catalogues += [
                _catalogue(role, f"{path.name}:{role.get('name')}") for role in data.get("role", [])
            ]
        else:
            catalogues.append(_catalogue(data, path.name))
    if lexicon is None:
        raise FileNotFoundError("extractors/patterns has no lexicon.v*.toml")
    for name, raw in vocabulary_files():
        digest.update(name.encode() + b"\0" + raw)
    for name, raw in _extension_files():
        data = tomllib.loads(raw.decode("utf-8"))
        lexicon = _with_topics(lexicon, data.get("topics", {}), name)
        catalogues += [
            _catalogue(entry, f"{name}:{entry.get('name')}") for entry in data.get("catalogue", [])
        ]
    _check(lexicon, catalogues)
    return Catalogues(
        lexicon=lexicon,
        catalogues=tuple(catalogues),
        fingerprint=digest.hexdigest()[:12],
        names=tuple(c.name for c in catalogues),
    )


def _with_topics(lexicon: Lexicon, topics: dict[str, list[str]], source: str) -> Lexicon:
    """The lexicon with an extension file's topics added; a topic the lexicon has keeps its words and
    gains the new ones, so an extension can widen "insurance" without restating it."""
    if not topics:
        return lexicon
    merged = dict(lexicon.topics)
    for topic, words in topics.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{source}: topics.{topic} must be a list of phrases")
        merged[topic] = tuple(dict.fromkeys((*merged.get(topic, ()), *_phrases(words))))
    return replace(lexicon, topics=merged)


def _check(lexicon: Lexicon, catalogues: list[Catalogue]) -> None:
    """Topics exist, names are unique, and every indicator of the vocabulary has the catalogue it names."""
    names = [c.name for c in catalogues]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"catalogue names defined twice: {', '.join(twice)}")
    for cat in catalogues:
        missing = set(cat.topics) - set(lexicon.topics)
        if missing:
            raise ValueError(
                f"{cat.name}: unknown topics {sorted(missing)}; known: {', '.join(lexicon.topics)}"
            )
    by_name = {c.name: c for c in catalogues}
    for code, ind in INDICATORS.items():
        cat = by_name.get(ind.catalogue)
        if cat is None or cat.indicator != code:
            finders = [c.name for c in catalogues if c.indicator == code]
            raise ValueError(
                f"indicator {code!r} names catalogue {ind.catalogue!r}, which "
                + ("does not exist" if cat is None else f"finds {cat.indicator!r}")
                + f"; catalogues for {code!r}: {', '.join(finders) or 'none'}"
            )
