"""Who leads the rows of a task table that has no column of bodies in charge: the body its caption
opens with."""
from __future__ import annotations

import re

from models import Mentions, Task, TypedTable

# What may come before a body's name in a group row or a caption: its number ('I.', 'II -', '1)').
NUMBERING = re.compile(r"[\sIVXLivxl\d.,:;()\-–]*")


def caption_bodies(t: TypedTable, mentions: Mentions) -> list[str]:
    """The bodies a task table's caption opens with, its number aside ('1. Phòng Công nghệ thông tin
    (6 NV trọng tâm):' over its tasks, a Sở's key tasks for each of its units, pool za)."""
    if not t.caption:
        return []
    piece = next((p for p in mentions.pieces if p.table_id is None and p.text.strip() == t.caption.strip()), None)
    if piece is None or not piece.agencies:
        return []
    first = piece.text.find(piece.agencies[0].text)
    return [piece.agencies[0].name] if first >= 0 and NUMBERING.fullmatch(piece.text[:first]) else []


def led_by_caption(tasks: list[Task], bodies: list[str]) -> list[Task]:
    """Tasks of a table with no column of bodies in charge, led by the body its caption names."""
    if not bodies:
        return tasks
    return [tk.model_copy(update={"agency": bodies[0], "lead_agencies": bodies}) for tk in tasks]
