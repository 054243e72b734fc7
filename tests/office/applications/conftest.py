import datetime as dt

import pytest

from gongkai.office.applications import services


@pytest.fixture
def make_case(bureau, clerk):
    """Register an application at the bureau (in person unless told otherwise)."""
    def make(arrived_on=dt.date(2024, 12, 2), channel="in_person", by=clerk, agency=bureau, **fields):
        values = {"applicant_category": "natural_person", "applicant_name": "张三", "id_number": "110101199001011234",
                  "contact": "13800000000", "request_text": "2024年某村征地补偿标准", "delivery_form": "电子邮件"}
        values.update(fields)
        return services.register(agency, by, channel=channel, arrived_on=arrived_on, **values)
    return make
