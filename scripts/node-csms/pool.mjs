// Pools the --json files of several latency.mjs runs (each a fresh station process) into one table:
//   node scripts/node-csms/pool.mjs run1.json run2.json ...
import { readFileSync } from 'node:fs';
import { table, stepTables } from './stats.mjs';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('error: usage: node pool.mjs RUN.json...');
  process.exit(2);
}

const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')));
const pooled = (pick) => runs.flatMap(pick);
const byName = (pick) => {
  const names = new Map();
  for (const run of runs) for (const [name, samples] of pick(run)) names.set(name, [...(names.get(name) ?? []), ...samples]);
  return [...names];
};
const orders = (pick) => {
  const byOrder = new Map();
  for (const run of runs) {
    for (const { order, total, steps } of pick(run)) {
      const entry = byOrder.get(order) ?? byOrder.set(order, { total: [], steps: steps.map(([name]) => [name, []]) }).get(order);
      entry.total.push(...total);
      steps.forEach(([, samples], i) => entry.steps[i][1].push(...samples));
    }
  }
  return byOrder;
};

console.log(`${runs.length} runs pooled; load average (1 min) at their ends: ${runs.map((r) => r.loadavg[0].toFixed(2)).join(' ')}`);
table('remote transaction control (call() → the station\'s request seen)', [
  ['RemoteStartTransaction → StartTransaction.req', pooled((r) => r.figures.starts)],
  ['RemoteStopTransaction → StopTransaction.req', pooled((r) => r.figures.stops)],
  ['RemoteStartTransaction (answer)', pooled((r) => r.figures.startAnswers)],
  ['RemoteStopTransaction (answer)', pooled((r) => r.figures.stopAnswers)],
]);
table('requests and TriggerMessage', byName((r) => r.requests));
stepTables('RemoteStartTransaction → StartTransaction, step by step', orders((r) => r.startOrders));
stepTables('RemoteStopTransaction → StopTransaction, step by step', orders((r) => r.stopOrders));
table('the Central System library\'s share on arrival (StartTransaction seen → handler entered)', [['StartTransaction', pooled((r) => r.figures.startHandler)]]);
