"""Pydantic schemas every stage speaks."""
from models.document import Block, Cell, Document, OcrRepair, Page, Provenance, Table
from models.figures import Figure, FigureConflict
from models.header import DocumentHeader
from models.intake import EntryState, IntakeFault, IntakeState, TakeOutcome
from models.mentions import (
                             Agency,
                             Amount,
                             DateMention,
                             Mentions,
                             Occurrence,
                             Person,
                             Position,
                             Reference,
                             Relation,
                             TextMentions,
)
from models.records import BudgetLine, CatalogItem, Money, MonthRange, RecordProvenance, Records, Task
from models.result import SCHEMA_VERSION, ExtractionResult, SourceInfo, TextBlock
from models.review import AgencyRule, WebhookEvent
from models.settings import ExtractOptions, IntakeSettings, Settings, settings
from models.tables import TypedColumn, TypedRow, TypedTable
from models.warnings import Warning, WarningCode

__all__ = [
    "Figure", "FigureConflict",
    "AgencyRule", "WebhookEvent",
    "Agency", "Amount", "Block", "BudgetLine", "CatalogItem", "Cell", "DateMention", "Document",
    "DocumentHeader", "ExtractOptions", "ExtractionResult", "EntryState", "IntakeFault", "IntakeSettings", "IntakeState", "TakeOutcome", "Mentions", "Money", "MonthRange",
    "OcrRepair", "Occurrence", "Page", "Person", "Position", "Provenance", "RecordProvenance", "Records",
    "Reference", "Relation", "SCHEMA_VERSION", "Settings", "SourceInfo", "Table", "Task", "TextBlock", "TextMentions", "TypedColumn",
    "TypedRow", "TypedTable", "Warning", "WarningCode", "settings",
]
