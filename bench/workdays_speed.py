"""How long a deadline takes: 20 working days from random triggers, known and provisional years.

Run: .venv/bin/python bench/workdays_speed.py   (prints numbers; not a pass/fail test)
"""

import datetime as dt
import random
import time

from gongkai.workdays import add_working_days, working_days_between


def _per_call_ms(triggers, call) -> float:
    start = time.perf_counter()
    for trigger in triggers:
        call(trigger)
    return (time.perf_counter() - start) / len(triggers) * 1000


def main() -> None:
    rng = random.Random(20261128)
    for label, first, days in (
        ("2004–2026 (chinesecalendar)", dt.date(2004, 1, 1), 8000),
        ("2027–2040 (provisional)", dt.date(2027, 1, 1), 5000),
    ):
        triggers = [first + dt.timedelta(days=rng.randrange(days)) for _ in range(5000)]
        add20 = _per_call_ms(triggers, lambda t: add_working_days(t, 20))
        add40 = _per_call_ms(triggers, lambda t: add_working_days(t, 40))
        between = _per_call_ms(
            triggers, lambda t: working_days_between(t, t + dt.timedelta(days=365))
        )
        print(
            f"{label}: add 20 wd {add20:.3f} ms, add 40 wd {add40:.3f} ms, one year counted {between:.3f} ms"
        )


if __name__ == "__main__":
    main()
