"""One file → one ExtractionResult. extract_bytes is the pure core; extract_file reads the file."""
from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from extract import extract_document
from models import ExtractionResult, SourceInfo
from ner import recognize
from records.build import build_records


def extractor_version() -> str:
    try:
        return metadata.version("vanthu")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0.1.0+src"


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
    )


def extract_file(path: Path) -> ExtractionResult:
    return extract_bytes(path.read_bytes(), str(path))
