"""The command group: global options accepted after the command too, and a suggestion for a mistyped command."""

from __future__ import annotations

import difflib

from typer.core import TyperGroup

from ebookgen.cli.coercion import lighten
from ebookgen.cli.plain import is_global_flag


def hoisted(args: list[str]) -> list[str]:
    """Move the global flags that follow the command to before it (`pdf -q x` -> `-q pdf x`); `--` ends the search."""
    command = next((index for index, arg in enumerate(args) if not arg.startswith("-")), None)
    if command is None:
        return args
    head, tail = args[: command + 1], args[command + 1 :]
    stop = tail.index("--") if "--" in tail else len(tail)
    flags = [arg for arg in tail[:stop] if is_global_flag(arg)]
    rest = [arg for arg in tail[:stop] if not is_global_flag(arg)] + tail[stop:]
    return head[:command] + flags + head[command:] + rest


def suggestions(typo: str, commands: list[str]) -> list[str]:
    """Return the commands a mistyped name most likely meant: close spellings and swapped letters (`ebup`)."""
    close = difflib.get_close_matches(typo, commands, n=3, cutoff=0.5)
    swapped = [name for name in commands if sorted(name) == sorted(typo) and name not in close]
    return close + swapped


class EbookgenGroup(TyperGroup):
    """ebookgen's command group."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        """Parse the group's options wherever they stand on the line."""
        lighten(self, ctx)
        return super().parse_args(ctx, hoisted(list(args)))

    def resolve_command(self, ctx, args: list[str]):
        """Find the command, or fail suggesting the commands a mistyped name meant."""
        try:
            name, command, rest = super().resolve_command(ctx, args)
            lighten(command, ctx)
            return name, command, rest
        except Exception as error:  # click's UsageError: add what the user most likely meant
            found = suggestions(args[0], list(self.commands)) if args else []
            if found and hasattr(error, "message"):
                error.message = f"No such command {args[0]!r}. Did you mean {' or '.join(map(repr, found))}?"
            raise
