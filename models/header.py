"""The document's own identity, read from its official header."""
from __future__ import annotations

from pydantic import BaseModel, Field


class DocumentHeader(BaseModel):
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    key: str | None = Field(None, description="the số/ký hiệu as the 'Số' line writes it, as references write "
                                              "keys: '808/QĐ-TTg', and '221-KL/TW' for a Party document")
    issuer: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None

    def own_key(self) -> str | None:
        """The document's số/ký hiệu; for results stored before `key` existed, from number and symbol."""
        if self.key:
            return self.key
        return f"{self.number}/{self.symbol}" if self.number and self.symbol else (self.symbol or self.number)
