"""Value types of variant discovery: locations, wordings (members) and families."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Family", "Location", "Member"]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """Where a wording occurs: path, 1-based line and column (code points)."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Member:
    """One exact wording of a family, how often it occurs, and a few locations."""

    text: str
    count: int
    examples: tuple[Location, ...]


@dataclass(frozen=True, slots=True)
class Family:
    """Wordings that are near-misses of each other, most frequent first."""

    members: tuple[Member, ...]

    @property
    def total(self) -> int:
        """Occurrences of all members."""
        return sum(member.count for member in self.members)

    @property
    def canonical(self) -> str:
        """The most frequent wording."""
        return self.members[0].text
