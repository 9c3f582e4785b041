/** @jsxImportSource preact */
// "No suitable time? Ask us to find one": a waitlist request with the days and hours that suit.
import { useState } from 'preact/hooks';
import { type Problem, joinWaitlist } from './api';
import { addDays } from './format';
import { useI18n } from './i18n';
import { ErrorBox, Field, Honeypot, fieldMessage } from './ui';
import { type Contact, checkContact, contactFieldErrors } from './validate';

interface Props {
  slug: string;
  serviceIds: readonly number[];
  staffId: number | null;
  fromDate: string;
  contact: Contact;
  onContact: (c: Contact) => void;
  onClose: () => void;
}

export function WaitlistForm({ slug, serviceIds, staffId, fromDate, contact, onContact, onClose }: Props) {
  const { t } = useI18n();
  const [from, setFrom] = useState(fromDate);
  const [to, setTo] = useState(addDays(fromDate, 6));
  const [timeFrom, setTimeFrom] = useState('');
  const [timeTo, setTimeTo] = useState('');
  const [comment, setComment] = useState('');
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <div class="bp-card bp-ok" data-testid="bp-waitlist-done" role="status">
        <p>{t('waitlistDone')}</p>
        <button type="button" class="bp-btn" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs = checkContact(contact);
    if (!from) errs['dates.from'] = 'required';
    if (to && from && to < from) errs['dates.to'] = 'invalid';
    setErrors(errs);
    setProblem(null);
    if (Object.keys(errs).length > 0) return;
    setSending(true);
    try {
      await joinWaitlist(slug, {
        service_ids: [...serviceIds],
        ...(staffId !== null ? { staff_id: staffId } : {}),
        dates: { from, to: to || from },
        ...(timeFrom ? { time_from: timeFrom } : {}),
        ...(timeTo ? { time_to: timeTo } : {}),
        client: { name: contact.name.trim(), phone: contact.phone.trim(), ...(contact.email.trim() ? { email: contact.email.trim() } : {}) },
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        website,
      });
      setDone(true);
    } catch (err) {
      const p = err as Problem;
      const fe = contactFieldErrors(p);
      setErrors(fe);
      setProblem(p);
    } finally {
      setSending(false);
    }
  };
  const err = (f: string) => (errors[f] ? fieldMessage(t, errors[f]!) : undefined);

  return (
    <form class="bp-card bp-waitlist" onSubmit={submit} data-testid="bp-waitlist-form" noValidate aria-labelledby="bp-wl-title">
      <h3 class="bp-h3" id="bp-wl-title">
        {t('waitlistTitle')}
      </h3>
      <p class="bp-muted">{t('waitlistIntro')}</p>
      <div class="bp-row">
        <Field id="bp-wl-from" type="date" label={t('dateFrom')} value={from} onInput={setFrom} error={err('dates.from')} required />
        <Field id="bp-wl-to" type="date" label={t('dateTo')} value={to} onInput={setTo} error={err('dates.to')} />
      </div>
      <div class="bp-row">
        <Field id="bp-wl-time-from" type="time" label={t('timeFrom')} value={timeFrom} onInput={setTimeFrom} error={err('time_from')} />
        <Field id="bp-wl-time-to" type="time" label={t('timeTo')} value={timeTo} onInput={setTimeTo} error={err('time_to')} />
      </div>
      <Field id="bp-wl-name" label={t('name')} value={contact.name} onInput={(name) => onContact({ ...contact, name })} error={err('name')} autoComplete="name" required maxLength={100} />
      <Field
        id="bp-wl-phone"
        type="tel"
        inputMode="tel"
        label={t('phone')}
        value={contact.phone}
        onInput={(phone) => onContact({ ...contact, phone })}
        error={err('phone')}
        autoComplete="tel"
        required
      />
      <Field id="bp-wl-comment" label={t('comment')} value={comment} onInput={setComment} error={err('comment')} multiline maxLength={500} />
      <Honeypot value={website} onInput={setWebsite} />
      <ErrorBox problem={problem} />
      <div class="bp-actions">
        <button type="button" class="bp-btn" onClick={onClose}>
          {t('back')}
        </button>
        <button type="submit" class="bp-btn bp-primary" disabled={sending} data-testid="bp-waitlist-submit">
          {t('waitlistSubmit')}
        </button>
      </div>
    </form>
  );
}
