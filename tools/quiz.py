"""Export the quiz bank (data/quiz.toml) for a learning-management system (`python3 tasks.py quiz`).

    python tools/quiz.py [OUT]      (default OUT: quiz/, git-ignored)

Writes:

* ``OUT/quiz.gift`` — every question in Moodle's GIFT format (Question bank → Import → GIFT),
  one category per notebook, the right option ``=`` and the wrong ones ``~``, each with its
  feedback (the reason, or the misconception the option catches);
* ``OUT/quiz.md`` — the same in Markdown for the teacher: questions, options, answers, notes;
* ``OUT/quiz_questions.md`` — the questions and options only, to hand out.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers.exercises._quiz import LETTERS, Question, load  # noqa: E402

#: GIFT's special characters, escaped with a backslash wherever they appear in text.
GIFT_SPECIAL = "\\~=#{}:"


def gift_escape(text: str) -> str:
    """Text for a GIFT file: each special character ``\\ ~ = # { } :`` behind a backslash."""
    return "".join("\\" + c if c in GIFT_SPECIAL else c for c in text).replace("\n", " ")


def gift(bank: dict[str, tuple[Question, ...]]) -> str:
    """The whole bank in Moodle GIFT format."""
    lines = ["// Quiz bank of the cross-entropy course (generated from data/quiz.toml).", ""]
    for notebook, questions in bank.items():
        lines += [f"$CATEGORY: cross-entropy course/notebook {notebook}", ""]
        for n, q in enumerate(questions, 1):
            lines.append(f"::{notebook}-{n}::{gift_escape(q.text)} {{")
            for option in q.options:
                mark = "=" if option.right else "~"
                lines.append(f"\t{mark}{gift_escape(option.text)}#{gift_escape(option.note)}")
            lines += ["}", ""]
    return "\n".join(lines)


def markdown(bank: dict[str, tuple[Question, ...]], answers: bool = True) -> str:
    """The bank in Markdown: with the answers and notes (teacher), or questions only."""
    title = "Quiz bank" + (" (with answers)" if answers else "")
    lines = [f"# {title} — the cross-entropy course", ""]
    for notebook, questions in bank.items():
        lines += [f"## Notebook {notebook}", ""]
        for n, q in enumerate(questions, 1):
            lines += [f"**{notebook}.{n}** {q.text}", ""]
            for i, option in enumerate(q.options):
                line = f"- ({LETTERS[i]}) {option.text}"
                if answers:
                    line += f" — **right.** {option.note}" if option.right else f" — {option.note}"
                lines.append(line)
            if answers:
                lines += ["", f"Answer: ({q.answer})"]
            lines.append("")
    return "\n".join(lines)


def export(out: Path) -> list[Path]:
    bank = load()
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "quiz.gift": gift(bank),
        "quiz.md": markdown(bank, answers=True),
        "quiz_questions.md": markdown(bank, answers=False),
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return [out / name for name in files]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "quiz"
    written = export(target)
    count = sum(len(q) for q in load().values())
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"Wrote {count} questions to " + ", ".join(p.name for p in written) + f" in {shown}/")
