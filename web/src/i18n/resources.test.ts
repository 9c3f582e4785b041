import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import ru from './ru.json';
import uk from './uk.json';

type Tree = { [key: string]: string | Tree };
const files: Record<string, Tree> = { uk, ru, en };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(files).map(([lang, tree]) => [lang, flatten(tree)]));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translation files', () => {
  it('uk, ru and en have exactly the same keys', () => {
    const enKeys = [...flat.en.keys()].sort();
    expect([...flat.uk.keys()].sort()).toEqual(enKeys);
    expect([...flat.ru.keys()].sort()).toEqual(enKeys);
  });

  it('have no empty strings', () => {
    for (const [lang, entries] of Object.entries(flat)) {
      for (const [key, value] of entries) {
        expect(value.trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same {{placeholders}} in every language', () => {
    for (const [key, value] of flat.en) {
      expect(placeholders(flat.uk.get(key) ?? ''), `uk:${key}`).toEqual(placeholders(value));
      expect(placeholders(flat.ru.get(key) ?? ''), `ru:${key}`).toEqual(placeholders(value));
    }
  });

  it('translate every field error code of the API contract', () => {
    const codes = [
      'required',
      'invalid_type',
      'invalid_email',
      'too_short',
      'too_long',
      'invalid_timezone',
      'invalid_currency',
      'invalid_role',
      'invalid_value',
      'invalid_slug',
    ];
    for (const code of codes) expect(flat.en.has(`errors.field.${code}`), code).toBe(true);
  });

  it('contain every key the source code asks for', () => {
    const srcDir = join(__dirname, '..');
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(srcDir);

    const literal = /\bt\(\s*'([a-zA-Z0-9_.-]+)'/g;
    // t(`roles.${role}`) -> the prefix "roles" must exist as a group.
    const template = /\bt\(\s*`([a-zA-Z0-9_.-]+)\.\$\{/g;
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(literal)) used.add(m[1]);
      for (const m of text.matchAll(template)) prefixes.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(flat.en.has(key), `missing key ${key}`).toBe(true);
    for (const prefix of prefixes) {
      const hasGroup = [...flat.en.keys()].some((k) => k.startsWith(`${prefix}.`));
      expect(hasGroup, `missing group ${prefix}`).toBe(true);
    }
  });
});
