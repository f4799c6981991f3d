"""Patterns compiled on first use (``ebookgen/patterns.py``): a stage's regular expressions cost nothing at import.

Compiling them was most of a short story's start-up (issue 30); a 20-word story uses a few dozen of some 200.
"""

from __future__ import annotations

import copy
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

from ebookgen.patterns import lazy

ROOT = Path(__file__).resolve().parent.parent
# The stages whose module-level patterns are compiled on first use.
LAZY_STAGES = ("ebookgen.model", "ebookgen.readers", "ebookgen.normalise", "ebookgen.render", "ebookgen.languages")


def test_a_lazy_pattern_answers_as_the_compiled_one():
    compiled, pattern = re.compile(r"(?P<word>\w+)-(\d)", re.I), lazy(r"(?P<word>\w+)-(\d)", re.I)
    text = "Fox-1 and owl-2, not bat-x"
    assert pattern.findall(text) == compiled.findall(text)
    assert pattern.sub(r"\2\g<word>", text) == compiled.sub(r"\2\g<word>", text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.search(text).group("word") == "Fox" and pattern.fullmatch("a-1") and not pattern.match("-1")
    assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )


def test_a_lazy_pattern_is_compiled_once_on_first_use():
    pattern = lazy(r"a+")
    assert "sub" not in vars(pattern)
    assert pattern.sub("b", "caat") == "cbt"
    assert vars(pattern)["sub"].__self__ is vars(pattern)["search"].__self__  # one compiled pattern kept


def test_a_lazy_pattern_survives_copy_and_pickle():
    for pattern in (lazy(r"o+"), lazy(r"o+")):
        pattern.search("x")  # used or not, it copies
        assert pickle.loads(pickle.dumps(pattern)).sub("0", "foo") == "f0"
        assert copy.deepcopy(pattern).sub("0", "foo") == "f0"
    assert pickle.loads(pickle.dumps(lazy(r"o+"))).findall("oo o") == ["oo", "o"]


def test_importing_the_epub_build_compiles_none_of_the_stages_patterns():
    """A command pays only for the patterns its text needs: none of the stages' are compiled at import."""
    code = (
        "import re, sys, ebookgen.build, ebookgen.epub.writer\n"
        f"stages = {LAZY_STAGES!r}\n"
        "for name, module in list(sys.modules.items()):\n"
        "    if name.startswith(stages):\n"
        "        for attr, value in vars(module).items():\n"
        "            if isinstance(value, re.Pattern):\n"
        "                print(name + '.' + attr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
