# ebookgen: the two commands of the README (make book, make test), and a few helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: book test test-fast test-tools install bench bench-batch bench-tools quality calibre system-deps fonts lint clean

book: $(STAMP) fonts
	$(BIN)/ebookgen epub manuscript -o dist/tell-me-something.epub
	$(BIN)/ebookgen pdf manuscript -o dist/tell-me-something.pdf

test: $(STAMP) fonts test-tools system-deps
	$(BIN)/python -m pytest -n auto -q

# Debian packages some tests use (a real browser for the live preview, poppler), installed when we may (root with
# apt-get); without them those tests skip and say why.
TEST_PACKAGES := chromium poppler-utils
test-tools:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && command -v dpkg >/dev/null; then \
	  missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then echo "installing$$missing for the tests"; \
	    (apt-get update -q && apt-get install -y -q --no-install-recommends $$missing) >/dev/null 2>&1 \
	      || echo "could not install$$missing: the tests that need them skip"; fi; \
	fi

# The loop while editing: leaves out the tests marked slow (the parallel layouts, the page list against its PDF,
# the corpus) and EPUBCheck; `make test` runs them all.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n auto -q -m "not slow"

# Put `ebookgen` on your PATH the way Python tools are installed (pipx: its own environment, a link in
# ~/.local/bin, and that folder added to your shell's PATH). Open a new shell afterwards.
install: $(STAMP)
	$(BIN)/pipx install --force .
	$(BIN)/pipx ensurepath

# Not part of `make test`: builds War and Peace and a 1,000,000-word manuscript, with Pandoc and WeasyPrint beside.
bench: $(STAMP) bench-tools
	$(BIN)/python bench/bench.py
	$(MAKE) bench-batch
	$(MAKE) quality

# The setting's figures (docs/setting.md): War and Peace built at 6x9, then measured from the PDF's word boxes
# with poppler's pdftotext (installed by test-tools where it may be). QUALITY_PDF=some.pdf measures another book.
CORPUS ?= ../shared/corpus/pg2600.txt
QUALITY_PDF ?=
quality: $(STAMP) test-tools fonts
	@if [ -n "$(QUALITY_PDF)" ]; then $(BIN)/python bench/quality.py $(QUALITY_PDF); else \
	  $(BIN)/ebookgen pdf $(CORPUS) -o dist/quality-6x9.pdf --trim 6x9 && $(BIN)/python bench/quality.py dist/quality-6x9.pdf; fi

# 200 generated works to EPUB: `ebookgen batch` (local, and Ray when installed) against a loop of single
# `ebookgen epub` processes and Calibre's `ebook-convert` where installed, in works a minute.
bench-batch: $(STAMP)
	$(BIN)/python bench/batch.py

# Pandoc is the EPUB reference: install Debian's when it is missing and we may (root with apt-get).
bench-tools:
	@command -v pandoc >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -q pandoc >/dev/null || echo "pandoc not installed: its figures are skipped"; }

# Calibre (Debian's calibre, 6.13: about 230 MB to download, 950 MB installed) makes the AZW3 `sideload` copies
# to a Kindle, and its tests run where it is; `make test` does not need it (those tests skip, saying why).
calibre:
	@command -v ebook-convert >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get update -q >/dev/null && apt-get install -y -q calibre >/dev/null \
		|| echo "calibre not installed: install it with your package manager, or from calibre-ebook.com"; }

# Ghostscript stands in for a printer's RIP in the tests: install Debian's when it is missing and we may
# (root with apt-get); elsewhere its test is skipped with the reason.
system-deps:
	@command -v gs >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get update -q >/dev/null && apt-get install -y -q ghostscript >/dev/null \
		|| echo "ghostscript not installed: the Ghostscript test is skipped"; }

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
