"""Tests for kttt.programmes: agencies, deadlines, tasks and the seeds."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pendulum
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import write_envelope
from kttt import bodies, datasets, programmes, serialization
from kttt import strategies as kst
from kttt.errors import DataError, KtttError, NotFoundError, ValidationError
from kttt.programmes import (
    FIRST_DOCUMENT_YEAR,
    LAST_YEAR,
    ActionProgramme,
    Agency,
    AgencyLevel,
    Completion,
    Deadline,
    Frequency,
    Objective,
    ProgrammeKind,
    ProgressNote,
    Recurrence,
    Task,
    TaskStatus,
    completion_by_agency,
    get_programme,
    overdue,
    tasks_by_agency,
)
from kttt.sources import Source


D = pendulum.Date


def _codes(agencies):
    return [None if a is None else a.code for a in agencies]


# --- the built-in programmes match their seeds -----------------------------


def test_builtin_programmes_in_order():
    """The four seed programmes load, oldest first."""
    keys = [p.key for p in programmes.programmes()]

    assert [
        "quang-binh-2020",
        "ninh-thuan-155",
        "bcd-2023",
        "bcd-2026",
    ] == keys


def test_plan_2026_six_key_tasks():
    """Seed 001: 6 key tasks for the committee's members, due end of 2026."""
    plan = get_programme("bcd-2026")
    key = plan.tasks_in("Nhiệm vụ trọng tâm")

    assert "18/QĐ-BCĐQGKTTT" == str(plan.number)
    assert ProgrammeKind.PLAN is plan.kind
    assert ["1", "2", "3", "4", "5", "6"] == [t.number for t in key]
    assert {"CENTRAL_ALL"} == {t.lead.code for t in key}
    assert {D(2026, 12, 31)} == {t.deadline.date for t in key}
    assert "MOF" == plan.standing_agency.code
    assert key[4].text.startswith("Đẩy mạnh ứng dụng khoa học, công nghệ")
    assert "11/4/1946 – 11/4/2026" in key[2].text


def test_plan_2026_responsibilities():
    """Seed 001: the members plan their work; the MoF follows up."""
    plan = get_programme("18/QĐ-BCĐQGKTTT")

    assert 8 == len(plan.tasks)
    assert "COMMITTEE_MEMBERS" == plan.task("TH.1").lead.code
    follow_up = plan.task("TH.2")
    assert "MOF" == follow_up.lead.code
    assert follow_up.deadline is None
    assert ("20-NQ/TW", "09/NQ-CP") == tuple(map(str, plan.implements))


def test_plan_2023():
    """Seed 002: six tasks for 2023, the MPI the standing agency."""
    plan = get_programme("bcd-2023")

    assert "39/QĐ-BCĐĐMPTKTTTHTX" == str(plan.number)
    assert 6 == len(plan.tasks)
    assert [None] * 6 == [t.lead for t in plan.tasks]
    assert {D(2023, 12, 31)} == {t.deadline.date for t in plan.tasks}
    assert "MPI" == plan.standing_agency.code
    assert "Lê Minh Khái" == plan.signer
    assert "Luật Hợp tác xã (sửa đổi)" in plan.task("2").text
    assert D(2023, 6, 20) == plan.task("2").notes[0].date


def test_programme_155_objectives_and_targets():
    """Seed 003: objectives II.1 and II.2 and the targets of 155-CTr/TU."""
    plan = get_programme("155-CTr/TU")

    assert "Ninh Thuận" == plan.jurisdiction.name
    assert D(2022, 11, 21) == plan.signed
    assert 2 == len(plan.general_objectives)
    assert [2030, 2030, 2030, 2045] == [
        o.horizon for o in plan.specific_objectives
    ]
    assert "1.200-1.400 tổ hợp tác" in plan.specific_objectives[0].text
    assert "155-CTr/TU" == plan.targets.code
    assert ("20-NQ/TW", "10-KH/TW") == tuple(map(str, plan.implements))


def test_programme_155_tasks_and_assignments():
    """Seed 003: 12 tasks and solutions (III) and 8 assignments (IV)."""
    plan = get_programme("ninh-thuan-155")
    section_3 = plan.tasks_in("III.")
    section_4 = plan.tasks_in("IV.")

    assert 12 == len(section_3)
    assert [
        "III.1",
        "III.2",
        "III.2.1",
        "III.2.2",
        "III.2.3",
        "III.2.4",
        "III.2.5",
        "III.2.6",
        "III.2.7",
        "III.3",
        "III.4",
        "III.5",
    ] == [t.number for t in section_3]
    assert [None] * 12 == [t.lead for t in section_3]
    assert [
        "P_PARTY_BODIES",
        "P_HDND_CAUCUS",
        "P_VFF_CAUCUS",
        "P_PROPAGANDA",
        "P_INTERNAL_AFFAIRS",
        "P_INSPECTION",
        "P_PC_PARTY",
        "P_STANDING_MEMBERS",
    ] == _codes(t.lead for t in section_4)
    assert ["P_RELATED"] == _codes(plan.task("IV.4").partners)
    assert "Chính sách đất đai" == plan.task("III.2.2").title


def test_programme_155_recurring_reports():
    """Seed 003 IV.7: yearly, three-yearly and five-yearly reports."""
    deadline = get_programme("ninh-thuan-155").task("IV.7").deadline

    assert deadline.is_recurring
    assert [1, 3, 5] == [r.every for r in deadline.recurrences]
    assert {Frequency.YEARLY} == {r.frequency for r in deadline.recurrences}
    assert {D(2022, 11, 21)} == {r.start for r in deadline.recurrences}


def test_quang_binh_2020_tasks_per_agency():
    """Seed 004: 13 tasks; per agency as the conclusions assign them."""
    plan = get_programme("quang-binh-2020")
    grouped = {
        agency.code: [t.number for t in items]
        for agency, items in tasks_by_agency(plan.tasks).items()
    }

    assert plan.number is None
    assert ProgrammeKind.CONCLUSIONS is plan.kind
    assert {
        "P_DEPARTMENTS": ["1", "2", "3"],
        "P_PLANNING": ["4"],
        "P_INDUSTRY_TRADE": ["5.1", "5.2"],
        "P_SBV": ["6.1", "6.2"],
        "P_AGRICULTURE": ["7.1", "7.2"],
        "D_PC": ["8.1", "8.2"],
        "P_VCA": ["9"],
    } == grouped
    assert ["P_VCA"] == _codes(plan.task("4").partners)
    assert ["P_VCA"] == _codes(plan.task("5.2").partners)
    assert "P_VCA" == plan.standing_agency.code
    assert [None] * 13 == [t.deadline for t in plan.tasks]
    assert "Quảng Bình" == plan.jurisdiction.name


def test_every_builtin_item_cites_its_seed():
    """Every task and objective carries a source naming its seed."""
    for plan in programmes.programmes():
        items = (
            *plan.tasks,
            *plan.general_objectives,
            *plan.specific_objectives,
        )
        for item in items:
            assert item.source is not None
            assert "seed 00" in (item.source.note or "")


def test_tasks_by_agency_with_partners():
    """With partners, the provincial alliance also gets tasks 4 and 5.2."""
    plan = get_programme("quang-binh-2020")
    alliance = Agency.get("P_VCA")

    grouped = tasks_by_agency(plan.tasks, include_partners=True)

    assert ["4", "5.2", "9"] == [t.number for t in grouped[alliance]]


def test_completion_by_agency():
    """Completion counts tasks per status and gives the exact share done."""
    lead = Agency.get("MOF")
    made = [
        Task(number=str(i), title="x", lead=lead, status=status)
        for i, status in enumerate(
            [TaskStatus.DONE, TaskStatus.DONE, TaskStatus.IN_PROGRESS]
        )
    ]

    result = completion_by_agency(made)[lead]

    assert (
        Completion(total=3, done=2, in_progress=1, not_started=0, unreported=0)
        == result
    )
    assert Fraction(2, 3) == result.share_done


# --- agencies --------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["MOF", "Bộ Tài chính", "bo tai chinh", "Ministry of Finance"]
)
def test_agency_lookup(key):
    """Agencies are found by code, name or English name, any diacritics."""
    assert "MOF" == Agency.get(key).code


def test_agency_labels_and_successors():
    """Agencies are bilingual; the merged ministries name their successor."""
    mpi = Agency.get("Bộ KH&ĐT")

    assert "Ministry of Planning and Investment" == mpi.label("en")
    assert "Bộ Kế hoạch và Đầu tư" == mpi.label("vi") == str(mpi)
    assert "MOF" == mpi.successor
    assert "MAE" == Agency.get("MARD").successor
    assert AgencyLevel.DISTRICT is Agency.get("D_PC").level


def test_agency_registry_is_unique():
    """Every registry code is distinct."""
    codes = [a.code for a in Agency.all()]

    assert len(set(codes)) == len(codes)


# --- deadlines and overdue -------------------------------------------------


def test_one_off_overdue_from_the_day_after():
    """A one-off task is overdue the day after its due date, until done."""
    task = Task(number="1", title="x", deadline=Deadline(date=D(2023, 12, 31)))

    assert not task.is_overdue(D(2023, 12, 31))
    assert task.is_overdue(D(2024, 1, 1))
    assert not attrs.evolve(task, status=TaskStatus.DONE).is_overdue(
        D(2030, 1, 1)
    )


def test_recurring_task_needs_a_note_each_period():
    """A recurring task is overdue once a period ends without a report."""
    yearly = Recurrence(frequency=Frequency.YEARLY, start=D(2022, 1, 1))
    on_time = ProgressNote(date=D(2022, 12, 1), text="báo cáo năm 2022")
    late = ProgressNote(date=D(2024, 2, 1), text="báo cáo năm 2023")
    task = Task(
        number="1",
        title="x",
        deadline=Deadline(recurrences=(yearly,)),
        notes=(on_time, late),
    )

    assert not task.is_overdue(D(2023, 1, 2))
    assert not task.is_overdue(D(2024, 1, 1))
    assert task.is_overdue(D(2024, 1, 2))
    assert task.is_overdue(D(2030, 1, 1))


def test_recurrence_occurrences_respect_until():
    """Quarterly occurrences stop at *until*."""
    quarterly = Recurrence(
        frequency=Frequency.QUARTERLY,
        start=D(2024, 1, 1),
        until=D(2024, 9, 30),
    )

    assert (D(2024, 4, 1), D(2024, 7, 1)) == quarterly.occurrences(
        through=D(2030, 1, 1)
    )


def test_overdue_builtin_155_after_first_year():
    """Without reports, 155's yearly assignments are overdue by 2024."""
    plan = get_programme("ninh-thuan-155")

    assert ["IV.2", "IV.7"] == [
        t.number for t in overdue(plan.tasks, D(2024, 1, 1))
    ]
    assert () == overdue(plan.tasks, D(2023, 11, 21))


@settings(max_examples=60)
@given(
    st.lists(kst.tasks(), max_size=5),
    kst.recurrences().map(lambda r: r.start),
    st.integers(0, 3000),
)
def test_overdue_is_monotone_in_as_of(tasks, first, days):
    """A task overdue on one date stays overdue on every later date."""
    later = first.add(days=days)

    assert set(map(id, overdue(tasks, first))) <= set(
        map(id, overdue(tasks, later))
    )


@settings(max_examples=40)
@given(st.lists(kst.tasks(), max_size=6))
def test_completion_counts_every_task(tasks):
    """Completion totals add up to the number of tasks."""
    result = completion_by_agency(tasks)

    assert len(tasks) == sum(c.total for c in result.values())
    assert all(0 <= c.share_done <= 1 for c in result.values())


# --- round trips -----------------------------------------------------------


@settings(max_examples=25)
@given(kst.action_programmes(max_tasks=3))
def test_programme_json_round_trip(plan):
    """A programme survives JSON with its dates as pendulum.Date."""
    back = serialization.from_json(
        serialization.to_json(plan), ActionProgramme
    )

    assert plan == back
    for task in back.tasks:
        if task.deadline is not None and task.deadline.date is not None:
            assert type(task.deadline.date) is pendulum.Date


@settings(max_examples=25)
@given(kst.tasks())
def test_task_json_round_trip(task):
    """A task survives JSON."""
    assert task == serialization.from_json(serialization.to_json(task), Task)


def test_builtin_task_round_trip():
    """A built-in recurring task survives JSON."""
    task = get_programme("ninh-thuan-155").task("IV.7")

    assert task == serialization.from_json(serialization.to_json(task), Task)


# --- bad input -------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Task(number=" ", title="x"), "number"),
        (lambda: Task(number="1", title=""), "title"),
        (
            lambda: Task(number="1", title="x", partners=[Agency.get("MOF")]),
            "partners",
        ),
        (
            lambda: Task(
                number="1",
                title="x",
                lead=Agency.get("MOF"),
                partners=(Agency.get("MOF"),),
            ),
            "partners",
        ),
        (
            lambda: Task(
                number="1",
                title="x",
                partners=(Agency.get("MOF"), Agency.get("MOF")),
            ),
            "partners",
        ),
        (
            lambda: Task(
                number="1",
                title="x",
                notes=(
                    ProgressNote(date=D(2024, 2, 1), text="b"),
                    ProgressNote(date=D(2024, 1, 1), text="a"),
                ),
            ),
            "notes",
        ),
        (lambda: Task(number="1", title="x", lead="MOF"), "lead"),
        (Deadline, "deadline"),
        (
            lambda: Deadline(
                date=D(2024, 1, 1),
                recurrences=(
                    Recurrence(
                        frequency=Frequency.YEARLY, start=D(2024, 1, 1)
                    ),
                ),
            ),
            "deadline",
        ),
        (lambda: Deadline(date="2024-01-01"), "date"),
        (
            lambda: Recurrence(
                frequency=Frequency.YEARLY, start=D(2024, 1, 1), every=0
            ),
            "every",
        ),
        (
            lambda: Recurrence(
                frequency=Frequency.YEARLY,
                start=D(2024, 1, 1),
                until=D(2023, 1, 1),
            ),
            "until",
        ),
        (lambda: Objective(text="x", horizon=1900), "horizon"),
        (
            lambda: Agency(
                code="mof", name_vi="x", name_en="x", level=AgencyLevel.CENTRAL
            ),
            "code",
        ),
        (
            lambda: Agency(
                code="MOF",
                name_vi="x",
                name_en="x",
                level=AgencyLevel.CENTRAL,
                successor="MOF",
            ),
            "successor",
        ),
        (
            lambda: Agency(
                code="X",
                name_vi="x",
                name_en="x",
                level=AgencyLevel.CENTRAL,
                successor="bad",
            ),
            "successor",
        ),
        (
            lambda: ActionProgramme(
                key="Bad Key", kind=ProgrammeKind.PLAN, title="x"
            ),
            "key",
        ),
        (
            lambda: ActionProgramme(
                key="a",
                kind=ProgrammeKind.PLAN,
                title="x",
                tasks=(
                    Task(number="1", title="a"),
                    Task(number="1", title="b"),
                ),
            ),
            "tasks",
        ),
        (
            lambda: Completion(
                total=2, done=1, in_progress=0, not_started=0, unreported=0
            ),
            "total",
        ),
        (lambda: Agency.get("MOF").label("fr"), "lang"),
        (lambda: overdue([object()], D(2024, 1, 1)), "tasks[0]"),
        (lambda: overdue("tasks", D(2024, 1, 1)), "tasks"),
        (lambda: overdue([], "2024-01-01"), "as_of"),
        (lambda: overdue(None, D(2024, 1, 1)), "tasks"),
        (lambda: completion_by_agency({"1": "x"}), "tasks"),
        (lambda: Task(number="1", title="x", text=""), "text"),
        (lambda: Task(number="1", title="x", text="\u200b\n "), "text"),
        (lambda: Task(number="1", title="x", text="a\x00"), "text"),
        (
            lambda: Completion(
                total="1", done=1, in_progress=0, not_started=0, unreported=0
            ),
            "total",
        ),
        (
            lambda: Completion(
                total=1, done=None, in_progress=0, not_started=0, unreported=1
            ),
            "done",
        ),
    ],
)
def test_bad_input_raises_validation_error(make, field):
    """Invalid values raise ValidationError naming the field."""
    with pytest.raises(ValidationError) as caught:
        make()

    assert field == caught.value.field


def test_task_text_keeps_its_paragraphs_through_csv():
    """A task's text may hold line breaks; they survive a CSV round trip."""
    task = Task(number="1", title="x", text="Đoạn 1.\nĐoạn 2.")

    assert [task] == list(
        serialization.from_csv(serialization.to_csv([task]), Task)
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda: Agency.get("Bộ Ngoại giao"),
        lambda: Agency.get(42),
        lambda: get_programme("no-such-plan"),
        lambda: get_programme(None),
        lambda: get_programme("bcd-2026").task("99"),
    ],
)
def test_unknown_names_raise_not_found(make):
    """Unknown agencies, programmes and tasks raise NotFoundError."""
    with pytest.raises(NotFoundError):
        make()


def test_horizon_range():
    """A horizon runs from FIRST_DOCUMENT_YEAR to LAST_YEAR, both included."""
    for year in (FIRST_DOCUMENT_YEAR, LAST_YEAR):
        assert year == Objective(text="x", horizon=year).horizon
    for year in (FIRST_DOCUMENT_YEAR - 1, LAST_YEAR + 1, True, 2030.0):
        with pytest.raises(ValidationError, match="a horizon"):
            Objective(text="x", horizon=year)


def test_agency_lives_in_bodies():
    """Agency and AgencyLevel are kttt.bodies' own, re-exported here."""
    assert Agency is bodies.Agency
    assert AgencyLevel is bodies.AgencyLevel


# --- the data files ----------------------------------------------------------


def _write(tmp_path, row, *, rows=None):
    """Write a programme file holding *row* (or *rows*) and return its path."""
    held = [row] if rows is None else rows
    return write_envelope(tmp_path, held, document="155-CTr/TU", key="s")


def _programme(**fields):
    return {"key": "test", "kind": "plan", "title": "x", **fields}


def _with_task(**fields):
    return _programme(tasks=[{"number": "1", "title": "x", **fields}])


def test_builtin_files_name_their_programme():
    """Each built-in file holds the programme its dataset name says."""
    for name in datasets.names():
        if name.startswith("programmes/"):
            assert name.removeprefix("programmes/") == datasets.load(name).key


def test_builtin_files_list_their_sources():
    """Every programme file names its seed, retrieval dates not recorded."""
    info = datasets.about("programmes/ninh-thuan-155")

    assert 1 == info.rows
    assert ["155-CTr/TU"] == [s.document for s in info.sources]
    assert [None] == [s.retrieved for s in info.sources]


def test_builtin_items_share_the_programme_source():
    """A task's source is the programme's, with the task's own clause."""
    plan = get_programme("ninh-thuan-155")
    task = plan.task("III.2.2")

    assert "III.2.2" == task.source.clause
    assert attrs.evolve(task.source, clause=None) == plan.source


def test_own_programme_file_loads(tmp_path):
    """A programme file of the user's reads like the built-in ones."""
    row = _programme(
        number="155-CTr/TU",
        jurisdiction={"code": "58", "era": "63", "name": "Ninh Thuận"},
        targets="155-CTr/TU",
        standing_agency="MOF",
        source={"ref": "s", "clause": "I"},
        tasks=[
            {
                "number": "1",
                "title": "Báo cáo",
                "lead": "P_PLANNING",
                "partners": ["P_VCA"],
                "deadline": {
                    "recurrences": [
                        {
                            "frequency": "quarterly",
                            "start": "2024-01-01",
                            "until": "2025-01-01",
                        }
                    ]
                },
                "source": "s",
            }
        ],
    )

    plan = datasets.load("programmes/bcd-2023", _write(tmp_path, row))
    recurrence = plan.task("1").deadline.recurrences[0]

    assert "Ninh Thuận" == plan.jurisdiction.name
    assert "155-CTr/TU" == plan.targets.code
    assert Source(document="155-CTr/TU", clause="I") == plan.source
    assert Frequency.QUARTERLY is recurrence.frequency
    assert D(2025, 1, 1) == recurrence.until
    assert ["P_VCA"] == _codes(plan.task("1").partners)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        (_with_task(number=None), "rows[0].tasks[0].number"),
        (
            _programme(tasks=[{"title": "x"}]),
            "rows[0].tasks[0].number",
        ),
        (_with_task(lead="NOPE"), "rows[0].tasks[0].lead"),
        (_with_task(partners="MOF"), "rows[0].tasks[0].partners"),
        (_with_task(partners=["NOPE"]), "rows[0].tasks[0].partners[0]"),
        (_with_task(status="late"), "rows[0].tasks[0].status"),
        (_with_task(notes={}), "rows[0].tasks[0].notes"),
        (_with_task(notes=[3]), "rows[0].tasks[0].notes[0]"),
        (
            _with_task(source={"document": 5}),
            "rows[0].tasks[0].source.document",
        ),
        (
            _with_task(deadline={"date": "31/12/2023"}),
            "rows[0].tasks[0].deadline.date",
        ),
        (_with_task(deadline={}), "rows[0].tasks[0].deadline"),
        (
            _with_task(deadline={"recurrences": [{"frequency": "weekly"}]}),
            "rows[0].tasks[0].deadline.recurrences[0].frequency",
        ),
        (
            _with_task(
                deadline={
                    "recurrences": [
                        {
                            "frequency": "yearly",
                            "start": "2024-01-01",
                            "every": 0,
                        }
                    ]
                }
            ),
            "rows[0].tasks[0].deadline.recurrences[0].every",
        ),
        (
            _with_task(
                deadline={
                    "recurrences": [
                        {
                            "frequency": "yearly",
                            "start": "2024-01-01",
                            "every": 1.5,
                        }
                    ]
                }
            ),
            "rows[0].tasks[0].deadline.recurrences[0].every",
        ),
        (
            _with_task(notes=[{"date": "2024-01-01", "text": True}]),
            "rows[0].tasks[0].notes[0].text",
        ),
        (_with_task(source="nope"), "rows[0].tasks[0].source"),
        (_with_task(colour="red"), "rows[0].tasks[0]"),
        (
            _programme(tasks=[{"number": "1", "title": "a"}] * 2),
            "rows[0].tasks",
        ),
        (_programme(key="Bad Key"), "rows[0].key"),
        (_programme(era="63"), "rows[0]"),
        (_programme(targets="99-CTr/TU"), "rows[0].targets"),
        (_programme(jurisdiction="58"), "rows[0].jurisdiction"),
        (
            _programme(
                jurisdiction={"code": "58", "era": "63", "name": "Huế"}
            ),
            "rows[0].jurisdiction.name",
        ),
        (
            _programme(jurisdiction={"code": "99", "era": "63"}),
            "rows[0].jurisdiction.code",
        ),
        (
            _programme(specific_objectives=[{"text": "x", "horizon": 1900}]),
            "rows[0].specific_objectives[0].horizon",
        ),
        ([1], "rows[0]"),
    ],
)
def test_bad_programme_file_raises_data_error(tmp_path, row, field):
    """A malformed programme file raises DataError naming file and path."""
    path = _write(tmp_path, row)

    with pytest.raises(DataError) as caught:
        datasets.load("programmes/bcd-2023", path)

    assert str(path) == caught.value.file
    assert caught.value.field.startswith(field)
    assert caught.value.row is None


def test_programme_file_holds_one_programme(tmp_path):
    """A programme file has exactly one row."""
    path = _write(tmp_path, None, rows=[_programme(), _programme(key="b")])

    with pytest.raises(DataError, match="one record") as caught:
        datasets.load("programmes/bcd-2026", path)

    assert str(path) == caught.value.file
    assert "rows" == caught.value.field


def test_missing_data_file_raises_not_found(tmp_path):
    """A missing data file raises NotFoundError naming it."""
    path = tmp_path / "no-such-file.json"

    with pytest.raises(NotFoundError) as caught:
        datasets.load("programmes/bcd-2023", path)

    assert str(path) == caught.value.value


@settings(max_examples=25)
@given(kst.action_programmes(max_tasks=3))
def test_programme_round_trip_through_the_room_converters(plan):
    """Composed as serialization composes them, the hooks read back."""
    conv = serialization.make_converter()

    assert plan == conv.structure(conv.unstructure(plan), ActionProgramme)


def test_errors_are_kttt_errors():
    """Every error raised here is a KtttError."""
    with pytest.raises(KtttError):
        Task(number="", title="x")
