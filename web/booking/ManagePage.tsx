/** @jsxImportSource preact */
// /b/{slug}/m/{token}: the client's own booking. See it, cancel it or move it
// within the deadline (moving shows the same real availability); past the
// deadline the page says whom to call.
import { useEffect, useState } from 'preact/hooks';
import { type Booking, type Problem, cancelBooking, getBooking, getBranch, rescheduleBooking } from './api';
import { dropAvailability } from './availability';
import { formatPrice, longWhen, tzCity } from './format';
import { type Key, useI18n } from './i18n';
import { updateLastBooking } from './memory';
import { type PickedSlot, TimePicker } from './TimePicker';
import { ErrorBox, PhoneLink, StepHeading, fieldMessage } from './ui';

interface Props {
  token: string;
  /** The branch's name, for the page header. */
  onBranch: (name: string) => void;
}

type Action = 'none' | 'cancel' | 'reschedule';

export function ManagePage({ token, onBranch }: Props) {
  const { t, lang } = useI18n();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [slug, setSlug] = useState('');
  const [horizon, setHorizon] = useState(60);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [action, setAction] = useState<Action>('none');
  const [reason, setReason] = useState('');
  const [pick, setPick] = useState<PickedSlot | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ p: Problem; extra?: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (booking && slug) updateLastBooking(slug, token, booking.start, booking.status === 'cancelled');
  }, [booking, slug]);

  const load = () =>
    getBooking(token).then(
      (r) => {
        setBooking(r.booking);
        setSlug(r.slug);
        onBranch(r.booking.branch.name);
        return r;
      },
      (e: Problem) => setLoadProblem(e),
    );

  useEffect(() => {
    load().then((r) => {
      // The horizon for the week arrows when moving; the picker works without it.
      if (r) getBranch(r.slug).then((b) => setHorizon(b.rules.horizon_days), () => {});
    });
  }, [token]);

  if (loadProblem) {
    return (
      <div class="bp-card" role="alert" data-testid="bp-error">
        <strong>{loadProblem.status === 404 ? t('bookingNotFound') : loadProblem.code === 'network-error' ? t('network') : loadProblem.title}</strong>
      </div>
    );
  }
  if (!booking) return <p class="bp-muted bp-loading">{t('loading')}</p>;

  const b = booking;
  const tz = b.timezone || b.branch.timezone;
  const cancelled = b.status === 'cancelled';
  const serviceIds = [...new Set(b.items.map((i) => i.service_id))];
  const staffIds = [...new Set(b.items.map((i) => i.staff_id))];
  const staffId = staffIds.length === 1 ? staffIds[0]! : null;
  const live = b.status === 'booked' || b.status === 'confirmed';

  const run = async (fn: () => Promise<{ booking: Booking }>, done: (nb: Booking) => void) => {
    setSending(true);
    setProblem(null);
    try {
      const r = await fn();
      setBooking(r.booking);
      setAction('none');
      setPick(null);
      done(r.booking);
    } catch (err) {
      const p = err as Problem;
      const startErr = p.errors.find((f) => f.field === 'start');
      if (p.code === 'slot-taken' || startErr) {
        dropAvailability();
        setReload((n) => n + 1);
        setPick(null);
        setProblem({ p, extra: startErr ? fieldMessage(t, startErr.code) : t('slotTaken') });
      } else {
        setProblem({ p });
        // Past the deadline or closed meanwhile: show what is true now.
        if (p.status === 409) {
          setAction('none');
          load();
        }
      }
    } finally {
      setSending(false);
    }
  };

  const cancel = () => run(() => cancelBooking(token, reason.trim() || undefined), () => setNotice(''));
  const move = () => {
    if (!pick) return;
    run(
      () => rescheduleBooking(token, pick.start),
      (nb) => {
        dropAvailability();
        setNotice(t('moved', { when: longWhen(nb.start, nb.timezone || tz, lang) }));
      },
    );
  };

  const mapUrl = `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(b.branch.address)}`;
  const deadlinePassed = Date.parse(b.deadline) <= Date.now();

  return (
    <section class="bp-manage">
      <StepHeading focus={false}>{t('manageTitle')}</StepHeading>
      {notice && (
        <p class="bp-card bp-ok" role="status" data-testid="bm-notice">
          {notice}
        </p>
      )}
      <div class="bp-card" data-testid="bm-booking">
        <p class={`bp-status bp-st-${b.status}`} data-testid="bm-status">
          {t(`st_${b.status}` as Key)}
        </p>
        <p class="bp-when" data-testid="bm-when">
          <strong>{longWhen(b.start, tz, lang)}</strong>
          <span class="bp-block bp-muted bp-small">{t('tzNote', { city: tzCity(tz, lang), tz })}</span>
        </p>
        <dl class="bp-summary">
          <dt>{t('services')}</dt>
          <dd>
            {b.items.map((i, k) => (
              <span key={k} class="bp-block">
                {i.service_name}
                {i.staff_name && <span class="bp-muted"> · {i.staff_name}</span>}
              </span>
            ))}
          </dd>
          <dt>{t('total')}</dt>
          <dd>{formatPrice(b.total, null, b.currency || b.branch.currency, lang)}</dd>
          {b.branch.address && (
            <>
              <dt>{t('address')}</dt>
              <dd>
                <span class="bp-block">{b.branch.address}</span>
                <a href={mapUrl} rel="noopener" data-testid="bm-map">
                  {t('map')}
                </a>
              </dd>
            </>
          )}
          {b.branch.phone && (
            <>
              <dt>{t('phone')}</dt>
              <dd>
                <PhoneLink phone={b.branch.phone} />
              </dd>
            </>
          )}
        </dl>
      </div>

      {cancelled && (
        <p class="bp-card bp-note" data-testid="bm-cancelled" role="status">
          {t('cancelled')}{' '}
          {slug && (
            <a href={`/b/${encodeURIComponent(slug)}`} data-testid="bm-book-again">
              {t('bookAgain')}
            </a>
          )}
        </p>
      )}
      {!cancelled && (!b.can_cancel || !b.can_reschedule) && (
        <p class="bp-card bp-note" data-testid="bm-deadline-note">
          {live && deadlinePassed ? t('deadlineNote', { deadline: longWhen(b.deadline, tz, lang) }) : t('closedNote')}{' '}
          {b.branch.phone && <PhoneLink phone={b.branch.phone} />}
        </p>
      )}

      <ErrorBox problem={problem?.p ?? null} extra={problem?.extra} />

      {action === 'none' && !cancelled && (b.can_reschedule || b.can_cancel) && (
        <div class="bp-stack">
          {b.can_reschedule && (
            <button type="button" class="bp-btn bp-primary" onClick={() => setAction('reschedule')} data-testid="bm-reschedule">
              {t('reschedule')}
            </button>
          )}
          {b.can_cancel && (
            <button type="button" class="bp-btn bp-danger-outline" onClick={() => setAction('cancel')} data-testid="bm-cancel">
              {t('cancel')}
            </button>
          )}
        </div>
      )}

      {action === 'cancel' && (
        <div class="bp-card" role="group" aria-labelledby="bm-cancel-q">
          <h3 class="bp-h3" id="bm-cancel-q">
            {t('cancelQuestion')}
          </h3>
          <div class="bp-field">
            <label for="bm-reason">{t('cancelReason')}</label>
            <textarea id="bm-reason" rows={2} maxLength={500} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
          <div class="bp-actions">
            <button type="button" class="bp-btn" onClick={() => setAction('none')}>
              {t('keep')}
            </button>
            <button type="button" class="bp-btn bp-danger" onClick={cancel} disabled={sending} data-testid="bm-cancel-confirm">
              {t('cancelYes')}
            </button>
          </div>
        </div>
      )}

      {action === 'reschedule' && (
        <div class="bp-card bp-resched">
          <h3 class="bp-h3">{t('reschedule')}</h3>
          <TimePicker
            slug={slug}
            tz={tz}
            horizonDays={horizon}
            serviceIds={serviceIds}
            staffId={staffId}
            selected={pick}
            onSelect={(s) => {
              setPick(s);
              setProblem(null);
            }}
            reload={reload}
          />
          <div class="bp-stack">
            <button type="button" class="bp-btn bp-primary" onClick={move} disabled={!pick || sending} data-testid="bm-reschedule-confirm">
              {pick ? t('rescheduleTo', { when: longWhen(pick.start, tz, lang) }) : t('reschedule')}
            </button>
            <button
              type="button"
              class="bp-btn"
              onClick={() => {
                setAction('none');
                setPick(null);
              }}
            >
              {t('rescheduleClose')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
