import { type Gender, GENDERS, TARGET_GROUPS, type TargetGroup } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';

import { CommuneSelect } from '../admin-units/CommuneSelect';
import {
  collect,
  DateOfBirthField,
  type DateParts,
  EMPTY_DATE,
  type FieldSpec,
  parseDateParts,
  RadioGroupField,
} from '../forms';

/** The optional "about you" fields shared by sign-up and the profile form. */
export interface ProfileFieldValues {
  birthDate: DateParts;
  gender: Gender | '';
  communeId: string;
  targetGroup: TargetGroup | '';
}

export const EMPTY_PROFILE_FIELDS: ProfileFieldValues = {
  birthDate: EMPTY_DATE,
  gender: '',
  communeId: '',
  targetGroup: '',
};

export const PROFILE_FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'birthDate', targetId: 'birthDate-day' },
  { name: 'gender', targetId: `gender-${GENDERS[0] ?? ''}` },
  { name: 'communeId' },
  { name: 'targetGroup', targetId: `targetGroup-${TARGET_GROUPS[0] ?? ''}` },
];

export function checkProfileFields(
  values: ProfileFieldValues,
  problems: Record<string, readonly string[]>,
): void {
  collect(problems, 'birthDate', parseDateParts(values.birthDate).state === 'invalid' ? ['birthDate'] : []);
}

/** The API fields for the values given; empty ones are left out (on sign-up) rather than sent blank. */
export function profileFieldsBody(values: ProfileFieldValues) {
  const birthDate = parseDateParts(values.birthDate);
  return {
    ...(birthDate.state === 'valid' ? { birthDate: birthDate.iso } : {}),
    ...(values.gender ? { gender: values.gender } : {}),
    ...(values.communeId ? { communeId: values.communeId } : {}),
    ...(values.targetGroup ? { targetGroup: values.targetGroup } : {}),
  };
}

interface ProfileFieldsProps {
  values: ProfileFieldValues;
  onChange: (patch: Partial<ProfileFieldValues>) => void;
  errorFor: (name: string) => string | undefined;
  /** Commune admins cannot move themselves: their commune is their scope of authority. */
  communeLocked?: boolean;
}

export function ProfileFields({ values, onChange, errorFor, communeLocked = false }: ProfileFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <DateOfBirthField
        id="birthDate"
        legend={t('fields.birthDate')}
        value={values.birthDate}
        onValueChange={(birthDate) => onChange({ birthDate })}
        error={errorFor('birthDate')}
        optional
      />
      <RadioGroupField
        id="gender"
        legend={t('fields.gender')}
        options={GENDERS.map((gender) => ({ value: gender, label: t(`gender.${gender}`) }))}
        value={values.gender}
        onValueChange={(gender) => onChange({ gender })}
        error={errorFor('gender')}
        optional
      />
      <CommuneSelect
        value={values.communeId}
        onValueChange={(communeId) => onChange({ communeId })}
        error={errorFor('communeId')}
        hint={communeLocked ? t('fields.communeLocked') : t('fields.communeHint')}
        disabled={communeLocked}
      />
      <RadioGroupField
        id="targetGroup"
        legend={t('fields.targetGroup')}
        hint={t('fields.targetGroupHint')}
        options={TARGET_GROUPS.map((group) => ({ value: group, label: t(`targetGroup.${group}`) }))}
        value={values.targetGroup}
        onValueChange={(targetGroup) => onChange({ targetGroup })}
        error={errorFor('targetGroup')}
        optional
      />
    </>
  );
}
