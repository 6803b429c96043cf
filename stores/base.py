"""What every table module shares: the declarative base (one metadata for the stores, intake and
review tables) and the clock the rows are stamped with."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
