import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { currentUiLanguage } from '../../i18n';
import { type LocalizedText, type LocalizedValue, pickLocalized } from '../localized';

/**
 * Course texts in the learner's UI language, with fallback to Vietnamese. `text` gives the string;
 * `pick` also gives the language it is in, for a `lang` attribute where a fallback may be shown.
 */
export function useLocalized() {
  const { i18n } = useTranslation();
  const language = currentUiLanguage(i18n.resolvedLanguage);
  const pick = useCallback(
    (value: LocalizedText | null | undefined): LocalizedValue => pickLocalized(value, language),
    [language],
  );
  const text = useCallback(
    (value: LocalizedText | null | undefined): string => pickLocalized(value, language).text,
    [language],
  );
  return useMemo(() => ({ language, pick, text }), [language, pick, text]);
}
