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
# Unused on main when the layers landed; their owners (G, H, I) are still landing in steps.
wait_for_charts
INCIDENT_PAGES
_.page_file
page_file
API_STATUSES, API_COLUMNS, NOTES
# A Timing field; a name used inside a pandas ``query`` string.
_.runs
region_code
# The ASGI app serve.py exposes to its server.
app
# pytest hooks and conftest variables, and fixtures a test requests for their side effect only.
pytest_configure
collect_ignore
empty_bundle
pytest_collection_modifyitems
state_db
two_countries
