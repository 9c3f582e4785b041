// Pure helpers of the template editor: inserting a variable at the cursor, placing the
// server's issue positions (characters, i.e. code points) in the text, and the texts of a template.
import {
  KIND_GROUPS,
  type ChannelName,
  type KindGroup,
  type MessageKind,
  type MessageTemplate,
  type TemplateIssue,
  type TemplateTexts,
} from './types';

/** `{{name}}` put in place of text[start, end); the caret goes after it. */
export function insertVariable(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const tag = `{{${name}}}`;
  return { text: text.slice(0, from) + tag + text.slice(to), caret: from + tag.length };
}

/** A position in characters (code points, as the server counts) as an index into the JS string. */
export function indexOfPosition(text: string, position: number): number {
  let index = 0;
  let chars = 0;
  for (const ch of text) {
    if (chars >= position) break;
    index += ch.length;
    chars++;
  }
  return index;
}

/** 1-based line and column of a position (code points) in a text. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, indexOfPosition(text, position));
  const lines = before.split('\n');
  return { line: lines.length, column: Array.from(lines[lines.length - 1]).length + 1 };
}

/** The editable texts of a template (subject and HTML exist for email only). */
export function textsOf(t: MessageTemplate): TemplateTexts {
  return { subject: t.subject ?? '', body: t.body ?? '', html: t.html ?? '' };
}

export function sameTexts(channel: ChannelName, a: TemplateTexts, b: TemplateTexts): boolean {
  if (a.body !== b.body) return false;
  return channel !== 'email' || (a.subject === b.subject && a.html === b.html);
}

export function groupOf(kind: MessageKind): KindGroup {
  for (const [group, kinds] of Object.entries(KIND_GROUPS) as [KindGroup, readonly MessageKind[]][]) {
    if (kinds.includes(kind)) return group;
  }
  return 'clients';
}

/** Birthday, come-back and campaign messages must carry the opt-out line. */
export const isMarketing = (kind: MessageKind) => groupOf(kind) === 'marketing';

export const templateId = (t: Pick<MessageTemplate, 'kind' | 'channel' | 'language'>) =>
  `${t.kind}/${t.channel}/${t.language}`;

/**
 * Variables a text uses that the kind does not offer, with their positions (code points), so the
 * editor can warn while typing: the preview renders them empty and only a save refuses them.
 */
export function unknownVariables(field: string, text: string, known: readonly string[]): TemplateIssue[] {
  if (known.length === 0) return [];
  const out: TemplateIssue[] = [];
  const tag = /\{\{(\{?)\s*([#^/&!]?)\s*([^{}\s]+)\s*\}?\}\}/g;
  for (const m of text.matchAll(tag)) {
    const name = m[3];
    // Section ends repeat a name already judged; comments are not variables.
    if (m[2] === '/' || m[2] === '!' || known.includes(name)) continue;
    out.push({ field, code: 'unknown_variable', name, position: Array.from(text.slice(0, m.index)).length });
  }
  return out;
}
