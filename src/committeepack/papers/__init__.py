"""One module per paper. Each declares NAME, TEMPLATE, OUTPUT and DESCRIPTION, and provides
``load(project)``, ``context(tpl, inputs, project)``, ``document_title(inputs)`` and
``make_template(config)``."""

from . import agenda_item, data_on_a_page, plan, strategic_assessment

PAPERS = {
    module.NAME: module for module in (agenda_item, strategic_assessment, data_on_a_page, plan)
}
