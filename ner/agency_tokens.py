"""Agency recognition's tokens and indexes (heads, Party organs, gazetteer names, codes), what it
finds (FoundAgency) and the document context it reads (AgencyContext), and the token reader every
part of the parser stands on."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ner.agency_words import (
    CONNECTORS,
    LAW_TITLE_BEFORE,
    LAW_WORDS,
    LEVEL_FIRST_WORDS,
    LIST_ITEM,
    LOWERCASE_HEADS,
    NAME_HEADS,
    OFFICE_CHIEFS,
    PARTY_PLACE_HEADS,
    PLACE_HEADS,
    STOP_SYLLABLE_NOUNS,
    VERB_STARTS,
)
from normalize.agencies import (
    AgencyEntry,
    agency_entries,
    head_abbreviations,
    party_units,
    province_departments,
    tidy_name,
)
from normalize.cache import cached_build
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.places import Place, find_place
from normalize.text import match_key


@dataclass(frozen=True)
class FoundAgency:
    name: str
    kind: str
    start: int
    end: int
    text: str
    known: bool = True
    parent: str | None = None
    # One of several bodies the same words name ('HĐND, UBND Thành phố Hà Nội và tỉnh Phú Thọ': the
    # 'HĐND' is both councils): kept beside the reading of those words that `choose` keeps.
    sibling: bool = False


@dataclass(frozen=True)
class AgencyContext:
    """What the whole document says about its bodies: the province that issued it (its bare 'UBND
    tỉnh' or 'Sở Tài chính' is that province's), the abbreviations it defines, and the issuer's
    own bodies that the text names relative to it (ner/issuer_context.py): its commune or
    district ('UBND xã' in a commune's plan), its ministry ('Văn phòng Bộ'), its Party committee
    ('Ban Thường vụ' in a Đảng ủy's resolution)."""

    province: Place | None = None
    aliases: dict[str, FoundAgency] = field(default_factory=dict)
    locality: Place | None = None   # the issuer's own commune, district or province
    ministry: str | None = None     # the ministry the issuer is or belongs to
    department: str | None = None   # the province's department that issued ('Sở Y tế tỉnh X'): 'Văn phòng Sở'
    issued: str | None = None       # the document's date (ISO), where its header gives one
    party: str | None = None        # the local Party committee the issuer is or belongs to
    issuer: str | None = None
    # what analysts taught for this issuer's documents: words (match key) → the body they name,
    # None where they name none (ner/recognize.learned_for)
    taught: dict[str, str | None] = field(default_factory=dict)


# -- tokens ---------------------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*|\S")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    key: str          # lowercase, one tone placement: for the grammar's own words ('các', 'về')
    name_key: str     # the same, marks stripped in a mark-blind reading: for matching names
    cap: bool         # starts with a capital
    word: bool        # starts with a letter


@lru_cache(maxsize=65536)
def _token_keys(token: str) -> tuple[str, str]:
    """(key, key without marks) of one token; words repeat, so they are worked out once."""
    key = match_key(token) or token
    return key, strip_diacritics_same_length(key)


def _tokens(text: str, plain: bool) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        for start, end in _parts(m.group(0), m.start()):
            word = text[start:end]
            key, bare = _token_keys(word)
            out.append(_Tok(word, start, end, key, bare if plain else key, word[:1].isupper(), word[:1].isalpha()))
    return out


# A head's abbreviation with 'TP' (thành phố) or 'TU' (the Party committee) run into it, as lists of
# recipients write a province's bodies ('HĐNDTP', 'UBMTTQVNTP', 'VP UBNDTP', 'VPTU', 'TTTU'): two tokens.
_HEAD_WITH_PLACE_CODE = re.compile(r"([A-ZĐ]{2,})(TP|TU)")


# A footnote's number run into the word before it ('Lãnh đạo Bộ Quốc phòng8', a page copied from the
# official gazette, pool zze): a word ending in a small letter, then one or two digits.
_FOOTNOTE_GLUED = re.compile(r"([^\W\d_]*[a-zà-ỹđ])(\d{1,2})")


def _parts(token: str, start: int) -> list[tuple[int, int]]:
    glued = _FOOTNOTE_GLUED.fullmatch(token)
    if glued:
        return [(start, start + len(glued.group(1))), (start + len(glued.group(1)), start + len(token))]
    m = _HEAD_WITH_PLACE_CODE.fullmatch(token)
    if m and (m.group(1) in head_abbreviations() or m.group(1) == "TT"):   # 'TTTU': the committee's standing board
        return [(start, start + len(m.group(1))), (start + len(m.group(1)), start + len(token))]
    if token.startswith("TT") and token[2:] in head_abbreviations():
        return [(start, start + 2), (start + 2, start + len(token))]   # 'TTHĐND': the council's standing board
    return [(start, start + len(token))]


@lru_cache(maxsize=65536)
def phrase_keys(phrase: str, plain: bool) -> tuple[str, ...]:
    """The token keys of a phrase; asked again and again for the same gazetteer names and candidate
    spans (2,503 times on 004.pdf for 274 texts), so worked out once."""
    return tuple(t.name_key for t in _tokens(phrase, plain))


@lru_cache(maxsize=65536)
def content_keys(phrase: str, plain: bool) -> tuple[str, ...]:
    """Token keys without connectors: 'Văn hóa, Thể thao và Du lịch' ~ 'Văn hoá Thể thao du lịch'."""
    return tuple(k for k in phrase_keys(phrase, plain) if k not in CONNECTORS)


_SPACED_AMPERSAND = re.compile(r"(?<=\S)&(?=\S)")


@lru_cache(maxsize=2)
def head_index(plain: bool) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First token key → [(token keys, canonical head, 'place' | 'name' | 'party')], longest first."""
    heads = [(phrase_keys(h, plain), h, "place") for h in PLACE_HEADS]
    heads += [(phrase_keys(h, plain), h, "name") for h in NAME_HEADS if h not in PLACE_HEADS]
    heads += [(phrase_keys(h, plain), h, "party") for h in PARTY_PLACE_HEADS]
    follows = {h: k for _, h, k in heads}
    heads += [(phrase_keys(spelled, plain), full, follows[full]) for abbr, full in head_abbreviations().items()
              if full in follows for spelled in {abbr, _SPACED_AMPERSAND.sub(" & ", abbr)}]   # 'HĐND & UBND' too
    index: dict[str, list] = {}
    for entry in sorted(heads, key=lambda x: -len(x[0])):
        index.setdefault(entry[0][0], []).append(entry)
    return index


@lru_cache(maxsize=1)
def short_head_codes() -> frozenset[str]:
    """The keys of heads' abbreviations of three letters or fewer ('TU', 'VP', 'CA'): read only
    where they are written in capitals."""
    return frozenset(match_key(a) for a in head_abbreviations() if a.isupper() and len(a) <= 3)


@lru_cache(maxsize=1)
def party_organ_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Head → (the keys of the words after it, the organ) for the organs every Party committee
    has, longest first ('Ủy ban' → [(('kiểm', 'tra'), 'Ủy ban Kiểm tra')], 'Ban' → …)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for unit in party_units():
        head = next((h for h in ("Ủy ban", "Ban") if unit.startswith(h + " ")), None)
        if head:
            out.setdefault(head, []).append((phrase_keys(unit[len(head):], False), unit))
    return {h: sorted(v, key=lambda x: len(x[0]), reverse=True) for h, v in out.items()}


@lru_cache(maxsize=2)
def known_names(plain: bool) -> tuple[dict[tuple[str, ...], AgencyEntry], int]:
    """Content keys of every gazetteer name and alias, central bodies and provinces' departments;
    and the longest. Built once per version of the gazetteer and of the code that keys it, and kept
    in the user's cache (normalize/cache.py): tokenizing its 1,580 names was ~0.1 s of every small
    file's extraction (a third of 004.pdf's)."""
    return cached_build(f"known-names-{int(plain)}", _known_names_key(), lambda: _build_known_names(plain))


@lru_cache(maxsize=2)
def place_ending_prefixes(plain: bool) -> frozenset[tuple[str, ...]]:
    """The keys before the province of every known name that ends in one ('Đại học Quốc gia' of
    '… Thành phố Hồ Chí Minh'): where a name's walk may meet its province written short. Kept in the
    user's cache beside the names (0.3 s to work out)."""
    return cached_build(f"place-ending-prefixes-{int(plain)}", _known_names_key(),
                        lambda: _place_ending_prefixes(plain))


def _place_ending_prefixes(plain: bool) -> frozenset[tuple[str, ...]]:
    out = set()
    for keys in known_names(plain)[0]:
        for m in range(max(1, len(keys) - 5), len(keys)):
            place = find_place(" ".join(keys[m:]))
            if place is not None and place.tier == "province":
                out.add(keys[:m])
                break
    return frozenset(out)


@lru_cache(maxsize=2)
def known_specific_parts(plain: bool) -> frozenset[tuple[str, ...]]:
    """The content keys after the head of every known name of two words or more after it ('tiêu
    chuẩn đo lường chất lượng' of 'Tổng cục Tiêu chuẩn Đo lường Chất lượng'): a body under another
    head may share them, written in lowercase ('Chi cục Tiêu chuẩn đo lường chất lượng')."""
    heads = {content_keys(h, plain) for h in (*PLACE_HEADS, *NAME_HEADS)}
    return frozenset(keys[len(h):] for keys in known_names(plain)[0] for h in heads
                     if keys[:len(h)] == h and len(keys) - len(h) >= 2)


@lru_cache(maxsize=2)
def known_name_words(plain: bool) -> frozenset[str]:
    """The keys of the capitalized words inside known names, after their first ('Nông', 'Doanh',
    'Chất'): what may go on with a known name the text writes longer; a person's name ('Nguyễn'), a
    header's word ('Số', 'Kính gửi', 'Cộng hòa') or a reply's verb is none of them."""
    return frozenset(t.name_key for e in (*agency_entries(), *province_departments()) for name in (e.name, *e.aliases)
                     for t in _tokens(name, plain)[1:] if t.cap)


def _known_names_key() -> bytes:
    import corpus
    import ner.agency_words
    import normalize.agencies
    import normalize.text
    sources = [*sorted(corpus.GAZETTEER_DIR.glob("*.json")), Path(__file__),
               *(Path(m.__file__) for m in (ner.agency_words, normalize.agencies, normalize.text))]
    return b"".join(p.read_bytes() for p in sources)


def _build_known_names(plain: bool) -> tuple[dict[tuple[str, ...], AgencyEntry], int]:
    index: dict[tuple[str, ...], AgencyEntry] = {}
    for e in (*agency_entries(), *province_departments()):
        for alias in (e.name, *e.aliases):
            index.setdefault(content_keys(alias, plain), e)
    return index, max(map(len, index))


@lru_cache(maxsize=1)
def code_aliases() -> frozenset[str]:
    """Aliases that are codes ('TTg', 'BQP', 'VPCP'): matched with their case only, since as
    words they could be anything."""
    return frozenset(a for e in (*agency_entries(), *province_departments()) for a in e.aliases
                     if " " not in a and len(a) <= 7)


Reading = tuple[int, str, str, bool]   # (end token, canonical name, kind, known)


def choose(found: list[tuple[int, int, FoundAgency]]) -> list[tuple[int, int, FoundAgency]]:
    """Longest non-overlapping readings (by characters); on a tie, a known name, then the first found."""
    chosen: list[tuple[int, int, FoundAgency]] = []
    for i, j, f in sorted(found, key=lambda x: (-(x[2].end - x[2].start), not x[2].known)):
        if f.sibling or any(f.start < c.end and c.start < f.end for _, _, c in chosen):
            continue
        chosen.append((i, j, f))
    spans = {(c.start, c.end) for _, _, c in chosen}
    chosen += [x for x in found if x[2].sibling and (x[2].start, x[2].end) in spans]
    return sorted(chosen, key=lambda x: x[2].start)


class TokenReader:
    """One piece of text as tokens, and what has been found in it so far."""

    def __init__(self, text: str, ctx: AgencyContext, plain: bool, actor_context: bool):
        self.text, self.ctx, self.plain, self.actor_context = text, ctx, plain, actor_context
        self.toks = _tokens(text, plain)
        letters = [c for c in text if c.isalpha()]
        # A line in capitals (a header, a title, an appendix heading): case says nothing, so
        # only names the gazetteer or the places list vouch for are taken.
        self.all_caps = len(letters) > 3 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
        self._cap = [t.word and (t.cap or self.all_caps) for t in self.toks]
        self._low = [t.word and not t.cap and not self.all_caps for t in self.toks]
        self._raise_lowercase_heads()
        self.found: list[tuple[int, int, FoundAgency]] = []
        self.spelled_out = False   # the text is a name's shortenings written out (agency_names.spelled_out_at)
        # A cell of acting bodies or one item of a list ('- Vụ Lý luận chính trị;'): a name there
        # runs to the item's end, lowercase words and all (in running text only a known name does).
        self.item = actor_context or bool(LIST_ITEM.fullmatch(text))

    def _raise_lowercase_heads(self) -> None:
        """Heads written lowercase that still name a body are read as if capitalized: 'ủy ban nhân dân
        tỉnh Bình Định' mid-sentence (the head, a level word, a place name in capitals), 'phòng'
        before a capitalized name, 'văn phòng' after its chief."""
        n = len(LOWERCASE_HEADS[0])
        for k in range(len(self.toks) - 1):
            if k and self.toks[k - 1].key in OFFICE_CHIEFS and self.toks[k].key == "văn" and self.toks[k + 1].key == "phòng":
                # 'Chánh văn phòng UBND tỉnh': a position names its body, here the office
                self._cap[k], self._low[k] = True, False
            if self._low[k] and tuple(t.key for t in self.toks[k:k + n]) in LOWERCASE_HEADS \
                    and k + n < len(self.toks) and self.toks[k + n].key in LEVEL_FIRST_WORDS \
                    and any(self._cap[m] for m in (k + n + 1, k + n + 2) if m < len(self.toks)):
                for m in range(k, k + n):
                    self._cap[m], self._low[m] = True, False
            if self.toks[k].key == "phòng" and self._low[k] and self._cap[k + 1] and not self.toks[k + 1].text.isupper() \
                    and (k == 0 or self.toks[k - 1].key != "văn") and self.toks[k + 1].key != "phòng":
                # 'phối hợp phòng Kinh tế', 'Trưởng phòng Văn hóa - Xã hội': a department, its name capitalized
                # (not the title's own word before the head: 'Trưởng phòng Phòng Văn hoá - Xã hội', pool zj)
                self._cap[k], self._low[k] = True, False

    # -- token helpers
    def key(self, i: int) -> str | None:
        return self.toks[i].key if 0 <= i < len(self.toks) else None

    def is_cap(self, i: int) -> bool:
        return 0 <= i < len(self._cap) and self._cap[i]

    def is_low(self, i: int) -> bool:
        return 0 <= i < len(self._low) and self._low[i]

    def span_text(self, i: int, j: int) -> str:
        return self.text[self.toks[i].start:self.toks[j - 1].end] if j > i else ""

    def match_keys(self, i: int, keys: tuple[str, ...]) -> bool:
        return tuple(t.name_key for t in self.toks[i:i + len(keys)]) == keys

    def in_law_title(self, i: int) -> bool:
        """A name right after 'Luật', 'Pháp lệnh' ('Luật Tổ chức …') is the law's title, no body; so
        are the bodies a law's title names ('Luật Ban hành văn bản quy phạm pháp luật của HĐND và UBND')."""
        before = self.key(i - 1)
        if before in LAW_WORDS or (self.key(i - 2), before) == ("tổ", "chức") and self.key(i - 3) in LAW_WORDS:
            return True
        start = self.toks[i].start if i < len(self.toks) else len(self.text)
        return bool(LAW_TITLE_BEFORE.search(self.text[max(0, start - 90):start]))

    def stops_at(self, i: int, stops: set[str]) -> bool:
        """Whether the word at i is one of `stops` that ends a name: not where it begins a noun of
        the name ('giao' ends one, 'giao thông' does not)."""
        return self.key(i) in stops and f"{self.key(i)} {self.key(i + 1)}" not in STOP_SYLLABLE_NOUNS

    def verb_at(self, i: int) -> bool:
        verb = VERB_STARTS.get(self.key(i))
        return bool(verb) and self.words_at(i, verb)

    def marks_fit(self, i: int, word: str) -> bool:
        """In a mark-blind reading, a word alone is taken for `word` only if it lost its marks or
        has the same ones: a scan drops marks, but 'Thuê' (to hire) written with its own marks is
        not 'Thuế' (h04: 'Thuê chuyên gia …' read as the tax office)."""
        t = self.toks[i]
        return not self.plain or t.key == t.name_key or t.key == _token_keys(word)[0]

    def words_at(self, i: int, words: tuple[str, ...]) -> bool:
        """The grammar's own words at i ('địa phương', 'trung ương'), marks and all."""
        return tuple(t.key for t in self.toks[i:i + len(words)]) == words

    def add(self, i: int, j: int, name: str, kind: str, known: bool, sibling: bool = False) -> None:
        if j > i:
            a, b = self.toks[i].start, self.toks[j - 1].end
            self.found.append((i, j, FoundAgency(tidy_name(name), kind, a, b, self.text[a:b], known,
                                                 sibling=sibling)))
