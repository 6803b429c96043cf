VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out/demo

.PHONY: install demo test bench score score-text

install:
	bash install.sh

# The main job on the bundled samples: JSON lands in $(OUT), records in a local SQLite store.
demo:
	$(VENV)/bin/vanthu extract corpus/samples/* -o $(OUT) --store --database sqlite:///$(OUT)/vanthu.sqlite

# Store tests run against SQLite and a real PostgreSQL server started here.
test:
	VANTHU_TEST_POSTGRES_URL=$${VANTHU_TEST_POSTGRES_URL:-$$(bash scripts/test-postgres.sh)} $(PY) -m pytest

bench:
	$(PY) -m bench

# Per-field scores, the seeds (../shared, when beside the checkout) and the external development
# set (corpus/external) apart, each rendition apart (.docx, text PDF, office scan).
score:
	$(PY) -m bench.score_sets

# The same without the scans (a minute instead of ten).
score-text:
	$(PY) -m bench.score_sets --formats docx,pdf
