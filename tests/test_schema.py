"""What is written in two places must agree: the Alembic migrations and the SQLAlchemy models,
the scorer copied here and the shared one, the output contract and `vanthu schema`."""
from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT

SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _schema_diff(url: str) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from stores.db import Store
    from stores.schema import Base
    store = Store.open(url)
    with store.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), Base.metadata)


def test_migrations_build_the_schema_the_models_describe(tmp_path):
    from stores.db import sqlite_url
    assert _schema_diff(sqlite_url(tmp_path / "schema.sqlite")) == []


def test_migrations_match_the_models_on_postgresql(postgres_url):
    assert _schema_diff(postgres_url) == []


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared is not beside this checkout")
def test_gold_scorer_is_the_shared_one():
    """tests/gold_score.py is a copy of ../shared/eval/score.py so the tests run without ../shared;
    this fails when the two drift apart."""
    assert (ROOT / "tests" / "gold_score.py").read_bytes() == SHARED_SCORER.read_bytes()


def test_cli_schema_describes_typed_tables(capsys):
    from cli.main import main
    from models import SCHEMA_VERSION
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    table = schema["properties"]["tables"]["items"]
    assert table["$ref"].endswith("/TypedTable")
    assert "columns" in schema["$defs"]["TypedTable"]["properties"]


def test_every_output_the_corpora_produce_validates_against_the_published_schema(capsys, extracted):
    """An extractor that writes a value the schema does not publish (the column role 'category'
    did, issue 18's 500) fails here: every bundled sample and every external document's .docx,
    extracted, validated against `vanthu schema`."""
    import jsonschema

    from cli.main import main
    from pipeline import extract_file
    assert main(["schema"]) == 0
    validator = jsonschema.Draft202012Validator(json.loads(capsys.readouterr().out))
    samples = ROOT / "corpus" / "samples"
    outputs = [extracted(p.name) for p in sorted(samples.iterdir()) if p.suffix != ".tiff"]
    outputs += [extract_file(p) for p in sorted((ROOT / "corpus" / "external" / "docs").glob("*/*.docx"))]
    assert len(outputs) >= 20
    for result in outputs:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(json.loads(result.model_dump_json()))]
        assert not errors, (result.source.path, errors[:5])
