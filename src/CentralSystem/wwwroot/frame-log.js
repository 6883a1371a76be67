// The live OCPP message log of both web UIs (the Central System's and the station dashboard,
// which serves this same file): newest at the bottom, a row opens to the whole frame, filters,
// Pause holds new frames back, at most `maxRows` rows. Each page says how it reads its frames.

import { clock, compact, h, setOptions } from './dom.js';

const Types = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR' };

/** CALL, CALLRESULT, CALLERROR of a frame's parsed array; malformed for anything else. */
export function frameType(array) {
  return (Array.isArray(array) && Types[array[0]]) || 'malformed';
}

/** The name a row shows (answers are named after the CALL they answer) and the payload of a frame. */
export function describeFrame(type, array, action, text) {
  const payload = type === 'CALL' ? array[3]
    : type === 'CALLRESULT' ? array[2]
      : type === 'CALLERROR' ? { errorCode: array[2], errorDescription: array[3], errorDetails: array[4] }
        : text;
  const name = type === 'CALL' ? action
    : type === 'CALLRESULT' ? `${action ?? '?'}.conf`
      : type === 'CALLERROR' ? `${action ?? '?'} CALLERROR` : 'malformed';
  return { name, payload };
}

/** Offers `value` in a filter's select (kept sorted, `all` first) unless it is there already. */
function offer(select, value) {
  if (!value || [...select.options].some((option) => option.value === value)) return;
  const values = [...select.options].slice(1).map((option) => option.value).concat(value).sort();
  setOptions(select, values, { blank: 'all' });
}

export class FrameLog {
  #body = document.querySelector('#log tbody');
  #scroller = document.getElementById('log-scroll');
  #pause = document.getElementById('log-pause');
  #status = document.getElementById('log-status');
  #rows = [];
  #held = [];
  #paused = false;
  #page;

  /**
   * `page`: { maxRows, columns (of the table), filters (inputs and selects that filter),
   * isNew(frame) (false for one already shown), forget() (a reset or clear: nothing seen yet),
   * read(frame) → { type, name, payload, whole (the frame pretty-printed), fromStation, cells
   * (extra cells after the time), dataset, offers: [[select, value]], searchText },
   * matches(row) (the row's dataset and searchText against the filters) }.
   */
  constructor(page) {
    this.#page = page;
    for (const filter of page.filters) {
      filter.addEventListener(filter.tagName === 'SELECT' ? 'change' : 'input', () => this.#applyFilters());
    }
    this.#pause.addEventListener('click', () => this.#setPaused(!this.#paused));
    document.getElementById('log-clear').addEventListener('click', () => {
      this.#rows = [];
      this.#held = [];
      this.#body.replaceChildren();
      this.#updateStatus();
    });
  }

  /** The frames a new stream starts with, replacing what is shown. */
  reset(frames) {
    this.#rows = [];
    this.#held = [];
    this.#page.forget();
    this.#body.replaceChildren();
    frames.forEach((frame) => this.add(frame));
    this.#updateStatus();
  }

  add(frame) {
    if (!this.#page.isNew(frame)) return;
    if (this.#paused) {
      this.#held.push(frame);
      this.#updateStatus();
      return;
    }
    this.#append(frame);
  }

  /** Tells that events were lost because the page fell behind. */
  dropped(count) {
    this.#body.append(h('tr', { class: 'notice' }, h('td', { colspan: this.#page.columns }, `${count} events were dropped: the page fell behind`)));
  }

  #append(frame) {
    const row = this.#row(frame);
    const scroller = this.#scroller;

    // Follows the newest frame while the user is at the bottom; leaves them where they scrolled to otherwise.
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 24;
    this.#rows.push(row);
    this.#body.append(row, row.detail);
    if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    if (this.#rows.length > this.#page.maxRows) {
      const oldest = this.#rows.shift();
      oldest.detail.remove();
      oldest.remove();
    }
    this.#updateStatus();
  }

  #row(frame) {
    const read = this.#page.read(frame);
    const detail = h('tr', { class: 'detail', hidden: true }, h('td', { colspan: this.#page.columns }, h('pre', { class: 'json' }, read.whole)));
    const toggle = () => { detail.hidden = !detail.hidden; row.setAttribute('aria-expanded', String(!detail.hidden)); };
    const row = h('tr', {
      class: `frame ${read.type.toLowerCase()}${read.fromStation ? '' : ' to-station'}`,
      tabindex: 0,
      'aria-expanded': 'false',
      dataset: { ...read.dataset, action: frame.action ?? '', type: read.type, direction: frame.direction },
      title: 'show the whole frame',
      onclick: toggle,
      onkeydown: (event) => { if (event.key === 'Enter') toggle(); },
    },
    h('td', { class: 'time' }, clock(frame.time)),
    ...read.cells,
    h('td', { class: 'arrow', title: read.fromStation ? 'station → Central System' : 'Central System → station' }, read.fromStation ? '→' : '←'),
    h('td', { class: 'message' }, read.name),
    h('td', { class: 'payload' }, typeof read.payload === 'string' ? read.payload : compact(read.payload)));
    row.detail = detail;
    row.searchText = read.searchText;
    for (const [select, value] of read.offers) offer(select, value);
    this.#filter(row);
    return row;
  }

  #filter(row) {
    const shown = this.#page.matches(row);
    row.hidden = !shown;
    if (!shown) row.detail.hidden = true;
  }

  #applyFilters() {
    this.#rows.forEach((row) => this.#filter(row));
    this.#updateStatus();
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
