// Minimal reader of the `paths:` section of an OpenAPI YAML document: enough to list
// operations (path + method) without a YAML library. Handles block-style YAML as written
// by hand: quoted or plain path keys, comments, `parameters`/`summary`/`$ref` siblings.
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function indentOf(line) {
  return line.length - line.trimStart().length;
}

function unquote(key) {
  key = key.trim();
  if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) {
    return key.slice(1, -1);
  }
  return key;
}

/** Splits "key: value" at the first colon outside quotes; returns [key, rest] or null. */
function splitKey(content) {
  let quote = null;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ':' && (i + 1 === content.length || content[i + 1] === ' ')) {
      return [content.slice(0, i), content.slice(i + 1).trim()];
    }
  }
  return null;
}

/** Returns [{method: 'GET', path: '/api/v1/users/{id}'}] for every operation under `paths:`. */
export function parseOpenApiPaths(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const ops = [];
  let inPaths = false;
  let pathIndent = null;
  let methodIndent = null;
  let currentPath = null;
  for (const rawLine of lines) {
    if (/^\s*(#.*)?$/.test(rawLine)) continue; // blank or comment
    const indent = indentOf(rawLine);
    const content = rawLine.trim();
    if (indent === 0) {
      inPaths = /^paths\s*:\s*(#.*)?$/.test(content);
      if (/^paths\s*:\s*\{\s*\}/.test(content)) inPaths = false;
      pathIndent = null;
      currentPath = null;
      continue;
    }
    if (!inPaths) continue;
    if (content.startsWith('- ')) continue; // list items (parameters, tags) never hold keys we need
    const kv = splitKey(content);
    if (!kv) continue;
    const key = unquote(kv[0]);
    if (pathIndent === null) pathIndent = indent;
    if (indent === pathIndent) {
      currentPath = key.startsWith('/') ? key : null;
      methodIndent = null;
      continue;
    }
    if (indent < pathIndent) continue;
    if (currentPath === null) continue;
    if (methodIndent === null) methodIndent = indent;
    if (indent === methodIndent && HTTP_METHODS.has(key.toLowerCase())) {
      ops.push({ method: key.toUpperCase(), path: currentPath });
    }
  }
  return ops;
}

/** `/users/{id}` and `/users/{user_id}` have the same shape: `/users/{}`. */
export function normalizePath(p) {
  return p.replace(/\{[^}]*\}/g, '{}').replace(/(.)\/$/, '$1');
}
