import { Role, UI_LANGUAGES } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import type { UserProfile } from '../../../app/auth/session-store';
import { paths } from '../../../app/paths';
import { changeUiLanguage, isUiLanguage } from '../../../i18n';
import {
  checkFullName,
  collect,
  datePartsFromIso,
  ErrorSummary,
  type FieldSpec,
  FormError,
  SelectField,
  TextField,
  useFormProblems,
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
  const [fullName, setFullName] = useState(user.fullName);
  const [preferredLanguage, setPreferredLanguage] = useState(user.preferredLanguage);
  const [profile, setProfile] = useState<ProfileFieldValues>({
    birthDate: datePartsFromIso(user.birthDate),
    gender: user.gender ?? '',
    communeId: user.communeId ?? '',
    targetGroup: user.targetGroup ?? '',
  });
  // A content language set elsewhere (Tai Dam, Hmong…) is kept selectable rather than silently dropped.
  const languages: readonly string[] = isUiLanguage(user.preferredLanguage)
    ? UI_LANGUAGES
    : [...UI_LANGUAGES, user.preferredLanguage];

  const editProfile = (patch: Partial<ProfileFieldValues>) => {
    setProfile((current) => ({ ...current, ...patch }));
    for (const name of Object.keys(patch)) form.clear(name);
  };

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
        // Sent only when changed: for a commune admin the API ignores it anyway.
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
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <FormError error={update.error} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id="fullName"
          label={t('fields.fullName')}
          value={fullName}
          onValueChange={(value) => {
            setFullName(value);
            form.clear('fullName');
          }}
          error={form.errorFor('fullName')}
          autoComplete="name"
          autoCapitalize="words"
        />
        <ProfileFields
          values={profile}
          onChange={editProfile}
          errorFor={form.errorFor}
          communeLocked={user.role === Role.CommuneAdmin}
        />
        <SelectField
          id="preferredLanguage"
          label={t('fields.preferredLanguage')}
          value={preferredLanguage}
          onValueChange={(value) => {
            setPreferredLanguage(value);
            form.clear('preferredLanguage');
          }}
          error={form.errorFor('preferredLanguage')}
        >
          {languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {isUiLanguage(code) ? t(`language.names.${code}`) : code}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </button>
          <Link className="button button--secondary" to={paths.profile}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
