import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import type { UserProfile } from '../../../app/auth/session-store';
import { paths } from '../../../app/paths';
import { useVillages } from '../../../shared/admin-units/use-villages';
import {
  CheckboxField,
  type FieldSpec,
  FormShell,
  RadioGroupField,
  SelectField,
  TextField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import { useUpdateProfile } from '../hooks/use-profile';
import {
  checkInclusion,
  type DisabilityAnswer,
  ETHNIC_GROUPS,
  type EthnicChoice,
  INCLUSION_TEXT_MAX_LENGTH,
  inclusionBody,
  type InclusionValues,
  inclusionValuesOf,
} from '../inclusion';
import type { ProfileFlash } from './ProfilePage';

const FIELDS: readonly FieldSpec[] = [
  { name: 'villageId' },
  { name: 'consent' },
  { name: 'disability', targetId: 'disability-yes' },
  { name: 'ethnicGroup', targetId: 'ethnicChoice' },
  { name: 'ethnicOther' },
  { name: 'householdId' },
];
const DISABILITY_ANSWERS: readonly DisabilityAnswer[] = ['yes', 'no', 'unsaid'];

/**
 * /profile/inclusion — "Thông tin thêm cho phong trào": the learner's village, and the optional
 * questions (disability, ethnic group, household) kept only with their consent (docs/privacy.md).
 * Written for elderly readers: short sentences, one question at a time, large controls.
 */
export function InclusionPage() {
  const { user } = useAuth();
  return user ? <InclusionForm user={user} /> : null;
}

function InclusionForm({ user }: { user: UserProfile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProfile();
  const form = useFormProblems(FIELDS);
  const [values, edit] = useFormValues<InclusionValues>(inclusionValuesOf(user), form.clear);
  const hadConsent = user.inclusion !== null;
  const villages = useVillages(user.communeId);

  const problemText = (field: string): string | undefined => {
    const rules = form.problems[field];
    if (!rules) return undefined;
    // Our own checks have their own words; what the API reports is told as usual.
    if (rules.includes('required')) return t('profile.inclusion.ethnicOtherRequired');
    if (rules.includes('length')) return t('profile.inclusion.tooLong', { max: INCLUSION_TEXT_MAX_LENGTH });
    return form.errorFor(field);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.show(checkInclusion(values))) return;
    update.mutate(inclusionBody(values, hadConsent), {
      onError: (error) => form.showApiError(error),
      onSuccess: () => {
        const state: ProfileFlash = { flash: 'saved' };
        void navigate(paths.profile, { state });
      },
    });
  };

  return (
    <Page title={t('profile.inclusion.title')} lead={t('profile.inclusion.lead')}>
      <FormShell
        problems={form}
        error={update.error}
        onSubmit={onSubmit}
        pending={update.isPending}
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        otherActions={
          <Link className="button button--secondary" to={paths.profile}>
            {t('common.cancel')}
          </Link>
        }
      >
        {user.communeId ? (
          <SelectField
            id="villageId"
            label={t('profile.inclusion.village')}
            hint={
              villages.data && villages.data.length === 0
                ? t('profile.inclusion.villageNone', { commune: user.commune?.name ?? '' })
                : t('profile.inclusion.villageHint', { commune: user.commune?.name ?? '' })
            }
            value={values.villageId}
            onValueChange={(villageId) => edit({ villageId })}
            error={form.errorFor('villageId')}
            disabled={villages.isPending}
            aria-busy={villages.isPending ? true : undefined}
            optional
          >
            <option value="">
              {villages.isPending ? t('common.loading') : t('profile.inclusion.villageChoose')}
            </option>
            {(villages.data ?? []).map((village) => (
              <option key={village.id} value={village.id}>
                {village.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="field__hint">
            {t('profile.inclusion.villageNeedsCommune')}{' '}
            <Link to={paths.editProfile}>{t('profile.edit.title')}</Link>
          </p>
        )}

        <section className="inclusion" aria-labelledby="inclusion-why">
          <h2 id="inclusion-why" className="inclusion__title">
            {t('profile.inclusion.whyTitle')}
          </h2>
          <ul className="inclusion__why">
            <li>{t('profile.inclusion.why1')}</li>
            <li>{t('profile.inclusion.why2')}</li>
            <li>{t('profile.inclusion.why3')}</li>
            <li>{t('profile.inclusion.why4')}</li>
          </ul>
          <CheckboxField
            id="consent"
            label={t('profile.inclusion.consent')}
            hint={t('profile.inclusion.consentHint')}
            checked={values.consent}
            onCheckedChange={(consent) => edit({ consent })}
            error={form.errorFor('consent')}
          />
          {hadConsent && !values.consent ? (
            <Alert tone="warning">{t('profile.inclusion.withdrawWarning')}</Alert>
          ) : null}
          {values.consent ? (
            <>
              <RadioGroupField
                id="disability"
                legend={t('profile.inclusion.disability')}
                hint={t('profile.inclusion.disabilityHint')}
                options={DISABILITY_ANSWERS.map((answer) => ({
                  value: answer,
                  label: t(`profile.inclusion.disabilityAnswers.${answer}`),
                }))}
                value={values.disability}
                onValueChange={(disability) => edit({ disability })}
                error={form.errorFor('disability')}
                optional
              />
              <SelectField
                id="ethnicChoice"
                label={t('profile.inclusion.ethnicGroup')}
                value={values.ethnicChoice}
                onValueChange={(value) => edit({ ethnicChoice: value as EthnicChoice })}
                error={form.errorFor('ethnicGroup')}
                optional
              >
                <option value="">{t('profile.inclusion.ethnicUnsaid')}</option>
                {ETHNIC_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {t(`profile.inclusion.ethnicNames.${group}`, { defaultValue: group })}
                  </option>
                ))}
                <option value="other">{t('profile.inclusion.ethnicOther')}</option>
              </SelectField>
              {values.ethnicChoice === 'other' ? (
                <TextField
                  id="ethnicOther"
                  label={t('profile.inclusion.ethnicOtherLabel')}
                  value={values.ethnicOther}
                  onValueChange={(ethnicOther) => edit({ ethnicOther })}
                  error={problemText('ethnicOther')}
                  maxLength={INCLUSION_TEXT_MAX_LENGTH + 20}
                  autoComplete="off"
                />
              ) : null}
              <TextField
                id="householdId"
                label={t('profile.inclusion.household')}
                hint={t('profile.inclusion.householdHint')}
                value={values.householdId}
                onValueChange={(householdId) => edit({ householdId })}
                error={problemText('householdId')}
                autoComplete="off"
                optional
              />
            </>
          ) : null}
        </section>
      </FormShell>
    </Page>
  );
}
