-- reference.md 5.4: only an offer with a non-empty experience label gets an experience row. Earlier loads
-- also linked offers that had only an exigence or a comment; those links and their rows go.
DELETE FROM offre_experience j USING experience e
 WHERE e.experience_id = j.experience_id AND e.experience_libelle IS NULL;
DELETE FROM experience WHERE experience_libelle IS NULL;
