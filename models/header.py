"""The document's own identity, read from its official header."""
from __future__ import annotations

from pydantic import BaseModel


class DocumentHeader(BaseModel):
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None
