"""Install Noto Emoji, the monochrome emoji face the PDF sets emoji in, from npm's @fontsource/noto-emoji.

The package ships the face as WOFF subsets; this joins the regular weight's subsets into one TrueType file
(fontTools) in the given folder, with its licence (SIL OFL 1.1). ebookgen finds it there by path
(``ebookgen/pdf/fonts.py``, FOLDERS); fontconfig's cache is refreshed for other programs only.
Run by `make fonts`: `python tools/emoji_font.py FOLDER`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@fontsource/noto-emoji"
FACE = "NotoEmoji-Regular.ttf"


def fetch_package(folder: Path) -> Path:
    """Download the npm package's tarball into folder and unpack it; return its package folder."""
    subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=folder, check=True, capture_output=True)
    tarball = next(folder.glob("*.tgz"))
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


def joined_face(package: Path, target: Path) -> None:
    """Join the regular weight's WOFF subsets into one TrueType face at target."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    parts = []
    for woff in sorted((package / "files").glob("noto-emoji-*-400-normal.woff")):
        face = TTFont(woff)
        face.flavor = None
        part = woff.with_suffix(".ttf")
        face.save(part)
        parts.append(str(part))
    Merger().merge(parts).save(target)


def main(folder: str) -> None:
    """Install the face into folder unless it is there."""
    target_folder = Path(folder)
    if (target_folder / FACE).is_file():
        return
    if not shutil.which("npm"):
        print("npm not found: Noto Emoji not installed; emoji print as boxes", file=sys.stderr)
        return
    target_folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        package = fetch_package(Path(work))
        joined_face(package, Path(work) / FACE)
        shutil.copy(Path(work) / FACE, target_folder / FACE)
        shutil.copy(package / "LICENSE", target_folder / "NotoEmoji-OFL.txt")
    subprocess.run(["fc-cache", "-f", str(target_folder)], check=False, capture_output=True)


if __name__ == "__main__":
    main(sys.argv[1])
