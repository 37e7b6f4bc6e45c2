# DigiSkill: `make run` sets everything up and serves; `make test` runs every check.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP_PY     := $(VENV)/.installed
STAMP_NODE   := node_modules/.installed
STAMP_ASSETS := src/digiskill/static/vendor/.installed
LOCALE_DIR   := src/digiskill/locale

.PHONY: run install test lint typecheck pytest e2e bench mutate messages clean

run: install
	DEBUG=true $(BIN)/digiskill migrate --noinput -v 0
	DEBUG=true $(BIN)/digiskill load-framework --if-needed
	DEBUG=true $(BIN)/digiskill load-demo
	@echo "DigiSkill: http://$(HOST):$(PORT)/"
	DEBUG=true $(BIN)/digiskill runserver $(HOST):$(PORT)

install: $(STAMP_PY) $(STAMP_ASSETS)
	$(BIN)/python scripts/compile_messages.py

$(STAMP_PY): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

$(STAMP_NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP_ASSETS): $(STAMP_NODE) scripts/vendor_assets.sh
	scripts/vendor_assets.sh
	touch $@

test: install lint typecheck pytest

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	DIGISKILL_TESTING=1 $(BIN)/mypy src

pytest:
	$(BIN)/pytest -q

e2e: install
	$(BIN)/pytest -q -m e2e

bench: install
	$(BIN)/python -m bench

# Mutation check of lib/ and the rule modules ([tool.mutmut] in pyproject.toml), then the score of
# each module (scripts/mutation_score.py). `make mutate MUTATE="src/digiskill/lib/text.py ..."`
# runs only the mutants of those files (or of mutmut name globs such as 'digiskill.gaps.selectors.xǁCellǁ*');
# MUTATE_JOBS sets how many mutants run at once.
MUTATE      ?=
MUTATE_JOBS ?= 2
mutate: install
	rm -rf mutants
	@echo "mutmut: progress in var/mutmut-run.log"
	$(BIN)/mutmut run --max-children $(MUTATE_JOBS) \
	  $(foreach f,$(MUTATE),'$(if $(filter %.py,$(f)),$(subst /,.,$(patsubst src/%.py,%,$(f))).*,$(f))') \
	  > var/mutmut-run.log 2>&1 || (tail -n 40 var/mutmut-run.log; exit 1)
	$(BIN)/python scripts/mutation_score.py $(foreach f,$(MUTATE),'$(f)')

# Re-extract every catalog's strings (needs GNU gettext), then compile them all.
messages: install
	scripts/messages.sh
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) node_modules src/digiskill/static/vendor var .pytest_cache .mypy_cache .ruff_cache
