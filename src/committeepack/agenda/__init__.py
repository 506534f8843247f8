"""The agenda pack: the front sheet, the minutes of the previous meeting, and the pack itself.

- :mod:`.settings`: the ``[agenda]`` configuration, checked, as values;
- :mod:`.minutes`: the minutes of the previous meeting, read from Markdown and written as Word;
- :mod:`.front_sheet`: the front sheet's template and its rendering with the page ranges;
- :mod:`.pack`: the parts in agenda order, composed into one document, and checked against
  the PDF LibreOffice makes of it.
"""
