-- contrat: one row per offer of this load; an existing offer has every column overwritten (NULLs included).
-- Unchanged rows are not rewritten (no dead tuple, not counted as updated).
-- Result: rows inserted, rows updated.
WITH upserted AS (
    INSERT INTO contrat (offre_id,
       type_contrat,
       type_contrat_libelle,
       duree_travail_libelle,
       duree_travail_libelle_converti,
       nature_contrat,
       salaire_libelle,
       salaire_complement_1,
       salaire_complement_2,
       salaire_commentaire,
       alternance,
       deplacement_code,
       deplacement_libelle,
       temps_travail,
       condition_specifique)
    SELECT offre_id,
       type_contrat,
       type_contrat_libelle,
       duree_travail_libelle,
       duree_travail_libelle_converti,
       nature_contrat,
       salaire_libelle,
       salaire_complement_1,
       salaire_complement_2,
       salaire_commentaire,
       alternance,
       deplacement_code,
       deplacement_libelle,
       temps_travail,
       condition_specifique
    FROM staging_offre
    ON CONFLICT (offre_id) DO UPDATE SET
       type_contrat = EXCLUDED.type_contrat,
       type_contrat_libelle = EXCLUDED.type_contrat_libelle,
       duree_travail_libelle = EXCLUDED.duree_travail_libelle,
       duree_travail_libelle_converti = EXCLUDED.duree_travail_libelle_converti,
       nature_contrat = EXCLUDED.nature_contrat,
       salaire_libelle = EXCLUDED.salaire_libelle,
       salaire_complement_1 = EXCLUDED.salaire_complement_1,
       salaire_complement_2 = EXCLUDED.salaire_complement_2,
       salaire_commentaire = EXCLUDED.salaire_commentaire,
       alternance = EXCLUDED.alternance,
       deplacement_code = EXCLUDED.deplacement_code,
       deplacement_libelle = EXCLUDED.deplacement_libelle,
       temps_travail = EXCLUDED.temps_travail,
       condition_specifique = EXCLUDED.condition_specifique
    WHERE (contrat.type_contrat, contrat.type_contrat_libelle, contrat.duree_travail_libelle, contrat.duree_travail_libelle_converti, contrat.nature_contrat, contrat.salaire_libelle, contrat.salaire_complement_1, contrat.salaire_complement_2, contrat.salaire_commentaire, contrat.alternance, contrat.deplacement_code, contrat.deplacement_libelle, contrat.temps_travail, contrat.condition_specifique)
          IS DISTINCT FROM (EXCLUDED.type_contrat, EXCLUDED.type_contrat_libelle, EXCLUDED.duree_travail_libelle, EXCLUDED.duree_travail_libelle_converti, EXCLUDED.nature_contrat, EXCLUDED.salaire_libelle, EXCLUDED.salaire_complement_1, EXCLUDED.salaire_complement_2, EXCLUDED.salaire_commentaire, EXCLUDED.alternance, EXCLUDED.deplacement_code, EXCLUDED.deplacement_libelle, EXCLUDED.temps_travail, EXCLUDED.condition_specifique)
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM upserted
