// The room's page: follows the workshop's current step and sends this device's cards, votes and
// ratings. Everything shown is set as text (textContent), never as HTML. What this device sent
// waits in an outbox kept in localStorage until the server acknowledges it, so a restart of the
// facilitator's app loses nothing; the server answers a resent submission once.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const PREFIX = 'outward-room.';
  const POLL_MS = 1500;

  function randomKey() {
    const bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function read(name, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(PREFIX + name));
      return value === null ? fallback : value;
    } catch {
      return fallback;
    }
  }

  function write(name, value) {
    try {
      localStorage.setItem(PREFIX + name, JSON.stringify(value));
    } catch {
      // Private browsing without storage: the page still works until it is closed.
    }
  }

  function remembered(name) {
    let value = read(name, null);
    if (typeof value !== 'string') {
      value = randomKey();
      write(name, value);
    }
    return value;
  }

  // Three unrelated keys: who joined, how this device votes, and one per card.
  const participant = remembered('participant');
  const voter = remembered('voter');
  // This device's cards ({workshop, step, id, key, text}) and its unsent writes.
  let cards = read('cards', []);
  let outbox = read('outbox', []);
  let view = null;
  let etag = null;
  let joined = false;
  let ballot = {};
  let deadline = null;
  let sending = false;

  function saveLocal() {
    write('cards', cards);
    write('outbox', outbox);
  }

  function setText(id, text) {
    $(id).textContent = text;
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function status(text) {
    setText('status', text);
  }

  async function call(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    let json = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    return { status: response.status, json };
  }

  /** Whether a failed answer is worth sending again later (the server was away or busy). */
  function transient(status) {
    return status === 0 || status === 408 || status === 429 || status >= 500;
  }

  async function ensureJoined() {
    if (joined) return true;
    try {
      const answer = await call('api/join', { participant });
      if (answer.status === 200) {
        joined = true;
        return true;
      }
      if (answer.json && answer.json.message) status(answer.json.message);
    } catch {
      // Offline: try again on the next poll.
    }
    return false;
  }

  function queue(item) {
    outbox.push(item);
    saveLocal();
    flush();
  }

  async function flush() {
    if (sending || outbox.length === 0) return;
    if (!(await ensureJoined())) return;
    sending = true;
    try {
      while (outbox.length > 0) {
        const item = outbox[0];
        let answer;
        try {
          answer = await call(item.path, item.body);
        } catch {
          answer = { status: 0, json: null };
        }
        if (transient(answer.status)) {
          status('Not sent yet: reconnecting to the room…');
          break;
        }
        outbox.shift();
        settle(item, answer);
        saveLocal();
      }
    } finally {
      sending = false;
    }
    renderMine();
  }

  /** Applies the server's answer to a write. */
  function settle(item, answer) {
    const ok = answer.status >= 200 && answer.status < 300;
    const message = answer.json && answer.json.message ? answer.json.message : 'The room did not take this.';
    if (item.kind === 'card') {
      const card = cards.find((c) => c.key === item.body.key);
      if (ok && card) card.id = answer.json.cardId;
      if (!ok) {
        cards = cards.filter((c) => c.key !== item.body.key);
        setText('write-error', message);
      }
    } else if (item.kind === 'change' || item.kind === 'delete') {
      if (!ok) setText('write-error', message);
      if (item.kind === 'delete' && (ok || answer.status === 404)) {
        cards = cards.filter((c) => c.key !== item.body.key);
      }
    } else if (item.kind === 'ballot') {
      setText('vote-status', ok ? 'Your votes were counted. You can change them until the step ends.' : '');
      setText('vote-error', ok ? '' : message);
    } else if (item.kind === 'rating') {
      setText('rate-status', ok ? 'Your ratings were counted. You can change them until the step ends.' : '');
      setText('rate-error', ok ? '' : message);
    }
  }

  async function poll() {
    try {
      const headers = etag ? { 'if-none-match': etag } : {};
      const response = await fetch('api/view', { headers, cache: 'no-store' });
      if (response.status === 200) {
        etag = response.headers.get('etag');
        view = await response.json();
        render();
      } else if (response.status === 404) {
        status('The room is closed. This page reconnects when the facilitator lets the room join again.');
        joined = false;
      } else if (response.status !== 304) {
        status('The room is busy; trying again…');
      }
      if (response.status === 200 || response.status === 304) {
        status(outbox.length ? 'Connected; sending…' : 'Connected');
        await ensureJoined();
        flush();
      }
    } catch {
      status('Reconnecting to the room…');
      joined = false;
    }
    setTimeout(poll, POLL_MS);
  }

  function stepKind() {
    return view && view.state === 'running' && view.step ? view.step.kind : null;
  }

  function render() {
    setText('title', view.title);
    document.title = view.title + ' · Outward';
    const step = view.step;
    show('step', Boolean(step));
    if (step) {
      setText('step-number', 'Step ' + (step.position + 1) + ' of ' + view.stepCount);
      setText('step-title', step.title);
      setText('prompt', view.state === 'finished' ? 'This workshop is finished. Thank you for taking part.' : step.prompt);
      deadline = step.timer.running ? Date.now() + step.timer.remainingMs : null;
      tick();
    } else {
      setText('prompt', 'The workshop has not started yet.');
    }
    const n = view.joined;
    setText('joined', n === 1 ? '1 person has joined.' : n + ' people have joined.');
    const kind = stepKind();
    show('write', kind === 'silentWriting');
    show('vote', kind === 'dotVoting');
    show('rate', kind === 'rating');
    renderMine();
    renderBallot();
    renderRating();
    renderBoard();
  }

  function clock(ms) {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  function tick() {
    if (!view || !view.step) return;
    const timer = view.step.timer;
    let text;
    if (deadline !== null) {
      const left = deadline - Date.now();
      text = left > 0 ? clock(left) + ' left' : 'Time is up';
    } else if (timer.up) {
      text = 'Time is up';
    } else {
      text = clock(timer.remainingMs) + ' left (paused)';
    }
    setText('timer', ' · ' + text);
  }

  function item(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, label, onClick) {
    const node = item('button', 'small', text);
    node.type = 'button';
    if (label) node.setAttribute('aria-label', label);
    node.addEventListener('click', onClick);
    return node;
  }

  function mine() {
    if (!view || !view.step) return [];
    return cards.filter((c) => c.workshop === view.workshopId && c.step === view.step.position);
  }

  function renderMine() {
    if (!view) return;
    const list = $('mine');
    list.replaceChildren();
    const own = mine();
    show('mine-empty', own.length === 0);
    own.forEach((card, index) => {
      const li = item('li', 'card');
      li.append(item('p', 'text', card.text));
      if (card.signed) li.append(item('p', 'signed', '— ' + card.signed));
      if (!card.id) li.append(item('p', 'hint', 'Sending…'));
      const actions = item('p', 'actions');
      actions.append(
        button('Edit', 'Edit card ' + (index + 1), () => editCard(li, card, index)),
        button('Delete', 'Delete card ' + (index + 1), () => deleteCard(card)),
      );
      if (card.id) li.append(actions);
      list.append(li);
    });
  }

  function editCard(li, card, index) {
    li.replaceChildren();
    const id = 'edit-' + index;
    const label = item('label', '', 'Change card ' + (index + 1));
    label.htmlFor = id;
    const area = item('textarea');
    area.id = id;
    area.rows = 3;
    area.maxLength = 2000;
    area.value = card.text;
    const actions = item('p', 'actions');
    actions.append(
      button('Save', null, () => {
        const text = area.value.trim();
        if (!text) {
          setText('write-error', 'A card needs some text; delete it instead.');
          return;
        }
        card.text = text;
        queue({
          kind: 'change',
          path: 'api/cards/' + card.id,
          body: { submission: randomKey(), participant, key: card.key, text },
        });
        renderMine();
      }),
      button('Cancel', null, renderMine),
    );
    li.append(label, area, actions);
    area.focus();
  }

  function deleteCard(card) {
    queue({
      kind: 'delete',
      path: 'api/cards/' + card.id,
      body: { submission: randomKey(), participant, key: card.key },
    });
    cards = cards.filter((c) => c !== card);
    saveLocal();
    renderMine();
    $('card-text').focus();
  }

  $('sign').addEventListener('change', () => {
    show('name-row', $('sign').checked);
    if ($('sign').checked) $('name').focus();
  });
  $('name').value = read('name', '');

  $('card-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setText('write-error', '');
    const text = $('card-text').value.trim();
    if (!text) {
      setText('write-error', 'Write something first; an empty card is not added.');
      $('card-text').focus();
      return;
    }
    if (!view || stepKind() !== 'silentWriting') return;
    const name = $('sign').checked ? $('name').value.trim() : '';
    if (name) write('name', name);
    const key = randomKey();
    cards.push({ workshop: view.workshopId, step: view.step.position, key, text, signed: name || null, id: null });
    const body = { submission: randomKey(), participant, key, text };
    if (name) body.name = name;
    queue({ kind: 'card', path: 'api/cards', body });
    $('card-text').value = '';
    $('card-text').focus();
    renderMine();
  });

  /** What can take votes: groups, and cards in no group. */
  function votable() {
    const groups = view.groups.map((g) => ({ id: g.id, group: true, label: g.name, votes: g.votes }));
    const loose = view.cards
      .filter((c) => !c.groupId)
      .map((c) => ({ id: c.id, group: false, label: c.text + (c.truncated ? '…' : ''), votes: c.votes }));
    return groups.concat(loose);
  }

  function ballotKey() {
    return view.workshopId + ':' + view.step.position;
  }

  function renderBallot() {
    if (stepKind() !== 'dotVoting') return;
    const step = view.step;
    const saved = read('ballot', {});
    ballot = saved[ballotKey()] || {};
    const given = Object.values(ballot).reduce((a, b) => a + b, 0);
    const left = step.votesPerPerson - given;
    setText(
      'budget',
      left + ' of ' + step.votesPerPerson + ' votes left; at most ' + step.maxVotesPerItem + ' on one item.',
    );
    const list = $('ballot');
    list.replaceChildren();
    const items = votable();
    if (items.length === 0) list.append(item('li', 'hint', 'Nothing to vote on yet.'));
    items.forEach((entry) => {
      const count = ballot[entry.id] || 0;
      const li = item('li', 'vote-item');
      li.append(item('span', 'label', entry.label));
      const controls = item('span', 'controls');
      const minus = button('−', 'One vote fewer for ' + entry.label, () => change(entry.id, -1));
      minus.disabled = count === 0;
      const plus = button('+', 'One vote more for ' + entry.label, () => change(entry.id, 1));
      plus.disabled = left === 0 || count >= step.maxVotesPerItem;
      const output = item('output', 'count', String(count));
      output.setAttribute('aria-label', count + ' votes for ' + entry.label);
      controls.append(minus, output, plus);
      li.append(controls);
      list.append(li);
    });
  }

  function change(id, by) {
    ballot[id] = Math.max(0, (ballot[id] || 0) + by);
    const saved = read('ballot', {});
    saved[ballotKey()] = ballot;
    write('ballot', saved);
    setText('vote-status', 'Not sent yet.');
    const focusedLabel = document.activeElement && document.activeElement.getAttribute('aria-label');
    renderBallot();
    if (focusedLabel) {
      const again = Array.from($('ballot').querySelectorAll('button')).find(
        (b) => b.getAttribute('aria-label') === focusedLabel && !b.disabled,
      );
      if (again) again.focus();
    }
  }

  $('send-votes').addEventListener('click', () => {
    setText('vote-error', '');
    const items = votable();
    const votes = Object.entries(ballot)
      .filter(([, count]) => count > 0)
      .map(([id, count]) => {
        const entry = items.find((e) => e.id === id);
        return entry && entry.group ? { groupId: id, count } : { cardId: id, count };
      });
    queue({ kind: 'ballot', path: 'api/ballot', body: { submission: randomKey(), voter, votes } });
  });

  let ratedStep = null;
  function renderRating() {
    if (stepKind() !== 'rating') return;
    const key = ballotKey();
    if (ratedStep === key) return;
    ratedStep = key;
    const box = $('dimensions');
    box.replaceChildren();
    view.step.dimensions.forEach((dimension, d) => {
      const fieldset = item('fieldset', 'scale');
      fieldset.append(item('legend', '', dimension));
      for (let score = 1; score <= 5; score += 1) {
        const id = 'rate-' + d + '-' + score;
        const input = item('input');
        input.type = 'radio';
        input.name = 'dimension-' + d;
        input.id = id;
        input.value = String(score);
        const label = item('label', '', String(score));
        label.htmlFor = id;
        const option = item('span', 'option');
        option.append(input, label);
        fieldset.append(option);
      }
      box.append(fieldset);
    });
  }

  $('rate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setText('rate-error', '');
    const scores = [];
    view.step.dimensions.forEach((dimension, d) => {
      const checked = document.querySelector('input[name="dimension-' + d + '"]:checked');
      if (checked) scores.push({ dimension, score: Number(checked.value) });
    });
    if (scores.length === 0) {
      setText('rate-error', 'Choose a rating for at least one line first.');
      return;
    }
    queue({ kind: 'rating', path: 'api/ratings', body: { submission: randomKey(), voter, scores } });
  });

  function renderBoard() {
    const writing = stepKind() === 'silentWriting';
    const hasCards = view.cards.length > 0 || view.hiddenCards > 0;
    const voting = stepKind() === 'dotVoting';
    show('board', !voting && (hasCards || (view.voting && view.voting.revealed) || view.ratings.length > 0));
    setText(
      'hidden-count',
      view.hiddenCards > 0
        ? view.hiddenCards + (view.hiddenCards === 1 ? ' card is' : ' cards are') + ' written so far; they show at the reveal.'
        : '',
    );
    const results = $('results');
    results.replaceChildren();
    const revealed = view.voting && view.voting.revealed;
    show('results-title', Boolean(revealed));
    if (revealed) {
      votable()
        .filter((e) => e.votes)
        .sort((a, b) => b.votes - a.votes)
        .forEach((entry) => {
          const li = item('li', 'result');
          li.append(item('span', 'label', entry.label), item('span', 'votes', entry.votes + (entry.votes === 1 ? ' vote' : ' votes')));
          results.append(li);
        });
    }
    const list = $('revealed');
    list.replaceChildren();
    if (writing || stepKind() === 'dotVoting') return;
    view.cards.forEach((card) => {
      const li = item('li', 'card');
      li.append(item('p', 'text', card.text + (card.truncated ? '…' : '')));
      if (card.signedName) li.append(item('p', 'signed', '— ' + card.signedName));
      list.append(li);
    });
  }

  setInterval(tick, 1000);
  saveLocal();
  poll();
})();
