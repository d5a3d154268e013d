-- localisation: offers of this load already in the warehouse get every column overwritten (NULLs included).
-- Rows whose values are all unchanged are left alone (no dead tuple, not counted). Result: rows updated.
UPDATE localisation t
SET code_insee = s.code_insee,
    nom_commune = s.nom_commune,
    code_postal = s.code_postal,
    nom_ville = s.nom_ville,
    code_departement = s.code_departement,
    nom_departement = s.nom_departement,
    code_region = s.code_region,
    nom_region = s.nom_region,
    lieu_cas = s.lieu_cas
FROM staging_offre s
WHERE t.offre_id = s.offre_id
  AND (t.code_insee, t.nom_commune, t.code_postal, t.nom_ville, t.code_departement, t.nom_departement, t.code_region, t.nom_region, t.lieu_cas)
      IS DISTINCT FROM (s.code_insee, s.nom_commune, s.code_postal, s.nom_ville, s.code_departement, s.nom_departement, s.code_region, s.nom_region, s.lieu_cas)
