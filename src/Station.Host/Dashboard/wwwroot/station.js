// The station dashboard: one event stream (GET events, relative to the page) keeps every view live;
// the page never reloads and never polls. Every button is a request of the control API.

import { ConfigurationTable } from './config.js';
import { ConnectorList, ErrorCodes } from './connectors.js';
import { post } from './control.js';
import { setOptions, setText } from './dom.js';
import { MessageLog } from './messages.js';

const live = document.getElementById('live');
const status = document.getElementById('action-status');
const log = new MessageLog();
const config = new ConfigurationTable();
const connectors = new ConnectorList(act);

/** Sends a control request; shows the new state at once, or the reason it was refused. */
async function act(path, body) {
  status.dataset.state = 'busy';
  setText(status, `${path}…`);
  try {
    const answer = await post(path, body);
    if (answer.ok) {
      status.dataset.state = 'ok';
      setText(status, `${path}: done`);
      showState(answer.body);
    } else {
      status.dataset.state = 'error';
      setText(status, `${path}: HTTP ${answer.status} ${answer.body?.error ?? ''}`);
    }
  } catch (error) {
    status.dataset.state = 'error';
    setText(status, `${path}: ${error.message}`);
  }
}

function showState(state) {
  if (!state) return;
  setText(document.getElementById('station-id'), state.chargePointId);
  document.title = `${state.chargePointId} · OCPP 1.6J`;
  const connection = document.getElementById('connection');
  const shown = state.rebooting ? 'connecting' : state.connected ? 'live' : 'off';
  connection.dataset.state = shown;
  setText(connection, state.rebooting ? 'rebooting' : state.connected ? 'connected' : 'offline');
  const registration = document.getElementById('registration');
  registration.hidden = !state.registration;
  registration.dataset.registration = state.registration ?? '';
  setText(registration, state.registration ? `registration ${state.registration}` : '');
  const queued = [`${state.queuedTransactionMessages} queued transaction message${state.queuedTransactionMessages === 1 ? '' : 's'}`];
  if (state.deadLetters) queued.push(`${state.deadLetters} dead letter${state.deadLetters === 1 ? '' : 's'}`);
  setText(document.getElementById('queued'), queued.join(' · '));
  document.getElementById('emergency-stop').hidden = Boolean(state.emergencyStop);
  document.getElementById('emergency-release').hidden = !state.emergencyStop;
  document.body.dataset.emergencyStop = String(Boolean(state.emergencyStop));
  setText(document.getElementById('station-fault-state'), state.stationFault ? `station Faulted: ${state.stationFault}` : '');
  connectors.show(state.connectors ?? []);
  if (!document.body.dataset.ready) {
    document.body.dataset.ready = 'true';
    performance.mark('page-ready');
  }
}

function setLive(state, text) {
  live.dataset.state = state;
  setText(live, text);
}

document.getElementById('card-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const idTag = document.getElementById('card-idtag').value.trim();
  act('rfid', { idTag });
});
document.getElementById('emergency-stop').addEventListener('click', () => act('emergency-stop'));
document.getElementById('emergency-release').addEventListener('click', () => act('emergency-stop/release'));
const stationFault = document.getElementById('station-fault-code');
setOptions(stationFault, ErrorCodes);
document.getElementById('station-fault').addEventListener('click', () => act('connectors/0/fault', { errorCode: stationFault.value }));
document.getElementById('station-fault-clear').addEventListener('click', () => act('connectors/0/fault/clear'));

const events = new EventSource('events');
events.addEventListener('open', () => setLive('live', 'live'));
// EventSource reconnects by itself; the first events of the new stream bring the page up to date.
events.addEventListener('error', () => setLive('off', 'reconnecting…'));
events.addEventListener('frames', (event) => log.reset(JSON.parse(event.data).frames));
events.addEventListener('frame', (event) => log.add(JSON.parse(event.data)));
events.addEventListener('state', (event) => showState(JSON.parse(event.data)));
events.addEventListener('configuration', (event) => config.show(JSON.parse(event.data)));
events.addEventListener('dropped', (event) => log.dropped(JSON.parse(event.data).count));
