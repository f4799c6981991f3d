"""The project: what to build (a manuscript file or folder) and its book.toml, checked once when loaded."""
