"""Agency names by gazetteer: a spaCy blank Vietnamese pipeline with a PhraseMatcher over every
canonical name and alias (case-insensitive, both tone placements), longest match wins.

A bare province name ('Điện Biên') names its People's Committee only where the text makes it
an actor: in a table column of acting bodies ('Đơn vị', 'Bộ, ngành, địa phương') or in a list
of localities ('nhiều địa phương như Hải Phòng, Bắc Ninh, …')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from normalize.agencies import agency_entries, provinces
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import fold_tone_placement, normalize_dashes


@dataclass(frozen=True)
class FoundAgency:
    name: str
    kind: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    # The Vietnamese tokenizer without pyvi splits on spaces only, leaving "KH&CN," glued to
    # its comma; the rule-based tokenizer splits punctuation the same way for patterns and text.
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES + [r"/"]).search,
        suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES + [r"/"]).search,
        infix_finditer=compile_infix_regex(TOKENIZER_INFIXES + [r"(?<=[\w])[/&](?=[\w])"]).finditer,
    )
    return nlp


def _prep(text: str) -> str:
    # Length-preserving folds so match offsets map straight back onto the source text.
    return fold_tone_placement(normalize_dashes(text))


@lru_cache(maxsize=1)
def _matchers():
    nlp = _nlp()
    agencies = PhraseMatcher(nlp.vocab, attr="LOWER")
    labels: dict[str, tuple[str, str]] = {}
    for i, e in enumerate(agency_entries()):
        key = f"A{i}"
        labels[key] = (e.name, e.kind)
        agencies.add(key, [nlp.make_doc(_prep(a)) for a in {e.name, *e.aliases}])
    places = PhraseMatcher(nlp.vocab, attr="LOWER")
    for i, p in enumerate(provinces()):
        key = f"P{i}"
        labels[key] = (p.committee, "province_committee")
        # "TP. X" and "tỉnh X" are places; bare "X" too. Case matters for bare names (a
        # province name is capitalized), so these match on the exact text.
        places.add(key, [nlp.make_doc(_prep(a)) for a in p.place_aliases])
    # The same names without diacritics, for OCR text that lost its marks ("Da Nang").
    plain = PhraseMatcher(nlp.vocab, attr="LOWER")
    plain_places = PhraseMatcher(nlp.vocab, attr="LOWER")
    for i, e in enumerate(agency_entries()):
        plain.add(f"A{i}", [nlp.make_doc(strip_diacritics_same_length(_prep(a))) for a in {e.name, *e.aliases}])
    for i, p in enumerate(provinces()):
        plain_places.add(f"P{i}", [nlp.make_doc(strip_diacritics_same_length(_prep(a))) for a in p.place_aliases])
    return agencies, places, labels, plain, plain_places


_LOCALITY_CUE = re.compile(r"địa phương|tỉnh, thành phố|các tỉnh|các thành phố|các tỉnh, thành", re.IGNORECASE)


def find_agencies(text: str, masked: list[tuple[int, int]] = (), agency_column: bool = False,
                  ocr: bool = False) -> list[FoundAgency]:
    """ocr: also match names whose diacritics OCR lost (exact matches still win)."""
    nlp = _nlp()
    agencies, places, labels, plain, plain_places = _matchers()
    doc = nlp.make_doc(_prep(text))
    spans = []
    for match_id, s, e in agencies(doc):
        spans.append((doc[s:e], nlp.vocab.strings[match_id], "agency"))
    place_hits = [(doc, m) for m in places(doc)]
    if ocr:
        bare = nlp.make_doc(strip_diacritics_same_length(_prep(text)))
        for match_id, s, e in plain(bare):
            spans.append((bare[s:e], nlp.vocab.strings[match_id], "agency"))
        place_hits += [(bare, m) for m in plain_places(bare)]
    for d, (match_id, s, e) in place_hits:
        span = d[s:e]
        if not span.text[:1].isupper() and not span.text.lower().startswith(("tỉnh", "tp", "thành phố")):
            continue
        spans.append((span, nlp.vocab.strings[match_id], "place"))
    # Longest non-overlapping spans; agencies beat places of the same length.
    spans.sort(key=lambda x: (-(x[0].end_char - x[0].start_char), x[2] != "agency", x[0].start_char))
    chosen: list = []
    for span, label, kind in spans:
        a, b = span.start_char, span.end_char
        if any(a < e and s < b for s, e in masked):
            continue
        if any(a < c[0].end_char and c[0].start_char < b for c in chosen):
            continue
        chosen.append((span, label, kind))
    out: list[FoundAgency] = []
    for span, label, kind in sorted(chosen, key=lambda x: x[0].start_char):
        a, b = span.start_char, span.end_char
        if kind == "place":
            whole_cell = agency_column and _strip_place(text) == _strip_place(text[a:b])
            sentence_start = max(text.rfind(".", 0, a), text.rfind(";", 0, a), 0)
            listed = bool(_LOCALITY_CUE.search(text, sentence_start, a))
            if not (whole_cell or listed or agency_column):
                continue
        name, agency_kind = labels[label]
        out.append(FoundAgency(name, agency_kind, a, b, text[a:b]))
    return out


def _strip_place(s: str) -> str:
    return re.sub(r"^(tỉnh|thành phố|tp\.?)\s+", "", s.strip(" .;,").lower())

