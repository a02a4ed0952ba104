"""Strategies for agencies, deadlines, tasks and action programmes."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from kttt.bodies import Agency, AgencyLevel
from kttt.geography import Era
from kttt.programmes import (
    ActionProgramme,
    Deadline,
    Frequency,
    Objective,
    ProgrammeKind,
    ProgressNote,
    Recurrence,
    Task,
    TaskStatus,
)
from kttt.strategies._base import labelled_enums, pendulum_dates
from kttt.strategies._documents import document_numbers, vietnamese_words
from kttt.strategies._geography import provinces


__all__ = [
    "action_programmes",
    "agencies",
    "deadlines",
    "objectives",
    "progress_notes",
    "recurrences",
    "tasks",
]

_FROM = dt.date(2000, 1, 1)
_TO = dt.date(2040, 12, 31)


@st.composite
def _new_agencies(draw: st.DrawFn) -> Agency:
    return Agency(
        code=draw(st.from_regex(r"X_[A-Z0-9]{1,6}", fullmatch=True)),
        name_vi=draw(vietnamese_words()),
        name_en=draw(st.sampled_from(("Department", "Committee", "Office"))),
        level=draw(labelled_enums(AgencyLevel)),
        collective=draw(st.booleans()),
    )


def agencies(*, builtin: bool | None = None) -> st.SearchStrategy[Agency]:
    """Draw a `kttt.programmes.Agency`.

    Args:
        builtin: ``True`` for registry agencies only, ``False`` for made-up
            ones (codes start with ``X_``); by default either.

    Shrinks towards the first registry agency (the Ministry of Finance).
    """
    known = st.sampled_from(Agency.all())
    if builtin is None:
        return st.one_of(known, _new_agencies())
    return known if builtin else _new_agencies()


@st.composite
def _recurrences(draw: st.DrawFn) -> Recurrence:
    start = draw(pendulum_dates(min_value=_FROM, max_value=_TO))
    until = draw(
        st.none()
        | pendulum_dates(
            min_value=dt.date(start.year, start.month, start.day),
            max_value=dt.date(2045, 12, 31),
        )
    )
    return Recurrence(
        frequency=draw(labelled_enums(Frequency)),
        start=start,
        every=draw(st.integers(1, 5)),
        until=until,
    )


def recurrences() -> st.SearchStrategy[Recurrence]:
    """Draw a `kttt.programmes.Recurrence` starting 2000–2040.

    Shrinks towards a monthly recurrence from 1 January 2000.
    """
    return _recurrences()


def deadlines(*, recurring: bool | None = None) -> st.SearchStrategy[Deadline]:
    """Draw a `kttt.programmes.Deadline`: a date, or 1–3 recurrences.

    Args:
        recurring: Force a recurring (``True``) or a one-off (``False``)
            deadline; by default either.

    Shrinks towards a one-off deadline on 1 January 2000.
    """
    one_off = st.builds(
        Deadline, date=pendulum_dates(min_value=_FROM, max_value=_TO)
    )
    repeating = st.builds(
        Deadline,
        recurrences=st.lists(recurrences(), min_size=1, max_size=3).map(tuple),
    )
    if recurring is None:
        return st.one_of(one_off, repeating)
    return repeating if recurring else one_off


def progress_notes() -> st.SearchStrategy[ProgressNote]:
    """Draw a `kttt.programmes.ProgressNote` dated 2000–2040."""
    return st.builds(
        ProgressNote,
        date=pendulum_dates(min_value=_FROM, max_value=_TO),
        text=vietnamese_words(),
    )


def objectives() -> st.SearchStrategy[Objective]:
    """Draw a `kttt.programmes.Objective`, with or without a horizon."""
    return st.builds(
        Objective,
        text=vietnamese_words(),
        horizon=st.none() | st.integers(2025, 2050),
    )


@st.composite
def _tasks(
    draw: st.DrawFn, number: str | None, status: TaskStatus | None
) -> Task:
    # Agencies are written by their code: only built-in ones read back.
    lead = draw(st.none() | agencies(builtin=True))
    pool = [a for a in Agency.all() if lead is None or a.code != lead.code]
    partners = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True))
    notes = draw(st.lists(progress_notes(), max_size=4))
    return Task(
        number=number
        or draw(st.from_regex(r"[1-9](\.[1-9]){0,2}", fullmatch=True)),
        title=draw(vietnamese_words()),
        text=draw(st.none() | vietnamese_words()),
        group=draw(st.none() | vietnamese_words()),
        lead=lead,
        partners=tuple(partners),
        deadline=draw(st.none() | deadlines()),
        status=status or draw(labelled_enums(TaskStatus)),
        notes=tuple(sorted(notes, key=lambda note: note.date)),
    )


def tasks(
    *, number: str | None = None, status: TaskStatus | None = None
) -> st.SearchStrategy[Task]:
    """Draw a `kttt.programmes.Task`.

    Args:
        number: Use this task number; by default draw one (``"1.2"``).
        status: Use this status; by default draw one.

    Its lead and partners are built-in agencies, so that it reads back
    from JSON. Shrinks towards an unreported task without lead or deadline.
    """
    return _tasks(number, status)


@st.composite
def _programmes(draw: st.DrawFn, max_tasks: int) -> ActionProgramme:
    count = draw(st.integers(0, max_tasks))
    drawn = [draw(tasks(number=str(index + 1))) for index in range(count)]
    return ActionProgramme(
        key=draw(st.from_regex(r"[a-z]{1,8}(-[0-9]{1,3})?", fullmatch=True)),
        kind=draw(labelled_enums(ProgrammeKind)),
        title=draw(vietnamese_words()),
        number=draw(st.none() | document_numbers()),
        issuer=draw(st.none() | vietnamese_words()),
        jurisdiction=draw(st.none() | provinces(era=Era.PRE_2025)),
        signed=draw(
            st.none() | pendulum_dates(min_value=_FROM, max_value=_TO)
        ),
        implements=tuple(draw(st.lists(document_numbers(), max_size=2))),
        standing_agency=draw(st.none() | agencies(builtin=True)),
        general_objectives=tuple(draw(st.lists(objectives(), max_size=2))),
        specific_objectives=tuple(draw(st.lists(objectives(), max_size=3))),
        tasks=tuple(drawn),
    )


def action_programmes(
    *, max_tasks: int = 5
) -> st.SearchStrategy[ActionProgramme]:
    """Draw a `kttt.programmes.ActionProgramme` with up to *max_tasks* tasks.

    Tasks are numbered ``"1"``, ``"2"``, …; the programme has no target
    set.
    Shrinks towards a programme without tasks.
    """
    return _programmes(max_tasks)
