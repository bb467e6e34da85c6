"""Building and checking the course: curriculum, facts registry, data loading, self-checks, nbgrader authoring.

Used by maintainers (`make kursplan`, `make fakta`, `make exercises`) and, for facts, data and self-checks, by every notebook.
"""
