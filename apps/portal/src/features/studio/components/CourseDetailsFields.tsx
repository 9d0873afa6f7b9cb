import { COURSE_LEVELS, TARGET_GROUPS } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';

import { useContentLanguages } from '../../../shared/courses/use-content-languages';
import {
  CheckboxField,
  CheckboxGroupField,
  RadioGroupField,
  TextField,
  VIDEO_COMPLETION_PERCENT_MAX,
  VIDEO_COMPLETION_PERCENT_MIN,
} from '../../../shared/forms';
import { FALLBACK_CONTENT_LANGUAGE } from '../../../shared/localized';
import type { CourseFormValues } from './course-form';
import { LocalizedTextFields } from './LocalizedTextFields';

interface CourseDetailsFieldsProps {
  values: CourseFormValues;
  onChange: (patch: Partial<CourseFormValues>) => void;
  errorFor: (name: string) => string | undefined;
  /** The long description is edited once the course exists. */
  withDescription?: boolean;
}

export function CourseDetailsFields({
  values,
  onChange,
  errorFor,
  withDescription = false,
}: CourseDetailsFieldsProps) {
  const { t } = useTranslation();
  const { data: languages = [], isError, refetch } = useContentLanguages();
  // Vietnamese first: every course has it, and it is what most authors write in.
  const enabled = languages
    .filter((language) => language.enabled)
    .sort(
      (a, b) => Number(b.code === FALLBACK_CONTENT_LANGUAGE) - Number(a.code === FALLBACK_CONTENT_LANGUAGE),
    );
  // A language the course already has stays listed, even if an admin has since disabled it.
  const languageChoices = [
    ...enabled,
    ...values.languages
      .filter((code) => !enabled.some((language) => language.code === code))
      .map(
        (code) =>
          languages.find((language) => language.code === code) ?? { code, name: code, enabled: false },
      ),
  ];

  return (
    <>
      <LocalizedTextFields
        id="title"
        label={t('studio.fields.title')}
        hint={t('studio.fields.titleHint')}
        value={values.title}
        onValueChange={(title) => onChange({ title })}
        error={errorFor('title')}
        languages={languages}
      />
      <LocalizedTextFields
        id="summary"
        label={t('studio.fields.summary')}
        hint={t('studio.fields.summaryHint')}
        value={values.summary}
        onValueChange={(summary) => onChange({ summary })}
        error={errorFor('summary')}
        languages={languages}
        optional
        rows={3}
      />
      {withDescription ? (
        <LocalizedTextFields
          id="description"
          label={t('studio.fields.description')}
          value={values.description}
          onValueChange={(description) => onChange({ description })}
          error={errorFor('description')}
          languages={languages}
          optional
          rows={8}
        />
      ) : null}
      <RadioGroupField
        id="level"
        legend={t('studio.fields.level')}
        options={COURSE_LEVELS.map((level) => ({ value: level, label: t(`courseLevel.${level}`) }))}
        value={values.level}
        onValueChange={(level) => onChange({ level })}
        error={errorFor('level')}
      />
      <CheckboxGroupField
        id="targetGroups"
        legend={t('studio.fields.targetGroups')}
        hint={t('studio.fields.targetGroupsHint')}
        options={TARGET_GROUPS.map((group) => ({ value: group, label: t(`targetGroup.${group}`) }))}
        value={values.targetGroups}
        onValueChange={(targetGroups) => onChange({ targetGroups })}
        error={errorFor('targetGroups')}
        optional
      />
      <CheckboxGroupField
        id="languages"
        legend={t('studio.fields.languages')}
        hint={t('studio.fields.languagesHint')}
        options={languageChoices.map((language) => ({ value: language.code, label: language.name }))}
        value={values.languages}
        onValueChange={(chosen) => onChange({ languages: chosen })}
        error={errorFor('languages')}
      />
      {isError ? (
        <p className="field__hint">
          {t('studio.languagesLoadFailed')}{' '}
          <button type="button" className="button button--link" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
      <CheckboxField
        id="sequential"
        label={t('studio.fields.sequential')}
        hint={t('studio.fields.sequentialHint')}
        checked={values.sequential}
        onCheckedChange={(sequential) => onChange({ sequential })}
        error={errorFor('sequential')}
      />
      <TextField
        id="videoCompletionPercent"
        label={t('studio.fields.videoCompletionPercent')}
        hint={t('studio.fields.videoCompletionPercentHint', {
          min: VIDEO_COMPLETION_PERCENT_MIN,
          max: VIDEO_COMPLETION_PERCENT_MAX,
        })}
        value={values.videoCompletionPercent}
        onValueChange={(value) => onChange({ videoCompletionPercent: value.replace(/\D/g, '') })}
        error={errorFor('videoCompletionPercent')}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={3}
        className="input--short"
      />
    </>
  );
}
