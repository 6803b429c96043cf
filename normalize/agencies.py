"""Agency names: the alias table (abbreviations, short forms, both tone placements) and the
canonical full names. Central bodies come from corpus/gazetteer/agencies.json; the 34
provinces after the 2025 reorganization come from the vietnam-provinces package, and their
People's Committees, councils, Party committees and departments are generated from them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import vietnam_provinces

from corpus import load_json
from normalize.text import match_key


@dataclass(frozen=True)
class AgencyEntry:
    name: str
    kind: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    province: str | None = None  # short province name for provincial bodies


@dataclass(frozen=True)
class ProvinceInfo:
    short: str           # "Điện Biên", "Hồ Chí Minh"
    is_city: bool        # centrally-run city (thành phố trực thuộc trung ương)
    committee: str       # "Ủy ban nhân dân tỉnh Điện Biên"
    place_aliases: tuple[str, ...]


# Extra spellings for city names that documents abbreviate.
_CITY_EXTRA = {"Hồ Chí Minh": ("TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "Tp.HCM", "Sài Gòn"),
               "Huế": ("Thừa Thiên Huế", "Thừa Thiên - Huế")}


@lru_cache(maxsize=1)
def provinces() -> tuple[ProvinceInfo, ...]:
    out = []
    for p in vietnam_provinces.Province.iter_all():
        is_city = p.division_type.value.startswith("thành phố")
        short = re.sub(r"^(Thành phố|Tỉnh)\s+", "", p.name)
        level = "thành phố" if is_city else "tỉnh"
        places = [short, f"{level} {short}"]
        if is_city:
            places += [f"TP. {short}", f"TP {short}", f"Tp. {short}", f"Thành phố {short}"]
        places += list(_CITY_EXTRA.get(short, ()))
        out.append(ProvinceInfo(short, is_city, f"Ủy ban nhân dân {level} {short}", tuple(places)))
    return tuple(out)


def _province_entries(p: ProvinceInfo) -> list[AgencyEntry]:
    level = "thành phố" if p.is_city else "tỉnh"
    every = list(p.place_aliases)
    entries = [
        AgencyEntry(p.committee, "province_committee",
                    tuple(f"{head} {place}" for head in ("Ủy ban nhân dân", "UBND") for place in every),
                    p.short),
        AgencyEntry(f"Hội đồng nhân dân {level} {p.short}", "province_council",
                    tuple(f"{head} {place}" for head in ("Hội đồng nhân dân", "HĐND") for place in every),
                    p.short),
        AgencyEntry(f"{'Thành ủy' if p.is_city else 'Tỉnh ủy'} {p.short}", "province_party",
                    (f"Tỉnh ủy {p.short}", f"Thành ủy {p.short}"), p.short),
    ]
    for dept in load_json("agencies.json")["province_departments"]:
        heads = [dept["name"], *dept["aliases"]]
        entries.append(AgencyEntry(
            f"{dept['name']} {level} {p.short}", "province_department",
            tuple(f"{h} {place}" for h in heads for place in every),
            p.short))
    return entries


@lru_cache(maxsize=1)
def agency_entries() -> tuple[AgencyEntry, ...]:
    data = load_json("agencies.json")
    out = [AgencyEntry(a["name"], a["kind"], tuple(a["aliases"])) for a in data["agencies"]]
    for p in provinces():
        out.extend(_province_entries(p))
    return tuple(out)


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, AgencyEntry]:
    index: dict[str, AgencyEntry] = {}
    for e in agency_entries():
        for alias in (e.name, *e.aliases):
            index.setdefault(match_key(alias), e)
    return index


@lru_cache(maxsize=1)
def _place_index() -> dict[str, ProvinceInfo]:
    return {match_key(a): p for p in provinces() for a in p.place_aliases}


def canonical_agency(text: str) -> str | None:
    """'Bộ KH&CN' -> 'Bộ Khoa học và Công nghệ', 'UBND tỉnh Điện Biên' -> 'Ủy ban nhân dân tỉnh
    Điện Biên', 'Uỷ ban …' == 'Ủy ban …'. None when the text is not a known body."""
    e = _alias_index().get(match_key(text))
    return e.name if e else None


def agency_kind(name: str) -> str | None:
    e = _alias_index().get(match_key(name))
    return e.kind if e else None


def province_committee(place: str) -> str | None:
    """A province or city named as an actor ('Điện Biên', 'TP. Hồ Chí Minh') stands for its
    People's Committee."""
    p = _place_index().get(match_key(place))
    return p.committee if p else None
