// The statistics latency.mjs and pool.mjs print: nearest-rank percentiles, as the C# benchmark.

export function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  // The smallest value with at least p of the samples at or below it: with fewer than 100 samples p99 is the maximum.
  const rank = (p) => s[Math.max(0, Math.ceil(p * s.length) - 1)];
  return { n: s.length, min: s[0], median: rank(0.5), mean: s.reduce((a, b) => a + b, 0) / s.length, p99: rank(0.99), p999: rank(0.999), max: s[s.length - 1] };
}

const f = (ms) => ms.toFixed(3).padStart(7);

export function table(title, rows) {
  console.log(`\n${title}`);
  const header = `${'figure'.padEnd(56)} ${'runs'.padStart(5)} ${'min'.padStart(7)} ${'median'.padStart(7)} ${'mean'.padStart(7)} ${'p99'.padStart(7)} ${'p99.9'.padStart(7)} ${'max'.padStart(7)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const [name, samples] of rows) {
    if (!samples.length) { console.log(`${name.padEnd(56)}     - (no samples)`); continue; }
    const s = summary(samples);
    console.log(`${name.padEnd(56)} ${String(s.n).padStart(5)} ${f(s.min)} ${f(s.median)} ${f(s.mean)} ${f(s.p99)} ${f(s.p999)} ${f(s.max)}`);
  }
}

// byOrder: Map of frame order → { total: [ms], steps: [[name, [ms]]] }, one table per order, the most frequent first.
export function stepTables(title, byOrder) {
  for (const { total, steps: rows } of [...byOrder.values()].sort((a, b) => b.total.length - a.total.length)) {
    table(`${title}: ${total.length} cycle(s) in this order`, [['total: call() → the request seen', total], ...rows.map(([name, samples]) => [`  ${name}`, samples])]);
  }
}

