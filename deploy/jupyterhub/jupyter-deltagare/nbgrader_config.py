"""nbgrader for participants on the workshop hub (found through JUPYTER_CONFIG_PATH, set by the hub).

Participants only fetch, submit and fetch feedback (Nbgrader -> Assignment List); they have no gradebook.
"""
import os

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = os.environ.get("KURS_COURSE_ID", "gr-socialt-ansvarsfull-upphandling")
c.Exchange.root = os.environ.get("KURS_EXCHANGE", "/srv/nbgrader/exchange")
# Submissions are closed to other participants (owner + instructors' group only).
c.ExchangeFactory.submit = "upphandlingskurs.hub.exchange.GroupSubmit"
