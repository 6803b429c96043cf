"""Mentions from a Document: references, dates, amounts, agencies, and the document header."""
from ner.recognize import Mentions, recognize

__all__ = ["Mentions", "recognize"]
