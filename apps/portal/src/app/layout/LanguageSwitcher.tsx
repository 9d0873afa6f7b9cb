import { UI_LANGUAGES, type UiLanguage } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';

import { changeUiLanguage, currentUiLanguage } from '../../i18n';

/** Two buttons, each written in its own language, so anyone can find theirs. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = currentUiLanguage(i18n.resolvedLanguage);

  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((language: UiLanguage) => (
        <button
          key={language}
          type="button"
          className="language-switcher__button"
          lang={language}
          aria-pressed={language === current}
          onClick={() => void changeUiLanguage(language)}
        >
          {t(`language.names.${language}`)}
        </button>
      ))}
    </div>
  );
}
