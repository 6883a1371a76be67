// The Central System's JSON API, as the page uses it.

/** Sends a request; resolves to { status, ok, body } with the body parsed when it is JSON. */
export async function request(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    // Kept as text: an answer that is not JSON is still shown.
  }
  return { status: response.status, ok: response.ok, body: parsed };
}

const schemas = new Map();

/** The official JSON schema of a request, fetched once. */
export async function schemaOf(action) {
  if (!schemas.has(action.action)) {
    schemas.set(action.action, action.schema ? request('GET', action.schema).then((r) => (r.ok ? r.body : null)) : Promise.resolve(null));
  }
  return schemas.get(action.action);
}
