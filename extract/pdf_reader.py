"""PDF → Document. pdfplumber (pdfminer) opens the file for the checks before parsing (encryption,
damage, the text budget); pages with a usable text layer are then read with PDFium
(`extract.pdf_text_layer`: 0.05 s for 000.pdf's 38 pages against pdfplumber's 1.84 s, the same
blocks and tables on all 226 PDFs of the corpus); pages without one (scans, or text layers of
unmapped glyphs) go through the OCR path. Both feed one layout builder, so tables continue across
text and scanned pages alike."""
from __future__ import annotations

import io
import re
import unicodedata

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from extract.errors import CorruptFileError, EncryptedFileError, TooMuchTextError
from extract.layout import DetectedTable, LayoutBuilder, PageContent, Word
from extract.media import PDF
from extract.pdf_text_layer import page_chars, page_edges, ruled_tables
from extract.pdfium_lock import pdfium_calls
from models import Document, ExtractOptions, Warning
from normalize.legacy_encodings import LegacyDecoder, conversion_warnings, font_encoding, has_legacy_candidates

MIN_TEXT_CHARS = 25          # below this a page is treated as image-only

# The string operands of a content stream: literal strings (with escapes) and hex strings. Inline
# images (BI … ID … EI) are cut out first: their bytes are no text.
_INLINE_IMAGE = re.compile(rb"\bBI\b.*?\bEI\b", re.S)
_LITERAL = re.compile(rb"\((?:\\.|[^\\)])*\)", re.S)
_HEX = re.compile(rb"<[0-9A-Fa-f\s]*>")


def _open(data: bytes):
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        n_pages = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedFileError(f"PDF is password-protected: {type(exc).__name__}") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise CorruptFileError(f"PDF structure is damaged or truncated: {exc or type(exc).__name__}") from exc
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        inner = exc.args[0] if exc.args else None
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or \
                "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise EncryptedFileError(f"PDF is password-protected: {exc}") from exc
        raise CorruptFileError(f"PDF cannot be parsed: {exc}") from exc
    if n_pages == 0:
        raise CorruptFileError("PDF has no pages")
    return pdf


def _open_pdfium(data: bytes):
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedFileError(f"PDF is password-protected: {exc}") from exc
        raise CorruptFileError(f"PDF cannot be parsed: {exc}") from exc


FontPieces = list[tuple[str | None, str]]   # a word's text by the font of its characters


def _font_pieces(word: dict) -> FontPieces:
    pieces: FontPieces = []
    for ch in word.get("chars", ()):
        font = ch.get("fontname")
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + ch["text"])
        else:
            pieces.append((font, ch["text"]))
    if "".join(t for _, t in pieces) != word["text"]:  # ligatures expanded: one font for all
        return [(pieces[0][0] if pieces else None, word["text"])]
    return pieces


def _text_page(number: int, page, fonts: list[FontPieces] | None = None) -> PageContent:
    """One page's words and ruled tables, read by PDFium (`extract.pdf_text_layer`)."""
    width, height = page.get_size()
    content = PageContent(number=number, width=float(width), height=float(height), source="pdf-text")
    textpage = page.get_textpage()
    try:
        chars, unmapped = page_chars(textpage, height)
    finally:
        textpage.close()
    words = pdfplumber.utils.extract_words(chars, keep_blank_chars=False, use_text_flow=False,
                                           extra_attrs=["size"], return_chars=True)
    text_chars = sum(len(w["text"]) for w in words)
    for w in words:  # PDFium spells 'ý' as 'y' + U+0301 where a font's ToUnicode map does
        w["text"] = unicodedata.normalize("NFC", w["text"])
    if text_chars < MIN_TEXT_CHARS or unmapped > 0.2 * max(1, len(words)):
        content.needs_ocr = True
        return content
    content.words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"]) for w in words]
    if fonts is not None:
        fonts.extend(_font_pieces(w) for w in words)
    content.tables = [DetectedTable(bbox, cells)
                      for bbox, cells in ruled_tables(page_edges(page, height), width, height)]
    return content


def _stream_text_bytes(stream) -> int:
    """Bytes of text a content stream shows (an upper bound of its characters)."""
    try:
        raw = _INLINE_IMAGE.sub(b"", stream.get_data())
    except Exception:  # a stream that will not decode shows no text (pdfplumber says the rest)
        return 0
    return sum(len(m) - 2 for m in _LITERAL.findall(raw)) + sum(len(m) // 2 for m in _HEX.findall(raw))


def check_text_budget(pdf, max_chars: int) -> None:
    """Refuse a PDF whose pages show more text than VANTHU_MAX_TEXT_CHARS before pdfplumber lays
    out a single character: its layout cost grows with every character, and a 17 KB file whose
    100 pages share one compressed stream holds 21 M of them (measured before this check: 900 s
    and 1.9 GB in the watcher; now refused in under a second). Each distinct stream is decoded
    once, and counted for every page that draws it."""
    from pdfminer.pdftypes import resolve1
    per_stream: dict[int, int] = {}
    total = 0
    for number, page in enumerate(pdf.pages, 1):
        contents = resolve1(page.page_obj.attrs.get("Contents"))
        for ref in contents if isinstance(contents, list) else [page.page_obj.attrs.get("Contents")]:
            key = getattr(ref, "objid", None) or id(ref)
            if key not in per_stream:
                per_stream[key] = _stream_text_bytes(resolve1(ref)) if ref is not None else 0
            total += per_stream[key]
        if total > max_chars:
            raise TooMuchTextError(f"the first {number} pages show over {max_chars:,} characters of text "
                                   "(VANTHU_MAX_TEXT_CHARS); refused before layout")


def read(data: bytes, media_type: str = PDF, options: ExtractOptions | None = None) -> Document:
    """Pages without a usable text layer go to the OCR path as `options.ocr` says."""
    options = options or ExtractOptions()
    pdf = _open(data)
    try:
        check_text_budget(pdf, options.max_text_chars)
    except BaseException:
        pdf.close()
        raise
    pdf.close()   # pdfplumber opened it for the checks above; PDFium reads it
    contents: list[PageContent] = []
    fonts: dict[int, list[FontPieces]] = {}
    with pdfium_calls():
        document = _open_pdfium(data)
        with document:
            for index in range(len(document)):
                page = None
                try:
                    page = document[index]
                    contents.append(_text_page(index + 1, page, fonts.setdefault(index + 1, [])))
                except Exception as exc:  # one bad page must not lose the others
                    contents.append(PageContent(number=index + 1, width=0, height=0, source="pdf-text",
                                                needs_ocr=True, warnings=[Warning(
                                                    code="page_unreadable", page=index + 1,
                                                    message=f"page {index + 1} could not be read: {exc}")]))
                finally:
                    if page is not None:
                        page.close()
    legacy_warnings = _decode_legacy(contents, fonts)
    scanned = [c.number for c in contents if c.needs_ocr]
    if scanned and _want_ocr(options.ocr):
        from extract.ocr import ocr_pdf_pages
        for content in ocr_pdf_pages(data, scanned, options):
            contents[content.number - 1] = content
    builder = LayoutBuilder()
    for content in contents:
        if content.needs_ocr:
            content.warnings.append(Warning(code="needs_ocr", page=content.number,
                                            message=f"page {content.number} has no usable text layer; "
                                                    "OCR required"))
        builder.add_page(content)
    builder.flush_table()
    kinds = {c.source for c in contents}
    return Document(media_type=PDF, source_kind="ocr" if kinds == {"ocr"} else "pdf-text",
                    pages=builder.pages, blocks=builder.blocks, tables=builder.tables,
                    warnings=[*legacy_warnings, *builder.warnings], ocr_repairs=builder.repairs)


def _decode_legacy(contents: list[PageContent], fonts: dict[int, list[FontPieces]]) -> list[Warning]:
    """Text-layer words in the legacy encodings (TCVN3, VNI) to Unicode, by the font of each
    character or, in a Unicode font, by the characters of all the font's text in the document."""
    font_texts: dict[str | None, list[str]] = {}
    for content in contents:
        for pieces in fonts.get(content.number, ()) if not content.needs_ocr else ():
            for font, text in pieces:
                if not text.isascii() and has_legacy_candidates(text) and font_encoding(font) is None:
                    font_texts.setdefault(font, []).append(text)
    decoder = LegacyDecoder({font: " ".join(texts) for font, texts in font_texts.items()})
    for content in contents:
        if content.needs_ocr:
            continue
        for word, pieces in zip(content.words, fonts.get(content.number, ())):
            if not word.text.isascii() or any(font_encoding(font) for font, _ in pieces):
                word.text = "".join(decoder.segment(text, font) for font, text in pieces)
    return conversion_warnings(decoder)


def _want_ocr(ocr: bool | None) -> bool:
    if ocr is not None:
        return ocr
    from extract.ocr import tesseract_available
    return tesseract_available()
