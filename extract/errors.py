"""Named errors. The CLI turns each into one line for the user; nothing else catches them."""

from __future__ import annotations


class ExtractError(Exception):
    """Base class: something the user can fix, with a message that says what and where."""


class ConfigError(ExtractError):
    """config.yaml is unreadable or breaks its schema."""

    def __init__(self, path: str, where: str, problem: str) -> None:
        self.path, self.where, self.problem = path, where, problem
        place = f"{path}: {where}" if where else path
        super().__init__(f"{place}: {problem}")


class UnreadableReport(ExtractError):
    """A report file that cannot be turned into text (missing, empty, binary, bad encoding)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")
