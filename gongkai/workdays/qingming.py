"""The date of 清明 (the solar term), computed, for years whose holiday notice is not yet known.

《全国年节及纪念日放假办法》第二条 gives 清明节 one day off, on the day of the solar term
清明: the moment the Sun's apparent ecliptic longitude reaches 15°, taken in Beijing time
(UTC+8). The date moves between 4 and 6 April, so it has to be computed each year.

Method (J. Meeus, *Astronomical Algorithms*, 2nd ed., ch. 25, "low accuracy"): the Sun's
geometric mean longitude plus the equation of centre, corrected for nutation and aberration,
good to about 0.01° ≈ 15 minutes of time. The instant is found by Newton iteration in
Terrestrial Time, converted to UT with the ΔT polynomials of Espenak & Meeus (NASA, 2006),
then to Beijing time. The tests compare the result with the 清明 holidays in
`chinese_calendar` 2008–2026 and with its 寿星-formula solar terms 2004–2099. In the years
2004–2099 only 2071 (a few minutes after midnight on 5 April) falls within the method's error of midnight; the
寿星 formula agrees with it there too.
"""

from __future__ import annotations

import datetime as dt
import math

_J2000 = 2451545.0  # Julian Ephemeris Day of 2000-01-01 12:00 TT
_DAYS_PER_DEGREE = 365.2422 / 360
_BEIJING = dt.timedelta(hours=8)
_QINGMING_LONGITUDE = 15.0


def qingming(year: int) -> dt.date:
    """The calendar date (Beijing time) of the solar term 清明 in `year`."""
    return qingming_instant(year).date()


def qingming_instant(year: int) -> dt.datetime:
    """The moment of 清明 in Beijing time, to about a quarter of an hour."""
    moment = dt.datetime(year, 4, 5)  # a first guess in TT, within two days
    for _ in range(6):
        gap = (_QINGMING_LONGITUDE - _apparent_longitude(_julian_day(moment)) + 180) % 360 - 180
        moment += dt.timedelta(days=gap * _DAYS_PER_DEGREE)
    return moment - dt.timedelta(seconds=_delta_t(year)) + _BEIJING


def _julian_day(moment: dt.datetime) -> float:
    """Julian Day of a proleptic Gregorian date-time (Meeus ch. 7)."""
    return 2440587.5 + (moment - dt.datetime(1970, 1, 1)).total_seconds() / 86400


def _apparent_longitude(jde: float) -> float:
    """The Sun's apparent ecliptic longitude in degrees (Meeus ch. 25, low accuracy)."""
    t = (jde - _J2000) / 36525
    mean_longitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    anomaly = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    centre = (
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(anomaly)
        + (0.019993 - 0.000101 * t) * math.sin(2 * anomaly)
        + 0.000289 * math.sin(3 * anomaly)
    )
    node = math.radians(125.04 - 1934.136 * t)
    return (mean_longitude + centre - 0.00569 - 0.00478 * math.sin(node)) % 360


def _delta_t(year: int) -> float:
    """TT − UT in seconds (Espenak & Meeus polynomials, 2005–2150)."""
    if year < 2050:
        t = year - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t * t
    u = (year - 1820) / 100
    return -20 + 32 * u * u - 0.5628 * (2150 - year)
