"""Names the store's writer (loaders) and its readers share: disaggregation columns, datasets."""

from __future__ import annotations

# The disaggregation dimensions of the UN SDG Global Database, as columns of the store.
DIMENSIONS: tuple[str, ...] = (
    "sex",
    "age",
    "cause_of_death",
    "disability_status",
    "education_level",
    "grounds_of_discrimination",
    "illicit_financial_flows",
    "location",
    "name_of_international_institution",
    "observation_status",
    "parliamentary_committees",
    "population_group",
    "quantile",
    "service_attribute",
    "type_of_occupation",
)

# Every dataset a value can come from (the ``source`` column), as readers name it.
DATASETS: dict[str, str] = {
    "unsd-bundle": "UN Statistics Division, SDG Global Database (bundled snapshot)",
    "unsd-api": "UN Statistics Division, SDG Global Database (SDG API)",
    "wgi-bundle": "World Bank, Worldwide Governance Indicators (bundled snapshot)",
    "wb-api": "World Bank, Worldwide Governance Indicators (World Bank API)",
}
# The source's own date for the bundled snapshots (../shared/data/indicators/SOURCES.md): the
# data is that old whatever day it was loaded. API loads are as new as their load time.
RELEASES: dict[str, str] = {
    "unsd-bundle": "2023-12-17",  # Open Numbers' export of the SDG Global Database, that commit
    "wgi-bundle": "2024",  # the WGI 2024 release (values to 2023); the download day is unknown
}
