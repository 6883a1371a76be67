// The connected stations: identity from the last BootNotification, registration, the status of
// each connector and the open transactions, as the Central System's snapshot and events say.

import { clock, h } from './dom.js';

export class StationList {
  #container = document.getElementById('stations');
  #stations = new Map();
  // Re-rendering must not close the payload a user opened.
  #open = new Set();
  #onChange;

  constructor(onChange) {
    this.#onChange = onChange;
  }

  /** Every station of a snapshot; stations not in it are gone. */
  reset(stations) {
    this.#stations = new Map(stations.map((s) => [s.chargePointId, s]));
    this.#render();
  }

  update(station) {
    this.#stations.set(station.chargePointId, station);
    this.#render();
  }

  /** The ids of the stations connected now. */
  get connectedIds() {
    return [...this.#stations.values()].filter((s) => s.connected).map((s) => s.chargePointId);
  }

  #render() {
    const stations = [...this.#stations.values()].sort((a, b) => a.chargePointId.localeCompare(b.chargePointId));
    this.#container.replaceChildren(...(stations.length === 0
      ? [h('p', { class: 'empty' }, 'No station connected yet.')]
      : stations.map((station) => card(station, this.#open))));
    this.#onChange(this.connectedIds);
  }
}

function card(station, open) {
  const boot = station.bootNotification ?? {};
  const identity = [boot.chargePointVendor, boot.chargePointModel, boot.chargePointSerialNumber ?? boot.chargeBoxSerialNumber, boot.firmwareVersion]
    .filter(Boolean).join(' · ');
  return h('article', { class: 'station', dataset: { station: station.chargePointId, connected: String(station.connected) } },
    h('header', {},
      h('h3', {}, station.chargePointId),
      h('span', { class: 'badge', dataset: { state: station.connected ? 'live' : 'off' } }, station.connected ? 'connected' : 'disconnected'),
      station.registration ? h('span', { class: 'badge', dataset: { registration: station.registration } }, station.registration) : null,
      h('span', { class: 'muted' }, `since ${clock(station.connectedAt)}${station.remoteAddress ? ` from ${station.remoteAddress}` : ''}`)),
    station.bootNotification
      ? h('details', {
        class: 'boot',
        open: open.has(station.chargePointId),
        ontoggle: (event) => (event.target.open ? open.add(station.chargePointId) : open.delete(station.chargePointId)),
      }, h('summary', {}, identity || 'BootNotification'), h('pre', { class: 'json' }, JSON.stringify(boot, null, 2)))
      : h('p', { class: 'muted' }, 'no BootNotification yet'),
    connectors(station.connectors ?? []),
    transactions(station.transactions ?? []));
}

function connectors(list) {
  if (list.length === 0) return h('p', { class: 'muted' }, 'no StatusNotification yet');
  return h('table', { class: 'connectors' },
    h('thead', {}, h('tr', {}, h('th', {}, 'connector'), h('th', {}, 'status'), h('th', {}, 'error'), h('th', {}, 'since'))),
    h('tbody', {}, list.map((c) => h('tr', { dataset: { connector: c.connectorId } },
      h('td', {}, String(c.connectorId)),
      h('td', {}, h('span', { class: 'status', dataset: { status: c.status } }, c.status)),
      h('td', {}, c.errorCode === 'NoError' ? '' : [c.errorCode, c.info ? ` (${c.info})` : ''].join('')),
      h('td', {}, clock(c.timestamp))))));
}

function transactions(list) {
  if (list.length === 0) return h('p', { class: 'muted transactions-empty' }, 'no open transaction');
  return h('table', { class: 'transactions' },
    h('thead', {}, h('tr', {}, h('th', {}, 'transaction'), h('th', {}, 'connector'), h('th', {}, 'idTag'), h('th', {}, 'energy'), h('th', {}, 'started'))),
    h('tbody', {}, list.map((t) => h('tr', { dataset: { transaction: t.transactionId } },
      h('td', {}, String(t.transactionId)),
      h('td', {}, String(t.connectorId)),
      h('td', {}, t.idTag, t.idTagStatus !== 'Accepted' ? h('span', { class: 'badge', dataset: { state: 'off' } }, t.idTagStatus) : null),
      h('td', {}, `${Math.round((t.meterWh ?? t.meterStart) - t.meterStart)} Wh`),
      h('td', {}, clock(t.startedAt))))));
}
