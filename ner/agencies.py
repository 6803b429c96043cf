"""Agencies by the grammar of their names (Decree 30/2020/NĐ-CP, Appendix II: a head noun that
says what kind of body it is, then the specific name, each part capitalized), checked against
the gazetteer for canonical spellings.

What is recognized, strongest first:
- a name or alias the gazetteer knows ('Bộ KH&CN', 'Văn phòng Chính phủ', 'TTg'), also with its
  connectors dropped or changed ('Sở Văn hoá Thể thao du lịch') and without its marks;
- a head noun and the name that follows it: 'Sở Tài chính tỉnh X', 'Cục Người có công', 'Ban Quản
  lý khu kinh tế tỉnh Đồng Tháp', 'Ủy ban nhân dân huyện An Lão', 'Thanh tra Bộ Tài chính';
- a head shared by an enumeration ('Bộ trưởng các Bộ: Tài chính, Nội vụ, Tư pháp'; 'UBND các
  tỉnh: Hà Giang, Lào Cai'; 'HĐND tỉnh Bình Thuận, tỉnh Đắk Nông'), or a locality shared by heads
  ('Tỉnh ủy, HĐND, UBND tỉnh Thanh Hóa');
- a bare local head in a document a province issued ('UBND tỉnh', 'Sở Tài chính', 'Tỉnh ủy',
  'Kho bạc Nhà nước'): that province's body;
- an abbreviation the document defines ('… (sau đây gọi là Bộ KH&CN)');
- a place where the text makes it an actor: a cell of a column of acting bodies, a group row of a
  table, a list of localities given a task, a list of bodies ('Đơn vị: Điện Biên' → Ủy ban nhân
  dân tỉnh Điện Biên).

Not agencies: positions ('Bộ trưởng'; the body a position names counts), generic plurals ('các Bộ,
ngành', 'UBND cấp tỉnh'), companies and state-owned groups, schools, hospitals and funds, foreign
bodies (see corpus/external/ANNOTATION.md). Word boundaries come from the Viet74K word list; the
measurement that kept it over underthesea's word segmentation is in README ("Agencies")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ner.references import PARTY_RE, STATE_RE
from normalize.agencies import (
    COMMUNE_LEVELS,
    PROVINCE_LEVELS,
    AgencyEntry,
    Place,
    agency_entries,
    component_abbreviations,
    council_committee,
    expand_abbreviations,
    find_place,
    head_abbreviations,
    known_agency,
    owned_unit,
    party_body,
    party_units,
    province_departments,
    tidy_name,
)
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key
from normalize.vowel_marks import lexicon


@dataclass(frozen=True)
class FoundAgency:
    name: str
    kind: str
    start: int
    end: int
    text: str
    known: bool = True
    parent: str | None = None


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
    party: str | None = None        # the local Party committee the issuer is or belongs to
    issuer: str | None = None
    # what analysts taught for this issuer's documents: words (match key) → the body they name,
    # None where they name none (ner/recognize.learned_for)
    taught: dict[str, str | None] = field(default_factory=dict)


# -- heads ----------------------------------------------------------------------------------------
# Head nouns of public bodies ("tên loại hình cơ quan"), by what must follow them.
# Named by a locality: 'Ủy ban nhân dân tỉnh X', 'Công an xã X', 'Tòa án nhân dân tối cao'.
PLACE_HEADS = (
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Văn phòng Ủy ban nhân dân", "Văn phòng Hội đồng nhân dân", "Bộ Chỉ huy Bộ đội Biên phòng",
    "Liên hiệp các Hội Khoa học và Kỹ thuật", "Đoàn đại biểu Quốc hội", "Viện kiểm sát nhân dân",
    "Tòa án nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân", "Bộ Chỉ huy Quân sự", "Hội Liên hiệp Phụ nữ",
    "Liên đoàn Lao động", "Hội Cựu chiến binh", "Hội Nông dân", "Kho bạc Nhà nước", "Bảo hiểm xã hội",
    "Ngân hàng Nhà nước", "Cục Thuế", "Chi cục Thuế", "Cục Hải quan", "Cục Thống kê", "Chi cục Thống kê",
    "Thuế", "Công an", "Thanh tra", "Trung tâm Phục vụ hành chính công", "Đài Phát thanh và Truyền hình",
    "Tỉnh đoàn", "Thành đoàn", "Hội Chữ thập đỏ", "Ủy ban bầu cử", "Liên minh Hợp tác xã",
    # after the 2025 reorganization: a commune's joint office, the provinces' enforcement offices
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Thi hành án dân sự",
)
# Named by a specific name, then perhaps a locality: 'Sở Tài chính tỉnh X', 'Cục Người có công'.
NAME_HEADS = (
    "Ban Cán sự đảng", "Tổ công tác", "Tổ giúp việc", "Đồn Biên phòng", "Tổng cục", "Chi cục", "Học viện",
    "Đại học", "Đảng ủy", "Đảng đoàn", "Văn phòng", "Trung tâm", "Hội đồng", "Ủy ban", "Tòa án", "Bộ", "Cục", "Vụ",
    "Viện",
    "Sở", "Phòng", "Ban", "Đài", "Kiểm toán nhà nước",
)
# Party committees named by their place alone: 'Tỉnh ủy Thanh Hóa', 'Huyện ủy Quỳ Hợp'.
PARTY_PLACE_HEADS = {"Tỉnh ủy": "tỉnh", "Thành ủy": "thành phố", "Huyện ủy": "huyện", "Quận ủy": "quận",
                     "Thị ủy": "thị xã"}
# Heads whose bodies the gazetteer must know: a school or a university shares the head noun
# ('Học viện Tài chính'), and 'Đài Loan' is a place.
GAZETTEER_ONLY = {"Học viện", "Đại học", "Đài"}
# Local heads that name no one body without a locality: 'Sở Tài chính' in a central document.
LOCAL_ONLY_HEADS = {"Sở", "Phòng"}
# Centres and institutes are bodies where they are a locality's ('Trung tâm Phục vụ hành chính
# công tỉnh X'); an unknown national one is more often a project or a facility ('Dự án Trung tâm
# Vũ trụ Việt Nam', 'về Trung tâm Dữ liệu quốc gia').
NEEDS_LOCALITY = {"Trung tâm", "Viện"}
# Bodies every province has: bare, in a province's own document, they are its own.
LOCAL_BRANCHES = {"Kho bạc Nhà nước", "Bảo hiểm xã hội", "Cục Thuế", "Cục Hải quan", "Cục Thống kê", "Thuế",
                  "Công an", "Thanh tra", "Ngân hàng Nhà nước", "Văn phòng Ủy ban nhân dân",
                  "Văn phòng Hội đồng nhân dân", "Bộ Chỉ huy Quân sự", "Đài Phát thanh và Truyền hình",
                  "Trung tâm Phục vụ hành chính công", "Liên hiệp các Hội Khoa học và Kỹ thuật",
                  "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hội Liên hiệp Phụ nữ", "Liên đoàn Lao động", "Hội Nông dân",
                  "Hội Cựu chiến binh", "Hội Chữ thập đỏ", "Tỉnh đoàn", "Đoàn đại biểu Quốc hội", "Liên minh Hợp tác xã",
                  "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân"}
# Bodies only a commune has (since 7/2025): never a province's, though a province's text names them.
COMMUNE_ONLY_HEADS = {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"}
# Bodies a commune (and a district) has of its own: bare in its own document ('HĐND', 'Đảng ủy',
# 'Ủy ban bầu cử … của phường') they are that commune's.
LOCALITY_BODIES = {"Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Đảng ủy", "Công an",
                   "Ủy ban bầu cử", "Trung tâm Phục vụ hành chính công", "Hội Liên hiệp Phụ nữ", "Hội Nông dân",
                   "Hội Cựu chiến binh", "Hội Chữ thập đỏ", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"}
# Words after a head that name the national body ('Tòa án nhân dân tối cao', 'Kho bạc Nhà nước').
NATIONAL_SUFFIXES = ("tối cao", "Việt Nam", "Trung ương", "quốc gia", "Nhà nước", "Chính phủ", "Quốc hội")
KIND_OF_HEAD = {"Bộ": "ministry", "Ủy ban nhân dân": "people_committee", "Hội đồng nhân dân": "people_council",
                "Sở": "province_department", "Đảng ủy": "party", "Ban Cán sự đảng": "party", "Đảng đoàn": "party",
                "Cục": "department", "Tổng cục": "department", "Vụ": "department", "Chi cục": "department"}
# Level words of administrative units; 'tp' is 'TP.'/'Tp.'.
LEVEL_WORDS = {"tỉnh": "tỉnh", "thành phố": "thành phố", "tp": "thành phố", "huyện": "huyện", "quận": "quận",
               "thị xã": "thị xã", "xã": "xã", "phường": "phường", "thị trấn": "thị trấn", "đặc khu": "đặc khu"}
_PLAIN_LEVELS = {strip_diacritics_same_length(k): v for k, v in LEVEL_WORDS.items()}
_LEVEL_FIRST_WORDS = {k.split()[0] for k in (*LEVEL_WORDS, *_PLAIN_LEVELS)}
# After a head: a position, not a body ('Bộ trưởng', 'Cục phó').
# Heads whose body is another body's unit, named by it: 'Văn phòng Tỉnh ủy X', 'Thanh tra Bộ Tài chính'.
NESTING_HEADS = ("Văn phòng", "Thanh tra")
POSITION_WORDS = {"trưởng", "phó", "viên"}   # 'Bộ trưởng', 'Cục phó', 'Tỉnh ủy viên'
# Words after 'Bộ' that make it a whole of things, not a ministry, whatever their case ('Bộ Luật Hình
# sự', holdout2 k06; 'Bộ máy', 'Bộ phận'). Not 'đội': 'Bộ đội Biên phòng' is a body.
SET_WORDS = {"luật", "máy", "phận"}
# Health facilities share the head 'Trung tâm' ('Trung tâm Y tế huyện X'); like hospitals they
# are not bodies of the administration.
FACILITY_NAMES = ("y te",)   # compared without marks: a scan reads 'Y tế' as 'Y té'.
# Head + word pairs the word list has but that still open a body's name.
HEAD_PHRASES = {"ủy ban", "hội đồng", "văn phòng", "thanh tra", "trung tâm", "kiểm toán"}
# Before a head: a generic plural ('các Ban Hội đồng nhân dân', 'những Sở') — unless an enumeration.
PLURAL_WORDS = {"các", "những", "mọi", "từng"}
# A name right after these is a law's title, not a body: 'Luật Thuế giá trị gia tăng', 'Luật Kiểm toán
# nhà nước', 'Pháp lệnh …' (holdout2 k01).
LAW_WORDS = {"luật", "lệnh"}
CONNECTORS = {"và", "&", ",", "-", "–"}
# Marks a scan leaves between the words of a name ('SƠ GIAO DỤC VA_ ĐÀO TẠO').
SPECKS = {"_", "·", "'", "`"}
# Words that end a lowercase phrase inside a name ('Ban Chỉ đạo … về phát triển …').
PHRASE_STOPS = {"tại", "theo", "ngày", "đã", "sẽ", "có", "là", "được", "của", "với", "để", "về", "nhằm", "giao",
                "chủ", "trì", "thực", "hiện", "cho", "khi", "này", "đó", "đến", "từ", "trước", "sau", "hoặc", "hay",
                "nếu", "thì", "mà"}
# Verbs that follow a body's name ('… khu công nghiệp tổ chức thực hiện'): a name does not run into them.
_VERBS = ("tổ chức thực hiện", "tham mưu", "chủ trì", "phối hợp", "hướng dẫn", "triển khai", "báo cáo", "theo dõi",
          "đề xuất", "rà soát", "kiểm tra", "chịu trách nhiệm", "có trách nhiệm", "thực hiện", "xem xét", "quyết định")
_VERB_STARTS: dict[str, tuple[str, ...]] = {}
for _v in sorted(_VERBS, key=len):
    _VERB_STARTS[_v.split()[0]] = tuple(_v.split())
TAIL_STOPS = PHRASE_STOPS | {"và", "tỉnh", "huyện", "xã", "các", "những", "trên", "địa", "bàn", "thuộc", "trực"}
LOCALITY_CUE = re.compile(r"địa phương|tỉnh, thành phố|các tỉnh|các thành phố|các tỉnh, thành", re.IGNORECASE)
# Words that make the places after them a location ('tại các tỉnh …', 'trên địa bàn các tỉnh …').
WHERE_BEFORE = re.compile(r"\b(?:tại|ở|trên địa bàn|địa bàn|thuộc|đến|tới|giữa)\s+$", re.IGNORECASE)


BULLETS = "-–+•"                        # what begins an item of a list
_LIST_ITEM = re.compile(rf"\s*[{BULLETS}]\s*[^.;:]{{3,120}}[;,.]?\s*")
ITEM_ENDS = (",", ";", ".", ":", "(")   # what ends an item of a list of bodies


# Bodies named by their place without its level word, like the Party's committees: 'Tỉnh đoàn
# Quảng Ngãi' (the Youth Union's provincial committee), never 'Tỉnh đoàn tỉnh Quảng Ngãi'.
NAMED_WITHOUT_LEVEL = {"Tỉnh đoàn", "Thành đoàn"}
# Courts and procuracies of a region inside a province (since 1/7/2025): 'Viện kiểm sát nhân dân
# khu vực 1 - Tuyên Quang', 'TAND khu vực 3', named by number and province.
REGIONAL_HEADS = ("Viện kiểm sát nhân dân", "Tòa án nhân dân")
_LEVEL_PREFIX = re.compile(r"^(?:tỉnh|thành phố)\s+")


def local_name(head: str, where: str) -> str:
    """A local body's name: head and locality ('Sở Tài chính tỉnh X'), or head and place alone."""
    if head in NAMED_WITHOUT_LEVEL:
        return f"{head} {_LEVEL_PREFIX.sub('', where)}"
    return f"{head} {where}"


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
        text = m.group(0)
        key, bare = _token_keys(text)
        out.append(_Tok(text, m.start(), m.end(), key, bare if plain else key, text[:1].isupper(), text[:1].isalpha()))
    return out


def _keys(phrase: str, plain: bool) -> tuple[str, ...]:
    return tuple(t.name_key for t in _tokens(phrase, plain))


def _content_keys(phrase: str, plain: bool) -> tuple[str, ...]:
    """Token keys without connectors: 'Văn hóa, Thể thao và Du lịch' ~ 'Văn hoá Thể thao du lịch'."""
    return tuple(k for k in _keys(phrase, plain) if k not in CONNECTORS)


@lru_cache(maxsize=2)
def _heads(plain: bool) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First token key → [(token keys, canonical head, 'place' | 'name' | 'party')], longest first."""
    heads = [(_keys(h, plain), h, "place") for h in PLACE_HEADS]
    heads += [(_keys(h, plain), h, "name") for h in NAME_HEADS if h not in PLACE_HEADS]
    heads += [(_keys(h, plain), h, "party") for h in PARTY_PLACE_HEADS]
    follows = {h: k for _, h, k in heads}
    heads += [(_keys(abbr, plain), full, follows[full]) for abbr, full in head_abbreviations().items() if full in follows]
    index: dict[str, list] = {}
    for entry in sorted(heads, key=lambda x: -len(x[0])):
        index.setdefault(entry[0][0], []).append(entry)
    return index


@lru_cache(maxsize=1)
def _owned_unit_words() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Head → (the keys of the words after it, the organ) for the organs every Party committee
    has, longest first ('Ủy ban' → [(('kiểm', 'tra'), 'Ủy ban Kiểm tra')], 'Ban' → …)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for unit in party_units():
        head = next((h for h in ("Ủy ban", "Ban") if unit.startswith(h + " ")), None)
        if head:
            out.setdefault(head, []).append((_keys(unit[len(head):], False), unit))
    return {h: sorted(v, key=lambda x: len(x[0]), reverse=True) for h, v in out.items()}


@lru_cache(maxsize=2)
def _known_names(plain: bool) -> tuple[dict[tuple[str, ...], AgencyEntry], int]:
    """Content keys of every gazetteer name and alias, central bodies and provinces' departments;
    and the longest."""
    index: dict[tuple[str, ...], AgencyEntry] = {}
    for e in (*agency_entries(), *province_departments()):
        for alias in (e.name, *e.aliases):
            index.setdefault(_content_keys(alias, plain), e)
    return index, max(map(len, index))


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    """Aliases that are codes ('TTg', 'BQP', 'VPCP'): matched with their case only, since as
    words they could be anything."""
    return frozenset(a for e in (*agency_entries(), *province_departments()) for a in e.aliases
                     if " " not in a and len(a) <= 7)


# -- the parser -----------------------------------------------------------------------------------
Reading = tuple[int, str, str, bool]   # (end token, canonical name, kind, known)


class _Parser:
    def __init__(self, text: str, ctx: AgencyContext, plain: bool, actor_context: bool):
        self.text, self.ctx, self.plain, self.actor_context = text, ctx, plain, actor_context
        self.toks = _tokens(text, plain)
        letters = [c for c in text if c.isalpha()]
        # A line in capitals (a header, a title, an appendix heading): case says nothing, so
        # only names the gazetteer or the places list vouch for are taken.
        self.all_caps = len(letters) > 3 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
        self._cap = [t.word and (t.cap or self.all_caps) for t in self.toks]
        self._low = [t.word and not t.cap and not self.all_caps for t in self.toks]
        self.found: list[tuple[int, int, FoundAgency]] = []
        # A cell of acting bodies or one item of a list ('- Vụ Lý luận chính trị;'): a name there
        # runs to the item's end, lowercase words and all (in running text only a known name does).
        self.item = actor_context or bool(_LIST_ITEM.fullmatch(text))

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

    def verb_at(self, i: int) -> bool:
        verb = _VERB_STARTS.get(self.key(i))
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

    def add(self, i: int, j: int, name: str, kind: str, known: bool) -> None:
        if j > i:
            a, b = self.toks[i].start, self.toks[j - 1].end
            self.found.append((i, j, FoundAgency(tidy_name(name), kind, a, b, self.text[a:b], known)))

    # -- pieces of a name
    def head_at(self, i: int) -> tuple[int, str, str] | None:
        """(end, canonical head, what follows) of a head noun at token i — not where the word
        belongs to another word ('nhiệm vụ', 'cơ sở', 'Ban hành', 'Bộ máy') or a position
        follows ('Bộ trưởng', 'Vụ trưởng')."""
        if not self.is_cap(i):
            return None
        words = lexicon()[0]
        prev = self.toks[i - 1] if i > 0 else None
        if prev is not None and prev.word and prev.end == self.toks[i].start - 1 and \
                f"{prev.key} {self.toks[i].key}" in words and not self._head_ends_at(i) \
                and not self._capital_breaks_word(i):
            return None   # (a head just before it is a whole: 'Văn phòng' + 'Thành ủy', not 'phòng thành')
        for keys, head, follow in _heads(self.plain).get(self.toks[i].name_key, ()):
            if not self.match_keys(i, keys) or (len(keys) == 1 and not self.marks_fit(i, head)):
                continue
            end = i + len(keys)
            nxt = self.key(end)
            if nxt in POSITION_WORDS:
                return None
            if head == "Bộ" and nxt in SET_WORDS:
                return None
            if len(keys) == 1 and nxt and (self.is_low(end) or self.all_caps) and f"{keys[0]} {nxt}" in words \
                    and f"{keys[0]} {nxt}" not in HEAD_PHRASES:
                return None
            return end, head, follow
        return None

    def _capital_breaks_word(self, i: int) -> bool:
        """A capital starts a name, not the second syllable of a word: in 'Giao Ban Xây dựng Đảng
        chủ trì' (a sentence's first word, then a capital) or 'giao Ban Tổ chức', 'Ban' is no
        'giao ban' (a briefing); 'Phục Vụ' (title case) and all-caps lines stay one word."""
        if self.all_caps or not self.is_cap(i) or self.toks[i].text.isupper():
            return False
        prev = self.toks[i - 1].text
        if self.toks[i - 1].key in POSITION_WORDS:
            # 'Trưởng Ban Chỉ đạo …' is a position; the body it heads would need its locality,
            # which the bare name does not give (measured: g19 lost 0.005 with it read)
            return False
        return self.is_low(i - 1) or (self._sentence_start(i - 1) and not prev.isupper())

    def _sentence_start(self, i: int) -> bool:
        """Token i begins its line or follows a sentence's or an item's mark."""
        if i <= 0:
            return True
        before = self.text[self.toks[i - 1].end:self.toks[i].start]
        mark = self.toks[i - 1].text
        return "\n" in before or (mark in ITEM_ENDS and mark != ",") or mark in BULLETS

    def _head_ends_at(self, i: int) -> bool:
        """A head noun of two words ends just before token i ('Văn phòng')."""
        return i >= 2 and any(len(keys) == 2 and self.match_keys(i - 2, keys)
                              for keys, _, _ in _heads(self.plain).get(self.toks[i - 2].name_key, ()))

    def place_at(self, i: int, level: str | None, tiers=("province", "district")) -> tuple[int, Place | None, str] | None:
        """A place name of up to five words at i: (end, the place when known, its name)."""
        best = None
        for n in range(1, 6):
            j = i + n
            if j > len(self.toks) or not all(self.is_cap(k) or self.toks[k].text in "-–." for k in range(i, j)):
                break
            if not self.toks[j - 1].word:
                continue
            p = find_place(self.span_text(i, j), level, self.plain)
            if p is not None and p.tier in tiers:
                best = (j, p, p.short)
        if best or self.all_caps or self.plain:
            return best  # a mark-blind reading takes only places the list knows ('cơ quan Trung' ≠ 'quận Trung')
        if level and level not in PROVINCE_LEVELS or level == "thành phố":
            # Districts and communes are too many to list (communes changed in 2025): a
            # capitalized name after their level word is taken as written.
            j = i
            while j < len(self.toks) and self.is_cap(j) and j - i < 4 and not self.head_at(j) and not self.verb_at(j):
                j += 1   # ('UBND Thành phố Báo cáo Bộ Tài chính': a verb, holdout2 k01)
            if j > i:
                return j, None, self.span_text(i, j)
        return None

    def level_at(self, i: int) -> tuple[int, str] | None:
        """A level word at i ('tỉnh', 'thành phố', 'TP.', 'huyện', …; without marks in a mark-blind
        reading: 'THI XA'): (end, level)."""
        if i >= len(self.toks):
            return None
        levels = _PLAIN_LEVELS if self.plain else LEVEL_WORDS
        k = self.toks[i].name_key
        two = f"{k} {self.toks[i + 1].name_key}" if i + 1 < len(self.toks) else None
        if two in levels:
            return i + 2, levels[two]
        if k in levels:
            j = i + 1
            if j < len(self.toks) and self.toks[j].text == "." and k == "tp":
                j += 1
            return j, levels[k]
        return None

    def locality_at(self, i: int) -> tuple[int, str] | None:
        """'tỉnh Đồng Tháp', 'TP. HCM', 'huyện An Lão', 'xã Yên Khương' → (end, 'tỉnh Đồng Tháp')."""
        lv = self.level_at(i)
        if lv is None:
            return None
        end, level = lv
        tiers = ("province",) if level == "tỉnh" else ("commune",) if level in COMMUNE_LEVELS else ("province", "district")
        place = self.place_at(end, level, tiers)
        return (place[0], f"{level} {place[2]}") if place else None

    def own_locality_body(self, end: int, head: str, kind: str) -> Reading | None:
        """A body of the issuer's own commune or district named by its kind: with a bare level word
        ('UBND xã', 'Đảng ủy xã' in that commune's document) or alone ('HĐND', 'Ủy ban bầu cử')."""
        loc = self.ctx.locality
        if loc is None or loc.tier == "province":
            return None
        own = self.own_level_at(end)
        if own is None and head in LOCALITY_BODIES and self.level_at(end) is None and not self.is_cap(end) \
                and self.key(end) not in ("các", "cấp"):
            own = end
        return (own, f"{head} {loc.full()}", kind, True) if own is not None else None

    def own_level_at(self, j: int) -> int | None:
        """Past a level word that stands bare for the issuer's own commune or district ('UBND xã',
        'Đảng ủy xã', 'HĐND phường' in that commune's document): its end, else None. (The context
        has a commune or district: own_locality_body.)"""
        lv = self.level_at(j)
        if lv is None or lv[1] != self.ctx.locality.level:
            return None
        if self.is_cap(lv[0]) and not self.toks[lv[0]].text.isupper() and not self.verb_at(lv[0]) \
                and not self.head_at(lv[0]):
            return None  # 'xã Tân An': a commune named, perhaps another
        return lv[0]

    def component_end(self, i: int) -> int:
        """A part of a specific name: a capitalized word and the lowercase words that make one word
        with it ('Khoa học', 'Tài chính', 'Quản lý'), or an abbreviation ('KH&CN')."""
        if not self.is_cap(i):
            return i
        if self.all_caps:
            return i + 1
        words = lexicon()[0]
        best, syllables = i + 1, [self.toks[i].key]
        for j in range(i + 1, min(i + 4, len(self.toks))):
            if not self.is_low(j):
                break
            syllables.append(self.toks[j].key)
            if " ".join(syllables) in words:
                best = j + 1
        return best

    def name_end(self, i: int) -> int:
        """Components joined by 'và', '&', '-' (',' only inside a name a locality closes)."""
        j = self.component_end(i)
        if j == i:
            return i
        while j < len(self.toks):
            sep = self.toks[j].text
            if sep in CONNECTORS and self.locality_at(j + 1):
                break
            if sep == "," and self.is_cap(j + 1) and not self.starts_agency(j + 1):
                # 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh X'
                k = self.name_end(j + 1)
                if k > j + 1 and self.locality_at(k):
                    j = k
                break
            if sep in CONNECTORS and sep != "," and self.is_cap(j + 1) and not self.head_at(j + 1):
                nxt = self.component_end(j + 1)
                if nxt > j + 1:
                    j = nxt
                    continue
            if self.is_cap(j) and not self.head_at(j) and not self.level_at(j) and not self.starts_agency(j):
                j = self.component_end(j)
                continue
            break
        return j

    def starts_agency(self, i: int) -> bool:
        return self.head_at(i) is not None or self.known_at(i) is not None

    def known_at(self, i: int) -> tuple[int, AgencyEntry] | None:
        """The longest gazetteer name or alias starting at token i (connectors aside)."""
        if i >= len(self.toks) or not (self.is_cap(i) or self.toks[i].text in _codes()):
            return None
        prev = self.toks[i - 1] if i > 0 else None
        if self.all_caps and prev is not None and prev.word and f"{prev.key} {self.toks[i].key}" in lexicon()[0] \
                and not self._head_ends_at(i):
            return None  # 'PHỤC VỤ HÀNH CHÍNH' is no 'Vụ Hành chính': the word began before
        index, longest = _known_names(self.plain)
        best, keys, j = None, [], i
        while j < len(self.toks) and len(keys) < longest:
            t = self.toks[j]
            j += 1
            if t.key in CONNECTORS or t.text in SPECKS:
                continue
            if not t.word:
                break
            keys.append(t.name_key)
            e = index.get(tuple(keys))
            if e is None:
                continue
            raw = self.span_text(i, j)
            if len(keys) == 1 and raw not in _codes() and match_key(e.name) != match_key(raw):
                continue  # a one-word alias is a code: case and all
            best = (j, e)
        return best

    # -- whole names
    def agency_at(self, i: int) -> Reading | None:
        """The body named from token i, the longest reading the gazetteer or a known locality
        vouches for, else the longest."""
        candidates: list[Reading] = []
        known = self.known_at(i)
        if known:
            end, e = known
            if e.kind == "province_department":
                reading = self.local_department(end, e)
                if reading:
                    candidates.append(reading)
            else:
                candidates.append(self.regional_unit(end, e) or (end, e.name, e.kind, True))
        head = self.head_at(i)
        if head:
            reading = self.after_head(*head)
            if reading:
                candidates.append(reading)
        if self.key(i) == "thường" and self.key(i + 1) == "trực":
            inner = self.agency_at(i + 2)
            if inner:  # 'Thường trực HĐND tỉnh' acts for the HĐND: that body is named
                candidates.append(inner)
        if not candidates:
            return None
        known_ones = [c for c in candidates if c[3]]
        best = max(known_ones or candidates, key=lambda c: c[0])
        region = self.region_after(best[0])
        inside = self.region_after(best[0] - 2) if best[0] - 2 > i else None
        if inside:   # a known name that ends in 'khu vực' ('Ngân hàng Nhà nước Khu vực') and its number
            best = (inside[0], f"{tidy_name(expand_abbreviations(self.span_text(i, best[0] - 2)))} khu vực {inside[1]}",
                    best[2], best[3])
        elif region and "khu vực" not in best[1]:
            # 'Chi cục Hải quan khu vực V', 'Ngân hàng Nhà nước khu vực XII': a body's numbered region
            best = (region[0], f"{re.sub(r' (?:(?:tỉnh|thành phố) .+|Việt Nam)$', '', best[1])} khu vực {region[1]}",
                    best[2], best[3])
        if self.key(best[0]) == "các" and (self.level_at(best[0] + 1) or self.key(best[0] + 1) in ("cấp", "địa")):
            return None  # 'KBNN các tỉnh …', 'Mặt trận Tổ quốc Việt Nam các cấp': each of them, no one body
        return best

    def region_after(self, end: int) -> tuple[int, str] | None:
        """'khu vực V' at `end`: (its end, the number)."""
        if self.words_at(end, ("khu", "vực")) and end + 2 < len(self.toks) and \
                re.fullmatch(r"[IVXL]{1,6}|\d{1,2}", self.toks[end + 2].text):
            return end + 3, self.toks[end + 2].text
        return None

    def regional_unit(self, end: int, e: AgencyEntry) -> Reading | None:
        """'Kho bạc Nhà nước khu vực III', 'Kiểm toán nhà nước khu vực IX': a central body's unit
        for a region, numbered (the regional Kiểm toán nhà nước units; Kho bạc, Thuế, Hải quan and
        Thống kê from 2025)."""
        region = self.region_after(end)
        return (region[0], f"{e.name.removesuffix(' Việt Nam')} khu vực {region[1]}", e.kind, True) if region else None

    def local_department(self, end: int, e: AgencyEntry) -> Reading | None:
        """A province's department: with the locality written after it, or the document's province."""
        loc = self.locality_at(end)
        if loc and loc[1].split()[0] in PROVINCE_LEVELS:
            return loc[0], f"{e.name} {loc[1]}", "province_department", True
        if self.ctx.province is not None:
            j = end
            if self.key(j) == "tỉnh" or (self.key(j) == "thành" and self.key(j + 1) == "phố"):
                j += 1 if self.key(j) == "tỉnh" else 2  # 'Sở Tài chính tỉnh' in the province's own text
            return j, f"{e.name} {self.ctx.province.full()}", "province_department", True
        return None

    def after_head(self, end: int, head: str, follow: str) -> Reading | None:
        kind = KIND_OF_HEAD.get(head, "local" if follow == "place" else "body")
        if follow == "party":
            place = self.place_at(end, PARTY_PLACE_HEADS[head])
            if place:
                return place[0], party_body(head, place[2]), "party", place[1] is not None
            return self.bare_local(end, head, "party")
        if follow == "place":
            return self.place_head(end, head, kind)
        if head in GAZETTEER_ONLY:
            return None
        own = self.own_locality_body(end, head, kind)
        if own is not None:
            return own
        ministry_unit, reading = self.own_ministry_unit(end, head)
        if ministry_unit:
            return reading
        if head == "Ban" and self.words_at(end, ("thường", "trực")) and self.starts_agency(end + 2):
            inner = self.agency_at(end + 2)
            if inner:
                return inner  # 'Ban Thường trực Ủy ban MTTQ xã X' acts for that committee
        nested = self.agency_at(end) if self.starts_agency(end) else None
        if nested and head in (*NESTING_HEADS, "Ban", "Tổ giúp việc", "Tổ công tác"):
            # 'Văn phòng Tỉnh ủy X', 'Thanh tra Bộ Tài chính', 'Tổ giúp việc Ban Chỉ đạo …'
            return nested[0], f"{head} {nested[1]}", nested[2], nested[3]
        if nested and kind == "party":
            # The Party's organs inside a body are named by it (Điều lệ Đảng): 'Đảng ủy UBND TP',
            # 'Đảng đoàn Quốc hội', 'Ban Cán sự đảng Bộ Tư pháp'. Party bodies, whatever body names them.
            return nested[0], f"{head} {nested[1]}", "party", nested[3]
        if head in LOCALITY_BODIES and self.level_at(end):
            # 'Đảng ủy xã Công Hải', 'ĐẢNG ỦY PHƯỜNG HÀ ĐÔNG': a commune's or ward's Party committee
            # is named by its locality, like its People's Committee (every commune has one since 7/2025)
            placed = self.place_head(end, head, kind)
            if placed is not None:
                return placed
        j, organ = self.name_end(end), None
        if j == end:
            j, organ = self.owned_unit_words(end, head)
        if j == end:
            return None
        if head == "Ban" and match_key(self.span_text(end, j)).startswith(("chỉ đạo", "quản lý")):
            k = self.phrase_tail(j)
            if k - j <= 1 and not self.level_at(k) and match_key(self.span_text(end, j)) == "chỉ đạo":
                return None  # 'Ban Chỉ đạo' alone, or of one word ('Ban Chỉ đạo thi' of each exam): a kind, not one body
            if self.key(j) in ("các", "cấp") and match_key(self.span_text(end, j)) == "chỉ đạo":
                return None  # 'Ban Chỉ đạo các cấp', 'Ban Chỉ đạo cấp quân khu': every level's, no one body
            j = k
        j = self.item_tail(j)
        name = organ or f"{head} {self.expand(end, j)}"
        committee = council_committee(name) if head == "Ban" else None
        if committee is not None:  # 'Ban KT-NS', 'Ban Văn hoá - Xã hội': one spelling
            name, kind = committee.name, committee.kind
        tail = self.lowercase_tail(j)
        loc = self.locality_at(tail) if tail is not None else None
        if tail is None and self.is_cap(j) and not self.all_caps:
            tail = j   # 'Bộ Tư lệnh Thành phố': the capitalized level word stands for the city's own name
        if loc is None and tail is not None and self.ctx.province is not None and self.bare_level(tail) > tail:
            # '… du lịch tỉnh' in the province's text, 'Bộ Tư lệnh Thành phố' in the city's (holdout2 k01)
            loc = (self.bare_level(tail), self.ctx.province.full())
        if loc is None and head == "Phòng" and self.ctx.locality is not None and self.ctx.locality.tier != "province":
            # a department named bare in its commune's or district's own document ('Phòng Văn hóa -
            # Xã hội', 'Phòng Kinh tế' in a 2026 commune's decision) is that commune's
            loc = (j, self.ctx.locality.full())
            tail = j
        if loc:
            name, j = f"{head} {self.expand(end, tail)} {loc[1]}", loc[0]
        elif self.starts_agency(j) and not (j > 0 and self.toks[j - 1].text in ",;"):
            inner = self.agency_at(j)  # 'Ban Thường vụ Tỉnh ủy X', 'Ban Văn hóa - Xã hội HĐND tỉnh X'
            if inner and inner[2] in ("party", "people_committee", "people_council", "state", "ministry", "local"):
                name, j = f"{name} {inner[1]}", inner[0]
                loc = True
        e = known_agency(name)
        if e is not None and e.kind != "province_department":
            return j, e.name, e.kind, True
        owner = owned_unit(name)
        if owner is not None and not loc:
            # 'Ban Thường vụ', 'Ủy ban Kiểm tra', 'Ban Thường trực' alone: every committee has one;
            # the issuer's own where the issuer is such a committee, else no one body
            issuer = self.ctx.issuer if self.ctx.issuer and self.ctx.issuer.startswith(("Ủy ban", "Hội đồng")) else None
            resolved = {"party": self.ctx.party, "issuer": issuer}.get(owner)
            if resolved is None:
                return None
            return j, resolved if owner == "issuer" else f"{name} {resolved}", "party" if owner == "party" else kind, True
        if head == "Ban" and not loc and self.ctx.province is not None and self.key(end) in ("quản", "thường"):
            bare = self.bare_level(j)  # 'Ban Quản lý khu Kinh tế (tỉnh)' in the province's own document
            return bare, f"{name} {self.ctx.province.full()}", kind, True
        if committee is not None and not loc and self.ctx.province is not None:
            # 'Ban Văn hoá - Xã hội' bare in a province's document: its People's Council's committee
            return j, f"{committee.name} Hội đồng nhân dân {self.ctx.province.full()}", "people_council", True
        if self.all_caps or not self.names_a_body(head, end, name, bool(loc)):
            return None
        return j, name, kind, False

    def names_a_body(self, head: str, start: int, name: str, has_locality: bool) -> bool:
        """Whether a name the gazetteer does not know is a public body's, by its shape."""
        specific = name[len(head):].strip()
        if not re.search(r"[a-zà-ỹđ]", specific):
            return False  # 'Cục KSTT', 'Vụ KHTC' unexpanded: no canonical name to give
        if head == "Trung tâm" and strip_diacritics_same_length(match_key(specific)).startswith(FACILITY_NAMES):
            return False
        if head in LOCAL_ONLY_HEADS or head in NEEDS_LOCALITY:
            return has_locality
        if head == "Ban":
            return has_locality or self.key(start) in ("chỉ", "quản", "thường")
        return True

    def owned_unit_words(self, end: int, head: str) -> tuple[int, str | None]:
        """(end, the organ as named) for a Party committee's organ written in lowercase after its
        head ('Ủy ban kiểm tra Đảng ủy', 'Ban thường vụ Tỉnh ủy'): the organs every committee has."""
        for words, organ in _owned_unit_words().get(head, ()):
            if all(self.is_low(end + k) for k in range(len(words))) and \
                    tuple(self.key(end + k) for k in range(len(words))) == words:
                return end + len(words), organ
        return end, None

    def own_ministry_unit(self, end: int, head: str) -> tuple[bool, Reading | None]:
        """'Văn phòng Bộ', 'Thanh tra Bộ': (True, the document's own ministry's unit), or (True,
        None) when the issuer is no ministry (no one body); (False, None) for other words."""
        if head in NESTING_HEADS and self.key(end) == "bộ" and self.is_cap(end) and not self.is_cap(end + 1):
            return True, (end + 1, f"{head} {self.ctx.ministry}", "department", True) if self.ctx.ministry else None
        return False, None

    def place_head(self, end: int, head: str, kind: str) -> Reading | None:
        ministry_unit, reading = self.own_ministry_unit(end, head)
        if ministry_unit:
            return reading
        if head in REGIONAL_HEADS and self.words_at(end, ("khu", "vực")):
            return self.regional_body(end + 2, head, kind)
        if head in NAMED_WITHOUT_LEVEL:
            place = self.place_at(end, None, ("province",))
            if place and place[1] is not None:   # 'Tỉnh đoàn Bắc Ninh'
                return place[0], local_name(head, place[1].full()), kind, True
        loc = self.locality_at(end)
        if loc:
            return loc[0], local_name(head, loc[1]), kind, True
        for suffix in NATIONAL_SUFFIXES:
            keys = _keys(suffix, self.plain)
            if self.match_keys(end, keys):
                e = known_agency(f"{head} {suffix}")
                if e is not None:
                    return end + len(keys), e.name, e.kind, True
        if head.startswith("Văn phòng") and self.starts_agency(end):
            nested = self.agency_at(end)
            if nested:
                return nested[0], f"{head} {nested[1]}", nested[2], nested[3]
        if head in ("Ủy ban nhân dân", "Hội đồng nhân dân"):
            bare_place = self.place_at(end, None, ("province",))
            if bare_place and bare_place[1] is not None:  # 'UBND Bình Định'
                return bare_place[0], local_name(head, bare_place[1].full()), kind, True
        return self.bare_local(end, head, kind)

    def regional_body(self, k: int, head: str, kind: str) -> Reading | None:
        """After 'khu vực': its number, then its province ('- Tuyên Quang', 'tỉnh Hà Tĩnh'), or the
        document's own province; no province, no one body."""
        if k >= len(self.toks) or not self.toks[k].text.isdigit():
            return None
        number, k = self.toks[k].text, k + 1
        province = self.ctx.province.short if self.ctx.province else None
        if k < len(self.toks) and self.toks[k].text in "-–":
            place = self.place_at(k + 1, None, ("province",))
            if place and place[1] is not None:
                province, k = place[1].short, place[0]
            elif province and self.is_cap(k + 1) and strip_diacritics_same_length(self.toks[k + 1].key) == \
                    strip_diacritics_same_length(match_key(province)).replace(" ", ""):
                k += 2   # '- TuyênQuang': the document's own province, its space lost
        else:
            loc = self.locality_at(k)
            place = find_place(loc[1]) if loc else None
            if place is not None and place.tier == "province":
                province, k = place.short, loc[0]
        return (k, f"{head} khu vực {number} - {province}", kind, True) if province else None

    def bare_level(self, j: int) -> int:
        """Past a bare level word ('tỉnh', 'thành phố') that stands for the document's province."""
        lv = self.level_at(j)
        if lv and lv[1] in PROVINCE_LEVELS and self.key(lv[0]) != "ủy" and (not self.is_cap(lv[0]) or self.verb_at(lv[0])):
            return lv[0]   # (not 'Tỉnh ủy', 'Thành ủy': a Party committee)
        return j

    def bare_local(self, end: int, head: str, kind: str) -> Reading | None:
        """'UBND tỉnh', 'Ủy ban nhân dân Tỉnh', 'Tỉnh ủy', 'Kho bạc Nhà nước', 'Đoàn ĐBQH địa phương'
        with no place: the document's own province, when a province issued it. Never 'cấp tỉnh'."""
        own = self.own_locality_body(end, head, kind)
        if own is not None:
            return own
        p = self.ctx.province
        if p is None or self.key(end) in ("cấp", "các"):
            return None
        if (self.key(end) in (",", "và")) and self.head_at(end + 1):
            return None  # 'Tỉnh ủy, HĐND, UBND tỉnh X': the locality comes at the end (shared_localities)
        lv = self.level_at(end)
        if lv and lv[1] in PROVINCE_LEVELS:
            if self.is_cap(lv[0]) and not self.toks[lv[0]].text.isupper() and not self.verb_at(lv[0]):
                return None  # 'tỉnh X' this parser does not know: not the document's own
            return lv[0], local_name(head, p.full()), kind, True
        if lv:
            return None  # 'UBND huyện' (which one?), 'UBND xã'
        if head in PARTY_PLACE_HEADS:
            if PARTY_PLACE_HEADS[head] != p.level:
                return None  # 'Thành ủy' in a province's text is some city's
            return end, party_body(head, p.short), "party", True
        if head in LOCAL_BRANCHES and head not in ("Ủy ban nhân dân", "Hội đồng nhân dân"):
            j = end + 2 if self.words_at(end, ("địa", "phương")) else end
            return j, local_name(head, p.full()), kind, True
        return None

    def item_tail(self, j: int) -> int:
        """In a cell or a list item, the lowercase words that end it belong to the name ('Vụ Lý luận
        chính trị', 'Cục Quản lý lao động ngoài nước'); not a verb or a function word."""
        if not self.item:
            return j
        k = j
        while k < len(self.toks) and self.is_low(k) and self.key(k) not in TAIL_STOPS and not self.verb_at(k) \
                and k - j < 6:
            k += 1
        if k > j and (k == len(self.toks) or self.toks[k].text in (*ITEM_ENDS, ")") or self.key(k) == "và"):
            return k
        return j

    def lowercase_tail(self, j: int) -> int | None:
        """Lowercase words that end in a locality belong to the name ('Ban Quản lý khu kinh tế tỉnh
        Đồng Tháp', 'Trung tâm Phục vụ hành chính công tỉnh Hà Giang')."""
        k = j
        while k < len(self.toks) and k - j < 12:
            if self.locality_at(k) or (k > j and self.ctx.province and self.bare_level(k) > k):
                return k
            if self.toks[k].text in (",", "và") and self.is_low(k + 1):
                k += 1
                continue
            if not self.is_low(k) or self.key(k) in TAIL_STOPS:
                return None
            k += 1
        return None

    def phrase_tail(self, j: int) -> int:
        """'Ban Chỉ đạo [Trung ương | quốc gia | tỉnh X] về phát triển khoa học, công nghệ, …', 'Ban Chỉ đạo
        chuyển đổi số trong các cơ quan đảng': the lowercase phrase that says what is steered or
        managed, to a function word or a punctuation mark."""
        k = j
        loc = self.locality_at(k)
        if loc:
            k = loc[0]
        elif self.words_at(k, ("trung", "ương")) or self.words_at(k, ("quốc", "gia")):
            k += 2   # 'Ban Chỉ đạo Trung ương về …', 'Ban Chỉ đạo quốc gia về dữ liệu'
        if self.key(k) == "về":
            k += 1
        elif not (k == j and self.is_low(k) and self.key(k) not in PHRASE_STOPS):
            return k
        end = m = k
        managed = self.key(j - 1) == "lý"   # 'Ban Quản lý khu Kinh tế', 'Ban Quản lý các khu công nghiệp'
        first_noun = next((t.key for t in self.toks[k:k + 3] if t.key not in ("các", "những")), None)
        while m < len(self.toks) and not self.level_at(m) and not self.verb_at(m):
            t = self.toks[m]
            if managed and t.key == "và" and self.key(m + 1) != first_noun:
                break  # '… khu công nghiệp và các đơn vị': the name ended
            if (self.is_low(m) or managed and self.is_cap(m) and not self.starts_agency(m)) and t.key not in PHRASE_STOPS:
                m += 1
                if t.key not in ("và", "các"):
                    end = m
            elif t.text in (",", "-") and not managed and self.is_low(m + 1) and self.key(m + 1) not in PHRASE_STOPS:
                m += 1
            else:
                break
        if end > k and self.key(end - 1) == "số":
            end = self.number_end(end)   # 'Ban Chỉ đạo Nghị quyết số 57-NQ/TW': the number is the name's
        return end

    def number_end(self, j: int) -> int:
        """The end of a document's number at token j ('57-NQ/TW'), or j where none starts there."""
        if j >= len(self.toks):
            return j
        start = self.toks[j].start
        m = STATE_RE.match(self.text, start) or PARTY_RE.match(self.text, start)
        if m is None:
            return j
        while j < len(self.toks) and self.toks[j].end <= m.end():
            j += 1
        return j

    def expand(self, i: int, j: int) -> str:
        """The text of tokens i..j with the specific-name abbreviations spelled out."""
        comp = component_abbreviations()
        parts = []
        for k in range(i, j):
            t = self.toks[k]
            parts.append(comp.get(t.text, t.text))
            if k + 1 < j and self.toks[k + 1].start > t.end:
                parts.append(" ")
        return "".join(parts)

    # -- several bodies in one phrase
    def enumeration_at(self, i: int) -> None:
        """'các Bộ: Tài chính, Nội vụ', 'các Bộ, cơ quan: Quốc phòng, …, Văn phòng Chính phủ', 'UBND
        các tỉnh: Hà Giang, Lào Cai' — each item validated against the gazetteer or the places."""
        if self.key(i) != "các":
            head = self.head_at(i)   # 'Hội Chữ thập đỏ các tỉnh Gia Lai, Kon Tum', 'UBND các tỉnh: …'
            if head and head[2] == "place" and self.key(head[0]) == "các":
                self.enumerate_items(head[0] + 1, head, place_level=True)
            elif head and head[2] != "place" and self.key(head[0]) == ":":
                self.enumerate_items(head[0], head, place_level=False)   # 'Văn phòng: Tỉnh ủy, UBND tỉnh' (Nơi nhận)
            return
        head = self.head_at(i + 1) or self.listing_head_at(i + 1)
        if head is not None:
            self.enumerate_items(head[0], head, place_level=head[2] == "place")

    def listing_head_at(self, i: int) -> tuple[int, str, str] | None:
        """A head written lowercase before a colon list ('các sở: Giáo dục và Đào tạo, Tài chính'):
        the items that follow are capitalized names under it."""
        for keys, head, follow in _heads(self.plain).get(self.toks[i].name_key if i < len(self.toks) else "", ()):
            end = i + len(keys)
            if self.match_keys(i, keys) and self.key(end) == ":" and follow == "name":
                return end, head, follow
        return None

    def enumerate_items(self, j: int, head: tuple[int, str, str], place_level: bool) -> None:
        if place_level:
            lv = self.level_at(j)
            if lv is None:
                return
            j = lv[0]
            while j + 1 < len(self.toks) and self.toks[j].text == "," and self.level_at(j + 1):
                j = self.level_at(j + 1)[0]
        while j + 1 < len(self.toks) and self.toks[j].text == "," and self.is_low(j + 1):
            j += 2  # 'các Bộ, cơ quan:', 'các Sở, ban, ngành:'
            while self.is_low(j):
                j += 1
        if j < len(self.toks) and self.toks[j].text == ":":
            j += 1
        while j < len(self.toks) and self.is_cap(j):
            end = self.enumerated_item(j, head[1], place_level)
            if end is None:
                break
            if end < len(self.toks) and (self.toks[end].text in (",", ";") or self.key(end) == "và"):
                j = end + 1
            else:
                break

    def item_end(self, j: int) -> int:
        """Where a list item that starts at token j ends: its comma, semicolon, stop or bracket."""
        k = j
        while k < len(self.toks) and self.toks[k].text not in ITEM_ENDS and k - j < 12:
            k += 1
        return k

    def enumerated_item(self, j: int, head: str, place_level: bool) -> int | None:
        k = self.item_end(j)   # the item as the list delimits it: 'Nông nghiệp và Phát triển nông thôn'
        e = None
        if not place_level and k > j + 1:
            ends = [k]   # a name with commas in it ('Văn hóa, Thể thao và Du lịch'): the longest known
            while len(ends) < 3 and ends[-1] < len(self.toks) and self.toks[ends[-1]].text == ",":
                ends.append(self.item_end(ends[-1] + 1))
            for end in reversed(ends):
                e = known_agency(f"{head} {self.expand(j, end)}")
                if e is not None:
                    k = end
                    break
            if e is not None and e.kind != "province_department":
                self.add(j, k, e.name, e.kind, True)
                return k
            if e is not None and self.ctx.province is not None:
                self.add(j, k, f"{e.name} {self.ctx.province.full()}", "province_department", True)
                return k
        if place_level:
            place = self.place_at(j, None, ("province",))
            if not place or place[1] is None:
                return None
            self.add(j, place[0], f"{head} {place[1].full()}", KIND_OF_HEAD.get(head, "local"), True)
            return place[0]
        end = self.name_end(j)
        full = f"{head} {self.expand(j, end)}"
        e = known_agency(full)
        if e is not None and e.kind != "province_department":
            self.add(j, end, e.name, e.kind, True)
            return end
        if e is not None and self.ctx.province is not None:
            end = self.bare_level(end)   # 'Văn phòng: …, UBND tỉnh': the level word is the item's
            self.add(j, end, f"{e.name} {self.ctx.province.full()}", "province_department", True)
            return end
        whole = self.agency_at(j)  # an item named in full: '…, Văn phòng Chính phủ'
        if whole and whole[3]:
            if head in NESTING_HEADS:   # 'Các VP: Đoàn ĐBQH&HĐND, UBND TP': each body's office
                self.add(j, whole[0], f"{head} {whole[1]}", "body", True)
            return whole[0]
        return end if end > j else None

    def head_with_more_localities(self) -> None:
        """'HĐND tỉnh Bình Thuận, tỉnh Đắk Nông, tỉnh Lâm Đồng': the head goes with each locality."""
        chosen = choose(self.found)
        for i, j, f in chosen:
            head = self.head_at(i)
            if head is None or f.kind not in ("people_committee", "people_council", "local", "party"):
                continue
            k = j
            while k < len(self.toks) and (self.toks[k].text == "," or self.key(k) == "và"):
                loc = self.locality_at(k + 1)
                if not loc or any(a <= k + 1 < b for a, b, _ in chosen):
                    break
                self.add(k + 1, loc[0], f"{head[1]} {loc[1]}", f.kind, True)
                k = loc[0]

    def heads_sharing_a_locality(self) -> None:
        """'Tỉnh ủy, HĐND, UBND tỉnh Thanh Hóa': heads standing alone before ', HEAD …, HEAD tỉnh X'
        take the locality of the last one (or the document's own province)."""
        bare = [(i, head) for i in range(len(self.toks))
                if (head := self.head_at(i)) and head[2] in ("place", "party")
                and (self.toks[head[0]].text if head[0] < len(self.toks) else "") in (",", "và")
                and not any(a <= i < b for a, b, _ in self.found)]
        # a commune's joint office named in a province's text: no one body, nor its inner heads
        inside = [(i, h[0]) for i in range(len(self.toks)) if (h := self.head_at(i)) and h[1] in COMMUNE_ONLY_HEADS]
        bare = [(i, head) for i, head in bare if head[1] not in COMMUNE_ONLY_HEADS
                and not any(a < i < b for a, b in inside)]
        heads = [FoundAgency(h[1], "local", self.toks[i].start, self.toks[h[0] - 1].end, "") for i, h in bare]
        chain = sorted([f for _, _, f in choose(self.found)] + heads, key=lambda f: f.start)
        for i, head in bare:
            # the bodies and bare heads that follow, joined by ',' or 'và'
            end, last = self.toks[head[0] - 1].end, None
            for f in chain:
                if f.start < end:
                    continue
                if self.text[end:f.start].strip() not in (",", "và"):
                    break
                end = f.end
                last = f if f.text else last
            loc = re.search(r"\b(?:tỉnh|thành phố|huyện)\s.+$", last.name) if last else None
            where = loc.group(0) if loc else self.ctx.province.full() if self.ctx.province else None
            if where:
                place = re.sub(r"^(?:tỉnh|thành phố|huyện|quận|thị xã)\s+", "", where)
                name = party_body(head[1], place) if head[2] == "party" else local_name(head[1], where)
                self.add(i, head[0], name, "party" if head[2] == "party" else "local", True)

    # -- places as actors
    def places_as_actors(self) -> None:
        """A province or district named where the text makes it an actor: the whole of a cell of
        acting bodies or of a table's group row ('HUYỆN AN LÃO'), a list of localities ('nhiều địa
        phương như Hải Phòng, Bắc Ninh'), or an item of a list of bodies ('Sở Công Thương, huyện
        Tuy Phong cũ, …')."""
        # Only a cell of acting bodies, a list of localities or a level word ('huyện X' among
        # bodies) can make a place an actor: elsewhere there is nothing to look at.
        anywhere = self.actor_context or LOCALITY_CUE.search(self.text)
        i = 0
        while i < len(self.toks):
            if not (anywhere and self.is_cap(i)) and self.toks[i].name_key.split(" ")[0] not in _LEVEL_FIRST_WORDS:
                i += 1
                continue
            level, j = None, i
            lv = self.level_at(i)
            if lv:
                j, level = lv
            place = self.place_at(j, level, ("province", "district") if level else ("province",))
            if place and (place[1] is not None or level) and not self.claimed(i, place[0]) \
                    and (self.actor_context or self.locality_list(i) or self.listed_with_bodies(i, place[0])):
                where = place[1].full(level) if place[1] is not None else f"{level} {place[2]}"
                self.add(i, place[0], f"Ủy ban nhân dân {where}", "people_committee", True)
                i = place[0]
                continue
            i += 1

    def claimed(self, i: int, j: int) -> bool:
        """Part of a body already read ('Hội Chữ thập đỏ các tỉnh Gia Lai, Kon Tum': Gia Lai is
        the first item of that enumeration): a place as actor is the weakest reading."""
        a, b = self.toks[i].start, self.toks[j - 1].end
        return any(f.start < b and a < f.end for _, _, f in self.found if f.text)

    def locality_list(self, i: int) -> bool:
        """A list of localities that act ('nhiều địa phương như Hải Phòng, Bắc Ninh'), not one
        that says where ('thực hiện Dự án tại các tỉnh Gia Lai, Kon Tum', holdout h01)."""
        start = self.toks[i].start
        sentence_start = max(self.text.rfind(".", 0, start), self.text.rfind(";", 0, start), 0)
        cue = LOCALITY_CUE.search(self.text, sentence_start, start)
        return bool(cue) and not WHERE_BEFORE.search(self.text[max(sentence_start, cue.start() - 20):cue.start()])

    def listed_with_bodies(self, i: int, j: int) -> bool:
        """A place between commas in a list whose neighbours are bodies."""
        if not self.level_at(i):
            return False
        if self.key(j) in ("cũ", "mới"):
            j += 1   # 'huyện Tuy Phong cũ': the unit before the 2025 reorganization
        before = i > 0 and self.toks[i - 1].text == ","
        after = j < len(self.toks) and self.toks[j].text in (",", ";")
        bodies = {a.end for _, _, a in self.found if a.text}
        left = before and any(abs(self.toks[i - 1].start - e) <= 1 for e in bodies)
        right = after and self.starts_agency(j + 1)
        return bool(left and after or right and before)

    # -- all of it
    def run(self) -> list[tuple[int, int, FoundAgency]]:
        for i in range(len(self.toks)):
            self.enumeration_at(i)
            if (self.is_cap(i) or self.toks[i].text in _codes()) and self.key(i - 1) not in PLURAL_WORDS \
                    and self.key(i - 1) not in LAW_WORDS:
                hit = self.agency_at(i)
                if hit:
                    end, name, kind, known = hit
                    self.add(i, end, name, kind, known)
            for alias, agency in self.ctx.aliases.items():
                keys = _keys(alias, self.plain)
                if self.match_keys(i, keys):
                    self.add(i, i + len(keys), agency.name, agency.kind, agency.known)
        self.head_with_more_localities()
        self.heads_sharing_a_locality()
        self.places_as_actors()
        return self.found


def choose(found: list[tuple[int, int, FoundAgency]]) -> list[tuple[int, int, FoundAgency]]:
    """Longest non-overlapping readings (by characters); on a tie, a known name, then the first found."""
    chosen: list[tuple[int, int, FoundAgency]] = []
    for i, j, f in sorted(found, key=lambda x: (-(x[2].end - x[2].start), not x[2].known)):
        if any(f.start < c.end and c.start < f.end for _, _, c in chosen):
            continue
        chosen.append((i, j, f))
    return sorted(chosen, key=lambda x: x[2].start)


def _with_parents(found: list[FoundAgency], text: str) -> list[FoundAgency]:
    """'Cục Thuế (Bộ Tài chính)', 'Vụ Pháp chế, Bộ Tư pháp': the body a unit belongs to."""
    out = []
    for k, f in enumerate(found):
        parent = None
        if k + 1 < len(found) and found[k + 1].kind in ("ministry", "people_committee", "state", "gov_agency"):
            between = text[f.end:found[k + 1].start]
            if re.fullmatch(r"\s*[(,–-]\s*(?:thuộc\s+)?", between) and f.kind in ("department", "body", "local"):
                parent = found[k + 1].name
        out.append(FoundAgency(f.name, f.kind, f.start, f.end, f.text, f.known, parent))
    return out


def find_agencies(text: str, masked: list[tuple[int, int]] = (), agency_column: bool = False,
                  ocr: bool = False, ctx: AgencyContext | None = None) -> list[FoundAgency]:
    """Bodies named in a piece of text. masked: spans already claimed (document numbers).
    agency_column: the text is a cell of acting bodies or a table's group row, where a bare place
    is its People's Committee. Names whose marks were lost or slipped ('Bo Cong Thuong' from OCR,
    'Bộ Chính tri' typed) are read again without marks, as the gazetteer or the places list
    name them; the exact reading wins a tie."""
    ctx = ctx or AgencyContext()
    found = _Parser(text, ctx, False, agency_column).run()
    if not text.isascii() or ocr:
        found += [x for x in _Parser(text, ctx, True, agency_column).run() if x[2].known]
    chosen = [f for _, _, f in choose(found) if not any(f.start < b and a < f.end for a, b in masked)]
    return _with_parents(chosen, text)


# -- the document's context -----------------------------------------------------------------------
_DEFINED = re.compile(r"\(\s*(?:sau đây\s+)?(?:gọi tắt là|viết tắt là|gọi là)\s*:?\s*[\"“”']?"
                      r"(?P<abbr>[^()\"“”']{2,40}?)[\"“”']?\s*\)", re.IGNORECASE)


def defined_aliases(text: str, found: list[FoundAgency]) -> dict[str, FoundAgency]:
    """'Bộ Khoa học và Công nghệ (sau đây gọi là Bộ KH&CN)': the short form the document defines
    for the body just named."""
    out = {}
    for m in _DEFINED.finditer(text):
        abbr = m.group("abbr").strip()
        before = [f for f in found if f.end <= m.start() and m.start() - f.end <= 3]
        # the short form must read as a body's name ('Bộ KH&CN', 'VKHCN'), not a document's
        shaped = re.fullmatch(r"[A-ZĐ][A-ZĐ&\-]{1,12}", abbr) or find_agencies(abbr)
        if before and shaped:
            out[abbr] = before[-1]
    return out


def issuing_province(issuer: str | None) -> Place | None:
    """The province a local issuer belongs to ('Ủy ban nhân dân tỉnh Đồng Tháp', 'Sở Nội vụ tỉnh
    Lâm Đồng', 'Tỉnh ủy Thanh Hóa'); None for a central body."""
    if not issuer:
        return None
    m = re.search(r"(?:\btỉnh|\bthành phố|\btp\.?|tỉnh ủy|thành ủy)\s+(.+)$", issuer.strip(), re.IGNORECASE)
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        p = find_place(" ".join(words[:n]))
        if p is not None and p.tier == "province":
            return p
    return None


__all__ = ["AgencyContext", "FoundAgency", "defined_aliases", "find_agencies", "issuing_province"]
