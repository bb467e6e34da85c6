"""Course package for the self-paced course on socially responsible public procurement and IOP.

Public, notebook-facing helpers are re-exported here so that notebooks stay thin:

    from upphandlingskurs import fakta, check_answer
"""
from upphandlingskurs.fakta import fakta
from upphandlingskurs.selfcheck import check_answer

__all__ = ["fakta", "check_answer"]
__version__ = "0.1.0"
