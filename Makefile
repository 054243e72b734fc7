# gongkai: `make run` sets up and serves the demo office on SQLite; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test test-fast bench clean wheelhouse

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ocr]'
	touch $(STAMP)

run: install
	$(BIN)/gongkai demo
	$(BIN)/gongkai serve --addr 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

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
