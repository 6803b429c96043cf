"""One file → one ExtractionResult. extract_bytes is the pure core; extract_file reads the file."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from extract import extract_document
from models import ExtractionResult, SourceInfo
from ner import recognize
from records.build import build_records


_CODE_PACKAGES = ("models", "normalize", "extract", "ner", "tables", "records", "corpus")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Package version plus a fingerprint of the extraction code and gazetteers, so a changed
    extractor never passes for one that already produced the stored results."""
    try:
        base = metadata.version("vanthu")
    except metadata.PackageNotFoundError:  # running from a source tree
        base = "0.1.0"
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for pkg in _CODE_PACKAGES:
        for f in sorted((root / pkg).rglob("*")):
            if f.suffix in (".py", ".json") and not {"__pycache__", "gold", "samples"} & set(f.parts):
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    for dependency in ("underthesea",):  # its word list drives the OCR mark repair
        try:
            h.update(f"{dependency}=={metadata.version(dependency)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return f"{base}+{h.hexdigest()[:12]}"


def extract_bytes(data: bytes, path: str) -> ExtractionResult:
    doc = extract_document(data)
    mentions = recognize(doc)
    typed_tables, records, warnings = build_records(doc)
    return ExtractionResult(
        extractor_version=extractor_version(),
        source=SourceInfo(path=path, sha256=hashlib.sha256(data).hexdigest(), media_type=doc.media_type,
                          pages=len(doc.pages) or None, size_bytes=len(data)),
        document=mentions.header,
        references=mentions.references,
        dates=mentions.dates,
        amounts=mentions.amounts,
        agencies=mentions.agencies,
        tables=typed_tables,
        records=records,
        warnings=[*doc.warnings, *warnings],
        ocr_repairs=doc.ocr_repairs,
    )


def extract_file(path: Path) -> ExtractionResult:
    return extract_bytes(path.read_bytes(), str(path))
