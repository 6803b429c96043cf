"""Pydantic schemas every stage speaks."""
from models.document import Block, Cell, Document, OcrRepair, Page, Provenance, Table
from models.mentions import Agency, Amount, DateMention, Occurrence, Person, Position, Reference
from models.records import BudgetLine, CatalogItem, Money, MonthRange, RecordProvenance, Records, Task
from models.tables import TypedColumn, TypedRow, TypedTable
from models.result import SCHEMA_VERSION, DocumentHeader, ExtractionResult, SourceInfo
from models.warnings import Warning

__all__ = [
    "Agency", "Amount", "Block", "BudgetLine", "CatalogItem", "Cell", "DateMention", "Document",
    "DocumentHeader", "ExtractionResult", "Money", "MonthRange", "OcrRepair", "Occurrence", "Page", "Person",
    "Position", "Provenance", "RecordProvenance", "Records", "Reference", "SCHEMA_VERSION",
    "SourceInfo", "Table", "Task", "TypedColumn", "TypedRow", "TypedTable", "Warning",
]
