"""Every tolerance the reader uses, named and explained once.

Placement is a chain of pure stages (`place.py`); each stage that needs a tolerance takes a
`Settings` (frozen, so a stage can never change one for the next, and hashable, so cached
lookups can key on it). `SETTINGS` holds the values the reader is tuned and tested with; a
test or a bench may pass another `Settings` to see what a tolerance decides.
"""

from __future__ import annotations

from ..record import Frozen


class Settings(Frozen):
    # ---- page geometry (layout.py): positioned glyphs into rows, cell boxes into grids
    #: a glyph starts a new visual row when its centre is more than this share of the typical
    #: glyph height below the row's mean centre (a digit's box is taller than a Han character's)
    row_centre_share: float = 0.4
    #: a gap between two glyphs wider than this share of the narrower one's width is a space,
    #: so the digits of neighbouring cells never run together
    word_gap_share: float = 1 / 3
    #: cell edges closer than this share of the table's width are one column edge (a table
    #: continued on the next page is often shifted or stretched by a few points)
    column_edge_share: float = 0.012
    #: cell edges closer than this many points are one row edge
    row_edge_points: float = 2.0
    #: a table at the top of a page continues the one at the foot of the page before when their
    #: left edges and widths differ by at most this share of the wider one
    continued_table_share: float = 0.03
    #: the top and bottom share of a page where running headers and footers stand
    page_margin_share: float = 0.09

    # ---- row labels (match.py)
    #: a near miss (a typo) names a row only above this similarity to the row's label, and only
    #: when this share of the label's distinct characters is in the printed text
    fuzzy_min: float = 0.8
    #: a label core this short or shorter ("其他", "总计") names its row only with its numbering
    generic_core_chars: int = 2
    #: a row's keyword names it only when it is at least this many characters
    keyword_chars: int = 3
    #: a label core shorter than this is never matched by similarity
    fuzzy_core_chars: int = 5
    #: a label cut at a line end names its row when it is at least this many characters and
    #: this share of the row's label ("5.要求行政机关确认或重新出")
    cut_label_chars: int = 6
    cut_label_share: float = 0.6

    # ---- flattened text (flat.py)
    #: a text line holding this many row labels is a table flattened onto one line
    flat_min_labels: int = 3

    # ---- glued digits (glued.py, solve.py)
    #: splits of a run of glued digits worth trying; past this the run stays unreadable
    max_splits: int = 200_000
    #: splits kept per run: more than this says "many", and none is taken
    splits_kept: int = 6
    #: combinations of several rows' possible splits worth trying together (table 2's columns)
    max_combinations: int = 50_000
    #: splits of glued digits listed in an unreadable cell's reason
    alternatives_shown: int = 5


SETTINGS = Settings()
