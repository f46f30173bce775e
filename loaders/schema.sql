-- The store's schema. Created by loaders/store.py, the only writer; everything else reads.

CREATE TABLE IF NOT EXISTS geo (
    geo_id       VARCHAR PRIMARY KEY,  -- ISO3 for countries, 'UN' + M49 for aggregates
    m49          INTEGER,
    iso3         VARCHAR,
    iso2         VARCHAR,
    name         VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN ('country', 'aggregate', 'subnational')),
    un_region    VARCHAR,
    un_subregion VARCHAR,
    wb_region    VARCHAR,
    income_group VARCHAR,
    ldc          BOOLEAN,
    lldc         BOOLEAN,
    sids         BOOLEAN
);

CREATE TABLE IF NOT EXISTS series (
    series_code VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,      -- dataset code, see loaders/base.py DATASETS
    indicator   VARCHAR,
    description VARCHAR,
    unit        VARCHAR,
    preference  INTEGER NOT NULL,      -- lower is shown first when a series has several sources
    load_id     INTEGER NOT NULL,
    PRIMARY KEY (series_code, source)
);

CREATE TABLE IF NOT EXISTS observation (
    source      VARCHAR NOT NULL,
    series_code VARCHAR NOT NULL,
    geo_id      VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    value       DOUBLE NOT NULL,
    value_text  VARCHAR NOT NULL,      -- the value exactly as the source wrote it
    unit        VARCHAR,
    nature      VARCHAR,               -- C country data, CA adjusted, E estimated, M modelled, ...
    sex VARCHAR, age VARCHAR, cause_of_death VARCHAR, disability_status VARCHAR,
    education_level VARCHAR, grounds_of_discrimination VARCHAR, illicit_financial_flows VARCHAR,
    location VARCHAR, name_of_international_institution VARCHAR, observation_status VARCHAR,
    parliamentary_committees VARCHAR, population_group VARCHAR, quantile VARCHAR,
    service_attribute VARCHAR, type_of_occupation VARCHAR,
    load_id     INTEGER NOT NULL
);

-- Borders the maps draw (loaders/shapes.py): the app reads them here, never from the bundle.
CREATE TABLE IF NOT EXISTS shape (
    kind     VARCHAR NOT NULL CHECK (kind IN ('country', 'admin1')),
    geo_id   VARCHAR NOT NULL,     -- store country id, or ISO 3166-2 for admin-1 areas
    country  VARCHAR NOT NULL,     -- ISO3 the shape belongs to
    name     VARCHAR NOT NULL,
    props    VARCHAR NOT NULL,     -- JSON: other names (local, Arabic) for matching imports
    geometry VARCHAR NOT NULL,     -- GeoJSON geometry, lon/lat (WGS 84)
    PRIMARY KEY (kind, geo_id)
);

CREATE TABLE IF NOT EXISTS load_log (
    load_id     INTEGER NOT NULL,
    source      VARCHAR NOT NULL,      -- the loader: bundle, unsdg, worldbank, ...
    location    VARCHAR,               -- file path or URL
    started_at  TIMESTAMP NOT NULL,     -- UTC
    finished_at TIMESTAMP NOT NULL,     -- UTC
    rows_loaded BIGINT,
    checksum    VARCHAR,               -- sha256 of the file or response bodies
    outcome     VARCHAR NOT NULL CHECK (outcome IN ('ok', 'failed')),
    message     VARCHAR
);

-- Incident reports (crowd-sourced and security events). Keyed by (source, source_id): a
-- re-import of the same rows is a no-op. Coordinates and text never leave the query layer
-- for roles below analyst (sdg16/privacy.py).
CREATE TABLE IF NOT EXISTS incident (
    source        VARCHAR NOT NULL,    -- harassmap, template, ushahidi, kobo, ucdp, synthetic
    source_id     VARCHAR NOT NULL,
    occurred_at   TIMESTAMP NOT NULL,
    reported_at   TIMESTAMP,
    country       VARCHAR NOT NULL,    -- ISO3
    admin1        VARCHAR,             -- ISO 3166-2, e.g. EG-C
    admin2        VARCHAR,             -- district or city as reported
    place_name    VARCHAR,
    lat DOUBLE, lon DOUBLE,
    incident_types VARCHAR[] NOT NULL, -- codes of loaders/incidents/taxonomy.yaml
    place_type    VARCHAR NOT NULL,
    institution   VARCHAR,
    reporter_role VARCHAR,             -- target, witness or NULL
    gender VARCHAR, age_group VARCHAR,
    description   VARCHAR,             -- free text: analysts only
    verification  VARCHAR NOT NULL,    -- unverified, verified, ...
    synthetic     BOOLEAN NOT NULL,
    h3_5 UBIGINT, h3_7 UBIGINT, h3_9 UBIGINT,  -- H3 cells computed at import
    type_mask     BIGINT,              -- one bit per type (incident_type_bit), set at import
    load_id       INTEGER NOT NULL
);

-- incident_type_bit and incident_cube (counts per country, admin1, month and view dimension)
-- are written with every import by loaders/incidents/cube.py.

-- Rows that loaded with a correction (the point's admin area won over the stated one).
CREATE TABLE IF NOT EXISTS incident_flag (
    source    VARCHAR NOT NULL,
    source_id VARCHAR,
    location  VARCHAR NOT NULL,
    row_no    INTEGER,
    field     VARCHAR,
    note      VARCHAR NOT NULL,
    load_id   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS incident_quarantine (
    source    VARCHAR NOT NULL,
    source_id VARCHAR,
    location  VARCHAR NOT NULL,        -- file or URL
    row_no    INTEGER,                 -- 1-based data row in the file
    field     VARCHAR,
    reason    VARCHAR NOT NULL,
    raw       VARCHAR,                 -- the row as JSON, for the admin to fix and re-import
    load_id   INTEGER NOT NULL
);
