# The single entry point: `make run` sets everything up and serves the demo; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1:8000
TEMPLATE_DIRS := templates editorial/templates resources/templates

.PHONY: run setup install install-dev compile-messages migrate editorial demo test lint format messages check-messages check-migrations check-layers check

run: setup demo editorial
	$(MANAGE) runserver $(HOST)

setup: install compile-messages migrate

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-runtime

install: $(VENV)/.installed-runtime

install-dev: $(VENV)/.installed-dev

# Django's compilemessages needs GNU gettext's msgfmt; without it, polib compiles the same catalogues.
compile-messages: install
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --ignore=$(VENV) -v0; \
	else $(PY) scripts/compile_messages.py; fi

migrate: install
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) createcachetable

# Groups, media collections and review workflows of the partner countries; safe to run again (production too).
editorial: install
	$(MANAGE) setup_editorial

demo: install
	$(MANAGE) load_demo

# On two workers by default (pytest-xdist); the browser tests and the demo tests each stay on one worker (their
# xdist groups, tests/conftest.py). `make test PYTEST_ARGS="-p no:xdist tests/home"` runs serially.
PYTEST_ARGS ?= -n 2 --dist loadgroup
test: install-dev compile-messages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $(TEMPLATE_DIRS)

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $(TEMPLATE_DIRS)

messages: install
	$(MANAGE) makecatalogues

check-messages: install
	$(MANAGE) makecatalogues --check

check-migrations: install
	$(MANAGE) makemigrations --check --dry-run

# The layers of docs/architecture.md (import-linter's contracts in pyproject.toml).
check-layers: install-dev
	$(VENV)/bin/lint-imports

check: lint check-migrations check-messages check-layers
