"""What every reader hands back: the model's ``Document`` (raw text for .txt/.md, blocks for structured files).

The records live in the model (``ebookgen.model.document``), the only thing handed between stages;
``SourceText`` is the readers' old name for a document, kept for the callers that use it.
"""

from __future__ import annotations

from ebookgen.model.document import Document, FoundMetadata, Resource

SourceText = Document

__all__ = ["Document", "FoundMetadata", "Resource", "SourceText"]
