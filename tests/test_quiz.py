"""The quiz bank (data/quiz.toml), its checks in helpers.exercises, its exports (GIFT, Markdown),
and the planning table README.md, TEACHING.md and 00_start_here carry (tools/plan.py)."""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

import helpers
from helpers import exercises
from helpers.examples import P, Q
from helpers.exercises import _quiz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import plan  # noqa: E402
import quiz as quiz_tool  # noqa: E402

BANK = _quiz.load()
QUESTIONS = [(nb, n, q) for nb, qs in BANK.items() for n, q in enumerate(qs, 1)]


def test_every_notebook_01_to_12_has_5_to_10_questions() -> None:
    assert list(BANK) == [f"{n:02d}" for n in range(1, 13)]
    for questions in BANK.values():
        assert 5 <= len(questions) <= 10


@pytest.mark.parametrize("nb, n, q", QUESTIONS, ids=[f"{nb}-{n}" for nb, n, _ in QUESTIONS])
def test_one_right_answer_and_a_note_on_every_option(nb: str, n: int, q: _quiz.Question) -> None:
    assert sum(o.right for o in q.options) == 1
    assert 3 <= len(q.options) <= 5
    assert len({o.text for o in q.options}) == len(q.options)
    for option in q.options:
        assert option.text.strip() and len(option.note.strip()) >= 15
        assert option.note.strip() != option.text.strip()
    assert q.text.strip().endswith(("?", ":"))


def test_the_right_answers_are_spread_over_the_letters() -> None:
    letters = [q.answer for _, _, q in QUESTIONS]
    for letter in "abcd":
        assert letters.count(letter) >= len(letters) // 6


def test_quiz_shows_questions_without_answers() -> None:
    shown = repr(exercises.quiz("03"))
    assert "1. " in shown and "(a)" in shown and "(d)" in shown
    for q in BANK["03"]:
        assert q.text in shown
        for option in q.options:
            assert option.note not in shown
    assert len(exercises.quiz(3)) == len(exercises.quiz("03_kl_divergence")) == len(BANK["03"])


@pytest.mark.parametrize(
    "nb, n, q", QUESTIONS[::3], ids=[f"{nb}-{n}" for nb, n, _ in QUESTIONS[::3]]
)
def test_answering_right_and_wrong(nb: str, n: int, q: _quiz.Question) -> None:
    right = exercises.quiz_answer(nb, n, q.answer)
    assert (
        right.status == "correct" and right and q.options[ord(q.answer) - 97].note in right.message
    )
    assert exercises.quiz_answer(nb, n, q.answer.upper() + " ").status == "correct"
    for i, option in enumerate(q.options):
        if not option.right:
            wrong = exercises.quiz_answer(nb, n, "abcdef"[i])
            assert wrong.status == "wrong" and option.note in wrong.message
            assert not wrong


class Hostile:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


ODD = [..., None, "", "e", "ab", 1, 1.5, True, np.int64(1), [], {}, object(), Hostile(), "a" * 100]


@pytest.mark.parametrize(
    "choice",
    ODD,
)
@pytest.mark.parametrize("notebook", ["01", 1, "1", "01_entropy", "99", None, 1.0, True, Hostile()])
@pytest.mark.parametrize("question", [1, np.int64(2), 0, 99, -1, "1", 1.0, True, None])
def test_the_check_never_raises(notebook: object, question: object, choice: object) -> None:
    feedback = exercises.quiz_answer(notebook, question, choice)
    assert isinstance(feedback, exercises.Feedback)
    assert feedback.status in {"unanswered", "wrong"}
    assert len(feedback.message) < 300


@pytest.mark.parametrize("notebook", ["99", None, True, Hostile(), "x" * 1000, -1])
def test_quiz_of_an_unknown_notebook_says_so(notebook: object) -> None:
    shown = exercises.quiz(notebook)
    assert isinstance(shown, exercises.Feedback) and "No quiz" in shown.message


def test_quiz_is_not_a_numeric_check() -> None:
    """The numeric checks' contract (tests/test_exercises.py) collects check_… functions only."""
    assert not any(name.startswith("check_") for name in _quiz.__all__)


# --- every number the bank states, recomputed ----------------------------------------------
NUMBERS = {
    "3.288": helpers.cross_entropy(P, Q),
    "1.361": helpers.entropy(P),
    "1.927": helpers.kl_divergence(P, Q),
    "2.906": helpers.cross_entropy(Q, P),
    "0.382": helpers.cross_entropy(P, Q) - helpers.cross_entropy(Q, P),
    "2.161": -P[2] * math.log2(Q[2]),
    "1.095": -P[1] * math.log2(Q[1]),
    "0.032": -P[0] * math.log2(Q[0]),
    "−0.300": P[0] * math.log2(P[0] / Q[0]),
    "1.661": P[2] * math.log2(P[2] / Q[2]),
    "0.737": helpers.kl_divergence([0.5, 0.5], [0.9, 0.1]),
    "0.531": helpers.kl_divergence([0.9, 0.1], [0.5, 0.5]),
    "1.443": 1 / math.log(2),
    "0.693": math.log(2),
    "0.301": math.log10(2),
    "1.204": helpers.binary_cross_entropy([1], [0.3]),
    "0.357": helpers.binary_cross_entropy([0], [0.3]),
    "0.361": -0.3 * math.log(0.3),
    "0.356": 0.247 / math.log(2),
    "0.171": 0.247 * math.log(2),
    "0.056": helpers.entropy([0.01, 0.99], base=math.e),
    "2.303": math.log(10),
    "1.461": -math.log(math.e / (math.e + 9)),
    "36.04": -math.log(np.finfo(float).eps),
    "16.12": -math.log(1e-7),
    "2.079": math.log(8),
    "0.125": 1 / 8,
}


#: Numbers the bank quotes from a notebook's output rather than recomputing them here.
PRINTED_BY_NOTEBOOKS = {
    "05_binary_cross_entropy": ["0.247"],
    "11_calibration_and_proper_scoring": ["0.972", "0.335", "0.105", "99.4"],
    "12_cross_entropy_is_compression": ["2.492"],
}


def test_every_number_in_the_bank_is_recomputed() -> None:
    text = (ROOT / "data" / "quiz.toml").read_text(encoding="utf-8")
    quoted = set(re.findall(r"−?\d+\.\d{3,}", text))
    from_notebooks = {n for numbers in PRINTED_BY_NOTEBOOKS.values() for n in numbers}
    assert quoted - set(NUMBERS) - from_notebooks == set()
    for shown, value in NUMBERS.items():
        assert float(shown.replace("−", "-")) == pytest.approx(
            value, abs=0.6 * 10 ** -len(shown.split(".")[1])
        )
    assert helpers.entropy([0.25] * 4) == 2 and helpers.entropy([0.5, 0.5, 0, 0]) == 1
    assert 1 - (0.10 / NUMBERS["0.056"]) < 0
    # the softmax applied twice: a one-hot first softmax is the best case
    assert helpers.softmax_cross_entropy_with_logits([0], np.eye(10)[[0]]) == pytest.approx(
        NUMBERS["1.461"]
    )
    assert -math.log(1e-15) == pytest.approx(34.5, abs=0.05)
    assert 1 - 1 / (1 + math.exp(-37)) == 0 and 1 - 1 / (1 + math.exp(-36)) > 0


def test_notebook_numbers_the_bank_quotes_are_printed_by_them() -> None:
    for name, numbers in PRINTED_BY_NOTEBOOKS.items():
        text = (ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8")
        for number in numbers:
            assert number in text, (name, number)


# --- the exports ---------------------------------------------------------------------------
def gift_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_gift(text: str) -> list[dict]:
    """A small GIFT reader: `::title::text {` then `=right#feedback` / `~wrong#feedback` lines
    then `}`; braces balanced and every special character in text escaped."""
    questions, current = [], None
    depth = 0
    for line in text.splitlines():
        unescaped_braces = re.findall(r"(?<!\\)[{}]", line)
        for brace in unescaped_braces:
            depth += 1 if brace == "{" else -1
            assert depth in (0, 1), line
        if not line.strip() or line.startswith(("//", "$CATEGORY:")):
            continue
        if line.startswith("::"):
            found = re.fullmatch(r"::([\w-]+)::(.*) \{", line)
            assert found and current is None, line
            body = found.group(2)
            assert not re.search(r"(?<!\\)[~=#{}:]", body), body
            current = {"title": found.group(1), "text": gift_unescape(body), "options": []}
        elif line == "}":
            questions.append(current)
            current = None
        else:
            found = re.fullmatch(r"\t([=~])(.*?)(?<!\\)#(.*)", line)
            assert found and current is not None, line
            for part in found.group(2, 3):
                assert not re.search(r"(?<!\\)[~=#{}:]", part), part
            current["options"].append(
                (found.group(1), gift_unescape(found.group(2)), gift_unescape(found.group(3)))
            )
    assert depth == 0 and current is None
    return questions


def test_gift_export_parses_back_to_the_bank(tmp_path: Path) -> None:
    quiz_tool.export(tmp_path)
    parsed = parse_gift((tmp_path / "quiz.gift").read_text(encoding="utf-8"))
    assert len(parsed) == len(QUESTIONS)
    for got, (nb, n, q) in zip(parsed, QUESTIONS, strict=True):
        assert got["title"] == f"{nb}-{n}" and got["text"] == q.text
        assert [mark for mark, _, _ in got["options"]].count("=") == 1
        assert [(t, f) for _, t, f in got["options"]] == [(o.text, o.note) for o in q.options]
        assert [mark == "=" for mark, _, _ in got["options"]] == [o.right for o in q.options]


def test_gift_escapes_every_special_character() -> None:
    assert quiz_tool.gift_escape("a=b~c#d{e}f:g\\h") == "a\\=b\\~c\\#d\\{e\\}f\\:g\\\\h"


def test_markdown_exports(tmp_path: Path) -> None:
    quiz_tool.export(tmp_path)
    key = (tmp_path / "quiz.md").read_text(encoding="utf-8")
    handout = (tmp_path / "quiz_questions.md").read_text(encoding="utf-8")
    assert key.count("Answer: (") == len(QUESTIONS) == handout.count("**") // 2
    assert "right." not in handout and "Answer:" not in handout
    for nb, n, q in QUESTIONS:
        assert f"**{nb}.{n}** {q.text}" in key and f"**{nb}.{n}** {q.text}" in handout
        assert f"Answer: ({q.answer})" in key
        for option in q.options:
            assert option.note in key and option.text in handout


def test_tasks_quiz_writes_the_folder_git_ignores() -> None:
    assert "quiz/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert '"quiz": quiz' in (ROOT / "tasks.py").read_text(encoding="utf-8")


# --- planning a class ----------------------------------------------------------------------
@pytest.mark.parametrize("document", plan.DOCUMENTS)
def test_time_tables_match_the_computation(document: str) -> None:
    """Regenerate with `python3 tools/plan.py --write` after editing a notebook."""
    assert plan.written(ROOT / document) == plan.block()


def test_the_estimate_counts_prose_cells_and_exercises() -> None:
    found = {e["notebook"][:2]: e for e in plan.estimates()}
    assert set(found) == {f"{n:02d}" for n in range(13)}
    for e in found.values():
        assert e["total"] == e["reading"] + e["exercise_minutes"] and e["total"] % 5 == 0
        assert e["exercises"] >= (0 if e["notebook"].startswith("00") else 2)
    assert plan.words("The $H(P) = -\\sum_x P(x)$ bits [link](x.ipynb) `code`") == 5


#: What README, TEACHING.md and 00_start_here each tell a teacher: prerequisites (logarithms,
#: derivatives, NumPy), the notebooks they matter for, and the two teacher commands.
PREREQUISITES = ("ogarithm", "derivative", "NumPy", "06", "08", "tasks.py student", "tasks.py quiz")


@pytest.mark.parametrize("document", ["README.md", "TEACHING.md"])
def test_prerequisites_and_schedule_are_there(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    for needed in PREREQUISITES:
        assert needed in text, needed
    assert "schedule" in text.lower()


def test_start_here_carries_the_time_table_with_links_from_notebooks() -> None:
    """00_start_here's markdown cell holds the same table, linking relative to notebooks/;
    `python3 tools/plan.py --write` rewrites it too."""
    assert plan.written(ROOT / plan.START_HERE) == plan.block(prefix="")
    assert "](00_start_here.ipynb)" in plan.block(prefix="")


def test_the_generated_table_is_not_counted_as_prose() -> None:
    text = f"Two words {plan.block()} three more words"
    assert plan.words(plan.without_block(text)) == 5


def test_start_here_has_the_prerequisites_and_teachings_schedule() -> None:
    text = "\n".join(c.source for c in nbformat.read(ROOT / plan.START_HERE, as_version=4).cells)
    for needed in PREREQUISITES:
        assert needed in text, needed
    schedule = (
        (ROOT / "TEACHING.md")
        .read_text(encoding="utf-8")
        .split("## A sample two-week schedule", 1)[1]
        .split("\n## ", 1)[0]
    )
    rows = [line for line in schedule.splitlines() if line.startswith("| ")]
    assert len(rows) >= 10
    for row in rows:  # the same schedule as TEACHING.md, row by row
        assert row in text, row
