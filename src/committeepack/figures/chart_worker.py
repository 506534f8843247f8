"""Imported once by the fork server the drawing processes start from (see
:func:`.chart_cache._drawing_context`): loads matplotlib, so every worker starts with it."""

from .charts import _pyplot

_pyplot()
