"""The shapes the API returns, as they appear in its OpenAPI schema."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import ConfigDict

Value = int | float | None  # spec/cells.md: a number as printed, null for blank and "/"


class Agency(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    parent_id: int | None


class PublishedReport(Schema):
    year: int
    version: int
    published_on: dt.date
    reason: str
    cells_url: str
    full_url: str


class Cells(Schema):
    """spec/cells.md (a report in another format also carries `format` and its own table 1)."""

    model_config = ConfigDict(extra="allow")
    agency: str
    year: int
    table1: list[Value]
    table2: list[list[Value]]
    table3: list[Value]
    notes: str | None = None


class CatalogueItem(Schema):
    """One published item (gongkai.office.catalogue.open_data.FIELDS); a missing date is null."""

    index_no: str
    title: str
    category: str
    doc_type: str
    doc_number: str
    formed_on: dt.date
    published_on: dt.date
    summary: str
    repealed_on: dt.date | None
    expired_on: dt.date | None
    interprets: str | None
    url: str


class CataloguePage(Schema):
    count: int
    page: int
    pages: int
    items: list[CatalogueItem]


class Event(Schema):
    on: dt.date
    kind: str
    kind_label: str
    data: dict


class Applicant(Schema):
    """条例第二十九条's identity fields: only for the holding agency's staff."""

    name: str
    id_number: str
    contact: str


class Case(Schema):
    id: int
    agency_id: int
    agency: str
    number: str
    channel: str
    channel_label: str
    arrived_on: dt.date
    received_on: dt.date | None
    applicant_category: str
    applicant_category_label: str
    applicant: Applicant | None
    request_text: str
    status: str
    status_label: str
    due_on: dt.date | None
    outcome: str
    outcome_label: str
    concluded_on: dt.date | None


class CasePage(Schema):
    count: int
    page: int
    pages: int
    items: list[Case]


class CaseDetail(Case):
    events: list[Event]


class Message(Schema):
    detail: str
