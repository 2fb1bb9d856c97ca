/// The page's script, plain JavaScript: step tabs, the email view toggles (kept across reloads),
/// the sample-data editor (re-renders on change), live reload over server-sent events, the
/// sidebar filter and the theme switch. Everything it inserts comes from the server already
/// escaped, or is set as text.
enum PageScript {
    static let js = #"""
(() => {
  'use strict';
  const $ = (s, r = document) => r.querySelector(s);
  const root = document.documentElement;
  const main = $('#main');
  const enc = encodeURIComponent;

  // Theme: follows the system until switched; remembered.
  const savedTheme = localStorage.getItem('missive.theme');
  if (savedTheme) root.dataset.theme = savedTheme;
  $('#theme')?.addEventListener('click', () => {
    const dark = root.dataset.theme === 'dark' || (root.dataset.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    root.dataset.theme = dark ? 'light' : 'dark';
    localStorage.setItem('missive.theme', root.dataset.theme);
  });

  // Email view: part, width and colour scheme, the same for every email and kept across reloads.
  const prefs = { view: 'html', device: 'desktop', scheme: 'light' };
  try { Object.assign(prefs, JSON.parse(localStorage.getItem('missive.email') || '{}')); } catch (_) {}
  function applyPrefs(scope) {
    scope.querySelectorAll('.email').forEach(email => {
      for (const key of ['view', 'device', 'scheme']) {
        email.dataset[key] = prefs[key];
        email.querySelectorAll(`[data-set="${key}"]`).forEach(b => b.setAttribute('aria-pressed', String(b.dataset.value === prefs[key])));
      }
    });
  }
  applyPrefs(document);

  function selectStep(ref) {
    const stage = $('#stage');
    if (!stage) return;
    stage.dataset.step = ref;
    stage.querySelectorAll('.tab[data-step]').forEach(t => t.setAttribute('aria-selected', String(t.dataset.step === ref)));
    stage.querySelectorAll('.panel[data-step]').forEach(p => { p.hidden = p.dataset.step !== ref; });
    const url = new URL(location.href);
    url.searchParams.set('step', ref);
    history.replaceState(null, '', url);
  }

  document.addEventListener('click', ev => {
    const set = ev.target.closest('[data-set]');
    if (set) {
      prefs[set.dataset.set] = set.dataset.value;
      localStorage.setItem('missive.email', JSON.stringify(prefs));
      applyPrefs(document);
      return;
    }
    const tab = ev.target.closest('.tab[data-step], .side-step[data-step]');
    if (tab && !ev.metaKey && !ev.ctrlKey && !ev.shiftKey && ev.button === 0) {
      ev.preventDefault();
      selectStep(tab.dataset.step);
      return;
    }
    if (ev.target.closest('#sample-reset')) {
      $('#sample').value = $('#sample-original').value;
      rerender();
    }
  });

  // Sample data: edited as JSON, re-rendered a moment after typing stops.
  let timer = null;
  let sequence = 0;
  const defaultStatus = $('#sample-status')?.innerHTML;
  function setStatus(kind, text) {
    const status = $('#sample-status');
    if (!status) return;
    status.className = 'sample-status' + (kind ? ' ' + kind : '');
    if (text === null) status.innerHTML = defaultStatus; else status.textContent = text;
  }
  function isCustom() {
    const sample = $('#sample'), original = $('#sample-original');
    return !!sample && sample.value.trim() !== original.value.trim();
  }
  document.addEventListener('input', ev => {
    if (ev.target.id === 'sample') {
      clearTimeout(timer);
      timer = setTimeout(rerender, 250);
    } else if (ev.target.id === 'filter') {
      const q = ev.target.value.trim().toLowerCase();
      document.querySelectorAll('.side-item').forEach(a => { a.parentElement.hidden = q !== '' && !a.dataset.filter.includes(q); });
    }
  });
  // The locale menu rewrites the sample's "locale" and re-renders.
  document.addEventListener('change', ev => {
    if (ev.target.id !== 'locale') return;
    const sample = $('#sample');
    let parsed;
    try { parsed = JSON.parse(sample.value); } catch (_) { setStatus('bad', 'Fix the JSON first.'); return; }
    if (ev.target.value) parsed.locale = ev.target.value; else delete parsed.locale;
    sample.value = JSON.stringify(parsed, null, 2);
    rerender();
  });
  document.addEventListener('keydown', ev => {
    if (ev.target.id === 'sample' && ev.key === 'Tab' && !ev.shiftKey) {
      ev.preventDefault();
      document.execCommand('insertText', false, '  ');
    }
  });

  async function rerender() {
    const stage = $('#stage'), sample = $('#sample');
    if (!stage || !sample) return;
    const mine = ++sequence;
    let body = null;
    if (isCustom()) {
      let parsed;
      try { parsed = JSON.parse(sample.value); } catch (e) {
        sample.classList.add('invalid');
        setStatus('bad', 'Not valid JSON: ' + e.message);
        return;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        sample.classList.add('invalid');
        setStatus('bad', 'The sample must be a JSON object.');
        return;
      }
      body = JSON.stringify({ workflow: stage.dataset.workflow, step: stage.dataset.step, sample: parsed });
    }
    sample.classList.remove('invalid');
    const reset = $('#sample-reset');
    if (reset) reset.hidden = !body;
    stage.classList.add('busy');
    try {
      const res = body
        ? await fetch('/ui/stage', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        : await fetch('/ui/stage?workflow=' + enc(stage.dataset.workflow) + '&step=' + enc(stage.dataset.step));
      if (mine !== sequence) return;
      if (!res.ok) {
        const answer = await res.json().catch(() => null);
        sample.classList.add('invalid');
        setStatus('bad', (answer && answer.error && answer.error.message) || res.statusText);
        return;
      }
      swap($('#stage'), await res.text());
      setStatus(body ? 'ok' : '', body ? 'Rendered with your data. Reset to go back to the sample.' : null);
    } catch (e) {
      setStatus('bad', 'The server did not answer: ' + e.message);
    } finally {
      $('#stage')?.classList.remove('busy');
    }
  }

  function swap(element, html) {
    if (!element) return;
    const t = document.createElement('template');
    t.innerHTML = html.trim();
    const fresh = t.content.firstElementChild;
    element.replaceWith(fresh);
    applyPrefs(fresh);
  }

  async function refreshSidebar() {
    const res = await fetch('/ui/sidebar' + location.search);
    if (!res.ok) return;
    const filter = $('#filter')?.value || '';
    swap($('#sidebar'), await res.text());
    if (filter) { $('#filter').value = filter; $('#filter').dispatchEvent(new Event('input', { bubbles: true })); }
  }
  async function refreshBadge() {
    const res = await fetch('/ui/badge');
    if (res.ok) $('#problems-badge').innerHTML = await res.text();
  }
  async function refreshMain() {
    const res = await fetch('/ui/main' + location.search);
    if (!res.ok) return;
    main.innerHTML = await res.text();
    applyPrefs(main);
  }

  // Live reload: the server says what changed and which workflows it re-rendered.
  const live = $('#live');
  function setLive(state, text) {
    if (!live) return;
    live.dataset.state = state;
    live.querySelector('.live-text').textContent = text;
  }
  let version = Number(main?.dataset.version || 0);
  let toastTimer = null;
  function toast(change) {
    const el = $('#toast');
    if (!el) return;
    el.textContent = '';
    const files = change.files.filter(f => f !== '*');
    const what = document.createElement('code');
    what.textContent = files.length ? files.slice(0, 2).join(', ') + (files.length > 2 ? ` +${files.length - 2}` : '') : 'project';
    el.append('Updated ', what, ` · ${change.workflows.length} workflow${change.workflows.length === 1 ? '' : 's'} re-rendered in ${change.render_ms} ms`);
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.hidden = true; }, 2600);
  }
  async function onChange(change) {
    const kind = main.dataset.kind, key = main.dataset.key;
    const work = [refreshBadge()];
    if (change.structure_changed) work.push(refreshSidebar());
    if (kind === 'workflow') {
      if (change.workflows.includes(key) || change.structure_changed) work.push(rerender());
    } else {
      work.push(refreshMain());
    }
    await Promise.all(work);
    toast(change);
  }
  if (window.EventSource && new URLSearchParams(location.search).get('live') !== '0') {
    const events = new EventSource('/api/events');
    events.addEventListener('hello', ev => {
      setLive('live', 'Live');
      const v = JSON.parse(ev.data).version;
      if (v !== version) {
        version = v;
        Promise.all([refreshSidebar(), refreshBadge(), main.dataset.kind === 'workflow' ? rerender() : refreshMain()]);
      }
    });
    events.addEventListener('change', ev => {
      const change = JSON.parse(ev.data);
      version = change.version;
      onChange(change);
    });
    events.onerror = () => setLive('offline', 'Reconnecting');
  } else if (live) {
    // Live reload turned off (?live=0, as the browser check does): no indicator.
    live.dataset.state = 'off';
    live.hidden = true;
  }
})();
"""#
}
