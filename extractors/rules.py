"""The rule component: turns the quantities of a sentence into candidates using the catalogues.

How a number gets its meaning (all words come from the catalogues, nothing is hard-coded here):

1. *Topic*: what the number is about. A count followed by a noun that names a topic ("12 phong trào",
   "17/18 chỉ tiêu") takes that topic; otherwise the topic named nearest before the number in its
   sentence wins ("…, chi ngân sách đạt 84,7%" is about expenditure), then one named after it in the
   clause (passive "356 tập thể được … khen thưởng"), then the topic of the heading above.
2. *Role*: among the catalogues and decoys of that topic and kind of number, the cue nearest the number
   wins ("bằng 147,4% dự toán" -> attainment; "tăng 25,4% so với cùng kỳ" -> year on year; "so với
   cùng kỳ (10.526 tỷ đồng)" -> last year's revenue, a decoy). No cue: the catalogue marked default.
3. *Context*: the winner is vetoed when the clause is about the future, a component of a total, a
   proposal upwards, the whole cluster, another year, or done by someone else than the unit.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from extractors.candidates import BlockContext, Candidate
from extractors.catalogue import Catalogue, Catalogues
from extractors.clauses import WINDOW_BREAKS, first, phrase_end, plays, rank
from extractors.numbers import Quantity
from extractors.parts import sum_sentence_parts
from extractors.reading import Hit, reading
from extractors.sentence_index import SentenceIndex
from models.vocabulary import INDICATORS

_RIGHT_WINDOW = 9  # tokens after a number that may hold its cue ("% so với dự toán Thành phố giao")
_KIND = {"money": "money", "percent": "percent", "ratio": "ratio", "count": "number", "number": "number"}
_UNIT = {"money": "VND", "percent": "%", "ratio": "count", "number": "count"}


@dataclass(slots=True)
class _Q:
    start: int  # tokens [start, end)
    end: int
    start_char: int
    end_char: int
    kind: str
    quantity: Quantity
    claimed_by: Catalogue | None = None


class RuleEngine:
    def __init__(self, cats: Catalogues) -> None:
        self.cats = cats
        self.by_name = {c.name: c for c in cats.catalogues}

    # -- spaCy component ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        found = reading(doc)
        ctx: BlockContext = found.context or BlockContext()
        out: list[Candidate] = []
        if found.quantities:
            q_starts = [q.start for q in found.quantities]
            hit_starts = [h.start for h in found.hits]
            for start, end in found.sentences:
                qs = found.quantities[bisect_left(q_starts, start) : bisect_left(q_starts, end)]
                if not any(_KIND.get(q.quantity.kind) for q in qs):
                    continue
                hits = found.hits[bisect_left(hit_starts, start) : bisect_left(hit_starts, end)]
                out += self._sentence(SentenceIndex(found, start, end, hits, qs), ctx)
        found.candidates = out
        return doc

    # -- one sentence ---------------------------------------------------------------------------------
    def _sentence(self, s: SentenceIndex, ctx: BlockContext) -> list[Candidate]:
        tokens = s.tokens
        qs = [
            _Q(q.start, q.end, tokens.start_char(q.start), tokens.end_char(q.start, q.end), kind, q.quantity)
            for q in s.quantities
            if (kind := _KIND.get(q.quantity.kind, ""))
        ]
        found: list[Candidate] = []
        for n, q in enumerate(qs):
            nxt = qs[n + 1].start if n + 1 < len(qs) else s.end
            found += self._quantity(s, qs, n, s.clause(q.start), nxt, ctx)
        return sum_sentence_parts(found, self.by_name)

    def _quantity(self, s: SentenceIndex, qs: list[_Q], n: int, clause, nxt: int, ctx) -> list[Candidate]:
        q = qs[n]
        cs, ce = clause
        qs_, qe = q.start, q.end
        words = s.tokens.words
        r_end = min(nxt, ce, qe + _RIGHT_WINDOW)
        for i in range(qe, r_end):
            if words[i] in WINDOW_BREAKS:
                r_end = i
                break
        right = s.hits.starting_in(qe, r_end)

        # passive: "được"/"do" right after the number's noun phrase ("12 gương “Người tốt, việc tốt” của
        # quận được Thành phố biểu dương"), before punctuation outside quotes or the next number
        noun_end = max((h.end for h in s.nounish.starting_in(qe, qe + 1)), default=qe)
        np_end = phrase_end(s.tokens, noun_end, min(nxt, ce), scan_from=qe)
        passive = s.passive.first_starting_in(qe, np_end) is not None
        owner = self._owner(s, qs_, qe, (cs, ce), passive, ctx.unit_level)

        # nouns right after the number: keep only the longest phrase there ("tập thể, cá nhân" > "tập thể")
        noun_hits = s.nounish.starting_in(qe, qe + 2)
        longest = max((h.end - h.start for h in noun_hits), default=0)
        noun_hits = [h for h in noun_hits if h.end - h.start == longest]
        if not noun_hits and qs_ > cs and words[qs_ - 1] == ":":
            # "Mô hình, cách làm hay được công nhận: 64": the label before the colon names the count
            noun_hits = s.nounish.leftmost_within(cs, qs_ - 1)
        elif not noun_hits and qs_ > cs and s.tokens.norm[qs_ - 1] == "la":
            # "Số tập thể được Chủ tịch UBND quận tặng Giấy khen, kể cả khen thưởng đột xuất, là 245": the
            # noun after "Số" names the count, however long the clause between them
            noun_hits = [h for h in s.nounish.leftmost_within(cs, qs_ - 1) if _after_so(s, h, cs)]

        topic, inherited = self._topic(s, q, ce, passive, ctx)

        ranked: list[tuple[tuple[float, int], Catalogue]] = []
        defaults: list[Catalogue] = []
        for cat in self.cats.catalogues:
            if q.kind not in cat.quantities or not self._eligible(cat, noun_hits, topic):
                continue
            if _vetoed_after(cat, right) or _vetoed_before(cat, s, cs, qs_):
                continue
            cued_only = q.kind in cat.cued_quantities
            # a catalogue whose cues speak for other kinds reads this kind by default only
            cues_apply = cued_only or not cat.cued_quantities
            dist = self._cue_distance(s, cat, right, cs, qs_, qe) if cues_apply else None
            if dist is not None:
                ranked.append((rank(dist), cat))
            elif cat.default and not cued_only:
                defaults.append(cat)
        if ranked:
            top = min(r for r, _ in ranked)
            winners, cued = [c for r, c in ranked if r == top], True
        else:
            # a count whose own noun follows it ("356 tập thể") is not a guess even without a verb cue
            winners, cued = defaults, bool(noun_hits) and q.kind in ("number", "ratio")
        if not winners:
            return []
        decoy = next((w for w in winners if w.is_decoy), None)
        q.claimed_by = decoy or winners[0]
        s.claim(q.end, q.claimed_by)
        if decoy is not None:
            return []
        year = s.years.before(qs_)
        out = []
        for winner in winners:
            cand = self._candidate(winner, s, qs, n, (cs, ce), owner, year, ctx, cued, inherited, topic)
            if cand is not None:
                out.append(cand)
        return out

    def _candidate(self, winner, s: SentenceIndex, qs, n, clause, owner, year, ctx, cued, inherited, topic):
        q = qs[n]
        cs, _ = clause
        qs_ = q.start
        if self._context_veto(winner, s, qs, n, clause, owner, year, ctx):
            return None
        value = self._value(winner, s, qs, n)
        if value is None:
            return None
        confidence = winner.confidence * (1.0 if cued else 0.8) * (0.85 if inherited else 1.0)
        confidence *= 0.92 if q.quantity.from_words else 1.0
        # "đạt hơn 300", "ước đạt gần 1.200 tỷ": the value as written, the comparison kept beside it
        hedge = q.quantity.comparator
        is_estimate = q.quantity.is_estimate or s.estimate_before(cs, qs_)
        as_of = s.cut_off(ctx.report_year, self.cats.lexicon.periods)
        cand = Candidate(
            indicator=winner.indicator,
            value=value,
            unit=_UNIT[q.kind],
            confidence=round(confidence, 3),
            origin="prose",
            catalogue=winner.name,
            text=s.text,
            span=(q.start_char - s.start_char, q.end_char - s.start_char),
            hedge=hedge,
            is_estimate=is_estimate,
            as_of=as_of,
            basis=INDICATORS[winner.indicator].basis,
            year=year or ctx.report_year,
        )
        if inherited:
            cand.notes.append(f"topic taken from the heading above ({topic})")
        if not cued:
            cand.notes.append("no cue word next to the number; taken as the default reading")
        return cand

    # -- pieces ---------------------------------------------------------------------------------------
    def _topic(self, s: SentenceIndex, q: _Q, ce: int, passive: bool, ctx) -> tuple[str | None, bool]:
        qs_, qe = q.start, q.end
        anchors = s.anchors  # topic phrases not inside a cue ("dự toán thành phố giao")
        if q.kind in ("number", "ratio"):
            # the noun phrase right after a count names its topic ("12 phong trào", "424 tập thể, cá nhân
            # điển hình tiên tiến"), up to the next punctuation or number
            tokens = s.tokens
            stop = min(qe + 7, ce)
            for i in range(qe, stop):
                if (tokens.punct[i] and tokens.words[i] not in {",", "“", "”", '"'}) or tokens.like_num[i]:
                    stop = i
                    break
            after = anchors.first_starting_in(qe, stop)
            if after is not None:
                return first(after, "topic"), False
        before = anchors.nearest_before(qs_, s.start)
        following = anchors.first_starting_in(qe, ce)
        for h in (following, before) if passive else (before, following):
            if h is not None:
                return first(h, "topic"), False
        held = s.topics_in_cues.nearest_before(qs_, s.start) or s.topics_in_cues.first_starting_in(qe, ce)
        if held is not None:
            return first(held, "topic"), False
        if ctx.heading_topic:
            return ctx.heading_topic, True
        return None, False

    def _owner(self, s: SentenceIndex, qs_, qe, clause, passive, level) -> str:
        hit = self._owner_hit(s, qs_, qe, clause, passive)
        if hit is None:
            return "unit"
        owner = first(hit, "owner")
        if owner == "unit" and level:
            words = set(hit.phrase.split())
            levels = self.cats.lexicon.levels
            other = [lv for lv, ws in levels.items() if lv != level and words & set(ws)]
            if other:
                return "subunit" if (level, other[0]) == ("district", "ward") else "other"
        return owner

    @staticmethod
    def _owner_hit(s: SentenceIndex, qs_, qe, clause, passive) -> Hit | None:
        cs, ce = clause
        after = s.owners.first_starting_in(qe, ce)
        if passive and after is not None:
            # "31 cá nhân của quận được Thành phố biểu dương": the doer follows the passive word
            marker = s.passive.first_starting_in(qe, ce)
            doer = s.owners.first_starting_in((marker.start if marker else qe) + 1, ce)
            return doer or after
        # the longest phrase among those ending nearest ("UBND thành phố" over "thành phố")
        return s.owners.nearest_before(qs_, cs)

    @staticmethod
    def _eligible(cat: Catalogue, noun_hits: list[Hit], topic: str | None) -> bool:
        """A catalogue applies when its topic is the number's, or a noun of its own follows the count."""
        if not (cat.nouns or cat.context_nouns):
            return topic in cat.topics
        for h in noun_hits:
            if plays(h, "nouns", cat) and (cat.noun_sets_topic or topic in cat.topics):
                return True
            if plays(h, "context_nouns", cat) and topic in cat.topics:
                return True
        return False

    @staticmethod
    def _cue_distance(s: SentenceIndex, cat, right, cs, qs_, qe) -> tuple[float, int] | None:
        """Distance to the nearest cue of ``cat`` (after the number, or before it in its clause) and
        the cue's length; the nearer, then the longer, wins."""
        best: tuple[float, int] | None = None
        for h in right:
            if plays(h, "cues_after", cat):
                d = (float(h.start - qe), h.end - h.start)
                best = d if best is None or rank(d) < rank(best) else best
        h = s.role("cues_before", cat).nearest_before(qs_, cs)
        if h is not None:
            d = (qs_ - h.end + 0.5, h.end - h.start)
            best = d if best is None or rank(d) < rank(best) else best
        return best

    def _context_veto(self, cat, s: SentenceIndex, qs, n, clause, owner, year, ctx) -> str | None:
        cs, _ = clause
        q = qs[n]
        vetoes = set(cat.veto_context)
        if cat.owners and owner not in cat.owners and owner != "unit":
            return f"owner {owner}"
        if owner == "cluster" and "cluster" in vetoes:
            return "cluster"
        if "future" in vetoes:
            if ctx.future_section:
                return "future section"
            plan = s.context("future").nearest_before(q.start, s.start)
            if plan is not None and not s.estimate_of_year(plan, q.start, year, ctx.report_year):
                return "future"
            if year and ctx.report_year and year > ctx.report_year:
                return "future year"
        if "other_year" in vetoes and year and ctx.report_year and year < ctx.report_year:
            return "other year"
        if "proposal" in vetoes and s.context("proposal").nearest_before(q.start, cs) is not None:
            return "proposal"
        if s.month_beside_cumulative(cs, q.start):
            return "one month's value beside the cumulative one"
        # a share after "trong đó" ("68.412 hồ sơ, trong đó 99,87% đúng hạn") is not a part of a total;
        # a percentage about a component has the component's own topic instead
        if "component" in vetoes and q.kind != "percent" and s.component_before(cs, q.start):
            return "component"
        return None

    def _value(self, cat: Catalogue, s: SentenceIndex, qs: list[_Q], n: int) -> float | None:
        q = qs[n]
        quantity = q.quantity
        if q.kind == "ratio":
            part = quantity.numerator if cat.value == "numerator" else quantity.denominator
            return None if part is None else int(part)
        if q.kind == "money":
            return round(quantity.value)
        if q.kind == "number":
            if quantity.value != int(quantity.value):
                return None
            return int(quantity.value)
        value = float(quantity.value)
        if cat.adjust:
            qs_ = q.start
            floor = qs[n - 1].end if n else 0  # the end of the number before (ends grow with starts)
            verb = s.adjust.nearest_before(qs_, floor)
            if verb is not None and qs_ - verb.end > 6:
                verb = None
            # "vượt mức chỉ tiêu đề ra (103,8%)" restates the attainment; only "vượt 3,8%" is an excess
            restated = verb is not None and "(" in s.tokens.words[verb.end : qs_]
            if verb is not None and not restated and value < 100:
                kind = first(verb, "adjust")
                if kind == "add_100":
                    value = 100 + value
                elif kind == "subtract_from_100":
                    value = 100 - value
        return round(value, 4)


def _after_so(s: SentenceIndex, h: Hit, cs: int) -> bool:
    """The noun ``h`` follows "số" / "tổng số" at the start of its clause or after punctuation."""
    norm, words = s.tokens.norm, s.tokens.words
    i = h.start - 1
    if i < cs or norm[i] != "so":
        return False
    i -= 1 if i > cs and norm[i - 1] == "tong" else 0
    return i == cs or words[i - 1] in WINDOW_BREAKS


def _held(v: Hit, cues: list[Hit]) -> bool:
    """Some cue phrase holds the veto phrase ``v`` and is longer."""
    return any(c.start <= v.start and v.end <= c.end and c.end - c.start > v.end - v.start for c in cues)


def _vetoed_before(cat: Catalogue, s: SentenceIndex, cs: int, qs_: int) -> bool:
    """A veto phrase of ``cat`` before the number in its clause that no longer cue phrase holds:
    "hoàn thành vượt mức 8 chỉ tiêu" (only those exceeded) is vetoed, "hoàn thành và hoàn thành vượt
    mức 17/18 chỉ tiêu" (met or exceeded) is the cue holding it."""
    vetoes = s.role("veto_before", cat)
    if vetoes.nearest_before(qs_, cs) is None:
        return False
    cues = s.role("cues_before", cat).hits
    return any(not _held(v, cues) for v in vetoes.hits if cs <= v.start and v.end <= qs_)


def _vetoed_after(cat: Catalogue, right: list[Hit]) -> bool:
    """A veto phrase of ``cat`` after the number that no longer cue phrase of ``cat`` holds: in "15/27
    chỉ tiêu đạt và vượt" the veto "chỉ tiêu đạt" (targets only met, a subset) is part of the cue "chỉ
    tiêu đạt và vượt" (met or exceeded), and the longer phrase is the reading."""
    for v in right:
        if not plays(v, "veto_after", cat):
            continue
        if not _held(v, [c for c in right if plays(c, "cues_after", cat)]):
            return True
    return False
