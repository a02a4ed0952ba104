"""Action programmes and plans, their objectives and tasks, and task tracking.

An `ActionProgramme` is a document that turns a resolution into work: a
party committee's action programme (chương trình hành động), a steering
committee's yearly activity plan (kế hoạch hoạt động) or the conclusions of
a meeting (thông báo kết luận).
It carries general and specific `Objective` values, its
`kttt.targets.TargetSet` where it has quantified targets, and its `Task`
values, each with a lead `Agency`, partner agencies, a
`Deadline` and a `TaskStatus`.

Tracking is pure: `overdue`, `tasks_by_agency` and `completion_by_agency`
take tasks (and the date to judge on) and return values.

The built-in programmes of the seed documents load with `get_programme`
and `kttt.programmes.programmes`, each from its data file
(``QUANG_BINH_2020``, ``NINH_THUAN_155``, ``BCD_2023``, ``BCD_2026``,
listed by ``kttt.datasets``).
`Agency` and `AgencyLevel` live in ``kttt.bodies``, with the issuers of
documents; they are importable from here as well.
"""

from __future__ import annotations

from kttt.bodies import Agency, AgencyLevel
from kttt.programmes._builtin import (
    BCD_2023,
    BCD_2026,
    NINH_THUAN_155,
    QUANG_BINH_2020,
    configure_converter,
    get_programme,
    programmes,
)
from kttt.programmes._model import (
    FIRST_DOCUMENT_YEAR,
    LAST_YEAR,
    ActionProgramme,
    Deadline,
    Frequency,
    Milestone,
    Objective,
    ProgrammeKind,
    ProgressNote,
    Recurrence,
    Task,
    TaskStatus,
)
from kttt.programmes._tracking import (
    Completion,
    completion_by_agency,
    overdue,
    tasks_by_agency,
)


__all__ = [
    "BCD_2023",
    "BCD_2026",
    "FIRST_DOCUMENT_YEAR",
    "LAST_YEAR",
    "NINH_THUAN_155",
    "QUANG_BINH_2020",
    "ActionProgramme",
    "Agency",
    "AgencyLevel",
    "Completion",
    "Deadline",
    "Frequency",
    "Milestone",
    "Objective",
    "ProgrammeKind",
    "ProgressNote",
    "Recurrence",
    "Task",
    "TaskStatus",
    "completion_by_agency",
    "configure_converter",
    "get_programme",
    "overdue",
    "programmes",
    "tasks_by_agency",
]
