// An independent Central System on Node.js (ocpp-rpc, as the issue's measurement used) that times
// a station over loopback: RemoteStartTransaction → StartTransaction, RemoteStopTransaction →
// StopTransaction, GetConfiguration, ChangeConfiguration, TriggerMessage. By default it starts the
// station itself (`ocpp-station run`, the Release build) and drives its simulated cable over the
// control API; --no-spawn waits for any station instead (then --control-url, or none for a station
// that starts a remote transaction without a cable).
//
// Timing: performance.now() in this process. "sent" is taken just before ocpp-rpc's call(), "seen"
// when ocpp-rpc emits the frame's 'message' event (the WebSocket frame is read, before ocpp-rpc parses
// and dispatches it); the step table shows every frame of a cycle on that clock.
//
//   npm ci --prefix scripts/node-csms
//   node scripts/node-csms/latency.mjs --cycles 30 [--warmup 0] [--strict] [--station-arg --durability --station-arg process-crash-safe]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { RPCServer } from 'ocpp-rpc';
import { table, stepTables } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const options = parse(process.argv.slice(2));
const WAIT_MS = 10_000;
const ID_TAG = 'NODE0001';

const frames = [];            // {t, outbound, type, id, action, payload}
const waiters = [];           // {match, resolve}
const callActions = new Map(); // message id → action of a CALL either way
let transactionIds = 1000;

function parse(args) {
  const o = { settleMs: 0, port: 0, cycles: 30, warmup: 0, runs: null, strict: false, spawn: true, id: 'NODE-LAT', stationArgs: [], connector: 1,
    dll: resolve(here, '../../src/Station.Host/bin/Release/net10.0/ocpp-station.dll'), controlUrl: null, dataDir: null };
  for (let i = 0; i < args.length; i++) {
    const name = args[i];
    const value = () => { if (i + 1 >= args.length) fail(`${name} needs a value`); return args[++i]; };
    const whole = (text) => { if (!/^\d+$/.test(text)) fail(`${name} must be a whole number, got '${text}'`); return Number(text); };
    switch (name) {
      case '--port': o.port = whole(value()); break;
      case '--cycles': o.cycles = whole(value()); break;
      case '--warmup': o.warmup = whole(value()); break;
      case '--runs': o.runs = whole(value()); break;
      case '--strict': o.strict = true; break;
      case '--no-spawn': o.spawn = false; break;
      case '--id': o.id = value(); break;
      case '--station-dll': o.dll = resolve(value()); break;
      case '--station-arg': o.stationArgs.push(value()); break;
      case '--control-url': o.controlUrl = value(); break;
      case '--data-dir': o.dataDir = value(); break;
      case '--json': o.json = resolve(value()); break;
      case '--settle-ms': o.settleMs = whole(value()); break;
      default: fail(`unknown option '${name}'`);
    }
  }
  if (o.cycles < 1) fail('--cycles must be at least 1');
  o.runs ??= o.cycles;
  return o;
}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(2);
}

function record(message, outbound) {
  const t = performance.now();
  let parsed;
  try { parsed = JSON.parse(message); } catch { return; }
  const [type, id] = parsed;
  let action;
  if (type === 2) { action = parsed[2]; callActions.set(id, action); } else { action = callActions.get(id); callActions.delete(id); }
  const frame = { t, outbound, type, id, action, payload: type === 2 ? parsed[3] : parsed[2] };
  frames.push(frame);
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].match(frame)) { waiters[i].resolve(frame); waiters.splice(i, 1); }
  }
}

// A frame from now on (or already recorded after index `from`); resolves with the frame, rejects after WAIT_MS.
function next(what, match, from = frames.length) {
  const seen = frames.slice(from).find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolvePromise, reject) => {
    const waiter = { match, resolve: resolvePromise };
    waiters.push(waiter);
    setTimeout(() => {
      const i = waiters.indexOf(waiter);
      if (i >= 0) { waiters.splice(i, 1); reject(new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`)); }
    }, WAIT_MS).unref();
  });
}

const callFrom = (action, when = () => true) => (fr) => !fr.outbound && fr.type === 2 && fr.action === action && when(fr.payload);
const answerTo = (frame) => (fr) => fr.outbound && fr.type !== 2 && fr.id === frame.id;
const status = (value) => callFrom('StatusNotification', (p) => p.connectorId === options.connector && p.status === value);

// The station reported a status and we answered it: nothing is in flight.
async function quietAfter(value, from) {
  const reported = await next(`StatusNotification ${value}`, status(value), from);
  await next(`the answer to StatusNotification ${value}`, answerTo(reported), frames.indexOf(reported));
}

// The station applies a StartTransaction answer a moment after we sent it: a RemoteStop before that is
// rightly Rejected. Our station's control API says when it knows the id (a station without one is given the answer's round trip).
async function transactionKnown(transactionId) {
  if (!options.controlUrl) return;
  for (const deadline = performance.now() + WAIT_MS; performance.now() < deadline;) {
    const state = await (await fetch(`${options.controlUrl}/state`)).json();
    if (state.connectors?.[options.connector - 1]?.transactionId === transactionId) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`the station did not take transactionId ${transactionId} within ${WAIT_MS / 1000} s`);
}

async function control(path) {
  if (!options.controlUrl) return;
  const response = await fetch(`${options.controlUrl}${path}`, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

function handlers(client) {
  const now = () => new Date().toISOString();
  client.handle('BootNotification', () => ({ status: 'Accepted', currentTime: now(), interval: 60 }));
  client.handle('Heartbeat', () => ({ currentTime: now() }));
  client.handle('StatusNotification', () => ({}));
  client.handle('Authorize', () => ({ idTagInfo: { status: 'Accepted' } }));
  client.handle('StartTransaction', () => {
    client.handlerEnteredAt ??= performance.now();
    return { transactionId: transactionIds++, idTagInfo: { status: 'Accepted' } };
  });
  client.handle('StopTransaction', () => ({ idTagInfo: { status: 'Accepted' } }));
  client.handle('MeterValues', () => ({}));
  client.handle('DataTransfer', () => ({ status: 'Accepted' }));
  client.handle('FirmwareStatusNotification', () => ({}));
  client.handle('DiagnosticsStatusNotification', () => ({}));
}

// The frames of one cycle up to the caused request, each with the time since the one before (the
// first: since call()), on this process's clock.
function steps(sentAt, from, caused) {
  const rows = [];
  let previous = sentAt;
  for (const fr of frames.slice(from)) {
    const name = `${fr.outbound ? '→' : '←'} ${fr.action}${fr.type === 2 ? '' : '.conf'}${fr.action === 'StatusNotification' && fr.type === 2 ? ` ${fr.payload.status}` : ''}`;
    rows.push([name, fr.t - previous]);
    previous = fr.t;
    if (!fr.outbound && fr.type === 2 && fr.action === caused) break;
  }
  return rows;
}

// Cycles are grouped by the order their frames came in (the station may report its status before or
// after the transaction message): one table per order, with the total of that order.
function collect(byOrder, rows) {
  const order = rows.map(([name]) => name).join(' | ');
  const entry = byOrder.get(order) ?? byOrder.set(order, { total: [], steps: rows.map(([name]) => [name, []]) }).get(order);
  entry.total.push(rows.reduce((sum, [, ms]) => sum + ms, 0));
  rows.forEach(([, ms], i) => entry.steps[i][1].push(ms));
}

async function main() {
  const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: options.strict });
  let client;
  const connected = new Promise((resolvePromise) => server.on('client', (c) => {
    c.on('message', ({ message, outbound }) => record(message.toString(), outbound));
    handlers(c);
    client = c;
    resolvePromise(c);
  }));
  const listener = await server.listen(options.port, '127.0.0.1');
  const port = listener.address().port;
  const ocppRpc = JSON.parse(readFileSync(join(here, 'node_modules/ocpp-rpc/package.json'), 'utf8')).version;
  console.log(`node-csms: ocpp-rpc ${ocppRpc}${options.strict ? ' (strictMode: schemas checked both ways)' : ''} on Node ${process.version}, listening on ws://127.0.0.1:${port}`);
  console.log(`machine: ${cpus().length} logical cores; load average (1/5/15 min) at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`runs: ${options.cycles} charging cycles and ${options.runs} runs of each request, after ${options.warmup} warm-up ones`);

  let station;
  let dataDir;
  let stopping = false;
  if (options.spawn) {
    if (!existsSync(options.dll)) fail(`${options.dll} does not exist: build it with dotnet build -c Release src/Station.Host`);
    dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'node-csms-'));
    const controlPort = await freePort();
    options.controlUrl = `http://127.0.0.1:${controlPort}`;
    const args = [options.dll, 'run', '--csms-url', `ws://127.0.0.1:${port}/ocpp`, '--id', options.id, '--data-dir', dataDir, '--control-port', String(controlPort), ...options.stationArgs];
    const env = Object.entries(process.env).filter(([k]) => k.startsWith('DOTNET_')).map(([k, v]) => `${k}=${v}`);
    console.log(`station: dotnet ${args.slice(1).join(' ')}${env.length ? ` (${env.join(' ')})` : ''}`);
    station = spawn('dotnet', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    console.log(`station pid ${station.pid}`);
    const tail = [];
    for (const stream of [station.stdout, station.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (text) => { tail.push(...text.split('\n').filter(Boolean)); tail.splice(0, Math.max(0, tail.length - 20)); });
    }
    station.on('exit', (code) => { if (!stopping) { console.error(`error: the station exited with ${code}:\n${tail.join('\n')}`); process.exit(1); } });
  }

  try {
    await Promise.race([connected, new Promise((_, reject) => setTimeout(() => reject(new Error('no station connected within 30 s')), 30_000).unref())]);
    const booted = Date.now();
    await next('BootNotification', callFrom('BootNotification'), 0);
    await quietAfter('Available', 0);
    console.log(`station ${client.identity} connected and booted`);
    if (options.spawn) {
      // Not in the station's control API's answer yet: wait for it to listen (it prints a line; polling /state is simpler here).
      for (let i = 0; ; i++) { try { const r = await fetch(`${options.controlUrl}/state`); if (r.ok) break; } catch { if (i > 300) throw new Error('control API not up'); } await new Promise((r) => setTimeout(r, 50)); }
    }

    if (options.settleMs) {
      // A station in the field idles between its boot and the first remote start (and a tracer can attach meanwhile).
      console.log(`settling for ${options.settleMs} ms`);
      await new Promise((r) => setTimeout(r, options.settleMs));
    }

    const starts = []; const stops = []; const startAnswers = []; const stopAnswers = []; const startHandler = [];
    const startSteps = new Map(); const stopSteps = new Map();
    for (let run = 0; run < options.warmup + options.cycles; run++) {
      const measured = run >= options.warmup;
      let from = frames.length;
      await control(`/connectors/${options.connector}/plug`);
      if (options.controlUrl) await quietAfter('Preparing', from);

      from = frames.length;
      client.handlerEnteredAt = undefined;
      const startSeen = next('StartTransaction', callFrom('StartTransaction'));
      const sent = performance.now();
      const answer = await client.call('RemoteStartTransaction', { idTag: ID_TAG, connectorId: options.connector });
      const answered = performance.now();
      if (answer.status !== 'Accepted') throw new Error(`RemoteStartTransaction answered ${answer.status}`);
      const start = await startSeen;
      await next('the answer to StartTransaction', answerTo(start), frames.indexOf(start));
      await quietAfter('Charging', from);
      if (measured) {
        starts.push(start.t - sent); startAnswers.push(answered - sent); startHandler.push(client.handlerEnteredAt - start.t);
        collect(startSteps, steps(sent, from, 'StartTransaction'));
      }
      const transactionId = frames.find((fr) => fr.outbound && fr.id === start.id).payload.transactionId;
      await transactionKnown(transactionId);

      from = frames.length;
      const stopSeen = next('StopTransaction', callFrom('StopTransaction'));
      const stopSent = performance.now();
      const stopAnswer = await client.call('RemoteStopTransaction', { transactionId });
      const stopAnswered = performance.now();
      if (stopAnswer.status !== 'Accepted') throw new Error(`RemoteStopTransaction answered ${stopAnswer.status}`);
      const stop = await stopSeen;
      await next('the answer to StopTransaction', answerTo(stop), frames.indexOf(stop));
      if (options.controlUrl) await quietAfter('Finishing', from);
      if (measured) {
        stops.push(stop.t - stopSent); stopAnswers.push(stopAnswered - stopSent);
        collect(stopSteps, steps(stopSent, from, 'StopTransaction'));
      }

      from = frames.length;
      await control(`/connectors/${options.connector}/unplug`);
      if (options.controlUrl) await quietAfter('Available', from);
    }

    const requests = [];
    const timed = async (name, once) => {
      const samples = [];
      for (let run = 0; run < options.warmup + options.runs; run++) {
        const t = await once(run);
        if (run >= options.warmup) samples.push(t);
      }
      requests.push([name, samples]);
    };
    const call = async (action, payload, check) => {
      const sent = performance.now();
      const answer = await client.call(action, payload);
      const elapsed = performance.now() - sent;
      if (!check(answer)) throw new Error(`unexpected answer to ${action}: ${JSON.stringify(answer)}`);
      return elapsed;
    };
    await timed('GetConfiguration (1 key)', () => call('GetConfiguration', { key: ['HeartbeatInterval'] }, (a) => a.configurationKey?.length === 1));
    await timed('GetConfiguration (all keys)', () => call('GetConfiguration', {}, (a) => a.configurationKey?.length > 1));
    await timed('ChangeConfiguration HeartbeatInterval (persisted)', (run) => call('ChangeConfiguration', { key: 'HeartbeatInterval', value: run % 2 ? '60' : '50' }, (a) => a.status === 'Accepted'));
    for (const [requested, caused] of [['Heartbeat', 'Heartbeat'], ['StatusNotification', 'StatusNotification'], ['MeterValues', 'MeterValues']]) {
      await timed(`TriggerMessage(${requested}) → ${caused}.req`, async () => {
        const seen = next(`the triggered ${caused}`, callFrom(caused));
        const sent = performance.now();
        const answer = await client.call('TriggerMessage', { requestedMessage: requested, connectorId: options.connector });
        if (answer.status !== 'Accepted') throw new Error(`TriggerMessage(${requested}) answered ${answer.status}`);
        const triggered = await seen;
        await next(`the answer to the triggered ${caused}`, answerTo(triggered), frames.indexOf(triggered));
        return triggered.t - sent;
      });
    }

    console.log('\nAll times in ms, on this process\'s clock (performance.now()).');
    table('remote transaction control (call() → the station\'s request seen)', [
      ['RemoteStartTransaction → StartTransaction.req', starts],
      ['RemoteStopTransaction → StopTransaction.req', stops],
      ['RemoteStartTransaction (answer)', startAnswers],
      ['RemoteStopTransaction (answer)', stopAnswers],
    ]);
    table('requests (call() → its answer resolved) and TriggerMessage (call() → the triggered request seen)', requests);
    stepTables('RemoteStartTransaction → StartTransaction, step by step (each frame since the one before; the first since call())', startSteps);
    stepTables('RemoteStopTransaction → StopTransaction, step by step', stopSteps);
    table('this library\'s share on arrival (StartTransaction seen → its handler entered: parse, validation, dispatch)', [['StartTransaction', startHandler]]);
    console.log(`\nload average (1/5/15 min) at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (options.json) {
      // Raw samples in run order, for pool.mjs to combine several runs (fresh station processes) into one table.
      const orders = (byOrder) => [...byOrder].map(([order, { total, steps: rows }]) => ({ order, total, steps: rows }));
      writeFileSync(options.json, JSON.stringify({ loadavg: loadavg(), figures: { starts, stops, startAnswers, stopAnswers, startHandler }, requests, startOrders: orders(startSteps), stopOrders: orders(stopSteps) }));
    }
  } catch (error) {
    console.error(`error: the run failed, its figures mean nothing: ${error.message}`);
    process.exitCode = 1;
  } finally {
    stopping = true;
    if (station && station.exitCode === null) {
      const exited = new Promise((r) => station.on('exit', r));
      station.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
      if (station.exitCode === null) station.kill('SIGKILL');
    }
    await server.close({ force: true, awaitPending: false });
    if (dataDir && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolvePromise(port)); });
  });
}

await main();
