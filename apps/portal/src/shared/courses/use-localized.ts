import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useAuth } from '../../app/auth/auth-context';
import { currentUiLanguage } from '../../i18n';
import { type LocalizedText, type LocalizedValue, pickLocalized } from '../localized';

/**
 * Course texts in the learner's preferred content language, else the UI language, with fallback to
 * Vietnamese. `text` gives the string;
 * `pick` also gives the language it is in, for a `lang` attribute where a fallback may be shown.
 */
export function useLocalized() {
  const { i18n } = useTranslation();
  const language = currentUiLanguage(i18n.resolvedLanguage);
  // A signed-in learner's preferred language (set in the profile) wins where the author wrote it.
  const preferred = useAuth().user?.preferredLanguage ?? null;
  const pick = useCallback(
    (value: LocalizedText | null | undefined): LocalizedValue => pickLocalized(value, language, preferred),
    [language, preferred],
  );
  const text = useCallback(
    (value: LocalizedText | null | undefined): string => pickLocalized(value, language, preferred).text,
    [language, preferred],
  );
  return useMemo(() => ({ language, pick, text }), [language, pick, text]);
}
