"""Sphinx configuration for the kttt documentation."""

from __future__ import annotations

import os

from importlib.metadata import version as _version


project = "kttt"
author = "The kttt developers"
copyright = "2026, The kttt developers"
release = _version("kttt")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
]
myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = f"kttt {release}"

default_role = "any"
nitpicky = True
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

doctest_global_setup = """
import kttt
from kttt import *
"""

# No network at build time: intersphinx only when asked for.
if os.environ.get("DOCS_INTERSPHINX") == "1":
    extensions.append("sphinx.ext.intersphinx")
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "attrs": ("https://www.attrs.org/en/stable/", None),
        "cattrs": ("https://catt.rs/en/stable/", None),
        "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", None),
    }
else:
    nitpick_ignore_regex = [
        (
            "(py:.*|any)",
            (
                r"(datetime|decimal|fractions|pendulum|typing|typing_extensions"
                r"|collections\.abc|attrs|attr|cattrs|hypothesis|enum|io|csv"
                r"|pathlib|os|json|types|abc|st)(\..*)?"
            ),
        ),
        (
            "(py:class|any)",
            (
                r"(.*\.)?(Decimal|Fraction|Date|DateTime|Path|T|E|Self|Enum"
                r"|None|True|False|InvalidArgument|SearchStrategy)"
            ),
        ),
        ("py:class", r"(SearchStrategy|Converter|TextIOBase|StrPath)"),
    ]
