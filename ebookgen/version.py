"""The version of ebookgen, in a module of its own so that any stage can name it without importing the others."""

__version__ = "0.1.0"
