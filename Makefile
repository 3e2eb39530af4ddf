# Two commands for a newcomer:  make run  (set up and open the app)  and  make test  (set up, lint, test).
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
TS_SOURCES = $(sort $(shell find workbench/ui -name '*.py') workbench/core/messages.py workbench/app.py)
TS_FILES = $(if $(LANG_NEW),resources/translations/workbench_$(LANG_NEW).ts,$(wildcard resources/translations/workbench_*.ts))

.PHONY: run test test-fast lint setup system-deps bench screenshots clean translations venv

run: $(RUN_STAMP)
	@.ci/system-deps qt ocr
	@echo "== Starting Workbench"
	$(BIN)/workbench $(ARGS)

# Running needs only the runtime dependencies (no test or lint tools); pip shows its progress.
$(RUN_STAMP): pyproject.toml | venv
	@echo "== Installing Workbench and what it needs to run (first time: a few minutes, PySide6 is large)"
	$(BIN)/python -m pip install --progress-bar on -e .
	@touch $(RUN_STAMP)

venv:
	@PY=$$(.ci/find-python) || exit 1; \
	if [ ! -x $(BIN)/python ]; then \
	  echo "== Creating $(VENV) with $$PY ($$($$PY --version))"; \
	  $$PY -m venv $(VENV) || { .ci/system-deps venv; \
	    echo "error: could not create a virtual environment; on Debian run: apt-get install -y python3-venv" >&2; exit 1; }; \
	  echo "== Updating pip"; \
	  $(BIN)/python -m pip install --upgrade pip; \
	fi

setup: $(STAMP)

$(STAMP): pyproject.toml | venv
	@echo "== Installing Workbench with the test and developer tools"
	$(BIN)/python -m pip install -e '.[dev]'
	@touch $(STAMP) $(RUN_STAMP)

# Interface catalogs: extract new strings into the .ts files (Qt Linguist format), then translate them with
# `.venv/bin/pyside6-linguist resources/translations/workbench_fr.ts`. A new language: make translations LANG_NEW=es
# The .qm files are compiled from the .ts when Workbench starts (or into the wheel), never kept in git.
translations: $(RUN_STAMP)
	$(BIN)/pyside6-lupdate $(TS_SOURCES) -ts $(TS_FILES) -no-obsolete -locations none

lint: setup
	$(BIN)/ruff check workbench tests benchmarks db
	$(BIN)/lint-imports
	$(BIN)/mypy
	# the window's controllers are typed strictly too (the rest of ui/ is not: Qt widgets)
	$(BIN)/mypy --strict --follow-imports=silent workbench/ui/window_compare.py workbench/ui/window_team.py \
		workbench/ui/window_import.py workbench/ui/window_revisions.py workbench/ui/window_reads.py \
		workbench/ui/dialogs/export_dialog.py

test: setup lint
	@.ci/system-deps test postgres ocr
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# The quick loop while coding: no PostgreSQL server, no browser, no wheel build (make test still runs everything).
test-fast: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m "not postgres and not slow"

bench: setup
	@.ci/system-deps ocr bench
	@for b in benchmarks/bench_*.py; do echo "== $$b"; args=""; \
	  if [ "$$b" = benchmarks/bench_realworld.py ] && [ -d ../shared/corpus/realworld ]; then \
	    args="--corpus ../shared/corpus/realworld"; fi; \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python $$b $$args || exit 1; done

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
