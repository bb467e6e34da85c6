"""A stricter nbgrader exchange for the workshop hub (deploy/jupyterhub).

nbgrader's default ``submit`` leaves each submission world-readable and makes its folder world-writable
(0777), and relies on the folder's random name plus an unlistable ``inbound/`` to keep participants apart.
On the hub, ``inbound/`` belongs to the instructors' group and has the set-group-ID bit, so a new
submission folder inherits that group. :class:`GroupSubmit` then closes the submission to everybody
else: its folder becomes 0770 (owner + instructors' group, no access for others), so participant A
cannot enter it, and so can neither read nor change B's files, even if A learns the folder's name. The
files inside keep nbgrader's modes; the instructors collect and delete through the folder's group.

Where ``inbound/`` is not set up like that (a laptop, another exchange layout) nothing is changed, so
the instructor can always collect. Enable it for participants with::

    c.ExchangeFactory.submit = "upphandlingskurs.hub.exchange.GroupSubmit"
"""
from __future__ import annotations

import os
import stat

from nbgrader.exchange.default.submit import ExchangeSubmit

DIR_MODE = 0o770


def restrict_to_group(path: str, group_id: int) -> bool:
    """Close the folder ``path`` to all but its owner and ``group_id``. False (unchanged) if its group differs."""
    if os.stat(path).st_gid != group_id:
        return False
    os.chmod(path, DIR_MODE)
    return True


class GroupSubmit(ExchangeSubmit):
    """``nbgrader submit`` that hides the submission from other participants (see module docstring)."""

    def copy_files(self):
        super().copy_files()
        dest = os.path.join(self.inbound_path, self.assignment_filename)
        inbound = os.stat(self.inbound_path)
        if inbound.st_mode & stat.S_ISGID and restrict_to_group(dest, inbound.st_gid):
            self.log.info("Inlämningen kan bara läsas av dig och kursledarna.")
        else:
            self.log.debug("inbound/ has no instructors' group; kept nbgrader's default permissions")
