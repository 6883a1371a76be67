// An independent, strict Central System (ocpp-rpc strictMode: every frame both ways checked against
// ocpp-rpc's own OCPP 1.6 schemas) that plays the Local Authorization List, Reservation and Smart
// Charging profiles against `ocpp-station run` in its own process, driving the simulated hardware
// over the control API as a tester would. It prints one line per check and exits 1 on the first
// failure (with the reason), 0 when every check passed.
//
//   npm ci --prefix scripts/node-csms
//   dotnet build -c Release src/Station.Host
//   node scripts/node-csms/profiles.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RPCServer } from 'ocpp-rpc';

const here = dirname(fileURLToPath(import.meta.url));
const dll = resolve(here, '../../src/Station.Host/bin/Release/net10.0/ocpp-station.dll');
const WAIT_MS = 10_000;
const QUIET_MS = 1_500;
const calls = [];   // every CALL from the station: {action, payload}
const waiters = [];
let nextTransactionId = 500;
let passed = 0;

function check(what, ok, detail = '') {
  if (!ok) {
    console.error(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
    process.exit(1);
  }
  passed++;
  console.log(`ok   ${what}`);
}

function seen(action, payload) {
  calls.push({ action, payload });
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].match(calls.at(-1))) { waiters[i].resolve(calls.at(-1)); waiters.splice(i, 1); }
  }
}

// The next CALL of the station after index `from` matching `match`, or a rejection after WAIT_MS.
function next(what, match, from) {
  const already = calls.slice(from).find(match);
  if (already) return Promise.resolve(already);
  return new Promise((resolvePromise, reject) => {
    const waiter = { match, resolve: resolvePromise };
    waiters.push(waiter);
    setTimeout(() => {
      const i = waiters.indexOf(waiter);
      if (i >= 0) { waiters.splice(i, 1); reject(new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`)); }
    }, WAIT_MS).unref();
  });
}

const status = (connectorId, value) => (c) => c.action === 'StatusNotification' && c.payload.connectorId === connectorId && c.payload.status === value;
const action = (name) => (c) => c.action === name;
const quiet = () => new Promise((r) => setTimeout(r, QUIET_MS));

function handlers(client) {
  const now = () => new Date().toISOString();
  const answer = (name, reply) => client.handle(name, ({ params }) => { seen(name, params); return reply(params); });
  answer('BootNotification', () => ({ status: 'Accepted', currentTime: now(), interval: 300 }));
  answer('Heartbeat', () => ({ currentTime: now() }));
  answer('StatusNotification', () => ({}));
  answer('Authorize', () => ({ idTagInfo: { status: 'Accepted' } }));
  answer('StartTransaction', () => ({ transactionId: nextTransactionId++, idTagInfo: { status: 'Accepted' } }));
  answer('StopTransaction', () => ({ idTagInfo: { status: 'Accepted' } }));
  answer('MeterValues', () => ({}));
  answer('DataTransfer', () => ({ status: 'UnknownVendorId' }));
  answer('FirmwareStatusNotification', () => ({}));
  answer('DiagnosticsStatusNotification', () => ({}));
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolvePromise(port)); });
  });
}

async function main() {
  if (!existsSync(dll)) { console.error(`error: ${dll} does not exist: build it with dotnet build -c Release src/Station.Host`); process.exit(2); }
  const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
  const connected = new Promise((r) => server.on('client', (c) => { handlers(c); r(c); }));
  const port = (await server.listen(0, '127.0.0.1')).address().port;
  const dataDir = mkdtempSync(join(tmpdir(), 'node-profiles-'));
  const controlUrl = `http://127.0.0.1:${await freePort()}`;
  const station = spawn('dotnet', [dll, 'run', '--csms-url', `ws://127.0.0.1:${port}/ocpp`, '--id', 'NODE-PROF', '--data-dir', dataDir,
    '--control-port', new URL(controlUrl).port], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stopping = false;
  station.on('exit', (code) => { if (!stopping) { console.error(`error: the station exited with ${code}`); process.exit(1); } });
  const stop = () => { stopping = true; station.kill('SIGTERM'); server.close(); rmSync(dataDir, { recursive: true, force: true }); };
  try {
    const client = await connected;
    await next('BootNotification', action('BootNotification'), 0);
    await next('StatusNotification Available', status(1, 'Available'), 0);
    console.log(`node-csms: ocpp-rpc strictMode, station NODE-PROF connected on ws://127.0.0.1:${port}, control ${controlUrl}`);
    const call = (name, params) => client.call(name, params);
    const post = async (path, body) => {
      const response = await fetch(`${controlUrl}${path}`, { method: 'POST', body: body && JSON.stringify(body) });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    };
    const state = async () => (await (await fetch(`${controlUrl}/state`)).json()).connectors[0];
    await localList(call, post);
    await reservation(call, post);
    await smartCharging(call, post, state);
    console.log(`PASS: ${passed} checks, every frame both ways valid under ocpp-rpc's strict OCPP 1.6 schemas`);
  } finally {
    stop();
  }
}

async function localList(call, post) {
  check('GetLocalListVersion of an empty list is 0', (await call('GetLocalListVersion', {})).listVersion === 0);
  const full = await call('SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [
    { idTag: 'NODE-LIST', idTagInfo: { status: 'Accepted' } }, { idTag: 'NODE-BLOCK', idTagInfo: { status: 'Blocked' } }] });
  check('SendLocalList Full version 1 is Accepted', full.status === 'Accepted');
  check('GetLocalListVersion is then 1', (await call('GetLocalListVersion', {})).listVersion === 1);
  const stale = await call('SendLocalList', { listVersion: 1, updateType: 'Differential', localAuthorizationList: [] });
  check('a Differential update that is not newer is VersionMismatch', stale.status === 'VersionMismatch', stale.status);
  const removal = await call('SendLocalList', { listVersion: 2, updateType: 'Differential', localAuthorizationList: [{ idTag: 'NODE-BLOCK' }] });
  check('a Differential entry without idTagInfo (removal) is Accepted', removal.status === 'Accepted');
  check('LocalPreAuthorize can be switched on', (await call('ChangeConfiguration', { key: 'LocalPreAuthorize', value: 'true' })).status === 'Accepted');

  const mark = calls.length;
  await post('/connectors/1/plug');
  await post('/rfid', { idTag: 'NODE-LIST' });
  const start = await next('StartTransaction', action('StartTransaction'), mark);
  check('a listed Accepted card starts without an Authorize', !calls.slice(mark).some(action('Authorize')) && start.payload.idTag === 'NODE-LIST');
  await endSession(post, mark, 'NODE-LIST');
}

async function reservation(call, post) {
  let mark = calls.length;
  const reserved = await call('ReserveNow', { connectorId: 1, expiryDate: new Date(Date.now() + 3_600_000).toISOString(), idTag: 'NODE-RES', reservationId: 7 });
  check('ReserveNow on an available connector is Accepted', reserved.status === 'Accepted', reserved.status);
  await next('StatusNotification Reserved', status(1, 'Reserved'), mark);
  check('the connector reports Reserved', true);

  mark = calls.length;
  await post('/rfid', { idTag: 'NODE-OTHER' });
  await post('/connectors/1/plug');
  await quiet();
  check('another card does not start on the reserved connector', !calls.slice(mark).some(action('StartTransaction')));
  await post('/connectors/1/unplug');

  mark = calls.length;
  await post('/rfid', { idTag: 'NODE-RES' });
  await post('/connectors/1/plug');
  const start = await next('StartTransaction', action('StartTransaction'), mark);
  check('the reserving card starts with its reservationId', start.payload.reservationId === 7, JSON.stringify(start.payload));
  await endSession(post, mark, 'NODE-RES');

  mark = calls.length;
  await call('ReserveNow', { connectorId: 1, expiryDate: new Date(Date.now() + 3_600_000).toISOString(), idTag: 'NODE-RES', reservationId: 8 });
  await next('StatusNotification Reserved', status(1, 'Reserved'), mark);
  check('CancelReservation of a reservation in force is Accepted', (await call('CancelReservation', { reservationId: 8 })).status === 'Accepted');
  await next('StatusNotification Available', status(1, 'Available'), mark);
  check('CancelReservation of an unknown id is Rejected', (await call('CancelReservation', { reservationId: 99 })).status === 'Rejected');
}

async function smartCharging(call, post, state) {
  const profile = (id, purpose, limit, extra = {}) => ({ chargingProfileId: id, stackLevel: 0, chargingProfilePurpose: purpose, chargingProfileKind: 'Absolute',
    chargingSchedule: { chargingRateUnit: 'A', startSchedule: new Date(Date.now() - 60_000).toISOString(), chargingSchedulePeriod: [{ startPeriod: 0, limit }] }, ...extra });
  const set = await call('SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(11, 'TxDefaultProfile', 10) });
  check('SetChargingProfile TxDefaultProfile 10 A is Accepted', set.status === 'Accepted', set.status);
  const composite = await call('GetCompositeSchedule', { connectorId: 1, duration: 600, chargingRateUnit: 'A' });
  check('GetCompositeSchedule gives 10 A', composite.status === 'Accepted' && composite.chargingSchedule?.chargingSchedulePeriod?.[0]?.limit === 10,
    JSON.stringify(composite));

  const mark = calls.length;
  await post('/connectors/1/plug');
  await post('/rfid', { idTag: 'NODE-SC' });
  await next('StatusNotification Charging', status(1, 'Charging'), mark);
  const transactionId = (await waitFor(state, (c) => c.transactionId)).transactionId;
  check('a transaction charges at the default profile\'s 10 A', (await waitFor(state, (c) => c.limitA === 10)).limitA === 10);
  const tx = await call('SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(12, 'TxProfile', 6, { transactionId }) });
  check('SetChargingProfile TxProfile 6 A for the transaction is Accepted', tx.status === 'Accepted', tx.status);
  check('the connector\'s limit drops to 6 A', (await waitFor(state, (c) => c.limitA === 6)).limitA === 6);
  const wrong = await call('SetChargingProfile', { connectorId: 1, csChargingProfiles: profile(13, 'TxProfile', 6, { transactionId: transactionId + 1000 }) });
  check('a TxProfile for another transaction is Rejected', wrong.status === 'Rejected', wrong.status);
  check('ClearChargingProfile by id is Accepted', (await call('ClearChargingProfile', { id: 12 })).status === 'Accepted');
  check('the limit is the default\'s 10 A again', (await waitFor(state, (c) => c.limitA === 10)).limitA === 10);
  check('ClearChargingProfile of an unknown id is Unknown', (await call('ClearChargingProfile', { id: 999 })).status === 'Unknown');
  await endSession(post, mark, 'NODE-SC');
}

// The same card stops the session; unplugging makes the connector Available again.
async function endSession(post, mark, idTag) {
  await post('/rfid', { idTag });
  const stop = await next('StopTransaction', action('StopTransaction'), mark);
  await post('/connectors/1/unplug');
  await next('StatusNotification Available', status(1, 'Available'), calls.indexOf(stop));
}

async function waitFor(state, condition) {
  for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const connector = await state();
    if (condition(connector)) return connector;
  }
  return state();
}

main().catch((error) => { console.error(`FAIL ${error.message}`); process.exit(1); });
