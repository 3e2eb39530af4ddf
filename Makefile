# Two commands for a newcomer:  make run  (set up and open the app)  and  make test  (set up, lint, test).
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint setup system-deps bench screenshots clean

run: setup
	@.ci/system-deps qt ocr
	$(BIN)/workbench $(ARGS)

setup: $(STAMP)

$(STAMP): pyproject.toml
	@PY=$$(.ci/find-python) || exit 1; \
	if [ ! -x $(BIN)/python ]; then \
	  echo "Creating $(VENV) with $$PY ($$($$PY --version))"; \
	  $$PY -m venv $(VENV) || { .ci/system-deps venv; \
	    echo "error: could not create a virtual environment; on Debian run: apt-get install -y python3-venv" >&2; exit 1; }; \
	fi
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

lint: setup
	$(BIN)/ruff check workbench tests benchmarks db
	$(BIN)/lint-imports
	$(BIN)/mypy

test: setup lint
	@.ci/system-deps test postgres ocr
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# The quick loop while coding: no PostgreSQL server, no browser, no wheel build (make test still runs everything).
test-fast: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m "not postgres and not slow"

bench: setup
	@.ci/system-deps ocr
	@for b in benchmarks/bench_*.py; do echo "== $$b"; args=""; \
	  if [ "$$b" = benchmarks/bench_realworld.py ] && [ -d ../shared/corpus/realworld ]; then \
	    args="--corpus ../shared/corpus/realworld"; fi; \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python $$b $$args || exit 1; done

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
