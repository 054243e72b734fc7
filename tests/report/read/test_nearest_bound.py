"""A cell corner goes to the nearest row or column bound (the first of equally near ones),
found by bisection over the ascending bounds: always the bound a scan of them finds, NaN,
infinities and huge coordinates of a damaged file included."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.read.layout import _cluster, _nearest

_COORDS = st.one_of(
    st.floats(-50, 900, allow_nan=False),
    st.integers(0, 40).map(lambda n: n * 0.5),  # ties half-way between two bounds
    st.integers(0, 4).map(lambda n: 1e17 + n * 16),  # so large that distances round equal
    st.sampled_from([math.nan, math.inf, -math.inf]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_COORDS, min_size=1, max_size=12), st.sampled_from([0.0, 0.5, 3.0]), _COORDS)
def test_the_nearest_bound_is_the_one_a_scan_finds(values, tol, v):
    bounds = _cluster(values, tol)
    assert _nearest(bounds, v) == min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))
