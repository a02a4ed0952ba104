"""Rating shares: how many organisations got each rating, and their share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, cast, overload

import attrs

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.errors import ValidationError
from kttt.geography import Province
from kttt.rating import _views
from kttt.rating._classify import Classification
from kttt.rating._enums import Denominator, GroupBy, Rating
from kttt.rating._table import RatedRow


if TYPE_CHECKING:
    import pandas as pd


@attrs.frozen(kw_only=True)
class RatingShares:
    """Counts and exact shares of each rating in one group of organisations.

    *base* is the count the shares divide by: every organisation under
    ``Denominator.ALL`` (the national target counts all), only the rated ones
    under ``Denominator.RATED``.
    With ``Denominator.ALL``, the shares of the four ratings and
    *share_not_rated* add up to 1; with ``Denominator.RATED``, the four
    ratings add up to 1.
    When *base* is 0 the shares are `None`.
    """

    #: The group (a `kttt.geography.Province`, an organisation kind, a
    #: sector, a year), or `None` for everything.
    group: Hashable
    #: What the shares are shares of.
    denominator: Denominator
    #: How many organisations got each rating (every rating is a key).
    counts: Mapping[Rating, int]
    #: How many were not rated.
    not_rated: int

    def to_dataframe(self, lang: str = "vi") -> pd.DataFrame:
        """Return one row per rating, then "not rated" (see `shares_frame`).

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
            ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
        """
        return _views.shares_frame(self, lang=lang)

    def __repr__(self) -> str:
        return _views.shares_short(self)

    def _repr_html_(self) -> str:
        return _views.shares_html(self)

    @property
    def organizations(self) -> int:
        """How many organisations the group holds, rated or not."""
        return self.rated + self.not_rated

    @property
    def rated(self) -> int:
        """How many were rated."""
        return sum(self.counts.values())

    @property
    def base(self) -> int:
        """The count the shares divide by."""
        return (
            self.organizations
            if self.denominator is Denominator.ALL
            else self.rated
        )

    def share(self, *ratings: Rating) -> Fraction | None:
        """The exact share of organisations with any of *ratings*."""
        if not self.base:
            return None
        return Fraction(sum(self.counts[r] for r in ratings), self.base)

    @property
    def shares(self) -> Mapping[Rating, Fraction] | None:
        """The share of each rating, or `None` when *base* is 0."""
        if not self.base:
            return None
        return {r: Fraction(n, self.base) for r, n in self.counts.items()}

    @property
    def share_good_or_fair(self) -> Fraction | None:
        """The share rated good or fair (the Resolution 20-NQ/TW indicator)."""
        return self.share(Rating.GOOD, Rating.FAIR)

    @property
    def share_weak(self) -> Fraction | None:
        """The share rated weak."""
        return self.share(Rating.WEAK)

    @property
    def share_not_rated(self) -> Fraction | None:
        """The share not rated (always 0 under ``Denominator.RATED``)."""
        if not self.base:
            return None
        if self.denominator is Denominator.RATED:
            return Fraction(0)
        return Fraction(self.not_rated, self.base)


#: What `rating_shares` counts: verdicts on sheets, or rated table rows.
Rated = Classification | RatedRow


def _key(item: Rated, by: GroupBy) -> Hashable:
    sheet = item.sheet if isinstance(item, Classification) else item
    if by is GroupBy.PROVINCE:
        return sheet.province
    if by is GroupBy.KIND:
        return sheet.kind
    if by is GroupBy.SECTOR:
        return sheet.sector
    return sheet.year


def _order(key: Hashable) -> tuple[bool, str]:
    if isinstance(key, Province):
        return (False, f"{key.era.value}:{key.code}")
    if isinstance(key, LabelledEnum):
        return (False, f"{list(type(key)).index(key):04d}")
    return (key is None, f"{key:04d}" if isinstance(key, int) else "")


def _shares(
    group: Hashable, members: list[Rated], denominator: Denominator
) -> RatingShares:
    counts = Counter(c.rating for c in members)
    return RatingShares(
        group=group,
        denominator=denominator,
        counts={r: counts[r] for r in Rating},
        not_rated=counts[None],
    )


def _rated_items(classifications: object) -> list[Rated]:
    """Return the items, refusing all but classifications and rated rows."""
    if not _data.is_items(classifications):
        raise ValidationError(
            "classifications",
            classifications,
            "must be an iterable of Classification or RatedRow",
        )
    items = list(cast("Iterable[object]", classifications))
    for index, item in enumerate(items):
        if not isinstance(item, Classification | RatedRow):
            raise ValidationError(
                f"classifications[{index}]",
                item,
                "must be a Classification or a RatedRow",
            )
    return cast("list[Rated]", items)


@overload
def rating_shares(
    classifications: Iterable[Rated],
    *,
    denominator: Denominator,
    by: None = None,
) -> RatingShares: ...


@overload
def rating_shares(
    classifications: Iterable[Rated],
    *,
    denominator: Denominator,
    by: GroupBy,
) -> dict[Hashable, RatingShares]: ...


def rating_shares(
    classifications: Iterable[Rated],
    *,
    denominator: Denominator,
    by: GroupBy | None = None,
) -> RatingShares | dict[Hashable, RatingShares]:
    """Count the ratings and their exact shares, overall or per group.

    The *denominator* has no default on purpose: say whether a share is of
    all organisations (as the national target counts) or of the rated ones.
    The result does not depend on the order of *classifications*.

    Args:
        classifications: The results of `classify` (or the rows of
            `rate_csv`).
        denominator: What the shares are shares of.
        by: Group by province, kind, sector or year; `None` for one
            overall result. Groups come sorted (sheets without a province
            last).

    Raises:
        ValidationError: If *denominator* or *by* is not one of the enums,
            or an item is neither a `Classification` nor a `RatedRow`.
    """
    if not isinstance(denominator, Denominator):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError(
            "denominator", denominator, "a Denominator: ALL or RATED"
        )
    items = _rated_items(classifications)
    if by is None:
        return _shares(None, items, denominator)
    if not isinstance(by, GroupBy):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("by", by, "a GroupBy or None")
    groups: dict[Hashable, list[Rated]] = {}
    for item in items:
        groups.setdefault(_key(item, by), []).append(item)
    return {
        key: _shares(key, groups[key], denominator)
        for key in sorted(groups, key=_order)
    }
