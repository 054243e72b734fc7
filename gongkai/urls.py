"""Root URLs: /office/ the ledger (staff), /admin/ Django admin, the portal (engineer B) at /."""
from importlib.util import find_spec

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("office/appeals/", include("gongkai.office.appeals.urls")),
    path("office/", include("gongkai.office.applications.urls")),
]

# engineer B's apps join once they exist (they are built at the same time as these)
if "gongkai.office.annual" in settings.INSTALLED_APPS and find_spec("gongkai.office.annual.urls"):
    urlpatterns.insert(3, path("office/annual/", include("gongkai.office.annual.urls")))
if "gongkai.office.portal" in settings.INSTALLED_APPS and find_spec("gongkai.office.portal.urls"):
    urlpatterns.append(path("", include("gongkai.office.portal.urls")))
else:
    urlpatterns.append(path("", RedirectView.as_view(pattern_name="case_list", permanent=False)))
