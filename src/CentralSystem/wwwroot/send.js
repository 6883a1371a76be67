// The form that sends any request the Central System can send to a connected station, built
// from the request's official schema, or typed as raw JSON; it shows the station's answer.

import { request, schemaOf } from './api.js';
import { h, setOptions } from './dom.js';
import { buildForm } from './schema-form.js';

export class SendForm {
  #form = document.getElementById('send-form');
  #station = document.getElementById('send-station');
  #action = document.getElementById('send-action');
  #timeout = document.getElementById('send-timeout');
  #fields = document.getElementById('send-fields');
  #json = document.getElementById('send-json');
  #status = document.getElementById('send-status');
  #result = document.getElementById('send-result');
  #modeForm = document.getElementById('send-mode-form');
  #modeJson = document.getElementById('send-mode-json');
  #actions = [];
  #built = null;
  #raw = false;

  constructor() {
    this.#action.addEventListener('change', () => this.#build());
    this.#modeForm.addEventListener('click', () => this.#setMode(false));
    this.#modeJson.addEventListener('click', () => this.#setMode(true));
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#send();
    });
  }

  /** Loads the list of actions from the server (the protocol library's registry). */
  async load() {
    const answer = await request('GET', '/actions');
    this.#actions = answer.ok ? answer.body : [];
    const profiles = [...new Set(this.#actions.map((a) => a.profile))];
    this.#action.replaceChildren(...profiles.map((profile) => h('optgroup', { label: profile },
      this.#actions.filter((a) => a.profile === profile).map((a) => h('option', { value: a.action }, a.action)))));
    this.#action.value = this.#actions.some((a) => a.action === 'RemoteStartTransaction') ? 'RemoteStartTransaction' : this.#action.value;
    await this.#build();
  }

  /** Offers the connected stations. */
  setStations(ids) {
    setOptions(this.#station, ids);
    this.#station.disabled = ids.length === 0;
  }

  async #build() {
    const action = this.#actions.find((a) => a.action === this.#action.value);
    this.#built = null;
    this.#fields.replaceChildren();
    if (!action) return;
    const schema = await schemaOf(action);
    if (this.#action.value !== action.action) return;
    if (!schema) {
      // No embedded schema: raw JSON is the only way.
      this.#fields.append(h('p', { class: 'muted' }, `No schema for ${action.action}: write the payload as JSON.`));
      this.#setMode(true);
      return;
    }
    this.#built = buildForm(schema);
    this.#fields.append(this.#built.element);
    if (this.#raw) this.#json.value = JSON.stringify(this.#built.value(), null, 2);
  }

  #setMode(raw) {
    if (raw === this.#raw) return;
    if (raw) {
      this.#json.value = JSON.stringify(this.#built ? this.#built.value() : {}, null, 2);
    } else if (this.#built) {
      try {
        this.#built.set(JSON.parse(this.#json.value || '{}'));
      } catch {
        this.#status.textContent = 'The JSON does not parse; the form keeps its values.';
      }
    }
    this.#raw = raw;
    this.#modeForm.setAttribute('aria-selected', String(!this.#raw));
    this.#modeJson.setAttribute('aria-selected', String(this.#raw));
    this.#fields.hidden = this.#raw;
    this.#json.hidden = !this.#raw;
  }

  async #send() {
    const station = this.#station.value;
    const action = this.#action.value;
    if (!station) {
      this.#show('No station is connected.', null, false);
      return;
    }
    const body = this.#raw ? this.#json.value : JSON.stringify(this.#built ? this.#built.value() : {});
    const timeout = this.#timeout.value.trim();
    const query = timeout ? `?timeout=${encodeURIComponent(timeout)}` : '';
    this.#status.textContent = `${action} sent to ${station}…`;
    this.#result.hidden = true;
    delete this.#result.dataset.ok;
    const started = performance.now();
    const answer = await request('POST', `/stations/${encodeURIComponent(station)}/calls/${encodeURIComponent(action)}${query}`, body);
    const took = `${Math.round(performance.now() - started)} ms`;
    const what = answer.status === 200 ? `${action}.conf` : answer.status === 502 ? 'CALLERROR' : `HTTP ${answer.status}`;
    this.#show(`${what} from ${station} in ${took}`, answer.body, answer.ok);
  }

  #show(status, body, ok) {
    this.#status.textContent = status;
    this.#result.hidden = body === null || body === undefined;
    this.#result.textContent = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
    this.#result.dataset.ok = String(ok);
  }
}
