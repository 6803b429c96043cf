"""Unicode boundary: NFC, one tone placement, tidy whitespace. Diacritics are never stripped."""
from __future__ import annotations

import re
import unicodedata

# Vietnamese has two conventions for where the tone mark sits on "oa", "oe", "uy"
# ("hoá"/"hóa", "Uỷ"/"Ủy"). Official names use the traditional one; we fold to it so that
# both spellings compare equal. Each replacement keeps the string length, so character
# offsets computed on the folded text stay valid on the original.
_TONE_PAIRS = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_PAIRS.update({k.capitalize(): v.capitalize() for k, v in list(_TONE_PAIRS.items())})
_TONE_PAIRS.update({k.upper(): v.upper() for k, v in list(_TONE_PAIRS.items()) if k.islower()})
# Only fold when the pair ends the syllable: "hoá" -> "hóa", but "khoảng" keeps its own
# mark ("oả" followed by "ng" is the standard spelling, not a variant).
# After "q" the "u" is part of the consonant ("quý", "Quỹ"): the tone already sits right.
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, _TONE_PAIRS)) + r")(?![a-zA-Zà-ỹÀ-Ỹđ])")

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\ufeff\u00ad]")


def nfc(text: str) -> str:
    """NFC with zero-width and soft-hyphen characters removed (they break matching)."""
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text or ""))


def fold_tone_placement(text: str) -> str:
    """'hoá' -> 'hóa', 'Uỷ' -> 'Ủy'. Same length as the input."""
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], text)


def normalize_dashes(text: str) -> str:
    """All dash-like characters to ASCII '-'. Same length as the input."""
    return _DASHES.sub("-", text)


# Cyrillic and Greek capitals drawn like Latin ones, as a number copied from a web page carries
# them ('143/2025/TT-BTС' with a Cyrillic С, pool z): a ký hiệu is Latin, so they are read as the
# Latin letter. Written out by hand: Unicode's confusables table maps far more than capitals that
# stand in codes, and no kept library offers just these.
_LATIN_LOOKALIKES = str.maketrans("АВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEKMHOPCTXIJSABEZHIKMNOPTYX")


def latin_lookalikes(text: str) -> str:
    """Cyrillic and Greek capitals that look Latin read as Latin. Same length as the input."""
    return text.translate(_LATIN_LOOKALIKES)


def clean_text(text: str) -> str:
    """Boundary normalization for extracted text: NFC, one space between words, trimmed."""
    return _SPACES.sub(" ", nfc(text)).strip()


def match_key(text: str) -> str:
    """A comparison key: NFC, folded tone placement, dashes unified, case-folded, single spaces."""
    s = fold_tone_placement(normalize_dashes(nfc(text))).lower()
    return re.sub(r"\s+", " ", s).strip(" .;,:")


def strip_diacritics_same_length(text: str) -> str:
    """'Đà Nẵng' → 'Da Nang', one character for one, so offsets stay valid. For matching OCR
    text that lost its marks; never for output."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def search_key(text: str) -> str:
    """What search compares: the match key without marks ('Bộ Nội vụ' → 'bo noi vu'), so a word
    typed with or without marks, in any case and either tone placement, finds the same texts."""
    return strip_diacritics_same_length(match_key(text))


# The same folding in SQL, for stores whose text columns hold names as written: every marked
# letter (both cases) to its plain lower-case letter and every dash to '-', as search_key does;
# SQL's lower() then folds ASCII only, which is all that is left (SQLite's lower() folds nothing
# else).
_LETTERS = "".join(sorted({c for c in (chr(i) for i in range(0xC0, 0x1EFA))
                           if unicodedata.category(c).startswith("L") and strip_diacritics_same_length(c) != c
                           and strip_diacritics_same_length(c).isascii()}))
_DASH_CHARS = "".join(c for c in map(chr, range(0x2000, 0x2300)) if _DASHES.fullmatch(c))   # _DASHES's
MARKED = _LETTERS + _DASH_CHARS
PLAIN = "".join(strip_diacritics_same_length(c).lower() for c in _LETTERS) + "-" * len(_DASH_CHARS)
