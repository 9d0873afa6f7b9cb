import type { LocalizedText } from '@hocvu/contracts';

export type { LocalizedText };

/** Content languages are shown in this order: Vietnamese first, then as the author entered them. */
export const FALLBACK_CONTENT_LANGUAGE = 'vi';

export interface LocalizedValue {
  text: string;
  /** The language the text is actually in, for the `lang` attribute (it may be the fallback). */
  lang: string;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * The text in the learner's own content language (e.g. `blt`, Thái Đen) when the author wrote one, else
 * in `language` (the UI language), else in Vietnamese, else in any language it has. A blank translation
 * counts as missing: an author who left the English title empty still wants the Vietnamese one shown.
 */
export function pickLocalized(
  text: LocalizedText | null | undefined,
  language: string,
  preferred?: string | null,
): LocalizedValue {
  if (!text) return { text: '', lang: FALLBACK_CONTENT_LANGUAGE };
  if (preferred) {
    const mine = text[preferred];
    if (present(mine)) return { text: mine, lang: preferred };
  }
  const own = text[language];
  if (present(own)) return { text: own, lang: language };
  const fallback = text[FALLBACK_CONTENT_LANGUAGE];
  if (present(fallback)) return { text: fallback, lang: FALLBACK_CONTENT_LANGUAGE };
  const any = Object.entries(text).find(([, value]) => present(value));
  return any ? { text: any[1], lang: any[0] } : { text: '', lang: FALLBACK_CONTENT_LANGUAGE };
}

/** The text for the learner's UI language with fallback to Vietnamese. */
export function localized(text: LocalizedText | null | undefined, language: string): string {
  return pickLocalized(text, language).text;
}

/** A LocalizedText to send to the API: trimmed, blank languages left out (Vietnamese always kept). */
export function compactLocalized(text: LocalizedText): LocalizedText {
  const result: LocalizedText = {
    [FALLBACK_CONTENT_LANGUAGE]: (text[FALLBACK_CONTENT_LANGUAGE] ?? '').trim(),
  };
  for (const [language, value] of Object.entries(text)) {
    if (language !== FALLBACK_CONTENT_LANGUAGE && value.trim() !== '') result[language] = value.trim();
  }
  return result;
}
