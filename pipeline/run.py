"""One file → one ExtractionResult: extract → tables → ner → records. Pure but for reading the
file in extract_file; options default to the process settings (VANTHU_OCR, …)."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from extract import extract_document
from extract.errors import TooMuchTextError
from models import (
    AgencyRule,
    Document,
    ExtractionResult,
    ExtractOptions,
    Mentions,
    Records,
    SourceInfo,
    TextBlock,
    TypedTable,
    Warning,
    settings,
)
from ner import recognize
from ner.agency_scorer import load_scorer, set_aside_doubtful
from normalize.file_names import display_name, raw_name
from pipeline.locate import locate
from pipeline.version import extractor_version
from records.assemble import assemble_records
from records.figures import figures_of
from tables.folded import unfold_tables
from tables.typed import type_tables


def run_stages(doc: Document, agency_rules: Sequence[AgencyRule] = ()) -> tuple[list[TypedTable], Mentions, Records,
                                                                              list[Warning]]:
    """The stages after extraction, for a Document already read; agency_rules: what analysts
    taught the agency recognizer (ExtractOptions.agency_rules)."""
    typed, table_warnings = type_tables(doc)
    mentions = recognize(doc, typed, agency_rules)
    records, warnings = assemble_records(typed, mentions)
    return typed, mentions, records, [*table_warnings, *warnings]


def check_text_length(doc: Document, max_chars: int) -> None:
    """The recognizers read text unit by unit (ner/units.py), never one string of the whole
    document, but their time still grows with the text: refuse a document above the limit."""
    chars = sum(len(b.text) for b in doc.blocks) + sum(len(c.text) for t in doc.tables for c in t.cells)
    if chars > max_chars:
        raise TooMuchTextError(f"document holds {chars:,} characters of text (limit {max_chars:,}, "
                               "VANTHU_MAX_TEXT_CHARS)")


def extract_bytes(data: bytes, path: str | Path, options: ExtractOptions | None = None) -> ExtractionResult:
    options = options or settings().extract_options()
    doc = extract_document(data, options)
    check_text_length(doc, options.max_text_chars)
    result = result_of(doc, data, path, options.agency_rules)
    scorer = load_scorer() if options.agency_scorer else None
    return set_aside_doubtful(result, scorer) if scorer else result


def result_of(doc: Document, data: bytes, path: str | Path,
              agency_rules: Sequence[AgencyRule] = ()) -> ExtractionResult:
    """The stages after extraction, with page and box on every mention, row and record."""
    doc = unfold_tables(doc)   # (before every stage, so positions and boxes speak of the same rows)
    typed, mentions, records, warnings = run_stages(doc, agency_rules)
    result = ExtractionResult(
        extractor_version=extractor_version(),
        source=SourceInfo(path=display_name(path), raw_path=raw_name(path), sha256=hashlib.sha256(data).hexdigest(), media_type=doc.media_type,
                          pages=len(doc.pages) or None, size_bytes=len(data)),
        document=mentions.header,
        references=mentions.references,
        dates=mentions.dates,
        amounts=mentions.amounts,
        agencies=mentions.agencies,
        tables=typed,
        records=records,
        figures=figures_of(mentions.pieces),
        warnings=[*doc.warnings, *warnings],
        ocr_repairs=doc.ocr_repairs,
        blocks=[TextBlock(id=b.id, kind=b.kind, page=b.provenance.page, bbox=b.provenance.bbox, text=b.text)
                for b in doc.blocks],
    )
    return locate(result, doc)


def extract_file(path: Path, options: ExtractOptions | None = None) -> ExtractionResult:
    return extract_bytes(path.read_bytes(), path, options)
