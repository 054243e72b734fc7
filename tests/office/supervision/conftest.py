import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def upload(client):
    """Upload files (name → bytes) as the logged-in user; returns the response."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    def send(office, files):
        return client.post(
            f"/office/supervision/upload/?office={office.pk}",
            {"office": office.pk, "files": [SimpleUploadedFile(n, b) for n, b in files.items()]},
        )

    return send
