"""PDF → Document. Pages with a usable text layer are read with pdfplumber; pages without one
(scans, or text layers of (cid:…) garbage) go through the OCR path. Both feed one layout
builder, so tables continue across text and scanned pages alike."""
from __future__ import annotations

import io
import os

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from extract.errors import CorruptFileError, EncryptedFileError
from extract.layout import DetectedTable, LayoutBuilder, PageContent
from models import Document, Warning

PDF_MEDIA = "application/pdf"
MIN_TEXT_CHARS = 25          # below this a page is treated as image-only


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


def _text_page(number: int, page) -> PageContent:
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"])
    text_chars = sum(len(w["text"]) for w in words)
    garbled = sum(w["text"].count("(cid:") for w in words)
    content = PageContent(number=number, width=float(page.width), height=float(page.height),
                          source="pdf-text")
    if text_chars < MIN_TEXT_CHARS or garbled > 0.2 * max(1, len(words)):
        content.needs_ocr = True
        return content
    content.words = [{k: w[k] for k in ("text", "x0", "x1", "top", "bottom", "size")} for w in words]
    content.tables = [DetectedTable(tuple(t.bbox), [c for c in t.cells if c is not None])
                      for t in page.find_tables()]
    return content


def read_pdf(data: bytes, ocr: bool | None = None) -> Document:
    """ocr: None = OCR pages without a text layer when Tesseract is installed; False = only mark
    them needs_ocr; True = require OCR."""
    pdf = _open(data)
    contents: list[PageContent] = []
    with pdf:
        for index, page in enumerate(pdf.pages):
            try:
                contents.append(_text_page(index + 1, page))
            except Exception as exc:  # one bad page must not lose the others
                contents.append(PageContent(number=index + 1, width=0, height=0, source="pdf-text",
                                            needs_ocr=True, warnings=[Warning(
                                                code="page_unreadable", page=index + 1,
                                                message=f"page {index + 1} could not be read: {exc}")]))
            finally:
                page.close()  # frees pdfplumber's per-page object cache
    scanned = [c.number for c in contents if c.needs_ocr]
    if scanned and _want_ocr(ocr):
        from extract.ocr import ocr_pdf_pages
        for content in ocr_pdf_pages(data, scanned):
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
    return Document(media_type=PDF_MEDIA, source_kind="ocr" if kinds == {"ocr"} else "pdf-text",
                    pages=builder.pages, blocks=builder.blocks, tables=builder.tables,
                    warnings=builder.warnings, ocr_repairs=builder.repairs)


def _want_ocr(ocr: bool | None) -> bool:
    if ocr is not None:
        return ocr
    if os.environ.get("VANTHU_OCR", "1") == "0":
        return False
    from extract.ocr import tesseract_available
    return tesseract_available()
