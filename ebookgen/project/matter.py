"""The back matter book.toml gives: an afterword, acknowledgements, about the author, also by, a newsletter.

A text key holds the text itself, or the name of a text file beside book.toml (inside the project, by the
project's path rules: ``paths.project_file``); its paragraphs are parted by blank lines and typeset like
the story's (curly quotes, dashes). ``also_by`` is a list of titles; ``newsletter`` a table with the
sign-up ``url`` and the ``line`` that asks readers to. The title page's strings (title, subtitle, series), the
dedication, the epigraph and the also-by titles are typeset the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from ebookgen.errors import ConfigError
from ebookgen.languages import Language, language_for
from ebookgen.model.book import Newsletter
from ebookgen.patterns import lazy
from ebookgen.project.paths import check_text_file, project_file, shown

# The back matter's text keys, in the order books print them after the last chapter.
TEXT_KEYS = ("afterword", "acknowledgements", "about_the_author")
# A value that names a file rather than being the text: one line ending in a text file's suffix.
FILE_NAME = lazy(r"^[^\n]{1,255}\.(?:txt|md|markdown|text)$", re.IGNORECASE)
# The strings book.toml gives the title page and front matter: typeset too, or they keep "straight" quotes and --.
TYPESET_KEYS = ("title", "subtitle", "series", "dedication", "epigraph", "epigraph_source")
WEB_ADDRESS = lazy(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def is_file_name(value: str) -> bool:
    """Tell whether a back-matter value names a text file beside book.toml."""
    return bool(FILE_NAME.match(value.strip()))


def matter_files(config: dict) -> frozenset[str]:
    """Return the names of the back-matter files book.toml names, which are not chapters."""
    return frozenset(config[key].strip() for key in TEXT_KEYS if is_file_name(config.get(key, "")))


def check_matter_file(folder: Path, value: str, where: str, key: str) -> None:
    """Refuse a back-matter file outside the project, missing, or not a regular file."""
    path = project_file(folder, value.strip(), where, key)
    if not path.exists() and not path.is_symlink():
        raise ConfigError(f"{where}: {key!r} names {shown(path)}, which is not there; add the file or give the text")
    check_text_file(path, where, f"; {key!r} must name a text file")


def matter_text(folder: Path, value: str, language: Language) -> str:
    """Return a back-matter text: the value itself, or the file it names, with its paragraphs typeset."""
    from ebookgen.normalise.typography import TypographyOptions, typeset
    from ebookgen.readers.decode import decode_file

    if is_file_name(value):
        value = decode_file(folder / value.strip()).text
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", value.strip())]
    options = TypographyOptions(language=language)
    return "\n\n".join(typeset(paragraph, options) for paragraph in paragraphs if paragraph)


def typeset_line(value: str, language: Language) -> str:
    """Typeset one string book.toml gives the title page or front matter, as the story's text is (curly quotes...)."""
    from ebookgen.normalise.typography import TypographyOptions, typeset

    return typeset(value, TypographyOptions(language=language)) if value else value


def typeset_strings(config: dict) -> dict[str, str]:
    """Return book.toml's title-page and front-matter strings typeset in book.toml's language."""
    keys = [key for key in TYPESET_KEYS if isinstance(config.get(key), str) and config[key].strip()]
    language = language_for(config.get("language", "en")) if keys else None
    return {key: typeset_line(config[key], language) for key in keys}


def check_newsletter(value: object) -> None:
    """Refuse a newsletter table without a web address to sign up at and a line asking readers to."""
    if set(value) - {"url", "line"}:
        raise ConfigError(f"newsletter has {', '.join(sorted(set(value) - {'url', 'line'}))}; give url and line")
    if not isinstance(value.get("url"), str) or not WEB_ADDRESS.match(value["url"].strip()):
        raise ConfigError('newsletter needs a url, a web address such as url = "https://example.com/news"')
    if not isinstance(value.get("line"), str) or not value["line"].strip():
        raise ConfigError('newsletter needs a line, such as line = "Get a free story when you join my newsletter."')


def also_by_titles(value: object) -> None:
    """Refuse an empty title in also_by."""
    if not all(isinstance(title, str) and title.strip() for title in value):
        raise ConfigError("'also_by' holds an empty title; remove it")


def back_matter(config: dict, folder: Path) -> dict[str, object]:
    """Return the Metadata fields of the back matter book.toml gives."""
    keys = [key for key in TEXT_KEYS if config.get(key, "").strip()]
    # The back matter book.toml writes is typeset in book.toml's language, its record looked up once, here.
    language = language_for(config.get("language", "en")) if keys else None
    fields = {key: matter_text(folder, config[key], language) for key in keys}
    if config.get("also_by"):
        language = language or language_for(config.get("language", "en"))
        fields["also_by"] = tuple(typeset_line(" ".join(title.split()), language) for title in config["also_by"])
    if config.get("newsletter"):
        news = config["newsletter"]
        fields["newsletter"] = Newsletter(news["url"].strip(), " ".join(news["line"].split()))
    return fields
