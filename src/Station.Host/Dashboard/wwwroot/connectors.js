// One card per connector: status, error code, cable and EV, meter and power, the running
// transaction, and when the station reports them the reservation and the applied charging limit.
// Cards are built once and updated in place, so a live update never resets a picker or a focus.

import { clock, fixed, h, setOptions, setText } from './dom.js';

/** OCPP 1.6 ChargePointErrorCode, without NoError: what a fault can report. */
export const ErrorCodes = [
  'ConnectorLockFailure', 'EVCommunicationError', 'GroundFailure', 'HighTemperature', 'InternalError', 'LocalListConflict', 'OtherError',
  'OverCurrentFailure', 'OverVoltage', 'PowerMeterFailure', 'PowerSwitchFailure', 'ReaderFailure', 'ResetFailure', 'UnderVoltage', 'WeakSignal',
];

export class ConnectorList {
  #container = document.getElementById('connectors');
  #cards = new Map();
  #act;

  /** `act(path, body)` sends a control request. */
  constructor(act) {
    this.#act = act;
  }

  show(list) {
    if (this.#cards.size === 0 || list.some((c) => !this.#cards.has(c.id)) || list.length !== this.#cards.size) {
      this.#cards = new Map(list.map((c) => [c.id, this.#card(c.id)]));
      this.#container.replaceChildren(...[...this.#cards.values()].map((card) => card.root));
    }
    for (const connector of list) this.#cards.get(connector.id).update(connector);
  }

  #card(id) {
    const act = (path, body) => this.#act(`connectors/${id}/${path}`, body);
    const field = (name, label) => {
      const value = h('dd', { dataset: { field: name } });
      return { value, nodes: [h('dt', {}, label), value] };
    };
    const status = h('span', { class: 'status' });
    const error = h('span', { class: 'error' });
    const fields = {
      cable: field('cable', 'cable / EV'),
      meter: field('meter', 'meter'),
      power: field('power', 'power'),
      transaction: field('transaction', 'transaction'),
      reservation: field('reservation', 'reservation'),
      limit: field('limit', 'charging limit'),
    };
    const faultCode = h('select', { class: 'fault-code', 'aria-label': `connector ${id} error code` });
    setOptions(faultCode, ErrorCodes);
    const button = (name, text, onclick, extra = {}) => h('button', { type: 'button', dataset: { action: name }, onclick, ...extra }, text);
    const root = h('article', { class: 'connector', dataset: { connector: id } },
      h('header', {}, h('h3', {}, `Connector ${id}`), status, error),
      h('dl', {}, Object.values(fields).flatMap((f) => f.nodes)),
      h('div', { class: 'row buttons' },
        button('plug', 'Plug in', () => act('plug')),
        button('unplug', 'Unplug', () => act('unplug')),
        button('ev-unplug', 'Unplug at EV', () => act('ev/unplug'), { title: 'the cable leaves the EV; a detachable cable stays in the socket' }),
        button('ev-suspend', 'EV suspends', () => act('ev/suspend')),
        button('ev-resume', 'EV resumes', () => act('ev/resume')),
        button('stop-button', 'Stop button', () => act('stop-button'))),
      h('div', { class: 'row buttons' },
        faultCode,
        button('fault', 'Fault', () => act('fault', { errorCode: faultCode.value })),
        button('fault-clear', 'Clear fault', () => act('fault/clear'))));

    const update = (c) => {
      root.dataset.status = c.status;
      status.dataset.status = c.status;
      setText(status, c.status);
      setText(error, c.errorCode && c.errorCode !== 'NoError' ? c.errorCode : '');
      setText(fields.cable.value, [c.plugged ? 'plugged in' : 'unplugged', c.plugged ? (c.evSuspended ? 'EV suspended' : 'EV ready') : ''].filter(Boolean).join(', '));
      setText(fields.meter.value, `${fixed(c.meterWh, 1)} Wh`);
      setText(fields.power.value, c.powerW === undefined ? '' : `${fixed(c.powerW / 1000, 2)} kW`);
      const running = c.transactionId !== null && c.transactionId !== undefined || Boolean(c.idTag);
      setText(fields.transaction.value, running ? transaction(c) : 'none');
      fields.transaction.value.dataset.transaction = c.transactionId ?? '';
      show(fields.reservation, c.reservation ? reservation(c.reservation) : null);
      show(fields.limit, typeof c.limitA === 'number' ? limit(c) : null);
      root.querySelector('[data-action="plug"]').disabled = Boolean(c.plugged);
      root.querySelector('[data-action="unplug"]').disabled = !c.plugged;
      root.querySelector('[data-action="ev-suspend"]').disabled = !c.plugged || Boolean(c.evSuspended);
      root.querySelector('[data-action="ev-resume"]').disabled = !c.plugged || !c.evSuspended;
    };
    return { root, update };
  }
}

// A field the station may not report (no Reservation or Smart Charging block, nothing reserved): hidden then.
function show(field, text) {
  const absent = text === null;
  field.nodes.forEach((node) => { node.hidden = absent; });
  if (!absent) setText(field.value, text);
}

function transaction(c) {
  const id = c.transactionId ?? 'pending';
  const energy = typeof c.meterStartWh === 'number' ? ` · ${fixed(c.meterWh - c.meterStartWh, 1)} Wh so far` : '';
  const since = c.transactionStartedAt ? ` · since ${clock(c.transactionStartedAt)}` : '';
  return `#${id} · ${c.idTag ?? ''}${since}${energy}`;
}

function reservation(r) {
  return `#${r.id} for ${r.idTag}${r.expiryDate ? ` until ${clock(r.expiryDate)}` : ''}`;
}

function limit(c) {
  const watts = typeof c.voltageV === 'number' && typeof c.phases === 'number' ? ` (≈ ${fixed((c.limitA * c.voltageV * c.phases) / 1000, 1)} kW)` : '';
  return `${fixed(c.limitA, 1)} A${c.phases ? ` × ${c.phases} phase${c.phases === 1 ? '' : 's'}` : ''}${watts}`;
}
