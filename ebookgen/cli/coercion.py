"""Plain coercion of text and path options, so that a command line of them never imports Pydantic.

Typer (from 0.2x) turns every given option's text into its value through a Pydantic ``TypeAdapter``; importing
Pydantic and building the adapters is about a tenth of a short story's whole EPUB build. A ``str`` option is the
text click read, a ``Path`` option is ``Path(text)`` and a flag is the yes or no click found, so those are converted
here; every other kind (numbers with their ranges, lists, choices) keeps Typer's own coercion. A Typer without
this machinery is left as it is.
"""

from __future__ import annotations

from pathlib import Path

# The option types converted here: text and paths by their own constructor, a flag already a yes or no kept.
PLAIN_KINDS = (str, Path, bool)


def plain_runtime_param():
    """Return Typer's coercion base class with a plain conversion, or None for a Typer that has none."""
    try:
        from typer._coercion import RuntimeParam
    except ImportError:
        return None

    class PlainRuntimeParam(RuntimeParam):
        """Convert a text or path option by its type's constructor (Pydantic's result for these two)."""

        def _coerce_value(self, value, param, ctx):
            if self.annotation is not bool:
                return self.annotation(value)
            if isinstance(value, bool):
                return value
            from typer._coercion import build_runtime_param  # a flag's value as text: Typer's own reading

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
        if descriptor.annotation in PLAIN_KINDS and descriptor.file_annotation is None:
            param._runtime_param = plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
