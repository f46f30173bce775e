"""Names vulture cannot see used (frameworks call them, or they document a contract).

Keep this short: anything else vulture reports is dead code to delete. (Not imported: each line
only "uses" a name for vulture.)
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
# Change colours named for charts that judge progress (issue J).
GOOD, BAD, NEUTRAL
# Documented vocabularies: the importers' column contract (validate.py), the progress codes
# and columns of issue J (services/analytics).
RAW_FIELDS
API_STATUSES, API_COLUMNS, NOTES
# A Timing field; a name used inside a pandas ``query`` string.
_.runs
region_code
# pytest hooks, and fixtures a test requests for their side effect only.
pytest_configure
pytest_collection_modifyitems
state_db
two_countries
