"""Sphinx configuration for the kttt documentation."""

from __future__ import annotations

import os
import sys

from importlib.metadata import version as _version
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent / "_ext"))


project = "kttt"
author = "The kttt developers"
copyright = "2026, The kttt developers"
release = _version("kttt")
version = release

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
    "sphinx_gallery.gen_gallery",
    "kttt_docs",
]
myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
# The gallery's notebooks are downloads, not pages (its .rst are).
exclude_patterns = ["_build", "gallery/*.ipynb"]

# Notebooks (the tutorials) run on every build: their tables and figures
# are always those of the code beside them. An error fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 300
nb_merge_streams = True

# The examples run on every build too, their output and figures shown.
sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "gallery",
    "filename_pattern": r".*\.py$",
    "abort_on_example_error": True,
    "only_warn_on_example_error": False,
    "download_all_examples": False,
    "write_computation_times": False,
    "show_signature": False,
    "show_memory": False,
    "remove_config_comments": True,
    "min_reported_time": 3600,
    "image_scrapers": ("matplotlib",),
    "matplotlib_animations": False,
}

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
        "pandas": ("https://pandas.pydata.org/docs/", None),
        "matplotlib": ("https://matplotlib.org/stable/", None),
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
        ("py:class", r"(.*\.)?(pd\.DataFrame|DataFrame|Axes|_Displayable)"),
    ]
