"""Public pages; no login. Only published report versions are shown, never a draft, and no
applicant's data ever reaches these pages."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from gongkai.office.agencies.models import Agency
from gongkai.office.annual.models import ReportVersion
from gongkai.office.annual.publish import latest_versions
from gongkai.office.annual.snapshot import report_from_snapshot
from gongkai.office.applications.models import Channel
from gongkai.office.catalogue.public import open_consultations
from gongkai.office.catalogue.vocab import basic_catalogue
from gongkai.report.write import write


def index(request):
    agencies = Agency.objects.filter(is_active=True).order_by("parent_id", "name")
    roots = [
        a for a in agencies if a.parent_id is None or a.parent_id not in {b.pk for b in agencies}
    ]
    children = {}
    for a in agencies:
        children.setdefault(a.parent_id, []).append(a)
    return render(
        request, "portal/index.html", {"tree": [(r, children.get(r.pk, [])) for r in roots]}
    )


def agency(request, agency_id):
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    return render(
        request,
        "portal/agency.html",
        {
            "agency": agency,
            "reports": latest_versions(agency),
            "channels": Channel.choices,
            "catalogue_url": reverse("catalogue:public", args=[agency.pk]),
            "basic_catalogue": basic_catalogue(agency.kind),
            "own_categories": agency.own_categories.values_list("name", flat=True),
            "consultations": open_consultations(agency.pk, timezone.localdate()),
        },
    )


def annual_report(request, agency_id, year):
    """The published report as the HTML writer prints it (the latest version, or ?version=N)."""
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    versions = ReportVersion.objects.filter(report__agency=agency, report__year=year)
    number = request.GET.get("version")
    version = (
        versions.filter(number=number)
        if number and number.isdigit()
        else versions.order_by("-number")
    ).first()
    if version is None:
        raise Http404("该年度报告尚未发布")
    return HttpResponse(
        write(report_from_snapshot(version.snapshot), "html"),
        content_type="text/html; charset=utf-8",
    )
