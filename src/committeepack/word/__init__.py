"""The Word layer: the only code that builds raw WordprocessingML.

Everything above it talks in paragraphs, runs, tables, lists, fields and styles:

- :mod:`.xml`: paragraphs with resolved styles, list numbering, hyperlinks, language, alt text;
- :mod:`.tables`: table rows, widths, header rows, shading and borders;
- :mod:`.blocks`: data tables, charts with captions and the table of contents;
- :mod:`.fields`: field codes (TOC, PAGE) and refreshing them;
- :mod:`.styles`: the house style's names, colours and style XML;
- :mod:`.revisions`: tracked insertions and deletions;
- :mod:`.docxtpl_compat`: docxtpl, imported with a fix for a namespace bug.
"""
