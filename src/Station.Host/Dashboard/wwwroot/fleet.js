// The fleet view: the counters of GET /fleet live over one event stream (GET fleet/events, one
// event a second), charts of throughput and response time over the last ten minutes, and the
// station list, paged and searched on the server (GET stations?offset=&limit=&q=&status=), so
// the page holds one page of rows however large the fleet. A row opens that station's dashboard.

import { LineChart } from './fleet-chart.js';
import { h, setText } from './dom.js';

const PageSize = 50;
const live = document.getElementById('live');
const counters = document.getElementById('counters');
const throughput = new LineChart(document.getElementById('chart-throughput'), [{ name: 'msg/s', className: 's0' }]);
const response = new LineChart(document.getElementById('chart-response'), [{ name: 'p50', className: 's0' }, { name: 'p99', className: 's1' }]);
const Counters = [
  ['stations', 'stations'], ['connected', 'connected'], ['booted', 'booted'], ['charging', 'charging'],
  ['messagesSent', 'sent'], ['messagesReceived', 'received'], ['errors', 'errors'], ['reconnects', 'reconnects'],
  ['responseP50Ms', 'response p50 ms'], ['responseP99Ms', 'response p99 ms'], ['atgTransactions', 'ATG transactions'],
];
let previous = null;

function showFleet(fleet) {
  for (const [key, label] of Counters.filter(([name]) => fleet[name] !== undefined)) {
    // Built once, then updated in place: the numbers change every second, the elements do not.
    let value = counters.querySelector(`[data-counter="${key}"]`);
    if (!value) {
      value = h('dd', { dataset: { counter: key } });
      counters.append(h('div', { class: 'counter' }, h('dt', {}, label), value));
    }
    setText(value, typeof fleet[key] === 'number' ? String(Math.round(fleet[key] * 10) / 10) : String(fleet[key]));
  }
  if (typeof fleet.elapsedSeconds === 'number') setText(document.getElementById('elapsed'), `running ${Math.round(fleet.elapsedSeconds)} s`);
  const time = typeof fleet.elapsedSeconds === 'number' ? fleet.elapsedSeconds : performance.now() / 1000;
  const messages = (fleet.messagesSent ?? 0) + (fleet.messagesReceived ?? 0);
  if (previous && time > previous.time) throughput.add(time, [(messages - previous.messages) / (time - previous.time)]);
  response.add(time, [fleet.responseP50Ms ?? null, fleet.responseP99Ms ?? null]);
  previous = { time, messages };
  if (!document.body.dataset.ready) {
    document.body.dataset.ready = 'true';
    performance.mark('page-ready');
  }
}

// The list: one request per change of query or page; the answer of an older request is ignored.
const list = { offset: 0, total: 0, request: 0 };
const q = document.getElementById('list-q');
const status = document.getElementById('list-status');
const body = document.querySelector('#stations tbody');

async function load() {
  const request = ++list.request;
  const query = new URLSearchParams({ offset: String(list.offset), limit: String(PageSize) });
  if (q.value.trim()) query.set('q', q.value.trim());
  if (status.value) query.set('status', status.value);
  const started = performance.now();
  const answer = await fetch(`stations?${query}`);
  const page = answer.ok ? await answer.json() : { total: 0, stations: [], error: (await answer.json().catch(() => ({}))).error ?? `HTTP ${answer.status}` };
  if (request !== list.request) return;
  list.total = page.total;
  body.replaceChildren(...(page.stations.length === 0
    ? [h('tr', {}, h('td', { colspan: 4, class: 'empty' }, page.error ?? 'no station matches'))]
    : page.stations.map(row)));
  const last = Math.min(list.offset + page.stations.length, page.total);
  setText(document.getElementById('list-page'), page.total === 0 ? '0 stations' : `${list.offset + 1}–${last} of ${page.total}`);
  document.getElementById('list-prev').disabled = list.offset === 0;
  document.getElementById('list-next').disabled = last >= page.total;
  body.dataset.query = query.toString();
  body.dataset.loadMs = String(Math.round(performance.now() - started));
}

function row(station) {
  const connected = station.connected ?? station.isConnected;
  const href = `stations/${encodeURIComponent(station.id)}/`;
  return h('tr', { class: 'station-row', dataset: { station: station.id }, tabindex: 0, title: 'open this station', onclick: () => { location.href = href; },
    onkeydown: (event) => { if (event.key === 'Enter') location.href = href; } },
  h('td', {}, h('a', { href }, station.id)),
  h('td', {}, h('span', { class: 'badge', dataset: { state: connected ? 'live' : 'off' } }, connected ? 'connected' : 'disconnected')),
  h('td', {}, station.registration ?? ''),
  h('td', {}, (station.connectors ?? []).map((c) => h('span', { class: 'status chip', dataset: { status: c.status } }, `${c.id}: ${c.status}`))));
}

let typing;
q.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => { list.offset = 0; load(); }, 150);
});
status.addEventListener('change', () => { list.offset = 0; load(); });
document.getElementById('list-form').addEventListener('submit', (event) => { event.preventDefault(); list.offset = 0; load(); });
document.getElementById('list-refresh').addEventListener('click', () => load());
document.getElementById('list-prev').addEventListener('click', () => { list.offset = Math.max(0, list.offset - PageSize); load(); });
document.getElementById('list-next').addEventListener('click', () => { list.offset += PageSize; load(); });

const events = new EventSource('fleet/events');
events.addEventListener('open', () => { live.dataset.state = 'live'; setText(live, 'live'); });
events.addEventListener('error', () => { live.dataset.state = 'off'; setText(live, 'reconnecting…'); });
events.addEventListener('fleet', (event) => showFleet(JSON.parse(event.data)));
load();
