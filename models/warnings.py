from __future__ import annotations

from pydantic import BaseModel


class Warning(BaseModel):  # noqa: A001 - the output contract calls them "warnings"
    """Something an analyst should look at; never a silent fix."""

    code: str
    message: str
    page: int | None = None
    details: dict | None = None
