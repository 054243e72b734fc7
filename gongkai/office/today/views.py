"""今日工作: the page a person lands on after signing in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from . import worklist


@login_required
def start(request):
    work = worklist.for_user(request.user, timezone.localdate())
    return render(request, "today/start.html", {"work": work})
