// Requests of the station's control API, as the dashboard sends them.

/** Sends a request to the station's API (relative to the page, so it works under /stations/{id}/ too). */
export async function post(path, body) {
  const init = { method: 'POST', headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let parsed;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  return { status: response.status, ok: response.ok, body: parsed };
}
