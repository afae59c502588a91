"""fileformat"""

from . import bundled as _bundled  # noqa: F401  (registers the bundled files as protected outputs)
