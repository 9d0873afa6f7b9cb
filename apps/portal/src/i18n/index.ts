import { DEFAULT_LANGUAGE, UI_LANGUAGES, type UiLanguage } from '@hocvu/contracts';
import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

import vi from './vi.json';

export const LANGUAGE_STORAGE_KEY = 'hocvu.language';

/**
 * Vietnamese ships in the main bundle (it is what nearly everyone reads); every other catalogue is
 * its own small chunk, fetched only when chosen.
 */
const catalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    switch (language) {
      case 'vi':
        callback(null, vi);
        return;
      case 'en':
        import('./en.json').then(
          (module) => callback(null, module.default as ResourceKey),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
        );
        return;
      default:
        callback(null, {});
    }
  },
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

export function currentUiLanguage(resolved: string | undefined): UiLanguage {
  return isUiLanguage(resolved) ? resolved : DEFAULT_LANGUAGE;
}

/**
 * The language chosen with the switcher, if any. Only an explicit choice counts: phones are often set
 * to English for people who read Vietnamese only, so the browser's language is not consulted. (A few
 * lines here instead of i18next-browser-languagedetector, which would add ~1.5 kB for one lookup.)
 */
function rememberedLanguage(): UiLanguage {
  try {
    const saved = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked (private mode, WebView settings)
  }
}

/** Switches the UI language and remembers the choice on this device. */
export async function changeUiLanguage(language: UiLanguage): Promise<void> {
  await i18n.changeLanguage(language);
  // A catalogue that could not be downloaded (offline) is not remembered as the choice.
  if (!i18n.hasResourceBundle(language, 'translation')) return;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but switched for this one.
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = currentUiLanguage(language);
});

void i18n
  .use(catalogues)
  .use(initReactI18next)
  .init({
    lng: rememberedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    load: 'languageOnly',
    // Catalogue loading is synchronous for Vietnamese, so the first render needs no waiting.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export default i18n;
