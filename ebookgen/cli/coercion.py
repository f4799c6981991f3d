"""Plain coercion of text and path options, so that a command line of them never imports Pydantic.

Typer (from 0.2x) turns every given option's text into its value through a Pydantic ``TypeAdapter``; importing
Pydantic and building the adapters is about a tenth of a short story's whole EPUB build. A ``str`` option is the
text click read, a ``Path`` option is ``Path(text)``, a flag is the yes or no click found and a number written as
digits within its range is that number, so those are converted here; anything else (a number Typer must refuse,
lists, choices) keeps Typer's own coercion and messages. A Typer without this machinery is left as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

# The option types converted here: text and paths by their own constructor, a flag already a yes or no kept,
# a number written plainly and within its range; anything else goes to Typer, whose messages stay as they are.
PLAIN_KINDS = (str, Path, bool, int, float)
PLAIN_NUMBERS = {int: re.compile(r"[+-]?\d+"), float: re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")}


def plain_value(kind: type, value, info):
    """Return the value converted without Typer's coercion, or None when only Typer can tell what it is."""
    if kind in (str, Path):
        return kind(value)
    if kind is bool:
        return value if isinstance(value, bool) else None
    if not isinstance(value, str) or not PLAIN_NUMBERS[kind].fullmatch(value):
        return None
    number = kind(value)
    if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
        return None
    return number


def plain_runtime_param():
    """Return Typer's coercion base class with a plain conversion, or None for a Typer that has none."""
    try:
        from typer._coercion import RuntimeParam
    except ImportError:
        return None

    class PlainRuntimeParam(RuntimeParam):
        """Convert a text or path option by its type's constructor (Pydantic's result for these two)."""

        def _coerce_value(self, value, param, ctx):
            plain = plain_value(self.annotation, value, self.parameter_info)
            if plain is not None:
                return plain
            from typer._coercion import build_runtime_param  # Typer's own reading, and its message if refused

            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    return PlainRuntimeParam


def lighten(command, ctx) -> None:
    """Give the command's text, path and flag parameters (--help too) the plain conversion before first use."""
    plain = plain_runtime_param()
    if plain is None:
        return
    for param in command.get_params(ctx):
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", True) is not None:
            continue
        if descriptor.annotation in PLAIN_KINDS and not descriptor.is_file and not descriptor.is_choice:
            param._runtime_param = plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
