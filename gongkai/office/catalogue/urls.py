"""Office pages under /office/catalogue/, public ones under /catalogue/ (one namespace)."""

from django.urls import path

from . import imports, participation, public, setup_views, table1_views, views

app_name = "catalogue"
urlpatterns = [
    path("office/catalogue/", views.home, name="home"),
    path("office/catalogue/<int:agency_id>/", views.agency_items, name="agency"),
    path("office/catalogue/<int:agency_id>/new/", views.item_new, name="new"),
    path("office/catalogue/<int:agency_id>/setup/", setup_views.setup, name="setup"),
    path(
        "office/catalogue/category/<int:pk>/toggle/",
        setup_views.category_toggle,
        name="category_toggle",
    ),
    path("office/catalogue/item/<int:pk>/", views.item_detail, name="item"),
    path("office/catalogue/item/<int:pk>/edit/", views.item_edit, name="edit"),
    path("office/catalogue/item/<int:pk>/<slug:action>/", views.item_action, name="action"),
    path("office/catalogue/file/<int:pk>/", views.attachment_file, name="file"),
    path("office/catalogue/file/<int:pk>/withdraw/", views.attachment_withdraw, name="withdraw"),
    path("office/catalogue/flag/<int:pk>/settle/", views.flag_settle, name="settle"),
    path(
        "office/catalogue/<int:agency_id>/consultations/",
        participation.consultations,
        name="consultations",
    ),
    path(
        "office/catalogue/consultation/<int:pk>/", participation.consultation, name="consultation"
    ),
    path("office/catalogue/<int:agency_id>/concerns/", participation.concerns, name="concerns"),
    path(
        "office/catalogue/concern/<int:pk>/respond/",
        participation.concern_respond,
        name="concern_respond",
    ),
    path("office/catalogue/<int:agency_id>/import/<slug:kind>/", imports.upload, name="import"),
    path("office/catalogue/<int:agency_id>/export.xlsx", imports.export_xlsx, name="export"),
    path("office/catalogue/<int:agency_id>/table1/<int:year>/", table1_views.table1, name="table1"),
    path(
        "office/catalogue/<int:agency_id>/table1/<int:year>/<str:key>/",
        table1_views.behind,
        name="table1_items",
    ),
    path("catalogue/<int:agency_id>/", public.catalogue, name="public"),
    path("catalogue/<int:agency_id>/catalogue.<str:kind>", public.download, name="download"),
    path(
        "catalogue/<int:agency_id>/consultation/<int:pk>/",
        participation.public_consultation,
        name="public_consultation",
    ),
    path("catalogue/<int:agency_id>/item/<int:pk>/", public.item, name="public_item"),
    path("catalogue/<int:agency_id>/file/<int:pk>/", public.attachment, name="public_file"),
]
