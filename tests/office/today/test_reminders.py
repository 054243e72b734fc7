"""Reminders by mail (`gongkai reminders`) and the applicant's letters by mail, only once the
office named a mail server; tested on Django's in-memory mail backend."""

import datetime as dt

import pytest
from django.core import mail

from gongkai.cli import main
from gongkai.office.applications import services

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = "2024-12-18"


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_HOST = "smtp.example.cn"


def overdue_case(make_case, clerk):
    case = make_case(arrived_on=D(2024, 10, 8), request_text="补正未回")
    services.request_correction(
        case, D(2024, 10, 9), clerk, items="请写明年份", correction_due=D(2024, 11, 13)
    )
    return case


def test_each_person_with_work_gets_one_reminder(mail_server, clerk, head, make_case, capsys):
    clerk.email, clerk.first_name = "clerk@example.cn", "李经办"
    clerk.save()
    head.email = "head@example.cn"
    head.save()
    case = overdue_case(make_case, clerk)
    asked = make_case(arrived_on=D(2024, 12, 2))
    services.request_extension(asked, D(2024, 12, 16), clerk, days=10, reason="需调取档案")
    assert main(["reminders", "--as-of", TODAY]) == 0
    assert "已发送提醒 2 封" in capsys.readouterr().out
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"clerk@example.cn", "head@example.cn"}
    body = sent["clerk@example.cn"].body
    assert body.startswith("李经办：") and "已逾期 1 件" in body and case.number in body
    assert "补正期限 2024-11-13 已届满" in body and "张三" not in body
    assert "待批准的延期申请 1 件" in sent["head@example.cn"].body


def test_no_mail_for_a_person_without_address_or_without_a_role(mail_server, clerk, capsys):
    from django.contrib.auth.models import User

    User.objects.create_user("visitor", email="visitor@example.cn")  # no role in any agency
    assert main(["reminders", "--as-of", TODAY]) == 0  # the clerk has work, but no address
    assert mail.outbox == [] and "已发送提醒 0 封" in capsys.readouterr().out


def test_without_a_mail_server_nothing_is_sent_and_the_command_says_why(clerk, capsys, settings):
    settings.EMAIL_HOST = ""
    assert main(["reminders"]) == 2
    assert "未配置邮件服务器" in capsys.readouterr().err and mail.outbox == []


def test_dry_run_prints_the_mails(clerk, make_case, capsys, settings):
    settings.EMAIL_HOST = ""
    clerk.email = "clerk@example.cn"
    clerk.save()
    overdue_case(make_case, clerk)
    assert main(["reminders", "--as-of", TODAY, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "收件人：clerk@example.cn" in out and "已逾期 1 件" in out and mail.outbox == []


def test_a_bad_date_is_refused_in_chinese(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["reminders", "--as-of", "2024-13-01"])
    assert exit_.value.code == 2 and "不是有效日期" in capsys.readouterr().err


def test_a_failing_mail_server_is_exit_2_with_a_message(
    mail_server, clerk, make_case, capsys, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    clerk.email = "clerk@example.cn"
    clerk.save()
    overdue_case(make_case, clerk)
    assert main(["reminders", "--as-of", TODAY]) == 2
    assert "邮件未能发送" in capsys.readouterr().err


def _letter(client, clerk, case):
    event = case.events.get(kind="correction_notice")
    client.force_login(clerk)
    return client.post(f"/office/notices/events/{event.pk}/letter/", follow=True)


def test_the_applicant_who_gave_an_address_gets_the_letter(mail_server, client, clerk, make_case):
    case = make_case(arrived_on=D(2024, 12, 2), contact="13800000000；zhang@example.cn")
    services.request_correction(
        case, D(2024, 12, 4), clerk, items="请写明文号", correction_due=D(2024, 12, 20)
    )
    page = _letter(client, clerk, case).content.decode()
    assert "已通过电子邮件发送给申请人：zhang@example.cn" in page
    (sent,) = mail.outbox
    assert sent.to == ["zhang@example.cn"] and "补正告知书" in sent.subject
    (name, body, kind) = sent.attachments[0]
    assert name.endswith(".docx") and body[:2] == b"PK"
    assert case.history.filter(action="以电子邮件发送文书").exists()


def test_no_address_or_no_server_sends_nothing(client, clerk, make_case, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_HOST = ""
    case = make_case(arrived_on=D(2024, 12, 2), contact="zhang@example.cn")
    services.request_correction(
        case, D(2024, 12, 4), clerk, items="请写明文号", correction_due=D(2024, 12, 20)
    )
    page = _letter(client, clerk, case).content.decode()
    assert "已生成并附入案卷" in page and "发送给申请人" not in page and mail.outbox == []
