-- 2-1: number of offers matching the common filter set
SELECT count(*) AS total FROM api_offres_filtrees(?, ?, ?, ?, ?, ?) f
