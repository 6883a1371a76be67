// The switches of the default answers: BootNotification status and interval, and the status
// particular idTags get. Saved with PUT /answers; another page's change arrives as an event.

import { request } from './api.js';
import { h } from './dom.js';

// The OCPP 1.6 values (RegistrationStatus, AuthorizationStatus); the server refuses any other
// with the list of the right ones.
const BootStatuses = ['Accepted', 'Pending', 'Rejected'];
const IdTagStatuses = ['Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx'];

export class AnswersForm {
  #form = document.getElementById('answers-form');
  #bootStatus = document.getElementById('boot-status');
  #interval = document.getElementById('boot-interval');
  #status = document.getElementById('answers-status');
  #lists = {
    idTags: pairList(document.getElementById('idtag-statuses'), IdTagStatuses, 'Invalid'),
    startTransaction: pairList(document.getElementById('start-statuses'), IdTagStatuses, 'ConcurrentTx'),
    parentIdTags: pairList(document.getElementById('parent-idtags'), null, ''),
  };

  #dirty = false;

  constructor() {
    this.#bootStatus.append(...BootStatuses.map((status) => h('label', {},
      h('input', { type: 'radio', name: 'boot-status', value: status }), h('span', {}, status))));
    document.getElementById('idtag-add').addEventListener('click', () => this.#lists.idTags.add());
    document.getElementById('start-add').addEventListener('click', () => this.#lists.startTransaction.add());
    document.getElementById('parent-add').addEventListener('click', () => this.#lists.parentIdTags.add());
    this.#form.addEventListener('input', () => this.#markDirty());
    this.#form.addEventListener('change', () => this.#markDirty());
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#save();
    });
  }

  /** Shows the answers in force, unless the user is editing them. */
  show(answers) {
    if (this.#dirty) {
      this.#setStatus('elsewhere', 'Changed elsewhere meanwhile; saving overwrites that change.');
      return;
    }
    const boot = answers.bootNotification ?? {};
    for (const radio of this.#bootStatus.querySelectorAll('input')) radio.checked = radio.value === boot.status;
    this.#interval.value = boot.interval ?? '';
    this.#lists.idTags.set(answers.idTags ?? {});
    this.#lists.startTransaction.set(answers.startTransaction?.idTags ?? {});
    this.#lists.parentIdTags.set(answers.parentIdTags ?? {});
  }

  #markDirty() {
    this.#dirty = true;
    this.#setStatus('dirty', 'changes to save');
  }

  #setStatus(state, text) {
    this.#status.dataset.state = state;
    this.#status.textContent = text;
  }

  async #save() {
    const status = this.#bootStatus.querySelector('input:checked')?.value;
    const interval = this.#interval.value.trim();
    const body = {
      bootNotification: { status, interval: interval === '' ? undefined : Number(interval) },
      idTags: this.#lists.idTags.value(),
      startTransaction: { idTags: this.#lists.startTransaction.value() },
      parentIdTags: this.#lists.parentIdTags.value(),
    };
    const answer = await request('PUT', '/answers', body);
    if (answer.ok) {
      this.#dirty = false;
      this.show(answer.body);
      this.#setStatus('saved', 'saved');
    } else {
      this.#setStatus('error', answer.body?.error ?? `HTTP ${answer.status}`);
    }
  }
}

// Rows of idTag → value (a status picker, or free text for a parent idTag).
function pairList(container, choices, preset) {
  const rows = [];
  const add = (idTag = '', value = preset) => {
    const key = h('input', { type: 'text', maxlength: 20, placeholder: 'idTag', value: idTag, 'aria-label': 'idTag' });
    const picked = choices
      ? h('select', { 'aria-label': 'status' }, choices.map((c) => h('option', { value: c, selected: c === value }, c)))
      : h('input', { type: 'text', maxlength: 20, placeholder: 'parent idTag', value, 'aria-label': 'parent idTag' });
    const row = h('div', { class: 'pair' }, key, picked, h('button', { type: 'button', class: 'small', 'aria-label': 'remove', onclick: () => {
      rows.splice(rows.indexOf(entry), 1);
      row.remove();
      container.dispatchEvent(new Event('input', { bubbles: true }));
    } }, '×'));
    const entry = { key, picked, row };
    rows.push(entry);
    container.append(row);
  };
  return {
    add,
    set(map) {
      rows.splice(0).forEach((entry) => entry.row.remove());
      Object.entries(map).forEach(([idTag, value]) => add(idTag, value));
    },
    value() {
      return Object.fromEntries(rows.filter((r) => r.key.value.trim() !== '').map((r) => [r.key.value.trim(), r.picked.value.trim()]));
    },
  };
}
