import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatDateTime } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import type { CommunitySession } from '../api/community-api';
import { useSessionList } from '../hooks/use-community';

const PAGE_SIZE = 20;

/** "Buổi học cộng đồng": the commune's upcoming classes (soonest first) or past ones (latest first). */
export function SessionsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'upcoming';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isPending, isFetching } = useSessionList({ when, page, pageSize: PAGE_SIZE });
  const hrefFor = (next: { when?: string; page?: number }) => {
    const search = new URLSearchParams();
    if ((next.when ?? when) === 'past') search.set('when', 'past');
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    const text = search.toString();
    return text ? `?${text}` : paths.communitySessions;
  };

  return (
    <Page title={t('community.sessions.title')} lead={t('community.sessions.lead')}>
      <div className="actions">
        <Link className="button" to={paths.communityNewSession}>
          {t('community.sessions.new')}
        </Link>
      </div>
      <nav className="sub-nav" aria-label={t('community.sessions.whenLabel')}>
        <ul className="sub-nav__list">
          {(['upcoming', 'past'] as const).map((option) => (
            <li key={option}>
              <Link
                to={hrefFor({ when: option })}
                className="sub-nav__link"
                aria-current={option === when ? 'page' : undefined}
              >
                {t(`community.sessions.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-busy={isFetching} aria-label={t(`community.sessions.${when}`)}>
          {data.items.length === 0 ? (
            <p>{t(`community.sessions.empty.${when}`)}</p>
          ) : (
            <ul className="cards">
              {data.items.map((session) => (
                <SessionCard key={session.id} session={session} />
              ))}
            </ul>
          )}
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={(next) => hrefFor({ page: next })}
          />
        </section>
      ) : null}
    </Page>
  );
}

function SessionCard({ session }: { session: CommunitySession }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <li className="card">
      <h2 className="card__title">
        <Link to={paths.communitySession(session.id)}>{session.title}</Link>
      </h2>
      <p>{formatDateTime(session.startsAt, language)}</p>
      <p>{session.place}</p>
      {session.courseTitle ? (
        <p className="muted">{t('community.sessions.course', { title: session.courseTitle })}</p>
      ) : null}
      <p>
        {session.cancelledAt ? (
          <span className="badge badge--disabled">{t('community.sessions.cancelled')}</span>
        ) : (
          t('community.sessions.attendance', { count: session.attendance, capacity: session.capacity })
        )}
      </p>
      <p className="muted">{session.communeName}</p>
    </li>
  );
}
