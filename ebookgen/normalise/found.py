"""Merge what a reader found in a file (its header block, OPF or download page) into the book's metadata."""

from __future__ import annotations

import re
from dataclasses import replace

from ebookgen.model import Metadata
from ebookgen.normalise.typography import typeset
from ebookgen.readers.source import FoundMetadata

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def with_found_metadata(metadata: Metadata, found: FoundMetadata, default_titles: frozenset[str]) -> Metadata:
    """Fill what book.toml and the command line left at their defaults from a header block."""
    changes: dict = {}
    if found.title and metadata.title in default_titles:
        changes["title"] = typeset(found.title)
    if found.author and metadata.authors == ("Anonymous",):
        changes["authors"] = tuple(name.strip() for name in found.author.split(" and ") if name.strip())
    if found.description and not metadata.description:
        changes["description"] = typeset(found.description)
    if found.subjects and not metadata.subjects:
        changes["subjects"] = found.subjects
    if found.series and not metadata.series:
        changes["series"] = found.series
    if found.contributors and not metadata.contributors:
        changes["contributors"] = found.contributors
    if found.public_domain:
        changes["public_domain"] = True
    changes.update(archive_metadata(metadata, found))
    return replace(metadata, **changes) if changes else metadata


def archive_metadata(metadata: Metadata, found: FoundMetadata) -> dict:
    """Fill what a download says beyond a header block: subtitle, series place, date, source, rating, warnings."""
    changes: dict = {}
    if found.subtitle and not metadata.subtitle:
        changes["subtitle"] = typeset(found.subtitle)
    if found.series_index.isdigit() and not metadata.series_index and (metadata.series or found.series):
        changes["series_index"] = found.series_index
    if ISO_DAY.fullmatch(found.date) and not metadata.date:
        changes["date"] = found.date
    for name in ("source", "rating", "warnings"):
        if getattr(found, name) and not getattr(metadata, name):
            changes[name] = getattr(found, name)
    return changes
