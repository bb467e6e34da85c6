import json

from upphandlingskurs.labsetup import overrides_path, write_overrides


def test_news_and_update_checks_are_switched_off(tmp_path):
    path = write_overrides(tmp_path)
    assert path == overrides_path(tmp_path)
    data = json.loads(path.read_text())
    assert data["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert data["@jupyterlab/apputils-extension:notification"]["checkForUpdates"] is False


def test_existing_overrides_are_kept(tmp_path):
    path = overrides_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}')
    data = json.loads(write_overrides(tmp_path).read_text())
    assert data["@jupyterlab/apputils-extension:themes"]["theme"] == "JupyterLab Dark"
    assert "@jupyterlab/apputils-extension:notification" in data


def test_corrupt_overrides_file_is_replaced(tmp_path):
    path = overrides_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("{inte json")
    assert "fetchNews" in write_overrides(tmp_path).read_text()
