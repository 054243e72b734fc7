"""整改: a 监督人 raises a task on a finding with a due date; the agency's 负责人 sees and answers
it; the board shows the open task; supervision pages never show applicants' personal data."""

import datetime as dt

from gongkai.office.supervision.intake import work
from gongkai.office.supervision.models import Submission, Task
from gongkai.report.write import write

from ...supervision.makers import build, zeros


def _uploaded(client, county, bureau, upload):
    printed = zeros()
    printed["t3.review.maintained"] = "1"  # L-1: 总计 0
    upload(county, {"b.docx": write(build(bureau.name, 2024, printed), "docx")})
    work()
    return Submission.objects.get()


def test_raise_answer_and_close(client, county, bureau, supervisor, head, upload, make_case):
    make_case()  # an application of 张三 at the bureau
    client.force_login(supervisor)
    sub = _uploaded(client, county, bureau, upload)
    page = client.get(f"/office/supervision/report/{sub.pk}/").content.decode()
    index = next(
        i for i, f in enumerate(sub.findings) if f["rule"] == "L-1" and f["outcome"] == "fail"
    )
    assert f'id="finding-{index}"' in page and 'data-cells="' in page
    assert 'class="value fail"' in page  # the cell is marked in the tables

    due = dt.date.today() + dt.timedelta(days=15)
    response = client.post(
        f"/office/supervision/report/{sub.pk}/task/?finding={index}",
        {"request": "请更正表三行政复议总计", "due_on": due.isoformat()},
    )
    task = Task.objects.get()
    assert response.url == f"/office/supervision/tasks/{task.pk}/"
    assert task.rule == "L-1" and task.agency == bureau and "t3.review.total" in task.cells
    board = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content.decode()
    assert (
        '<td class="tasks">1</td>' in board.split(f'id="agency-{bureau.pk}"')[1].split("</tr>")[0]
    )
    for url in (
        f"/office/supervision/board/?office={county.pk}&year=2024",
        f"/office/supervision/report/{sub.pk}/",
        f"/office/supervision/uploads/?office={county.pk}",
        f"/office/supervision/tasks/{task.pk}/",
        "/office/supervision/tasks/",
    ):
        text = client.get(url).content.decode()
        assert "张三" not in text and "110101199001011234" not in text and "13800000000" not in text

    client.force_login(head)
    listed = client.get("/office/supervision/tasks/").content.decode()
    assert "请更正" not in listed and f'id="task-{task.pk}"' in listed
    client.post(f"/office/supervision/tasks/{task.pk}/", {"text": "已更正并重新发布"})
    task.refresh_from_db()
    assert task.state == "answered" and task.answers.get().text == "已更正并重新发布"
    assert client.post(f"/office/supervision/tasks/{task.pk}/", {"text": "x", "close": "1"})
    task.refresh_from_db()
    assert task.state == "answered"  # only the office closes a task; the text is an answer

    client.force_login(supervisor)
    client.post(f"/office/supervision/tasks/{task.pk}/", {"text": "核实无误", "close": "1"})
    task.refresh_from_db()
    assert task.state == "closed" and task.answers.count() == 3  # the head's two, the close


def test_a_due_date_in_the_past_is_a_form_error(client, county, bureau, supervisor, upload):
    client.force_login(supervisor)
    sub = _uploaded(client, county, bureau, upload)
    response = client.post(
        f"/office/supervision/report/{sub.pk}/task/?finding=0",
        {"request": "x", "due_on": "2020-01-01"},
    )
    assert response.status_code == 200 and "整改期限不能早于今天" in response.content.decode()


def test_another_agencys_staff_cannot_see_the_task(
    client, county, bureau, supervisor, other_clerk, upload
):
    client.force_login(supervisor)
    sub = _uploaded(client, county, bureau, upload)
    client.post(
        f"/office/supervision/report/{sub.pk}/task/?finding=0",
        {"request": "x", "due_on": (dt.date.today() + dt.timedelta(days=3)).isoformat()},
    )
    task = Task.objects.get()
    client.force_login(other_clerk)
    assert client.get(f"/office/supervision/tasks/{task.pk}/").status_code == 404
    assert client.get(f"/office/supervision/report/{sub.pk}/").status_code == 404
