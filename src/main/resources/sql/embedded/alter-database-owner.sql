-- A database created by a version that connected as the superuser belongs to the service role from now on.
ALTER DATABASE jobmarket OWNER TO jobmarket
