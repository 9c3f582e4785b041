/* Kvitka booking: <script src="https://HOST/b/embed.js" data-kvitka-branch="SLUG" async></script>
 data-label, data-color, data-position (bottom-right|bottom-left|inline|none); [data-kvitka-open] and Kvitka.open() open it too. */
(function (w, d) {
  var me = d.currentScript || [].slice.call(d.querySelectorAll('script[data-kvitka-branch]')).pop();
  if (!me || w.Kvitka) return;
  var at = function (n) { return me.getAttribute('data-' + n) || ''; };
  var slug = at('kvitka-branch'), pos = at('position') || 'bottom-right';
  var a = d.createElement('a');
  a.href = me.src;
  var origin = a.protocol + '//' + a.host;
  var lang = (d.documentElement.lang || navigator.language || '').toLowerCase().slice(0, 2);
  lang = lang === 'ua' ? 'uk' : /^(uk|ru)$/.test(lang) ? lang : 'en';
  var T = { uk: ['Записатися', 'Закрити', 'Онлайн-запис'], ru: ['Записаться', 'Закрыть', 'Онлайн-запись'], en: ['Book', 'Close', 'Online booking'] }[lang];
  var color = /^#[0-9a-f]{3,8}$/i.test(at('color')) ? at('color') : '#c2255c';
  var layer, opener, overflow;
  var el = function (tag, css) { var e = d.createElement(tag); e.style.cssText = css; return e; };

  function close() {
    if (!layer) return;
    d.body.removeChild(layer);
    layer = null;
    d.body.style.overflow = overflow;
    opener && opener.focus && opener.focus();
  }

  function open(s) {
    if (layer) return;
    opener = d.activeElement;
    layer = el('div', 'position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483000;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center');
    layer.setAttribute('role', 'dialog');
    layer.setAttribute('aria-modal', 'true');
    layer.setAttribute('aria-label', T[2]);
    var box = el('div', 'position:relative;width:100%;max-width:480px;height:100%;max-height:760px;background:#fff;border-radius:12px;overflow:hidden');
    var x = el('button', 'position:absolute;top:8px;right:8px;width:40px;height:40px;border:0;border-radius:20px;background:rgba(0,0,0,.6);color:#fff;font:24px/40px sans-serif');
    x.type = 'button';
    x.setAttribute('aria-label', T[1]);
    x.innerHTML = '&times;';
    x.onclick = close;
    var f = el('iframe', 'width:100%;height:100%;border:0;display:block');
    f.title = T[2];
    f.src = origin + '/b/' + encodeURIComponent(typeof s == 'string' && s ? s : slug) + '?embed=1&lang=' + lang;
    box.appendChild(f);
    box.appendChild(x);
    layer.appendChild(box);
    layer.onclick = function (e) { e.target === layer && close(); };
    overflow = d.body.style.overflow;
    d.body.style.overflow = 'hidden';
    d.body.appendChild(layer);
    x.focus();
  }

  d.addEventListener('keydown', function (e) { layer && e.key === 'Escape' && close(); });
  // Esc inside the page in the iframe: it asks to close.
  w.addEventListener('message', function (e) { e.origin === origin && e.data && e.data.type === 'kvitka:close' && close(); });
  d.addEventListener('click', function (e) {
    for (var t = e.target; t && t.getAttribute; t = t.parentNode) {
      if (t.hasAttribute('data-kvitka-open')) {
        e.preventDefault();
        return open(t.getAttribute('data-kvitka-open'));
      }
    }
  });

  function button() {
    if (pos === 'none' || !slug) return;
    var css = 'padding:14px 22px;border:0;border-radius:28px;background:' + color + ';color:#fff;font:600 16px/1 sans-serif;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.25);';
    var b = el('button', pos === 'inline' ? css : css + 'position:fixed;bottom:20px;z-index:2147482999;' + (pos === 'bottom-left' ? 'left' : 'right') + ':20px');
    b.type = 'button';
    b.className = 'kvitka-book';
    b.textContent = at('label') || T[0];
    b.onclick = function () { open(); };
    pos === 'inline' ? me.parentNode.insertBefore(b, me) : d.body.appendChild(b);
  }

  w.Kvitka = { open: open, close: close };
  d.body ? button() : d.addEventListener('DOMContentLoaded', button);
})(window, document);
