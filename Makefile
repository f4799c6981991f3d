# ebookgen: the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: book test test-fast bench bench-tools fonts lint clean

book: $(STAMP) fonts
	$(BIN)/ebookgen epub manuscript -o dist/tell-me-something.epub
	$(BIN)/ebookgen pdf manuscript -o dist/tell-me-something.pdf

test: $(STAMP) fonts
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

# The fallback faces print.css names for scripts EB Garamond lacks (README, "Fonts"): Debian's Noto Serif CJK
# (fonts-noto-cjk) and Noto core (Arabic, Hebrew, symbols: fonts-noto-core) when root with apt-get, and the
# monochrome Noto Emoji from npm. Without them a PDF still builds, naming each character it prints as a box.
FONT_DIR ?= $(if $(filter 0,$(shell id -u)),/usr/local/share/fonts/ebookgen,$(HOME)/.local/share/fonts/ebookgen)
fonts: $(STAMP)
	@{ fc-list -q "Noto Serif CJK JP" && fc-list -q "Noto Naskh Arabic" && fc-list -q "Noto Serif Hebrew"; } \
		|| { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -q >/dev/null \
		&& apt-get install -y -q --no-install-recommends fonts-noto-cjk fonts-noto-core >/dev/null; } \
		|| echo "Noto CJK, Arabic and Hebrew faces not installed: those scripts print as boxes"
	@fc-list -q "Noto Emoji" || $(BIN)/python tools/emoji_font.py $(FONT_DIR)

lint: $(STAMP)
	$(BIN)/ruff check ebookgen tests

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

clean:
	rm -rf dist $(VENV) .pytest_cache
