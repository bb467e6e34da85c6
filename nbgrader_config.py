"""nbgrader configuration for the course (KURSDESIGN §3, §5).

Sources live in solutions/<modul>/, generated participant versions in exercises/<modul>/.
Participant data (submitted/, autograded/, feedback/, gradebook.db) is ignored by git.
"""
import os
from textwrap import dedent

c = get_config()  # noqa: F821  (provided by nbgrader)

# --- course --------------------------------------------------------------------------------
c.CourseDirectory.course_id = os.environ.get("KURS_COURSE_ID", "gr-socialt-ansvarsfull-upphandling")
c.CourseDirectory.root = os.environ.get("KURS_ROOT", os.path.dirname(os.path.abspath(__file__)))
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# The gradebook: the one place its address is set (nbgrader, formgrader and `kurs` all read it here).
# Default: an SQLite file next to this config (gradebook.db is in .gitignore). With several instructors
# set KURS_DB_URL=postgresql+psycopg2://USER:PASSWORD@SERVER/DATABASE (pip install '.[postgres]').
c.CourseDirectory.db_url = os.environ.get(
    "KURS_DB_URL", "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")
)

# --- stubs in Swedish ------------------------------------------------------------------------
c.ClearSolutions.code_stub = {"python": "# SKRIV DITT SVAR HÄR"}
c.ClearSolutions.text_stub = "SKRIV DITT SVAR HÄR (dubbelklicka på cellen för att skriva)."

# --- execution ----------------------------------------------------------------------------
c.Execute.timeout = 60           # seconds per cell; an endless loop fails the cell, not the batch
c.Execute.allow_errors = True
c.Execute.interrupt_on_timeout = True

# --- grading ------------------------------------------------------------------------------
# A participant who deletes a grade cell gets it back (with zero points) instead of breaking grading.
c.CheckCellMetadata.enabled = True
c.Autograde.create_student = True
c.LockCells.lock_all_cells = False
c.LockCells.lock_grade_cells = True
c.LockCells.lock_readonly_cells = True
c.LockCells.lock_solution_cells = False
c.SaveAutoGrades.enabled = True
c.OverwriteCells.enabled = True
c.OverwriteCells.add_missing_cells = True
# A Python comment, so that a re-added code cell still runs.
c.OverwriteCells.missing_cell_notification = (
    "# Cellen {cell_id} saknades i inlämningen och lades tillbaka vid rättningen.\n"
)

# Feedback without the hidden tests.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# --- validation messages in Swedish --------------------------------------------------------
c.Validator.failed_warning = dedent(
    """
    KONTROLLEN HITTADE PROBLEM I {num_failed} CELL(ER). Lämnar du in nu får du inte full poäng.
    Läs meddelandena ovan, rätta svaren och validera igen.
    """
).strip() + "\n"
c.Validator.changed_warning = dedent(
    """
    INNEHÅLLET I {num_changed} TESTCELL(ER) HAR ÄNDRATS. Testcellerna ersätts vid rättningen,
    så dina ändringar där räknas inte. Ladda ner uppgiften på nytt om du är osäker.
    """
).strip() + "\n"
c.Validator.type_changed_warning = dedent(
    """
    CELLTYPEN HAR ÄNDRATS I {num_changed} CELL(ER). Det kan göra att svaren inte går att rätta.
    """
).strip() + "\n"
c.Validator.passed_warning = "NOTEBOOKEN KLARAR {num_passed} TESTCELL(ER).\n"

# --- exchange (used on a JupyterHub; see deploy/) ------------------------------------------
c.Exchange.root = os.environ.get("KURS_EXCHANGE", "/srv/nbgrader/exchange")
