"""Places that local bodies take their names from: provinces before and after the 2025 merger,
districts before it and communes, from the vietnamadminunits package, with the province that took
each over in 2025; found by name (with or without marks) and level word. Kept in the user's cache
(normalize/cache.py) per version of the package and of this code."""
from __future__ import annotations

import json
import re
import sys
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from normalize import text as text_module
from normalize.cache import cached_build
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key

# Two-level local government from 1/7/2025: districts abolished, communes and wards given their own
# departments (Phòng Kinh tế, Phòng Văn hóa - Xã hội); before it a commune had none.
TWO_LEVEL_FROM = "2025-07-01"


@dataclass(frozen=True)
class Place:
    """A province, a district (huyện, quận, thị xã, thành phố thuộc tỉnh) or a commune (xã,
    phường, thị trấn, đặc khu)."""

    short: str            # 'Đồng Tháp', 'Hồ Chí Minh', 'Quy Nhơn', 'Lương Minh'
    level: str            # 'tỉnh' | 'thành phố' | 'huyện' | 'quận' | 'thị xã' | 'xã' | 'phường' | …
    tier: str             # 'province' | 'district' | 'commune'
    province: str | None  # the province of a district or a commune
    current: bool         # exists after the 2025 reorganization (provinces) — districts were abolished
    aliases: tuple[str, ...] = ()
    # The province after the 2025 reorganization that took this unit over ('tỉnh Tuyên Quang' for
    # tỉnh Hà Giang, the new province of a district's province for every district: districts
    # ended on 1 July 2025); None for a province that kept its name and its place.
    successor: str | None = None

    def full(self, level: str | None = None) -> str:
        """'tỉnh Đồng Tháp', 'thành phố Hồ Chí Minh' (the level as written when one is given)."""
        return f"{(level or self.level).lower()} {self.short}"


PROVINCE_LEVELS = ("tỉnh", "thành phố")
DISTRICT_LEVELS = ("huyện", "quận", "thị xã", "thành phố")
COMMUNE_LEVELS = ("xã", "phường", "thị trấn", "đặc khu")
# Every level word once, provinces first (a pattern's alternatives: 'thành phố' before 'thành').
ALL_LEVELS = tuple(dict.fromkeys((*PROVINCE_LEVELS, *DISTRICT_LEVELS, *COMMUNE_LEVELS)))

# Spellings documents use for places beside the official ones.
_PLACE_ALIASES = {"Hồ Chí Minh": ("HCM", "Sài Gòn"), "Bà Rịa - Vũng Tàu": ("Bà Rịa Vũng Tàu", "Bà Rịa-Vũng Tàu"),
                  "Đắk Lắk": ("Đắc Lắc", "Đắk Lắc"), "Đắk Nông": ("Đắc Nông",), "Thừa Thiên Huế": ("Thừa Thiên - Huế",)}
# A province's name before a change the package records under its later name:
# Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025 (Nghị quyết 1314/NQ-UBTVQH15).
_FORMER_PROVINCES = (("Thừa Thiên Huế", "tỉnh", "Huế"),)


# A city whose name is a person's keeps its level word in the names of its Party bodies:
# 'Thành ủy Thành phố Hồ Chí Minh' (never 'Thành ủy Hồ Chí Minh'), 'Quận ủy …' beside it as written.
NAMED_WITH_LEVEL = {"Hồ Chí Minh": "Thành phố Hồ Chí Minh"}


@lru_cache(maxsize=4)
def _package_data(name: str) -> dict:
    return json.loads(resources.files("vietnamadminunits").joinpath(f"data/{name}").read_text(encoding="utf-8"))


def _level_and_short(full: str) -> tuple[str, str]:
    m = re.match(r"^(Thành phố|Tỉnh|Huyện|Quận|Thị xã)\s+(.+)$", full)
    return (m.group(1).lower(), m.group(2)) if m else ("tỉnh", full)


def _full(package_name: str) -> str:
    """'Tỉnh Tuyên Quang' → 'tỉnh Tuyên Quang'."""
    level, short = _level_and_short(package_name)
    return f"{level} {short}"


@lru_cache(maxsize=1)
def _merged_into() -> dict[str, str]:
    """Each of the 63 provinces → the full name of the province it is part of from 1 July 2025
    (Nghị quyết 202/2025/QH15), from the package's converter tables."""
    legacy, current = _package_data("parser_legacy.json"), _package_data("parser_from_2025.json")
    out = {}
    for new_key, old_keys in _package_data("converter_2025.json")["DICT_PROVINCE"].items():
        for old_key in old_keys:
            out[legacy["DICT_PROVINCE"][old_key]["provinceShort"]] = _full(current["DICT_PROVINCE"][new_key]["province"])
    return out


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every province (63 before and 34 after the 2025 merger) and every district before it, each
    with the province that took it over in 2025."""
    return tuple(_place(i) for i in range(len(_place_tables()[0])))


def _build_places() -> tuple[Place, ...]:
    legacy, current = _package_data("parser_legacy.json"), _package_data("parser_from_2025.json")
    now = {v["provinceShort"] for v in current["DICT_PROVINCE"].values()}
    merged_into = _merged_into()
    out: dict[tuple[str, str], Place] = {}
    for table in (legacy["DICT_PROVINCE"], current["DICT_PROVINCE"]):
        for v in table.values():
            level, short = _level_and_short(v["province"])
            successor = merged_into.get(short)
            out[(short, "province")] = Place(short, level, "province", None, short in now,
                                             _PLACE_ALIASES.get(short, ()),
                                             successor if successor != f"{level} {short}" else None)
    for former, level, successor in _FORMER_PROVINCES:
        out[(former, "province")] = Place(former, level, "province", None, False, _PLACE_ALIASES.get(former, ()),
                                          merged_into.get(successor))
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        province = legacy["DICT_PROVINCE"][pkey]["provinceShort"]
        for d in districts.values():
            level = d["districtType"].lower()
            key = (f"{d['districtShort']}|{province}", "district")
            out[key] = Place(d["districtShort"], level, "district", province, False, (), merged_into.get(province))
    for place in _communes(legacy, current):
        out.setdefault((f"{place.level} {place.short}|{place.province}", "commune"), place)
    return tuple(out.values())


def _communes(legacy: dict, current: dict):
    """Every commune, ward, township and special zone: the 3,321 of the two-level government from
    1 July 2025 and the ~10,000 before it (a commune's document names its own People's Committee,
    Party committee and Front by them: 'Ủy ban nhân dân xã Lương Minh'). Only ever matched after
    their level word ('xã', 'phường'): bare, too many are also people's or districts' names."""
    for pkey, wards in current["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
        province = current["DICT_PROVINCE"][pkey]["provinceShort"]
        for w in wards.values():
            if isinstance(w.get("wardType"), str) and w.get("wardShort"):
                yield Place(w["wardShort"], w["wardType"].lower(), "commune", province, True)
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        province = legacy["DICT_PROVINCE"][pkey]["provinceShort"]
        for wards in districts.values():
            for w in wards.values():
                if isinstance(w.get("wardType"), str) and w.get("wardShort"):  # (a few rows lack them)
                    yield Place(w["wardShort"], w["wardType"].lower(), "commune", province, False, (),
                                _merged_into().get(province))


# The locality a local body's name ends with: 'Sở Tài chính tỉnh Quảng Bình', 'Tỉnh ủy Hà Giang'.
_NAME_LOCALITY = re.compile(r"(?:\b(?P<level>tỉnh|thành phố|huyện|quận|thị xã)|(?P<party>Tỉnh|Thành|Huyện|Quận|Thị) ủy)"
                            r"\s+(?P<short>[^,()]+?)\s*$")
_PARTY_LEVELS = {"Tỉnh": "tỉnh", "Thành": "thành phố", "Huyện": "huyện", "Quận": "quận", "Thị": "thị xã"}


def successor_of(name: str, province: Place | None = None) -> str | None:
    """The province after the 2025 reorganization that took over the unit a local body is named
    after: 'Ủy ban nhân dân tỉnh Hà Giang' → 'tỉnh Tuyên Quang', 'Ủy ban nhân dân huyện Cư Jút' →
    'tỉnh Lâm Đồng' (Đắk Nông's districts). None for a central body, a province that kept its name,
    or a district name several provinces had unless `province` (the document's) settles it."""
    m = _NAME_LOCALITY.search(name)
    if not m:
        return None
    level = m.group("level") or _PARTY_LEVELS[m.group("party")]
    found = [p for p in _places_named(match_key(m.group("short")), False) if p.level == level]
    provinces = [p for p in found if p.tier == "province"]
    if provinces:
        return provinces[0].successor
    if province is not None:
        own = [p for p in found if province.short in (p.province, p.successor and p.successor.split(" ", 1)[-1])]
        found = own or found
    successors = {p.successor for p in found}
    return successors.pop() if len(successors) == 1 else None


def places_named(name: str) -> list[Place]:
    """Every place (a province, a district, a commune) this name names."""
    return _places_named(match_key(name), False)


def _places_named(key: str, plain: bool) -> list[Place]:
    """The places whose name (or alias) has this key, with marks or (plain) without."""
    return [_place(i) for i in _place_tables()[2 if plain else 1].get(key, ())]


def _place(i: int) -> Place:
    """The place of row i, made once, when first asked for (most documents ask for a few dozen)."""
    rows, _, _, made = _place_tables()
    p = made.get(i)
    if p is None:
        p = made[i] = Place(*rows[i])
    return p


def _build_index(all_places: tuple[Place, ...], plain: bool) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, p in enumerate(all_places):
        for name in (p.short, *p.aliases):
            key = match_key(strip_diacritics_same_length(name) if plain else name)
            index.setdefault(key, []).append(i)
    return {key: tuple(rows) for key, rows in index.items()}


@lru_cache(maxsize=1)
def _place_tables() -> tuple[tuple[tuple, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], dict[int, Place]]:
    """The places as rows of their fields, their two indexes (row numbers by name key), and the
    places made from the rows so far. Rows and indexes are built once per version of their sources
    and kept in the user's cache (normalize/cache.py): building them parses the package's 4 MB of
    JSON twice over (~1.2 s, most of a small file's extraction). Plain rows and numbers unpickle in
    0.02 s where 12,604 Place objects took 0.05–0.1 s (2026-12-06)."""
    def build():
        built = _build_places()
        return tuple(astuple(p) for p in built), _build_index(built, False), _build_index(built, True)
    rows, marked, plain = cached_build("places", _place_cache_key(), build)
    return rows, marked, plain, {}


def _place_cache_key() -> bytes | None:
    from importlib import metadata
    try:
        version = metadata.version("vietnamadminunits")
        sources = b"".join(Path(m.__file__).read_bytes() for m in (sys.modules[__name__], text_module))
    except (metadata.PackageNotFoundError, OSError):
        return None
    return version.encode() + sources


def find_place(name: str, level: str | None = None, plain: bool = False) -> Place | None:
    """The place a name (and the level word written before it) names: 'Đồng Tháp' → tỉnh Đồng
    Tháp, ('huyện', 'An Lão') → huyện An Lão. A province is preferred when the level allows both.
    plain: the name lost its marks (OCR)."""
    key = match_key(strip_diacritics_same_length(name) if plain else name)
    found = _places_named(key, plain)
    level = level.lower().rstrip(".") if level else None
    if level in ("tp", "tp."):
        level = "thành phố"
    for tier in ("province", "district", "commune"):
        for p in found:
            if p.tier != tier or tier == "commune" and level != p.level:
                continue  # (a commune only after its own level word)
            if level is None or level == p.level:
                return p
    return None


@lru_cache(maxsize=1)
def _spellings_by_plain() -> dict[str, set[str]]:
    """Places by their name without marks: 'lang son' → {'Lạng Sơn'}, 'hue' → {'Huế'} (callers
    take a one-syllable place only where it stands alone)."""
    out: dict[str, set[str]] = {}
    for p in places():
        if p.short and p.tier != "commune":   # (ten thousand communes would make every name ambiguous)
            out.setdefault(match_key(strip_diacritics_same_length(p.short)), set()).add(p.short)
    return out


def place_spelling(tokens: list[str]) -> list[str] | None:
    """The syllables of the one place that these words spell without marks ('LANG', 'SON,' →
    ['LẠNG', 'SƠN,']), in the words' case and with their punctuation; None if no place or several."""
    cores = [re.match(r"^(\W*)([^\W\d_]+)(\W*)$", t) for t in tokens]
    if not all(cores) or not all(m.group(2)[0].isupper() for m in cores):
        return None  # a place name is capitalized; 'hòa bình' in a sentence is peace
    key = match_key(strip_diacritics_same_length(" ".join(m.group(2) for m in cores)))
    spelled = _spellings_by_plain().get(key)
    if not spelled or len(spelled) != 1:
        return None
    syllables = next(iter(spelled)).split()
    if len(syllables) != len(cores):
        return None
    out = []
    for m, syl in zip(cores, syllables):
        core = m.group(2)
        syl = syl.upper() if core.isupper() else syl if core[:1].isupper() else syl.lower()
        out.append(m.group(1) + syl + m.group(3))
    return out
