# gongkai: `make run` sets up and serves the demo office on SQLite (with its background worker); `make test` runs the suite;
# `make lint` runs ruff (lint and format) and mypy as configured in pyproject.toml.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run lint test test-db test-fast bench clean wheelhouse

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ocr]'
	touch $(STAMP)

run: install
	$(BIN)/gongkai demo
	$(BIN)/gongkai worker & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	$(BIN)/gongkai serve --addr 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: install
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

# Only the tests that touch the database (marked `database` by tests/conftest.py), e.g. again
# on PostgreSQL: DATABASE_URL=postgres://… make test-db
test-db: install
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider -m database

test-fast: install
	$(BIN)/python -m pytest -n 2 -m "not slow and not browser"

bench: install
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) var build *.egg-info

# ---- wheelhouse (issue #10): every pinned wheel, for a machine without internet
# `pip install --no-index --find-links wheelhouse gongkai` installs from it (README「部署」).
wheelhouse: install
	$(BIN)/python -m pip wheel --quiet --wheel-dir wheelhouse .
