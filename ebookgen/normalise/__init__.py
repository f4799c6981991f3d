"""Normalising: furniture off, structure found, typography set; the document model comes out."""
