#!/bin/bash
# One database and one role per service, and Keycloak's; the passwords come from the container's environment
# (compose.yaml, from .env). Runs once, on the first start with an empty data volume.
set -euo pipefail

for name in identity cabinet elorda scoring notification keycloak; do
	var="${name^^}_DB_PASSWORD"
	password="${!var:?$var is not set}"
	psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
		-v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
