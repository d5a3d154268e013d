-- Statistics on the resolved junction rows before the junction statements use them.
ANALYZE staging_lien
