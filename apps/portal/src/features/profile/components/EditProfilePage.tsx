import { Role, UI_LANGUAGES } from '@hocvu/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import type { UserProfile } from '../../../app/auth/session-store';
import { paths } from '../../../app/paths';
import { changeUiLanguage, isUiLanguage } from '../../../i18n';
import { FullNameField } from '../../../shared/account/AccountFields';
import {
  checkFullName,
  collect,
  datePartsFromIso,
  type FieldSpec,
  FormShell,
  SelectField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import {
  checkProfileFields,
  PROFILE_FIELD_SPECS,
  ProfileFields,
  profileFieldsBody,
  type ProfileFieldValues,
} from '../../../shared/profile/ProfileFields';
import { Page } from '../../../shared/ui/Page';
import { useUpdateProfile } from '../hooks/use-profile';
import type { ProfileFlash } from './ProfilePage';

const FIELDS: readonly FieldSpec[] = [
  { name: 'fullName' },
  ...PROFILE_FIELD_SPECS,
  { name: 'preferredLanguage' },
];

export function EditProfilePage() {
  const { user } = useAuth();
  return user ? <EditProfileForm user={user} /> : null;
}

function EditProfileForm({ user }: { user: UserProfile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProfile();
  const form = useFormProblems(FIELDS);
  const [{ fullName, preferredLanguage }, edit] = useFormValues(
    { fullName: user.fullName, preferredLanguage: user.preferredLanguage },
    form.clear,
  );
  const [profile, editProfile] = useFormValues<ProfileFieldValues>(
    {
      birthDate: datePartsFromIso(user.birthDate),
      gender: user.gender ?? '',
      communeId: user.communeId ?? '',
      targetGroup: user.targetGroup ?? '',
    },
    form.clear,
  );
  // A content language set elsewhere (Tai Dam, Hmong…) is kept selectable rather than silently dropped.
  const languages: readonly string[] = isUiLanguage(user.preferredLanguage)
    ? UI_LANGUAGES
    : [...UI_LANGUAGES, user.preferredLanguage];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    collect(problems, 'fullName', checkFullName(fullName));
    checkProfileFields(profile, problems);
    if (form.show(problems)) return;

    update.mutate(
      {
        fullName: fullName.trim(),
        preferredLanguage,
        ...profileFieldsBody(profile),
        // Sent only when changed: only a learner may change it (the API refuses staff).
        ...(profile.communeId === (user.communeId ?? '') ? { communeId: undefined } : {}),
      },
      {
        onError: (error) => form.showApiError(error),
        onSuccess: (saved) => {
          // Choosing a UI language here is an explicit choice, like the switcher in the header.
          if (saved.preferredLanguage !== user.preferredLanguage && isUiLanguage(saved.preferredLanguage)) {
            void changeUiLanguage(saved.preferredLanguage);
          }
          const state: ProfileFlash = { flash: 'saved' };
          void navigate(paths.profile, { state });
        },
      },
    );
  };

  return (
    <Page title={t('profile.edit.title')} lead={t('profile.edit.lead')}>
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
        <FullNameField
          value={fullName}
          onValueChange={(value) => edit({ fullName: value })}
          error={form.errorFor('fullName')}
        />
        <ProfileFields
          values={profile}
          onChange={editProfile}
          errorFor={form.errorFor}
          communeLocked={user.role !== Role.Learner}
        />
        <SelectField
          id="preferredLanguage"
          label={t('fields.preferredLanguage')}
          value={preferredLanguage}
          onValueChange={(value) => edit({ preferredLanguage: value })}
          error={form.errorFor('preferredLanguage')}
        >
          {languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {isUiLanguage(code) ? t(`language.names.${code}`) : code}
            </option>
          ))}
        </SelectField>
      </FormShell>
    </Page>
  );
}
