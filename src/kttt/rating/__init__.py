"""Rating collective economic organisations: good, fair, average or weak.

Rating schemes are data (`RatingScheme`): the official ones ship with kttt
(`builtin_schemes`) and a province's own scheme is a JSON file
(`load_scheme`).
A `ScoreSheet` holds what an organisation's board entered for a year;
`classify` turns it into a `Classification` that explains itself, and
`rating_shares` counts the results the way the targets are measured.
"""

from __future__ import annotations

from kttt.rating._builtin import (
    builtin_scheme,
    builtin_schemes,
    load_scheme,
    scheme_for,
    size_by_capital,
    size_by_members,
)
from kttt.rating._classify import Classification, classify, classify_many
from kttt.rating._enums import (
    Denominator,
    Fact,
    Grade,
    GroupBy,
    Rating,
    SizeBasis,
    SizeClass,
)
from kttt.rating._scheme import (
    Band,
    Condition,
    Criterion,
    Exclusion,
    Override,
    RatingScheme,
    ScoringRule,
    SizeScale,
    SizeStep,
    Step,
    StepRule,
    YesNoRule,
)
from kttt.rating._shares import RatingShares, rating_shares
from kttt.rating._sheet import ScoreSheet
from kttt.rating._table import RESULT_COLUMNS, classify_csv, result_row
from kttt.rating._views import (
    classifications_frame,
    shares_frame,
    sheets_frame,
)


__all__ = [
    "RESULT_COLUMNS",
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
    "load_scheme",
    "rating_shares",
    "result_row",
    "scheme_for",
    "shares_frame",
    "sheets_frame",
    "size_by_capital",
    "size_by_members",
]
