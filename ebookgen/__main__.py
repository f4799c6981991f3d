"""Run the CLI with ``python -m ebookgen``."""

from .cli import main

main()
