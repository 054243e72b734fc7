"""Root URLs: /office/ the ledger and the annual report (staff), /admin/ Django admin, / the public portal."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from gongkai.office.api.api import api

urlpatterns = [
    # a browser asks for /favicon.ico where a page names no icon (a PDF, an error page)
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("office/annual/", include("gongkai.office.annual.urls")),
    path("office/appeals/", include("gongkai.office.appeals.urls")),
    path("office/staff/", include("gongkai.office.agencies.urls")),
    path("office/today/", include("gongkai.office.today.urls")),
    path("office/supervision/", include("gongkai.office.supervision.urls")),
    path("office/", include("gongkai.office.applications.urls")),
    path("api/v1/", api.urls),
    path("office/api/", include("gongkai.office.api.urls")),
    path("office/notices/", include("gongkai.office.notices.urls")),
    path("", include("gongkai.office.catalogue.urls")),
    path("", include("gongkai.office.portal.urls")),
]
