// Small DOM helpers of both web UIs (the station dashboard serves this same file): every text goes in through textContent, never as HTML.

/** Creates an element: h('td', { class: 'x', dataset: { id: 1 } }, 'text', child). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

/** hh:mm:ss.mmm of an ISO time, in UTC like the csms command's lines. */
export function clock(iso) {
  return typeof iso === 'string' && iso.length >= 23 ? iso.slice(11, 23) : String(iso ?? '');
}

/** JSON on one line, shortened for a table cell. */
export function compact(value, max = 140) {
  const text = value === undefined ? '' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Replaces the options of a select, keeping its value when it is still offered. */
export function setOptions(select, values, { blank } = {}) {
  const current = select.value;
  const options = values.map((value) => (typeof value === 'string' ? { value, label: value } : value));
  select.replaceChildren(...(blank !== undefined ? [h('option', { value: '' }, blank)] : []), ...options.map((o) => h('option', { value: o.value }, o.label)));
  if ([...select.options].some((option) => option.value === current)) select.value = current;
}

/** Sets the text of an element only when it changed, so a live update does not disturb a selection. */
export function setText(element, text) {
  const value = String(text ?? '');
  if (element.textContent !== value) element.textContent = value;
}

/** A number with at most `digits` decimals, in the page's locale-independent form. */
export function fixed(value, digits = 1) {
  return typeof value === 'number' ? String(Math.round(value * 10 ** digits) / 10 ** digits) : '';
}
