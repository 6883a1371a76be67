// A small line chart in SVG for the fleet's last minutes: no library, one path per series,
// redrawn from a bounded window of samples (one a second).

const Width = 600;
const Height = 160;
const Pad = { left: 44, right: 8, top: 8, bottom: 18 };
const Ns = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(Ns, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export class LineChart {
  #element;
  #series;
  #window;
  #samples = [];

  /** `series`: [{ name, className }]; `windowSeconds`: how far back the chart reaches. */
  constructor(element, series, windowSeconds = 600) {
    this.#element = element;
    this.#series = series;
    this.#window = windowSeconds;
  }

  /** Adds one sample: the time in seconds and one value (or null) per series. */
  add(time, values) {
    this.#samples.push({ time, values });
    while (this.#samples.length > 0 && this.#samples[0].time < time - this.#window) this.#samples.shift();
    this.#draw();
  }

  get samples() {
    return this.#samples.length;
  }

  #draw() {
    const samples = this.#samples;
    const last = samples.at(-1)?.time ?? 0;
    const first = Math.max(samples[0]?.time ?? 0, last - this.#window);
    const span = Math.max(last - first, 1);
    const top = niceMax(Math.max(1, ...samples.flatMap((s) => s.values.filter((v) => typeof v === 'number'))));
    const x = (t) => Pad.left + ((t - first) / span) * (Width - Pad.left - Pad.right);
    const y = (v) => Height - Pad.bottom - (v / top) * (Height - Pad.top - Pad.bottom);
    const children = [
      svg('line', { class: 'axis', x1: Pad.left, y1: y(0), x2: Width - Pad.right, y2: y(0) }),
      svg('line', { class: 'grid', x1: Pad.left, y1: y(top), x2: Width - Pad.right, y2: y(top) }),
      svg('text', { class: 'label', x: Pad.left - 4, y: y(top) + 4, 'text-anchor': 'end' }, format(top)),
      svg('text', { class: 'label', x: Pad.left - 4, y: y(0) + 4, 'text-anchor': 'end' }, '0'),
      svg('text', { class: 'label', x: Width - Pad.right, y: Height - 4, 'text-anchor': 'end' }, 'now'),
      svg('text', { class: 'label', x: Pad.left, y: Height - 4 }, `-${Math.round(span / 60 * 10) / 10} min`),
    ];
    this.#series.forEach((series, index) => {
      const points = samples.filter((s) => typeof s.values[index] === 'number').map((s) => `${x(s.time).toFixed(1)},${y(s.values[index]).toFixed(1)}`);
      if (points.length > 0) children.push(svg('polyline', { class: `series ${series.className}`, points: points.join(' ') }));
      const latest = samples.findLast((s) => typeof s.values[index] === 'number')?.values[index];
      children.push(svg('text', { class: `legend ${series.className}`, x: Pad.left + 6 + index * 130, y: Pad.top + 10 },
        `${series.name} ${latest === undefined ? '–' : format(latest)}`));
    });
    this.#element.replaceChildren(...children);
    this.#element.dataset.points = String(samples.length);
  }
}

function niceMax(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value);
}

function format(value) {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}
