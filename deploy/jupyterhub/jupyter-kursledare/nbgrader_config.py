"""nbgrader for the instructor on the workshop hub (found through JUPYTER_CONFIG_PATH, set by the hub).

The course root is ~/kurs (handed out by the hub on the first start); nbgrader then also reads
~/kurs/nbgrader_config.py – the course's own configuration (Swedish stubs, feedback without hidden tests).
"""
import os

c = get_config()  # noqa: F821
c.CourseDirectory.root = os.path.join(os.path.expanduser("~"), "kurs")
c.CourseDirectory.course_id = os.environ.get("KURS_COURSE_ID", "gr-socialt-ansvarsfull-upphandling")
c.Exchange.root = os.environ.get("KURS_EXCHANGE", "/srv/nbgrader/exchange")

# Autograde in formgrader runs the participants' code in the instructor's server, as the instructor.
# Run it in the course's sandbox instead (bubblewrap: no access to the gradebook, solutions/, submitted/
# or the instructor's files; no network; limited memory and time) – as `kurs rätta` does.
from nbgrader.converters import Autograde  # noqa: E402
from nbgrader.preprocessors import Execute  # noqa: E402

c.Autograde.autograde_preprocessors = [
    "upphandlingskurs.grading.sandbox.SandboxedExecute" if p is Execute else p
    for p in Autograde.class_traits()["autograde_preprocessors"].default()
]
