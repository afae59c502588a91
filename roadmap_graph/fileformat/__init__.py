"""The roadmap file format (``schema_version: 1``): the pydantic models (:mod:`.model`),
reading text with positions (:mod:`.parsing`), the checks across files (:mod:`.validation`),
loading (:mod:`.loading`), writing YAML back (:mod:`.writing`), the JSON Schema
(:mod:`.schema`) and where the bundled roadmap lives (:mod:`.bundled`)."""

from . import bundled as _bundled  # noqa: F401  (registers the bundled files as protected outputs)
