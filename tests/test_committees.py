"""Tests for kttt.committees: committees, structure checks, the network."""

from __future__ import annotations

import json

import attrs
import pendulum
import pytest

from hypothesis import given, settings

from helpers import write_envelope
from kttt import datasets, serialization
from kttt import strategies as kst
from kttt.bodies import Agency
from kttt.committees import (
    CommitteeLevel,
    CommitteeMember,
    Engagement,
    FindingStatus,
    NetworkAspect,
    NetworkSnapshot,
    NetworkSummary,
    PlannedChange,
    ProvinceNetwork,
    Role,
    RuleKind,
    StandingAgency,
    StatedCount,
    SteeringCommittee,
    StructureFinding,
    StructureRule,
    SupportUnit,
    SupportUnitKind,
    check_structure,
    national_committee_history,
    network_2023,
    network_summary,
    provincial_committees,
    regroup,
    structure_rules,
)
from kttt.errors import DataError, UnknownProvinceError, ValidationError
from kttt.geography import Era, Province
from kttt.sources import Source


D = pendulum.Date
NO_UNIT = SupportUnit(kind=SupportUnitKind.NONE)


def _statuses(findings):
    return {f.aspect.value: f.status.value for f in findings}


def _committee(**changes):
    base = SteeringCommittee(
        level=CommitteeLevel.PROVINCIAL,
        name="Ban Chỉ đạo phát triển kinh tế tập thể tỉnh",
        as_of=D(2023, 6, 1),
        jurisdiction=Province.get("Ninh Thuận", era=Era.PRE_2025),
    )
    return attrs.evolve(base, **changes)


# --- the 2023 network (seed 000) --------------------------------------------


def test_network_summary_reproduces_seed_000():
    """12 of 63 not planning (9 alliance, 3 agriculture), 5, 45, 15."""
    summary = network_summary(network_2023())

    assert 63 == summary.province_count
    assert 12 == summary.not_planning_department
    assert {
        StandingAgency.PLANNING_DEPARTMENT: 51,
        StandingAgency.COOPERATIVE_ALLIANCE: 9,
        StandingAgency.AGRICULTURE_DEPARTMENT: 3,
    } == summary.standing_agency
    assert 0 == summary.standing_agency_unknown
    assert 5 == summary.support_team
    assert 45 == summary.district_committees
    assert 15 == summary.commune_focal_officers


def test_network_names_the_seed_provinces():
    """The snapshot holds the provinces the seed names, and no others."""
    snapshot = network_2023()
    by_agency = {
        agency: sorted(
            e.province.name
            for e in snapshot.provinces
            if e.standing_agency is agency
        )
        for agency in (
            StandingAgency.COOPERATIVE_ALLIANCE,
            StandingAgency.AGRICULTURE_DEPARTMENT,
        )
    }
    teams = sorted(
        e.province.name for e in snapshot.provinces if e.support_team
    )

    assert (
        sorted(
            [
                "Thái Bình",
                "Lai Châu",
                "Quảng Bình",
                "Quảng Trị",
                "Quảng Ngãi",
                "Bình Định",
                "Kon Tum",
                "Bình Dương",
                "Kiên Giang",
            ]
        )
        == by_agency[StandingAgency.COOPERATIVE_ALLIANCE]
    )
    assert (
        sorted(["Hưng Yên", "Đồng Tháp", "Cần Thơ"])
        == by_agency[StandingAgency.AGRICULTURE_DEPARTMENT]
    )
    assert (
        sorted(
            ["Hồ Chí Minh", "Ninh Bình", "Quảng Nam", "Vĩnh Phúc", "Sóc Trăng"]
        )
        == teams
    )
    assert {None} == {e.district_committees for e in snapshot.provinces}
    assert {None} == {e.commune_focal_officers for e in snapshot.provinces}


def test_network_stated_counts_are_kept():
    """The seed's counts are data, each with its quote."""
    counts = {
        (c.aspect, c.standing_agencies): (c.count, c.of)
        for c in network_2023().counts
    }

    assert (45, 63) == counts[NetworkAspect.DISTRICT_COMMITTEES, ()]
    assert (15, 63) == counts[NetworkAspect.COMMUNE_FOCAL_OFFICERS, ()]
    assert (12, 63) == counts[
        NetworkAspect.STANDING_AGENCY,
        (
            StandingAgency.COOPERATIVE_ALLIANCE,
            StandingAgency.AGRICULTURE_DEPARTMENT,
        ),
    ]
    assert all("«" in c.source.note for c in network_2023().counts)


def test_network_regrouped_onto_34():
    """On the 34: 9 units had a non-planning predecessor, 5 a team."""
    summary = network_summary(network_2023(), era=Era.FROM_2025)

    assert 34 == summary.province_count
    assert Era.FROM_2025 is summary.era
    assert 9 == summary.not_planning_department
    assert {
        StandingAgency.PLANNING_DEPARTMENT: 30,
        StandingAgency.COOPERATIVE_ALLIANCE: 7,
        StandingAgency.AGRICULTURE_DEPARTMENT: 3,
    } == summary.standing_agency
    assert 5 == summary.support_team
    assert summary.district_committees is None
    assert summary.commune_focal_officers is None
    assert any("cannot be regrouped" in note for note in summary.notes)
    assert any("Hưng Yên" in note for note in summary.notes)


def test_regroup_quang_tri_and_hung_yen():
    """Quảng Bình and Quảng Trị both used the alliance; Hưng Yên mixed."""
    units = {u.province.name: u for u in regroup(network_2023())}

    assert (
        frozenset({StandingAgency.COOPERATIVE_ALLIANCE})
        == units["Quảng Trị"].standing_agencies
    )
    assert (
        frozenset(
            {
                StandingAgency.COOPERATIVE_ALLIANCE,
                StandingAgency.AGRICULTURE_DEPARTMENT,
            }
        )
        == units["Hưng Yên"].standing_agencies
    )
    assert units["Phú Thọ"].any(NetworkAspect.SUPPORT_TEAM) is True
    assert units["Hà Nội"].any(NetworkAspect.SUPPORT_TEAM) is False
    assert units["Hà Nội"].any(NetworkAspect.DISTRICT_COMMITTEES) is None


def test_snapshot_province_lookup():
    """Entries are found by name or code; unknown names raise."""
    snapshot = network_2023()

    assert "Cần Thơ" == snapshot.province("92").province.name
    with pytest.raises(UnknownProvinceError):
        snapshot.province("Atlantis")


# --- the national committee (history as data) -------------------------------


def test_national_committee_2017():
    """2017: QĐ 352/QĐ-TTg; head, three deputies, 20 members, MPI."""
    first = national_committee_history()[0]

    assert "352/QĐ-TTg" == str(first.decision)
    assert D(2017, 3, 22) == first.decision_date
    assert "Vương Đình Huệ" == first.head.person
    assert ["Nguyễn Chí Dũng", "Nguyễn Xuân Cường", "Võ Kim Cự"] == [
        m.person for m in first.deputy_heads
    ]
    assert Role.STANDING_DEPUTY_HEAD is first.deputy_heads[0].role
    assert "MPI" == first.deputy_heads[0].agency.code
    assert 20 == first.member_count
    assert StandingAgency.PLANNING_DEPARTMENT is first.standing_agency
    assert SupportUnitKind.OFFICE is first.support_unit.kind


def test_national_committee_2023_and_planned_changes():
    """2023: 2 full-time and 57 concurrent office staff; planned changes."""
    state = national_committee_history()[1]
    deputies, members, staff = state.planned_changes

    assert "Lê Minh Khái" == state.head.person
    assert Engagement.CONCURRENT is state.head.engagement
    assert (2, 57, 59) == (
        state.support_unit.full_time_staff,
        state.support_unit.concurrent_staff,
        state.support_unit.staff,
    )
    assert ["CEC", "VFF"] == [m.agency.code for m in deputies.adds]
    assert {Role.DEPUTY_HEAD} == {m.role for m in deputies.adds}
    assert "Trưởng ban Chỉ đạo cấp tỉnh" in members.adds[1].position
    assert () == staff.adds


def test_national_committee_2025():
    """2025: QĐ 1948/QĐ-TTg; the Ministry of Finance the standing agency."""
    last = national_committee_history()[-1]

    assert "1948/QĐ-TTg" == str(last.decision)
    assert "Ban Chỉ đạo quốc gia về kinh tế tập thể" == last.name
    assert StandingAgency.FINANCE_DEPARTMENT is last.standing_agency
    assert ("Nguyễn Văn Thắng", "MOF") == (
        last.deputy_heads[0].person,
        last.deputy_heads[0].agency.code,
    )
    assert 3 == len(last.deputy_heads)
    assert last.member_count is None
    assert last.support_unit is None


def test_quang_binh_committee_2020():
    """Seed 004: Quảng Bình's committee, the alliance its standing agency."""
    (quang_binh,) = provincial_committees()

    assert "Quảng Bình" == quang_binh.jurisdiction.name
    assert "Lê Minh Ngân" == quang_binh.head.person
    assert StandingAgency.COOPERATIVE_ALLIANCE is quang_binh.standing_agency


# --- structure checks -------------------------------------------------------


def test_national_2023_meets_the_2023_rules():
    """In 2023 the MPI, the office and its 2 full-time staff meet the rules."""
    state = national_committee_history()[1]

    assert {
        "standing_agency": "met",
        "support_unit": "met",
        "full_time_staff": "met",
    } == _statuses(check_structure(state, D(2023, 6, 1)))


def test_standing_agency_before_and_after_the_merger():
    """The MPI is right in 2023, wrong after QĐ 1948; no rule in between."""
    state_2023 = national_committee_history()[1]
    state_2025 = national_committee_history()[2]

    after = check_structure(state_2023, D(2025, 10, 1))
    between = check_structure(state_2023, D(2025, 3, 1))
    finance = check_structure(state_2025, D(2025, 10, 1))

    assert FindingStatus.NOT_MET is after[0].status
    assert "1948/QĐ-TTg" == after[0].source.document
    assert FindingStatus.NO_RULE is between[0].status
    assert between[0].source is None
    assert {
        "standing_agency": "met",
        "support_unit": "unknown",
        "full_time_staff": "unknown",
    } == _statuses(finance)


def test_quang_binh_against_the_2023_rule():
    """Quảng Bình's alliance as standing agency falls short in 2023."""
    (quang_binh,) = provincial_committees()

    findings = check_structure(quang_binh, D(2023, 6, 1))

    assert FindingStatus.NOT_MET is findings[0].status
    assert "cooperative alliance" in findings[0].detail
    assert "«còn 12/63 tỉnh" in findings[0].source.note


def test_ninh_thuan_rule_applies_only_to_ninh_thuan():
    """155-CTr/TU's rule adds a second standing-agency finding there."""
    ninh_thuan = _committee(
        standing_agency=StandingAgency.PLANNING_DEPARTMENT,
        support_unit=SupportUnit(kind=SupportUnitKind.TEAM, full_time_staff=0),
    )
    elsewhere = attrs.evolve(
        ninh_thuan, jurisdiction=Province.get("Bình Thuận", era=Era.PRE_2025)
    )

    findings = check_structure(ninh_thuan, D(2023, 6, 1))

    assert [
        "provincial-standing-agency-planning",
        "ninh-thuan-standing-agency-planning",
    ] == [
        f.rule.code for f in findings if f.aspect is RuleKind.STANDING_AGENCY
    ]
    assert FindingStatus.NOT_MET is findings[-1].status
    assert 3 == len(check_structure(elsewhere, D(2023, 6, 1)))


def test_missing_support_unit_and_abolished_district():
    """No support unit fails; a district committee ends on 1 July 2025."""
    district = _committee(
        level=CommitteeLevel.DISTRICT,
        district="Thuận Nam",
        support_unit=NO_UNIT,
    )

    before = _statuses(check_structure(district, D(2025, 6, 30)))
    after = _statuses(check_structure(district, D(2025, 7, 1)))

    assert "not_met" == before["support_unit"]
    assert "not_met" == before["full_time_staff"]
    assert "level_abolished" not in before
    assert "not_met" == after["level_abolished"]


def test_check_structure_with_own_rules():
    """Users can pass their own rules; an empty list gives NO_RULE."""
    findings = check_structure(_committee(), D(2023, 6, 1), rules=[])

    assert {FindingStatus.NO_RULE} == {f.status for f in findings}


def test_builtin_rules_are_sourced():
    """Every built-in rule cites a document or URL and has a requirement."""
    rules = structure_rules()

    assert 7 == len(rules)
    assert all(rule.source.cite() and rule.requirement for rule in rules)


@settings(max_examples=50)
@given(kst.steering_committees(), kst.structure_rules().map(lambda r: r))
def test_findings_cite_their_rule(committee, rule):
    """Every finding about a rule cites that rule's source."""
    findings = check_structure(committee, committee.as_of, rules=[rule])

    for finding in findings:
        if finding.status is FindingStatus.NO_RULE:
            assert finding.source is None
        else:
            assert rule.source == finding.source
            assert rule.applies_to(committee, committee.as_of)


# --- properties of the network ----------------------------------------------


@settings(max_examples=15)
@given(kst.network_snapshots(era=Era.PRE_2025))
def test_regroup_uses_every_province_once(snapshot):
    """The 34 units' predecessors are the 63 provinces, each once."""
    units = regroup(snapshot)
    codes = [p.province.code for u in units for p in u.predecessors]

    assert 34 == len(units)
    assert sorted(e.province.code for e in snapshot.provinces) == sorted(codes)


@settings(max_examples=15)
@given(kst.network_snapshots())
def test_summary_counts_are_consistent(snapshot):
    """Known standing agencies and unknown ones add up to the provinces."""
    summary = network_summary(snapshot)

    assert len(snapshot.provinces) == summary.province_count
    assert summary.province_count == summary.standing_agency_unknown + sum(
        summary.standing_agency.values()
    )
    for stated in snapshot.counts:
        if stated.aspect is NetworkAspect.SUPPORT_TEAM:
            assert summary.support_team is not None


# --- round trips ------------------------------------------------------------


@settings(max_examples=25)
@given(kst.steering_committees())
def test_committee_json_round_trip(committee):
    """A committee survives JSON, dates as pendulum.Date."""
    back = serialization.from_json(
        serialization.to_json(committee), SteeringCommittee
    )

    assert committee == back
    assert type(back.as_of) is pendulum.Date


@settings(max_examples=25)
@given(kst.structure_findings())
def test_finding_json_round_trip(finding):
    """A finding survives JSON with its rule."""
    assert finding == serialization.from_json(
        serialization.to_json(finding), StructureFinding
    )


def test_builtin_values_round_trip():
    """The built-in history, snapshot and summary survive JSON."""
    for value, cls in [
        (national_committee_history()[1], SteeringCommittee),
        (network_2023(), NetworkSnapshot),
        (network_summary(network_2023()), NetworkSummary),
    ]:
        assert value == serialization.from_json(
            serialization.to_json(value), cls
        )


# --- bad input --------------------------------------------------------------

_NINH_THUAN = Province.get("Ninh Thuận", era=Era.PRE_2025)
_HEAD = CommitteeMember(position="Phó Chủ tịch", role=Role.HEAD)
_SOURCE = Source(document="352/QĐ-TTg")


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: _committee(level=CommitteeLevel.NATIONAL), "jurisdiction"),
        (lambda: _committee(level=CommitteeLevel.DISTRICT), "district"),
        (lambda: _committee(district="Thuận Nam"), "district"),
        (lambda: _committee(name=" "), "name"),
        (lambda: _committee(members=(_HEAD, _HEAD)), "members"),
        (lambda: _committee(members=[_HEAD]), "members"),
        (
            lambda: _committee(
                members=(CommitteeMember(position="x"),), member_count=0
            ),
            "member_count",
        ),
        (lambda: _committee(decision_date=D(2024, 1, 1)), "decision_date"),
        (lambda: _committee(as_of="2023-06-01"), "as_of"),
        (lambda: _committee(member_count=-1), "member_count"),
        (lambda: CommitteeMember(position=""), "position"),
        (lambda: CommitteeMember(person=" ", position="x"), "person"),
        (lambda: CommitteeMember(position="x", role="head"), "role"),
        (
            lambda: SupportUnit(kind=SupportUnitKind.NONE, full_time_staff=2),
            "kind",
        ),
        (
            lambda: SupportUnit(
                kind=SupportUnitKind.TEAM, full_time_staff=True
            ),
            "full_time_staff",
        ),
        (
            lambda: PlannedChange(description=" ", description_en="x"),
            "description",
        ),
        (
            lambda: StructureRule(
                code="x",
                kind=RuleKind.SUPPORT_UNIT,
                levels=(),
                requirement="x",
                source=_SOURCE,
            ),
            "levels",
        ),
        (
            lambda: StructureRule(
                code="x",
                kind=RuleKind.STANDING_AGENCY,
                levels=(CommitteeLevel.NATIONAL,),
                requirement="x",
                source=_SOURCE,
            ),
            "standing_agency",
        ),
        (
            lambda: StructureRule(
                code="x",
                kind=RuleKind.SUPPORT_UNIT,
                levels=(CommitteeLevel.NATIONAL,),
                requirement="x",
                source=_SOURCE,
                valid_from=D(2024, 1, 1),
                valid_until=D(2023, 1, 1),
            ),
            "valid_until",
        ),
        (
            lambda: StatedCount(
                aspect=NetworkAspect.SUPPORT_TEAM, count=5, of=3
            ),
            "count",
        ),
        (
            lambda: StatedCount(
                aspect=NetworkAspect.STANDING_AGENCY, count=1, of=3
            ),
            "standing_agencies",
        ),
        (
            lambda: ProvinceNetwork(province=_NINH_THUAN, support_team="yes"),
            "support_team",
        ),
        (
            lambda: attrs.evolve(
                network_2023(), provinces=network_2023().provinces[1:]
            ),
            "provinces",
        ),
        (
            lambda: attrs.evolve(
                network_2023(),
                counts=(
                    StatedCount(
                        aspect=NetworkAspect.SUPPORT_TEAM, count=6, of=63
                    ),
                ),
            ),
            "counts",
        ),
        (
            lambda: attrs.evolve(
                network_2023(),
                provinces=(
                    *network_2023().provinces,
                    ProvinceNetwork(province=Province.get("Hà Nội")),
                ),
            ),
            "provinces",
        ),
        (
            lambda: attrs.evolve(
                network_2023(),
                provinces=(
                    *network_2023().provinces,
                    network_2023().provinces[0],
                ),
            ),
            "provinces",
        ),
        (lambda: check_structure("committee", D(2023, 1, 1)), "committee"),
        (lambda: check_structure(_committee(), "2023-01-01"), "as_of"),
        (lambda: network_summary("snapshot"), "snapshot"),
        (lambda: regroup("snapshot"), "snapshot"),
        (
            lambda: check_structure(_committee(), D(2023, 1, 1), rules=[None]),
            "rules[0]",
        ),
        (
            lambda: check_structure(_committee(), D(2023, 1, 1), rules=1),
            "rules",
        ),
        (
            lambda: StructureFinding(
                aspect="support_unit", status=FindingStatus.MET, detail="x"
            ),
            "aspect",
        ),
        (
            lambda: StructureFinding(
                aspect=RuleKind.SUPPORT_UNIT,
                status=FindingStatus.MET,
                detail="",
            ),
            "detail",
        ),
        (
            lambda: attrs.evolve(
                network_summary(network_2023()), province_count=None
            ),
            "province_count",
        ),
        (
            lambda: attrs.evolve(
                network_summary(network_2023()),
                standing_agency={"other": 1},
            ),
            "standing_agency",
        ),
        (
            lambda: attrs.evolve(network_summary(network_2023()), notes=("",)),
            "notes[0]",
        ),
    ],
)
def test_bad_input_raises_validation_error(make, field):
    """Invalid values raise ValidationError naming the field."""
    with pytest.raises(ValidationError) as caught:
        make()

    assert field == caught.value.field


def test_regroup_refuses_a_snapshot_of_the_34():
    """Only a snapshot of the 63 can be regrouped."""
    snapshot = NetworkSnapshot(
        as_of=D(2025, 9, 1),
        era=Era.FROM_2025,
        provinces=tuple(
            ProvinceNetwork(province=p) for p in Province.all(Era.FROM_2025)
        ),
    )

    with pytest.raises(ValidationError):
        regroup(snapshot)
    assert 34 == network_summary(snapshot).standing_agency_unknown
    assert network_summary(snapshot).support_team is None


def test_builtin_loaders_are_cached():
    """Loading twice gives the same snapshot object."""
    assert network_2023() is network_2023()
    assert datasets.load("committees/network-2023") is network_2023()


# --- the data files ----------------------------------------------------------


def _write(tmp_path, rows):
    """Write a committee data file holding *rows* and return its path."""
    return write_envelope(tmp_path, rows, document="352/QĐ-TTg", key="s")


def _rule(**fields):
    return {
        "code": "x",
        "kind": "support_unit",
        "levels": ["national"],
        "requirement": "x",
        "source": "s",
        **fields,
    }


def _committee_row(**fields):
    return {
        "level": "provincial",
        "name": "Ban Chỉ đạo",
        "as_of": "2023-06-01",
        "jurisdiction": {"code": "58", "era": "63"},
        **fields,
    }


def test_builtin_files_list_their_sources():
    """Every source of the committee files says when it was retrieved."""
    for name in datasets.names():
        if name.startswith("committees/"):
            info = datasets.about(name)

            assert info.sources
            assert all(s.retrieved is None for s in info.sources)
    assert 63 == len(datasets.load("committees/network-2023").provinces)


def test_own_rule_file_loads(tmp_path):
    """A rule file of the user's reads like the built-in one."""
    path = _write(
        tmp_path,
        [
            _rule(
                levels=["provincial"],
                jurisdiction={"code": "58", "era": "63", "name": "Ninh Thuận"},
                source={"ref": "s", "clause": "Điều 2"},
            )
        ],
    )

    (rule,) = datasets.load("committees/structure-rules", path)

    assert "Ninh Thuận" == rule.jurisdiction.name
    assert Source(document="352/QĐ-TTg", clause="Điều 2") == rule.source
    assert [FindingStatus.NOT_MET] == [
        f.status
        for f in check_structure(
            _committee(support_unit=NO_UNIT), D(2023, 6, 1), rules=[rule]
        )
        if f.aspect is RuleKind.SUPPORT_UNIT
    ]


@pytest.mark.parametrize(
    ("name", "rows", "field"),
    [
        (
            "committees/structure-rules",
            [_rule(levels=["county"])],
            "rows[0].levels[0]",
        ),
        ("committees/structure-rules", [_rule(kind="quorum")], "rows[0].kind"),
        (
            "committees/structure-rules",
            [_rule(jurisdiction="Atlantis")],
            "rows[0].jurisdiction",
        ),
        (
            "committees/structure-rules",
            [_rule(jurisdiction={"code": "99", "era": "63"})],
            "rows[0].jurisdiction.code",
        ),
        (
            "committees/structure-rules",
            [_rule(kind="standing_agency")],
            "rows[0].standing_agency",
        ),
        (
            "committees/structure-rules",
            [_rule(), _rule(source="nope")],
            "rows[1].source",
        ),
        (
            "committees/national",
            [_committee_row(members=[{"position": "x", "agency": "NOPE"}])],
            "rows[0].members[0].agency",
        ),
        (
            "committees/national",
            [_committee_row(member_count=-1)],
            "rows[0].member_count",
        ),
        (
            "committees/provincial",
            [_committee_row(decision="not a number")],
            "rows[0].decision",
        ),
        (
            "committees/provincial",
            [_committee_row(jurisdiction=None)],
            "rows[0].jurisdiction",
        ),
        (
            "committees/provincial",
            [_committee_row(support_unit={"kind": "team", "name": ""})],
            "rows[0].support_unit.name",
        ),
        (
            "committees/network-2023",
            [
                {
                    "as_of": "2023-04-07",
                    "era": "63",
                    "provinces": [{"province": {"code": "58", "era": "63"}}],
                }
            ],
            "rows[0].provinces",
        ),
        (
            "committees/network-2023",
            [
                {
                    "as_of": "2023-04-07",
                    "era": "63",
                    "provinces": [{"province": {"code": "58", "era": "34"}}],
                }
            ],
            "rows[0].provinces[0].province.code",
        ),
    ],
)
def test_bad_data_file_raises_data_error(tmp_path, name, rows, field):
    """Malformed committee files raise DataError naming file and path."""
    path = _write(tmp_path, rows)

    with pytest.raises(DataError) as caught:
        datasets.load(name, path)

    assert str(path) == caught.value.file
    assert caught.value.field.startswith(field)
    assert caught.value.row is None


def test_snapshot_file_holds_one_snapshot(tmp_path):
    """The network file has exactly one row: the snapshot."""
    path = _write(tmp_path, [])

    with pytest.raises(DataError, match="one record") as caught:
        datasets.load("committees/network-2023", path)

    assert "rows" == caught.value.field


def test_builtin_snapshot_reads_back_from_its_json(tmp_path):
    """A snapshot written as JSON is a network file's row."""
    snapshot = network_2023()
    path = _write(tmp_path, [json.loads(serialization.to_json(snapshot))])

    assert snapshot == datasets.load("committees/network-2023", path)


@settings(max_examples=25)
@given(kst.steering_committees())
def test_committee_round_trip_through_the_room_converters(committee):
    """Composed as serialization composes them, the hooks read back."""
    conv = serialization.make_converter()

    assert committee == conv.structure(
        conv.unstructure(committee), SteeringCommittee
    )


def test_members_name_registry_agencies():
    """Built-in members' agencies come from the registry."""
    codes = {a.code for a in Agency.all()}
    history = (*national_committee_history(), *provincial_committees())

    for committee in history:
        for member in committee.members:
            assert member.agency is None or member.agency.code in codes
