"""The workshop server (deploy/jupyterhub): spawner with cgroup limits, accounts tool and nbgrader exchange.

Used by GR's IT when they install and run the JupyterHub; participants and the course notebooks never import it.
"""
