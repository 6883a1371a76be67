// The Central System's web UI: one event stream (GET /events) keeps every view live; the page
// never reloads and never polls.

import { AnswersForm } from './answers.js';
import { MessageLog } from './log.js';
import { SendForm } from './send.js';
import { StationList } from './stations.js';

const live = document.getElementById('live');
const send = new SendForm();
const stations = new StationList((ids) => send.setStations(ids));
const log = new MessageLog();
const answers = new AnswersForm();


function setLive(state, text) {
  live.dataset.state = state;
  live.textContent = text;
}

const events = new EventSource('/events');
events.addEventListener('open', () => setLive('live', 'live'));
// EventSource reconnects by itself; the next snapshot brings the page up to date again.
events.addEventListener('error', () => setLive('off', 'reconnecting…'));
events.addEventListener('snapshot', (event) => {
  const snapshot = JSON.parse(event.data);
  document.getElementById('endpoint').textContent = `Stations connect to ${snapshot.endpoint}/<chargePointId>`;
  stations.reset(snapshot.stations);
  answers.show(snapshot.answers);
  log.reset(snapshot.frames);
  if (!document.body.dataset.ready) {
    document.body.dataset.ready = 'true';
    performance.mark('csms-ready');
  }
});
events.addEventListener('station', (event) => stations.update(JSON.parse(event.data)));
events.addEventListener('frame', (event) => log.add(JSON.parse(event.data)));
events.addEventListener('answers', (event) => answers.show(JSON.parse(event.data)));
events.addEventListener('dropped', (event) => log.dropped(JSON.parse(event.data).count));

send.load();
