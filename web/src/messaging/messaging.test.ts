import { describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../app/api';
import i18n from '../i18n';
import { templateIssuesOf } from './api';
import { channelBody, channelErrors, parseHeaders, valuesFromView, visibleFields } from './channelForm';
import { moved } from './ChannelOrderList';
import { formFieldOf, fullOrder, offsetFromMinutes, offsetMinutes, rulesPatch, valuesFromRules } from './rules';
import { channelViews, rules } from './testFixtures';
import { indexOfPosition, insertVariable, lineColumn, unknownVariables } from './templates';

const t = i18n.getFixedT('en');
const sms = channelViews().find((c) => c.channel === 'sms')!;

describe('channel form', () => {
  it('leaves untouched secrets out, sends typed ones and null for cleared ones', () => {
    const initial = valuesFromView(sms);
    expect(channelBody('sms', initial, initial)).toEqual({});
    expect(channelBody('sms', initial, { ...initial, secrets: { token: '' } })).toEqual({});
    expect(channelBody('sms', initial, { ...initial, secrets: { token: 'abc' } })).toEqual({ token: 'abc' });
    expect(channelBody('sms', initial, { ...initial, cleared: { token: true } })).toEqual({ token: null });
    // A field of another provider is never sent.
    expect(channelBody('sms', initial, { ...initial, secrets: { api_key: 'k' } })).toEqual({});
    // A text emptied is cleared.
    expect(channelBody('sms', initial, { ...initial, fields: { ...initial.fields, sender: '  ' } })).toEqual({ sender: null });
  });

  it('shows the fields of the provider', () => {
    const names = (provider: string) =>
      visibleFields('sms', { ...valuesFromView(sms), fields: { ...valuesFromView(sms).fields, provider } }).map((f) => f.name);
    expect(names('turbosms')).toEqual(['provider', 'token', 'sender', 'route']);
    expect(names('smsclub')).toEqual(['provider', 'token', 'sender']);
    expect(names('alphasms')).toEqual(['provider', 'api_key', 'sender']);
    expect(names('generic')).toEqual(['provider', 'url', 'method', 'headers', 'body_template', 'sender']);
    expect(names('')).toEqual(['provider']);
  });

  it('asks for the Viber sender when TurboSMS sends Viber first, and sends both', () => {
    const initial = valuesFromView(sms);
    expect(initial.fields.route).toBe('sms');
    const viberFirst = { ...initial, fields: { ...initial.fields, provider: 'turbosms', route: 'viber_then_sms', viber_sender: 'Salon' } };
    expect(visibleFields('sms', viberFirst).map((f) => f.name)).toEqual(['provider', 'token', 'sender', 'route', 'viber_sender']);
    expect(channelBody('sms', initial, viberFirst)).toMatchObject({ route: 'viber_then_sms', viber_sender: 'Salon' });
  });

  it('reads headers as "Name: value" lines', () => {
    expect(parseHeaders('Authorization: Bearer a:b\n\n X-Id : 7 ')).toEqual({ Authorization: 'Bearer a:b', 'X-Id': '7' });
    expect(parseHeaders('no colon')).toBeNull();
    expect(parseHeaders(': value')).toBeNull();
  });

  it('puts "<channel>.<field>" errors on the fields', () => {
    const error = new ApiError(422, {
      code: 'validation-failed',
      errors: [
        { field: 'sms.headers.X-Key', code: 'invalid_value' },
        { field: 'sms.sender', code: 'too_long' },
        { field: 'sms.url', code: 'invalid_url' },
      ],
    });
    expect(channelErrors(t, 'sms', ['provider', 'token', 'sender', 'headers'], error)).toEqual({
      fields: { headers: 'Invalid value', sender: 'Too long' },
      other: ['sms.url: Enter a valid address (http://, https://, smtp:// or smtps://)'],
    });
  });
});

describe('template helpers', () => {
  it('inserts {{name}} at the cursor or over the selection', () => {
    expect(insertVariable('Hi !', 3, 3, 'client_name')).toEqual({ text: 'Hi {{client_name}}!', caret: 18 });
    expect(insertVariable('Hi you!', 3, 6, 'master')).toEqual({ text: 'Hi {{master}}!', caret: 13 });
    expect(insertVariable('', 5, 5, 'x')).toEqual({ text: '{{x}}', caret: 5 });
  });

  it('counts positions in characters, as the server does', () => {
    expect(indexOfPosition('💐 {{x}}', 2)).toBe(3);
    expect(lineColumn('a\n💐b {{x}}', 5)).toEqual({ line: 2, column: 4 });
    expect(lineColumn('{{x}}', 0)).toEqual({ line: 1, column: 1 });
  });

  it('finds names the kind does not offer, wherever they are', () => {
    const known = ['client_name', 'master'];
    expect(unknownVariables('body', '💐{{ foo }} {{#master}}{{/master}}{{{bar}}} {{^baz}}{{/baz}} {{! x}}', known)).toEqual([
      { field: 'body', code: 'unknown_variable', name: 'foo', position: 1 },
      { field: 'body', code: 'unknown_variable', name: 'bar', position: 33 },
      { field: 'body', code: 'unknown_variable', name: 'baz', position: 43 },
    ]);
    // Until the list is known nothing is judged.
    expect(unknownVariables('body', '{{foo}}', [])).toEqual([]);
  });

  it('reads the issues of a 422', () => {
    const error = new ApiError(422, {
      code: 'validation-failed',
      issues: [{ field: 'body', code: 'unknown_variable', name: 'foo', position: 3 }, null],
    } as Problem);
    expect(templateIssuesOf(error)).toEqual([{ field: 'body', code: 'unknown_variable', name: 'foo', position: 3 }]);
    expect(templateIssuesOf(new Error('x'))).toEqual([]);
  });
});

describe('rules helpers', () => {
  it('turns minutes into hours and minutes and back', () => {
    expect(offsetFromMinutes(1530)).toEqual({ hours: 25, minutes: 30 });
    expect(offsetMinutes({ hours: 2, minutes: '' })).toBe(120);
    expect(offsetMinutes({ hours: '', minutes: 45 })).toBe(45);
  });

  it('keeps every channel once in the order', () => {
    expect(fullOrder(['sms', 'sms', 'fax', 'email'])).toEqual(['sms', 'email', 'telegram', 'viber']);
  });

  it('moves a channel up and down within the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('maps the API field names of errors to the form', () => {
    expect(formFieldOf('reminders.offsets[2]')).toBe('offsets.2');
    expect(formFieldOf('reminders.min_lead')).toBe('min_lead');
    expect(formFieldOf('quiet_hours.end')).toBe('quiet_end');
    expect(formFieldOf('channel_order[1]')).toBe('channel_order');
    expect(formFieldOf('kinds.reminder')).toBe('kinds.reminder');
    expect(formFieldOf('kinds.xyz')).toBeNull();
    expect(formFieldOf('branches[0].quiet_hours')).toBeNull();
  });

  it('sends nothing when nothing changed, even with kinds the server left out', () => {
    const r = rules({ kinds: { reminder: false } });
    expect(rulesPatch(r, valuesFromRules(r))).toEqual({});
    expect(valuesFromRules(r).kinds.booking_confirmation).toBe(true);
  });
});
