"""Statuses, the methods' own labels and the diagnostics of an assessment."""

from __future__ import annotations

from kttt._labels import LabelledEnum


class ProgressStatus(LabelledEnum):
    """Where a target stands, on one scale shared by every method.

    Each method has its own categories (see `MethodLabel`); this harmonised
    status lets methods be compared side by side.
    The members are listed from best to worst, then ``INSUFFICIENT_DATA``.
    ``ACHIEVED`` and ``MISSED`` are final once the target year is observed;
    the others say where the trend leads while the target year is ahead.
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
    MISSED = "missed", "không đạt", "missed"
    INSUFFICIENT_DATA = (
        "insufficient_data",
        "không đủ số liệu",
        "insufficient data",
    )

    @property
    def rank(self) -> int | None:
        """Return 5 for achieved down to 0 for missed; None without data.

        >>> ProgressStatus.ON_TRACK.rank > ProgressStatus.LIMITED.rank
        True
        """
        return _RANKS.get(self)


_RANKS = {
    ProgressStatus.ACHIEVED: 5,
    ProgressStatus.ON_TRACK: 4,
    ProgressStatus.NEEDS_ACCELERATION: 3,
    ProgressStatus.LIMITED: 2,
    ProgressStatus.REGRESSING: 1,
    ProgressStatus.MISSED: 0,
}


class MethodLabel(LabelledEnum):
    """A category in a method's own words, before harmonisation.

    Codes are ``<method>.<category>``, as the method's documents name them;
    ``<method>.target_missed`` is kttt's own, for a target year already
    observed (the published methods judge targets still ahead).
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
    STATCAN_MISSED = (
        "statcan.target_missed",
        "không đạt mục tiêu",
        "target missed",
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
    EUROSTAT_MODERATE_AWAY = (
        "eurostat.moderate_movement_away",
        "đi xa vừa phải khỏi mục tiêu",
        "moderate movement away from the objectives",
    )
    EUROSTAT_SIGNIFICANT_AWAY = (
        "eurostat.significant_movement_away",
        "đi xa đáng kể khỏi mục tiêu",
        "significant movement away from the objectives",
    )
    EUROSTAT_NOT_ASSESSED = (
        "eurostat.not_assessed",
        "không đánh giá được",
        "not assessed",
    )
    EUROSTAT_MISSED = (
        "eurostat.target_missed",
        "không đạt mục tiêu",
        "target missed",
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
    UNSD2022_MISSED = (
        "unsd2022.target_missed",
        "không đạt mục tiêu",
        "target missed",
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
    PROJECTION_MISSED = (
        "projection.target_missed",
        "không đạt mục tiêu",
        "target missed",
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
    DESTATIS_MISSED = (
        "destatis.target_missed",
        "không đạt mục tiêu",
        "target missed",
    )


class DiagnosticKind(LabelledEnum):
    """A substitution or adjustment an assessment made, to be shown with it."""

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
        "target year observed, the verdict is final",
    )
    HORIZON_UNOBSERVED = (
        "horizon_unobserved",
        "đã qua năm mục tiêu nhưng chưa có số liệu năm đó",
        "target year passed without data for it",
    )
    PAST_HORIZON_IGNORED = (
        "past_horizon_ignored",
        "bỏ qua số liệu sau năm mục tiêu",
        "observations after the target year left out",
    )
    STALE_DATA = (
        "stale_data",
        "số liệu cũ",
        "stale data",
    )
    PROJECTED_DATA = (
        "projected_data",
        "dựa trên số liệu dự báo",
        "rests on projected values",
    )
    PROJECTION_BOUNDED = (
        "projection_bounded",
        "dự báo giữ trong giới hạn của chỉ tiêu",
        "projection held within the indicator's bounds",
    )
    SHORT_WINDOW = (
        "short_window",
        "chuỗi số liệu ngắn",
        "shorter window than the method's standard",
    )
    NO_TARGET = (
        "no_target",
        "chỉ tiêu không có con số: đánh giá theo tốc độ tăng",
        "no quantified target: classified by the observed growth",
    )
    BASE_UNOBSERVED = (
        "base_unobserved",
        "năm gốc của chỉ tiêu không có số liệu",
        "the target's base year has no observation",
    )
    OTHER_TERRITORY = (
        "other_territory",
        "số liệu của địa bàn khác (tỉnh sau sáp nhập 2025)",
        "data of another territory (the unit after the 2025 merger)",
    )
    LATER_DATA_IGNORED = (
        "later_data_ignored",
        "bỏ qua số liệu sau ngày đánh giá",
        "observations after as_of ignored",
    )
