"""A column of widgets made from a plan, in order: its first screen at once, the rest later.

A long page (a list of seventy signals, the lists of the signals step, the outcome's summary)
makes only what its first screen shows when it opens; the page's `IdleWork` makes the rest in
short slices (`make_more`) once it is on screen. Anything needed sooner, a search hit or a signal
to go to, is made at once (`ensure`, `make_through`), in its place among what is there.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from signaal.ui.widgets import clear_layout, show_added

Item = TypeVar("Item")
Made = TypeVar("Made", bound=QWidget)


class LazyColumn(QWidget, Generic[Item, Made]):
    """Makes one widget per item of a plan, and keeps them in the plan's order.

    `make(index, item)` returns the widget of an item (a child of this column); once it is in
    the column, `added(index, widget)` shows it (by default as `show_added` does).
    """

    def __init__(
        self,
        make: Callable[[int, Item], Made],
        added: Callable[[int, Made], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make = make
        self._added = added or (lambda _index, widget: show_added(widget))
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.plan: list[Item] = []
        self._placed: list[Made | None] = []
        self._next = 0  # everything in the plan before this index has been made

    def start(
        self,
        plan: Iterable[Item],
        budget: float = 0,
        cost: Callable[[Item, Made], float] = lambda _item, _widget: 1,
    ) -> None:
        """Forget what was made, take a new plan and make its first items at once.

        Items are made in order while the `cost` of those made stays below `budget` (a
        screenful, in whatever unit `cost` counts).
        """
        clear_layout(self.layout_)
        self.plan = list(plan)
        self._placed = [None] * len(self.plan)
        self._next = 0
        spent = 0.0
        while self.pending and spent < budget:
            spent += cost(self.plan[self._next], self.make_next())

    @property
    def pending(self) -> bool:
        """Whether some items of the plan are still to be made."""
        return self._next < len(self.plan)

    def made(self, index: int) -> Made | None:
        """The widget of the plan's item at `index`, if it has been made."""
        return self._placed[index]

    def widgets(self) -> list[Made]:
        """The widgets made so far, in the plan's order."""
        return [widget for widget in self._placed if widget is not None]

    def make_next(self) -> Made:
        """Make the first item not made yet (call only while `pending`)."""
        return self.ensure(self._next)

    def make_more(self, deadline: float) -> bool:
        """Make the next items, in order, until `deadline` (a `time.perf_counter()` value);
        whether any are left."""
        while self.pending:
            self.make_next()
            if time.perf_counter() >= deadline:
                break
        return self.pending

    def make_through(self, index: int) -> None:
        """Make every item up to and including `index`, in order."""
        while self._next <= min(index, len(self.plan) - 1):
            self.make_next()

    def ensure(self, index: int) -> Made:
        """The widget of the item at `index`, made now (in its place) if it was not yet."""
        widget = self._placed[index]
        if widget is not None:
            return widget
        widget = self._make(index, self.plan[index])
        position = sum(1 for placed in self._placed[:index] if placed is not None)
        self.layout_.insertWidget(position, widget)
        self._placed[index] = widget
        self._skip_made()
        self._added(index, widget)
        return widget

    def _skip_made(self) -> None:
        while self.pending and self._placed[self._next] is not None:
            self._next += 1
