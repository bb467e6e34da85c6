"""Documents participants take home: outlines written as .docx, .md or .html, and charts with alt text.

Used by the widgets that let a participant save an IOP outline or an action plan, and by module 04's charts.
"""
