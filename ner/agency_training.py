"""Fitting the agency scorer (ner/agency_scorer.py) on gold: each distinct body the grammar
proposed for a document is an example, labelled by whether the document's gold lists it (the
comparison the scorer of `make score` makes: match keys of the names).

scikit-learn (the `train` extra) is imported only here, only when fitting: extraction reads the
fitted weights without it."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from models import ExtractionResult
from ner.agency_scorer import AgencyScorer, document_features
from normalize.text import match_key

Example = tuple[set[str], bool]


def gold_agency_names(gold: dict) -> list[str]:
    """A gold file's agencies (GOLD_FORMAT: a name, or {name | canonical})."""
    names = [a if isinstance(a, str) else a.get("canonical") or a.get("name") for a in gold.get("agencies", [])]
    return [n for n in names if n]


def labelled(result: ExtractionResult, gold_names: Iterable[str]) -> list[Example]:
    gold = {match_key(n) for n in gold_names}
    return [(f, match_key(a.name) in gold) for f, a in zip(document_features(result), result.agencies)]


def fit(examples: Sequence[Example], threshold: float, c: float = 0.5, trained_on: str = "") -> AgencyScorer:
    """A logistic regression over the feature sets (L2, C=c). Its weights are kept per feature
    name, so reading them back is a sum and a logistic."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f, _ in examples])
    y = [label for _, label in examples]
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if abs(w) >= 1e-4}
    return AgencyScorer(weights=weights, intercept=round(float(model.intercept_[0]), 5), threshold=threshold,
                        trained_on=trained_on)
