"""The detector's answer for a story's opening is kept in the cache (normalise/detect.py): a story built again is
not weighed again (loading the detector is 0.3 s and 70 MB), and the answer is the detector's own."""

from __future__ import annotations

import pytest

import ebookgen.normalise.detect as detect
from tests.test_lang_detect import FRENCH, GERMAN


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "ebookgen" / "detected"


def test_a_story_weighed_again_is_read_from_the_cache(cache, monkeypatch):
    first = detect.detect_language(GERMAN.splitlines())
    assert (first.tag, first.sure) == ("de", True)
    assert len(list(cache.iterdir())) == 1
    monkeypatch.setattr(detect, "detector", lambda: pytest.fail("weighed again"))
    assert detect.detect_language(GERMAN.splitlines()) == first


def test_another_opening_is_weighed(cache, monkeypatch):
    german = detect.detect_language(GERMAN.splitlines())
    french = detect.detect_language(FRENCH.splitlines())
    assert (german.tag, french.tag) == ("de", "fr")
    assert len(list(cache.iterdir())) == 2


def test_a_spoilt_kept_answer_is_weighed_again(cache):
    first = detect.detect_language(FRENCH.splitlines())
    (kept,) = cache.iterdir()
    for spoilt in ('["fr", "FRENCH"', '["fr", "FRENCH", "high"]', "{}"):
        kept.write_text(spoilt, encoding="utf-8")
        assert detect.detect_language(FRENCH.splitlines()) == first


def test_another_copy_of_the_detector_weighs_afresh(cache, monkeypatch):
    detect.detect_language(GERMAN.splitlines())
    monkeypatch.setattr(detect, "detector_version", lambda: "lingua 9.9")
    detect.detect_language(GERMAN.splitlines())
    assert len(list(cache.iterdir())) == 2


def test_the_oldest_answers_go_past_the_most_kept(cache, monkeypatch):
    """A batch of many works without a language does not leave an answer for each in the cache."""
    monkeypatch.setattr(detect, "KEPT_MOST", 1)
    detect.detect_language(GERMAN.splitlines())
    (german,) = cache.iterdir()
    detect.detect_language(FRENCH.splitlines())
    (french,) = cache.iterdir()
    assert french != german
