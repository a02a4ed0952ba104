"""
The statuses, the methods' own labels and the diagnostics of an assessment.
"""

from __future__ import annotations

from kttt._labels import LabelledEnum


class ProgressStatus(LabelledEnum):
    """
    Where a target stands, on one scale shared by every method.

    Each method has its own categories (see `MethodLabel`); this harmonised
    status lets methods be compared side by side.
    The members are listed from best to worst, then ``INSUFFICIENT_DATA``.
    """

    ACHIEVED = "achieved", "đã đạt", "achieved"
    ON_TRACK = "on_track", "đúng lộ trình", "on track"
    NEEDS_ACCELERATION = (
        "needs_acceleration",
        "cần tăng tốc",
        "needs acceleration",
    )
    LIMITED = "limited", "tiến bộ hạn chế", "limited progress"
    REGRESSING = "regressing", "đi lùi", "regressing"
    INSUFFICIENT_DATA = (
        "insufficient_data",
        "không đủ số liệu",
        "insufficient data",
    )

    @property
    def rank(self) -> int | None:
        """
        Return 4 for achieved down to 0 for regressing; None without data.

        >>> ProgressStatus.ON_TRACK.rank > ProgressStatus.LIMITED.rank
        True
        """
        return _RANKS.get(self)


_RANKS = {
    ProgressStatus.ACHIEVED: 4,
    ProgressStatus.ON_TRACK: 3,
    ProgressStatus.NEEDS_ACCELERATION: 2,
    ProgressStatus.LIMITED: 1,
    ProgressStatus.REGRESSING: 0,
}


class MethodLabel(LabelledEnum):
    """
    A category in a method's own words, before harmonisation.

    Codes are ``<method>.<category>``, as the method's documents name them.
    """

    STATCAN_ACHIEVED = (
        "statcan.target_achieved",
        "đã đạt mục tiêu",
        "target achieved",
    )
    STATCAN_SUBSTANTIAL = (
        "statcan.substantial_progress",
        "tiến bộ đáng kể (đúng lộ trình)",
        "substantial progress (on track)",
    )
    STATCAN_MODERATE = (
        "statcan.moderate_progress",
        "có tiến bộ nhưng cần tăng tốc",
        "progress made but acceleration needed",
    )
    STATCAN_LIMITED = (
        "statcan.limited_progress",
        "tiến bộ hạn chế",
        "limited progress",
    )
    STATCAN_DETERIORATION = (
        "statcan.deterioration",
        "xấu đi",
        "deterioration",
    )
    STATCAN_NOT_AVAILABLE = (
        "statcan.not_available",
        "không thể đánh giá",
        "unable to assess",
    )
    EUROSTAT_ACHIEVED = (
        "eurostat.target_met",
        "đã đạt mục tiêu",
        "target met",
    )
    EUROSTAT_SIGNIFICANT = (
        "eurostat.significant_progress",
        "tiến bộ đáng kể hướng tới mục tiêu",
        "significant progress towards the target",
    )
    EUROSTAT_MODERATE = (
        "eurostat.moderate_progress",
        "tiến bộ vừa phải hướng tới mục tiêu",
        "moderate progress towards the target",
    )
    EUROSTAT_INSUFFICIENT = (
        "eurostat.insufficient_progress",
        "tiến bộ chưa đủ hướng tới mục tiêu",
        "insufficient progress towards the target",
    )
    EUROSTAT_AWAY = (
        "eurostat.movement_away",
        "đi xa khỏi mục tiêu",
        "movement away from the target",
    )
    EUROSTAT_NOT_ASSESSED = (
        "eurostat.not_assessed",
        "không đánh giá được",
        "not assessed",
    )
    UNSD2022_ACHIEVED = (
        "unsd2022.target_met",
        "đã đạt mục tiêu",
        "target met",
    )
    UNSD2022_SUBSTANTIAL = (
        "unsd2022.substantial_progress",
        "tiến bộ đáng kể / đúng lộ trình",
        "substantial progress / on track",
    )
    UNSD2022_FAIR = (
        "unsd2022.fair_progress",
        "tiến bộ khá nhưng cần tăng tốc",
        "fair progress but acceleration needed",
    )
    UNSD2022_LIMITED = (
        "unsd2022.limited_or_no_progress",
        "tiến bộ hạn chế hoặc không tiến bộ",
        "limited or no progress",
    )
    UNSD2022_DETERIORATION = (
        "unsd2022.deterioration",
        "xấu đi",
        "deterioration",
    )
    UNSD2022_INSUFFICIENT = (
        "unsd2022.insufficient_data",
        "không đủ số liệu",
        "insufficient data",
    )
    PROJECTION_ACHIEVED = (
        "projection.target_met",
        "đã đạt mục tiêu",
        "target met",
    )
    PROJECTION_ON_TRACK = (
        "projection.on_track",
        "đúng lộ trình",
        "on track",
    )
    PROJECTION_MODERATE = (
        "projection.moderate_progress",
        "tiến bộ vừa phải",
        "moderate progress",
    )
    PROJECTION_MARGINAL = (
        "projection.marginal_progress",
        "tiến bộ không đáng kể",
        "marginal progress",
    )
    PROJECTION_STAGNATION = (
        "projection.stagnation",
        "đình trệ",
        "stagnation",
    )
    PROJECTION_REGRESSION = (
        "projection.regression",
        "thụt lùi",
        "regression",
    )
    PROJECTION_INSUFFICIENT = (
        "projection.insufficient_data",
        "không đủ số liệu",
        "insufficient data",
    )
    DESTATIS_SUN = "destatis.sun", "nắng", "sun"
    DESTATIS_SUN_CLOUD = (
        "destatis.sun_behind_cloud",
        "nắng sau mây",
        "sun behind cloud",
    )
    DESTATIS_CLOUD = "destatis.cloud", "mây", "cloud"
    DESTATIS_THUNDERSTORM = "destatis.thunderstorm", "dông", "thunderstorm"
    DESTATIS_NOT_ASSESSED = (
        "destatis.not_assessed",
        "không đánh giá",
        "not assessed",
    )


class DiagnosticKind(LabelledEnum):
    """
    A substitution or adjustment an assessment made, to be shown with it.
    """

    BASE_SHIFTED = "base_shifted", "dời năm gốc", "base year shifted"
    ZERO_REPLACED = (
        "zero_replaced",
        "thay số 0 bằng epsilon",
        "zero replaced by epsilon",
    )
    LINEAR_RATES = (
        "linear_rates",
        "dùng mức thay đổi tuyến tính",
        "linear rates used",
    )
    BASE_PAST_TARGET = (
        "base_past_target",
        "năm gốc đã vượt mục tiêu",
        "base already past the target",
    )
    BASE_AT_TARGET = (
        "base_at_target",
        "năm gốc bằng mục tiêu",
        "base value equals the target",
    )
    HORIZON_REACHED = (
        "horizon_reached",
        "đã tới năm mục tiêu",
        "target year reached",
    )
    SHORT_WINDOW = (
        "short_window",
        "chuỗi số liệu ngắn",
        "shorter window than the method's standard",
    )
    LATER_DATA_IGNORED = (
        "later_data_ignored",
        "bỏ qua số liệu sau ngày đánh giá",
        "observations after as_of ignored",
    )
