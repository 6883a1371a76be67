// The Central System's message log: every frame of every station, both ways (the shared
// FrameLog), filtered by station and action. Frames come in the --json shape (`frame` parsed).

import { h } from './dom.js';
import { describeFrame, FrameLog, frameType } from './frame-log.js';

export class MessageLog extends FrameLog {
  constructor() {
    const stationFilter = document.getElementById('log-station');
    const actionFilter = document.getElementById('log-action');
    let seen = new Map();
    super({
      maxRows: 2000,
      columns: 5,
      filters: [stationFilter, actionFilter],
      forget: () => { seen = new Map(); },

      // A frame can come twice (in a snapshot and as an event); frames of a session come in order.
      isNew: (frame) => {
        const key = `${frame.chargePointId}\u0000${frame.session}`;
        if ((seen.get(key) ?? 0) >= frame.sequence) return false;
        seen.set(key, frame.sequence);
        return true;
      },
      read: (frame) => {
        const array = Array.isArray(frame.frame) ? frame.frame : [];
        const type = frameType(frame.frame);
        const { name, payload } = describeFrame(type, array, frame.action, frame.text);
        return {
          type,
          name,
          payload: type === 'malformed' ? (frame.frame ?? frame.text) : payload,
          whole: JSON.stringify(frame.frame ?? frame.text, null, 2),
          fromStation: frame.direction === 'received',
          cells: [h('td', {}, frame.chargePointId)],
          dataset: { station: frame.chargePointId },
          offers: [[stationFilter, frame.chargePointId], [actionFilter, frame.action]],
          searchText: '',
        };
      },
      matches: (row) => (!stationFilter.value || row.dataset.station === stationFilter.value)
        && (!actionFilter.value || row.dataset.action === actionFilter.value),
    });
  }
}
