"""The instructor's grading workflow behind `kurs`: release, collect, autograde in a sandbox, feedback, export.

Used by instructors through the `kurs` command (cli.py) and by Formgrader on the hub (the sandboxed Execute).
"""
