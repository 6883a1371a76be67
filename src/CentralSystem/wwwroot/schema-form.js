// Builds form fields from an official OCPP 1.6 JSON schema (draft-04 core files and the draft-06
// security files with their "#/definitions/..." references): enums become pickers, required
// fields are marked, optional objects have a switch, arrays can grow and shrink. Every field
// answers value() with the JSON it stands for, or undefined when left empty (then it is omitted).

import { h } from './dom.js';

/** The form of a request schema: { element, value(), set(json) }. */
export function buildForm(schema) {
  const root = field(schema, schema, '', '', true);
  return { element: root.element, value: () => root.value() ?? {}, set: (json) => root.set(json ?? {}) };
}

function resolve(schema, root) {
  let resolved = schema;
  while (resolved && typeof resolved.$ref === 'string' && resolved.$ref.startsWith('#/')) {
    resolved = resolved.$ref.slice(2).split('/').reduce((node, key) => node?.[key], root);
  }
  return resolved ?? {};
}

function field(schemaNode, root, name, path, required) {
  const schema = resolve(schemaNode, root);
  if (schema.type === 'object') return objectField(schema, root, name, path, required);
  if (schema.type === 'array') return arrayField(schema, root, name, path, required);
  return valueField(schema, name, path, required);
}

function label(name, required) {
  return h('span', { class: required ? 'name required' : 'name' }, name, required ? h('abbr', { title: 'required' }, '*') : null);
}

function objectField(schema, root, name, path, required) {
  const requiredNames = new Set(schema.required ?? []);
  const children = Object.entries(schema.properties ?? {}).map(([childName, childSchema]) => {
    const childPath = path ? `${path}.${childName}` : childName;
    return [childName, field(childSchema, root, childName, childPath, requiredNames.has(childName))];
  });
  const body = h('div', { class: 'object' }, children.map(([, child]) => child.element));

  // The payload itself has no legend; a nested optional object is left out until switched on.
  let include = null;
  let element = body;
  if (path !== '') {
    include = required ? null : h('input', { type: 'checkbox', name: `${path}?`, 'aria-label': `include ${name}` });
    const legend = h('legend', {}, include, label(name, required));
    element = h('fieldset', { class: 'nested', dataset: { path } }, legend, body);
    if (include) {
      const sync = () => { body.hidden = !include.checked; };
      include.addEventListener('change', sync);
      sync();
    }
  }

  return {
    element,
    value() {
      if (include && !include.checked) return undefined;
      const result = {};
      for (const [childName, child] of children) {
        const value = child.value();
        if (value !== undefined) result[childName] = value;
      }
      return Object.keys(result).length > 0 || required || include ? result : undefined;
    },
    set(json) {
      const present = json !== undefined && json !== null && typeof json === 'object';
      if (include) {
        include.checked = present;
        include.dispatchEvent(new Event('change'));
      }
      for (const [childName, child] of children) child.set(present ? json[childName] : undefined);
    },
  };
}

function arrayField(schema, root, name, path, required) {
  const items = [];
  const list = h('div', { class: 'array-items' });
  const add = (json) => {
    const index = items.length;
    const item = field(schema.items ?? {}, root, `${name}[${index}]`, `${path}[${index}]`, true);
    const remove = h('button', { type: 'button', class: 'small', 'aria-label': `remove ${name} item`, onclick: () => {
      items.splice(items.indexOf(entry), 1);
      row.remove();
    } }, '×');
    const row = h('div', { class: 'array-item' }, item.element, remove);
    const entry = { item, row };
    items.push(entry);
    list.append(row);
    if (json !== undefined) item.set(json);
  };
  const element = h('fieldset', { class: 'nested', dataset: { path } },
    h('legend', {}, label(name, required), h('small', { class: 'muted' }, ' list')),
    list,
    h('button', { type: 'button', class: 'small', name: `${path}+`, onclick: () => add() }, `+ ${name}`));
  return {
    element,
    value() {
      const values = items.map((entry) => entry.item.value()).filter((value) => value !== undefined);
      return values.length > 0 || required ? values : undefined;
    },
    set(json) {
      items.splice(0).forEach((entry) => entry.row.remove());
      if (Array.isArray(json)) json.forEach(add);
    },
  };
}

function valueField(schema, name, path, required) {
  const type = schema.type;
  let input;
  if (Array.isArray(schema.enum)) {
    input = h('select', { name: path, required }, h('option', { value: '' }, required ? 'choose…' : '—'), schema.enum.map((v) => h('option', { value: v }, v)));
  } else if (type === 'boolean') {
    input = h('select', { name: path, required }, h('option', { value: '' }, '—'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
  } else if (type === 'integer' || type === 'number') {
    input = h('input', { type: 'number', name: path, required, step: type === 'integer' ? '1' : 'any', min: schema.minimum });
  } else {
    const placeholder = schema.format === 'date-time' ? '2026-01-31T12:00:00.000Z' : schema.format === 'uri' ? 'ftp://user:password@host/path' : '';
    input = h('input', { type: 'text', name: path, required, maxlength: schema.maxLength, placeholder, autocomplete: 'off' });
  }

  const extras = [];
  if (schema.format === 'date-time') {
    extras.push(h('button', { type: 'button', class: 'small', onclick: () => { input.value = new Date().toISOString(); } }, 'now'));
  }

  const hint = schema.maxLength ? `≤ ${schema.maxLength}` : type === 'integer' ? 'integer' : type === 'number' ? 'number' : schema.format ?? '';
  const element = h('label', { class: 'field' }, label(name, required), input, ...extras, hint ? h('small', { class: 'muted' }, hint) : null);
  return {
    element,
    value() {
      const text = input.value.trim();
      if (text === '') return undefined;
      if (type === 'boolean') return text === 'true';
      // A number the browser cannot read stays text: the server's 400 then names the field.
      if (type === 'integer' || type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
      return text;
    },
    set(json) {
      input.value = json === undefined || json === null ? '' : String(json);
    },
  };
}
