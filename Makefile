VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out/demo

.PHONY: install demo test test-fast bench score score-text historical pool-scans learning-curve

install:
	bash install.sh

# The main job on the bundled samples: JSON lands in $(OUT), records in a local SQLite store.
demo:
	$(VENV)/bin/vanthu extract corpus/samples/* -o $(OUT) --store --database sqlite:///$(OUT)/vanthu.sqlite

# Lint first (pyproject [tool.ruff]: errors that are bugs, import order), then the suite; store
# tests run against SQLite and a real PostgreSQL server started here.
test:
	$(PY) -m ruff check .
	VANTHU_TEST_POSTGRES_URL=$${VANTHU_TEST_POSTGRES_URL:-$$(bash scripts/test-postgres.sh)} $(PY) -m pytest

bench:
	VANTHU_TEST_POSTGRES_URL=$${VANTHU_TEST_POSTGRES_URL:-$$(bash scripts/test-postgres.sh)} $(PY) -m bench

# Per-field scores, the seeds (../shared, when beside the checkout) and the external development
# set (corpus/external) apart, each rendition apart (.docx, text PDF, office scan).
score:
	$(PY) -m bench.score_sets
	$(PY) -m bench.relations_score --sets external

# The same without the scans (a minute instead of ten).
score-text:
	$(PY) -m bench.score_sets --formats docx,pdf
	$(PY) -m bench.relations_score --sets external

# A historical archive (≥200 files: Word 97, RTF, ODT, PDF, Excel appendices, TCVN3 and VNI
# variants of the seeds and the external set) built under out/historical, run through
# `vanthu reprocess`, scored per form and encoding against the Unicode originals' gold.
historical:
	$(PY) -m bench.historical

# The learned agency scorer held out batch by batch, and a learning curve on the newest batch:
# review its first k documents (their gold stands in for the analyst), retrain, score the rest.
CURVE_BATCH ?= $(lastword $(sort $(patsubst corpus/pool/%/gold,pool-%,$(wildcard corpus/pool/*/gold))))
learning-curve:
	$(PY) -m bench.score_sets --formats docx --sets $$($(PY) -c "from corpus import gold_sets; print(','.join(gold_sets()))") >/dev/null
	$(PY) -m bench.agency_learning --curve $(CURVE_BATCH)

# The first-sight pool's office scans (not committed: 295 MB), rendered again from the texts with
# ../shared/eval/mkcorpus (seeded: the same page images the README's first-sight rows were scored on).
pool-scans:
	for b in corpus/pool/*/; do PY=$(PY) bash scripts/render_external.sh --scans-only --set pool/$$(basename $$b); done

# The extraction tests alone (no intake processes, no browser, no OCR of whole scans): ~1 minute.
test-fast:
	$(PY) -m pytest -q tests/test_first_sight.py tests/test_ner_text.py tests/test_tables_records.py \
		tests/test_normalize.py tests/test_references.py tests/test_schema.py tests/test_extract.py \
		tests/test_figures.py tests/test_table_forms.py tests/test_relations.py
