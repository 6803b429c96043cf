"""The review app's published vocabulary: the events a webhook can subscribe to."""
from __future__ import annotations

from enum import StrEnum


class WebhookEvent(StrEnum):
    EXTRACTED = "document.extracted"   # a new extraction is in the queue
    REVIEWED = "document.reviewed"     # an analyst marked it reviewed: the outbox JSON is the reviewed one
    CORRECTED = "document.corrected"   # a change after review: the outbox JSON was rewritten
    FAILED = "document.failed"         # the intake set the file aside (reason, stage; never a server path)
