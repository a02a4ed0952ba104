"""
Tests of rich display: short reprs, HTML views and the display language.
"""

from __future__ import annotations

import threading

import attrs
import pytest

from hypothesis import given, settings

from kttt import strategies as kst
from kttt.display import current_language, display_language, in_language
from kttt.errors import ValidationError
from kttt.organizations import OrganizationKind, Sector
from kttt.progress import ProgressReport, assess
from kttt.rating import Denominator, ScoreSheet, classify, rating_shares
from kttt.scenarios import Assumption, Scenario, compare, simulate
from kttt.series import national_series, national_statistics
from kttt.sources import Source
from kttt.targets import nq20_targets, target_sets


@pytest.fixture(scope="module")
def values():
    """One value of each displayed type."""
    programme = nq20_targets()
    stats = national_statistics()
    target = programme.get("cooperatives.count", 2030)
    series = national_series("cooperatives.count")
    scenario = Scenario(
        name="4 % <±3>",
        assumptions={"cooperatives.count": Assumption.normal(0.04, 0.03)},
    )
    classification = classify(
        ScoreSheet(
            organization="HTX <Bình Minh>",
            kind=OrganizationKind.COOPERATIVE,
            sector=Sector.TRADE_SERVICES,
            year=2024,
            points={"I": 25, "II": 24, "III": 31},
        )
    )
    return {
        "target": target,
        "set": programme,
        "series": series,
        "progress": assess(target, series),
        "report": ProgressReport.build(programme, stats),
        "classification": classification,
        "shares": rating_shares([classification], denominator=Denominator.ALL),
        "simulation": simulate(programme, stats, scenario, draws=200, seed=1),
        "comparison": compare([scenario], programme, stats, draws=200),
    }


KINDS = [
    "target",
    "set",
    "series",
    "progress",
    "report",
    "classification",
    "shares",
    "simulation",
    "comparison",
]


@pytest.mark.parametrize("kind", KINDS)
def test_reprs_are_short_and_name_their_class(values, kind):
    """Every displayed value has a one-line repr naming its class."""
    value = values[kind]
    text = repr(value)

    assert text.startswith(f"<{type(value).__name__} ")
    assert "\n" not in text
    assert len(text) <= 160


@pytest.mark.parametrize("kind", KINDS)
def test_html_is_a_table_in_the_display_language(values, kind):
    """Every displayed value has an HTML table, in Vietnamese by default."""
    value = values[kind]
    vi = value._repr_html_()
    with display_language("en"):
        en = value._repr_html_()

    assert vi.startswith('<table class="kttt">')
    assert en.startswith('<table class="kttt">')
    assert vi != en


def test_the_target_repr_holds_what_decides_it(values):
    """A target's repr has its indicator, comparator, exact value and year."""
    assert "<Target cooperatives.count about 45000.0 ±5 % by 2030>" == repr(
        values["target"]
    )


@settings(max_examples=50)
@given(kst.target_sets())
def test_targets_of_a_set_have_distinct_reprs(target_set):
    """No two targets of a set look alike."""
    reprs = [repr(t) for t in target_set]

    assert len(set(reprs)) == len(reprs)


def test_built_in_targets_have_distinct_reprs():
    """The targets of every built-in programme are told apart by repr."""
    reprs = [repr(t) for s in target_sets() for t in s]
    scopes = [
        (t.indicator.code, t.horizon, t.value, t.scope)
        for s in target_sets()
        for t in s
    ]

    assert len(set(reprs)) == len(set(scopes))


def test_a_provincial_target_names_its_province():
    """A provincial target's repr has its province's code and era."""
    programme = next(s for s in target_sets() if s.scope is not None)
    target = next(iter(programme))

    assert "in 58/63" in repr(target)
    assert "in 58/63" in repr(programme)


def test_a_series_repr_counts_its_observations(values):
    """A series shows its indicator, label and span instead of every value."""
    assert (
        "<Series cooperatives.count 'MPI/MoF' primary: "
        "5 observations, 2020–2025>"
    ) == repr(values["series"])


def test_a_report_repr_counts_the_statuses(values):
    """A report's repr counts the targets of each status."""
    text = repr(values["report"])

    assert "14 targets" in text
    assert "on_track" in text


def test_reprs_leave_equality_and_hashing_alone(values):
    """Two equal targets are equal and hash alike whatever their repr."""
    target = values["target"]
    twin = attrs.evolve(target)
    other = attrs.evolve(target, source=Source(document="X", clause="1"))

    assert twin == target
    assert hash(twin) == hash(target)
    assert other != target


def test_html_escapes_text(values):
    """Names with markup are escaped, never injected."""
    html = values["classification"]._repr_html_()

    assert "HTX &lt;Bình Minh&gt;" in html
    assert "<Bình Minh>" not in html
    assert "4 % &lt;±3&gt;" in values["simulation"]._repr_html_()


def test_the_language_is_restored_after_the_block():
    """A display_language block changes nothing outside it."""
    with display_language("en"):
        inside = current_language()
    assert ("en", "vi") == (inside, current_language())


def test_the_language_is_restored_after_an_error():
    """A block left by an exception restores the language too."""
    with pytest.raises(ZeroDivisionError), display_language("en"):
        1 / 0  # noqa: B018 - the point is the exception

    assert "vi" == current_language()


def test_another_thread_keeps_its_own_language():
    """Choosing a language in one thread leaves the others alone."""
    seen = []
    entered, checked = threading.Event(), threading.Event()

    def other() -> None:
        entered.wait()
        seen.append(current_language())
        checked.set()

    thread = threading.Thread(target=other)
    thread.start()
    with display_language("en"):
        entered.set()
        checked.wait()
    thread.join()

    assert ["vi"] == seen


def test_in_language_shows_one_value_in_its_language(values):
    """A wrapped value shows in its language; the repr is the value's."""
    report = values["report"]
    wrapped = in_language(report, "en")

    assert "Progress toward" in wrapped._repr_html_()
    assert "Tiến độ" in report._repr_html_()
    assert repr(report) == repr(wrapped)


def test_an_unknown_language_is_refused():
    """Only vi and en are display languages."""
    with pytest.raises(ValidationError):
        in_language(nq20_targets(), "fr")
    with pytest.raises(ValidationError), display_language("de"):
        pass


def test_a_not_rated_classification_says_so():
    """An excluded organisation's repr says it is not rated and why."""
    sheet = ScoreSheet(
        organization="HTX-2",
        kind=OrganizationKind.COOPERATIVE,
        sector=Sector.TRADE_SERVICES,
        year=2024,
        points={"I": 25, "II": 24, "III": 31},
        months_operating=3,
    )

    assert "not rated (exclusion:" in repr(classify(sheet))
