"""What the rules ask about the words around a number, answered from indexes built once per sentence.

For every number the rule engine asks which phrases start in the few tokens after it, which phrase of
a kind (owner, topic, veto, cue, context) ends nearest before it in its clause or sentence, whether a
"future" word precedes it, which year the clause names. Scanning all the sentence's phrases for each
question made a sentence cost the square of its length (the topic question, the cube): a report whose
pages ran into one paragraph took a second a page. Here each question is a bisection in lists sorted
once per sentence, and the answer is the very hit the scan found, ties included: the lexicon's order
(by start, the longer first at one start) decides among equals, as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import cached_property

from extractors.catalogue import Catalogue
from extractors.clauses import YearMentions, cut_off, first
from extractors.periods import sentence_period
from extractors.reading import Hit, Located, Reading
from models.text import fold

# the piece of a clause (between commas) that names one month: "tháng 10 thu ngân sách đạt …",
# "riêng trong tháng 10 …", not "đến tháng 10" (the cumulative) nor "10/2025" (a date)
_ONE_MONTH = re.compile(r"(?<!den )(?<!het )\bthang \d{1,2}\b(?!\s*/)")
_PIECE_BREAKS = {",", ";", ":", "(", ")"}


class HitIndex:
    """Hits of one kind, in the lexicon's order (by start, the longer first at one start)."""

    __slots__ = ("_by_end", "_ends", "hits", "longest", "starts")

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.starts = [h.start for h in hits]
        self.longest = max((h.end - h.start for h in hits), default=0)
        self._by_end: list[Hit] | None = None
        self._ends: list[int] = []

    def starting_in(self, lo: int, hi: int) -> list[Hit]:
        """Hits with ``lo <= start < hi``, in order."""
        return self.hits[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def first_starting_in(self, lo: int, hi: int) -> Hit | None:
        """The first hit with ``lo <= start < hi``: the smallest start, the longest there."""
        i = bisect_left(self.starts, lo)
        return self.hits[i] if i < len(self.hits) and self.starts[i] < hi else None

    def by_end(self) -> list[Hit]:
        """The hits by end, then start."""
        if self._by_end is None:
            self._by_end = sorted(self.hits, key=lambda h: (h.end, h.start))
            self._ends = [h.end for h in self._by_end]
        return self._by_end

    def nearest_before(self, end: int, lo: int) -> Hit | None:
        """Among hits with ``start >= lo`` and ``end <= end``, the one ending last, the longest of those
        (the first in order among the latest ends)."""
        by_end, ends = self.by_end(), self._ends
        i = bisect_right(ends, end) - 1
        while i >= 0 and ends[i] > lo:  # a hit ending at or before lo starts before it
            group = bisect_left(ends, ends[i])
            for k in range(group, i + 1):  # one end, by start: the first at or after lo is the longest
                if by_end[k].start >= lo:
                    return by_end[k]
            i = group - 1  # all of that end start before lo: they cross it, so few are skipped
        return None

    def leftmost_within(self, lo: int, end: int) -> list[Hit]:
        """The hits that start first among those with ``start >= lo`` and ``end <= end``, in order."""
        out: list[Hit] = []
        for i in range(bisect_left(self.starts, lo), len(self.hits)):
            h = self.hits[i]
            if h.start >= end or (out and h.start != out[0].start):
                break
            if h.end <= end:  # those skipped cross ``end``: a hit starting well before it ends before it
                out.append(h)
        return out

    def covers(self, h: Hit) -> bool:
        """Some hit here holds ``h`` and is longer: it starts within ``longest`` tokens before h's end."""
        return any(
            c.start <= h.start and h.end <= c.end and (c.end - c.start) > (h.end - h.start)
            for c in self.starting_in(h.end - self.longest, h.start + 1)
        )


_EMPTY = HitIndex([])
_SIDE_ROLES = ("veto_before", "cues_before")  # roles asked of the words before a number, per catalogue


class SentenceIndex:
    """The hits, clauses and quantities of one sentence [start, end) of a Reading, indexed."""

    def __init__(self, found: Reading, start: int, end: int, hits: list[Hit], quantities: list[Located]):
        self.tokens = found.tokens
        self.start, self.end = start, end
        self.quantities = quantities
        self.hits = HitIndex(hits)
        self.text = self.tokens.span_text(start, end)
        self.start_char = self.tokens.start_char(start)
        words = self.tokens.words
        self.clause_starts = [start] + [i + 1 for i in range(start, end) if words[i] == ";"]
        self._by_kind: dict[str, list[Hit]] = {}
        self._by_role: dict[tuple[str, str], list[Hit]] = {}
        for h in hits:
            for kind in h.kinds:
                self._by_kind.setdefault(kind, []).append(h)
            for role in h.role_set:
                if role[0] in _SIDE_ROLES:
                    self._by_role.setdefault(role, []).append(h)
        self._roles: dict[tuple[str, str], HitIndex] = {}
        self.years = YearMentions(self.tokens, start)
        self._cut_off: dict[int | None, date | None] = {}
        # claimed quantities so far (end, catalogue), and the component words already weighed
        self._claim_ends: list[int] = []
        self._claims: list[Catalogue] = []
        self._components_seen = 0
        self._unexcused_start = -1

    def clause(self, token: int) -> tuple[int, int]:
        """The clause (between ";") holding ``token``: its first token and the ";" ending it (or the
        sentence end)."""
        i = bisect_right(self.clause_starts, token)
        end = self.clause_starts[i] - 1 if i < len(self.clause_starts) else self.end
        return self.clause_starts[i - 1], end

    def of_kind(self, kind: str) -> list[Hit]:
        return self._by_kind.get(kind, [])

    def role(self, kind: str, cat: Catalogue) -> HitIndex:
        """Hits playing ``kind`` (veto_before, cues_before) for ``cat``."""
        key = (kind, cat.name)
        index = self._roles.get(key)
        if index is None:
            index = self._roles[key] = HitIndex(self._by_role[key]) if key in self._by_role else _EMPTY
        return index

    @cached_property
    def nounish(self) -> HitIndex:
        return HitIndex([h for h in self.hits.hits if "nouns" in h.kinds or "context_nouns" in h.kinds])

    @cached_property
    def owners(self) -> HitIndex:
        return HitIndex(self.of_kind("owner"))

    @cached_property
    def passive(self) -> HitIndex:
        return HitIndex(self.of_kind("passive"))

    @cached_property
    def adjust(self) -> HitIndex:
        return HitIndex(self.of_kind("adjust"))

    @cached_property
    def anchors(self) -> HitIndex:
        """Topic phrases that are not part of a longer cue ("dự toán thành phố giao" is a cue)."""
        kinds = ("cues_before", "cues_after")
        cues = HitIndex([h for h in self.hits.hits if any(k in h.kinds for k in kinds)])
        return HitIndex([h for h in self.of_kind("topic") if not cues.covers(h)])

    @cached_property
    def topics_in_cues(self) -> HitIndex:
        """Topic phrases held by a longer cue ("hồ sơ" in "hồ sơ đúng hạn"): a last resort for a number
        whose sentence names its topic only inside a cue ("Tỷ lệ giải quyết hồ sơ đúng hạn đạt 99,41%")."""
        anchors = set(self.anchors.hits)
        return HitIndex([h for h in self.of_kind("topic") if h not in anchors])

    @cached_property
    def contexts(self) -> dict[str, HitIndex]:
        """Context phrases by their (first) context, without those inside a longer context phrase
        ("chỉ tiêu phấn đấu HĐND quận giao" is a baseline, not the plan word "phấn đấu" inside it)."""
        every = HitIndex(self.of_kind("context"))
        kept: dict[str, list[Hit]] = {}
        for h in every.hits:
            if not every.covers(h):
                kept.setdefault(first(h, "context"), []).append(h)
        return {name: HitIndex(hits) for name, hits in kept.items()}

    def context(self, name: str) -> HitIndex:
        return self.contexts.get(name, _EMPTY)

    def cut_off(self, report_year: int | None, periods: dict[str, str]) -> date | None:
        """The sentence's cut-off date: the lexicon's phrases (``clauses.cut_off``), else the periods
        :mod:`extractors.periods` reads ("trong 9 tháng đầu năm", "lũy kế đến tháng 10"); worked out once."""
        if report_year not in self._cut_off:
            found = cut_off(self.tokens, self.hits.hits, self.end, report_year, periods)
            self._cut_off[report_year] = found or sentence_period(self.text, report_year)
        return self._cut_off[report_year]

    def estimate_before(self, clause_start: int, at: int) -> bool:
        """An estimate word ("ước", "ước thực hiện", "dự kiến") before token ``at`` in its clause:
        "Ước thực hiện cả năm, tổng thu ngân sách đạt …" estimates every figure after it."""
        return any(
            clause_start <= h.start and h.end <= at and ("context", "estimate") in h.role_set
            for h in self.of_kind("context")
        )

    def estimate_of_year(self, plan: Hit, at: int, year: int | None, report_year: int | None) -> bool:
        """The plan word ``plan`` before the number at ``at`` estimates the report year's own outturn:
        "dự kiến cả năm đạt …", "dự kiến đến hết năm 2024 …" in the report of 2024 (an estimate, not
        a target), unlike "dự kiến năm 2025 …" or a bare "dự kiến thu …" (next year's plan)."""
        if ("context", "estimate") not in plan.role_set or report_year is None:
            return False
        if year is not None:
            return year == report_year
        return self.context("whole_year").first_starting_in(plan.start, at) is not None

    def month_beside_cumulative(self, clause_start: int, at: int) -> bool:
        """The quantity at ``at`` is one month's ("tháng 10 thu ngân sách đạt 1.200 tỷ đồng") in a
        sentence that gives the cumulative value too ("…, lũy kế 10 tháng đạt 11.000 tỷ đồng")."""
        if not self.cumulative:
            return False
        words = self.tokens.words
        start = next(
            (i + 1 for i in range(at - 1, clause_start - 1, -1) if words[i] in _PIECE_BREAKS), clause_start
        )
        piece = fold(self.tokens.span_text(start, at))
        return bool(_ONE_MONTH.search(piece)) and "luy ke" not in piece

    @cached_property
    def cumulative(self) -> bool:
        return "luy ke" in fold(self.text)

    def claim(self, end: int, cat: Catalogue) -> None:
        """A quantity ending at ``end`` was claimed by ``cat`` (quantities come in order)."""
        self._claim_ends.append(end)
        self._claims.append(cat)

    def component_before(self, clause_start: int, token: int) -> bool:
        """A component word ("trong đó") in the clause before ``token`` that does not follow a number
        whose catalogue opens a breakdown ("09 phong trào, gồm 01 … và 08 …"). ``token`` grows from call
        to call; a word is weighed once, when it first lies before it: by then every number ending
        before the word has been claimed or not."""
        words = self.context("component").by_end()
        while self._components_seen < len(words) and words[self._components_seen].end <= token:
            h = words[self._components_seen]
            self._components_seen += 1
            k = bisect_right(self._claim_ends, h.start) - 1
            if not (k >= 0 and self._claims[k].opens_breakdown):
                self._unexcused_start = max(self._unexcused_start, h.start)
        return self._unexcused_start >= clause_start
