from django.urls import path

from . import views

urlpatterns = [
    path("", views.appeal_list, name="appeal_list"),
    path("cases/", views.case_options, name="appeal_case_options"),
    path("new/", views.appeal_edit, name="appeal_new"),
    path("<int:pk>/", views.appeal_edit, name="appeal_edit"),
    path("<int:pk>/void/", views.appeal_void, name="appeal_void"),
]
