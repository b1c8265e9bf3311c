'use strict';
// The public search page. Everything from the API is put into the page as text (textContent),
// never as HTML; in snippets only the <mark> tags become elements.
(function () {
  const form = document.getElementById('search');
  const input = document.getElementById('q');
  const flags = document.getElementById('red-flags');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  const datalist = document.getElementById('suggestions');
  const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#x2F;': '/' };

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function unescapeText(s) {
    return s.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, m => ENTITIES[m] || m);
  }

  // A snippet is HTML-escaped text in which only <mark> and </mark> are markup.
  function snippet(s) {
    const p = el('p', 'snippet');
    let marked = false;
    for (const part of String(s || '').split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') { marked = true; continue; }
      if (part === '</mark>') { marked = false; continue; }
      const text = document.createTextNode(unescapeText(part));
      if (marked) { const m = el('mark'); m.appendChild(text); p.appendChild(m); } else { p.appendChild(text); }
    }
    return p;
  }

  function showRedFlags(redFlags) {
    flags.replaceChildren();
    if (!redFlags || redFlags.length === 0) { flags.hidden = true; return; }
    const emergency = redFlags.some(f => f.severity === 'emergency');
    flags.appendChild(el('h2', null, emergency ? 'Please read first: what you describe can be an emergency'
      : 'Please read first: these symptoms can need a doctor'));
    for (const f of redFlags) {
      const box = el('div', 'flag ' + (f.severity || ''));
      box.appendChild(el('span', 'severity', (f.severity || '').replace(/-/g, ' ')));
      box.appendChild(el('h3', null, f.title));
      if (f.action) { box.appendChild(el('p', 'action', f.action)); }
      box.appendChild(el('p', null, f.advice));
      flags.appendChild(box);
    }
    flags.hidden = false;
  }

  async function search(q) {
    status.textContent = 'Searching...';
    results.replaceChildren();
    try {
      const r = await fetch('/api/v1/search?q=' + encodeURIComponent(q) + '&size=20', { headers: { Accept: 'application/json' } });
      const body = await r.json();
      if (!r.ok) { showRedFlags([]); status.textContent = body.detail || ('Error ' + r.status); return; }
      showRedFlags(body.redFlags);
      status.textContent = body.total + ' result' + (body.total === 1 ? '' : 's') +
        (body.didYouMean ? ' (did you mean "' + body.didYouMean + '"?)' : '');
      for (const hit of body.items) {
        const li = el('li');
        li.appendChild(el('div', 'type', hit.type));
        li.appendChild(el('div', 'title', hit.title));
        li.appendChild(snippet(hit.snippet));
        results.appendChild(li);
      }
    } catch (e) {
      status.textContent = 'The search is not available right now.';
    }
  }

  let suggestTimer;
  input.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    const q = input.value.trim();
    if (q.length < 2 || q.length > 100) return;
    suggestTimer = setTimeout(async () => {
      try {
        const r = await fetch('/api/v1/suggest?q=' + encodeURIComponent(q));
        if (!r.ok) return;
        const body = await r.json();
        datalist.replaceChildren(...body.suggestions.map(s => { const o = el('option'); o.value = s.text; return o; }));
      } catch (e) { /* suggestions are optional */ }
    }, 150);
  });

  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const q = input.value.trim();
    if (q) { history.replaceState(null, '', '?q=' + encodeURIComponent(q)); search(q); }
  });

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; search(initial); }
})();
