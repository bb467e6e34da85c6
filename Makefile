# Kursens kommandon. Snabbstart: `make start` (öppnar kursen) och `make test` (kör alla tester).
# Båda skapar den virtuella miljön .venv och installerar allt första gången.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(abspath $(VENV))/bin
# nbgrader starts `alembic` by name: the environment's bin/ must be on PATH (KURSDESIGN §9).
export PATH := $(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
PYTEST_ARGS ?= -n auto --dist loadgroup --durations=15
PORT ?= 8888
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: start test setup kursplan fakta exercises webb benchmark material clean help

help:
	@echo "make start      – installera (första gången) och öppna kursen i JupyterLab"
	@echo "make test       – installera (första gången) och kör alla tester"
	@echo "make kursplan   – uppdatera kursens startsida och ordlistan från modulernas metadata"
	@echo "make webb       – bygg kursens webbplats med PDF per modul i build/webb/"
	@echo "make fakta      – skriv in siffror från faktaregistret i notebookarnas text"
	@echo "make exercises  – generera exercises/ från solutions/ med nbgrader"
	@echo "make benchmark  – mät körtider för notebookarna (rättningen: scripts/benchmark_grading.py)"
	@echo "make material   – skriv tryckmaterial och bildspel (PDF) för en workshop i material/"

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m upphandlingskurs.labsetup
	@touch $@

start: setup
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --ServerApp.port=$(PORT) $(ROOT_FLAG) course/index.ipynb

# npm packages for the browser and hub tests (axe-core, configurable-http-proxy), when npm is available.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm saknas: webbläsar- och JupyterHub-testerna hoppas över (installera Node.js för att köra dem)"; fi

test: setup node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

kursplan: setup
	$(BIN)/python -m upphandlingskurs.content.curriculum sync
	$(BIN)/python -m upphandlingskurs.content.glossary sync

# The course website (build/webb/index.html): modules with their outputs, exercises, glossary, a PDF per module.
webb: setup
	$(BIN)/python -m upphandlingskurs.content.site build

fakta: setup
	$(BIN)/python -m upphandlingskurs.content.fakta sync

exercises: setup
	$(BIN)/python -m upphandlingskurs.content.assignments generate

benchmark: setup
	$(BIN)/python scripts/benchmark_notebooks.py

material: setup
	$(BIN)/kurs material --till material --kurs .

clean:
	rm -rf $(VENV) .pytest_cache
