"""The language found in the story's own words when neither book.toml nor --lang names one.

Used when the detector is sure (German quotes in an unlabelled German story), reported by check either
way, and refused on a text too short to judge.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.normalise.detect import MIN_WORDS, detect_language, word_count

runner = CliRunner()

GERMAN = """Kapitel 1

"Kommst du heute Abend noch vorbei?", fragte sie, als er schon an der Tür stand. Er drehte sich nicht um.
Draußen regnete es seit dem Morgen, und die Straßen der kleinen Stadt lagen leer und grau unter dem tiefen
Himmel. Er dachte an seinen Bruder, der vor vielen Jahren nach Hamburg gegangen war und seitdem nur noch
zu Weihnachten schrieb. "Vielleicht", sagte er endlich. "Es hängt davon ab, wie lange die Arbeit dauert."

Sie nickte, obwohl er es nicht sehen konnte. In der Küche kochte das Wasser, und der Geruch von frischem
Brot füllte das ganze Haus. Sie wusste, dass er nicht kommen würde. Er kam nie, wenn er "vielleicht" sagte.
Trotzdem deckte sie den Tisch für zwei Personen, stellte die Kerzen auf und wartete bis nach Mitternacht.
Am nächsten Morgen fand sie einen Brief unter der Tür, den jemand in der Nacht gebracht haben musste.
"""

FRENCH = """Chapitre 1

"Tu viendras ce soir ?" demanda-t-elle alors qu'il était déjà sur le pas de la porte. Il ne se retourna pas.
Dehors, il pleuvait depuis le matin, et les rues de la petite ville étaient vides et grises sous un ciel bas.
Il pensait à son frère, parti pour Marseille il y a bien des années, et qui n'écrivait plus qu'à Noël.
"Peut-être", dit-il enfin. "Cela dépend du temps que prendra le travail."

Elle hocha la tête, bien qu'il ne pût pas la voir. Dans la cuisine, l'eau bouillait, et l'odeur du pain
frais remplissait toute la maison. Elle savait qu'il ne viendrait pas. Il ne venait jamais quand il disait
"peut-être". Pourtant, elle mit la table pour deux, alluma les bougies et attendit jusqu'après minuit.
Le lendemain matin, elle trouva sous la porte une lettre que quelqu'un avait dû apporter pendant la nuit.
"""

SPANISH = """Capítulo 1

-¿Vendrás esta noche? -preguntó ella cuando él ya estaba en la puerta. Él no se dio la vuelta. Afuera
llovía desde la mañana, y las calles del pequeño pueblo estaban vacías y grises bajo un cielo muy bajo.
Pensaba en su hermano, que se había marchado a Buenos Aires hacía muchos años y que ya solo escribía
por Navidad. -Quizás -dijo por fin-. Depende de cuánto tarde el trabajo.

Ella asintió, aunque él no podía verla. En la cocina hervía el agua, y el olor del pan recién hecho
llenaba toda la casa. Sabía que no vendría. Nunca venía cuando decía "quizás". Aun así, puso la mesa
para dos, encendió las velas y esperó hasta después de la medianoche. A la mañana siguiente encontró
bajo la puerta una carta que alguien debía de haber traído durante la noche, sin firma y sin sello.
"""

JAPANESE = """第1章

「今夜は来るの？」と彼女は聞いた。彼はもう玄関に立っていたが、振り返らなかった。外は朝から雨が降り続いていて、
小さな町の通りは低い空の下で灰色に静まり返っていた。彼は何年も前に東京へ行ってしまった兄のことを考えていた。
兄はそれ以来、正月にしか手紙を書いてこなかった。「たぶんね」と彼はやっと言った。「仕事がどれだけかかるかによる」

彼女は、彼には見えないと知りながらうなずいた。台所ではお湯が沸いていて、焼きたてのパンの匂いが家じゅうに広がっていた。
彼が来ないことは分かっていた。「たぶん」と言うとき、彼は決して来なかった。それでも彼女は二人分の食卓を整え、
ろうそくに火をともして、真夜中を過ぎるまで待っていた。翌朝、誰かが夜のうちに届けたらしい手紙が戸口の下にあった。
"""

SHORT_GERMAN = (
    "Kapitel 1\n\nEr kam spät nach Hause, und sie wartete schon lange in der Küche auf ihn. Niemand sagte ein Wort.\n"
)


def built_chapter(tmp_path: Path, text: str, *args: str) -> tuple[str, str]:
    """Build a story with no language named; return its first chapter's XHTML and check's output."""
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    epub = tmp_path / "story.epub"
    built = runner.invoke(app, ["epub", str(story), "-o", str(epub), *args])
    assert built.exit_code == 0, built.output
    with zipfile.ZipFile(epub) as book:
        chapter = book.read("EPUB/text/chapter-001.xhtml").decode()
    checked = runner.invoke(app, ["check", str(story), *args])
    return chapter, checked.output


@pytest.mark.parametrize(
    "text, tag, name, typeset",
    [
        (GERMAN, "de", "German", "„Kommst du heute Abend noch vorbei?“, fragte sie"),
        (FRENCH, "fr", "French", "« Tu viendras ce soir ? » demanda-t-elle"),
        (SPANISH, "es", "Spanish", "—¿Vendrás esta noche? —preguntó ella"),
        (JAPANESE, "ja", "Japanese", "「今夜は来るの？」"),
    ],
)
def test_an_unlabelled_story_is_set_in_the_language_found(
    tmp_path: Path, text: str, tag: str, name: str, typeset: str
) -> None:
    """An unlabelled story long enough to judge is set in its language; check names it, its confidence, the fix."""
    chapter, checked = built_chapter(tmp_path, text)
    assert f'xml:lang="{tag}"' in chapter
    assert typeset.replace(" ", "").replace("\u202f", "") in chapter.replace(" ", "").replace("\u202f", "")
    line = next(line for line in checked.splitlines() if line.startswith("metadata: language"))
    assert line.startswith(f"metadata: language {tag}, from ") and f"found: {name}, " in line
    assert float(line.split(f"found: {name}, ")[1][:4]) >= 0.9
    assert f'say language = "{tag}"' in line


def test_a_twenty_word_text_is_not_judged(tmp_path: Path) -> None:
    """A note of 20 words is too short to be sure of: the book keeps the default, and check says why."""
    assert word_count(SHORT_GERMAN) <= 20
    chapter, checked = built_chapter(tmp_path, SHORT_GERMAN)
    assert 'xml:lang="en"' in chapter
    assert "metadata: language en, by default" in checked
    assert f"only {word_count(SHORT_GERMAN)} words, {MIN_WORDS} needed" in checked
    assert 'say language = "de" in book.toml' in checked


def test_a_named_language_is_never_second_guessed(tmp_path: Path) -> None:
    """--lang (or book.toml) wins over what the detector would find: a German story built as English stays so."""
    chapter, checked = built_chapter(tmp_path, GERMAN, "--lang", "en")
    assert 'xml:lang="en"' in chapter and "“Kommst du heute Abend noch vorbei?”" in chapter
    assert "metadata: language en, from the --lang option" in checked
    assert "not found in the story's text" not in checked


def test_the_detector_counts_words_in_every_script() -> None:
    """Spaced words count one each; Han and kana two characters to a word."""
    assert word_count("Er kam spät nach Hause.") == 5
    assert word_count("彼は来ない") == 2
    assert detect_language(["", ""]).tag == ""
