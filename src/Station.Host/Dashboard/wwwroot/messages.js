// The live OCPP message log of the station: both directions, newest at the bottom; a row opens
// to the whole frame; filters by action and by text; pause holds new frames back.

import { clock, compact, h, setOptions } from './dom.js';

const MaxRows = 1000;

export class MessageLog {
  #body = document.querySelector('#log tbody');
  #scroller = document.getElementById('log-scroll');
  #actionFilter = document.getElementById('log-action');
  #search = document.getElementById('log-search');
  #pause = document.getElementById('log-pause');
  #status = document.getElementById('log-status');
  #rows = [];
  #held = [];
  #last = 0;
  #paused = false;

  constructor() {
    this.#actionFilter.addEventListener('change', () => this.#applyFilters());
    this.#search.addEventListener('input', () => this.#applyFilters());
    this.#pause.addEventListener('click', () => this.#setPaused(!this.#paused));
    document.getElementById('log-clear').addEventListener('click', () => {
      this.#rows = [];
      this.#held = [];
      this.#body.replaceChildren();
      this.#updateStatus();
    });
  }

  /** The frames a new stream starts with, replacing what is shown (the station may have restarted). */
  reset(frames) {
    this.#rows = [];
    this.#held = [];
    this.#last = 0;
    this.#body.replaceChildren();
    frames.forEach((frame) => this.add(frame));
    this.#updateStatus();
  }

  add(frame) {
    // The first frames of a stream and its first events may overlap; frames come in sequence order.
    if (frame.sequence <= this.#last) return;
    this.#last = frame.sequence;
    if (this.#paused) {
      this.#held.push(frame);
      this.#updateStatus();
      return;
    }
    this.#append(frame);
  }

  /** Tells that events were lost because the page fell behind. */
  dropped(count) {
    this.#body.append(h('tr', { class: 'notice' }, h('td', { colspan: 4 }, `${count} events were dropped: the page fell behind`)));
  }

  #append(frame) {
    const row = this.#row(frame);
    const scroller = this.#scroller;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 24;
    this.#rows.push(row);
    this.#body.append(row, row.detail);
    if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    if (this.#rows.length > MaxRows) {
      const oldest = this.#rows.shift();
      oldest.detail.remove();
      oldest.remove();
    }
    if (frame.action) this.#offer(frame.action);
    this.#updateStatus();
  }

  #row(frame) {
    let parsed;
    try {
      parsed = JSON.parse(frame.text);
    } catch {
      parsed = undefined;
    }
    const array = Array.isArray(parsed) ? parsed : [];
    const payload = frame.type === 'CALL' ? array[3]
      : frame.type === 'CALLRESULT' ? array[2]
        : frame.type === 'CALLERROR' ? { errorCode: array[2], errorDescription: array[3], errorDetails: array[4] }
          : frame.text;
    const name = frame.type === 'CALL' ? frame.action
      : frame.type === 'CALLRESULT' ? `${frame.action ?? '?'}.conf`
        : frame.type === 'CALLERROR' ? `${frame.action ?? '?'} CALLERROR` : 'malformed';
    const sent = frame.direction === 'sent';
    const whole = parsed === undefined ? frame.text : JSON.stringify(parsed, null, 2);
    const detail = h('tr', { class: 'detail', hidden: true },
      h('td', { colspan: 4 }, h('pre', { class: 'json' }, whole + (frame.truncated ? '\n… (cut for the page)' : ''))));
    const toggle = () => { detail.hidden = !detail.hidden; row.setAttribute('aria-expanded', String(!detail.hidden)); };
    const row = h('tr', {
      class: `frame ${frame.type.toLowerCase()}`,
      tabindex: 0,
      'aria-expanded': 'false',
      dataset: { action: frame.action ?? '', type: frame.type, direction: frame.direction, sequence: frame.sequence },
      title: 'show the whole frame',
      onclick: toggle,
      onkeydown: (event) => { if (event.key === 'Enter') toggle(); },
    },
    h('td', { class: 'time' }, clock(frame.time)),
    h('td', { class: 'arrow', title: sent ? 'station → Central System' : 'Central System → station' }, sent ? '→' : '←'),
    h('td', { class: 'message' }, name),
    h('td', { class: 'payload' }, typeof payload === 'string' ? payload : compact(payload)));
    row.detail = detail;
    row.searchText = frame.text.toLowerCase();
    this.#filter(row);
    return row;
  }

  #filter(row) {
    const action = this.#actionFilter.value;
    const search = this.#search.value.trim().toLowerCase();
    const shown = (!action || row.dataset.action === action) && (!search || row.searchText.includes(search));
    row.hidden = !shown;
    if (!shown) row.detail.hidden = true;
  }

  #applyFilters() {
    this.#rows.forEach((row) => this.#filter(row));
    this.#updateStatus();
  }

  #offer(action) {
    const select = this.#actionFilter;
    if ([...select.options].some((option) => option.value === action)) return;
    const values = [...select.options].slice(1).map((option) => option.value).concat(action).sort();
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
    const shown = this.#rows.filter((row) => !row.hidden).length;
    this.#status.textContent = this.#paused
      ? `paused: ${this.#held.length} new frame${this.#held.length === 1 ? '' : 's'} held back`
      : `${shown} of ${this.#rows.length} frame${this.#rows.length === 1 ? '' : 's'}`;
  }
}
