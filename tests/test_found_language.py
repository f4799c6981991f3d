"""A reported language is told a tag or not without loading the tag registry where it needs not be, as it tells."""

from __future__ import annotations

import langcodes

from ebookgen.normalise.found_language import TAG_SHAPE, file_codes, language_names, standard_tag


def test_a_name_the_shortcut_refuses_as_a_tag_is_no_tag_to_the_registry() -> None:
    shaped = [name for name in language_names() if TAG_SHAPE.fullmatch(name)]
    refused = [name for name in shaped if not standard_tag(name)]
    assert "english" in refused and "deutsch" in refused
    assert not [name for name in refused if langcodes.tag_is_valid(name)]


def test_a_language_file_s_code_is_a_registered_standard_tag() -> None:
    assert "en" in file_codes() and "fr" in file_codes()
    assert not [code for code in file_codes() if not langcodes.tag_is_valid(code)]
    assert not [code for code in file_codes() if langcodes.standardize_tag(code) != code]
