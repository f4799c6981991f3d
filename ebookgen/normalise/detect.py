"""Find a story's language from its own words, when neither book.toml nor `--lang` names one.

Lingua (lingua-language-detector) weighs the story's first words against the character statistics of
75 languages. Its answer is used only when it is sure: enough words to judge (a 20-word note is not a
story) and one language far ahead of the rest. Either way `check` says what was found, so a writer can
write the language down and be sure. The detector is loaded once, on the first story that needs it, and its
answer for a text is kept in the cache (loading it is 0.3 s and 70 MB: a story built again, its opening
unchanged, is not weighed again).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ebookgen.cachedir import cache_home, keep, sha256
from ebookgen.languages import language_files
from ebookgen.patterns import lazy

# Fewer words than this and the answer is a guess, however confident the detector says it is.
MIN_WORDS = 100
# The detector's share of confidence the first language must have to be taken (its shares sum to 1).
SURE = 0.9
# Enough of the story to judge by, whatever its length: the time taken stays bounded.
SAMPLE_WORDS = 2000
# A word: a run of letters (and marks) in a script that spaces its words.
SPACED_WORD = lazy(r"[^\W\d_]+")
# The most answers kept: past it, the oldest go (a batch of thousands of works would otherwise leave as many files).
KEPT_MOST = 500
# Han ideographs and kana: two of them count as one word, as Chinese and Japanese words are one to three long.
UNSPACED = lazy("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Detected:
    """What the detector found in a story: a language's tag and name with its confidence, and whether it is sure."""

    tag: str = ""  # BCP 47 tag of the likeliest language; empty when nothing was found
    name: str = ""  # its English name, for the user: "German"
    confidence: float = 0.0  # the detector's share for it, 0 to 1
    words: int = 0  # how many words it judged by
    sure: bool = False
    # A text too short to be sure of is not weighed at once: the detector (0.3 s and 70 MB loading its models)
    # runs only when check asks what it would have guessed (``judged``). The text kept for that:
    unjudged: str = field(default="", repr=False, compare=False)

    def judged(self) -> Detected:
        """Return the detector's guess for a text too short to be sure of, weighed now; any other answer as it is."""
        return weighed(self.unjudged, self.words) if self.unjudged else self

    def describe(self) -> str:
        """Say in a few words what was found: `German, 0.98`, or why nothing was."""
        if not self.tag:
            return f"no language found in {self.words} words"
        return f"{self.name}, {self.confidence:.2f}"

    @property
    def why_unsure(self) -> str:
        """Say why the answer is not used: too few words, or no language far enough ahead."""
        if self.words < MIN_WORDS:
            return f"only {self.words} words, {MIN_WORDS} needed to be sure"
        return f"{self.confidence:.2f} is not sure, {SURE:.2f} needed"


def word_count(text: str) -> int:
    """Count a text's words: runs of letters, and Han or kana characters two to a word."""
    unspaced = len(UNSPACED.findall(text))
    spaced = len(SPACED_WORD.findall(UNSPACED.sub(" ", text)))
    return spaced + unspaced // 2


def sample(story: Iterable[str]) -> str:
    """Return the story's first lines, about SAMPLE_WORDS words of them: what the detector reads."""
    lines, words = [], 0
    for line in story:
        lines.append(line)
        words += word_count(line)
        if words >= SAMPLE_WORDS:
            break
    return "\n".join(lines)


def detect_language(story: Iterable[str]) -> Detected:
    """Return the language of a story's lines as the detector finds it, sure or not."""
    text = sample(story)
    words = word_count(text)
    if not words:
        return Detected(words=0)
    if words < MIN_WORDS:  # never sure: the guess is weighed only if check asks for it
        return Detected(words=words, unjudged=text)
    return weighed(text, words)


def weighed(text: str, words: int) -> Detected:
    """Return the language the detector finds likeliest in a text of `words` words, sure or not."""
    best = likeliest(text)
    if best is None:
        return Detected(words=words)
    tag, detector_name, value = best
    sure = words >= MIN_WORDS and value >= SURE
    return Detected(tag, language_name(tag, detector_name), round(value, 2), words, sure)


def likeliest(text: str) -> tuple[str, str, float] | None:
    """Return the detector's likeliest language for a text (its tag, its name, its confidence), or None: kept in
    the cache for this text and this copy of the detector, else weighed and kept."""
    path = cache_home() / "detected" / f"{sha256((detector_version() + chr(0) + text).encode()).hexdigest()}.json"
    try:
        kept = json.loads(path.read_bytes())
        if kept is None or (len(kept) == 3 and isinstance(kept[2], float)):
            return tuple(kept) if kept else None
    except (OSError, ValueError, TypeError):
        pass
    values = detector().compute_language_confidence_values(text)
    best = (language_tag(values[0].language), values[0].language.name, values[0].value) if values else None
    keep(path, json.dumps(best).encode())
    forget_oldest(path)
    return best


def forget_oldest(newest: Path) -> None:
    """Remove the oldest kept answers past KEPT_MOST, never the one just kept (listing them costs little beside
    weighing a text)."""
    try:
        kept = sorted(
            (path for path in newest.parent.glob("*.json") if path != newest), key=lambda path: path.stat().st_mtime_ns
        )
        for path in kept[: max(0, len(kept) + 1 - KEPT_MOST)]:
            path.unlink(missing_ok=True)
    except OSError:
        pass  # another build removed one first, or the cache cannot be written: it only costs the time


@cache
def detector_version() -> str:
    """Name the installed detector by its module file's place, size and time: another version weighs afresh."""
    import importlib.util

    spec = importlib.util.find_spec("lingua")
    if spec is None or not spec.origin:
        return "none"
    status = Path(spec.origin).stat()
    return f"{spec.origin} {status.st_size} {status.st_mtime_ns}"


def language_tag(language: object) -> str:
    """Return the BCP 47 tag of one of the detector's languages: its ISO 639-1 code, or 639-3 where it has none."""
    code = getattr(language, "iso_code_639_1", None)
    name = getattr(code, "name", "") if code is not None else ""
    return (name or language.iso_code_639_3.name).lower()


def language_name(tag: str, detector_name: str) -> str:
    """Return a language's English name: its language file's, else the detector's (`GERMAN` as `German`)."""
    known = language_files().get(tag)
    return known.name if known is not None and known.name else detector_name.replace("_", " ").title()


@cache
def detector():
    """Load the detector once: every language it knows, by its lighter trigram models (fast on a whole story)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
