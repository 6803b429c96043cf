"""viparse's legacy-encoding tables measured on every letter against the standards, and the tables
vanthu uses (normalize/legacy_encodings.py) measured the same way:
`python -m bench.legacy_tables`.

References, independent of viparse:
- TCVN3 (TCVN 5712:1993, VN3): glibc's TCVN5712-1 decoder (`iconv`), on the VN3 code points:
  0xA1-0xAE (Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ) and the 60 toned lowercase vowels. VN1's capitals in
  the other code points are not VN3: a .VnTime font has no capitals with tones (its 'H' twin
  draws the lowercase codes as capitals).
- VNI (VNI-Windows, as the VNI fonts and keyboards write it): a vowel letter followed by a mark
  character — tone: ù acute, ø grave, û hook, õ tilde, ï dot; â circumflex and á à å ã ä with a
  tone; ê breve and é è ú ü ë with a tone — with the capitals' marks in capitals; ô ö are ơ ư; ñ
  is đ; the i's are single characters (í ì æ ó ò = í ì ỉ ĩ ị) and so is ỵ (î)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata

TONES = {"": "", "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
I_LETTERS = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni_reference() -> dict[str, str]:
    """Every Vietnamese letter with a mark → its VNI spelling (as Windows-1252 shows it)."""
    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    ref: dict[str, str] = {}
    for base in "aeouy":
        for tone, mark in TONES.items():
            ref[nfc(base + tone)] = "î" if (base, tone) == ("y", "\u0323") else base + mark
    for base in "aeo":
        for tone, mark in CIRCUMFLEX.items():
            ref[nfc(base + "\u0302" + tone)] = base + mark
    for tone, mark in BREVE.items():
        ref[nfc("a\u0306" + tone)] = "a" + mark
    for base, letter in (("o", "ô"), ("u", "ö")):
        for tone, mark in TONES.items():
            ref[nfc(base + "\u031b" + tone)] = letter + mark
    for tone, letter in I_LETTERS.items():
        ref[nfc("i" + tone)] = letter
    ref["đ"] = "ñ"
    ref.update({u.upper(): s.upper() for u, s in list(ref.items())})
    return {u: s for u, s in ref.items() if len(u) == 1 and not u.isascii()}


def tcvn3_reference() -> dict[str, str]:
    """Every VN3 code point (as Windows-1252 shows it) → its letter, by glibc's decoder."""
    if shutil.which("iconv") is None:
        raise RuntimeError("iconv (glibc) is needed for the TCVN3 reference")
    ref = {}
    for byte in range(0xA1, 0x100):
        out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([byte]),
                             capture_output=True, check=True).stdout.decode()
        letter = unicodedata.normalize("NFC", out)
        if len(letter) == 1 and letter.isalpha() and (letter.islower() or byte <= 0xA7):
            ref[bytes([byte]).decode("cp1252")] = letter
    return ref


def measure(convert_tcvn3, convert_vni) -> dict[str, list[tuple[str, str, str]]]:
    """(expected, legacy, got) for every letter a converter gets wrong, per encoding."""
    wrong_tcvn3 = [(u, s, convert_tcvn3(s)) for s, u in tcvn3_reference().items() if convert_tcvn3(s) != u]
    wrong_vni = [(u, s, convert_vni(s)) for u, s in vni_reference().items() if convert_vni(s) != u]
    return {"tcvn3": wrong_tcvn3, "vni": wrong_vni}


def main() -> int:
    from viparse.normalize.tables import convert
    from viparse.normalize.tcvn3 import TCVN3
    from viparse.normalize.vni import VNI

    from normalize.legacy_encodings import LegacyEncoding, decode
    sizes = {"tcvn3": len(tcvn3_reference()), "vni": len(vni_reference())}
    for name, (tcvn3, vni) in {
        "viparse 0.1.31": (lambda s: convert(s, TCVN3), lambda s: convert(s, VNI)),
        "vanthu (normalize/legacy_encodings.py)": (lambda s: decode(s, LegacyEncoding.TCVN3),
                                                   lambda s: decode(s, LegacyEncoding.VNI)),
    }.items():
        wrong = measure(tcvn3, vni)
        for enc, bad in wrong.items():
            print(f"{name:40s} {enc:6s} {sizes[enc] - len(bad):3d}/{sizes[enc]} letters right"
                  + (f"; wrong: {', '.join(f'{u} ({s!r} → {g!r})' for u, s, g in bad)}" if bad else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
