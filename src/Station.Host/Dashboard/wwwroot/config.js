// The station's configuration keys as GetConfiguration reports them: value and access (R or RW).

import { h, setText } from './dom.js';

export class ConfigurationTable {
  #body = document.querySelector('#config tbody');
  #count = document.getElementById('config-count');

  show(keys) {
    setText(this.#count, `${keys.length} keys`);
    this.#body.replaceChildren(...keys.map((k) => h('tr', { dataset: { key: k.key } },
      h('td', { class: 'key' }, k.key),
      h('td', { class: 'value' }, k.value ?? ''),
      h('td', {}, k.readonly ? 'R' : 'RW'))));
  }
}
