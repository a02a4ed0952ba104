"""Action programmes and their objectives, tasks, deadlines and reports."""

from __future__ import annotations

import itertools
import re

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, cast

import attrs
import pendulum

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.bodies import Agency
from kttt.documents import DocumentNumber
from kttt.errors import NotFoundError, ValidationError
from kttt.geography import Province
from kttt.sources import Source
from kttt.targets import TargetSet
from kttt.text import fold


#: The earliest year a programme's objective may be set for: the year the
#: Democratic Republic of Viet Nam was founded, older than any document of
#: kttt's sources.
FIRST_DOCUMENT_YEAR: Final = 1945
#: The latest year a programme's objective may be set for.
LAST_YEAR: Final = 2100


# --- enumerations ----------------------------------------------------------


class ProgrammeKind(LabelledEnum):
    """The kind of document that sets out a programme of work."""

    ACTION_PROGRAMME = (
        "action_programme",
        "chương trình hành động",
        "action programme",
    )
    PLAN = "plan", "kế hoạch hoạt động", "activity plan"
    CONCLUSIONS = (
        "conclusions",
        "thông báo kết luận",
        "notice of conclusions",
    )


class TaskStatus(LabelledEnum):
    """How far a task has got, as last reported.

    Whether a task is overdue is not a status: it depends on the date you
    ask about, so `Task.is_overdue` and `overdue` derive it.
    ``UNREPORTED`` is the status of every built-in task: the seed documents
    assign work but report no progress.
    """

    UNREPORTED = "unreported", "chưa có báo cáo", "not reported"
    NOT_STARTED = "not_started", "chưa triển khai", "not started"
    IN_PROGRESS = "in_progress", "đang triển khai", "in progress"
    DONE = "done", "hoàn thành", "done"


class Frequency(LabelledEnum):
    """The period of a recurring deadline."""

    MONTHLY = "monthly", "hằng tháng", "monthly"
    QUARTERLY = "quarterly", "hằng quý", "quarterly"
    HALF_YEARLY = "half_yearly", "sáu tháng một lần", "half-yearly"
    YEARLY = "yearly", "hằng năm", "yearly"

    @property
    def months(self) -> int:
        """The length of one period in months."""
        return _MONTHS[self]


_MONTHS: Final = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}


# --- validators --------------------------------------------------------------


def _unique(
    key: Callable[[Any], object], what: str
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """Refuse a tuple in which two items have the same *key*."""

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        seen: set[object] = set()
        for item in cast("Iterable[object]", value):
            marker = key(item)
            if marker in seen:
                raise ValidationError(
                    attribute.name, marker, f"each {what} appears once"
                )
            seen.add(marker)

    return check


_KEY: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _check_key(
    _: object, attribute: attrs.Attribute[str], value: object
) -> None:
    if not (isinstance(value, str) and _KEY.fullmatch(value)):
        raise ValidationError(
            attribute.name,
            value,
            "a key is lower-case words joined by '-' ('ninh-thuan-155')",
        )


def _in_date_order(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    notes = cast("tuple[ProgressNote, ...]", value)
    for before, after in itertools.pairwise(notes):
        if after.date < before.date:
            raise ValidationError(
                attribute.name, after.date, "progress notes are in date order"
            )


#: Refuses anything but `None` or non-blank printable text.
_OPTIONAL_TEXT: Final = _data.optional(_data.text())


def _maybe(cls: type[object]) -> _data.Validator:
    """Refuse anything but `None` or an instance of *cls*."""
    return _data.optional(_data.instance_of(cls))


# --- deadlines ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Recurrence:
    """A deadline that comes back every period (yearly reports, reviews).

    Occurrences fall one period after `start`, then every period, up to and
    including `until` if given.

    >>> import pendulum
    >>> yearly = Recurrence(
    ...     frequency=Frequency.YEARLY, start=pendulum.Date(2022, 11, 21)
    ... )
    >>> yearly.occurrences(through=pendulum.Date(2024, 12, 31))
    (Date(2023, 11, 21), Date(2024, 11, 21))
    """

    #: The period.
    frequency: Frequency = attrs.field(validator=_data.instance_of(Frequency))
    #: The date periods are counted from (usually the programme's date).
    start: pendulum.Date = attrs.field(validator=_data.date())
    #: How many periods between occurrences (3 for "every three years").
    every: int = attrs.field(default=1, validator=_data.whole_number(1))
    #: The last day an occurrence may fall on, if the recurrence ends.
    until: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )

    def __attrs_post_init__(self) -> None:
        if self.until is not None and self.until < self.start:
            raise ValidationError(
                "until", self.until, "a recurrence cannot end before its start"
            )

    def occurrences(
        self, *, through: pendulum.Date
    ) -> tuple[pendulum.Date, ...]:
        """Return the due dates on or before *through*, in order."""
        return tuple(self._iter(through))

    def _iter(self, through: pendulum.Date) -> Iterator[pendulum.Date]:
        last = through if self.until is None else min(through, self.until)
        step = self.frequency.months * self.every
        count = 1
        while (due := self.start.add(months=step * count)) <= last:
            yield due
            count += 1


@attrs.frozen(kw_only=True)
class Deadline:
    """When a task is due: one `date`, or one or more `recurrences`.

    >>> import pendulum
    >>> Deadline(date=pendulum.Date(2023, 12, 31)).is_recurring
    False
    """

    #: The day the task is due, for a one-off task.
    date: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: The recurring due dates, for a task that comes back.
    recurrences: tuple[Recurrence, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Recurrence)
    )
    #: How the deadline was read from the source (for a derived date).
    note: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=_OPTIONAL_TEXT
    )

    def __attrs_post_init__(self) -> None:
        if (self.date is None) == (not self.recurrences):
            raise ValidationError(
                "deadline",
                self,
                "a deadline has either a date or recurrences, not both",
            )

    @property
    def is_recurring(self) -> bool:
        """Whether the deadline comes back every period."""
        return self.date is None


@attrs.frozen(kw_only=True)
class ProgressNote:
    """A dated report on a task: what was done, or why it is late."""

    #: The day of the report.
    date: pendulum.Date = attrs.field(validator=_data.date())
    #: What it says.
    text: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: Where it comes from.
    source: Source | None = attrs.field(
        default=None, repr=False, validator=_maybe(Source)
    )


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated event a programme names: an anniversary, a conference.

    >>> import pendulum
    >>> day = Milestone(date=pendulum.Date(2026, 4, 11), title="80 năm")
    >>> day.date.isoformat()
    '2026-04-11'
    """

    #: The day of the event.
    date: pendulum.Date = attrs.field(validator=_data.date())
    #: The event, in the source's words.
    title: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: The number of the task that carries it, if any.
    task: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    #: Where it is stated.
    source: Source | None = attrs.field(
        default=None, repr=False, validator=_maybe(Source)
    )


# --- objectives and tasks --------------------------------------------------


@attrs.frozen(kw_only=True)
class Objective:
    """A general or specific objective of a programme, in its own words."""

    #: The objective as the source states it.
    text: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: The year it is set for (2030, 2045), if it names one.
    horizon: int | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.year_in(FIRST_DOCUMENT_YEAR, LAST_YEAR, "a horizon")
        ),
    )
    #: Where it is stated.
    source: Source | None = attrs.field(
        default=None, repr=False, validator=_maybe(Source)
    )


@attrs.frozen(kw_only=True)
class Task:
    """One piece of work a programme assigns.

    >>> import pendulum
    >>> task = Task(
    ...     number="1",
    ...     title="Tuyên truyền",
    ...     lead=Agency.get("MOF"),
    ...     deadline=Deadline(date=pendulum.Date(2026, 12, 31)),
    ... )
    >>> task.is_overdue(pendulum.Date(2027, 1, 1))
    True
    """

    #: Its number within the programme (``"III.2.1"``, ``"5.2"``).
    number: str = attrs.field(validator=_data.text())
    #: A short title, the seed's heading or its opening words.
    title: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: The full text of the assignment, as the source words it (its
    #: paragraphs separated by line breaks).
    text: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text(lines=True)),
    )
    #: The heading of the group of tasks it belongs to.
    group: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=_OPTIONAL_TEXT
    )
    #: The agency in charge (chủ trì), if the source names one.
    lead: Agency | None = attrs.field(default=None, validator=_maybe(Agency))
    #: The agencies that take part (phối hợp).
    partners: tuple[Agency, ...] = attrs.field(
        default=(),
        validator=[
            _data.tuple_of(Agency),
            _unique(lambda agency: cast("Agency", agency).code, "partner"),
        ],
    )
    #: When it is due, if the source says.
    deadline: Deadline | None = attrs.field(
        default=None, validator=_maybe(Deadline)
    )
    #: How far it has got, as last reported.
    status: TaskStatus = attrs.field(
        default=TaskStatus.UNREPORTED,
        validator=_data.instance_of(TaskStatus),
    )
    #: Dated progress reports, oldest first.
    notes: tuple[ProgressNote, ...] = attrs.field(
        default=(), validator=[_data.tuple_of(ProgressNote), _in_date_order]
    )
    #: Where the task is set out.
    source: Source | None = attrs.field(
        default=None, repr=False, validator=_maybe(Source)
    )

    def __attrs_post_init__(self) -> None:
        if self.lead is not None and any(
            p.code == self.lead.code for p in self.partners
        ):
            raise ValidationError(
                "partners", self.lead.code, "the lead agency is not a partner"
            )

    def is_overdue(self, as_of: pendulum.Date) -> bool:
        """Tell whether the task is overdue on *as_of*.

        A task that is not ``TaskStatus.DONE`` is overdue from the day after
        its due date.
        A recurring task is overdue once one of its periods has ended
        without a progress note dated within that period; a late report
        does not make up for a missed one.
        A task without a deadline is never overdue.

        Raises:
            ValidationError: If *as_of* is not a date.
        """
        _data.require_date("as_of", as_of)
        if self.status is TaskStatus.DONE or self.deadline is None:
            return False
        if self.deadline.date is not None:
            return self.deadline.date < as_of
        return any(
            self._missed(recurrence, as_of)
            for recurrence in self.deadline.recurrences
        )

    def _missed(self, recurrence: Recurrence, as_of: pendulum.Date) -> bool:
        opened = recurrence.start
        for due in recurrence.occurrences(through=as_of):
            if due < as_of and not any(
                opened < note.date <= due for note in self.notes
            ):
                return True
            opened = due
        return False


# --- programmes --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ActionProgramme:
    """An action programme, plan or set of conclusions, with its tasks.

    It also carries its objectives and, if it has quantified targets, its
    `kttt.targets.TargetSet`.

    >>> from kttt.programmes import get_programme
    >>> plan = get_programme("bcd-2026")
    >>> len(plan.tasks_in("Nhiệm vụ trọng tâm")), plan.standing_agency.code
    (6, 'MOF')
    """

    #: A short key that names it in kttt (``"ninh-thuan-155"``).
    key: str = attrs.field(validator=_check_key)
    #: Action programme, plan or conclusions.
    kind: ProgrammeKind = attrs.field(
        validator=_data.instance_of(ProgrammeKind)
    )
    #: The title, in the source's words.
    title: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: Its reference number, if it has one the sources give.
    number: DocumentNumber | None = attrs.field(
        default=None, validator=_maybe(DocumentNumber)
    )
    #: The body that issued it (``"Ban Thường vụ Tỉnh ủy Ninh Thuận"``).
    issuer: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=_OPTIONAL_TEXT
    )
    #: The province it applies to; `None` for a national programme.
    jurisdiction: Province | None = attrs.field(
        default=None, validator=_maybe(Province)
    )
    #: The day it was signed (``None`` when the sources do not say).
    signed: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: Who signed it.
    signer: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=_OPTIONAL_TEXT
    )
    #: For conclusions: the day of the meeting they record (not the day
    #: the notice was signed).
    meeting: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: For conclusions: who chaired the meeting.
    chair: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=_OPTIONAL_TEXT
    )
    #: The documents it implements.
    implements: tuple[DocumentNumber, ...] = attrs.field(
        default=(), validator=_data.tuple_of(DocumentNumber)
    )
    #: The agency that follows up every task for the issuer (the steering
    #: committee's standing agency), if the source names one.
    standing_agency: Agency | None = attrs.field(
        default=None, validator=_maybe(Agency)
    )
    #: General objectives (mục tiêu tổng quát).
    general_objectives: tuple[Objective, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Objective)
    )
    #: Specific objectives (mục tiêu cụ thể).
    specific_objectives: tuple[Objective, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Objective)
    )
    #: Its quantified targets, if it has any (in a data file, the code of
    #: a built-in target set such as ``"155-CTr/TU"``, or the set itself).
    targets: TargetSet | None = attrs.field(
        default=None,
        validator=_data.optional(_data.instance_of(TargetSet)),
        repr=False,
    )
    #: The dated events it names, in date order.
    milestones: tuple[Milestone, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Milestone)
    )
    #: The tasks, in the source's order.
    tasks: tuple[Task, ...] = attrs.field(
        default=(),
        validator=[
            _data.tuple_of(Task),
            _unique(lambda task: cast("Task", task).number, "task number"),
        ],
        repr=False,
    )
    #: Where it comes from.
    source: Source | None = attrs.field(
        default=None, repr=False, validator=_maybe(Source)
    )

    def task(self, number: str) -> Task:
        """Return the task with this number.

        Raises:
            NotFoundError: If there is none.
        """
        for task in self.tasks:
            if task.number == number:
                return task
        raise NotFoundError("task", number, f"{self.key} has no such task")

    def tasks_in(self, group: str) -> tuple[Task, ...]:
        """Return the tasks whose group heading starts with *group*.

        Matching ignores case and diacritics.
        """
        wanted = fold(group)
        return tuple(
            task
            for task in self.tasks
            if task.group is not None and fold(task.group).startswith(wanted)
        )
