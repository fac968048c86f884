"""Small state tables for the rows that have a status beside the decree's workflow.

Each table lists its moves (name, from, to, the refusal when the row is elsewhere), and
`StateTable.move()` is the only code outside `standards/decrees/workflow.py` that assigns a status:
`tests/test_states.py` checks that on the code itself. The caller locks the row, checks
what else its act needs, moves it and saves it in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Move:
    name: str
    sources: tuple[str, ...]
    target: str
    refusal: str  # a lazy Indonesian message, shown when the row is in no source state
    code: str = "wrong_state"


class StateTable:
    def __init__(self, *moves: Move, field: str = "status"):
        self.moves = {move.name: move for move in moves}
        self.field = field

    def __iter__(self):
        return iter(self.moves.values())

    def may(self, obj, name: str) -> bool:
        return getattr(obj, self.field) in self.moves[name].sources

    def targets_from(self, state: str) -> list[str]:
        return [move.target for move in self if state in move.sources]

    def require(self, obj, name: str) -> None:
        """Refuse (ValidationError with the move's message) unless `obj` may make the move."""
        move = self.moves[name]
        if getattr(obj, self.field) not in move.sources:
            raise ValidationError(move.refusal, code=move.code)

    def move(self, obj, name: str) -> None:
        """Put `obj` in the move's target state, or refuse from elsewhere."""
        self.require(obj, name)
        setattr(obj, self.field, self.moves[name].target)

    def is_forward_only(self, order: Iterable[str]) -> bool:
        """True when no move goes earlier in `order` (so no row ever comes back); a move may
        keep a row where it is (a job claimed again)."""
        rank = {state: index for index, state in enumerate(order)}
        return all(rank[move.target] >= rank[source] for move in self for source in move.sources)
