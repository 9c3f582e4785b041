/** @jsxImportSource preact */
// The booking flow: services -> master -> day and time -> details -> confirm -> done.
// A returning visitor gets "Book again" first: one tap to the times, with the
// name and phone remembered (then time, continue, book).
import { useMemo, useRef, useState } from 'preact/hooks';
import {
  type Booking,
  type BookingInput,
  type Master,
  type Problem,
  type PublicBranch,
  type Service,
  createBooking,
  newIdempotencyKey,
} from './api';
import { dropAvailability, loadAvailability } from './availability';
import { formatDuration, formatPrice, icsHref, longWhen, totalPrice, tzCity } from './format';
import { type Key, useI18n } from './i18n';
import { type Memory, loadLastBooking, loadMemory, saveLastBooking, saveMemory } from './memory';
import { type PickedSlot, TimePicker, weekRange } from './TimePicker';
import { Avatar, BackButton, ErrorBox, Field, Honeypot, StepHeading, fieldMessage } from './ui';
import { type Contact, type FieldErrors, checkContact, contactFieldErrors } from './validate';
import { WaitlistForm } from './Waitlist';

export type Step = 'services' | 'master' | 'time' | 'details' | 'confirm' | 'done';
const ORDER: Step[] = ['services', 'master', 'time', 'details', 'confirm'];
const STEP_NAME: Record<Step, Key> = {
  services: 'stepServices',
  master: 'stepMaster',
  time: 'stepTime',
  details: 'stepDetails',
  confirm: 'stepConfirm',
  done: 'doneTitle',
};

/** A master, "any master", or nothing chosen yet (when a master is required). */
export type Choice = number | 'any' | null;
const staffOf = (c: Choice): number | null => (typeof c === 'number' ? c : null);

/** Masters who do all these services. */
export function eligibleMasters(data: PublicBranch, ids: readonly number[]): Master[] {
  return data.masters.filter((m) => ids.every((id) => m.service_ids.includes(id)));
}

/** Where the page opens: a deep link (?service=1,2&staff=3) opens at the times. */
export function initialChoice(data: PublicBranch, params: URLSearchParams): { ids: number[]; staff: Choice; step: Step } {
  const known = new Set(data.services.map((s) => s.id));
  const ids = [...new Set((params.get('service') ?? '').split(',').map(Number))].filter((id) => known.has(id));
  const wanted = Number(params.get('staff'));
  const fallback: Choice = data.rules.master_required ? null : 'any';
  const staff: Choice = ids.length > 0 && eligibleMasters(data, ids).some((m) => m.id === wanted) ? wanted : fallback;
  return { ids, staff, step: ids.length === 0 ? 'services' : staff === null ? 'master' : 'time' };
}

/** "Book again": the remembered services (all still bookable) and master (or any). */
export function repeatChoice(data: PublicBranch, memory: Memory | null): { ids: number[]; staff: Choice } | null {
  if (!memory || memory.serviceIds.length === 0) return null;
  const known = new Set(data.services.map((s) => s.id));
  if (!memory.serviceIds.every((id) => known.has(id))) return null;
  const id = memory.staffId;
  if (id !== null && eligibleMasters(data, memory.serviceIds).some((m) => m.id === id)) return { ids: memory.serviceIds, staff: id };
  return data.rules.master_required ? null : { ids: memory.serviceIds, staff: 'any' };
}

/** The first week of times for services and a master (or any): the picker reuses the answer. */
export function prefetchFirstWeek(data: PublicBranch, ids: readonly number[], c: Choice): void {
  if (ids.length === 0 || c === null) return;
  const { from, to } = weekRange(data.branch.timezone, data.rules.horizon_days, 0);
  loadAvailability(data.branch.slug, ids, staffOf(c), from, to).catch(() => {});
}

/** Called as soon as the branch is known: a deep link's or a returning visitor's times start loading at once. */
export function prefetchLikely(data: PublicBranch, params: URLSearchParams): void {
  if (!data.rules.enabled) return;
  const first = initialChoice(data, params);
  if (first.step === 'time') return prefetchFirstWeek(data, first.ids, first.staff);
  const again = repeatChoice(data, loadMemory(data.branch.slug));
  if (again) prefetchFirstWeek(data, again.ids, again.staff);
}

interface Props {
  data: PublicBranch;
  params: URLSearchParams;
  embed?: boolean;
}

interface Shown {
  problem: Problem;
  step: Step;
  extra?: string;
}

export function BookingFlow({ data, params, embed = false }: Props) {
  const { t, lang } = useI18n();
  const { branch, rules, services, masters, categories } = data;
  const slug = branch.slug;
  const tz = branch.timezone;
  const serviceById = useMemo(() => new Map(services.map((s) => [s.id, s])), [services]);
  const masterById = useMemo(() => new Map(masters.map((m) => [m.id, m])), [masters]);
  const mastersFor = (ids: readonly number[]) => eligibleMasters(data, ids);
  const defaultChoice: Choice = rules.master_required ? null : 'any';
  const [initial] = useState(() => initialChoice(data, params));
  const [memory] = useState(() => loadMemory(slug));
  const [last] = useState(() => {
    const b = loadLastBooking(slug);
    return b && Date.parse(b.start) > Date.now() ? b : null;
  });
  const [repeat] = useState(() => repeatChoice(data, memory));
  const [step, setStep] = useState<Step>(initial.step);
  const [ids, setIds] = useState<number[]>(initial.ids);
  const [staff, setStaff] = useState<Choice>(initial.staff);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [contact, setContact] = useState<Contact>({ name: memory?.name ?? '', phone: memory?.phone ?? '', email: memory?.email ?? '' });
  const [comment, setComment] = useState('');
  const [website, setWebsite] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [shown, setShown] = useState<Shown | null>(null);
  const [quick, setQuick] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ booking: Booking; manage_url: string } | null>(null);
  const [reload, setReload] = useState(0);
  const [waitlist, setWaitlist] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [moved, setMoved] = useState(false);
  const idem = useRef<{ sig: string; key: string } | null>(null);

  const chosen = ids.map((id) => serviceById.get(id)).filter((s): s is Service => !!s);
  const duration = chosen.reduce((a, s) => a + s.duration, 0);
  const [lo, hi] = totalPrice(chosen);
  const eligible = mastersFor(ids);

  /** Fetches the first week of times ahead of the time step (the picker reuses it). */
  const prefetch = (sids: readonly number[], c: Choice) => prefetchFirstWeek(data, sids, c);

  const go = (next: Step) => {
    setMoved(true);
    setStep(next);
    setWaitlist(false);
    const n = ORDER.indexOf(next);
    setAnnounce(n >= 0 ? t('stepOf', { n: n + 1, total: ORDER.length, name: t(STEP_NAME[next]) }) : t(STEP_NAME[next]));
  };

  const toggle = (id: number) => {
    const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
    // Keep the display order of the page, whatever the order of taps.
    next.sort((a, b) => services.findIndex((s) => s.id === a) - services.findIndex((s) => s.id === b));
    setIds(next);
    setSlot(null);
    setQuick(false);
    if (typeof staff === 'number' && !mastersFor(next).some((m) => m.id === staff)) setStaff(defaultChoice);
  };

  const pickMaster = (c: Choice) => {
    setStaff(c);
    setSlot(null);
    prefetch(ids, c);
  };

  const takeRepeat = () => {
    if (!repeat) return;
    setIds(repeat.ids);
    setStaff(repeat.staff);
    setSlot(null);
    setQuick(true);
    prefetch(repeat.ids, repeat.staff);
    go('time');
  };

  const next = () => {
    if (step === 'services' && ids.length > 0) {
      prefetch(ids, staff);
      go('master');
    } else if (step === 'master' && staff !== null) go('time');
    else if (step === 'time' && slot) go(quick && Object.keys(checkContact(contact)).length === 0 ? 'confirm' : 'details');
  };

  const back = () => {
    if (step === 'confirm') go(quick && Object.keys(fieldErrors).length === 0 ? 'time' : 'details');
    else go(ORDER[Math.max(0, ORDER.indexOf(step) - 1)]!);
  };

  const submitDetails = (e: Event) => {
    e.preventDefault();
    const errs = checkContact(contact);
    if (comment.trim().length > 500) errs.comment = 'too_long';
    setFieldErrors(errs);
    if (Object.keys(errs).length === 0) {
      setShown(null);
      go('confirm');
    }
  };

  const book = async () => {
    if (!slot || sending || staff === null) return;
    const body: BookingInput = {
      service_ids: ids,
      ...(typeof staff === 'number' ? { staff_id: staff } : {}),
      start: slot.start,
      client: { name: contact.name.trim(), phone: contact.phone.trim(), ...(contact.email.trim() ? { email: contact.email.trim() } : {}) },
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      language: lang,
      website,
    };
    // One key per attempt at one choice: a double tap or a retry books once.
    const sig = JSON.stringify({ ...body, language: '' });
    if (idem.current?.sig !== sig) idem.current = { sig, key: newIdempotencyKey() };
    setSending(true);
    setShown(null);
    try {
      const r = await createBooking(slug, body, idem.current.key);
      saveMemory(slug, { serviceIds: ids, staffId: staffOf(staff), ...contact });
      saveLastBooking(slug, { url: r.manage_url, start: r.booking.start });
      setResult({ booking: r.booking, manage_url: r.manage_url });
      go('done');
      if (embed && window.parent !== window) window.parent.postMessage({ type: 'kvitka:booked' }, '*');
    } catch (err) {
      const p = err as Problem;
      const startErr = p.errors.find((f) => f.field === 'start');
      const fe = contactFieldErrors(p);
      delete fe.start;
      if ((p.status === 409 && p.code === 'slot-taken') || startErr) {
        // The time went meanwhile: fresh times, and another pick.
        dropAvailability();
        setReload((n) => n + 1);
        setSlot(null);
        setShown({ problem: p, step: 'time', extra: startErr ? fieldMessage(t, startErr.code) : t('slotTaken') });
        go('time');
      } else if (p.status === 422 && ['name', 'phone', 'email', 'comment'].some((f) => f in fe)) {
        setFieldErrors(fe);
        setShown({ problem: p, step: 'details' });
        go('details');
      } else {
        setShown({ problem: p, step: 'confirm' });
      }
    } finally {
      setSending(false);
    }
  };

  const reset = () => {
    setIds([]);
    setStaff(defaultChoice);
    setSlot(null);
    setResult(null);
    setComment('');
    setQuick(false);
    idem.current = null;
    go('services');
  };

  const problemHere = shown && shown.step === step ? shown : null;
  const price = chosen.length ? formatPrice(lo, hi, branch.currency, lang) : '';
  const staffName = (c: Choice) => (typeof c === 'number' ? (masterById.get(c)?.name ?? '') : t('anyMaster'));
  const n = ORDER.indexOf(step);

  return (
    <div class="bp-flow">
      <div class="bp-vh" aria-live="polite">
        {announce}
      </div>
      {n >= 0 && (
        <p class="bp-progress" aria-hidden="true">
          <span>{t('stepOf', { n: n + 1, total: ORDER.length, name: '' }).replace(/:\s*$/, '')}</span>
          <span class="bp-dots">
            {ORDER.map((s, i) => (
              <i key={s} class={i <= n ? 'on' : ''} />
            ))}
          </span>
        </p>
      )}

      {step === 'services' && (
        <section aria-labelledby="bp-step-title">
          {last && (
            <a class="bp-card bp-last" href={last.url} data-testid="bp-last-booking">
              {t('yourBooking', { when: longWhen(last.start, tz, lang) })} <span aria-hidden="true">→</span>
            </a>
          )}
          {repeat && (
            <button type="button" class="bp-card bp-repeat" onClick={takeRepeat} data-testid="bp-repeat">
              <strong>{t('repeat')}</strong>
              <span>
                {t('withMaster', {
                  services: repeat.ids.map((id) => serviceById.get(id)!.name).join(', '),
                  master: typeof repeat.staff === 'number' ? masterById.get(repeat.staff)!.name : t('anyMasterLower'),
                })}
              </span>
            </button>
          )}
          {branch.message && <p class="bp-card bp-message">{branch.message}</p>}
          <StepHeading focus={moved}>
            <span id="bp-step-title">{t('stepServices')}</span>
          </StepHeading>
          <p class="bp-muted">{t('chooseServices')}</p>
          <ServiceList data={data} selected={ids} onToggle={toggle} categories={categories} />
        </section>
      )}

      {step === 'master' && (
        <section>
          <BackButton onClick={back} />
          <StepHeading focus={moved}>{t('stepMaster')}</StepHeading>
          {eligible.length === 0 && <p class="bp-card bp-note">{rules.master_required ? t('noCommonMasterRequired') : t('noCommonMaster')}</p>}
          <ul class="bp-list">
            {!rules.master_required && (
              <li>
                <button type="button" class="bp-card bp-master" aria-pressed={staff === 'any'} onClick={() => pickMaster('any')} data-testid="bp-master-any">
                  <span class="bp-avatar bp-initials bp-any" aria-hidden="true" style={{ width: '48px', height: '48px' }}>
                    ✱
                  </span>
                  <span class="bp-grow">
                    <span class="bp-name">{t('anyMaster')}</span>
                    <span class="bp-muted">{t('anyMasterHint')}</span>
                  </span>
                  <span class="bp-check" aria-hidden="true" />
                </button>
              </li>
            )}
            {eligible.map((m) => (
              <MasterCard key={m.id} master={m} selected={staff === m.id} onPick={() => pickMaster(m.id)} />
            ))}
          </ul>
        </section>
      )}

      {step === 'time' && (
        <section>
          <BackButton onClick={back} />
          <StepHeading focus={moved}>{t('stepTime')}</StepHeading>
          <p class="bp-muted">
            {chosen.map((s) => s.name).join(', ')} · {staffName(staff)}
          </p>
          <ErrorBox problem={problemHere?.problem ?? null} extra={problemHere?.extra} />
          {waitlist ? (
            <WaitlistForm
              slug={slug}
              serviceIds={ids}
              staffId={staffOf(staff)}
              fromDate={slot?.date ?? weekRange(tz, rules.horizon_days, 0).from}
              contact={contact}
              onContact={setContact}
              onClose={() => setWaitlist(false)}
            />
          ) : (
            <>
              <TimePicker
                slug={slug}
                tz={tz}
                horizonDays={rules.horizon_days}
                serviceIds={ids}
                staffId={staffOf(staff)}
                selected={slot}
                onSelect={(s) => {
                  setSlot(s);
                  setShown(null);
                }}
                reload={reload}
              />
              <button type="button" class="bp-link" onClick={() => setWaitlist(true)} data-testid="bp-waitlist-open">
                {t('waitlistOpen')}
              </button>
            </>
          )}
        </section>
      )}

      {step === 'details' && (
        <section>
          <BackButton onClick={back} />
          <StepHeading focus={moved}>{t('stepDetails')}</StepHeading>
          <ErrorBox problem={problemHere?.problem ?? null} />
          <form id="bp-details" class="bp-form" onSubmit={submitDetails} noValidate>
            <Field
              id="bp-name"
              label={t('name')}
              value={contact.name}
              onInput={(name) => setContact({ ...contact, name })}
              error={fieldErrors.name && fieldMessage(t, fieldErrors.name)}
              autoComplete="name"
              required
              maxLength={100}
            />
            <Field
              id="bp-phone"
              type="tel"
              inputMode="tel"
              label={t('phone')}
              value={contact.phone}
              onInput={(phone) => setContact({ ...contact, phone })}
              error={fieldErrors.phone && fieldMessage(t, fieldErrors.phone)}
              autoComplete="tel"
              required
            />
            <Field
              id="bp-email"
              type="email"
              inputMode="email"
              label={t('email')}
              value={contact.email}
              onInput={(email) => setContact({ ...contact, email })}
              error={fieldErrors.email && fieldMessage(t, fieldErrors.email)}
              autoComplete="email"
              maxLength={254}
            />
            <Field
              id="bp-comment"
              label={t('comment')}
              value={comment}
              onInput={setComment}
              error={fieldErrors.comment && fieldMessage(t, fieldErrors.comment)}
              multiline
              maxLength={500}
            />
            <Honeypot value={website} onInput={setWebsite} />
            <p class="bp-muted bp-small">{t('consent')}</p>
          </form>
        </section>
      )}

      {step === 'confirm' && slot && (
        <section>
          <BackButton onClick={back} />
          <StepHeading focus={moved}>{t('stepConfirm')}</StepHeading>
          <dl class="bp-card bp-summary" data-testid="bp-summary">
            <dt>{t('services')}</dt>
            <dd>
              {chosen.map((s) => (
                <span key={s.id} class="bp-block">
                  {s.name}
                </span>
              ))}
            </dd>
            <dt>{t('master')}</dt>
            <dd>{staffName(staff)}</dd>
            <dt>{t('when')}</dt>
            <dd>
              <strong>{longWhen(slot.start, tz, lang)}</strong>
              <span class="bp-block bp-muted bp-small">{tzCity(tz, lang)}</span>
            </dd>
            <dt>{t('duration')}</dt>
            <dd>{formatDuration(duration, t)}</dd>
            <dt>{t('price')}</dt>
            <dd>{price}</dd>
            <dt>{t('client')}</dt>
            <dd>
              <span class="bp-block">{contact.name}</span>
              <span class="bp-block">{contact.phone}</span>
              {contact.email && <span class="bp-block">{contact.email}</span>}
              <button type="button" class="bp-link" onClick={() => go('details')} data-testid="bp-change-details">
                {t('change')}
              </button>
            </dd>
          </dl>
          {quick && <p class="bp-muted bp-small">{t('consent')}</p>}
          <ErrorBox problem={problemHere?.problem ?? null} />
        </section>
      )}

      {step === 'done' && result && <Done booking={result.booking} manageUrl={result.manage_url} onAgain={reset} />}

      {step !== 'done' && !(step === 'time' && waitlist) && (
        <div class="bp-bar">
          <p class="bp-bar-sum">
            {step === 'time' || step === 'details' || step === 'confirm'
              ? slot
                ? longWhen(slot.start, tz, lang)
                : ''
              : chosen.length > 0
                ? `${t('chosenCount', { n: chosen.length })} · ${formatDuration(duration, t)} · ${price}`
                : ''}
          </p>
          {step === 'confirm' ? (
            // Keys: each step's button is its own element. A button patched from
            // type=button into the details form's submit button during its own
            // click would submit that form at once.
            <button key="confirm" type="button" class="bp-btn bp-primary" onClick={book} disabled={sending} aria-busy={sending} data-testid="bp-confirm">
              {sending ? t('sending') : t('confirm')}
            </button>
          ) : step === 'details' ? (
            <button key="submit" type="submit" form="bp-details" class="bp-btn bp-primary" data-testid="bp-next">
              {t('next')}
            </button>
          ) : (
            <button
              key="next"
              type="button"
              class="bp-btn bp-primary"
              onClick={next}
              disabled={(step === 'services' && ids.length === 0) || (step === 'master' && staff === null) || (step === 'time' && !slot)}
              data-testid="bp-next"
            >
              {t('next')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ServiceList({
  data,
  selected,
  onToggle,
  categories,
}: {
  data: PublicBranch;
  selected: number[];
  onToggle: (id: number) => void;
  categories: PublicBranch['categories'];
}) {
  const { t, lang } = useI18n();
  const groups = [
    ...categories.map((c) => ({ id: `c${c.id}`, name: c.name, items: data.services.filter((s) => s.category_id === c.id) })),
    {
      id: 'other',
      name: categories.length ? t('otherServices') : '',
      items: data.services.filter((s) => s.category_id === null || !categories.some((c) => c.id === s.category_id)),
    },
  ].filter((g) => g.items.length > 0);
  return (
    <>
      {groups.map((g) => (
        <div key={g.id} class="bp-group" role="group" aria-labelledby={g.name ? `bp-g-${g.id}` : undefined}>
          {g.name && (
            <h3 class="bp-h3" id={`bp-g-${g.id}`}>
              {g.name}
            </h3>
          )}
          <ul class="bp-list">
            {g.items.map((s) => (
              <li key={s.id}>
                <button type="button" class="bp-card bp-service" aria-pressed={selected.includes(s.id)} onClick={() => onToggle(s.id)} data-testid={`bp-service-${s.id}`}>
                  <span class="bp-grow">
                    <span class="bp-name">{s.name}</span>
                    {s.description && <span class="bp-desc">{s.description}</span>}
                    <span class="bp-meta">
                      {formatDuration(s.duration, t)} · <span class="bp-price">{formatPrice(s.price_min, s.price_max, data.branch.currency, lang)}</span>
                    </span>
                  </span>
                  <span class="bp-check" aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function MasterCard({ master: m, selected, onPick }: { master: Master; selected: boolean; onPick: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const bioId = `bp-bio-${m.id}`;
  return (
    <li class="bp-master-item">
      <button type="button" class="bp-card bp-master" aria-pressed={selected} onClick={onPick} data-testid={`bp-master-${m.id}`}>
        <Avatar name={m.name} photo={m.photo_url} color={m.color} />
        <span class="bp-grow">
          <span class="bp-name">{m.name}</span>
          {m.position && <span class="bp-muted">{m.position}</span>}
        </span>
        <span class="bp-check" aria-hidden="true" />
      </button>
      {m.bio && (
        <>
          <button type="button" class="bp-link bp-bio-toggle" aria-expanded={open} aria-controls={bioId} onClick={() => setOpen(!open)}>
            {open ? t('hide') : t('about')}
          </button>
          <p id={bioId} class="bp-bio" hidden={!open}>
            {m.bio}
          </p>
        </>
      )}
    </li>
  );
}

function Done({ booking: b, manageUrl, onAgain }: { booking: Booking; manageUrl: string; onAgain: () => void }) {
  const { t, lang } = useI18n();
  const tz = b.timezone || b.branch.timezone;
  const masters = [...new Set(b.items.map((i) => i.staff_name))].join(', ');
  const ics = icsHref({
    uid: `${manageUrl.split('/').pop()}@kvitka`,
    start: b.start,
    end: b.end,
    title: `${b.items.map((i) => i.service_name).join(', ')} — ${b.branch.name}`,
    location: b.branch.address,
    url: manageUrl,
  });
  return (
    <section class="bp-done" data-testid="bp-done">
      <StepHeading>{t('doneTitle')}</StepHeading>
      <p class={`bp-status bp-st-${b.status}`} data-testid="bp-done-status">
        {t(`st_${b.status}` as Key)}
      </p>
      <dl class="bp-card bp-summary">
        <dt>{t('when')}</dt>
        <dd>
          <strong>{longWhen(b.start, tz, lang)}</strong>
          <span class="bp-block bp-muted bp-small">{tzCity(tz, lang)}</span>
        </dd>
        <dt>{t('services')}</dt>
        <dd>{b.items.map((i) => i.service_name).join(', ')}</dd>
        {masters && (
          <>
            <dt>{t('master')}</dt>
            <dd>{masters}</dd>
          </>
        )}
        {b.branch.address && (
          <>
            <dt>{t('address')}</dt>
            <dd>{b.branch.address}</dd>
          </>
        )}
      </dl>
      <p class="bp-muted">{t('manageHint')}</p>
      <div class="bp-stack">
        <a class="bp-btn bp-primary" href={manageUrl} data-testid="bp-manage-link">
          {t('manageLink')}
        </a>
        <a class="bp-btn" href={ics} download="booking.ics" data-testid="bp-ics">
          {t('addToCalendar')}
        </a>
        <button type="button" class="bp-btn" onClick={onAgain}>
          {t('bookAnother')}
        </button>
      </div>
    </section>
  );
}
