"""Classifying score sheets: `classify`, `classify_many` and `Classification`.

The work is done by the classifier's plan of each scheme (see
``_plan``): compiled once per scheme and layout of sheet, it checks and
adds the points as whole numbers, so that each sheet costs a few
comparisons and sums, exact whatever the caller's decimal context.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import cast

import attrs

from kttt.errors import KtttError, ValidationError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import _views
from kttt.rating._bands import Band, Exclusion, Override
from kttt.rating._builtin import builtin_scheme, scheme_for
from kttt.rating._enums import Grade, Rating
from kttt.rating._exact import decimal_of
from kttt.rating._explain import explain
from kttt.rating._plan import SchemePlan, facts_of, plan_for
from kttt.rating._points import Points, points_of
from kttt.rating._scheme import RatingScheme
from kttt.rating._sheet import ScoreSheet
from kttt.sources import Source


@attrs.frozen(kw_only=True)
class Classification:
    """The verdict on one score sheet, with everything that explains it.

    ``rating`` is `None` when the organisation is not rated (*exclusion*
    says why).
    When an *override* applies, *band* is still the band the total fell in
    and ``rating`` is the override's.
    """

    #: The sheet classified.
    sheet: ScoreSheet
    #: The scheme applied (its `RatingScheme.source` says where it is from).
    scheme: RatingScheme
    #: The total points, or `None` when not rated.
    total: Decimal | None
    #: The band the total fell in, or `None` when not rated.
    band: Band | None
    #: The rule that set the rating whatever the score, if any.
    override: Override | None = None
    #: Why the organisation was not rated, if it was not.
    exclusion: Exclusion | None = None

    def __attrs_post_init__(self) -> None:
        unrated = self.band is None
        if unrated is (self.exclusion is None) or unrated is not (
            self.total is None
        ):
            raise ValidationError(
                "exclusion",
                self.exclusion,
                "a classification has either an exclusion, or a total and "
                "a band",
            )

    def __repr__(self) -> str:
        return _views.classification_short(self)

    def _repr_html_(self) -> str:
        return _views.classification_html(self)

    @property
    def rating(self) -> Rating | None:
        """The override's rating, else the band's; `None` if not rated."""
        if self.override is not None:
            return self.override.rating
        return None if self.band is None else self.band.rating

    @property
    def decided_by(self) -> Band | Override | Exclusion:
        """Which rule decided (the exclusion, else override, else band)."""
        decided = self.exclusion or self.override or self.band
        if decided is None:
            raise AssertionError(self)
        return decided

    @property
    def rated(self) -> bool:
        """Whether the organisation was rated."""
        return self.rating is not None

    @property
    def grade(self) -> Grade | None:
        """The letter grade, for schemes with letters (credit funds)."""
        if self.rating is None:
            return None
        return self.scheme.band_of(self.rating).grade

    @property
    def provisional(self) -> bool:
        """Whether the deciding band's cut-off is provisional (unverified)."""
        return (
            self.override is None
            and self.band is not None
            and self.band.provisional
        )

    @property
    def source(self) -> Source:
        """The source of the scheme applied."""
        return self.scheme.source

    @property
    def points(self) -> Mapping[str, Decimal]:
        """The points of every criterion scored.

        Each is entered, computed by a rule from the measures, or added up
        from the parts.
        """
        if self.rating is None:
            return {}
        plan = plan_for(self.scheme)
        layout, values, _ = plan.score(
            points_of(self.sheet.points), self.sheet.measures
        )
        return {
            code: decimal_of(value, layout.exponent)
            for code, value in plan.subtotals(layout, values).items()
        }

    @property
    def subtotals(self) -> Mapping[str, Decimal]:
        """The points of each top-level criterion (group) of the scheme."""
        points = self.points
        return {
            c.code: points[c.code]
            for c in self.scheme.criteria
            if c.code in points
        }

    def explain(self, lang: str = "vi") -> str:
        """Explain the verdict in *lang* (``"vi"`` or ``"en"``).

        >>> sheet = ScoreSheet(
        ...     organization="HTX-0001",
        ...     kind=OrganizationKind.COOPERATIVE,
        ...     sector=Sector.TRANSPORT,
        ...     year=2024,
        ...     points={"I": 25, "II": 24, "III": 31},
        ... )
        >>> classify(sheet).explain("en")
        'Total 80 of 100 under 01/2020/TT-BKHĐT: good (80 ≤ total ≤ 100).'
        """
        return explain(
            self.scheme,
            total=self.total,
            band=self.band,
            override=self.override,
            exclusion=self.exclusion,
            lang=lang,
        )


class Rater:
    """Chooses and plans the scheme of each sheet, once per kind of sheet.

    The scheme is *scheme* if given, else the built-in scheme a sheet
    names, else the one `scheme_for` chooses from its kind, sector and
    year; each choice is made once per kind, sector, year and named
    scheme.
    """

    def __init__(self, scheme: RatingScheme | None) -> None:
        if scheme is not None and not isinstance(scheme, RatingScheme):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise ValidationError(
                "scheme", scheme, "must be a RatingScheme or None"
            )
        self._scheme = scheme
        self._chosen: dict[
            tuple[int, int, int, str | None], tuple[RatingScheme, SchemePlan]
        ] = {}

    def choose(
        self,
        kind: OrganizationKind,
        sector: Sector,
        year: int,
        named: str | None,
    ) -> tuple[RatingScheme, SchemePlan]:
        """Return the scheme of a sheet and its plan.

        Raises:
            NotFoundError: If no scheme applies, or the named scheme is
                not built in.
            ValidationError: If the scheme given or named does not rate
                this sheet.
        """
        # Enumeration members are singletons: their identity is a key
        # cheaper to hash than the members themselves.
        key = (id(kind), id(sector), year, named)
        found = self._chosen.get(key)
        if found is None:
            chosen = _choose(kind, sector, year, named, self._scheme)
            found = self._chosen[key] = (chosen, plan_for(chosen))
        return found

    def classify(self, sheet: ScoreSheet) -> Classification:
        """Return the verdict on *sheet*.

        Raises:
            ScoreError: For an unknown criterion, points above a maximum, a
                total above the scheme's, or a missing criterion.
            NotFoundError: If no scheme applies.
            ValidationError: If the scheme given does not rate this sheet,
                or *sheet* is not a `ScoreSheet`.
        """
        if not isinstance(sheet, ScoreSheet):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise ValidationError("sheet", sheet, "must be a ScoreSheet")
        scheme, plan = self.choose(
            sheet.kind, sheet.sector, sheet.year, sheet.scheme
        )
        exclusion, override = plan.decide(facts_of(sheet))
        # A sheet always holds its points as Points.
        points = cast("Points", sheet.points)
        if exclusion is not None:
            plan.check_codes(points)
            return Classification(
                sheet=sheet,
                scheme=scheme,
                total=None,
                band=None,
                exclusion=exclusion,
            )
        layout, _, total = plan.score(points, sheet.measures)
        return Classification(
            sheet=sheet,
            scheme=scheme,
            total=plan.total_of(total, layout.exponent),
            band=plan.band(total, layout.exponent),
            override=override,
        )


def _choose(
    kind: OrganizationKind,
    sector: Sector,
    year: int,
    named: str | None,
    scheme: RatingScheme | None,
) -> RatingScheme:
    if scheme is not None:
        if named is not None and named != scheme.code:
            raise ValidationError(
                "scheme",
                named,
                f"the sheet was scored under {named}, not {scheme.code}",
            )
        chosen = scheme
    elif named is not None:
        chosen = builtin_scheme(named)
    else:
        return scheme_for(kind, sector, year)
    if not chosen.applies_to(kind, sector, year):
        raise ValidationError(
            "scheme",
            chosen.code,
            f"does not rate a {kind.label_en} in {sector.label_en} for {year}",
        )
    return chosen


def classify(
    sheet: ScoreSheet, scheme: RatingScheme | None = None
) -> Classification:
    """Rate one organisation from its score sheet.

    The scheme is *scheme* if given, else the built-in scheme the sheet
    names, else the one `scheme_for` chooses from its kind, sector and year.

    >>> from decimal import Decimal
    >>> sheet = ScoreSheet(
    ...     organization="HTX-0002",
    ...     kind=OrganizationKind.COOPERATIVE,
    ...     sector=Sector.TRANSPORT,
    ...     year=2024,
    ...     points={"I": 25, "II": 20, "III": Decimal("34.99")},
    ... )
    >>> classify(sheet).rating
    <Rating.FAIR: 'fair'>

    Raises:
        ScoreError: For an unknown criterion, points above a maximum, a
            total above the scheme's, or a missing criterion.
        NotFoundError: If no scheme applies.
        ValidationError: If the scheme given does not rate this sheet.
    """
    return Rater(scheme).classify(sheet)


def classify_many(
    sheets: Iterable[ScoreSheet], scheme: RatingScheme | None = None
) -> Iterator[Classification]:
    """Rate many sheets, lazily, in order; fast enough for a whole country.

    The scheme of each sheet is chosen as in `classify` (once per kind,
    sector, year and named scheme).

    Raises:
        KtttError: For the first bad sheet, with its 1-based row number.
    """
    rater = Rater(scheme)
    for row, sheet in enumerate(sheets, start=1):
        try:
            yield rater.classify(sheet)
        except KtttError as error:
            raise error.at_row(row) from None
