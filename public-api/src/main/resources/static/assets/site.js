'use strict';
// Suggestions as you type, for every search box marked data-suggest: the box's native <datalist> is
// filled from /api/v1/suggest (as text, never HTML). Without JavaScript the form works the same.
(function () {
  for (const input of document.querySelectorAll('input[data-suggest]')) {
    const list = input.list;
    if (!list) continue;
    let timer;
    let asked = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2 || q.length > 100 || q === asked) return;
      timer = setTimeout(async () => {
        asked = q;
        try {
          const r = await fetch('/api/v1/suggest?limit=8&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
          if (!r.ok || input.value.trim() !== q) return;
          const body = await r.json();
          const seen = new Set();
          const options = [];
          for (const s of body.suggestions || []) {
            const text = String(s.text || '');
            if (!text || seen.has(text.toLowerCase())) continue;
            seen.add(text.toLowerCase());
            const o = document.createElement('option');
            o.value = text;
            options.push(o);
          }
          list.replaceChildren(...options);
        } catch (e) { /* suggestions are optional */ }
      }, 150);
    });
  }
})();
