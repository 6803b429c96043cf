"""Checks a DOCX package before python-docx parses it: size limits against zip bombs, and no
DTDs or entity declarations in any XML part (XXE and billion-laughs)."""
from __future__ import annotations

import io
import zipfile

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from extract.errors import CorruptFileError, UnsafeContentError

MAX_UNCOMPRESSED_TOTAL = 512 * 1024 * 1024
MAX_MEMBER_RATIO = 200          # legitimate XML compresses ~10-30x; bombs go far beyond
MAX_MEMBERS = 10_000
RATIO_CHECK_MIN_BYTES = 10 * 1024 * 1024


def check_docx_package(data: bytes) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(f"ZIP container is damaged or truncated: {exc}") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnsafeContentError(f"package has {len(infos)} parts (limit {MAX_MEMBERS})")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED_TOTAL:
            raise UnsafeContentError(
                f"zip bomb: parts expand to {total:,} bytes (limit {MAX_UNCOMPRESSED_TOTAL:,})")
        for info in infos:
            ratio = info.file_size / max(1, info.compress_size)
            if info.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_MEMBER_RATIO:
                raise UnsafeContentError(
                    f"zip bomb: part {info.filename} expands {ratio:.0f}x to {info.file_size:,} bytes")
        bad = zf.testzip()
        if bad is not None:
            raise CorruptFileError(f"ZIP part {bad} fails its CRC check (truncated or damaged)")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _check_xml(info.filename, _read_limited(zf, info))


def _read_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # The central directory can lie about sizes; never read more than the declared size + 1.
    with zf.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise UnsafeContentError(f"part {info.filename} is larger than its declared size")
    return data


def _check_xml(name: str, data: bytes) -> None:
    try:
        SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeContentError(f"part {name} declares a DTD or entities ({type(exc).__name__})") from exc
    except SafeET.ParseError as exc:
        raise CorruptFileError(f"part {name} is not well-formed XML: {exc}") from exc
