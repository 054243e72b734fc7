"""Root URLs: /office/ the ledger and the annual report (staff), /admin/ Django admin, / the public portal."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gongkai.office.api.api import api

urlpatterns = [
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
