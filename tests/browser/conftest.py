"""The browser fixtures, registered once for every browser test module.

Imported into each test module instead, a session fixture becomes one instance per module, and the second
module's sync_playwright() then fails inside the first one's running loop. Here there is one Playwright, one
Chromium and one JupyterLab for the whole worker (the browser tests share one worker: tests/plugins/testgroups.py).
"""
from browserlab import artefacts, axe_source, browser, chromium_path, lab_server, playwright_api  # noqa: F401
