"""Per kind, a table of cases the scanner must flag and look-alikes it must not (sqlfluff-style):
each case is a text and the values the scanner must report in it, masked."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from gongkai.review import scan_text
from gongkai.review.flags import BANK_CARD, ID_NUMBER, MOBILE, OCR_MISREAD, SECRECY_MARK

from .values import bad_luhn, card, credit_code, id_number, mobile, wrong_check

R = random.Random(20241)
ID = id_number(R)
ID_X = next(n for n in (id_number(R) for _ in range(500)) if n.endswith("X"))
OLD_COUNTY = id_number(R, dt.date(1962, 3, 5), "420103")  # 江汉区's code dates from 1983
PHONE = mobile(R)
UNIONPAY = card(R, "622202", 19)
UNIONPAY16 = card(R, "622588", 16)
ICBC_OLD = card(R, "9558", 19)
VISA = card(R, "4367", 16)
MASTERCARD = card(R, "5412", 16)
UNKNOWN_PREFIX = card(R, "8888", 16)
GANSU_LOOKALIKE = next(
    w
    for w in (wrong_check(id_number(R, county="620102")) for _ in range(500))
    if __import__("stdnum.luhn").luhn.is_valid(w)
)  # an 18-digit 甘肃 number with a wrong ID check digit that passes Luhn
USCC_DIGITS = next(
    c for c in (credit_code(R, digits_only=True) for _ in range(200)) if c[-1].isdigit()
)


def spaced(n: str, groups: tuple[int, ...]) -> str:
    out, at = [], 0
    for g in groups:
        out.append(n[at : at + g])
        at += g
    return " ".join(out)


def masked(n: str, keep: int = 4) -> str:
    return n[:keep] + "*" * (len(n) - 2 * keep) + n[-keep:]


CASES = [
    # (case id, text, [(kind, value_masked)])
    ("id in prose", f"申请人李某，身份证号码{ID}，住某村。", [(ID_NUMBER, masked(ID))]),
    ("id ending in X", f"证件号：{ID_X}", [(ID_NUMBER, masked(ID_X))]),
    ("id lower-case x", f"证件号：{ID_X.lower()}", [(ID_NUMBER, masked(ID_X.lower()))]),
    (
        "id in full-width digits",
        "号码" + ID.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
        [(ID_NUMBER, None)],
    ),
    ("id in groups 6-8-4", f"身份证 {spaced(ID, (6, 8, 4))}", [(ID_NUMBER, None)]),
    ("id older than its county code", f"{OLD_COUNTY}", [(ID_NUMBER, masked(OLD_COUNTY))]),
    ("id in a table row", f"1\t张三\t{ID}\t男", [(ID_NUMBER, masked(ID))]),
    (
        "15-digit id after its label",
        f"身份证号：{ID[:6]}{ID[8:14]}{ID[14:17]}",
        [(ID_NUMBER, None)],
    ),
    ("wrong check digit", f"编号{wrong_check(ID)}", []),
    ("18 digits, no real birth date", "流水号420103199913451234", []),
    (
        "birth date in the future",
        f"编号{id_number(R, dt.date.today() + dt.timedelta(days=400))}",
        [],
    ),
    ("id inside a longer number", f"订单号9{ID}1", []),
    ("15 digits without a label", f"订单号{ID[:6]}{ID[8:17]}", []),
    ("统一社会信用代码", f"统一社会信用代码：{credit_code(R)}", []),
    ("统一社会信用代码 of digits only", f"统一社会信用代码 {USCC_DIGITS}", []),
    ("文号", "鄂政办发〔2024〕12号、竹政发[2023]5号", []),
    ("dates and amounts", "2024年1月1日至2024年12月31日，支出1234567.89元，20240101", []),
    (
        "mobile in prose",
        f"联系人：王某，电话{PHONE}。",
        [(MOBILE, PHONE[:3] + "****" + PHONE[-4:])],
    ),
    (
        "mobile with hyphens",
        f"手机 {PHONE[:3]}-{PHONE[3:7]}-{PHONE[7:]}",
        [(MOBILE, f"{PHONE[:3]}-****-{PHONE[7:]}")],
    ),
    (
        "mobile with +86",
        f"+86 {PHONE[:3]} {PHONE[3:7]} {PHONE[7:]}",
        [(MOBILE, f"+86 {PHONE[:3]} **** {PHONE[7:]}")],
    ),
    ("office line", "咨询电话：0719-4221234，传真 0719-4225678", []),
    ("hotline numbers", "政务服务便民热线12345，400-123-4567", []),
    ("11 digits that are no mobile", "编号10012345678、12012345678", []),
    ("mobile digits inside a serial", f"合同编号2024{PHONE}01", []),
    ("16-digit serial starting 11", "编号1180617612082509", []),
    ("unionpay debit card", f"开户行某银行，卡号{UNIONPAY}", [(BANK_CARD, masked(UNIONPAY))]),
    ("unionpay card without a label", f"{UNIONPAY16}", [(BANK_CARD, masked(UNIONPAY16))]),
    ("card in groups of four", f"账户 {spaced(UNIONPAY, (4, 4, 4, 4, 3))}", [(BANK_CARD, None)]),
    ("legacy ICBC card", f"{ICBC_OLD}", [(BANK_CARD, masked(ICBC_OLD))]),
    ("visa credit card", f"信用卡 {VISA}", [(BANK_CARD, masked(VISA))]),
    ("mastercard after 账号", f"还款账号：{MASTERCARD}", [(BANK_CARD, masked(MASTERCARD))]),
    ("visa-shaped serial without a label", f"经核查，{VISA}项目已完成", []),
    ("mastercard-shaped serial after 流水号", f"流水号{MASTERCARD}", []),
    ("unionpay-shaped serial after 编号", f"受理编号：{UNIONPAY}", []),
    ("card label then a serial label", f"银行卡业务 凭证号{UNIONPAY}", []),
    (
        "unknown prefix after a card label",
        f"银行卡号：{UNKNOWN_PREFIX}",
        [(BANK_CARD, masked(UNKNOWN_PREFIX))],
    ),
    ("unknown prefix, no label", f"流水号{UNKNOWN_PREFIX}", []),
    ("card with a wrong Luhn digit", f"卡号{bad_luhn(UNIONPAY)}", []),
    ("甘肃 ID look-alike passing Luhn", f"编号{GANSU_LOOKALIKE}", []),
    ("a valid 甘肃 ID is an ID only", f"{id_number(R, county='620102')}", [(ID_NUMBER, None)]),
    ("order number of 19 digits", "订单号2024011312345678901", []),
    ("秘密★1年", "秘密★1年\n关于某事项的通知", [(SECRECY_MARK, "秘密★1年")]),
    ("机密★长期", "机密 ★ 长期", [(SECRECY_MARK, "机密 ★ 长期")]),
    ("绝密★启用前", "绝密★启用前", [(SECRECY_MARK, "绝密★启用前")]),
    ("秘密★ alone", "秘密★", [(SECRECY_MARK, "秘密★")]),
    ("level and period with a dot", "机密·5年", [(SECRECY_MARK, "机密·5年")]),
    ("密级 field", "密级：秘密  紧急程度：特急", [(SECRECY_MARK, "密级：秘密")]),
    ("内部资料 注意保存", "内部资料  注意保存", [(SECRECY_MARK, "内部资料  注意保存")]),
    ("内部资料 on its own line", "简报\n（内部资料）\n第3期", [(SECRECY_MARK, "内部资料")]),
    ("内部文件 请勿外传", "内部文件，请勿外传", [(SECRECY_MARK, "内部文件，请勿外传")]),
    ("注意保存 anywhere", "本材料注意保存", [(SECRECY_MARK, "注意保存")]),
    ("letter-spaced mark", "秘 密 ★ 1 年", [(SECRECY_MARK, "秘 密 ★ 1 年")]),
    ("letter-spaced 内部资料", "内 部 资 料", [(SECRECY_MARK, "内 部 资 料")]),
    ("国家秘密 in legal text", "涉及国家秘密的不予公开。依法确定为国家秘密的政府信息", []),
    ("商业秘密 in legal text", "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的", []),
    ("the three levels named", "国家秘密的密级分为绝密、机密、秘密三级", []),
    ("内部文件 in prose", "申请公开的信息属于内部文件，依据条例第十六条不予公开", []),
    ("内部资料 in prose", "该册子为内部资料性出版物的管理办法", []),
    ("秘密 as a word", "机密性、秘密地进行", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_case(text, expected):
    flags = scan_text(text)
    assert [f.kind for f in flags] == [k for k, _ in expected]
    for f, (_, value) in zip(flags, expected):
        if value is not None:
            assert f.value_masked == value
        assert text[f.start : f.end].replace(" ", "") or f.kind == SECRECY_MARK


def test_flags_point_at_their_line_and_value():
    text = f"第一行\n第二行 {PHONE}\n\n第四行 身份证 {ID}"
    flags = scan_text(text)
    assert [(f.kind, f.line) for f in flags] == [(MOBILE, 2), (ID_NUMBER, 4)]
    assert [text[f.start : f.end] for f in flags] == [PHONE, ID]
    assert all(f.page is None for f in flags)


OCR_CASES = [
    # (case id, text read by OCR, [(kind, detail)]); none of the misreads is flagged in text
    ("id with a misread digit", f"身份证{wrong_check(ID)}", [(ID_NUMBER, OCR_MISREAD)]),
    ("card with a misread digit", f"卡号{bad_luhn(UNIONPAY)}", [(BANK_CARD, OCR_MISREAD)]),
    ("a valid id is no misread", f"身份证{ID}", [(ID_NUMBER, "")]),
    ("18 digits with no birth date", "编号420103199913451234", []),
    ("a wrong Luhn digit of another issuer", f"编号{bad_luhn(VISA)}", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in OCR_CASES], ids=[c[0] for c in OCR_CASES])
def test_ocr_case(text, expected):
    assert [(f.kind, f.detail) for f in scan_text(text, ocr=True)] == expected
    misreads = [e for e in expected if e[1] == OCR_MISREAD]
    assert len(scan_text(text)) == len(expected) - len(misreads)
