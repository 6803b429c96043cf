"""Legacy Vietnamese 8-bit encodings → Unicode NFC: TCVN3 (ABC, TCVN 5712:1993 VN3; fonts
.VnTime, .VnArial, … and their all-capitals 'H' twins .VnTimeH, .VnArialH) and VNI (VNI-Windows;
fonts VNI-Times, VNI-Helve, …). The one place these tables and rules live.

A legacy document stores its letters as bytes that a Vietnamese font draws as Vietnamese; read
through the Windows code page they surface as Latin-1 characters ('Bé Khoa häc vµ C«ng nghÖ' is
'Bộ Khoa học và Công nghệ'). A run is legacy when its font says so (`font_encoding`) or, in a
Unicode font, when its characters read as far more Vietnamese syllables decoded than as they are
(`content_encoding`).

Tables: viparse's (PyPI, MIT), measured character by character against the standards by
`python -m bench.legacy_tables` (and tests/test_legacy_encodings.py):
- TCVN3: all 74 letters of VN3 (60 toned lowercase vowels, ă â ê ô ơ ư đ and Ă Â Ê Ô Ơ Ư Đ)
  agree with glibc's TCVN5712-1 decoder; used as is. viparse leaves the capitals of the 'H'
  fonts lowercase; here a run in an H font is upper-cased after decoding.
- VNI: 130 of 134 letters agree with the VNI-Windows chart; ẳ Ẳ (a + ú, A + Ú) are missing and
  ỵ Ỵ are wrong (VNI has them as the single characters î Î; viparse reads y + ï), so those four
  are added here by hand from the chart. viparse's six extra pairs (i + ø/ù, y + ï) are no VNI
  spelling and never occur in VNI text; they are left in (they change nothing real)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from models.warnings import LegacyConversion, Warning, WarningCode
from normalize.text import fold_tone_placement


class LegacyEncoding(StrEnum):
    TCVN3 = "tcvn3"
    VNI = "vni"


# The VNI letters viparse 0.1.31 lacks or gets wrong, from the VNI-Windows chart (see above).
VNI_CORRECTIONS: dict[str, str] = {"aú": "ẳ", "AÚ": "Ẳ", "î": "ỵ", "Î": "Ỵ"}
_VNI_WRONG = {"yï", "YÏ"}  # viparse's spellings of ỵ Ỵ: no VNI text has them


@lru_cache(maxsize=2)
def charmap(encoding: LegacyEncoding):
    """viparse's table of the encoding, with the VNI corrections. Imported on first use: most
    documents have no legacy text, and viparse's import cost 30 ms of every `vanthu extract`."""
    from viparse.normalize.tables import build_charmap
    from viparse.normalize.tcvn3 import TCVN3
    from viparse.normalize.vni import VNI
    if encoding is LegacyEncoding.TCVN3:
        return TCVN3
    return build_charmap("vni", [*((s, u) for s, u in VNI.pairs if s not in VNI_CORRECTIONS and s not in _VNI_WRONG),
                                 *VNI_CORRECTIONS.items()])

# Font families of each encoding. TCVN3 fonts are '.Vn…' ('.VnTime', '.VnArial NarrowH'); a PDF
# may drop the dot or prefix a subset tag ('ABCDEF+VnTime'). VNI fonts are 'VNI-…'.
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_TCVN3_FONT = re.compile(r"^\.?vn[a-z]", re.IGNORECASE)
_VNI_FONT = re.compile(r"^vni[-_ ]", re.IGNORECASE)
# The all-capitals twin of a TCVN3 font ends in H ('.VnTimeH', '.VnArialH', '.VnBlackH'),
# possibly before a style suffix a PDF adds ('.VnTimeH,Bold', 'VnTimeH-Bold').
_CAPITALS_FONT = re.compile(r"H(?:[,-](?:Bold|Italic|BoldItalic|Regular))?$")


@dataclass(frozen=True)
class FontEncoding:
    encoding: LegacyEncoding
    capitals: bool = False   # a TCVN3 'H' font: every letter is drawn as a capital


def font_encoding(font: str | None) -> FontEncoding | None:
    """The legacy encoding a font name implies, or None for a Unicode (or unknown) font."""
    if not font:
        return None
    name = _SUBSET_TAG.sub("", font.strip())
    if _VNI_FONT.match(name):
        return FontEncoding(LegacyEncoding.VNI)
    if _TCVN3_FONT.match(name):
        return FontEncoding(LegacyEncoding.TCVN3, bool(_CAPITALS_FONT.search(name)))
    return None


# Word stores the text of a font it takes for a symbol font as U+F000 + byte.
_SYMBOL_AREA = re.compile("[\uf020-\uf0ff]")


# A PDF's text layer may name TCVN3's 'ư' (the soft-hyphen code 0xAD) U+2212 and 'ã' (0xB7)
# U+2219, after the glyph names of the real .Vn fonts (viparse counted 129 in real PDFs).
# Neither is a Windows code page character, so in a run whose font is TCVN3 each is a letter.
_PDF_GLYPH_NAMES = str.maketrans({"\u2212": "\u00ad", "\u2219": "\u00b7"})


def decode(text: str, encoding: LegacyEncoding, capitals: bool = False, legacy_font: bool = True) -> str:
    """Legacy text → Unicode NFC. Characters outside the table pass through unchanged. Outside
    a legacy font (`legacy_font` False) U+2212 is a letter only next to one (viparse's rule)."""
    text = _SYMBOL_AREA.sub(lambda m: chr(ord(m.group()) - 0xF000), text)
    if legacy_font and encoding is LegacyEncoding.TCVN3:
        text = text.translate(_PDF_GLYPH_NAMES)
    from viparse.normalize.tables import convert
    out = convert(text, charmap(encoding), "NFC")
    return out.upper() if capitals else out


# Characters only Unicode Vietnamese text has: legacy text read through the Windows code page is
# Latin-1 (ă đ ĩ ũ ơ ư and the U+1EA0 block are beyond it). One of them marks a run as Unicode.
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_VIETNAMESE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđăâêôơư"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_WORD = re.compile(r"[^\W\d_]+")
# Decoding must turn at least this many more words into Vietnamese syllables, and most of the
# words, before text in a Unicode font is taken for legacy text on its own evidence.
MIN_SYLLABLE_GAIN = 2
MIN_SYLLABLE_SHARE = 0.5


# What legacy text read as Unicode shows and Vietnamese Unicode text does not: Windows code page
# characters above ASCII that are no Vietnamese letter ('µ', '¸', '®', 'Ö'), TCVN3's PDF glyph
# names, Word's symbol-font area.
_LEGACY_CANDIDATE = re.compile("[" + "".join(
    re.escape(chr(c)) for c in range(0x80, 0x100) if chr(c).lower() not in _VIETNAMESE_LETTERS and c != 0xA0)
    + "\u2212\u2219\uf020-\uf0ff]")


def is_unicode_vietnamese(text: str) -> bool:
    return bool(_UNICODE_VIETNAMESE.search(text))


def has_legacy_candidates(text: str) -> bool:
    """Whether a text holds any character legacy text read as Unicode would show."""
    return bool(_LEGACY_CANDIDATE.search(text))


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    # Viet74K's syllables (the lexicon OCR mark repair reads), tone placement folded.
    from normalize.vowel_marks import lexicon
    _, spellings = lexicon()
    return frozenset().union(*spellings.values()) if spellings else frozenset()


def syllable_count(text: str) -> tuple[int, int]:
    """(words that are Vietnamese syllables, words) in a text."""
    words = _WORD.findall(fold_tone_placement(unicodedata.normalize("NFC", text)).lower())
    known = _syllables()
    return sum(w in known for w in words), len(words)


@dataclass(frozen=True)
class ContentVerdict:
    encoding: LegacyEncoding | None
    gain: int = 0          # words that became Vietnamese syllables by decoding


def content_encoding(text: str) -> ContentVerdict:
    """The legacy encoding a text in a Unicode font is written in, judged by its characters: none
    when it holds any Unicode-only Vietnamese letter or no foreign letter; otherwise the encoding
    whose decoding makes the most more words Vietnamese syllables (gain 0 when none does)."""
    if is_unicode_vietnamese(text) or not has_legacy_candidates(text):
        return ContentVerdict(None)
    before, words = syllable_count(text)
    best = ContentVerdict(None)
    for encoding in LegacyEncoding:
        decoded = decode(text, encoding, legacy_font=False)
        after, _ = syllable_count(decoded)
        fewer_foreign = len(undecoded(decoded)) < len(undecoded(text))
        if fewer_foreign and after - before > best.gain and after >= MIN_SYLLABLE_SHARE * words:
            best = ContentVerdict(encoding, after - before)
    return best


def undecoded(text: str) -> str:
    """The characters of an output text that Vietnamese, ASCII and punctuation do not explain:
    what a legacy run left undecoded shows (Latin-1 letters and signs such as 'µ', '¸', '«',
    letters of other alphabets, Word's symbol-font area). Empty when all is well."""
    return "".join(ch for ch in text if ord(ch) >= 128 and ch.lower() not in _VIETNAMESE_LETTERS and (
        ord(ch) <= 0xFF and ch != "\u00a0" or ch.isalpha() or _SYMBOL_AREA.match(ch)))


# The reverse direction, for building legacy test documents and archives (tests/, bench/):
# each letter's standard spelling only (viparse's extra VNI pairs are no spelling of anything).
_VNI_NONSTANDARD = frozenset({"iø", "iù", "IØ", "IÙ", *_VNI_WRONG})
# Letters a legacy encoding writes as the Windows character of the same look (VNI's ì í).
_SAME_LOOK = {LegacyEncoding.TCVN3: frozenset(), LegacyEncoding.VNI: frozenset("ìíÌÍ")}


@lru_cache(maxsize=2)
def _spellings(encoding: LegacyEncoding) -> dict[str, str]:
    return {u: s for s, u in charmap(encoding).pairs if s not in _VNI_NONSTANDARD}


def encodable(ch: str, encoding: LegacyEncoding) -> bool:
    """Whether one character can be written in the encoding's plain (not 'H') fonts."""
    if ch in _spellings(encoding) or ch in _SAME_LOOK[encoding]:
        return True
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return ch.lower() not in _VIETNAMESE_LETTERS or ch.isascii()


def encode(text: str, encoding: LegacyEncoding) -> str:
    """Unicode → legacy text as a Windows code page shows it (the inverse of `decode`). Raises
    ValueError for a character the encoding's plain fonts cannot write (a capital toned vowel
    in TCVN3 needs an 'H' font: encode its lowercase and set the run in one)."""
    table = _spellings(encoding)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if not encodable(ch, encoding):
            raise ValueError(f"{ch!r} cannot be written in {encoding.value}")
        out.append(table.get(ch, ch))
    return "".join(out)


@dataclass
class Conversion:
    """What one document had converted in one encoding."""

    segments: int = 0
    characters: int = 0
    fonts: set[str] = field(default_factory=set)
    by_content: int = 0      # segments taken for legacy by their characters, not their font


class LegacyDecoder:
    """One document's text, segment by segment (a segment: consecutive runs in one font, so a
    VNI base letter and its mark in two runs stay together). A segment in a legacy font is
    decoded; one in a Unicode font is decoded when its own characters say it is legacy
    (`content_encoding`), or when all the text of its font in the document says so and it has
    nothing only Unicode has (a lone 'Bé' in a table cell). `conversions` says what was done."""

    def __init__(self, font_texts: dict[str | None, str] | None = None, legacy_fonts: bool = True):
        # False when the document names no legacy font: then text without a legacy candidate
        # character cannot change, and readers may skip splitting it by font.
        self.legacy_fonts = legacy_fonts
        self.font_prior: dict[str | None, LegacyEncoding] = {}
        for font, text in (font_texts or {}).items():
            if font_encoding(font) is None:
                verdict = content_encoding(text)
                if verdict.encoding is not None and verdict.gain >= MIN_SYLLABLE_GAIN:
                    self.font_prior[font] = verdict.encoding
        self.conversions: dict[LegacyEncoding, Conversion] = {}

    def may_change(self, text: str) -> bool:
        """Whether any segment of this text could be decoded (cheap: one regex)."""
        return self.legacy_fonts or bool(self.font_prior) and not text.isascii() or has_legacy_candidates(text)

    def segment(self, text: str, font: str | None) -> str:
        """A segment's text in Unicode (NFC); unchanged when it is not legacy."""
        known = font_encoding(font)
        if not text or known is None and text.isascii():
            return text
        by_content = False
        if known is not None:
            encoding, capitals = known.encoding, known.capitals
        else:
            verdict = content_encoding(text)
            prior = self.font_prior.get(font)
            if verdict.encoding is not None and verdict.gain >= MIN_SYLLABLE_GAIN:
                encoding = verdict.encoding
            elif prior is not None and not is_unicode_vietnamese(text) and \
                    decode(text, prior, legacy_font=False) != text:
                encoding = prior
            else:
                return text
            capitals, by_content = False, True
        out = decode(text, encoding, capitals, legacy_font=not by_content)
        if out != unicodedata.normalize("NFC", text):
            c = self.conversions.setdefault(encoding, Conversion())
            c.segments += 1
            c.characters += len(text)
            c.by_content += by_content
            if font:
                c.fonts.add(font)
        return out


def conversion_warnings(decoder: LegacyDecoder) -> list[Warning]:
    """One `legacy_encoding_converted` warning per encoding the document had converted."""
    out = []
    for encoding, c in sorted(decoder.conversions.items()):
        details = LegacyConversion(encoding=encoding.value, segments=c.segments, characters=c.characters,
                                   fonts=sorted(c.fonts), by_content=c.by_content)
        how = f", {c.by_content} by their characters in a Unicode font" if c.by_content else ""
        out.append(Warning(code=WarningCode.LEGACY_ENCODING_CONVERTED, details=details.model_dump(),
                           message=f"{c.segments} runs ({c.characters} characters) converted from "
                                   f"{encoding.value.upper()} to Unicode{how}"))
    return out
