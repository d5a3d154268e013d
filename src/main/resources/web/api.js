// Reads the query API's JSON answers: the dashboard shows exactly what the API answers for the same filters.
export async function getJson(path, params) {
  const query = params ? params.toString() : '';
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    // the API's problem answers carry a French message in "detail"
    throw new Error(body && body.detail ? body.detail : `${path} : erreur ${response.status}`);
  }
  return body;
}
