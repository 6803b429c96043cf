"""The issuer's own bodies, from its name in the header: what the text names relative to the
issuer resolves to them (Decree 30/2020/NĐ-CP: a document names the bodies of its own level by
their kind alone).

- its locality at the lowest level: 'UBND xã', 'Đảng ủy xã', 'HĐND phường' in a commune's plan
  are that commune's ('Ủy ban nhân dân xã Lương Minh');
- its province, also for a commune or district issuer ('Tỉnh ủy' in a commune's plan);
- its ministry, for a ministry or one of its units: 'Văn phòng Bộ', 'Thanh tra Bộ';
- its local Party committee, for a committee or one of its organs: 'Ban Thường vụ', 'Ủy ban
  Kiểm tra' alone."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ner.agencies import AgencyContext, FoundAgency, issuing_province, province_first
from normalize.agencies import known_agency
from normalize.ocr_repair import strip_diacritics_same_length as strip_marks
from normalize.places import COMMUNE_LEVELS, DISTRICT_LEVELS, PROVINCE_LEVELS, Place, find_place, places_named

# The locality a local body's name ends with: '… xã Lương Minh', '… tỉnh Hà Tĩnh'.
_LEVELS = sorted({*COMMUNE_LEVELS, *DISTRICT_LEVELS, *PROVINCE_LEVELS}, key=len, reverse=True)
# (A place's name starts with a capital or a number: 'xã' in 'Bảo hiểm xã hội thành phố Hà Nội' is
# no commune, pool w.)
LOCALITY_SUFFIX = re.compile(rf"\b(?P<level>{'|'.join(_LEVELS)})\s+(?P<name>[A-ZĐÀ-Ỹ0-9][^,()]*?)\s*$")
# A local Party committee, or an organ named by one: 'Đảng ủy xã Phố Bảng', 'Ban Tuyên giáo Tỉnh ủy X'.
_PARTY_COMMITTEE = re.compile(r"(?:(?:Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)|Đảng (?:ủy|uỷ))\s+\S.*$")


def issuer_locality(issuer: str | None) -> Place | None:
    """The place a local issuer is named after, at its own level (a commune, a district, a province)."""
    m = LOCALITY_SUFFIX.search(issuer or "")
    if not m:
        return None
    place = find_place(m.group("name"), m.group("level")) or find_place(m.group("name"), m.group("level"), plain=True)
    if place is not None:   # (without marks too: a scan reads 'LƯƠNG MINH' as 'LƯỢNG MINH')
        return place
    tier = "commune" if m.group("level") in COMMUNE_LEVELS else "district"
    return Place(m.group("name"), m.group("level"), tier, None, True)


def issuer_ministry(issuer: str | None) -> str | None:
    e = known_agency(issuer) if issuer else None
    if e is None:
        return None
    if e.kind == "ministry":
        return e.name
    return e.parent if e.parent and (known_agency(e.parent) or e).kind == "ministry" else None


def issuer_party(issuer: str | None) -> str | None:
    """The local Party committee the issuer is or belongs to ('Đảng ủy xã Phố Bảng'); central
    organs ('Ban Tổ chức Trung ương') name none."""
    m = _PARTY_COMMITTEE.search(issuer or "")
    return m.group(0) if m else None


def issuer_context(issuer: str | None, aliases: dict[str, FoundAgency] | None = None) -> AgencyContext:
    locality = issuer_locality(issuer)
    m = LOCALITY_SUFFIX.search(issuer or "")
    if m and locality is not None and locality.short != m.group("name") and locality.tier != "district":
        issuer = issuer[:m.start("name")] + locality.short   # the place as the list spells it
    province = issuing_province(issuer)
    if province is None and locality is not None and locality.province:
        province = find_place(locality.province, None)   # a commune's or a district's province
        if province is not None and province.tier != "province":
            province = None
    return AgencyContext(province=province, aliases=aliases or {}, locality=locality,
                         ministry=issuer_ministry(issuer), party=issuer_party(issuer), issuer=issuer,
                         department=issuer if province is not None and issuer.startswith("Sở ") else None)


def place_in_named_province(locality: Place, texts: Iterable[str]) -> Place | None:
    """The issuer's district or commune, where several provinces have one of its name and level
    and the text names exactly one of them ('UBND huyện Châu Thành' … 'UBND Tỉnh Long An': the
    places list gives the first of ten, Tây Ninh's); None otherwise."""
    same = [p for p in places_named(locality.short) if p.level == locality.level and p.province]
    if len({p.province for p in same}) < 2:
        return None
    texts = list(texts)
    named = [p for p in same if any(re.search(rf"\b(?:tỉnh|thành phố)\s+{re.escape(p.province)}\b", t, re.IGNORECASE)
                                    for t in texts)]
    return named[0] if len({p.province for p in named}) == 1 else None


# 'tỉnh Bình Phước', 'thành phố Hồ Chí Minh', in a dataset's lowercase too ('trên địa bàn tỉnh đồng
# nai', 'thành phố hồ chí minh', pool zf): the places list says which words are a province.
_PROVINCE_NAMED = re.compile(r"\b(tỉnh|thành phố) ((?:(?!tỉnh\b|thành phố\b)[^\W\d_]+\s?){1,3})", re.IGNORECASE)


def province_named_most(texts: Iterable[str]) -> Place | None:
    """The province a text names most ('trên địa bàn tỉnh Bình Phước'), where it names it twice as
    often as any other (a decision of a province's committee names its own province, once or more)."""
    named: Counter[Place] = Counter()
    for text in texts:
        for m in _PROVINCE_NAMED.finditer(text):
            place = province_first(m.group(2).split(), m.group(1).lower())
            if place is not None:
                named[place] += 1
    ranked = named.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0]


def spelled_as_in_text(issuer: str | None, texts: Iterable[str] | str) -> str | None:
    """The issuer with its locality spelled as the document's own text spells it most often: a
    scan's header reads 'XÃ LƯƠNG MINH' as 'XÃ LƯỢNG MINH' (another commune, in another province),
    while the body names 'xã Lương Minh' a dozen times. Spellings are compared without marks."""
    m = LOCALITY_SUFFIX.search(issuer or "")
    if not m:
        return issuer
    text = texts if isinstance(texts, str) else "\n".join(texts)   # (joined only for a local issuer)
    level, name = m.group("level"), m.group("name")
    plain = strip_marks(name.lower())
    counts: dict[str, int] = {}
    for found in re.finditer(rf"\b{re.escape(level)}\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?){{1,4}})", text, re.IGNORECASE):
        words = found.group(1).split()[:len(name.split())]
        candidate = " ".join(words)
        if candidate.isupper():
            candidate = candidate.title()   # a heading's capitals spell no name ('TỈNH THỪA THIÊN HUẾ')
        if strip_marks(candidate.lower()) == plain and find_place(candidate, level) is not None:
            counts[candidate] = counts.get(candidate, 0) + 1
    best = max(counts, key=counts.get, default=name)
    return issuer if best == name or counts.get(best, 0) <= counts.get(name, 0) else issuer[:m.start("name")] + best


__all__ = ["spelled_as_in_text", "issuer_context", "issuer_locality", "issuer_ministry", "issuer_party"]
