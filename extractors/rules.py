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

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extractors.candidates import BlockContext, Candidate
from extractors.catalogue import Catalogue, Catalogues
from extractors.clauses import (
    WINDOW_BREAKS,
    cut_off,
    first,
    has,
    inside_longer,
    phrase_end,
    plays,
    rank,
    year_before,
)
from extractors.pipeline import Hit

_CLAUSE_BREAKS = {";"}
_RIGHT_WINDOW = 9  # tokens after a number that may hold its cue ("% so với dự toán Thành phố giao")
_KIND = {"money": "money", "percent": "percent", "ratio": "ratio", "count": "number", "number": "number"}
_UNIT = {"money": "VND", "percent": "%", "ratio": "count", "number": "count"}
_BASIS = {
    "budget_revenue_attainment_pct": "estimate",
    "budget_revenue_yoy_pct": "previous_year",
    "public_investment_disbursement_pct": "plan",
}


@dataclass
class _Q:
    span: Span
    kind: str
    quantity: object
    claimed_by: Catalogue | None = None


class RuleEngine:
    def __init__(self, cats: Catalogues) -> None:
        self.cats = cats
        self.by_name = {c.name: c for c in cats.catalogues}

    # -- spaCy component ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ctx: BlockContext = doc._.context or BlockContext()
        out: list[Candidate] = []
        for sent in doc.sents:
            out += self._sentence(doc, sent, ctx)
        doc._.candidates = out
        return doc

    # -- one sentence ---------------------------------------------------------------------------------
    def _sentence(self, doc: Doc, sent: Span, ctx: BlockContext) -> list[Candidate]:
        qs = [
            _Q(s, _KIND.get(s._.quantity.kind, ""), s._.quantity)
            for s in doc.spans["quantities"]
            if sent.start <= s.start < sent.end and _KIND.get(s._.quantity.kind)
        ]
        if not qs:
            return []
        hits = [h for h in doc._.hits if sent.start <= h.start < sent.end]
        clause_starts = [sent.start] + [t.i + 1 for t in sent if t.text in _CLAUSE_BREAKS]
        found: list[Candidate] = []
        for n, q in enumerate(qs):
            cs = max(s for s in clause_starts if s <= q.span.start)
            ce = min([s - 1 for s in clause_starts if s > q.span.start] + [sent.end])
            nxt = qs[n + 1].span.start if n + 1 < len(qs) else sent.end
            found += self._quantity(doc, sent, hits, qs, n, (cs, ce), nxt, ctx)
        return self._sum_siblings(found)

    def _quantity(self, doc, sent, hits, qs, n, clause, nxt, ctx) -> list[Candidate]:
        q = qs[n]
        cs, ce = clause
        qs_, qe = q.span.start, q.span.end
        r_end = min(nxt, ce, qe + _RIGHT_WINDOW)
        for t in doc[qe:r_end]:
            if t.text in WINDOW_BREAKS:
                r_end = t.i
                break
        right = [h for h in hits if qe <= h.start < r_end]
        left_clause = [h for h in hits if cs <= h.start and h.end <= qs_]

        # passive: "được"/"do" right after the number's noun phrase ("12 gương “Người tốt, việc tốt” của
        # quận được Thành phố biểu dương"), before punctuation outside quotes or the next number
        noun_end = max(
            (h.end for h in hits if h.start == qe and (has(h, "nouns") or has(h, "context_nouns"))),
            default=qe,
        )
        np_end = phrase_end(doc, noun_end, min(nxt, ce))
        passive = any(has(h, "passive") for h in hits if qe <= h.start < np_end)
        owner = self._owner([h for h in hits if h.start >= cs], qs_, qe, ce, passive, ctx.unit_level)

        # nouns right after the number: keep only the longest phrase there ("tập thể, cá nhân" > "tập thể")
        noun_hits = [
            h for h in hits if qe <= h.start <= qe + 1 and (has(h, "nouns") or has(h, "context_nouns"))
        ]
        longest = max((h.end - h.start for h in noun_hits), default=0)
        noun_hits = [h for h in noun_hits if h.end - h.start == longest]
        if not noun_hits and qs_ > cs and doc[qs_ - 1].text == ":":
            # "Mô hình, cách làm hay được công nhận: 64": the label before the colon names the count
            label = [
                h
                for h in hits
                if cs <= h.start and h.end < qs_ and (has(h, "nouns") or has(h, "context_nouns"))
            ]
            if label:
                head = min(h.start for h in label)
                noun_hits = [h for h in label if h.start == head]

        cue_spans = [h for h in hits if has(h, "cues_before") or has(h, "cues_after")]
        topic, inherited = self._topic(doc, q, hits, cue_spans, qs_, qe, ce, passive, ctx)

        ranked: list[tuple[tuple[float, int], Catalogue]] = []
        defaults: list[Catalogue] = []
        for cat in self.cats.catalogues:
            if q.kind not in cat.quantities or not self._eligible(cat, noun_hits, topic):
                continue
            if any(plays(h, "veto_after", cat) for h in right) or any(
                plays(h, "veto_before", cat) for h in left_clause
            ):
                continue
            dist = self._cue_distance(cat, right, left_clause, qs_, qe)
            if dist is not None:
                ranked.append((rank(dist), cat))
            elif cat.default:
                defaults.append(cat)
        if ranked:
            top = min(r for r, _ in ranked)
            winners, cued = [c for r, c in ranked if r == top], True
        else:
            # a count whose own noun follows it ("356 tập thể") is not a guess even without a verb cue
            winners, cued = defaults, bool(noun_hits) and q.kind in ("number", "ratio")
        if not winners:
            return []
        q.claimed_by = winners[0]
        if any(w.is_decoy for w in winners):
            q.claimed_by = next(w for w in winners if w.is_decoy)
            return []
        year = year_before(doc, sent.start, qs_)
        out = []
        for winner in winners:
            cand = self._candidate(
                winner, doc, sent, hits, qs, n, (cs, ce), owner, year, ctx, cued, inherited, topic
            )
            if cand is not None:
                out.append(cand)
        return out

    def _candidate(self, winner, doc, sent, hits, qs, n, clause, owner, year, ctx, cued, inherited, topic):
        q = qs[n]
        cs, _ = clause
        qs_ = q.span.start
        if self._context_veto(winner, doc, hits, qs, n, clause, sent, owner, year, ctx):
            return None
        value = self._value(winner, q, hits, qs_, qs[:n])
        if value is None:
            return None
        confidence = winner.confidence * (1.0 if cued else 0.8) * (0.85 if inherited else 1.0)
        confidence *= 0.92 if getattr(q.quantity, "from_words", False) else 1.0
        hedge = getattr(q.quantity, "hedge", None)
        is_estimate = bool(hedge and hedge.lower().startswith("ước")) or any(
            t.norm_ == "uoc" for t in doc[max(cs, qs_ - 6) : qs_]
        )
        as_of = cut_off(doc, hits, sent, ctx.report_year, self.cats.lexicon.periods)
        cand = Candidate(
            indicator=winner.indicator,
            value=value,
            unit=_UNIT[q.kind],
            confidence=round(confidence, 3),
            origin="prose",
            catalogue=winner.name,
            text=sent.text,
            span=(q.span.start_char - sent.start_char, q.span.end_char - sent.start_char),
            hedge=hedge if hedge and not hedge.lower().startswith("ước") else None,
            is_estimate=is_estimate,
            as_of=as_of,
            basis=_BASIS.get(winner.indicator),
            year=year or ctx.report_year,
        )
        if inherited:
            cand.notes.append(f"topic taken from the heading above ({topic})")
        if not cued:
            cand.notes.append("no cue word next to the number; taken as the default reading")
        return cand

    # -- pieces ---------------------------------------------------------------------------------------
    def _topic(self, doc, q, hits, cue_spans, qs_, qe, ce, passive, ctx) -> tuple[str | None, bool]:
        def inside_cue(h: Hit) -> bool:
            return any(
                c.start <= h.start and h.end <= c.end and (c.end - c.start) > (h.end - h.start)
                for c in cue_spans
            )

        anchors = [h for h in hits if has(h, "topic") and not inside_cue(h)]
        if q.kind in ("number", "ratio"):
            # the noun phrase right after a count names its topic ("12 phong trào", "424 tập thể, cá nhân
            # điển hình tiên tiến"), up to the next punctuation or number
            stop = min(qe + 7, ce)
            for t in doc[qe:stop]:
                if (t.is_punct and t.text not in {",", "“", "”", '"'}) or t.like_num:
                    stop = t.i
                    break
            after = sorted(
                (h for h in anchors if qe <= h.start < stop), key=lambda h: (h.start, -(h.end - h.start))
            )
            if after:
                return first(after[0], "topic"), False
        before = [h for h in anchors if h.end <= qs_]
        following = [h for h in anchors if qe <= h.start < ce]
        order = (following, before) if passive else (before, following)
        for group in order:
            if group:
                h = max(group, key=lambda x: x.end) if group is before else min(group, key=lambda x: x.start)
                return first(h, "topic"), False
        if ctx.heading_topic:
            return ctx.heading_topic, True
        return None, False

    def _owner(self, hits, qs_, qe, ce, passive, level) -> str:
        hit = self._owner_hit(hits, qs_, qe, ce, passive)
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
    def _owner_hit(hits, qs_, qe, ce, passive) -> Hit | None:
        owners = [h for h in hits if has(h, "owner")]
        before = [h for h in owners if h.end <= qs_]
        after = [h for h in owners if qe <= h.start < ce]
        if passive and after:
            # "31 cá nhân của quận được Thành phố biểu dương": the doer follows the passive word
            marker = min((h.start for h in hits if has(h, "passive") and qe <= h.start < ce), default=qe)
            doers = [h for h in after if h.start > marker] or after
            return min(doers, key=lambda h: (h.start, -(h.end - h.start)))
        if before:
            # the longest phrase among those ending nearest ("UBND thành phố" over "thành phố")
            return max(before, key=lambda h: (h.end, h.end - h.start))
        return None

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
    def _cue_distance(cat, right, left, qs_, qe) -> tuple[float, int] | None:
        best: tuple[float, int] | None = None
        for h in right:
            if plays(h, "cues_after", cat):
                d = (float(h.start - qe), h.end - h.start)
                best = d if best is None or rank(d) < rank(best) else best
        for h in left:
            if plays(h, "cues_before", cat):
                d = (qs_ - h.end + 0.5, h.end - h.start)
                best = d if best is None or rank(d) < rank(best) else best
        return best

    def _context_veto(self, cat, doc, hits, qs, n, clause, sent, owner, year, ctx) -> str | None:
        cs, _ = clause
        q = qs[n]
        vetoes = set(cat.veto_context)
        # "chỉ tiêu phấn đấu HĐND quận giao" is a baseline, not the plan word "phấn đấu" inside it
        contexts = [h for h in hits if has(h, "context")]
        hits = [h for h in hits if not has(h, "context") or not inside_longer(h, contexts)]
        if cat.owners and owner not in cat.owners and owner != "unit":
            return f"owner {owner}"
        if owner == "cluster" and "cluster" in vetoes:
            return "cluster"
        if "future" in vetoes:
            if ctx.future_section:
                return "future section"
            if any(
                first(h, "context") == "future" for h in hits if h.end <= q.span.start and has(h, "context")
            ):
                return "future"
            if year and ctx.report_year and year > ctx.report_year:
                return "future year"
        if "other_year" in vetoes and year and ctx.report_year and year < ctx.report_year:
            return "other year"
        clause_ctx = [h for h in hits if cs <= h.start and h.end <= q.span.start and has(h, "context")]
        if "proposal" in vetoes and any(first(h, "context") == "proposal" for h in clause_ctx):
            return "proposal"
        # a share after "trong đó" ("68.412 hồ sơ, trong đó 99,87% đúng hạn") is not a part of a total;
        # a percentage about a component has the component's own topic instead
        if "component" in vetoes and q.kind != "percent":
            for h in clause_ctx:
                if first(h, "context") != "component":
                    continue
                opened = [p for p in qs[:n] if p.span.end <= h.start and p.claimed_by is not None]
                if opened and opened[-1].claimed_by.opens_breakdown:
                    continue
                return "component"
        return None

    def _value(self, cat: Catalogue, q: _Q, hits: list[Hit], qs_: int, qs_before: list[_Q]) -> float | None:
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
            floor = max((p.span.end for p in qs_before), default=0)
            verbs = [
                h for h in hits if has(h, "adjust") and floor <= h.start and h.end <= qs_ and qs_ - h.end <= 6
            ]
            verb = max(verbs, key=lambda h: (h.end, h.end - h.start)) if verbs else None
            # "vượt mức chỉ tiêu đề ra (103,8%)" restates the attainment; only "vượt 3,8%" is an excess
            restated = verb is not None and any(t.text == "(" for t in q.span.doc[verb.end : qs_])
            if verb is not None and not restated and value < 100:
                kind = first(verb, "adjust")
                if kind == "add_100":
                    value = 100 + value
                elif kind == "subtract_from_100":
                    value = 100 - value
        return round(value, 4)

    def _sum_siblings(self, found: list[Candidate]) -> list[Candidate]:
        """Counts of one indicator stated in parts in one sentence ("3 … và 9 phong trào") add up,
        unless the first is the total of the rest ("09 phong trào, gồm 01 … và 08 …")."""
        out: list[Candidate] = []
        for cand in found:
            group = [c for c in found if c.indicator == cand.indicator]
            if len(group) == 1 or not self.by_name[cand.catalogue].sum_siblings:
                out.append(cand)
                continue
            if cand is not group[0]:
                continue
            parts = [c.value for c in group]
            if parts[0] == sum(parts[1:]):
                cand.notes.append(
                    f"total stated with its parts: {parts[0]} = {' + '.join(map(str, parts[1:]))}"
                )
            else:
                cand.notes.append(f"sum of the parts stated in one sentence: {' + '.join(map(str, parts))}")
                cand.value = sum(parts)
            out.append(cand)
        return out
