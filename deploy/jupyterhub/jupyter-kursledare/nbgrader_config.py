"""nbgrader for the instructor on the workshop hub (found through JUPYTER_CONFIG_PATH, set by the hub).

The course root is ~/kurs (handed out by the hub on the first start); nbgrader then also reads
~/kurs/nbgrader_config.py – the course's own configuration (Swedish stubs, feedback without hidden tests).
"""
import os

c = get_config()  # noqa: F821
c.CourseDirectory.root = os.path.join(os.path.expanduser("~"), "kurs")
c.CourseDirectory.course_id = os.environ.get("KURS_COURSE_ID", "gr-socialt-ansvarsfull-upphandling")
c.Exchange.root = os.environ.get("KURS_EXCHANGE", "/srv/nbgrader/exchange")
