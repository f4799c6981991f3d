"""Run the CLI with ``python -m ebookgen``."""

from ebookgen.cli.app import main

main()
