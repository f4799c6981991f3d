"""Write a dialogue-heavy story, as fan fiction mostly is: short lines of talk, a few paragraphs between.

The same seed gives the same story, so `make quality` and the tests measure the same text every run.
"""

from __future__ import annotations

import random

NAMES = ("Hermione", "Draco", "Natasha", "Alexander", "Rory", "Jess", "Evangeline", "Bartholomew", "Lorelai")
SAID = ("said", "asked", "whispered", "muttered", "replied", "snapped", "laughed", "sighed", "called")
LINES = (
    "Where are you going?",
    "Nowhere. Just out.",
    "You always say that.",
    "Because it is always true.",
    "Do you remember the summer at the lake, when everything was still simple and nobody had left yet?",
    "I don't want to talk about it.",
    "Then what do you want to talk about?",
    "Anything else. The weather. Your terrible taste in music.",
    "My taste in music is impeccable, thank you very much.",
    "Fine.",
    "Fine?",
    "Yes. Fine. Absolutely, completely, unquestionably fine.",
    "You're impossible, you know that?",
    "So I have been told, repeatedly and at considerable length, by nearly everyone I have ever met.",
    "Wait.",
    "What now?",
    "Nothing. Forget it. It was a stupid idea anyway.",
    "Tell me something I don't know.",
)
NARRATIVE = (
    "the kitchen was quiet except for the clock above the stove and the rain against the window, and for a "
    "long moment neither of them moved, as if the smallest sound might break whatever fragile thing had settled "
    "between them over the course of the evening"
).split()


def talk(chance: random.Random) -> str:
    """Write one line of talk, tagged with a speaker about half the time."""
    spoken = chance.choice(LINES)
    if chance.random() < 0.5:
        return f"\u201c{spoken}\u201d"
    name, verb = chance.choice(NAMES), chance.choice(SAID)
    if spoken.endswith("."):
        return f"\u201c{spoken[:-1]},\u201d {name} {verb}."
    return f"\u201c{spoken}\u201d {name} {verb}."


def narration(chance: random.Random) -> str:
    """Write a paragraph of narration between the talk, thirty to ninety words."""
    count = chance.randint(30, 90)
    words = [chance.choice(NARRATIVE) if chance.random() < 0.9 else chance.choice(NAMES) for _ in range(count)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def dialogue_story(words: int = 10_000, chapters: int = 5, seed: int = 28) -> str:
    """Write a story of about `words` words in chapters, four lines of talk to each paragraph of narration."""
    chance, parts, per = random.Random(seed), [], words // chapters
    for number in range(1, chapters + 1):
        paragraphs, written = [f"Chapter {number}"], 0
        while written < per:
            paragraph = narration(chance) if chance.random() < 0.2 else talk(chance)
            if chance.random() < 0.01:
                paragraphs.append("* * *")
            paragraphs.append(paragraph)
            written += len(paragraph.split())
        parts.append("\n\n".join(paragraphs))
    return "\n\n".join(parts) + "\n"
