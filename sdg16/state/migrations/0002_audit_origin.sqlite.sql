-- Which replica (SDG16_REPLICA, default the host name) wrote each audit entry.
ALTER TABLE audit ADD COLUMN origin TEXT NOT NULL DEFAULT '';
