"""Names vulture cannot see used because a framework calls or reads them.

Keep this to framework-called names: anything else vulture reports is dead code to delete.
(Not imported: each line only "uses" a name for vulture.)
"""

# pydantic: class config and hooks are read by the framework (validators: ignore_decorators).
model_config
_.model_post_init
# fpdf calls FPDF.footer on every page.
_.footer
# plotly template layout properties, set by assignment.
_.colorway
_.colorscale
_.font
# The ASGI app serve.py exposes to its server.
app
# pytest hooks, conftest and module variables pytest reads.
pytest_configure
collect_ignore
pytest_collection_modifyitems
pytestmark
