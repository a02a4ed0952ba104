"""Action programmes and plans, their objectives and tasks, and task tracking.

An `ActionProgramme` is a document that turns a resolution into work: a
party committee's action programme (chương trình hành động), a steering
committee's yearly activity plan (kế hoạch hoạt động) or the conclusions of
a meeting (thông báo kết luận).
It carries general and specific `Objective` values, its
`kttt.targets.TargetSet` where it has quantified targets, and its `Task`
values, each with a lead `Agency`, partner agencies, a `Deadline` and a
`TaskStatus`.

Tracking is pure: `overdue`, `tasks_by_agency` and `completion_by_agency`
take tasks (and the date to judge on) and return values.

The built-in programmes of the seed documents load with `get_programme`
and `kttt.programmes.programmes`; the bilingual registry of agencies with
`Agency.get` and `Agency.all`.
"""

from __future__ import annotations

import functools
import itertools
import json
import re

from collections.abc import Callable, Iterable, Iterator, Mapping
from fractions import Fraction
from importlib import resources
from typing import Any, Final, TypeVar, cast

import attrs
import pendulum

from kttt._labels import LabelledEnum
from kttt._validators import (
    check_date,
    check_optional_date,
    instance_of,
    optional_nfc,
    require_date,
    tuple_of,
)
from kttt.bodies import Agency, AgencyLevel
from kttt.documents import DocumentNumber, parse_document_number
from kttt.errors import DataError, KtttError, NotFoundError, ValidationError
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.targets import TargetSet, target_set
from kttt.text import fold, nfc


__all__ = [
    "ActionProgramme",
    "Agency",
    "AgencyLevel",
    "Completion",
    "Deadline",
    "Frequency",
    "Objective",
    "ProgrammeKind",
    "ProgressNote",
    "Recurrence",
    "Task",
    "TaskStatus",
    "completion_by_agency",
    "get_programme",
    "overdue",
    "programmes",
    "tasks_by_agency",
]

_E = TypeVar("_E", bound=LabelledEnum)
_T = TypeVar("_T")


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


def _non_empty(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValidationError(attribute.name, value, "must not be empty")


def _unique(
    key: Callable[[object], object], what: str
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
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


_CODE: Final = re.compile(r"[A-Z][A-Z0-9_]*")
_KEY: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _check_code(
    _: object, attribute: attrs.Attribute[str], value: str
) -> None:
    _require_code(attribute.name, value)


def _require_code(name: str, value: str) -> None:
    if not _CODE.fullmatch(value):
        raise ValidationError(
            name,
            value,
            "an agency code is upper-case letters, digits and '_'",
        )


# --- deadlines ---------------------------------------------------------------


def _positive(_: object, attribute: attrs.Attribute[int], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(
            attribute.name, value, "must be a whole number >= 1"
        )


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
    frequency: Frequency = attrs.field(validator=instance_of(Frequency))
    #: The date periods are counted from (usually the programme's date).
    start: pendulum.Date = attrs.field(validator=check_date)
    #: How many periods between occurrences (3 for "every three years").
    every: int = attrs.field(default=1, validator=_positive)
    #: The last day an occurrence may fall on, if the recurrence ends.
    until: pendulum.Date | None = attrs.field(
        default=None, validator=check_optional_date
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
        default=None, validator=check_optional_date
    )
    #: The recurring due dates, for a task that comes back.
    recurrences: tuple[Recurrence, ...] = attrs.field(
        default=(), validator=tuple_of(Recurrence)
    )
    #: How the deadline was read from the source (for a derived date).
    note: str | None = attrs.field(default=None, converter=optional_nfc)

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
    date: pendulum.Date = attrs.field(validator=check_date)
    #: What it says.
    text: str = attrs.field(converter=nfc, validator=_non_empty)
    #: Where it comes from.
    source: Source | None = attrs.field(default=None, repr=False)


# --- objectives and tasks --------------------------------------------------


@attrs.frozen(kw_only=True)
class Objective:
    """A general or specific objective of a programme, in its own words."""

    #: The objective as the source states it.
    text: str = attrs.field(converter=nfc, validator=_non_empty)
    #: The year it is set for (2030, 2045), if it names one.
    horizon: int | None = attrs.field(default=None)
    #: Where it is stated.
    source: Source | None = attrs.field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        horizon = cast("object", self.horizon)
        if horizon is not None and (
            isinstance(horizon, bool)
            or not isinstance(horizon, int)
            or not 1945 <= horizon <= 2100
        ):
            raise ValidationError(
                "horizon",
                self.horizon,
                "a horizon is a year from 1945 to 2100",
            )


def _check_notes(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    notes = cast("tuple[ProgressNote, ...]", value)
    tuple_of(ProgressNote)(_, attribute, notes)
    for before, after in itertools.pairwise(notes):
        if after.date < before.date:
            raise ValidationError(
                attribute.name, after.date, "progress notes are in date order"
            )


def _check_partners(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    tuple_of(Agency)(_, attribute, value)
    _unique(lambda agency: cast("Agency", agency).code, "partner")(
        _, attribute, value
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
    number: str = attrs.field(validator=_non_empty)
    #: A short title, the seed's heading or its opening words.
    title: str = attrs.field(converter=nfc, validator=_non_empty)
    #: The full text of the assignment, as the source words it.
    text: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The heading of the group of tasks it belongs to.
    group: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The agency in charge (chủ trì), if the source names one.
    lead: Agency | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(Agency)),
    )
    #: The agencies that take part (phối hợp).
    partners: tuple[Agency, ...] = attrs.field(
        default=(), validator=_check_partners
    )
    #: When it is due, if the source says.
    deadline: Deadline | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(Deadline)),
    )
    #: How far it has got, as last reported.
    status: TaskStatus = attrs.field(
        default=TaskStatus.UNREPORTED, validator=instance_of(TaskStatus)
    )
    #: Dated progress reports, oldest first.
    notes: tuple[ProgressNote, ...] = attrs.field(
        default=(), validator=_check_notes
    )
    #: Where the task is set out.
    source: Source | None = attrs.field(default=None, repr=False)

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
        require_date("as_of", as_of)
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


def _check_key(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _KEY.fullmatch(value):
        raise ValidationError(
            attribute.name,
            value,
            "a key is lower-case words joined by '-' ('ninh-thuan-155')",
        )


@attrs.frozen(kw_only=True)
class ActionProgramme:
    """An action programme, plan or set of conclusions, with its tasks.

    It also carries its objectives and, if it has quantified targets, its
    `kttt.targets.TargetSet`.

    >>> plan = get_programme("bcd-2026")
    >>> len(plan.tasks_in("Nhiệm vụ trọng tâm")), plan.standing_agency.code
    (6, 'MOF')
    """

    #: A short key that names it in kttt (``"ninh-thuan-155"``).
    key: str = attrs.field(validator=_check_key)
    #: Action programme, plan or conclusions.
    kind: ProgrammeKind = attrs.field(validator=instance_of(ProgrammeKind))
    #: The title, in the source's words.
    title: str = attrs.field(converter=nfc, validator=_non_empty)
    #: Its reference number, if it has one the sources give.
    number: DocumentNumber | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(DocumentNumber)),
    )
    #: The body that issued it (``"Ban Thường vụ Tỉnh ủy Ninh Thuận"``).
    issuer: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The province it applies to; `None` for a national programme.
    jurisdiction: Province | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(Province)),
    )
    #: The day it was signed (or the meeting was held, for conclusions).
    signed: pendulum.Date | None = attrs.field(
        default=None, validator=check_optional_date
    )
    #: Who signed it, or chaired the meeting.
    signer: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The documents it implements.
    implements: tuple[DocumentNumber, ...] = attrs.field(
        default=(), validator=tuple_of(DocumentNumber)
    )
    #: The agency that follows up every task for the issuer (the steering
    #: committee's standing agency), if the source names one.
    standing_agency: Agency | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(Agency)),
    )
    #: General objectives (mục tiêu tổng quát).
    general_objectives: tuple[Objective, ...] = attrs.field(
        default=(), validator=tuple_of(Objective)
    )
    #: Specific objectives (mục tiêu cụ thể).
    specific_objectives: tuple[Objective, ...] = attrs.field(
        default=(), validator=tuple_of(Objective)
    )
    #: Its quantified targets, if it has any.
    targets: TargetSet | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(TargetSet)),
        repr=False,
    )
    #: The tasks, in the source's order.
    tasks: tuple[Task, ...] = attrs.field(
        default=(),
        validator=[
            tuple_of(Task),
            _unique(lambda task: cast("Task", task).number, "task number"),
        ],
        repr=False,
    )
    #: Where it comes from.
    source: Source | None = attrs.field(default=None, repr=False)

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


# --- tracking ----------------------------------------------------------------


def _tasks(tasks: object) -> tuple[Task, ...]:
    if isinstance(tasks, str | bytes) or not isinstance(tasks, Iterable):
        raise ValidationError("tasks", tasks, "must be an iterable of Task")
    items = tuple(cast("Iterable[object]", tasks))
    for index, item in enumerate(items):
        if not isinstance(item, Task):
            raise ValidationError(f"tasks[{index}]", item, "must be a Task")
    return cast("tuple[Task, ...]", items)


def overdue(tasks: Iterable[Task], as_of: pendulum.Date) -> tuple[Task, ...]:
    """Return the tasks that are overdue on *as_of*, in their given order.

    See `Task.is_overdue` for the rule.
    The result only grows as *as_of* moves later.

    Raises:
        ValidationError: If *tasks* holds something other than tasks, or
            *as_of* is not a date.
    """
    require_date("as_of", as_of)
    return tuple(task for task in _tasks(tasks) if task.is_overdue(as_of))


def tasks_by_agency(
    tasks: Iterable[Task], *, include_partners: bool = False
) -> dict[Agency | None, tuple[Task, ...]]:
    """Group tasks by their lead agency.

    Tasks without a lead are under `None`.
    With *include_partners*, a task is also listed under each partner.

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


@attrs.frozen(kw_only=True)
class Completion:
    """How many of an agency's tasks are in each status."""

    #: Tasks counted.
    total: int
    #: Tasks done.
    done: int
    #: Tasks in progress.
    in_progress: int
    #: Tasks not started.
    not_started: int
    #: Tasks with no report.
    unreported: int

    def __attrs_post_init__(self) -> None:
        parts = (
            self.done,
            self.in_progress,
            self.not_started,
            self.unreported,
        )
        if min(parts) < 0 or sum(parts) != self.total or self.total < 1:
            raise ValidationError(
                "total",
                self.total,
                "the counts are >= 0 and add up to a total of at least 1",
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


def _text_key(field: str, key: object) -> str:
    if not isinstance(key, str):
        raise NotFoundError(field, key, "a key is text")
    return key


# --- reading package data ----------------------------------------------------


class DataRecord:
    """One JSON object of a data file; errors name the file and path."""

    def __init__(self, data: object, file: str, path: str) -> None:
        if not isinstance(data, Mapping):
            raise DataError(f"{file}:{path}", data, "must be a JSON object")
        self.data = cast("Mapping[str, object]", data)
        self.file = file
        self.path = path

    def error(self, key: str, value: object, rule: str) -> DataError:
        return DataError(f"{self.file}:{self.path}.{key}", value, rule)

    def get(self, key: str) -> object:
        return self.data.get(key)

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, value, "required text")
        return value

    def optional_text(self, key: str) -> str | None:
        return None if self.data.get(key) is None else self.text(key)

    def integer(self, key: str) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, value, "must be a whole number")
        return value

    def optional_integer(self, key: str) -> int | None:
        return None if self.data.get(key) is None else self.integer(key)

    def flag(self, key: str, *, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, value, "must be true or false")
        return value

    def date(self, key: str) -> pendulum.Date:
        value = self.text(key)
        try:
            parsed = pendulum.Date.fromisoformat(value)
        except ValueError:
            raise self.error(key, value, "a date is 'YYYY-MM-DD'") from None
        return pendulum.Date(parsed.year, parsed.month, parsed.day)

    def optional_date(self, key: str) -> pendulum.Date | None:
        return None if self.data.get(key) is None else self.date(key)

    def enum(self, key: str, cls: type[_E]) -> _E:
        value = self.text(key)
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(m.value for m in cls)
            raise self.error(
                key, value, f"must be one of: {choices}"
            ) from None

    def optional_enum(self, key: str, cls: type[_E]) -> _E | None:
        return None if self.data.get(key) is None else self.enum(key, cls)

    def records(self, key: str) -> list[DataRecord]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.error(key, value, "must be a JSON list")
        items = cast("list[object]", value)
        return [
            DataRecord(item, self.file, f"{self.path}.{key}[{index}]")
            for index, item in enumerate(items)
        ]

    def record(self, key: str) -> DataRecord:
        return DataRecord(self.data.get(key), self.file, f"{self.path}.{key}")

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        items = (
            cast("list[object]", value) if isinstance(value, list) else None
        )
        if items is None or not all(isinstance(i, str) for i in items):
            raise self.error(key, self.data.get(key), "must be a list of text")
        return cast("list[str]", items)

    def build(self, key: str, make: Callable[[], _T]) -> _T:
        """Call *make*, turning a domain error into a DataError at *key*."""
        try:
            return make()
        except DataError:
            raise
        except KtttError as error:
            raise self.error(
                f"{key}.{error.field}" if key else error.field,
                error.value,
                error.rule,
            ) from None

    def document(self, key: str) -> DocumentNumber:
        value = self.text(key)
        return self.build(key, lambda: parse_document_number(value))

    def optional_document(self, key: str) -> DocumentNumber | None:
        return None if self.data.get(key) is None else self.document(key)

    def province(self, key: str, era: Era) -> Province:
        value = self.text(key)
        return self.build(key, lambda: Province.get(value, era=era))

    def optional_province(self, key: str, era: Era) -> Province | None:
        return None if self.data.get(key) is None else self.province(key, era)

    def agency(self, key: str) -> Agency:
        value = self.text(key)
        return self.build(key, lambda: Agency.get(value))

    def optional_agency(self, key: str) -> Agency | None:
        return None if self.data.get(key) is None else self.agency(key)

    def agencies(self, key: str) -> tuple[Agency, ...]:
        return tuple(
            self.build(f"{key}[{index}]", functools.partial(Agency.get, code))
            for index, code in enumerate(self.texts(key))
        )

    def source(self, base: Source | None = None) -> Source:
        """Read the ``source`` object, filling unset fields from *base*."""
        return self.record("source").as_source(base)

    def as_source(self, base: Source | None = None) -> Source:
        """Read this object as a source, filling unset fields from *base*."""
        raw = self
        fields = {
            name: raw.optional_text(name)
            for name in ("document", "clause", "title", "url", "note")
        }
        retrieved = raw.optional_date("retrieved")
        if base is not None:
            fields = {
                name: value if value is not None else getattr(base, name)
                for name, value in fields.items()
            }
            retrieved = retrieved or base.retrieved
        return raw.build("", lambda: Source(retrieved=retrieved, **fields))


def read_data_json(folder: str, name: str) -> DataRecord:
    """Load one JSON file of the package data folder *folder*."""
    path = resources.files("kttt").joinpath("data", folder, name)
    file = f"{folder}/{name}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(file, name, "no such data file") from None
    try:
        data: object = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(file, text[:40], f"not JSON: {error}") from None
    return DataRecord(data, file, "$")


# --- built-in programmes -----------------------------------------------------

#: The built-in programmes: key -> data file.
_PROGRAMME_FILES: Final = {
    "quang-binh-2020": "quang-binh-2020.json",
    "ninh-thuan-155": "ninh-thuan-155.json",
    "bcd-2023": "bcd-2023.json",
    "bcd-2026": "bcd-2026.json",
}


def programmes() -> tuple[ActionProgramme, ...]:
    """Return every built-in programme, oldest first.

    They are the steering committee's 2023 and 2026 activity plans (seeds
    002 and 001), Ninh Thuận's action programme 155-CTr/TU (seed 003) and
    Quảng Bình's 2020 conclusions (seed 004).
    """
    return tuple(_load_programme(key) for key in _PROGRAMME_FILES)


def get_programme(key: str) -> ActionProgramme:
    """Return a built-in programme by its key or its document number.

    >>> get_programme("155-CTr/TU").key
    'ninh-thuan-155'

    Raises:
        NotFoundError: If no built-in programme has this key or number.
    """
    wanted = _text_key("programme", key)
    if wanted in _PROGRAMME_FILES:
        return _load_programme(wanted)
    for candidate in _PROGRAMME_FILES:
        number = _load_programme(candidate).number
        if number is not None and fold(str(number)) == fold(wanted):
            return _load_programme(candidate)
    keys = ", ".join(_PROGRAMME_FILES)
    raise NotFoundError(
        "programme", key, f"built-in programmes are {keys} (or their numbers)"
    )


@functools.cache
def _load_programme(key: str) -> ActionProgramme:
    root = read_data_json("programmes", _PROGRAMME_FILES[key])
    base = root.source()
    era = root.enum("era", Era)
    target_code = root.optional_text("target_set")
    targets = (
        None
        if target_code is None
        else root.build("target_set", lambda: target_set(target_code))
    )
    return root.build(
        "",
        functools.partial(_programme, root, base, era, targets),
    )


def _programme(
    root: DataRecord, base: Source, era: Era, targets: TargetSet | None
) -> ActionProgramme:
    return ActionProgramme(
        key=root.text("key"),
        kind=root.enum("kind", ProgrammeKind),
        title=root.text("title"),
        number=root.optional_document("number"),
        issuer=root.optional_text("issuer"),
        jurisdiction=root.optional_province("jurisdiction", era),
        signed=root.optional_date("signed"),
        signer=root.optional_text("signer"),
        implements=tuple(
            root.build(
                f"implements[{i}]",
                functools.partial(parse_document_number, text),
            )
            for i, text in enumerate(root.texts("implements"))
        ),
        standing_agency=root.optional_agency("standing_agency"),
        general_objectives=_objectives(root, "general_objectives", base),
        specific_objectives=_objectives(root, "specific_objectives", base),
        targets=targets,
        tasks=tuple(_task(item, base) for item in root.records("tasks")),
        source=base,
    )


def _objectives(
    root: DataRecord, key: str, base: Source
) -> tuple[Objective, ...]:
    return tuple(
        item.build("", functools.partial(_objective, item, base))
        for item in root.records(key)
    )


def _objective(item: DataRecord, base: Source) -> Objective:
    return Objective(
        text=item.text("text"),
        horizon=item.optional_integer("horizon"),
        source=item.source(base),
    )


def _task(item: DataRecord, base: Source) -> Task:
    deadline = None if item.get("deadline") is None else _deadline(item)
    notes = tuple(
        note.build("", functools.partial(_note, note, base))
        for note in item.records("notes")
    )
    return item.build(
        "", functools.partial(_make_task, item, base, deadline, notes)
    )


def _make_task(
    item: DataRecord,
    base: Source,
    deadline: Deadline | None,
    notes: tuple[ProgressNote, ...],
) -> Task:
    return Task(
        number=item.text("number"),
        title=item.text("title"),
        text=item.optional_text("text"),
        group=item.optional_text("group"),
        lead=item.optional_agency("lead"),
        partners=item.agencies("partners"),
        deadline=deadline,
        status=item.optional_enum("status", TaskStatus)
        or TaskStatus.UNREPORTED,
        notes=notes,
        source=item.source(base),
    )


def _note(note: DataRecord, base: Source) -> ProgressNote:
    return ProgressNote(
        date=note.date("date"),
        text=note.text("text"),
        source=note.source(base),
    )


def _deadline(item: DataRecord) -> Deadline:
    raw = item.record("deadline")
    recurrences = tuple(
        entry.build("", functools.partial(_recurrence, entry))
        for entry in raw.records("recurrences")
    )
    return raw.build(
        "",
        lambda: Deadline(
            date=raw.optional_date("date"),
            recurrences=recurrences,
            note=raw.optional_text("note"),
        ),
    )


def _recurrence(entry: DataRecord) -> Recurrence:
    return Recurrence(
        frequency=entry.enum("frequency", Frequency),
        start=entry.date("start"),
        every=1 if entry.get("every") is None else entry.integer("every"),
        until=entry.optional_date("until"),
    )
