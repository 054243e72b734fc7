"""今日工作: the page a person lands on after signing in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from gongkai.office.agencies import access
from gongkai.office.agencies.models import Role

from . import worklist


@login_required
def start(request):
    today = timezone.localdate()
    return render(
        request,
        "today/start.html",
        {
            "work": worklist.for_user(request.user, today),
            "is_admin": access.agencies_for(request.user, Role.ADMIN).exists(),
        },
    )
