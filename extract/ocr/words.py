"""Tesseract's words as layout words (points, 72 per inch), and the OCR repairs applied to them:
digit look-alikes ('2O26') and vowel and tone marks, each returned so it can be recorded."""
from __future__ import annotations

from extract.layout import PageContent, Word
from models import OcrRepair
from normalize.ocr_repair import repair_number_token, strip_rule_residue
from normalize.places import place_spelling
from normalize.text import clean_text
from normalize.vowel_marks import mark_poor, repair_marks, split_glued, syllables_of


def word_from_box(text: str, conf: float, left: float, top: float, width: float, height: float,
                  dpi: float) -> Word:
    """A word from a box in pixels of an image at `dpi`."""
    scale = 72.0 / dpi
    x, y, w, h = left * scale, top * scale, width * scale, height * scale
    return Word(clean_text(text), x, x + w, y, y + h, size=h, conf=conf)


def words_from_data(data: dict, kept: list[tuple[int, str, float]], dpi: float) -> list[Word]:
    """The kept entries (index, text, conf) of a Tesseract word table."""
    return [word_from_box(text, conf, data["left"][i], data["top"][i], data["width"][i], data["height"][i], dpi)
            for i, text, conf in kept]


def add_cell_words(contents: list[PageContent], hits: list[tuple[int, Word]]) -> None:
    """Words read from table cells (page number, word) go onto their pages, repaired."""
    by_number = {c.number: c for c in contents}
    for number, word in hits:
        page = by_number[number]
        page.words.append(word)
        page.repairs += repair_words([word], number)


def _repair(word: Word, page: int, fixed: str, rule: str) -> OcrRepair:
    repair = OcrRepair(page=page, bbox=word.bbox, original=word.text, repaired=fixed, rule=rule)
    word.text = fixed
    return repair


def repair_words(words: list[Word], page: int) -> list[OcrRepair]:
    """Digits read as look-alike letters ('2O26') and underscores left by table lines ('VA_') are
    fixed in place; each fix is returned."""
    repairs = []
    for w in words:
        bare = strip_rule_residue(w.text)
        if bare != w.text:
            repairs.append(_repair(w, page, bare, "rule_residue"))
        fixed = repair_number_token(w.text)
        if fixed != w.text:
            repairs.append(_repair(w, page, fixed, "digit_lookalike"))
    return repairs


def split_glued_words(words: list[Word], page: int) -> list[OcrRepair]:
    """Syllables Tesseract ran together ('Tàichính', 'SởKhoahọc') split again; each fix is returned."""
    repairs = []
    for w in words:
        fixed = split_glued(w.text)
        if fixed:
            repairs.append(_repair(w, page, fixed, "word_split"))
    return repairs


def repair_place_names(words: list[Word], lines: list[tuple], page: int) -> list[OcrRepair]:
    """Place names whose marks a scan lost or changed ('LANG SON', 'LAO CẢI', 'DIỄN BIẾN'), put right
    where the words of one line spell, without marks, exactly one province or district of two or
    more syllables, or of one where it is the line's only word (normalize/agencies.py). Proper names are not in the word list the mark repair
    uses; the places list is theirs."""
    repairs = []
    by_line: dict[tuple, list[Word]] = {}
    for word, line in zip(words, lines):
        by_line.setdefault(line, []).append(word)
    for members in by_line.values():
        i = 0
        # A one-syllable place ('HUẾ') only where it is the whole line (a cell, a heading): inside
        # a sentence such a syllable is most often an ordinary word.
        sizes = (1,) if len(members) == 1 else (4, 3, 2)
        while i < len(members):
            for n in sizes:
                group = members[i:i + n]
                spelled = place_spelling([w.text for w in group]) if len(group) == n else None
                if spelled:
                    for w, syllable in zip(group, spelled):
                        if w.text != syllable:
                            repairs.append(_repair(w, page, syllable, "place_name"))
                    i += n - 1
                    break
            i += 1
    return repairs


def repair_paragraph_marks(words: list[Word], lines: list[tuple], page: int) -> list[OcrRepair]:
    """Vowel and tone marks put back paragraph by paragraph (normalize/vowel_marks.py): a
    word's neighbours run on across the line breaks of a wrapped table cell. `lines` holds
    each word's (block, paragraph, line) numbers from Tesseract; each fix is returned."""
    repairs = []
    by_paragraph: dict[tuple, list[tuple[Word, tuple]]] = {}
    by_line: dict[tuple, list[str]] = {}
    for word, line in zip(words, lines):
        by_paragraph.setdefault(line[:2], []).append((word, line))
        by_line.setdefault(line, []).append(word.text)
    # Marks are lost line by line (a title the English model read) or over a paragraph (a
    # narrow cell wrapping after three words): either counts.
    line_lost = {line: mark_poor(syllables_of(texts)) for line, texts in by_line.items()}
    for members in by_paragraph.values():
        paragraph = [w for w, _ in members]
        lost = mark_poor(syllables_of([w.text for w in paragraph]))
        fixed = repair_marks([w.text for w in paragraph], [lost or line_lost[line] for _, line in members])
        for w, text in zip(paragraph, fixed):
            if text != w.text:
                repairs.append(_repair(w, page, text, "vowel_mark"))
    return repairs
