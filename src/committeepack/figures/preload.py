"""Imported by the fork server that drawing processes start from (see :mod:`.drawer`): loads
matplotlib once, so every drawing process forked from the server starts with it."""

from .charts import warm_up

warm_up()
