"""A stored run's queryable rows (tasks, catalog items, budget lines, mentions) made from one
ExtractionResult: the same for an extraction (stores/db.py) and a reviewed result (stores/review.py)."""
from __future__ import annotations

from models import ExtractionResult
from stores.schema import BudgetRow, CatalogRow, ExtractionRun, MentionRow, TaskRow


def fill_run(run: ExtractionRun, result: ExtractionResult) -> None:
    for i, t in enumerate(result.records.tasks):
        b = t.budget
        run.tasks.append(TaskRow(
            position=i, page=t.provenance.page, data=t.model_dump(mode="json"), agency=t.agency, name=t.name,
            currency=b.currency if b else None, budget_value=b.value if b else None,
            budget_low=b.low if b else None, budget_high=b.high if b else None,
            duration_low=t.duration_months.low if t.duration_months else None,
            duration_high=t.duration_months.high if t.duration_months else None, source_ref=t.source_ref))
    for i, c in enumerate(result.records.catalog):
        run.catalog.append(CatalogRow(position=i, page=c.provenance.page, data=c.model_dump(mode="json"),
                                      kind=c.kind, number=c.number, name=c.name, group_no=c.group,
                                      lead_agencies=c.lead_agencies))
    for i, bl in enumerate(result.records.budget):
        a = bl.amount
        run.budget.append(BudgetRow(position=i, page=bl.provenance.page, data=bl.model_dump(mode="json"),
                                    item=bl.item, currency=a.currency if a else None,
                                    amount_value=a.value if a else None, amount_low=a.low if a else None,
                                    amount_high=a.high if a else None, period=bl.period))
    for kind, items, value in (("reference", result.references, lambda r: r.key),
                               ("date", result.dates, lambda d: d.value),
                               ("amount", result.amounts, lambda a: f"{a.currency}:{a.value}:{a.low}:{a.high}"),
                               ("agency", result.agencies, lambda a: a.name)):
        for m in items:
            run.mentions.append(MentionRow(kind=kind, value=value(m), text=m.text, page=m.page,
                                           occurrences=len(m.occurrences), data=m.model_dump(mode="json")))
