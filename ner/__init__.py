"""Mentions from a Document and its typed tables: references, dates, amounts, agencies, and the
document header."""
from ner.recognize import recognize

__all__ = ["recognize"]
