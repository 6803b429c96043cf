"""Public bodies: the gazetteer of named bodies (corpus/gazetteer/agencies.json) and the
abbreviations official texts use for heads and for the specific part of a name ('UBND', 'KH&CN');
the places local bodies are named after are normalize/places.py's.

A renamed body keeps each of its names: a 2019 document names the Bộ Kế hoạch và Đầu tư of 2019,
and the output keeps the name the document uses."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from corpus import load_json
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.places import ALL_LEVELS, NAMED_WITH_LEVEL
from normalize.text import fold_tone_placement, match_key


@dataclass(frozen=True)
class AgencyEntry:
    name: str
    kind: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    valid_from: str | None = None
    valid_to: str | None = None
    parent: str | None = None


def party_body(head: str, place: str) -> str:
    """'Tỉnh ủy' + 'Lâm Đồng' → 'Tỉnh ủy Lâm Đồng'; 'Thành ủy' + 'Hồ Chí Minh' → 'Thành ủy Thành phố
    Hồ Chí Minh'."""
    return f"{head} {NAMED_WITH_LEVEL.get(place, place)}"


# The country's name shortened at the end of a body's name in lists of recipients ('Hội Nông dân VN',
# 'Tổng liên đoàn Lao động VN', a 2007 circular's, pool zze); 'Cộng sản HCM' likewise. Only at a known
# name's end: a shortening 'VN' read anywhere in a name broke 'HĐQL-BHXH VN' (pool zr).
_SHORT_ENDINGS = ((" Việt Nam", " VN"), (" Hồ Chí Minh", " HCM"))


def _entry(a: dict) -> AgencyEntry:
    aliases = tuple(a.get("aliases", ()))
    aliases += tuple(f"{a['name'][:-len(full)]}{short}" for full, short in _SHORT_ENDINGS if a["name"].endswith(full))
    return AgencyEntry(a["name"], a["kind"], aliases, a.get("from"), a.get("to"), a.get("parent"))


@lru_cache(maxsize=1)
def agency_entries() -> tuple[AgencyEntry, ...]:
    """The named central bodies (their names of every period), then the units of the ministries."""
    named = tuple(_entry(a) for a in load_json("agencies.json")["agencies"])
    return named + ministry_units(frozenset(match_key(e.name) for e in named))


# A unit whose name says nothing beyond its kind ('Văn phòng Bộ', 'Thanh tra') is every ministry's.
_GENERIC_UNIT = re.compile(r"^(?:Văn phòng|Thanh tra)(?: [Bb]ộ)?$")


def ministry_units(already: frozenset[str] = frozenset()) -> tuple[AgencyEntry, ...]:
    """The Vụ, Cục, Tổng cục … of each ministry and ministerial-level agency, by the decrees on
    their organization before and after the 2025 reorganization (corpus/gazetteer/
    ministry_units.json, each with its source). A name several ministries use ('Vụ Pháp chế',
    'Cục Công nghệ thông tin') has no parent; a name alone that is every ministry's is left out."""
    units = [u for u in _units_with_parents() if match_key(u.name) not in already]
    parents: dict[str, set[str | None]] = {}
    for u in units:
        parents.setdefault(u.name, set()).add(u.parent)
    return tuple(u if len(parents[u.name]) == 1 else replace(u, parent=None) for u in units)


@lru_cache(maxsize=256)
def issuer_family(issuer: str) -> frozenset[str]:
    """The ministry an issuer is or belongs to, and its Tổng cục, by the gazetteer's parents: 'Tổng cục
    Hải quan' gives itself and Bộ Tài chính; an issuer the gazetteer does not know gives none."""
    e = known_agency(issuer) if issuer else None
    if e is None:
        return frozenset()
    family = {e.name, *([e.parent] if e.parent else [])}
    return frozenset(family | {u.name for u in ministry_units() if u.parent in family and u.name.startswith("Tổng cục ")})


@lru_cache(maxsize=256)
def units_of(parents: frozenset[str]) -> tuple[AgencyEntry, ...]:
    """The ministries' units whose parent is one of `parents`."""
    return tuple(u for u in _units_with_parents() if u.parent in parents)


@lru_cache(maxsize=1)
def _units_with_parents() -> tuple[AgencyEntry, ...]:
    """Every unit with its parent, also a name several ministries use (ministry_units() drops the
    parent of such a name; read by initials, the issuer's own is meant)."""
    return tuple(AgencyEntry(u["name"], "department", tuple(u.get("aliases", ())), u.get("from"), u.get("to"), u["parent"])
                 for u in load_json("ministry_units.json")["units"] if not _GENERIC_UNIT.match(u["name"]))


@lru_cache(maxsize=1)
def province_departments() -> tuple[AgencyEntry, ...]:
    """Departments every province has ('Sở Tài chính'), named with their province when used."""
    return tuple(AgencyEntry(d["name"], "province_department", tuple(d.get("aliases", ())), d.get("from"), d.get("to"))
                 for d in load_json("agencies.json")["province_departments"])


@lru_cache(maxsize=1)
def _council_committees() -> dict[str, AgencyEntry]:
    index: dict[str, AgencyEntry] = {}
    for c in load_json("agencies.json")["council_committees"]:
        e = AgencyEntry(c["name"], "people_council", tuple(c.get("aliases", ())))
        for alias in (e.name, *e.aliases):
            index[_committee_key(alias)] = e
    return index


@lru_cache(maxsize=1)
def _department_parts() -> dict[str, str]:
    return {_committee_key(d.name.removeprefix("Sở ")): d.name.removeprefix("Sở ")
            for d in province_departments() if d.name.startswith("Sở ")}


def department_part(text: str) -> str | None:
    """'lao động thương binh và xã hội' → 'Lao động - Thương binh và Xã hội': the specific part of a
    department's name (a province's Sở, a district's Phòng) as the list spells it, from the words
    in any case, tone placement or dash."""
    return _department_parts().get(_committee_key(text))


def _committee_key(name: str) -> str:
    """A committee's name without its case, tone placement and dash ('Ban Kinh tế Ngân sách - HĐND tỉnh'
    in a province's recipient list of 2025, pool zz, is Ban Kinh tế - Ngân sách)."""
    return re.sub(r"\s*[-–]\s*", " ", match_key(tidy_name(name)))


def council_committee(text: str) -> AgencyEntry | None:
    """'Ban Văn hoá - Xã hội' → the People's Council committee of that name (any tone placement,
    any spacing of its dash, or none); None for any other Ban."""
    return _council_committees().get(_committee_key(text))


@lru_cache(maxsize=1)
def _owned_units() -> dict[str, str]:
    return {match_key(k): v for k, v in load_json("agencies.json")["owned_units"].items()}


def owned_unit_spelling(name: str) -> str:
    """The gazetteer's spelling of a unit every committee has ('BAN THƯỜNG VỤ' → 'Ban Thường vụ')."""
    spelled = {match_key(k): k for k in load_json("agencies.json")["owned_units"]}
    return spelled.get(match_key(tidy_name(name)), name)


@lru_cache(maxsize=1)
def party_organ_codes() -> dict[str, str]:
    """'BTV' → 'Ban Thường vụ': a Party committee's organ written by its initials before the committee."""
    return dict(load_json("agencies.json")["party_organ_codes"])


def party_units() -> tuple[str, ...]:
    """The organs every Party committee has ('Ban Thường vụ', 'Ủy ban Kiểm tra', …), as written."""
    return tuple(k for k, v in load_json("agencies.json")["owned_units"].items() if v == "party")


def owned_unit(name: str) -> str | None:
    """Whose a unit named alone is ('party', 'issuer', 'none'), for units every committee of a kind
    has ('Ban Thường vụ', 'Ban Thường trực'); None for any other name."""
    return _owned_units().get(match_key(tidy_name(name)))


@lru_cache(maxsize=1)
def component_abbreviations() -> dict[str, str]:
    """'KH&CN' → 'Khoa học và Công nghệ': the specific part of a name, shortened the same way under any head."""
    return dict(load_json("agencies.json")["component_abbreviations"])


@lru_cache(maxsize=1)
def head_abbreviations() -> dict[str, str]:
    """'UBND' → 'Ủy ban nhân dân'."""
    return dict(load_json("agencies.json")["head_abbreviations"])


@lru_cache(maxsize=1)
def _name_index() -> dict[str, AgencyEntry]:
    index: dict[str, AgencyEntry] = {}
    for e in (*agency_entries(), *province_departments()):
        for alias in (e.name, *e.aliases):
            index.setdefault(match_key(alias), e)
    return index


def known_agency(text: str) -> AgencyEntry | None:
    """The gazetteer entry a name or alias stands for ('Bộ KH&CN', 'Uỷ ban Thường vụ Quốc hội')."""
    return _name_index().get(match_key(text))


def loose_key(name: str, marks: bool = True) -> str:
    """A name without its case, commas and dashes, and without the marks of the words before its
    locality: two spellings of one body share it ('Xúc tiến đầu tư, thương mại và du lịch' and
    'Xúc tiến đầu tư Thương mại và Du lịch'). A locality keeps its marks: places differ by them
    alone ('phường Thuận Hóa', 'phường Thuận Hòa'; a review counted 84 such pairs of communes in one
    province). Without any marks (`marks=False`) only to look a name up in the gazetteer ('Văn hóa
    thê thao' typed for 'Văn hóa, Thể thao'). For comparing only, never for output."""
    key = match_key(name)
    # the words before a name's locality compared without marks ('chuyển đối số' typed for 'chuyển
    # đổi số', pool zj), the locality with them
    locality = [m.start() for m in _LEVEL_IN_NAME.finditer(key)] if marks else []
    cut = locality[-1] if locality else (len(key) if not marks else 0)
    key = strip_diacritics_same_length(key[:cut]) + key[cut:]
    return " ".join(re.sub(r"[,;:.()–—-]", " ", key).split())


_LEVEL_IN_NAME = re.compile(r"\b(?:" + "|".join(ALL_LEVELS) + r")\s")


@lru_cache(maxsize=1)
def _loose_index() -> dict[str, AgencyEntry | None]:
    index: dict[str, AgencyEntry | None] = {}
    for e in (*agency_entries(), *province_departments()):
        for alias in (e.name, *e.aliases):
            key = loose_key(alias, marks=False)
            index[key] = e if index.get(key, e) is e else None   # a key two bodies share names neither
    return index


def known_agency_loosely(text: str) -> AgencyEntry | None:
    """The gazetteer entry a name stands for whose marks or commas slipped ('Bộ Văn hóa thê thao
    và Du lịch', pool g); None where the loose spelling is not one body's."""
    return _loose_index().get(loose_key(text, marks=False))


def expand_abbreviations(text: str) -> str:
    """'Sở KH&CN' → 'Sở Khoa học và Công nghệ', 'UBND tỉnh' → 'Ủy ban nhân dân tỉnh', and
    abbreviations written together ('Ủy ban TWMTTQ Việt Nam': TW + MTTQ)."""
    table = {**head_abbreviations(), **component_abbreviations()}
    pattern = re.compile(r"(?<![\wĐđ&-])(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True))
                         + r")(?![\wĐđ&-])")
    text = pattern.sub(lambda m: table[m.group(1)], text)
    text = spell_regions(text)
    return _CAPITALS_RUN.sub(lambda m: spell_glued(m.group(0)) or m.group(0), text)


# A region's number written short, together or apart ('Chi cục HQCK cảng Sài Gòn KV1', pool zd).
_REGION_NUMBER = re.compile(r"(?<![\wĐđ&-])KV\s?(\d{1,2}|[IVX]{1,5})(?![\wĐđ&-])")


def spell_regions(text: str) -> str:
    """'KV1', 'KV 1' → 'khu vực 1'."""
    return _REGION_NUMBER.sub(r"khu vực \1", text)


def spelled_out(token: str) -> str | None:
    """What one shortened word of a name stands for ('KCN' → 'khu công nghiệp', 'BQL' → 'Ban Quản
    lý', 'TWMTTQ' → 'Trung ương Mặt trận Tổ quốc'); None for a word that is no shortening."""
    return component_abbreviations().get(token) or head_abbreviations().get(token) or spell_glued(token) or None


_CAPITALS_RUN = re.compile(r"(?<![\wĐđ&-])[A-ZĐ]{4,}(?![\wĐđ&-])")


@lru_cache(maxsize=1)
def _glued_parts() -> dict[str, str]:
    """What a run of capitals may be written from: the component shortenings, and the parts that
    count only inside such a run ('TW': alone it ends symbols, '57-NQ/TW')."""
    glued = {k: v for k, v in load_json("agencies.json")["glued_abbreviations"].items() if not k.startswith("_")}
    return {**glued, **component_abbreviations()}


@lru_cache(maxsize=4096)
def spell_glued(run: str) -> str:
    """'TWMTTQ' → 'Trung ương Mặt trận Tổ quốc'; '' where the word is no run of known parts. Asked
    for every unknown token of a name, so it answers a word that is no run of capitals at once."""
    if not _CAPITALS_RUN.fullmatch(run):
        return ""
    parts = _glued_parts()
    return " ".join(parts[p] for p in glued_abbreviations(run, parts))


def glued_abbreviations(run: str, table: dict[str, str]) -> list[str]:
    """The known abbreviations a run of capitals is written from, whole ('TWMTTQ' → TW, MTTQ), or
    [] where it is no such run (a run of two parts at least, each known: one general rule rather
    than an alias per spelling)."""
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(end):
            if best[start] is not None and run[start:end] in table:
                best[end] = [*best[start], run[start:end]]
                break
    found = best[len(run)]
    return found if found and len(found) > 1 else []


# Words an initials reading skips: links, and the marks between abbreviations ('KTVB&QLXLVPHC').
_INITIALS_SKIP = frozenset({"và", "&", "-", ","})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _initials(words: list[str]) -> str:
    """'Kiểm tra văn bản và Quản lý …' → 'ktvbql…'; an abbreviation gives its own letters ('KTVB')."""
    out = []
    for w in words:
        if w.lower() in _INITIALS_SKIP:
            continue
        out.append(w.lower() if _is_abbreviation(w) else w[0].lower())
    return "".join(out)


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[str, AgencyEntry]]]:
    index: dict[str, list[tuple[str, AgencyEntry]]] = {}
    for e in (*agency_entries(), *province_departments()):
        for name in (e.name, *e.aliases):
            words = _WORD.findall(name)
            if len(words) >= 3 and not any(_is_abbreviation(w) for w in words):
                index.setdefault(words[0].lower(), []).append((name, e))
    return index


def by_initials(written: str) -> AgencyEntry | None:
    """'Cục KTVB và QLXLVPHC', 'Ban Chỉ đạo CCTPTƯ': a name whose specific part is written in
    initials, the one known body whose words give the same letters, its head and every word
    written out standing where the known name has them (one rule for every head, with the
    gazetteer, instead of an alias per spelling; pool p: four spellings of one Cục in four
    documents). None where no abbreviation is written, or no body or two fit."""
    words = [w for w in re.findall(r"[^\W_]+|&", written.replace("&", " & ")) if w]
    if not words or not any(_is_abbreviation(w) for w in words[1:]):
        return None
    letters = _initials(words)
    spelled = [w.lower() for w in words if not _is_abbreviation(w) and w.lower() not in _INITIALS_SKIP]
    fits = {}
    for name, entry in _by_first_word().get(words[0].lower(), ()):
        known = _WORD.findall(name)
        if _initials(known) != letters:
            continue
        rest = [w.lower() for w in known]
        if all(w in rest for w in spelled):
            fits[entry.name] = entry
    return next(iter(fits.values())) if len(fits) == 1 else None


def canonical_agency(text: str) -> str | None:
    """'Bộ KH&CN' → 'Bộ Khoa học và Công nghệ', 'Uỷ ban nhân dân tỉnh Điện Biên' → 'Ủy ban nhân dân
    tỉnh Điện Biên'. None when the text is not a known body (see ner/agencies.py for bodies
    recognized by the structure of their name)."""
    e = known_agency(text) or known_agency(expand_abbreviations(text))
    return e.name if e else None


def tidy_name(text: str) -> str:
    """One spelling for a name as written: one space, one tone placement, ', ' and ' - ' between
    parts. Diacritics and case are kept."""
    s = fold_tone_placement(re.sub(r"\s+", " ", text)).strip(" ,;:.")
    s = re.sub(r"\s*,\s*", ", ", s)
    s = re.sub(r"\s*[-–]\s*", " - ", s)
    # 'Ban Chỉ đạo Phòng chống tham nhũng': the official names write the pair of verbs with a comma
    # ('phòng, chống'), as one letter of 2012 did and the next did not (pool z)
    s = re.sub(r"\b([Pp]hòng) (chống)\b", r"\1, \2", s)
    # 'Phòng Lao động Thương binh và Xã hội', 'PHÒNG LAO ĐỘNG TB&XH' (a district's office, 2010, pool zzd):
    # the ministry's name, which its offices' names repeat, has a dash there
    s = re.sub(r"\b(lao động) (thương binh)\b", r"\1 - \2", s, flags=re.IGNORECASE)
    return re.sub(r"\b(\d+) - (?=[^\W\d_]+/)", r"\1-", s)   # a document's number: '57-NQ/TW


@lru_cache(maxsize=1)
def _suggestion_index() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(canonical name, its words and aliases folded to plain lower case, the folded name)."""
    out = []
    for e in (*agency_entries(), *province_departments()):
        plain = strip_diacritics_same_length(match_key(e.name))
        words = tuple(plain.split()) + tuple(strip_diacritics_same_length(match_key(a)) for a in e.aliases)
        out.append((e.name, words, plain))
    return tuple(out)


def suggest_agencies(query: str, limit: int = 10) -> list[str]:
    """Canonical names for what an analyst is typing, with or without marks, in any case: every
    word typed begins a word of the name ('bo noi' → Bộ Nội vụ), or the query is an alias
    ('BTC' → Bộ Tài chính). Names that begin with the query come first, then shorter names."""
    q = strip_diacritics_same_length(match_key(query or ""))
    if not q:
        return []
    typed = q.split()
    hits = []
    for name, words, plain in _suggestion_index():
        if q in words[len(plain.split()):] or all(any(w.startswith(t) for w in words) for t in typed):
            hits.append((not plain.startswith(q), len(name), name))
    return [name for *_, name in sorted(set(hits))[:limit]]


def _initial(word: str) -> str:
    return strip_diacritics_same_length(word[:1]).upper().replace("Đ", "D")


def initials_match(written: list[str], name: str) -> bool:
    """Whether the words of a name as written ('Tài nguyên và MT', 'Lao động, TB& XH', 'Văn hoá Thể
    thao và DL') are the name's words, each either itself or, in capitals, the initials of as many
    words ('MT' = Môi trường); punctuation aside, '&' for 'và'. A tracking table of 2012 wrote
    a province's departments so (pool y); the tables of written-out shortenings do not hold them all."""
    words = re.findall(r"[^\W\d_]+", name)
    tokens = [("và" if t == "&" else t) for t in written if t == "&" or re.search(r"[^\W\d_]", t)]
    i = 0
    for t in tokens:
        if i < len(words) and match_key(t) == match_key(words[i]):
            i += 1
            continue
        if len(t) >= 2 and t.isupper() and "".join(_initial(w) for w in words[i:i + len(t)]) == \
                strip_diacritics_same_length(t).replace("Đ", "D"):
            i += len(t)
            continue
        return False
    return i == len(words) and any(len(t) >= 2 and t.isupper() for t in tokens)
