import type { LocalizedText } from '@hocvu/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ContentLanguage } from '../../../shared/courses/use-content-languages';
import { TextAreaField, TextField } from '../../../shared/forms';
import { FALLBACK_CONTENT_LANGUAGE } from '../../../shared/localized';

interface LocalizedTextFieldsProps {
  /** Base id: the inputs are `<id>-vi`, `<id>-blt`… (the error summary links to `<id>-vi`). */
  id: string;
  /** The field's name, e.g. "Tên khoá học"; each input adds its language. */
  label: string;
  value: LocalizedText;
  onValueChange: (value: LocalizedText) => void;
  /** Enabled content languages; Vietnamese is always shown, first. */
  languages: readonly ContentLanguage[];
  hint?: ReactNode;
  error?: string | undefined;
  /** The Vietnamese text is required unless this is set. */
  optional?: boolean;
  /** Rows of a multi-line box; a single-line box when not given. */
  rows?: number;
  /** Extra attributes for the boxes (a monospace class for Markdown). */
  className?: string;
}

/**
 * One course text in several languages: Vietnamese (the fallback every learner can get), then the other
 * enabled content languages, tucked away in a disclosure so the form stays short on a phone.
 */
export function LocalizedTextFields({
  id,
  label,
  value,
  onValueChange,
  languages,
  hint,
  error,
  optional = false,
  rows,
  className,
}: LocalizedTextFieldsProps) {
  const { t } = useTranslation();
  const others = otherLanguages(languages, value);
  const hasOtherText = others.some((language) => (value[language.code] ?? '').trim() !== '');

  const box = (
    code: string,
    languageName: string,
    props: { hint?: ReactNode; error?: string | undefined; optional: boolean },
  ) => {
    const common = {
      id: `${id}-${code}`,
      label: t('studio.fieldInLanguage', { field: label, language: languageName }),
      value: value[code] ?? '',
      onValueChange: (text: string) => onValueChange({ ...value, [code]: text }),
      lang: code,
      className,
      ...props,
    };
    return rows ? <TextAreaField {...common} rows={rows} /> : <TextField {...common} type="text" />;
  };

  return (
    <div className="localized-fields">
      {box(FALLBACK_CONTENT_LANGUAGE, t('studio.vietnamese'), { hint, error, optional })}
      {others.length > 0 ? (
        <details className="disclosure" open={hasOtherText}>
          <summary className="disclosure__summary">{t('studio.otherLanguages', { field: label })}</summary>
          <div className="disclosure__body">
            <p className="field__hint">{t('studio.otherLanguagesHint')}</p>
            {others.map((language) => (
              <div key={language.code}>{box(language.code, language.name, { optional: true })}</div>
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** The enabled languages other than Vietnamese, plus any the text already has (kept, not dropped). */
function otherLanguages(languages: readonly ContentLanguage[], value: LocalizedText): ContentLanguage[] {
  const shown = languages.filter(
    (language) => language.enabled && language.code !== FALLBACK_CONTENT_LANGUAGE,
  );
  const known = new Set(shown.map((language) => language.code));
  const extra = Object.keys(value)
    .filter((code) => code !== FALLBACK_CONTENT_LANGUAGE && !known.has(code))
    .map(
      (code) => languages.find((language) => language.code === code) ?? { code, name: code, enabled: false },
    );
  return [...shown, ...extra];
}
