// The station's OCPP message log (the shared FrameLog of the Central System's UI): both
// directions, filtered by action and by the frame's text. Frames come as the text that travelled.

import { describeFrame, FrameLog } from './frame-log.js';

export class MessageLog extends FrameLog {
  constructor() {
    const actionFilter = document.getElementById('log-action');
    const search = document.getElementById('log-search');
    let last = 0;
    super({
      maxRows: 1000,
      columns: 4,
      filters: [actionFilter, search],
      forget: () => { last = 0; },

      // The first frames of a stream and its first events may overlap; frames come in sequence order.
      isNew: (frame) => {
        if (frame.sequence <= last) return false;
        last = frame.sequence;
        return true;
      },
      read: (frame) => {
        let parsed;
        try {
          parsed = JSON.parse(frame.text);
        } catch {
          parsed = undefined;
        }
        const { name, payload } = describeFrame(frame.type, Array.isArray(parsed) ? parsed : [], frame.action, frame.text);
        const whole = parsed === undefined ? frame.text : JSON.stringify(parsed, null, 2);
        return {
          type: frame.type,
          name,
          payload,
          whole: whole + (frame.truncated ? '\n… (cut for the page)' : ''),
          fromStation: frame.direction === 'sent',
          cells: [],
          dataset: { sequence: frame.sequence },
          offers: [[actionFilter, frame.action]],
          searchText: frame.text.toLowerCase(),
        };
      },
      matches: (row) => {
        const text = search.value.trim().toLowerCase();
        return (!actionFilter.value || row.dataset.action === actionFilter.value) && (!text || row.searchText.includes(text));
      },
    });
  }
}
