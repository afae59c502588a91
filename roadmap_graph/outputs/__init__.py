"""Writing output files: one atomic writer that never replaces an input roadmap.

Every command that writes a file (``draw``, ``export``, ``explore``, ``report``, ``schema``)
goes through :func:`write_files` or :func:`write_file`; :func:`protect_file` registers a file
no output may replace (the loader calls it for every file it reads); :func:`check_outputs`
refuses a bad path before slow work (drawing, a report) rather than after it.
"""

from .protected import protect_file
from .writer import Content, check_outputs, write_file, write_files

__all__ = ["Content", "check_outputs", "protect_file", "write_file", "write_files"]
