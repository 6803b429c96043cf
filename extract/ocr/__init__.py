"""The OCR engine: scanned PDF pages and images → page contents for the layout builder.

render.py (page images) · page_image.py (levelling) · ruling.py (ruled tables) · tesseract.py (the
only place Tesseract is called) · words.py (words and their repairs) · cells.py (table cells read
again) · pages.py (one page, chunks of pages across worker processes)."""
from extract.ocr.pages import ocr_image_document, ocr_page_image, ocr_pdf_pages
from extract.ocr.tesseract import OcrUnavailableError, tesseract_available

__all__ = ["OcrUnavailableError", "ocr_image_document", "ocr_page_image", "ocr_pdf_pages", "tesseract_available"]
