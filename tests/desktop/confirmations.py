"""A stand-in for the desktop's confirmation box (desktop/widgets/confirm.py), for tests that
drive an action past its question."""

from __future__ import annotations


class Answers:
    """Records each question and answers as told."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[dict] = []

    def __call__(self, parent, title, text, *, yes, no=None, danger=False) -> bool:
        self.asked.append({"title": title, "text": text, "yes": yes, "no": no, "danger": danger})
        return self.answer
