import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { formatPhone } from '../../../shared/format';
import { TextField } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { HelpedLearner } from '../api/community-api';
import { useHelpedLearners, useRegisterHelpedLearner, useUnlinkHelpedLearner } from '../hooks/use-community';

/**
 * "Người tôi hỗ trợ": a digital ambassador's learners with their progress, and the form to register
 * one more (an existing learner of the commune by phone, or a new account).
 */
export function HelpedLearnersPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useHelpedLearners();
  return (
    <Page title={t('community.helped.title')} lead={t('community.helped.lead')}>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="helped-list">
          <h2 id="helped-list">
            {t('community.helped.count', { count: data.items.length, minimum: data.minimumLearners })}
          </h2>
          {data.items.length < data.minimumLearners ? (
            <p className="muted">
              {t('community.helped.toGo', { count: data.minimumLearners - data.items.length })}
            </p>
          ) : null}
          {data.items.length === 0 ? (
            <p>{t('community.helped.empty')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((learner) => (
                <HelpedCard key={learner.id} learner={learner} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <RegisterForm />
    </Page>
  );
}

function HelpedCard({ learner }: { learner: HelpedLearner }) {
  const { t } = useTranslation();
  const unlink = useUnlinkHelpedLearner();
  const [confirm, setConfirm] = useState(false);
  return (
    <li className="card">
      <h3 className="card__title">{learner.fullName}</h3>
      {learner.phone ? <p className="muted">{formatPhone(learner.phone)}</p> : null}
      <ul className="progress-facts">
        <li>{t('community.helped.enrolled', { count: learner.enrolledCourses })}</li>
        <li>{t('community.helped.completed', { count: learner.completedCourses })}</li>
        <li>{t('community.helped.certificates', { count: learner.certificates })}</li>
        <li>
          {learner.confirmedOnVneid ? t('community.helped.confirmed') : t('community.helped.notConfirmed')}
        </li>
        {learner.sessionsAttended > 0 ? (
          <li>{t('community.helped.sessions', { count: learner.sessionsAttended })}</li>
        ) : null}
      </ul>
      {unlink.isError ? <Alert tone="error">{errorMessage(t, unlink.error)}</Alert> : null}
      {confirm ? (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={unlink.isPending}
            onClick={() => unlink.mutate(learner.id)}
          >
            {t('community.helped.unlinkYes', { name: learner.fullName })}
          </button>
          <button type="button" className="button button--link" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--link" onClick={() => setConfirm(true)}>
          {t('community.helped.unlink')}
        </button>
      )}
    </li>
  );
}

function RegisterForm() {
  const { t } = useTranslation();
  const register = useRegisterHelpedLearner();
  const [phone, setPhone] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [done, setDone] = useState<{ name: string; created: boolean } | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const year = Number(birthYear);
    register.mutate(
      {
        phone: phone.trim(),
        fullName: fullName.trim(),
        ...(birthYear.trim() && Number.isInteger(year) ? { birthYear: year } : {}),
      },
      {
        onSuccess: (result) => {
          setDone({ name: result.learner.fullName, created: result.created });
          setPhone('');
          setFullName('');
          setBirthYear('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="helped-register">
      <h2 id="helped-register">{t('community.helped.registerTitle')}</h2>
      <p className="muted">{t('community.helped.registerHint')}</p>
      {done ? (
        <Alert tone="success">
          {t(done.created ? 'community.helped.created' : 'community.helped.linked', { name: done.name })}
        </Alert>
      ) : null}
      {register.isError ? <Alert tone="error">{errorMessage(t, register.error)}</Alert> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="helped-phone"
          label={t('fields.phone')}
          value={phone}
          onValueChange={setPhone}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required
        />
        <TextField
          id="helped-name"
          label={t('fields.fullName')}
          hint={t('community.helped.nameHint')}
          value={fullName}
          onValueChange={setFullName}
          required
          autoComplete="off"
        />
        <TextField
          id="helped-birth-year"
          label={t('community.helped.birthYear')}
          value={birthYear}
          onValueChange={setBirthYear}
          inputMode="numeric"
          optional
        />
        <div className="actions">
          <button type="submit" className="button" disabled={register.isPending}>
            {t('community.helped.register')}
          </button>
        </div>
      </form>
    </section>
  );
}
