#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is created (docker-entrypoint-initdb.d). Creates the two roles the
# monitoring reads with: grafana_reader (SELECT on the warehouse tables, present and future, as Flyway creates
# them later under the application's role) and postgres_exporter (pg_monitor: statistics only, no table data).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v grafana_password="$GRAFANA_DB_PASSWORD" -v exporter_password="$PG_EXPORTER_PASSWORD" <<'SQL'
CREATE ROLE grafana_reader LOGIN PASSWORD :'grafana_password';
GRANT CONNECT ON DATABASE jobmarket TO grafana_reader;
GRANT USAGE ON SCHEMA public TO grafana_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO grafana_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE jobmarket IN SCHEMA public GRANT SELECT ON TABLES TO grafana_reader;
ALTER ROLE grafana_reader SET default_transaction_read_only = on;
ALTER ROLE grafana_reader SET statement_timeout = '30s';

CREATE ROLE postgres_exporter LOGIN PASSWORD :'exporter_password';
GRANT pg_monitor TO postgres_exporter;
SQL
