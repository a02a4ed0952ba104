"""The built-in target sets match their documents, clause by clause."""

from __future__ import annotations

import pytest

from kttt import datasets
from kttt.errors import DataError, NotFoundError
from kttt.geography import Era, Province
from kttt.targets import (
    Catalogue,
    Comparator,
    Target,
    TargetForm,
    TargetSet,
    Tolerance,
    nq20_targets,
    target_set,
    target_sets,
)
from kttt.text import parse_number, parse_range


A, L, M, B = (
    Comparator.ABOUT,
    Comparator.AT_LEAST,
    Comparator.MORE_THAN,
    Comparator.BETWEEN,
)

#: Section II.2 of programme 155-CTr/TU as printed in seed 003
#: (baoninhthuan.com.vn, 21/11/2022).
SEED_003 = """\
- Toàn tỉnh có khoảng 1.200-1.400 tổ hợp tác, với khoảng 12.000-14.000 \
thành viên; 180-200 hợp tác xã với khoảng 21.000-22.000 thành viên, phát \
triển ít nhất 01 liên hiệp hợp tác xã. Bảo đảm trên 60% tổ chức kinh tế tập \
thể trên địa bàn tỉnh đạt loại tốt, khá; không còn hợp tác xã yếu kém.
- Đẩy mạnh ứng dụng công nghệ cao trong lĩnh vực nông nghiệp, phấn đấu đến \
năm 2030 tỉnh có khoảng 35-40 hợp tác xã và 10-20 tổ hợp tác ứng dụng công \
nghệ cao vào sản xuất, tiêu thụ nông sản; thực hiện truy xuất nguồn gốc đối \
với hàng hóa nông sản.
- Tăng cường liên kết theo chuỗi giá trị giữa doanh nghiệp và hợp tác xã, \
phấn đấu có 65% hợp tác xã nông nghiệp liên kết với doanh nghiệp theo chuỗi \
giá trị.
Phấn đấu thu hút tối thiểu 20% dân số tham gia các tổ chức kinh tế tập thể. \
Mở rộng quy mô hoạt động của các tổ chức kinh tế tập thể, phấn đấu có nhiều \
tổ chức kinh tế tập thể có chất lượng hoạt động cao, trong đó có nhiều tổ \
chức kinh tế tập thể hoạt động nổi trội và hướng đến nằm trong bảng xếp hạng \
cao của cả nước. Bảo đảm khoảng 90% tổ chức kinh tế tập thể hoạt động hiệu \
quả, trong đó có ít nhất 75% tổ chức kinh tế tập thể tham gia các chuỗi liên \
kết. Các hợp tác xã đều áp dụng công nghệ, nhất là chuyển đổi số vào hoạt \
động sản xuất kinh doanh, dịch vụ.
"""


def check(
    target: Target,
    comparator: Comparator,
    value: float | None,
    horizon: int,
    upper: float | None = None,
) -> None:
    assert (comparator, value, upper, horizon, TargetForm.LEVEL) == (
        target.comparator,
        target.value,
        target.upper,
        target.horizon,
        target.form,
    )


# --- Resolution 20-NQ/TW -----------------------------------------------------


@pytest.fixture(name="nq20")
def _nq20() -> TargetSet:
    return nq20_targets()


def test_nq20_identity(nq20):
    """The set is the national 20-NQ/TW with 9 targets for 2030, 5 for 2045."""
    assert ("20-NQ/TW", None, (2030, 2045)) == (
        nq20.code,
        nq20.scope,
        nq20.horizons(),
    )
    assert (9, 5) == (len(nq20.by_horizon(2030)), len(nq20.by_horizon(2045)))
    assert all(t.source.document == "20-NQ/TW" for t in nq20)


def test_nq20_2030_cooperative_groups(nq20):
    """2030: about 140.000 cooperative groups."""
    check(nq20.get("cooperative_groups.count", 2030), A, 140_000, 2030)


def test_nq20_2030_cooperative_group_members(nq20):
    """2030: with (about) 2 million members."""
    check(nq20.get("cooperative_groups.members", 2030), A, 2_000_000, 2030)


def test_nq20_2030_cooperatives(nq20):
    """2030: (about) 45.000 cooperatives."""
    check(nq20.get("cooperatives.count", 2030), A, 45_000, 2030)


def test_nq20_2030_cooperative_members(nq20):
    """2030: with (about) 8 million members."""
    check(nq20.get("cooperatives.members", 2030), A, 8_000_000, 2030)


def test_nq20_2030_unions(nq20):
    """2030: (about) 340 unions of cooperatives."""
    check(nq20.get("cooperative_unions.count", 2030), A, 340, 2030)


def test_nq20_2030_union_members(nq20):
    """2030: with (about) 1.700 member cooperatives."""
    check(
        nq20.get("cooperative_unions.member_cooperatives", 2030),
        A,
        1_700,
        2030,
    )


def test_nq20_2030_good_fair(nq20):
    """2030: 'bảo đảm trên 60%' of organisations good or fair."""
    target = nq20.get("organizations.good_fair_share", 2030)

    check(target, M, 60, 2030)
    assert not target.is_met(60)


def test_nq20_2030_value_chains(nq20):
    """2030: of which 'ít nhất 50%' in value chains, a nested share."""
    target = nq20.get("organizations.good_fair_value_chain_share", 2030)

    check(target, L, 50, 2030)
    assert "organizations.good_fair_share" == target.indicator.of
    assert "disputed" in (target.source.note or "")


def test_nq20_2030_high_technology(nq20):
    """2030: 'trên 5.000' cooperatives applying high technology."""
    check(nq20.get("cooperatives.high_tech_count", 2030), M, 5_000, 2030)


def test_nq20_2045_population(nq20):
    """2045: 'tối thiểu 20%' of the population take part."""
    check(nq20.get("population.collective_share", 2045), L, 20, 2045)


def test_nq20_2045_effective(nq20):
    """2045: 'trên 90%' of organisations operate effectively."""
    check(nq20.get("organizations.effective_share", 2045), M, 90, 2045)


def test_nq20_2045_linkage(nq20):
    """2045: of which 'ít nhất 75%' in linkage chains, a nested share."""
    target = nq20.get("organizations.effective_linkage_share", 2045)

    check(target, L, 75, 2045)
    assert "organizations.effective_share" == target.indicator.of


def test_nq20_2045_ica_ranking(nq20):
    """2045: 'ít nhất 3' organisations in the ICA ranking."""
    check(nq20.get("organizations.ica_top300_count", 2045), L, 3, 2045)


def test_nq20_2045_technology(nq20):
    """2045: organisations 'đều' (all) apply technology."""
    target = nq20.get("organizations.technology_share", 2045)

    check(target, Comparator.ALL, None, 2045)
    assert 100.0 == target.level()


def test_nq20_about_targets_carry_the_convention(nq20):
    """Every 'about' target has the documented ±5 % tolerance."""
    about = [t for t in nq20 if t.comparator is Comparator.ABOUT]

    assert 6 == len(about)
    assert all(t.tolerance == Tolerance(amount=0.05) for t in about)
    assert all("convention" in (t.source.note or "") for t in about)


# --- Programme 155-CTr/TU (Ninh Thuận, seed 003) -----------------------------


@pytest.fixture(name="ctr155")
def _ctr155() -> TargetSet:
    return target_set("155-CTr/TU")


def test_ctr155_identity(ctr155):
    """The set is Ninh Thuận's (the pre-2025 province), 2030 and 2045."""
    assert Province.get("Ninh Thuận", era=Era.PRE_2025) == ctr155.scope
    assert (10, 4) == (
        len(ctr155.by_horizon(2030)),
        len(ctr155.by_horizon(2045)),
    )
    assert all(t.source.clause.startswith("II.2.") for t in ctr155)


def test_ctr155_clauses_are_quoted_from_the_seed(ctr155):
    """Every target quotes seed 003 verbatim, gaps marked '…'."""
    for target in ctr155:
        for part in (target.text_vi or "").split("…"):
            assert part.strip() in SEED_003


def test_ctr155_cooperative_groups(ctr155):
    """'khoảng 1.200-1.400 tổ hợp tác'."""
    target = ctr155.get("cooperative_groups.count", 2030)

    check(target, B, 1_200, 2030, upper=1_400)
    assert (1_200, 1_400) == parse_range("1.200-1.400")


def test_ctr155_cooperative_group_members(ctr155):
    """'với khoảng 12.000-14.000 thành viên'."""
    check(
        ctr155.get("cooperative_groups.members", 2030), B, 12_000, 2030, 14_000
    )


def test_ctr155_cooperatives(ctr155):
    """'180-200 hợp tác xã'."""
    check(ctr155.get("cooperatives.count", 2030), B, 180, 2030, 200)


def test_ctr155_cooperative_members(ctr155):
    """'với khoảng 21.000-22.000 thành viên'."""
    check(ctr155.get("cooperatives.members", 2030), B, 21_000, 2030, 22_000)


def test_ctr155_union(ctr155):
    """'phát triển ít nhất 01 liên hiệp hợp tác xã'."""
    check(ctr155.get("cooperative_unions.count", 2030), L, 1, 2030)
    assert 1 == parse_number("01")


def test_ctr155_good_fair(ctr155):
    """'Bảo đảm trên 60% tổ chức kinh tế tập thể … đạt loại tốt, khá'."""
    check(ctr155.get("organizations.good_fair_share", 2030), M, 60, 2030)


def test_ctr155_no_weak_cooperatives(ctr155):
    """'không còn hợp tác xã yếu kém': none left, met only at zero."""
    target = ctr155.get("cooperatives.weak_share", 2030)

    check(target, Comparator.NONE_LEFT, None, 2030)
    assert target.is_met(0)
    assert not target.is_met(0.5)


def test_ctr155_high_tech_cooperatives(ctr155):
    """'khoảng 35-40 hợp tác xã … ứng dụng công nghệ cao'."""
    check(ctr155.get("cooperatives.high_tech_count", 2030), B, 35, 2030, 40)


def test_ctr155_high_tech_groups(ctr155):
    """'10-20 tổ hợp tác ứng dụng công nghệ cao'."""
    check(
        ctr155.get("cooperative_groups.high_tech_count", 2030), B, 10, 2030, 20
    )


def test_ctr155_enterprise_links(ctr155):
    """'phấn đấu có 65% hợp tác xã nông nghiệp liên kết với doanh nghiệp'."""
    target = ctr155.get(
        "agricultural_cooperatives.enterprise_link_share", 2030
    )

    check(target, L, 65, 2030)
    assert "minimum" in (target.source.note or "")


def test_ctr155_2045_population(ctr155):
    """'tối thiểu 20% dân số'."""
    check(ctr155.get("population.collective_share", 2045), L, 20, 2045)


def test_ctr155_2045_effective(ctr155):
    """'khoảng 90%' (where NQ 20 says 'trên 90%')."""
    target = ctr155.get("organizations.effective_share", 2045)

    check(target, A, 90, 2045)
    assert (85.5, None) == target.bounds()


def test_ctr155_2045_linkage(ctr155):
    """'trong đó có ít nhất 75% … tham gia các chuỗi liên kết'."""
    check(
        ctr155.get("organizations.effective_linkage_share", 2045), L, 75, 2045
    )


def test_ctr155_2045_technology(ctr155):
    """'Các hợp tác xã đều áp dụng công nghệ'."""
    check(
        ctr155.get("cooperatives.technology_share", 2045),
        Comparator.ALL,
        None,
        2045,
    )


# --- Strategy 340/QĐ-TTg and plan 1318/QĐ-TTg --------------------------------


@pytest.mark.parametrize(
    ("code", "comparator", "value", "upper"),
    [
        ("cooperative_groups.count", A, 140_000, None),
        ("cooperative_groups.members", A, 2_000_000, None),
        ("cooperatives.count", A, 45_000, None),
        ("cooperatives.members", A, 8_000_000, None),
        ("cooperative_unions.count", A, 340, None),
        ("cooperative_unions.member_cooperatives", A, 1_700, None),
        ("cooperatives.good_fair_share", B, 60, 70),
        ("cooperatives.managers_degree_share", L, 25, None),
        ("cooperatives.directors_trained_share", A, 80, None),
        ("cooperatives.high_tech_count", M, 5_000, None),
        ("cooperative_groups.high_tech_count", M, 500, None),
        ("agricultural_cooperatives.enterprise_link_share", A, 50, None),
    ],
)
def test_strategy_340(code, comparator, value, upper):
    """Each 2030 target of the Strategy 2021–2030."""
    strategy = target_set("340/QD-TTg")

    check(strategy.get(code, 2030), comparator, value, 2030, upper)
    assert 12 == len(strategy)


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("cooperative_groups.count", 134_000),
        ("cooperative_groups.members", 1_800_000),
        ("cooperatives.count", 35_000),
        ("cooperatives.members", 7_100_000),
        ("cooperative_unions.count", 210),
        ("cooperative_unions.member_cooperatives", 1_100),
    ],
)
def test_plan_1318(code, value):
    """Each 2025 target of the 2021–2025 plan is 'about'."""
    plan = target_set("1318/qđ-ttg")

    check(plan.get(code, 2025), A, value, 2025)
    assert 6 == len(plan)


def test_strategy_good_fair_2025_reading():
    """MoF's 78,1 % for 2025 meets and exceeds the 60–70 % band."""
    target = target_set("340/QĐ-TTg").get("cooperatives.good_fair_share", 2030)

    assert target.is_met(78.1)
    assert target.exceeds(78.1)
    assert 60.0 == target.level()


# --- loaders -----------------------------------------------------------------


def test_every_builtin_set_round_trips():
    """Each built-in set survives its own JSON format."""
    for programme in target_sets():
        assert programme == TargetSet.from_json(programme.to_json())


def test_builtin_sets_use_the_catalogue():
    """Every built-in target is on a catalogue indicator."""
    catalogue = Catalogue.builtin()

    for programme in target_sets():
        for indicator in programme.indicators():
            assert indicator == catalogue.get(indicator.code)


def test_target_set_unknown_code():
    """An unknown programme raises NotFoundError listing the known ones."""
    with pytest.raises(NotFoundError) as info:
        target_set("999-NQ/TW")

    assert "20-NQ/TW" in info.value.rule


def test_datasets_loaders():
    """kttt.datasets delegates to the target loaders."""
    assert nq20_targets() == datasets.nq20_targets()
    assert target_sets() == datasets.target_sets()
    assert target_set("155-CTr/TU") == datasets.target_set("155-ctr/tu")


@pytest.mark.parametrize(
    "name",
    [
        "targets/nq20",
        "targets/qd340",
        "targets/qd1318",
        "targets/ctr155-ninh-thuan",
    ],
)
def test_builtin_set_files(name):
    """Each set file holds one set, sourced, and datasets.load reads it."""
    info = datasets.about(name)

    assert 1 == info.rows
    assert datasets.load(name) in target_sets()
    assert all(s.retrieved is None for s in info.sources)
    assert datasets.load(name).source in info.sources[:1]


def test_broken_set_file_names_itself(tmp_path):
    """A broken set file raises DataError naming the file and the path."""
    path = tmp_path / "x.json"
    path.write_text(
        '{"description": "x", "sources": [{"document": "x", '
        '"retrieved": null}], "rows": [{"code": 1}]}',
        encoding="utf-8",
    )

    with pytest.raises(DataError) as info:
        datasets.load("targets/nq20", path)

    assert str(path) == info.value.file
    assert info.value.field.startswith("rows[0].")
