import { Permission, Role, ROLES } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { errorMessage } from '../../../shared/api/error-messages';
import { formatDateTime, formatPhone } from '../../../shared/format';
import { SelectField, TextField } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { oneOf, pageParam, searchString } from '../../../shared/url-query';
import type { UserListQuery, UserSummary } from '../api/admin-api';
import { PAGE_SIZE, useUserList } from '../hooks/use-admin';
import { AdminNav } from './AdminNav';
import { AmbassadorControl } from './AmbassadorControl';
import { ResetPasswordControl } from './ResetPasswordControl';

/** The list's state lives in the URL: shareable, and the back button undoes a search. */
function readQuery(params: URLSearchParams): UserListQuery {
  const role = oneOf(ROLES, params.get('role'));
  const q = params.get('q')?.trim();
  return {
    page: pageParam(params),
    pageSize: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
  };
}

function toSearch(query: UserListQuery): string {
  return searchString({ q: query.q, role: query.role, page: query.page });
}

export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const { data, error, isPending, isFetching } = useUserList(query);

  return (
    <Page title={t('admin.sections.users.title')}>
      <AdminNav />
      {/* Keyed by the URL so the boxes follow the back button. */}
      <UserFilters key={params.toString()} query={query} onSearch={(next) => setParams(toSearch(next))} />

      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="users-results" aria-busy={isFetching}>
          <h2 id="users-results" className="results-title">
            {t('admin.users.results', { total: data.total })}
          </h2>
          {data.items.length === 0 ? (
            <p>{t('admin.users.empty')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((user) => (
                <UserCard key={user.id} user={user} />
              ))}
            </ul>
          )}
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={(page) => toSearch({ ...query, page })}
          />
        </section>
      ) : null}
    </Page>
  );
}

function UserFilters({
  query,
  onSearch,
}: {
  query: UserListQuery;
  onSearch: (query: UserListQuery) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(query.q ?? '');
  const [role, setRole] = useState<string>(query.role ?? '');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = search.trim();
    const picked = oneOf(ROLES, role);
    onSearch({ pageSize: PAGE_SIZE, page: 1, ...(q ? { q } : {}), ...(picked ? { role: picked } : {}) });
  };

  return (
    <form className="filters" role="search" aria-label={t('admin.users.searchLabel')} onSubmit={onSubmit}>
      <TextField
        id="user-search"
        label={t('admin.users.search')}
        hint={t('admin.users.searchHint')}
        value={search}
        onValueChange={setSearch}
        type="search"
        required={false}
        enterKeyHint="search"
      />
      <SelectField
        id="user-role"
        label={t('fields.role')}
        value={role}
        onValueChange={setRole}
        required={false}
      >
        <option value="">{t('admin.users.allRoles')}</option>
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`role.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button">
          {t('admin.users.searchSubmit')}
        </button>
      </div>
    </form>
  );
}

function UserCard({ user }: { user: UserSummary }) {
  const { t, i18n } = useTranslation();
  const { user: me, can } = useAuth();
  const language = i18n.resolvedLanguage ?? 'vi';
  // Mirrors the API's rule so the button is not offered in vain: commune admins reset learners only.
  const mayReset =
    can(Permission.UserResetPassword) &&
    user.id !== me?.id &&
    (me?.role !== Role.CommuneAdmin || user.role === Role.Learner);

  return (
    <li className="card">
      <h3 className="card__title">{user.fullName}</h3>
      <dl className="details details--compact">
        <div className="details__row">
          <dt>{t('fields.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
        </div>
        {user.phone ? (
          <div className="details__row">
            <dt>{t('fields.phone')}</dt>
            <dd>{formatPhone(user.phone)}</dd>
          </div>
        ) : null}
        {user.email ? (
          <div className="details__row">
            <dt>{t('fields.email')}</dt>
            <dd className="break">{user.email}</dd>
          </div>
        ) : null}
        {user.communeName ? (
          <div className="details__row">
            <dt>{t('fields.commune')}</dt>
            <dd>{user.communeName}</dd>
          </div>
        ) : null}
        {user.targetGroup ? (
          <div className="details__row">
            <dt>{t('fields.targetGroup')}</dt>
            <dd>{t(`targetGroup.${user.targetGroup}`)}</dd>
          </div>
        ) : null}
        {user.ambassador ? (
          <div className="details__row">
            <dt>{t('community.ambassador.label')}</dt>
            <dd>
              <span className="badge badge--active">{t('community.ambassador.badge')}</span>
            </dd>
          </div>
        ) : null}
        <div className="details__row">
          <dt>{t('fields.status')}</dt>
          <dd>
            <span className={`badge badge--${user.status}`}>{t(`status.${user.status}`)}</span>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('admin.users.createdAt')}</dt>
          <dd>{formatDateTime(user.createdAt, language)}</dd>
        </div>
      </dl>
      {mayReset ? <ResetPasswordControl user={user} /> : null}
      {user.role === Role.Learner && can(Permission.AmbassadorManage) ? (
        <AmbassadorControl user={user} />
      ) : null}
    </li>
  );
}
