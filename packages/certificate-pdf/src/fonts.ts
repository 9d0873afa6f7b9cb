import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FontRole = 'sans' | 'sansBold' | 'serif' | 'serifBold';

/** The Noto files bundled in the package's fonts/ folder (SIL OFL 1.1, see fonts/OFL.txt). */
export const FONT_FILES: Readonly<Record<FontRole, string>> = {
  sans: 'NotoSans-Regular.ttf',
  sansBold: 'NotoSans-Bold.ttf',
  serif: 'NotoSerif-Regular.ttf',
  serifBold: 'NotoSerif-Bold.ttf',
};

/**
 * packages/certificate-pdf/fonts, found from this file's folder: src/ under Jest and ts-node, dist/
 * once built. Both sit one level below the package root, so deployments need only the fonts/ folder
 * beside dist/, no system fonts.
 */
export function defaultFontsDir(): string {
  return join(__dirname, '..', 'fonts');
}

/** What pdfkit needs from a font and what we call ourselves: a subset of fontkit's `Font`. */
export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  layout(text: string, features?: unknown): GlyphRun;
  createSubset(): unknown;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export interface GlyphRun {
  glyphs: unknown[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A font parsed once per process, handed to every document. */
export interface SharedFont {
  readonly role: FontRole;
  readonly postscriptName: string;
  /** Pass to `doc.font()` / `doc.registerFont()`: a parsed font, which pdfkit ≥ 0.20 accepts. */
  readonly source: PDFKit.Mixins.PDFFontSource;
  /** Code points of `text` the font has no glyph for (they would print as empty boxes). */
  missingCharacters(text: string): string[];
}

/**
 * Words laid out per font and process: the labels and common name parts repeat on every page. Long
 * words (verification URLs, unique to each certificate) are not kept: they would only fill the cache.
 */
const LAYOUT_CACHE_SIZE = 2048;
const LAYOUT_CACHE_MAX_LENGTH = 32;

/** Vietnamese letters with every tone mark, digits and punctuation: touches each table layout uses. */
const WARM_UP_TEXT =
  'AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY aăâbcdđeêghiklmnoôơpqrstuưvxy ' +
  'àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ ' +
  'ẦẤẨẪẬ ỀẾỂỄỆ ỒỐỔỖỘ ỜỚỞỠỢ ỪỨỬỮỰ 0123456789 .,:;-–/()…';

export function loadFonts(fontsDir: string = defaultFontsDir()): Record<FontRole, SharedFont> {
  const load = (role: FontRole): SharedFont => {
    const file = join(fontsDir, FONT_FILES[role]);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      // The usual cause: an image that copied the package's dist/ but not its fonts/.
      throw new Error(`Certificate font ${file} cannot be read (is fonts/ deployed beside dist/?)`, {
        cause: error,
      });
    }
    return shareFont(role, bytes);
  };
  return {
    sans: load('sans'),
    sansBold: load('sansBold'),
    serif: load('serif'),
    serifBold: load('serifBold'),
  };
}

/**
 * Parses a TrueType font once and returns it in the form pdfkit reuses across documents.
 *
 * pdfkit parses a font given as a path or bytes again in every document (≈ 60 ms per Noto file,
 * mostly its layout tables); a parsed fontkit `Font` it takes as is. fontkit parses tables
 * on first use, so a first layout here does that now rather than in the first certificate. The
 * object handed over delegates to that parsed font (its prototype) and replaces `layout` (shaping a
 * word into positioned glyphs) with a bounded cache across documents; pdfkit scales the positions of
 * each run it gets in place, so every call returns fresh positions. Subsetting stays fontkit's own
 * (≈ 15 ms of the ≈ 20 ms per certificate): a hand-made subsetter was 3× faster but is not code a
 * province should have to trust; the PDF is rendered off the issuing path instead (docs/certificates.md).
 */
export function shareFont(role: FontRole, bytes: Uint8Array): SharedFont {
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!isFontkitFont(font)) throw new Error(`The ${role} font is not a single TrueType/OpenType font`);
  // pdfkit names the embedded subset after it.
  if (typeof font.postscriptName !== 'string') throw new Error(`The ${role} font has no PostScript name`);
  font.layout(WARM_UP_TEXT);
  const runs = new Map<string, GlyphRun>();

  const layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined || text.length > LAYOUT_CACHE_MAX_LENGTH) return font.layout(text, features);
    let run = runs.get(text);
    if (run === undefined) {
      run = font.layout(text);
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.delete(runs.keys().next().value as string);
      runs.set(text, run);
    }
    return copyRun(run);
  };
  const shared = Object.create(font, { layout: { value: layout } }) as FontkitFont;

  return {
    role,
    postscriptName: font.postscriptName,
    source: shared as unknown as PDFKit.Mixins.PDFFontSource,
    missingCharacters: (text) =>
      [...new Set(text)].filter((character) => {
        const codePoint = character.codePointAt(0) ?? 0;
        // Controls and line breaks are not drawn; the callers have removed them anyway.
        return codePoint > 0x20 && !font.hasGlyphForCodePoint(codePoint);
      }),
  };
}

function copyRun(run: GlyphRun): GlyphRun {
  const positions = run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({
    xAdvance,
    yAdvance,
    xOffset,
    yOffset,
  }));
  return {
    glyphs: run.glyphs,
    positions,
    get advanceWidth() {
      return positions.reduce((width, position) => width + position.xAdvance, 0);
    },
  };
}

function isFontkitFont(value: unknown): value is FontkitFont {
  if (typeof value !== 'object' || value === null) return false;
  const font = value as Partial<Record<keyof FontkitFont, unknown>>;
  return (
    typeof font.layout === 'function' &&
    typeof font.createSubset === 'function' &&
    typeof font.hasGlyphForCodePoint === 'function' &&
    typeof font.unitsPerEm === 'number'
  );
}
