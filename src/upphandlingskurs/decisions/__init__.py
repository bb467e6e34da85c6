"""The decisions the course teaches: pure functions with the legal logic behind every widget and exercise.

Used by the widgets, the documents and the exercises' hidden tests; maintainers who keep the law right work here.
"""
