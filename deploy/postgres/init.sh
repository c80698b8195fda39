#!/usr/bin/env bash
# Creates one database and one login role per Concord service; each role owns its database, and no other
# service's role may connect to it. The postgres image runs this once, when it initialises an empty data volume.
# It is safe to run again (existing roles get their password reset, existing databases are kept):
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/init.sh
#
# Reads <SERVICE>_DB_NAME, <SERVICE>_DB_USER, <SERVICE>_DB_PASSWORD for SERVICE in REGIONS, AGREEMENTS,
# NOTIFICATIONS (docker-compose.yml passes them from .env), and the image's POSTGRES_USER / POSTGRES_DB.
set -euo pipefail

admin=(psql --no-psqlrc --quiet -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}")

create_service_database() {
  local service=$1
  local name_var="${service}_DB_NAME" user_var="${service}_DB_USER" password_var="${service}_DB_PASSWORD"
  local name=${!name_var:?"$name_var is not set"}
  local user=${!user_var:?"$user_var is not set"}
  local password=${!password_var:?"$password_var is not set"}

  # psql variables (:'x' quotes a literal, :"x" an identifier) keep names and passwords out of the SQL text.
  "${admin[@]}" --dbname "${POSTGRES_DB:-postgres}" -v db="$name" -v role="$user" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT ALL ON DATABASE :"db" TO :"role";
SQL
  # The owner of the database also owns its public schema (PostgreSQL 15+ gives it to pg_database_owner),
  # so the service's Flyway migrations can create their tables there.
  echo "concord: database '$name' owned by role '$user' is ready"
}

for service in REGIONS AGREEMENTS NOTIFICATIONS; do
  create_service_database "$service"
done
