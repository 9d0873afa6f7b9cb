import { formatQrToken, parseQrToken } from '@hocvu/contracts';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatDateTime, formatPhone } from '../../../shared/format';
import { TextField } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { CommunitySessionDetail } from '../api/community-api';
import {
  useCancelSession,
  useCandidates,
  useEnrolAttendees,
  useRecordByQr,
  useRecordFromList,
  useRemoveAttendance,
  useSession,
} from '../hooks/use-community';

// The camera scanner brings jsQR (~40 kB): downloaded only when "Quét mã QR" is pressed.
const QrScanner = lazy(() => import('./QrScanner'));

/** A session: its facts, attendance by QR (camera or typed code) or from the commune's list, and who came. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, refetch } = useSession(id);
  if (error) {
    return (
      <LoadFailedPage
        title={t('community.sessions.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.communitySessions, label: t('community.sessions.title') }}
      />
    );
  }
  if (!data) return <Loading />;
  return <SessionView session={data} />;
}

function SessionView({ session }: { session: CommunitySessionDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const open = !session.cancelledAt;
  return (
    <Page title={session.title}>
      <p>
        <Link to={paths.communitySessions}>{t('community.session.back')}</Link>
      </p>
      <dl className="details">
        <div className="details__row">
          <dt>{t('community.newSession.date')}</dt>
          <dd>{formatDateTime(session.startsAt, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('community.newSession.place')}</dt>
          <dd>{session.place}</dd>
        </div>
        <div className="details__row">
          <dt>{t('fields.commune')}</dt>
          <dd>{session.communeName}</dd>
        </div>
        {session.courseTitle ? (
          <div className="details__row">
            <dt>{t('community.newSession.course')}</dt>
            <dd>{session.courseTitle}</dd>
          </div>
        ) : null}
        <div className="details__row">
          <dt>{t('community.session.present')}</dt>
          <dd>
            {t('community.sessions.attendance', { count: session.attendance, capacity: session.capacity })}
          </dd>
        </div>
      </dl>
      {session.cancelledAt ? (
        <Alert tone="warning">
          {t('community.session.cancelledAt', { time: formatDateTime(session.cancelledAt, language) })}
          {session.cancelReason ? ` ${session.cancelReason}` : ''}
        </Alert>
      ) : null}
      {open ? <QrAttendance sessionId={session.id} /> : null}
      {open ? <ListAttendance sessionId={session.id} /> : null}
      <Attendees session={session} />
      {open && session.courseId ? <EnrolAttendees sessionId={session.id} /> : null}
      {open ? <CancelSession sessionId={session.id} /> : null}
    </Page>
  );
}

function QrAttendance({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const record = useRecordByQr(sessionId);
  const [scanning, setScanning] = useState(false);
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ name: string; again: boolean } | null>(null);
  const [badCode, setBadCode] = useState(false);

  const send = (token: string) => {
    setLast(null);
    record.mutate(token, {
      onSuccess: (result) => {
        setLast({ name: result.attendee.fullName, again: result.alreadyRecorded });
        setCode('');
      },
    });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = parseQrToken(code);
    setBadCode(token === null);
    if (token) send(token);
  };

  return (
    <section aria-labelledby="qr-attendance">
      <h2 id="qr-attendance">{t('community.session.qrTitle')}</h2>
      {/* Announced as they come: the officer may be looking at the next phone already. */}
      <div role="status" aria-live="polite">
        {last ? (
          <Alert tone="success" role="none">
            {t(last.again ? 'community.session.qrAgain' : 'community.session.qrRecorded', {
              name: last.name,
            })}
          </Alert>
        ) : null}
      </div>
      {record.isError ? <Alert tone="error">{errorMessage(t, record.error)}</Alert> : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => setScanning((value) => !value)}>
          {scanning ? t('community.session.stopScan') : t('community.session.scan')}
        </button>
      </div>
      {scanning ? (
        <Suspense fallback={<Loading />}>
          <QrScanner onToken={send} />
        </Suspense>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="filters">
        <TextField
          id="qr-code"
          label={t('community.session.codeLabel')}
          hint={t('community.session.codeHint', { example: formatQrToken('AB12CD34EF56') })}
          value={code}
          onValueChange={setCode}
          autoComplete="off"
          autoCapitalize="characters"
          error={badCode ? t('community.session.codeInvalid') : undefined}
        />
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={record.isPending}>
            {t('community.session.codeSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ListAttendance({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const candidates = useCandidates(sessionId, q);
  const record = useRecordFromList(sessionId);

  const toggle = (userId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });
  const onSave = () =>
    record.mutate([...chosen], {
      onSuccess: () => setChosen(new Set()),
    });

  return (
    <section aria-labelledby="list-attendance">
      <h2 id="list-attendance">{t('community.session.listTitle')}</h2>
      <form
        className="filters"
        role="search"
        aria-label={t('community.session.searchLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          setQ(search.trim());
        }}
      >
        <TextField
          id="learner-search"
          label={t('community.session.search')}
          hint={t('community.session.searchHint')}
          type="search"
          value={search}
          onValueChange={setSearch}
          enterKeyHint="search"
        />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('admin.users.searchSubmit')}
          </button>
        </div>
      </form>
      {candidates.isError ? <Alert tone="error">{errorMessage(t, candidates.error)}</Alert> : null}
      {candidates.data ? (
        candidates.data.items.length === 0 ? (
          <p>{t('community.session.noneFound')}</p>
        ) : (
          <ul className="checklist" aria-busy={candidates.isFetching}>
            {candidates.data.items.map((candidate) => (
              <li key={candidate.userId} className="checklist__item">
                <label>
                  <input
                    type="checkbox"
                    checked={candidate.attending || chosen.has(candidate.userId)}
                    disabled={candidate.attending}
                    onChange={() => toggle(candidate.userId)}
                  />{' '}
                  <span className="checklist__name">{candidate.fullName}</span>{' '}
                  <span className="muted">
                    {[candidate.phone ? formatPhone(candidate.phone) : null, candidate.birthYear]
                      .filter(Boolean)
                      .join(' · ')}
                    {candidate.attending ? ` · ${t('community.session.alreadyPresent')}` : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )
      ) : (
        <Loading />
      )}
      {record.isSuccess ? (
        <Alert tone="success">{t('community.session.listRecorded', { count: record.data.recorded })}</Alert>
      ) : null}
      {record.isError ? <Alert tone="error">{errorMessage(t, record.error)}</Alert> : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={chosen.size === 0 || record.isPending}
          onClick={onSave}
        >
          {t('community.session.listSave', { count: chosen.size })}
        </button>
      </div>
    </section>
  );
}

function Attendees({ session }: { session: CommunitySessionDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const remove = useRemoveAttendance(session.id);
  return (
    <section aria-labelledby="attendees">
      <h2 id="attendees">{t('community.session.attendees', { count: session.attendees.length })}</h2>
      {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
      {session.attendees.length === 0 ? (
        <p>{t('community.session.nobody')}</p>
      ) : (
        <ul className="cards" aria-label={t('community.session.attendeesList')}>
          {session.attendees.map((attendee) => (
            <li key={attendee.userId} className="card">
              <h3 className="card__title">{attendee.fullName}</h3>
              <p className="muted">
                {t(`community.session.method.${attendee.method}`)} ·{' '}
                {formatDateTime(attendee.recordedAt, language)}
              </p>
              {session.cancelledAt ? null : (
                <button
                  type="button"
                  className="button button--link"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(attendee.userId)}
                >
                  {t('community.session.remove', { name: attendee.fullName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EnrolAttendees({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const enrol = useEnrolAttendees(sessionId);
  return (
    <section aria-labelledby="enrol-attendees">
      <h2 id="enrol-attendees">{t('community.session.enrolTitle')}</h2>
      <p className="muted">{t('community.session.enrolHint')}</p>
      {enrol.isSuccess ? (
        <Alert tone="success">
          {t('community.session.enrolled', {
            count: enrol.data.enrolled,
            already: enrol.data.alreadyEnrolled,
          })}
        </Alert>
      ) : null}
      {enrol.isError ? <Alert tone="error">{errorMessage(t, enrol.error)}</Alert> : null}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={enrol.isPending}
          onClick={() => enrol.mutate()}
        >
          {t('community.session.enrol')}
        </button>
      </div>
    </section>
  );
}

function CancelSession({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const cancel = useCancelSession(sessionId);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <section aria-labelledby="cancel-session">
      <h2 id="cancel-session">{t('community.session.cancelTitle')}</h2>
      {cancel.isError ? <Alert tone="error">{errorMessage(t, cancel.error)}</Alert> : null}
      {asking ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate(reason.trim() || undefined);
          }}
        >
          <TextField
            id="cancel-reason"
            label={t('community.session.cancelReason')}
            value={reason}
            onValueChange={setReason}
            optional
          />
          <div className="actions">
            <button type="submit" className="button" disabled={cancel.isPending}>
              {t('community.session.cancelYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          {t('community.session.cancel')}
        </button>
      )}
    </section>
  );
}
