"""The quiz bank: conceptual multiple-choice questions for each notebook, answered by a letter.

``quiz("03")`` shows notebook 03's questions with lettered options (never the answers);
``quiz_answer("03", 2, "b")`` checks the option chosen for question 2 and says why: the reason
when it is right, the misconception the chosen option reveals when it is wrong. Neither raises,
whatever it is given. The questions live in one data file, ``data/quiz.toml`` (read with the
standard library's :mod:`tomllib`); ``python3 tasks.py quiz`` exports them to Moodle GIFT and
Markdown for a learning-management system.

>>> quiz_answer("01", 1, ...)
Not answered yet: replace the ... with a letter (a, b, c, ...) and run the cell.
>>> quiz_answer("01", 1, "z").status
'wrong'
"""

from __future__ import annotations

import functools
import numbers
import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._validation import shown
from ._core import Feedback

__all__ = ["quiz", "quiz_answer"]

#: Where the bank lives: the repository's data folder (helpers is installed editable).
BANK = Path(__file__).resolve().parents[2] / "data" / "quiz.toml"
LETTERS = string.ascii_lowercase


@dataclass(frozen=True)
class Option:
    text: str
    right: bool
    note: str  # the reason (right option) or the misconception it catches (wrong option)


@dataclass(frozen=True)
class Question:
    notebook: str
    text: str
    options: tuple[Option, ...]

    @property
    def answer(self) -> str:
        """The letter of the right option."""
        return LETTERS[next(i for i, o in enumerate(self.options) if o.right)]


@functools.cache
def load(path: Path = BANK) -> dict[str, tuple[Question, ...]]:
    """The bank from ``path``: notebook number ("01" … "12") → its questions, in order."""
    with open(path, "rb") as file:
        data = tomllib.load(file)
    bank: dict[str, list[Question]] = {}
    for raw in data.get("question", []):
        options = tuple(
            Option(str(o["text"]), bool(o.get("right", False)), str(o["note"]))
            for o in raw["option"]
        )
        question = Question(str(raw["notebook"]), str(raw["text"]), options)
        bank.setdefault(question.notebook, []).append(question)
    return {k: tuple(v) for k, v in sorted(bank.items())}


class Quiz:
    """A notebook's questions, shown with lettered options (and without their answers)."""

    def __init__(self, notebook: str, questions: tuple[Question, ...]) -> None:
        self.notebook, self.questions = notebook, questions

    def __len__(self) -> int:
        return len(self.questions)

    def __repr__(self) -> str:
        lines = [f"Quiz for notebook {self.notebook}: {len(self)} questions."]
        for n, q in enumerate(self.questions, 1):
            lines += ["", f"{n}. {q.text}"]
            lines += [f"   ({LETTERS[i]}) {o.text}" for i, o in enumerate(q.options)]
        lines += [
            "",
            f'Answer with helpers.exercises.quiz_answer("{self.notebook}", question, "letter").',
        ]
        return "\n".join(lines)


def _notebook(notebook: object) -> str | None:
    """ "03", 3, "3" or "03_kl_divergence" → "03"; None for anything else."""
    if isinstance(notebook, bool):
        return None
    if isinstance(notebook, numbers.Integral) and not isinstance(notebook, np.bool_):
        return f"{int(notebook):02d}" if 0 <= int(notebook) < 100 else None
    if isinstance(notebook, str):
        found = re.fullmatch(r"\s*(\d{1,2})(_\w*)?(\.ipynb)?\s*", notebook)
        return f"{int(found.group(1)):02d}" if found else None
    return None


def _questions(notebook: object) -> tuple[str, tuple[Question, ...]] | Feedback:
    try:
        bank = load()
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError):
        return Feedback("wrong", f"The quiz bank could not be read from {BANK.name}.")
    key = _notebook(notebook)
    if key is None or key not in bank:
        known = ", ".join(bank)
        return Feedback(
            "wrong", f"No quiz for notebook {shown(notebook, 40)}: the quizzes are for {known}."
        )
    return key, bank[key]


def quiz(notebook: object) -> Quiz | Feedback:
    """Show the quiz of a notebook ("03", 3 or "03_kl_divergence"); never raises.

    >>> len(quiz("03")) >= 5
    True
    >>> quiz("99")
    No quiz for notebook '99': the quizzes are for 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12.
    """
    found = _questions(notebook)
    return found if isinstance(found, Feedback) else Quiz(*found)


def quiz_answer(notebook: object, question: object, choice: object) -> Feedback:
    """Check the option `choice` (a letter, "a" … ) chosen for question number `question`
    (1, 2, …) of a notebook's quiz; never raises. Right: the reason. Wrong: the misconception
    the chosen option reveals, and a nudge to try again (the right letter is not given away).

    >>> quiz_answer("02", 4, "a").status
    'wrong'
    """
    if choice is ... or choice is None:
        return Feedback(
            "unanswered",
            "Not answered yet: replace the ... with a letter (a, b, c, ...) and run the cell.",
        )
    found = _questions(notebook)
    if isinstance(found, Feedback):
        return found
    key, questions = found
    if isinstance(question, bool | np.bool_) or not isinstance(question, numbers.Integral):
        return Feedback("wrong", f"Expected a question number 1 to {len(questions)}.")
    question = int(question)
    if not 1 <= question <= len(questions):
        return Feedback(
            "wrong", f"Notebook {key}'s quiz has questions 1 to {len(questions)}, not {question}."
        )
    q = questions[question - 1]
    letters = LETTERS[: len(q.options)]
    if (
        not isinstance(choice, str)
        or len(choice.strip()) != 1
        or choice.strip().lower() not in letters
    ):
        return Feedback(
            "wrong",
            f"Expected one letter among {', '.join(letters)}; got {shown(choice, 40)}.",
        )
    option = q.options[letters.index(choice.strip().lower())]
    if option.right:
        return Feedback("correct", f"Correct! {option.note}")
    return Feedback("wrong", f"Not this one: {option.note} Try another option.")
