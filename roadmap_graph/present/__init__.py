"""How results reach people and other tools: text, CSV and HTML tables rendered from each
result's table description (:mod:`.tables`), the HTML report (:mod:`.report`), the explorer
page (:mod:`.explorer`; templates and assets in ``assets/``, loaded by :mod:`.templates`)
and the export formats (:mod:`.export`, :mod:`.exports`)."""
