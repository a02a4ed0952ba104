"""Rating collective economic organisations: good, fair, average or weak.

Rating schemes are data (`RatingScheme`): the official ones ship with kttt
(`builtin_schemes`, the datasets ``TT_01_2020``, ``TT_09_2017``
and ``TT_42_2016``) and a province's own scheme is a JSON file (`load_scheme`).
A `ScoreSheet` holds what an organisation's board entered for a year;
`classify` turns it into a `Classification` that explains itself, and
`rating_shares` counts the results the way the targets are measured.
A whole country's table of sheets is rated row by row with `rate_csv`.
"""

from __future__ import annotations

from kttt.rating._bands import Band, Condition, Exclusion, Override
from kttt.rating._builtin import (
    TT_01_2020,
    TT_09_2017,
    TT_42_2016,
    builtin_scheme,
    builtin_schemes,
    load_scheme,
    scheme_for,
    size_by_capital,
    size_by_members,
)
from kttt.rating._classify import Classification, classify, classify_many
from kttt.rating._criteria import Criterion
from kttt.rating._enums import (
    Denominator,
    Fact,
    Grade,
    GroupBy,
    Rating,
    SizeBasis,
    SizeClass,
)
from kttt.rating._explain import RESULT_COLUMNS
from kttt.rating._rows import FIRST_RATED_YEAR, LAST_RATED_YEAR
from kttt.rating._rules import ScoringRule, Step, StepRule, YesNoRule
from kttt.rating._scheme import RatingScheme, configure_converter
from kttt.rating._shares import RatingShares, rating_shares
from kttt.rating._sheet import ScoreSheet
from kttt.rating._sizes import SizeScale, SizeStep
from kttt.rating._table import (
    RatedRow,
    classify_csv,
    rate_csv,
    result_row,
)
from kttt.rating._views import (
    classifications_frame,
    shares_frame,
    sheets_frame,
)


__all__ = [
    "FIRST_RATED_YEAR",
    "LAST_RATED_YEAR",
    "RESULT_COLUMNS",
    "TT_01_2020",
    "TT_09_2017",
    "TT_42_2016",
    "Band",
    "Classification",
    "Condition",
    "Criterion",
    "Denominator",
    "Exclusion",
    "Fact",
    "Grade",
    "GroupBy",
    "Override",
    "RatedRow",
    "Rating",
    "RatingScheme",
    "RatingShares",
    "ScoreSheet",
    "ScoringRule",
    "SizeBasis",
    "SizeClass",
    "SizeScale",
    "SizeStep",
    "Step",
    "StepRule",
    "YesNoRule",
    "builtin_scheme",
    "builtin_schemes",
    "classifications_frame",
    "classify",
    "classify_csv",
    "classify_many",
    "configure_converter",
    "load_scheme",
    "rate_csv",
    "rating_shares",
    "result_row",
    "scheme_for",
    "shares_frame",
    "sheets_frame",
    "size_by_capital",
    "size_by_members",
]
