"""Vietnamese syllables: a validator, tone-placement canonicalisation, and the repair of syllables
that PDF text extraction split ("ĐIỀ U" -> "ĐIỀU", "B Á O C Á O" -> "BÁO CÁO").

A Vietnamese syllable is (onset) + rhyme + tone, written as one word. ``is_syllable`` checks the
spelling: an onset from the 27 written onsets with their spelling rules (k/gh/ngh before i e ê y, c/g/ng
elsewhere, q only as "qu"), a rhyme from the closed list of rhymes, and the tone rule (a syllable
closed by p t c ch takes only sắc or nặng). It accepts every syllable of the language and a few
unused combinations; it rejects fragments such as "ĐIỀ", "c", "ph", "ươ" and most foreign words.

Split syllables come from PDFs whose fonts give a precomposed letter a wrong width, or from
letter-spaced headings: the text layer then has a space inside a syllable. ``rejoin_split_syllables``
is deliberately conservative. It only regroups runs of letter-only tokens with nothing but single
spaces between them, and only runs holding a fragment (a token that cannot stand alone). A group it
forms must spell a valid syllable, contain a fragment and a letter with diacritics (or be part of a
letter-spaced heading), and be one case pattern (not "UBND" + "quận"). Among the groupings it takes
the one with the fewest words, preferring joins after a letter with diacritics (where the spurious
spaces occur) and frequent syllables ("nhà n ước" -> "nhà nước"); if two groupings tie, the run is
ambiguous and left as it is. In an all-capitals line a lone letter counts as a fragment ("NGƯ Ờ I" ->
"NGƯỜI"; "Ở", "Y", "Ý" excepted), so "B Á O C Á O" is segmented into "BÁO CÁO". Valid words next to
each other are never joined ("mà y tế" stays, although "mày" is a syllable).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ----------------------------------------------------------------------------- the validator

_TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0309": "hoi", "\u0303": "nga", "\u0323": "nang"}
_VOWELS = set("aăâeêioôơuưy")
_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")  # f j w z only in foreign words
# Longest first, so that "ngh" is tried before "ng" and "n".
ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "",
)  # fmt: skip


def _words(text: str) -> list[str]:
    return text.split()


_PLAIN_RHYMES = _words("""
a ai ao au ay am an ang anh ap at ac ach
ăm ăn ăng ăp ăt ăc
âm ân âng âp ât âc âu ây
e eo em en eng ep et ec
ê êu êm ên ênh êp êt êch
i ia iu im in inh ip it ich
y
iêu iêm iên iêng iêp iêt iêc
yêu yêm yên yêng yêt
o oi om on ong op ot oc oong ooc
ô ôi ôm ôn ông ôp ôt ôc
ơ ơi ơm ơn ơp ơt
u ua ui um un ung up ut uc
uôi uôm uôn uông uôt uôc
ư ưa ưi ưu ưm ưn ưng ưt ưc
ươi ươu ươm ươn ương ươp ươt ươc
""")
# Rhymes with the medial /w/, written "o" before a ă e and "u" before â ê ơ y.
_MEDIAL_O = _words("oa oai oao oay oan oang oanh oat oac oach oam oăm oăn oăng oăt oăc oe oeo oen oet")
_MEDIAL_U = _words("uê uêch uênh uơ uy uya uyu uyn uynh uyt uych uyên uyêt uân uâng uât uây")
RHYMES = frozenset(_PLAIN_RHYMES + _MEDIAL_O + _MEDIAL_U)
# After q the medial is always written "u": qua, quăng, quen, quê, quy, quyết, quân; also quốc, qui.
Q_RHYMES = frozenset(["u" + r[1:] for r in _MEDIAL_O] + _MEDIAL_U + ["ui", "uôc"])
_FRONT = ("i", "e", "ê", "y")  # k gh ngh go before these, c g ng elsewhere
_CHECKED = ("p", "t", "c", "ch")


def split_tone(syllable: str) -> tuple[str, str | None] | None:
    """(lower-case syllable without its tone mark, tone name or None); None if it has two tones or
    a tone on a consonant."""
    tone: str | None = None
    out: list[str] = []
    base = ""  # the letter the next combining mark sits on
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        if ch in _TONE_MARKS:
            if tone is not None or not base or base not in "aeiouy":
                return None
            tone = _TONE_MARKS[ch]
            continue
        if not unicodedata.combining(ch):
            base = ch
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)), tone


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """Is ``word`` (any case, NFC or NFD) a well-formed Vietnamese syllable?"""
    if not word or len(word) > 8 or not word.isalpha():
        return False
    split = split_tone(word)
    if split is None:
        return False
    bare, tone = split
    if not bare or any(ch not in _LETTERS for ch in bare):
        return False
    return any(_valid(onset, bare[len(onset) :], tone) for onset in ONSETS if bare.startswith(onset))


def _valid(onset: str, rhyme: str, tone: str | None) -> bool:
    if onset == "gi":
        # gi + a vowel (gia, giữa, giờ); merged with a rhyme in i/iê (gì, giết, giếng)
        if rhyme and rhyme[0] not in _VOWELS:
            return False
        if not rhyme:
            rhyme = "i"
        elif rhyme not in RHYMES and "i" + rhyme in RHYMES:
            rhyme = "i" + rhyme
    if onset == "q":
        if rhyme not in Q_RHYMES:
            return False
    elif rhyme not in RHYMES:
        return False
    if onset in ("k", "gh", "ngh") and not rhyme.startswith(_FRONT):
        return False
    if onset in ("c", "ng") and rhyme.startswith(_FRONT):
        return False
    if onset == "g" and rhyme.startswith(("e", "ê", "y")):
        return False  # "gi" before i is the merged gi onset ("gìn"); "ge" is spelled "ghe"
    if rhyme.startswith("yê") and onset:
        return False  # "yên" alone, "tiên" after an onset
    if rhyme.startswith(("iê", "ia")) and not onset:
        return False
    # a syllable closed by p t c ch takes only sắc or nặng
    return not rhyme.endswith(_CHECKED) or tone in ("sac", "nang")


# ----------------------------------------------------------------------------- tone placement

_OLD_STYLE = {"oa", "oe", "uy"}  # open rhymes whose tone two conventions place differently


def canonical_tone(text: str) -> str:
    """Put tone marks where the traditional convention does: "hoà" -> "hòa", "thuỷ" -> "thủy",
    "Hoá" -> "Hóa"; "hoàn", "quý", "thuế" are the same in both conventions and stay. For keys;
    display keeps the original."""
    return re.sub(r"[^\W\d_]+", lambda m: _canonical_word(m.group()), unicodedata.normalize("NFC", text))


def _canonical_word(word: str) -> str:
    split = split_tone(word)
    if split is None or split[1] is None or not is_syllable(word):
        return word
    bare, tone = split
    for onset in ONSETS:
        if bare.startswith(onset) and onset not in ("q", "gi") and bare[len(onset) :] in _OLD_STYLE:
            pos = len(onset)  # the first vowel of the rhyme carries the tone
            mark = next(k for k, v in _TONE_MARKS.items() if v == tone)
            letters = list(word)
            letters[pos + 1] = _strip_tone(letters[pos + 1])
            letters[pos] = unicodedata.normalize("NFC", _strip_tone(letters[pos]) + mark)
            return "".join(letters)
    return word


def _strip_tone(ch: str) -> str:
    marks = "".join(c for c in unicodedata.normalize("NFD", ch) if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", marks)


# ----------------------------------------------------------------------------- split syllables

_TOKEN = re.compile(r"^(\W*)([^\W\d_]+)(\W*)$")
_MAX_LEN = 7  # nghiêng, khuếch: no syllable is longer
_EPS = 1e-9
# Frequent syllables of report prose: a tie-breaker when fragments can be grouped two ways
# ("C Ô N G A N": "CÔNG AN" not "CÔN GAN"; "nhà n ước": "nhà nước", not "nhàn ước").
COMMON = frozenset(
    _words(
        """an ba bàn bản báo bình bộ cao các cán cáo cấp chỉ chính chức có công của cụm dân dịch dự đã
    đại đạt đảng để điểm điều đình đoàn đông đồng đốc động đơn đua được giá giao giải hai hà hành
    hiện hoàn hoạch hoạt học hội hợp khen kế kết khu kiếm kinh lao long lượng mai minh một năm nâng
    ngân người nhà nhân nhiệm nước phần phát phố phòng phong phương quả quản quan quận quốc sách
    số tác tài tế thành thi thu thủ thực thưởng tích tiêu tình tổ tổng trị trung trưng trường
    văn vị việc về viên vụ xã"""
    )
)


_ONE_LETTER_WORDS = frozenset("ởyý")


class _Tok:
    __slots__ = ("core", "lead", "text", "trail")

    def __init__(self, text: str) -> None:
        self.text = text
        m = _TOKEN.match(text)
        self.lead, self.core, self.trail = (m.group(1), m.group(2), m.group(3)) if m else ("", "", "")


def rejoin_split_syllables(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with split syllables rejoined, and the joins made as (fragments, syllable)."""
    changes: list[tuple[str, str]] = []
    lines = [_rejoin_line(line, changes) for line in text.split("\n")]
    return "\n".join(lines), changes


def _rejoin_line(line: str, changes: list[tuple[str, str]]) -> str:
    if " " not in line:
        return line
    cased = [ch for ch in line if ch.lower() != ch.upper()]
    caps = len(cased) >= 2 and all(ch.isupper() for ch in cased)
    toks = [_Tok(t) for t in line.split(" ")]
    out: list[str] = []
    run: list[_Tok] = []
    for tok in toks:
        if run and (not tok.core or tok.lead or run[-1].trail or not run[-1].core):
            out.extend(_repair_run(run, caps, changes))
            run = []
        run.append(tok)
    out.extend(_repair_run(run, caps, changes))
    return " ".join(out)


def _alone(tok: _Tok, caps: bool) -> bool:
    """Can this token stand as a word by itself? In an all-capitals line a lone letter cannot,
    unless it is one of the one-letter words headings do use ("Ở", "Y TẾ", "Ý KIẾN")."""
    if caps and len(tok.core) == 1 and tok.core.lower() not in _ONE_LETTER_WORDS:
        return False
    return is_syllable(tok.core)


def _repair_run(run: list[_Tok], caps: bool, changes: list[tuple[str, str]]) -> list[str]:
    """Regroup a run of letter-only tokens with nothing but spaces between them.

    Least cost grouping: each word costs 1; a fragment left alone 10 more; a group joins at least
    one fragment and must spell a valid syllable; joining after a plain ASCII letter costs 0.5 (the
    text layer's spurious spaces follow a letter with diacritics, whose width a font got wrong), except
    in a letter-spaced run of single letters; a frequent syllable costs 0.5 less. If two different
    groupings tie for least cost the run is ambiguous and stays as it is.
    """
    texts = [t.text for t in run]
    if len(run) < 2 or not any(t.core and not _alone(t, caps) for t in run):
        return texts
    # A letter-spaced heading: single letters, Vietnamese ones among them ("B Á O C Á O").
    spaced = len(run) >= 3 and all(len(t.core) == 1 for t in run) and not "".join(texts).isascii()
    n = len(run)
    # best[i] = (cost, number of groupings at that cost (capped at 2), groups as (start, end))
    best: list[tuple[float, int, list[tuple[int, int]]] | None] = [None] * (n + 1)
    best[n] = (0.0, 1, [])
    for i in range(n - 1, -1, -1):
        found: tuple[float, int, list[tuple[int, int]]] | None = None
        for j in range(i + 1, n + 1):
            if j - i > 1 and sum(len(t.core) for t in run[i:j]) > _MAX_LEN:
                break
            rest = best[j]
            if rest is None:
                continue
            cost = _group_cost(run[i:j], caps, spaced)
            if cost is None:
                continue
            total = cost + rest[0]
            if found is None or total < found[0] - _EPS:
                found = (total, rest[1], [(i, j), *rest[2]])
            elif abs(total - found[0]) <= _EPS:
                found = (found[0], min(2, found[1] + rest[1]), found[2])
        best[i] = found
    result = best[0]
    if result is None or result[1] > 1:
        return texts
    out: list[str] = []
    for start, end in result[2]:
        if end - start == 1:
            out.append(run[start].text)
            continue
        parts = run[start:end]
        joined = parts[0].lead + "".join(p.core for p in parts) + parts[-1].trail
        changes.append((" ".join(p.text for p in parts), joined))
        out.append(joined)
    return out


def _group_cost(parts: list[_Tok], caps: bool, spaced: bool) -> float | None:
    if len(parts) == 1:
        tok = parts[0]
        alone = _alone(tok, caps)
        return 1.0 + (0.0 if alone else 10.0) - (0.5 if alone and tok.core.lower() in COMMON else 0.0)
    word = "".join(p.core for p in parts)
    if len(word) > _MAX_LEN or not any(not _alone(p, caps) for p in parts):
        return None
    if not (word.islower() or word.isupper() or word.istitle()):
        return None  # "UBND" + "quận", "P" + "Hàng": not one word
    if not spaced and word.isascii():
        return None  # "r in", "X Y Z": without a Vietnamese letter nothing says a syllable was split
    if not is_syllable(word):
        return None
    cost = 1.0 - (0.5 if word.lower() in COMMON else 0.0)
    if not spaced:
        cost += sum(0.5 for p in parts[:-1] if p.core[-1].isascii())
    return cost
