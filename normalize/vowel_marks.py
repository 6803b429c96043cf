"""Marks OCR lost or confused on Vietnamese syllables ('ư' read as 'u', 'ơ' as 'ô', a tone
dropped: 'Phu lục' for 'Phụ lục', 'MỤC TIỂU' for 'MỤC TIÊU'), put back by a lexicon of
Vietnamese words: a syllable that makes no known word with its neighbours is replaced by the
one spelling of the same letters that does. If no spelling or several do, nothing changes.

The lexicon is Viet74K as shipped inside underthesea (a registry package, read offline).
Only for OCR text: a text layer spells what the author typed, and proper names (which the
lexicon lacks) stay as read because the replacement must make a known word."""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from normalize.cache import cached_build
from normalize.ocr_repair import strip_diacritics_same_length as letters_only
from normalize.text import fold_tone_placement, nfc

_CORE = re.compile(r"^(?P<lead>[^\w]*)(?P<core>[^\W\d_]{2,})(?P<trail>[^\w]*)$")


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(words of two or more syllables, spellings of each mark-less syllable). Empty when
    underthesea is not installed: then nothing is repaired. Built once per version of the word
    list and of this code, and read back from the user's cache (normalize/cache.py): the build
    took 0.43 s of a 6-page PDF's 1.1 s (004.pdf, cProfile, 2026-12-06)."""
    # Found, not imported: importing underthesea costs ~1 s and loads what is not needed here.
    spec = importlib.util.find_spec("underthesea")
    try:
        folder = Path(next(iter(spec.submodule_search_locations)))
        raw = (folder / "corpus" / "data" / "Viet74K.txt").read_bytes()
    except (AttributeError, TypeError, StopIteration, OSError):
        return frozenset(), {}
    return cached_build("lexicon", raw + Path(__file__).read_bytes(), lambda: _build_lexicon(raw.decode("utf-8")))


def _build_lexicon(text: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    words, syllables = set(), set()
    for line in fold_tone_placement(nfc(text.lower())).splitlines():
        parts = line.split()
        if not parts or not all(p.isalpha() for p in parts):
            continue
        if len(parts) > 1:
            words.add(" ".join(parts))
        syllables.update(parts)
    spellings: dict[str, set[str]] = {}
    for syl in syllables:
        spellings.setdefault(letters_only(syl), set()).add(syl)
    return frozenset(words), {k: frozenset(v) for k, v in spellings.items()}


def is_syllable(text: str) -> bool:
    """Whether a piece of letters is one Vietnamese syllable of the word list ('thành', 'đồn'; not
    'thàn', 'g'). True for everything when the word list is missing (nothing is then joined)."""
    spellings = lexicon()[1]
    if not spellings:
        return True
    key = fold_tone_placement(nfc(text.lower()))
    bare = letters_only(key)
    # (the list has letters alone, 'g', 't': a syllable has a vowel)
    return bool(re.search(r"[aeiouy]", bare)) and key in spellings.get(bare, ())


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def tone_of(syllable: str) -> str:
    """The tone mark of a syllable ('' for the level tone): 'trường' → grave."""
    return "".join(ch for ch in unicodedata.normalize("NFD", syllable) if ch in _TONES)


def _words_at(syllables: list[str | None], i: int, candidate: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans (start, end) of lexicon words of two or three syllables that the candidate at
    position i makes with its neighbours (None marks a number, a code or punctuation: no
    word runs across it)."""
    found = []
    for length in (2, 3):
        for start in range(i - length + 1, i + 1):
            end = start + length
            if start < 0 or end > len(syllables):
                continue
            part = [candidate if k == i else syllables[k] for k in range(start, end)]
            if None not in part and " ".join(part) in words:
                found.append((start, end))
    return found


def _covered_elsewhere(syllables: list[str | None], i: int, span: tuple[int, int], words: frozenset[str]) -> bool:
    """A neighbour the candidate would share a word with already makes a word without
    position i ('quốc gia có' must not become 'quốc gia cố' for 'gia cố')."""
    for k in range(*span):
        if k == i or syllables[k] is None:
            continue
        for start, end in _words_at(syllables, k, syllables[k], words):
            if not start <= i < end:
                return True
    return False


def _same_case(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


MARK_POOR_SHARE = 0.35   # below this share of marked syllables a line has lost its marks
MARK_POOR_MIN_SYLLABLES = 6


def mark_poor(syllables: list[str | None]) -> bool:
    """A line Tesseract read without most of its marks (poor scans, or the English model winning
    a Vietnamese line: 'Hinh thanh va phat trién hé sinh thai'). Vietnamese lines carry marks
    on most syllables; lines of English terms are protected by needing a known Vietnamese
    word to come out."""
    real = [s for s in syllables if s]
    return len(real) >= MARK_POOR_MIN_SYLLABLES and sum(letters_only(s) != s for s in real) < MARK_POOR_SHARE * len(real)


def _replace(out: list[str], parts: list, syllables: list, i: int, spelling: str) -> None:
    m = parts[i]
    out[i] = m.group("lead") + _same_case(m.group("core"), spelling) + m.group("trail")
    syllables[i] = spelling


def _bare(syllables: list, i: int) -> bool:
    """A syllable with no mark at all: in a line that kept its other marks, 'Cai tao, nang cap
    Trạm y tế' lost them on these words only."""
    syl = syllables[i]
    return bool(syl) and letters_only(syl) == syl


def _a_name(parts: list, span: range) -> bool:
    """Words that are each capitalized (not a line in capitals) are a proper name ('Nha Trang',
    'Tam Quan'), which the lexicon does not know; 'Ban Quan ly' is not one."""
    cores = [parts[k].group("core") for k in span]
    return all(c[:1].isupper() and not c.isupper() for c in cores)


def _repair_pairs(out: list[str], parts: list, syllables: list, words: frozenset[str], spellings: dict,
                  lost: list[bool]) -> None:
    """Two or three neighbours are often wrong together ('Hinh thanh', 'Cai tao, nang cap'): in
    a line that lost its marks, or where none of them carries a mark, the one set of spellings
    that makes a known word is taken (three syllables first: 'DANG CONG SAN' is 'ĐẢNG CỘNG
    SẢN', not 'dâng công' + 'san'). Measured on the external and seed texts as typed (no OCR):
    of 334 unmarked neighbour pairs that make no word, 14 would change, all inside text its
    authors typed without marks (file names, one unmarked report); it runs on OCR text only."""
    def eligible(k: int) -> bool:
        return bool(syllables[k]) and (lost[k] or _bare(syllables, k)) \
            and not _words_at(syllables, k, syllables[k], words)

    i = 0
    while i + 1 < len(syllables):
        done = False
        for n in (3, 2):
            span = range(i, i + n)
            if i + n > len(syllables) or not all(eligible(k) for k in span) \
                    or (not all(lost[k] for k in span) and _a_name(parts, span)):
                continue
            options = [()]
            for k in span:
                options = [o + (x,) for o in options for x in spellings.get(letters_only(syllables[k]), ())]
                if len(options) > 4096:
                    break
            fits = [o for o in options if " ".join(o) in words]
            if len(fits) == 1:
                for k, spelling in zip(span, fits[0]):
                    _replace(out, parts, syllables, k, spelling)
                i += n
                done = True
                break
        if not done:
            i += 1


def _syllable(match: re.Match | None) -> str | None:
    return fold_tone_placement(match.group("core").lower()) if match else None


def syllables_of(tokens: list[str]) -> list[str | None]:
    """Each token's syllable, lowercased with one tone placement; None for numbers and codes."""
    return [_syllable(_CORE.match(t)) for t in tokens]


def repair_marks(tokens: list[str], marks_lost: list[bool] | None = None) -> list[str]:
    """The tokens of one paragraph (or line) with syllables whose marks OCR got wrong put
    right. Same number of tokens; a token keeps its punctuation and its case. `marks_lost`
    says, token by token, whether its line lost its marks (see `mark_poor`); by default the
    tokens are judged together."""
    words, spellings = lexicon()
    if not words:
        return list(tokens)
    parts = [_CORE.match(t) for t in tokens]
    syllables = [_syllable(m) for m in parts]
    out = list(tokens)
    lost = marks_lost if marks_lost is not None else [mark_poor(syllables)] * len(tokens)
    _repair_pairs(out, parts, syllables, words, spellings, lost)
    for i, syl in enumerate(syllables):
        if syl is None or _words_at(syllables, i, syl, words):
            continue
        core = parts[i].group("core")
        if i > 0 and core[:1].isupper() and core[1:].islower():
            continue  # a proper name ('Tỉnh Lâm Đồng'): the lexicon does not know names
        same_letters = spellings.get(letters_only(syl), frozenset())
        # A syllable Vietnamese has ('trong', 'cho', 'Bộ') may stand alone in a sentence: only its
        # vowel quality is in doubt (ư/u, ơ/ô/o, ă/â/a, ê/e), its tone is trusted — unless the
        # whole line lost its marks. One that Vietnamese has not ('phaém', 'thé') may take any
        # spelling of its letters.
        candidates = [c for c in same_letters
                      if c != syl and (lost[i] or syl not in same_letters or tone_of(c) == tone_of(syl))]
        fits = [c for c in candidates
                if any(not _covered_elsewhere(syllables, i, span, words) for span in _words_at(syllables, i, c, words))]
        if len(fits) == 1:
            _replace(out, parts, syllables, i, fits[0])
    return out


def _split_two(piece: str) -> list[str] | None:
    """'Tàichính' → ['Tài', 'chính']: the one split into two syllables that make a known word."""
    words = lexicon()[0]
    found = [[piece[:i], piece[i:]] for i in range(1, len(piece))
             if is_syllable(piece[:i]) and is_syllable(piece[i:])
             and fold_tone_placement(nfc(f"{piece[:i]} {piece[i:]}".lower())) in words]
    return found[0] if len(found) == 1 else None


def split_glued(token: str) -> str | None:
    """Syllables OCR ran together ('Tàichính' → 'Tài chính', 'SởKhoahọc' → 'Sở Khoa học'), split
    where a capital starts a syllable inside the token, or where exactly one split into two
    syllables makes a known word. None when the token is one syllable, or no split is sure."""
    m = _CORE.match(token)
    core = m.group("core") if m else ""
    if len(core) < 4 or core.isupper() or is_syllable(core) or not lexicon()[0]:
        return None
    pieces = [""]
    for k, ch in enumerate(core):  # a capital after a small letter starts a new syllable ('SởKhoa')
        if ch.isupper() and k and core[k - 1].islower():
            pieces.append("")
        pieces[-1] += ch
    out = []
    for piece in pieces:
        if is_syllable(piece):
            out.append(piece)
            continue
        two = _split_two(piece)
        if two is None:
            return None
        out.extend(two)
    return m.group("lead") + " ".join(out) + m.group("trail") if len(out) > 1 else None


# Syllables run together where a text was copied without its spaces ('Uỷban', 'vụĐảng', 'hỗtrợgạo'),
# as some crawled pages and PDF text layers hold them: a run of letters that is no syllable itself
# but is, in exactly one way, a few syllables of the word list. A Vietnamese syllable has at most 7
# letters ('nghiêng'); a run is cut into at most 4.
_LETTER_RUN = re.compile(r"[^\W\d_]{4,}")
_MAX_SYLLABLE = 7
_MAX_PIECES = 4


# Syllables that are words of grammar ('về', 'của', 'đã'): the commonest syllables of running text;
# loanwords and transliterated names ('bôxít', 'Inđônêxia') never hold them.
GRAMMAR_SYLLABLES = frozenset({"về", "của", "đã", "các", "và", "số", "được", "là", "có", "để", "cho", "với",
                               "trong", "theo", "tại", "những", "đến", "từ", "sẽ", "thực", "hiện", "việc",
                               "thuộc"})


def syllable_split(run: str) -> list[str] | None:
    """The one way a run of letters is 2 to 4 known syllables, with the fewest pieces ('Uỷban' →
    ['Uỷ', 'ban']); None if the run is a syllable, or none or several ways fit."""
    if not lexicon()[1] or is_syllable(run) or run.isupper():
        return None
    n = len(run)
    ways: list[list[list[str]]] = [[[]]] + [[] for _ in range(n)]   # ways[i]: fewest-piece splits of run[:i]
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_SYLLABLE), end):
            piece = run[start:end]
            if not ways[start] or not _whole_syllable(piece) or (piece[0].isupper() and start and run[start - 1].isupper()):
                continue
            for way in ways[start]:
                candidate = [*way, piece]
                if not ways[end] or len(candidate) < len(ways[end][0]):
                    ways[end] = [candidate]
                elif len(candidate) == len(ways[end][0]) and len(ways[end]) < 2:
                    ways[end].append(candidate)
    found = ways[n]
    if len(found) == 2:
        # two ways of as many pieces ('vụcho': 'vụ cho' or 'vục ho'): the one that holds a word of
        # grammar, if only one does
        with_grammar = [way for way in found if any(p.lower() in GRAMMAR_SYLLABLES for p in way)]
        found = with_grammar if len(with_grammar) == 1 else found
    return found[0] if len(found) == 1 and 2 <= len(found[0]) <= _MAX_PIECES else None


def _whole_syllable(piece: str) -> bool:
    """A syllable of two letters or more (the word list also has letters alone)."""
    return len(piece) >= 2 and is_syllable(piece)


def glued_runs(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, syllables) of each run of letters in the text that syllable_split cuts."""
    out = []
    for m in _LETTER_RUN.finditer(text):
        pieces = syllable_split(m.group(0))
        if pieces:
            out.append((m.start(), m.end(), pieces))
    return out

