// The live message log: every frame of every station, both ways, newest at the bottom; a row
// opens to its whole payload; filters by station and action; pause holds new frames back.

import { clock, compact, h, setOptions } from './dom.js';

const MaxRows = 2000;
const Types = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR' };

export class MessageLog {
  #body = document.querySelector('#log tbody');
  #scroller = document.getElementById('log-scroll');
  #stationFilter = document.getElementById('log-station');
  #actionFilter = document.getElementById('log-action');
  #pause = document.getElementById('log-pause');
  #status = document.getElementById('log-status');
  #frames = [];
  #held = [];
  #seen = new Map();
  #paused = false;

  constructor() {
    this.#stationFilter.addEventListener('change', () => this.#applyFilters());
    this.#actionFilter.addEventListener('change', () => this.#applyFilters());
    this.#pause.addEventListener('click', () => this.#setPaused(!this.#paused));
    document.getElementById('log-clear').addEventListener('click', () => {
      this.#frames = [];
      this.#held = [];
      this.#body.replaceChildren();
      this.#updateStatus();
    });
  }

  /** The frames of a snapshot, replacing what is shown. */
  reset(frames) {
    this.#frames = [];
    this.#held = [];
    this.#seen = new Map();
    this.#body.replaceChildren();
    frames.forEach((frame) => this.add(frame));
  }

  add(frame) {
    // A frame can come twice (in a snapshot and as an event); frames of a session come in order.
    const key = `${frame.chargePointId}\u0000${frame.session}`;
    if ((this.#seen.get(key) ?? 0) >= frame.sequence) return;
    this.#seen.set(key, frame.sequence);
    if (this.#paused) {
      this.#held.push(frame);
      this.#updateStatus();
      return;
    }
    this.#append(frame);
  }

  /** Tells that events were lost because the page fell behind. */
  dropped(count) {
    this.#body.append(h('tr', { class: 'notice' }, h('td', { colspan: 5 }, `${count} events were dropped: the page fell behind`)));
  }

  #append(frame) {
    const row = this.#row(frame);
    // Follows the newest frame while the user is at the bottom; leaves them where they scrolled to otherwise.
    const scroller = this.#scroller;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 24;
    this.#frames.push(row);
    this.#body.append(row, row.detail);
    if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    if (this.#frames.length > MaxRows) {
      const oldest = this.#frames.shift();
      oldest.detail.remove();
      oldest.remove();
    }
    this.#offer(this.#stationFilter, frame.chargePointId);
    if (frame.action) this.#offer(this.#actionFilter, frame.action);
    this.#updateStatus();
  }

  #row(frame) {
    const [typeId] = Array.isArray(frame.frame) ? frame.frame : [];
    const type = Types[typeId] ?? 'malformed';
    const payload = !Array.isArray(frame.frame) ? frame.text
      : typeId === 2 ? frame.frame[3]
        : typeId === 3 ? frame.frame[2]
          : typeId === 4 ? { errorCode: frame.frame[2], errorDescription: frame.frame[3], errorDetails: frame.frame[4] }
            : frame.frame;
    const received = frame.direction === 'received';
    const name = type === 'CALL' ? frame.action : type === 'CALLRESULT' ? `${frame.action ?? '?'}.conf` : type === 'CALLERROR' ? `${frame.action ?? '?'} CALLERROR` : 'malformed';
    const detail = h('tr', { class: 'detail', hidden: true }, h('td', { colspan: 5 }, h('pre', { class: 'json' }, JSON.stringify(frame.frame ?? frame.text, null, 2))));
    const row = h('tr', {
      class: `frame ${type.toLowerCase()}`,
      tabindex: 0,
      dataset: { station: frame.chargePointId, action: frame.action ?? '', type, direction: frame.direction },
      title: 'show the whole frame',
      onclick: () => { detail.hidden = !detail.hidden; },
      onkeydown: (event) => { if (event.key === 'Enter') detail.hidden = !detail.hidden; },
    },
    h('td', { class: 'time' }, clock(frame.time)),
    h('td', {}, frame.chargePointId),
    h('td', { class: 'arrow', title: received ? 'from the station' : 'to the station' }, received ? '→' : '←'),
    h('td', { class: 'message' }, name),
    h('td', { class: 'payload' }, typeof payload === 'string' ? payload : compact(payload)));
    row.detail = detail;
    this.#filter(row);
    this.#filter(detail, row);
    return row;
  }

  #filter(element, row = element) {
    const station = this.#stationFilter.value;
    const action = this.#actionFilter.value;
    const shown = (!station || row.dataset.station === station) && (!action || row.dataset.action === action);
    if (element === row) element.hidden = !shown;
    else if (!shown) element.hidden = true;
  }

  #applyFilters() {
    for (const row of this.#body.querySelectorAll('tr.frame')) {
      this.#filter(row);
      if (row.hidden && row.detail) row.detail.hidden = true;
    }
  }

  #offer(select, value) {
    if ([...select.options].some((option) => option.value === value)) return;
    const values = [...select.options].slice(1).map((option) => option.value).concat(value).sort();
    setOptions(select, values, { blank: 'all' });
  }

  #setPaused(paused) {
    this.#paused = paused;
    this.#pause.setAttribute('aria-pressed', String(paused));
    this.#pause.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) this.#held.splice(0).forEach((frame) => this.#append(frame));
    this.#updateStatus();
  }

  #updateStatus() {
    this.#status.textContent = this.#paused
      ? `paused: ${this.#held.length} new frame${this.#held.length === 1 ? '' : 's'} held back`
      : `${this.#frames.length} frame${this.#frames.length === 1 ? '' : 's'}`;
  }
}
