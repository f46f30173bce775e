"""Names vulture cannot see used (frameworks call them, or they document a contract).

Keep this short: anything else vulture reports is dead code to delete. (Not imported: each line
only "uses" a name for vulture.)
"""

# pydantic: class config and validators are called by the framework.
model_config
_.model_post_init
_._known_dimensions
_._unique_codes
# fpdf calls FPDF.footer on every page.
_.footer
# plotly template layout properties, set by assignment.
_.colorway
_.colorscale
_.font
# Change colours named for charts that judge progress (issue J).
GOOD, BAD, NEUTRAL
# The importer contract the format modules rename their columns to (documented in validate.py).
RAW_FIELDS
# A Timing field; a name used inside a pandas ``query`` string.
_.runs
region_code
# pytest hooks, and fixtures a test requests for their side effect only.
pytest_configure
pytest_collection_modifyitems
state_db
two_countries
