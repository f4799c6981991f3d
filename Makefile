# ebookgen: the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: book test test-fast bench bench-tools system-deps lint clean

book: $(STAMP)
	$(BIN)/ebookgen epub manuscript -o dist/tell-me-something.epub
	$(BIN)/ebookgen pdf manuscript -o dist/tell-me-something.pdf

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -n auto -q

# The loop while editing: leaves out the tests marked slow (the parallel layouts, the page list against its PDF,
# the corpus) and EPUBCheck; `make test` runs them all.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n auto -q -m "not slow"

# Not part of `make test`: builds War and Peace and a 1,000,000-word manuscript, with Pandoc and WeasyPrint beside.
bench: $(STAMP) bench-tools
	$(BIN)/python bench/bench.py

# Pandoc is the EPUB reference: install Debian's when it is missing and we may (root with apt-get).
bench-tools:
	@command -v pandoc >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -q pandoc >/dev/null || echo "pandoc not installed: its figures are skipped"; }

# Ghostscript stands in for a printer's RIP in the tests: install Debian's when it is missing and we may
# (root with apt-get); elsewhere its test is skipped with the reason.
system-deps:
	@command -v gs >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get update -q >/dev/null && apt-get install -y -q ghostscript >/dev/null \
		|| echo "ghostscript not installed: the Ghostscript test is skipped"; }

lint: $(STAMP)
	$(BIN)/ruff check ebookgen tests

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

clean:
	rm -rf dist $(VENV) .pytest_cache
