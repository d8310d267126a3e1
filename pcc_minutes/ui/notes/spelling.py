"""British English spell checking for the notes: the checker, the red underline, the menu.

The words come from an offline dictionary through Enchant (``pyenchant`` with the Hunspell
``en_GB`` dictionary: Debian packages ``hunspell-en-gb`` and ``libenchant-2-2``), so checking
works on a train with no network. Words the user adds go to a personal word list in the user's
config folder. When Enchant or the dictionary is missing the notes simply have no spelling:
``available()`` says why, and nothing raises or pops up.

Not flagged: words with digits (``2024/25``, ``24hrs``), e-mail and web addresses, and a small
list of policing terms. An all-capital acronym and its plural (``HMICFRS``, ``DVPOs``) is
flagged only when it is one slip away from an acronym the checker knows but is not one itself
(``OCCRs`` for ``OOCRs``): a general dictionary knows few acronyms, so an unknown one alone is
no sign of a mistake, but a near miss of a known one is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu

LANGUAGE = "en_GB"
MAX_SUGGESTIONS = 5

# Terms of the trade a general dictionary lacks. Acronyms are skipped anyway; they are listed so
# that the list documents the vocabulary, and mixed-case ones (Taser) need it.
POLICING_TERMS = frozenset(
    word.casefold()
    for word in """
    PCC PCCs OPCC OPCCs HMICFRS HMIC IOPC NPCC APCC CPS CID ANPR BWV CCTV
    DVPO DVPOs DVPN DVPNs DVDS MARAC MARACs MAPPA RASSO VAWG ASB CSE
    OOCR OOCRs PCSO PCSOs ICV ICVs Taser Tasers Tasered Tasering ROST AFI AFIs
    """.split()
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ADDRESS = re.compile(r"\S+@\S+\.\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
_PROVIDERS = "hunspell,aspell,*"  # the Hunspell en_GB dictionary first, where several are


class SpellingUnavailable(Exception):
    """Why spelling is off, in a sentence the user can act on."""


@dataclass(frozen=True)
class Availability:
    ok: bool
    reason: str = ""  # empty when ok

    def __bool__(self) -> bool:
        return self.ok


def default_personal_dictionary() -> Path:
    """The user's own word list: one word a line, in the user's config folder."""
    from platformdirs import user_config_path

    return user_config_path("pcc-minutes", appauthor=False) / f"dictionary-{LANGUAGE}.txt"


def _enchant():
    try:
        import enchant
    except ImportError as exc:
        if "enchant" in str(exc) and "library" in str(exc).lower():
            raise SpellingUnavailable(
                "Spelling is off: the Enchant library is not installed (libenchant-2-2)."
            ) from exc
        raise SpellingUnavailable(
            "Spelling is off: the pyenchant package is not installed."
        ) from exc
    except OSError as exc:  # the library is there but cannot be loaded
        raise SpellingUnavailable(f"Spelling is off: Enchant could not be loaded ({exc}).") from exc
    return enchant


def _broker(enchant, language: str):
    broker = enchant.Broker()
    broker.set_ordering(language, _PROVIDERS)
    if not broker.dict_exists(language):
        raise SpellingUnavailable(
            f"Spelling is off: no {language} dictionary is installed (hunspell-en-gb)."
        )
    return broker


@lru_cache(maxsize=4)
def available(language: str = LANGUAGE) -> Availability:
    """Whether spelling can work here, and if not, why."""
    try:
        _broker(_enchant(), language)
    except SpellingUnavailable as exc:
        return Availability(False, str(exc))
    return Availability(True)


def create_checker(
    language: str = LANGUAGE, personal_dictionary: Path | None = None
) -> SpellChecker | None:
    """A checker, or ``None`` when spelling is unavailable (``available()`` says why)."""
    try:
        return SpellChecker(language, personal_dictionary)
    except SpellingUnavailable:
        return None


def _checkable(word: str) -> bool:
    """Whether a word is one to look up at all (see the module docstring)."""
    if len(word) < 2 or any(ch.isdigit() for ch in word):
        return False
    stem = re.sub(r"['’]s$", "", word)
    return stem.casefold() not in POLICING_TERMS


def acronym_of(word: str) -> str | None:
    """The acronym a word is (its plural's "s" and possessive dropped), or None: "DVPOs" ->
    "DVPO"; "Taser", "UK's" with fewer than two capitals left -> None."""
    stem = re.sub(r"['’]s$", "", word)
    acronym = stem[:-1] if stem.endswith("s") and len(stem) > 2 else stem
    return acronym if len(acronym) >= 2 and acronym.isupper() else None


def one_slip_apart(one: str, other: str) -> bool:
    """Whether two words differ by one letter changed, added, dropped, or two neighbours
    swapped (the slips of a fast typist)."""
    if one == other or abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        diffs = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and one[diffs[0]] == other[diffs[1]]
            and one[diffs[1]] == other[diffs[0]]
        )
    short, long_ = sorted((one, other), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


KNOWN_ACRONYMS = frozenset(
    acronym for term in POLICING_TERMS if (acronym := acronym_of(term.upper())) is not None
)


class SpellChecker:
    """Looks words up in the dictionary plus the personal word list; caches answers, since
    the same words come back on every keystroke of a paragraph."""

    def __init__(self, language: str = LANGUAGE, personal_dictionary: Path | None = None):
        enchant = _enchant()
        broker = _broker(enchant, language)
        self.language = language
        self.personal_dictionary = personal_dictionary or default_personal_dictionary()
        self.saves_words = True
        try:
            self.personal_dictionary.parent.mkdir(parents=True, exist_ok=True)
            self.personal_dictionary.touch(exist_ok=True)
            self._dict = enchant.DictWithPWL(language, str(self.personal_dictionary), broker=broker)
        except OSError:
            # An unwritable config folder must not cost the spelling: added words then last
            # until the app closes.
            self.saves_words = False
            self._dict = broker.request_dict(language)
        self._broker = broker
        self._known: dict[str, bool] = {}
        self._acronyms = set(KNOWN_ACRONYMS)  # with the user's own, from the word list
        try:
            lines = self.personal_dictionary.read_text(encoding="utf-8").split()
        except (OSError, UnicodeError):
            lines = []
        self._acronyms.update(a for a in map(acronym_of, lines) if a is not None)

    def near_acronyms(self, word: str) -> list[str]:
        """The known acronyms one slip away from ``word``'s acronym, if it is one and not
        itself known."""
        acronym = acronym_of(word)
        # Three-letter acronyms are too many and too close ("CSP" is not a slip for "CPS").
        if acronym is None or len(acronym) < 4 or acronym in self._acronyms:
            return []
        return sorted(known for known in self._acronyms if one_slip_apart(acronym, known))

    def is_misspelt(self, word: str) -> bool:
        if not _checkable(word):
            return False
        known = self._known.get(word)
        if known is None:
            if len(self._known) > 50_000:
                self._known.clear()
            if acronym_of(word) is not None:  # see the module docstring
                known = not self.near_acronyms(word) or self._dict.check(word)
            else:
                # Hunspell word lists spell the apostrophe straight; the notes use the curly one.
                known = bool(self._dict.check(word.replace("’", "'")))
            known = self._known[word] = bool(known)
        return not known

    def misspellings(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each misspelt word in a line of text."""
        addresses = [match.span() for match in _ADDRESS.finditer(text)]
        for match in _WORD.finditer(text):
            start, end = match.span()
            if any(low <= start < high for low, high in addresses):
                continue
            if self.is_misspelt(match.group()):
                yield start, end

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        curly = "’" in word
        acronym = acronym_of(word)
        ending = word[len(acronym) :] if acronym and word.startswith(acronym) else ""
        out: list[str] = [known + ending for known in self.near_acronyms(word)][:limit]
        if len(out) == limit:
            return out
        for suggestion in self._dict.suggest(word.replace("’", "'")):
            if curly:
                suggestion = suggestion.replace("'", "’")
            if suggestion not in out:
                out.append(suggestion)
            if len(out) == limit:
                break
        return out

    def add_to_dictionary(self, word: str) -> None:
        acronym = acronym_of(word)
        if acronym is not None:
            self._acronyms.add(acronym)
        word = word.replace("’", "'")
        if self.saves_words:
            self._dict.add(word)
        else:
            self._dict.add_to_session(word)
        self._known.clear()


def word_at(text: str, column: int) -> tuple[int, int, str] | None:
    """The word touching ``column`` in a line of text: (start, end, word)."""
    for match in _WORD.finditer(text):
        if match.start() <= column <= match.end():
            return match.start(), match.end(), match.group()
    return None


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words, one block at a time (the highlighter's own rhythm).

    ``typing_position`` tells where a word is being typed (block number, column); that word is
    left alone until it is finished, so the minute-taker is not nagged mid-word.
    """

    def __init__(
        self,
        document: QTextDocument,
        checker: SpellChecker,
        *,
        typing_position: Callable[[], tuple[int, int] | None] | None = None,
    ):
        super().__init__(document)
        self.checker = checker
        self._typing_position = typing_position
        self._held_block: int | None = None  # the block whose word in progress was skipped
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor(Qt.GlobalColor.red))

    def highlightBlock(self, text: str) -> None:
        number = self.currentBlock().blockNumber()
        typing = self._typing_position() if self._typing_position else None
        skip = typing[1] if typing and typing[0] == number else None
        for start, end in self.checker.misspellings(text):
            if end == skip:
                self._held_block = number
                continue
            self.setFormat(start, end - start, self._format)

    def finish_typed_word(self) -> None:
        """The cursor has left the word being typed: check it now."""
        if self._held_block is None:
            return
        block = self.document().findBlockByNumber(self._held_block)
        self._held_block = None
        if block.isValid():
            self.rehighlightBlock(block)

    def is_flagged(self, cursor: QTextCursor) -> bool:
        """Whether the word at the cursor is underlined (for tests and accessibility)."""
        found = word_at(cursor.block().text(), cursor.positionInBlock())
        return found is not None and self.checker.is_misspelt(found[2])


def add_spelling_actions(
    menu: QMenu, highlighter: SpellingHighlighter, cursor: QTextCursor
) -> list[QAction]:
    """Put the suggestions for the misspelt word at ``cursor`` (up to five) and "Add to
    dictionary" at the top of a context menu. Returns the actions added (none for a word
    spelt right)."""
    block = cursor.block()
    found = word_at(block.text(), cursor.positionInBlock())
    if found is None or not highlighter.checker.is_misspelt(found[2]):
        return []
    start, end, word = found
    document = cursor.document()
    at = block.position()
    actions: list[QAction] = []
    suggestions = highlighter.checker.suggestions(word)
    for suggestion in suggestions:
        action = QAction(suggestion, menu)
        replace = partial(_replace, document, at + start, at + end, word, suggestion)
        action.triggered.connect(replace)
        actions.append(action)
    if not suggestions:
        none = QAction("No suggestions", menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(f"Add “{word}” to dictionary", menu)
    add.triggered.connect(partial(_add_word, highlighter, word))
    actions.append(add)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertActions(first, actions)
    separator = menu.insertSeparator(first) if first is not None else menu.addSeparator()
    return [*actions, separator]


def _replace(document: QTextDocument, start: int, end: int, word: str, suggestion: str) -> None:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() == word:  # the notes may have changed while the menu was open
        cursor.insertText(suggestion)


def _add_word(highlighter: SpellingHighlighter, word: str) -> None:
    highlighter.checker.add_to_dictionary(word)
    highlighter.rehighlight()
