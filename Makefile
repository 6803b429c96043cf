VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out/demo

.PHONY: install demo test bench score

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

# Scores against the shared gold (needs ../shared beside the checkout).
score:
	rm -rf out/score && for f in docx pdf; do \
	  $(VENV)/bin/vanthu extract ../shared/corpus/*/*.$$f -o out/score/$$f -q; \
	  echo "== $$f"; python3 ../shared/eval/score.py ../shared/eval/gold out/score/$$f; done
