/** @jsxImportSource preact */
// /b/{slug}/f/{token}: the client rates a completed visit (1-5 stars, an optional
// NPS 0-10 and a comment), may change the answer for 24 hours, and sees why the
// form is closed otherwise. Loaded on demand: the booking page does not carry it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type FeedbackAnswer, type Problem, type PublicFeedback, NETWORK, getFeedback, giveFeedback } from './api';
import { longWhen } from './format';
import { useI18n } from './i18n';
import { feedbackTexts } from './feedbackTexts';
import { ErrorBox, PhoneLink, StepHeading, fieldMessage } from './ui';
import './feedback.css';

interface Props {
  token: string;
  /** The branch's name, for the page header. */
  onBranch: (name: string) => void;
  /** The visit, when its request was started before this file loaded. */
  preload?: Promise<PublicFeedback>;
}

type Mode = 'view' | 'edit' | 'thanks';

export function FeedbackPage({ token, onBranch, preload }: Props) {
  const { t, lang } = useI18n();
  const x = feedbackTexts(lang);
  const [data, setData] = useState<PublicFeedback | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [rating, setRating] = useState(0);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [missingRating, setMissingRating] = useState(false);
  const starsRef = useRef<HTMLFieldSetElement>(null);

  const show = (d: PublicFeedback) => {
    setData(d);
    onBranch(d.branch.name);
    // Nothing answered yet and the form is open: straight to the form.
    setMode((m) => (m === 'thanks' ? m : d.can_answer && !d.feedback ? 'edit' : 'view'));
  };

  const load = (first = false) => {
    setLoadProblem(null);
    (first && preload ? preload : getFeedback(token)).then(show, (p: Problem) => setLoadProblem(p));
  };
  useEffect(() => load(true), [token]);

  if (loadProblem) {
    return (
      <div class="bp-card" role="alert" data-testid="bf-error">
        <strong>{loadProblem.status === 404 ? x.notFound : loadProblem.code === NETWORK ? t('network') : loadProblem.title}</strong>
        {loadProblem.status !== 404 && (
          <p>
            <button type="button" class="bp-btn" onClick={() => load()}>
              {t('retry')}
            </button>
          </p>
        )}
      </div>
    );
  }
  if (!data) return <p class="bp-muted bp-loading">{t('loading')}</p>;

  const v = data.visit;
  const f = data.feedback;
  const tz = v.timezone || data.branch.timezone;

  const startEditing = () => {
    setRating(f?.rating ?? 0);
    setNps(f?.nps ?? null);
    setComment(f?.comment ?? '');
    setProblem(null);
    setMissingRating(false);
    setMode('edit');
  };

  const send = async (e: Event) => {
    e.preventDefault();
    if (rating < 1) {
      setMissingRating(true);
      starsRef.current?.querySelector('input')?.focus();
      return;
    }
    const answer: FeedbackAnswer = { rating, nps, comment: comment.trim() };
    setSending(true);
    setProblem(null);
    try {
      const saved = await giveFeedback(token, answer);
      setData(saved);
      setMode('thanks');
    } catch (err) {
      const p = err as Problem;
      setProblem(p);
      // Closed or locked meanwhile: show what is true now.
      if (p.status === 409) {
        setMode('view');
        load();
      }
    } finally {
      setSending(false);
    }
  };

  const fieldError = (name: string) => {
    const err = problem?.errors.find((e) => e.field === name);
    return err ? fieldMessage(t, err.code) : '';
  };

  const visitCard = (
    <div class="bp-card" data-testid="bf-visit">
      {v.client_first_name && <p class="bf-hello">{x.hello.replace('{name}', v.client_first_name)}</p>}
      <p class="bp-when">
        <strong data-testid="bf-when">{x.visitOn.replace('{when}', longWhen(v.start, tz, lang))}</strong>
      </p>
      <p class="bp-muted bp-small">
        {data.salon.name && data.salon.name !== data.branch.name ? `${data.salon.name} · ${data.branch.name}` : data.branch.name}
      </p>
      <ul class="bf-items">
        {v.items.map((i, k) => (
          <li key={k}>
            {i.service_name}
            {i.staff_name && <span class="bp-muted"> · {i.staff_name}</span>}
          </li>
        ))}
      </ul>
    </div>
  );

  const answerCard = f && (
    <div class="bp-card" data-testid="bf-answer">
      <h3 class="bp-h3">{x.yourAnswer}</h3>
      <p class="bf-shown-stars" aria-label={x.starsOf.replace('{n}', String(f.rating))}>
        <span aria-hidden="true">
          {'★'.repeat(f.rating)}
          <span class="bf-dim">{'★'.repeat(5 - f.rating)}</span>
        </span>{' '}
        <span class="bp-muted">{x.labels[f.rating - 1]}</span>
      </p>
      {f.nps !== null && <p class="bp-small">{x.npsValue.replace('{n}', String(f.nps))}</p>}
      {f.comment && <p class="bf-comment">{f.comment}</p>}
      {data.can_answer && <p class="bp-muted bp-small">{x.editUntil.replace('{when}', longWhen(f.editable_until, tz, lang))}</p>}
    </div>
  );

  let body;
  if (mode === 'edit' && data.can_answer) {
    body = (
      <form class="bf-form" onSubmit={send} noValidate data-testid="bf-form">
        <fieldset class={`bf-stars${missingRating ? ' bf-bad' : ''}`} ref={starsRef} aria-describedby={missingRating ? 'bf-rating-err' : undefined}>
          <legend class="bf-legend">{x.ratingQ}</legend>
          <div class="bf-star-row" data-testid="bf-stars">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} class={`bf-star${n <= rating ? ' on' : ''}`}>
                <input
                  type="radio"
                  name="bf-rating"
                  value={n}
                  checked={rating === n}
                  onChange={() => {
                    setRating(n);
                    setMissingRating(false);
                  }}
                />
                <span aria-hidden="true">★</span>
                <span class="bp-vh">
                  {x.starsOf.replace('{n}', String(n))}, {x.labels[n - 1]}
                </span>
              </label>
            ))}
          </div>
          <p class="bp-muted bp-small bf-star-label" aria-live="polite">
            {rating > 0 ? x.labels[rating - 1] : '\u00a0'}
          </p>
          {(missingRating || fieldError('rating')) && (
            <p class="bp-field-err" id="bf-rating-err">
              {missingRating ? x.chooseRating : fieldError('rating')}
            </p>
          )}
        </fieldset>

        <fieldset class="bf-nps">
          <legend class="bf-legend">{x.npsQ}</legend>
          <div class="bf-nps-row" data-testid="bf-nps">
            {Array.from({ length: 11 }, (_, n) => (
              <label key={n} class={`bf-nps-item${nps === n ? ' on' : ''}`}>
                <input type="radio" name="bf-nps" value={n} checked={nps === n} onChange={() => setNps(n)} />
                <span>{n}</span>
              </label>
            ))}
          </div>
          <p class="bf-nps-ends bp-muted bp-small" aria-hidden="true">
            <span>{x.npsLow}</span>
            <span>{x.npsHigh}</span>
          </p>
          {nps !== null && (
            <button type="button" class="bp-link" onClick={() => setNps(null)} data-testid="bf-nps-clear">
              {x.npsClear}
            </button>
          )}
          {fieldError('nps') && <p class="bp-field-err">{fieldError('nps')}</p>}
        </fieldset>

        <div class={`bp-field${fieldError('comment') ? ' bp-field-bad' : ''}`}>
          <label for="bf-comment">{x.comment}</label>
          <textarea
            id="bf-comment"
            rows={4}
            maxLength={2000}
            placeholder={x.commentHint}
            value={comment}
            onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
          />
          {comment.length > 1800 && <p class="bp-muted bp-small">{comment.length} / 2000</p>}
          {fieldError('comment') && <p class="bp-field-err">{fieldError('comment')}</p>}
        </div>

        <ErrorBox problem={problem && !problem.errors.length ? problem : null} />
        <div class="bp-stack">
          <button type="submit" class="bp-btn bp-primary" disabled={sending} data-testid="bf-send">
            {sending ? x.sending : f ? x.saveChanges : x.send}
          </button>
          {f && (
            <button type="button" class="bp-btn" onClick={() => setMode('view')}>
              {x.cancelEdit}
            </button>
          )}
        </div>
      </form>
    );
  } else {
    const low = f && (f.rating <= 3 || (f.nps !== null && f.nps <= 6));
    let note = '';
    if (mode === 'thanks') note = low ? x.thanksLow : '';
    else if (f) note = data.can_answer ? x.already : data.open ? x.locked : x.closed;
    else note = data.closed_reason === 'expired' ? x.closed : x.notYet;
    body = (
      <>
        {mode === 'thanks' && (
          <p class="bp-card bp-ok bf-thanks" role="status" data-testid="bf-thanks">
            <FocusOnMount>{x.thanks}</FocusOnMount>
          </p>
        )}
        {note && (
          <p class="bp-card bp-note" data-testid="bf-note">
            {note}
            {!f && data.branch.phone && (
              <>
                {' '}
                {t('callUs')} <PhoneLink phone={data.branch.phone} />
              </>
            )}
          </p>
        )}
        <ErrorBox problem={problem} />
        {answerCard}
        {f && data.can_answer && (
          <button type="button" class="bp-btn" onClick={startEditing} data-testid="bf-edit">
            {x.edit}
          </button>
        )}
      </>
    );
  }

  return (
    <section class="bp-manage bf-page">
      <StepHeading focus={false}>{x.title}</StepHeading>
      {visitCard}
      {body}
    </section>
  );
}

/** The thank-you text takes the focus, so that screen readers say it after sending. */
function FocusOnMount({ children }: { children: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <span tabIndex={-1} ref={ref}>
      {children}
    </span>
  );
}
