"""The profile's chart, drawn on the server: the positions of its bars and labels (the template draws the SVG).

Horizontal bars, one per competence, grouped under their area; a bar's length is the level the learner chose out of
the framework's levels, with a mark where they were in their previous assessment. Only numbers here: every text
is the template's, in the reader's language.
"""

from dataclasses import dataclass, field

WIDTH = 640
LABEL_X = 8  # the competence codes
BAR_X = 104  # where every bar starts
BAR_WIDTH = 400  # the length of a bar at the highest level
VALUE_X = BAR_X + BAR_WIDTH + 12  # the figures after the bars
TOP = 32  # room for the scale above the first area
AREA_HEIGHT = 34
ROW_HEIGHT = 30
BAR_HEIGHT = 18
LEGEND_HEIGHT = 40


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True)
class AreaLabel:
    y: int  # the text's baseline
    area: object


@dataclass(frozen=True)
class Bar:
    y: int  # the top of the bar
    text_y: int  # the baseline of the texts on the bar's line
    width: int  # 0 for a competence without a level (not sure yet, not assessed, no longer in the framework)
    previous_x: int | None  # the previous assessment's mark, None without one
    competence: object

    @property
    def height(self):
        return BAR_HEIGHT

    @property
    def marker_top(self):
        return self.y - 4

    @property
    def marker_bottom(self):
        return self.y + BAR_HEIGHT + 4


@dataclass
class Chart:
    width: int
    height: int
    bar_x: int
    bar_width: int
    label_x: int
    value_x: int
    scale_y: int
    ticks: list
    areas: list = field(default_factory=list)
    bars: list = field(default_factory=list)
    plot_bottom: int = 0  # where the bars end (the scale's lines run from scale_y to here)
    legend_y: int = 0
    has_previous: bool = False

    @property
    def bar_end(self):
        return self.bar_x + self.bar_width


def _x(score):
    return BAR_X + round(score * BAR_WIDTH)


def profile_chart(profile):
    """The chart of a `learners.profiles.Profile`."""
    counts = {competence.level_count for competence in profile.competences}
    # A scale of levels when every competence has the same number of them (the usual case), else none.
    level_count = counts.pop() if len(counts) == 1 else 0
    ticks = [Tick(_x(level / level_count), str(level)) for level in range(1, level_count + 1)] if level_count else []
    chart = Chart(WIDTH, 0, BAR_X, BAR_WIDTH, LABEL_X, VALUE_X, TOP - 14, ticks)
    y = TOP
    for area in profile.areas:
        chart.areas.append(AreaLabel(y + AREA_HEIGHT - 12, area))
        y += AREA_HEIGHT
        for competence in area.competences:
            previous = competence.previous_score
            chart.bars.append(
                Bar(
                    y=y + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                    text_y=y + ROW_HEIGHT // 2 + 5,
                    width=round(competence.score * BAR_WIDTH) if competence.answered else 0,
                    previous_x=_x(previous) if previous is not None else None,
                    competence=competence,
                )
            )
            y += ROW_HEIGHT
        chart.has_previous = chart.has_previous or any(c.previous_score is not None for c in area.competences)
    chart.plot_bottom = y
    chart.legend_y = y + 24
    chart.height = y + (LEGEND_HEIGHT if chart.has_previous else 12)
    return chart
