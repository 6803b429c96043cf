VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out/demo

.PHONY: install demo test bench score score-text historical

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

# A historical archive (≥200 files: Word 97, RTF, ODT, PDF, Excel appendices, TCVN3 and VNI
# variants of the seeds and the external set) built under out/historical, run through
# `vanthu reprocess`, scored per form and encoding against the Unicode originals' gold.
historical:
	$(PY) -m bench.historical
