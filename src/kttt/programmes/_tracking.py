"""Tracking tasks: what is overdue, and who has done what.

Every function here is pure: it takes tasks (and the date to judge on)
and returns values.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import attrs
import pendulum

from kttt import _data
from kttt.bodies import Agency
from kttt.errors import ValidationError
from kttt.programmes._model import Task, TaskStatus


def _tasks(tasks: object) -> tuple[Task, ...]:
    return _data.items_of("tasks", tasks, Task)


def overdue(tasks: Iterable[Task], as_of: pendulum.Date) -> tuple[Task, ...]:
    """Return the tasks that are overdue on *as_of*, in their given order.

    See `Task.is_overdue` for the rule.
    The result only grows as *as_of* moves later.

    Raises:
        ValidationError: If *tasks* holds something other than tasks, or
            *as_of* is not a date.
    """
    _data.require_date("as_of", as_of)
    return tuple(task for task in _tasks(tasks) if task.is_overdue(as_of))


def tasks_by_agency(
    tasks: Iterable[Task], *, include_partners: bool = False
) -> dict[Agency | None, tuple[Task, ...]]:
    """Group tasks by their lead agency.

    Tasks without a lead are under `None`.
    With *include_partners*, a task is also listed under each partner.

    >>> from kttt.programmes import get_programme
    >>> plan = get_programme("quang-binh-2020")
    >>> trade = Agency.get("Sở Công Thương")
    >>> [t.number for t in tasks_by_agency(plan.tasks)[trade]]
    ['5.1', '5.2']

    Raises:
        ValidationError: If *tasks* holds something other than tasks.
    """
    grouped: dict[Agency | None, list[Task]] = {}
    for task in _tasks(tasks):
        grouped.setdefault(task.lead, []).append(task)
        if include_partners:
            for partner in task.partners:
                grouped.setdefault(partner, []).append(task)
    return {agency: tuple(items) for agency, items in grouped.items()}


_COUNT: Final = _data.whole_number()


@attrs.frozen(kw_only=True)
class Completion:
    """How many of an agency's tasks are in each status."""

    #: Tasks counted.
    total: int = attrs.field(validator=_data.whole_number(1))
    #: Tasks done.
    done: int = attrs.field(validator=_COUNT)
    #: Tasks in progress.
    in_progress: int = attrs.field(validator=_COUNT)
    #: Tasks not started.
    not_started: int = attrs.field(validator=_COUNT)
    #: Tasks with no report.
    unreported: int = attrs.field(validator=_COUNT)

    def __attrs_post_init__(self) -> None:
        parts = (
            self.done,
            self.in_progress,
            self.not_started,
            self.unreported,
        )
        if sum(parts) != self.total:
            raise ValidationError(
                "total", self.total, "the counts add up to the total"
            )

    @property
    def share_done(self) -> Fraction:
        """The share of tasks done, exactly."""
        return Fraction(self.done, self.total)


def completion_by_agency(
    tasks: Iterable[Task],
) -> dict[Agency | None, Completion]:
    """Count each lead agency's tasks by status.

    Tasks without a lead are counted under `None`.

    >>> from kttt.programmes import get_programme
    >>> plan = get_programme("bcd-2023")
    >>> completion_by_agency(plan.tasks)[None].share_done
    Fraction(0, 1)

    Raises:
        ValidationError: If *tasks* holds something other than tasks.
    """
    result: dict[Agency | None, Completion] = {}
    for agency, items in tasks_by_agency(tasks).items():
        counts = dict.fromkeys(TaskStatus, 0)
        for task in items:
            counts[task.status] += 1
        result[agency] = Completion(
            total=len(items),
            done=counts[TaskStatus.DONE],
            in_progress=counts[TaskStatus.IN_PROGRESS],
            not_started=counts[TaskStatus.NOT_STARTED],
            unreported=counts[TaskStatus.UNREPORTED],
        )
    return result
