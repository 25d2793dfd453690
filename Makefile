# Two entry points (see README): `make demo` sets up and runs the nightly job once over the bundled samples
# (SQLite and originals under ./.thidua, Prefect without a server); `make test` sets up and runs lint and
# the test suite. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p "$${THIDUA_HOME:-.thidua}/manual" && cp -n samples/manual/*.toml "$${THIDUA_HOME:-.thidua}/manual/"
	DO_NOT_TRACK=1 $(BIN)/thidua run --inbox samples/
	for sheet in hoan-kiem:docx long-bien:xlsx dong-da:pdf; do unit=$${sheet%%:*}; \
	  DO_NOT_TRACK=1 $(BIN)/thidua selfscore add samples/self_scores/$$unit-2021-tu-cham.$${sheet#*:} \
	    --unit $$unit --cluster cum-8 --year 2021 --by demo || exit 1; done
	DO_NOT_TRACK=1 $(BIN)/thidua selfscore compare --cluster cum-8 --year 2021

test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

evaluate: $(STAMP)
	$(BIN)/python -m extractors.evaluate samples/ samples/independent/ samples/holdout/ --verbose
	THIDUA_INDICATORS=samples/social/indicators $(BIN)/python -m extractors.evaluate samples/social/ --verbose

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py samples/
	DO_NOT_TRACK=1 $(BIN)/thidua bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
