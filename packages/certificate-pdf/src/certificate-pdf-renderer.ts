import PDFDocument from 'pdfkit';

import { FontRole, loadFonts, SharedFont } from './fonts';
import { CertificateKind, certificateLabels, CertificatePdfLanguage, formatCertificateDate } from './labels';
import { qrSymbol } from './qr';

export interface CertificatePdfData {
  /** The certificate's serial, e.g. "DB-2026-000123". */
  serial: string;
  learnerName: string;
  /** The course title, or the skill programme's name for `kind: 'skill'`. */
  courseTitle: string;
  /** Printed as the calendar day in Vietnam; also the PDF's CreationDate. */
  completedOn: Date;
  /** e.g. "Sở Khoa học và Công nghệ tỉnh Điện Biên". */
  issuerName: string;
  /** Place before the date, e.g. "Điện Biên". */
  issuerPlace?: string;
  /** Where anyone can check the certificate; the QR code and the printed link point there. */
  verificationUrl: string;
  language: CertificatePdfLanguage;
  kind: CertificateKind;
}

export class CertificatePdfDataError extends Error {
  constructor(
    readonly field: keyof CertificatePdfData,
    message: string,
  ) {
    super(message);
    this.name = 'CertificatePdfDataError';
  }
}

export interface CertificatePdfRendererOptions {
  /** Folder holding the Noto TTF files; defaults to the package's own fonts/. */
  fontsDir?: string;
}

// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28 };
const OUTER_BORDER = 18;
const INNER_BORDER = 25;
// Text keeps clear of the corner brackets (which reach 65 pt in from the edges).
const CONTENT = { left: 80, right: PAGE.width - 80 };

const LANGUAGES: readonly CertificatePdfLanguage[] = ['vi', 'en'];
const KINDS: readonly CertificateKind[] = ['course', 'skill'];

const COLOR = {
  red: '#9b1c1c',
  gold: '#b08d3c',
  ink: '#1f2933',
  navy: '#17375e',
  muted: '#52606d',
};

// A QR code needs 4 modules of white around it to scan. 16 pt is that from version 2 on (any URL
// over 14 characters; the usual verification URL is version 4, modules of 2.8 pt).
const QR = { x: 66, y: 400, size: 92, quietZone: 16, linkWidth: 250 };
const SIGNATURE = { width: 330, x: CONTENT.right - 330 - 4 };

/** Font sizes tried when shrinking text to fit, in points. */
const SIZE_STEP = 0.5;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface TextStyle {
  font: FontRole;
  size: number;
  /** Shrink down to this size before giving up on `maxLines`; defaults to `size` (no shrinking). */
  minSize?: number;
  maxLines?: number;
  color: string;
  align?: 'left' | 'center' | 'right';
  characterSpacing?: number;
  /** Where the text sits in a box taller than it: top (default) or middle. */
  valign?: 'top' | 'middle';
}

/**
 * Renders certificates as one-page PDFs. Construct once per process: the constructor reads and
 * parses the four fonts (a few hundred milliseconds); each `render` then only lays out the words it
 * has not seen, subsets and compresses.
 *
 * Output depends on the data alone (no clock, no randomness): with the same build, the same data
 * gives the same bytes, so a PDF can be rendered again on demand and cached by serial.
 */
export class CertificatePdfRenderer {
  private readonly fonts: Record<FontRole, SharedFont>;

  constructor(options: CertificatePdfRendererOptions = {}) {
    this.fonts = loadFonts(options.fontsDir);
  }

  /** Rejects with CertificatePdfDataError when the data cannot be printed faithfully. */
  async render(data: CertificatePdfData): Promise<Buffer> {
    const certificate = this.normalise(data);
    const labels = certificateLabels(certificate.language, certificate.kind);
    const dateLine = formatCertificateDate(
      certificate.completedOn,
      certificate.language,
      certificate.issuerPlace,
    );

    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 0,
      lang: certificate.language,
      displayTitle: true,
      // Our font as the default keeps pdfkit from setting up Helvetica, which nothing here may use.
      // pdfkit takes any font source here; its typings say only a name.
      font: this.fonts.sans.source as string,
      info: {
        Title: `${labels.documentTitle} ${certificate.serial}`,
        Author: certificate.issuerName,
        Subject: `${certificate.learnerName} – ${certificate.courseTitle}`,
        Keywords: certificate.serial,
        Creator: 'Hocvu',
        CreationDate: certificate.completedOn,
      },
    });
    const pdf = collect(doc);
    for (const [role, font] of Object.entries(this.fonts)) doc.registerFont(role, font.source);

    drawBorder(doc);
    const text = (value: string, box: Box, style: TextStyle) => drawText(doc, value, box, style);
    const centred = (y: number, height: number): Box => ({
      x: CONTENT.left,
      y,
      width: CONTENT.right - CONTENT.left,
      height,
    });

    text(certificate.issuerName.toLocaleUpperCase(certificate.language), centred(48, 34), {
      font: 'sansBold',
      size: 12.5,
      minSize: 9,
      maxLines: 2,
      color: COLOR.ink,
      align: 'center',
      characterSpacing: 0.4,
      valign: 'middle',
    });
    drawOrnament(doc, PAGE.width / 2, 90);
    text(labels.title, centred(100, 56), {
      font: 'serifBold',
      size: 40,
      minSize: 28,
      color: COLOR.red,
      align: 'center',
      characterSpacing: 1.5,
    });
    text(labels.subtitle, centred(158, 22), {
      font: 'sansBold',
      size: 13.5,
      minSize: 10,
      color: COLOR.ink,
      align: 'center',
      // Wider tracking reads well but text extractors (and so search, copy, screen readers) then
      // see a space between every letter: pdf.js does from about 0.1 em.
      characterSpacing: 1.2,
    });
    text(labels.certifies, centred(194, 22), {
      font: 'serif',
      size: 14,
      color: COLOR.muted,
      align: 'center',
    });
    text(certificate.learnerName, centred(216, 68), {
      font: 'serifBold',
      size: 34,
      minSize: 16,
      maxLines: 3,
      color: COLOR.navy,
      align: 'center',
      valign: 'middle',
    });
    text(labels.completed, centred(288, 22), {
      font: 'serif',
      size: 14,
      color: COLOR.muted,
      align: 'center',
    });
    text(certificate.courseTitle, centred(312, 74), {
      font: 'serifBold',
      size: 23,
      minSize: 12,
      maxLines: 3,
      color: COLOR.ink,
      align: 'center',
      valign: 'middle',
    });

    // Bottom left: the QR code, the link under it, the serial beside it.
    drawQr(doc, certificate.verificationUrl, QR.x, QR.y, QR.size);
    text(
      `${labels.verifyAt}:`,
      { x: QR.x, y: QR.y + QR.size + QR.quietZone, width: QR.linkWidth, height: 12 },
      {
        font: 'sans',
        size: 8.5,
        color: COLOR.muted,
      },
    );
    const link = text(
      certificate.verificationUrl,
      { x: QR.x, y: QR.y + QR.size + QR.quietZone + 13, width: QR.linkWidth, height: 26 },
      { font: 'sans', size: 8.5, minSize: 6, maxLines: 2, color: COLOR.navy },
    );
    doc.link(QR.x, QR.y, QR.size, QR.size, certificate.verificationUrl);
    doc.link(QR.x, QR.y + QR.size + QR.quietZone + 13, link.width, link.height, certificate.verificationUrl);
    const serialX = QR.x + QR.size + QR.quietZone;
    text(
      labels.serial,
      { x: serialX, y: QR.y + 26, width: 190, height: 14 },
      {
        font: 'sans',
        size: 9,
        color: COLOR.muted,
      },
    );
    text(
      certificate.serial,
      { x: serialX, y: QR.y + 40, width: 190, height: 20 },
      {
        font: 'sansBold',
        size: 13,
        minSize: 8,
        color: COLOR.ink,
      },
    );

    // Bottom right: place and date above the issuer, where a signature block would stand.
    text(
      dateLine,
      { x: SIGNATURE.x, y: QR.y + 6, width: SIGNATURE.width, height: 20 },
      {
        font: 'serif',
        size: 13,
        minSize: 9,
        color: COLOR.ink,
        align: 'center',
      },
    );
    text(
      certificate.issuerName.toLocaleUpperCase(certificate.language),
      { x: SIGNATURE.x, y: QR.y + 32, width: SIGNATURE.width, height: 50 },
      { font: 'sansBold', size: 11.5, minSize: 8, maxLines: 3, color: COLOR.ink, align: 'center' },
    );

    doc.end();
    return await pdf;
  }

  /** Trimmed, single-spaced NFC text, checked before anything is drawn. */
  private normalise(data: CertificatePdfData): CertificatePdfData {
    const clean = (field: keyof CertificatePdfData, value: string | undefined, required: boolean) => {
      // Names typed on phones or copied from other systems may arrive decomposed (NFD); NFC uses the
      // fonts' precomposed Vietnamese letters and lets search and copy-paste find the text.
      const text = (value ?? '')
        .normalize('NFC')
        .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
        .trim();
      if (required && text === '') throw new CertificatePdfDataError(field, `${field} is empty`);
      return text;
    };
    if (!(data.completedOn instanceof Date) || Number.isNaN(data.completedOn.getTime())) {
      throw new CertificatePdfDataError('completedOn', 'completedOn is not a valid date');
    }
    // Callers in plain JavaScript or with data from a queue get no help from the types.
    if (!LANGUAGES.includes(data.language)) {
      throw new CertificatePdfDataError('language', `language must be one of ${LANGUAGES.join(', ')}`);
    }
    if (!KINDS.includes(data.kind)) {
      throw new CertificatePdfDataError('kind', `kind must be one of ${KINDS.join(', ')}`);
    }
    const verificationUrl = clean('verificationUrl', data.verificationUrl, true);
    if (!/^https?:\/\/[^\s/]+/i.test(verificationUrl) || !URL.canParse(verificationUrl)) {
      throw new CertificatePdfDataError('verificationUrl', 'verificationUrl must be an http(s) URL');
    }
    const normalised: CertificatePdfData = {
      serial: clean('serial', data.serial, true),
      learnerName: clean('learnerName', data.learnerName, true),
      courseTitle: clean('courseTitle', data.courseTitle, true),
      completedOn: data.completedOn,
      issuerName: clean('issuerName', data.issuerName, true),
      issuerPlace: clean('issuerPlace', data.issuerPlace, false) || undefined,
      verificationUrl,
      language: data.language,
      kind: data.kind,
    };
    // A letter the fonts lack would print as an empty box on a document people frame.
    const fontOf: [keyof CertificatePdfData, FontRole][] = [
      ['learnerName', 'serifBold'],
      ['courseTitle', 'serifBold'],
      ['issuerName', 'sansBold'],
      ['issuerPlace', 'serif'],
      ['serial', 'sansBold'],
      ['verificationUrl', 'sans'],
    ];
    for (const [field, role] of fontOf) {
      const missing = this.fonts[role].missingCharacters(String(normalised[field] ?? ''));
      if (missing.length > 0) {
        throw new CertificatePdfDataError(
          field,
          `${field} has characters the fonts lack: ${missing.join(' ')}`,
        );
      }
    }
    return normalised;
  }
}

/**
 * Draws `value` inside `box` at the largest size from `style.size` down to `style.minSize` at which
 * it takes at most `maxLines` lines and fits the box. Text too long even at the smallest size is cut
 * with an ellipsis at the box's bottom: it never runs over the page. Returns the size of the text
 * block drawn.
 *
 * Most texts fit on one line. Those are measured with `widthOfString` (a text's width is proportional
 * to its size, plus the fixed letter spacing, so the fitting size is computed, not searched) and drawn
 * without pdfkit's line wrapper, which would otherwise run twice per text and is the costliest part
 * of laying out a page.
 */
function drawText(
  doc: PDFKit.PDFDocument,
  value: string,
  box: Box,
  style: TextStyle,
): { width: number; height: number } {
  const characterSpacing = style.characterSpacing ?? 0;
  const minSize = style.minSize ?? style.size;
  const maxLines = style.maxLines ?? 1;

  doc.font(style.font, 1);
  const widthPerPoint = doc.widthOfString(value);
  const spacing = characterSpacing * (value.length - 1);
  const oneLineSize =
    maxLines === 1 || widthPerPoint * style.size + spacing <= box.width
      ? Math.min(style.size, Math.floor((box.width - spacing) / widthPerPoint / SIZE_STEP + 1e-9) * SIZE_STEP)
      : undefined;
  if (oneLineSize !== undefined && oneLineSize >= minSize) {
    doc.font(style.font, oneLineSize).fillColor(style.color);
    const width = widthPerPoint * oneLineSize + spacing;
    const height = doc.currentLineHeight(true);
    if (height > box.height) return drawWrapped(doc, value, box, style);
    const x =
      style.align === 'center'
        ? box.x + (box.width - width) / 2
        : style.align === 'right'
          ? box.x + box.width - width
          : box.x;
    const y = style.valign === 'middle' ? box.y + (box.height - height) / 2 : box.y;
    doc.text(value, x, y, { lineBreak: false, characterSpacing });
    return { width, height };
  }
  return drawWrapped(doc, value, box, style);
}

/** Text on several lines (or cut short): pdfkit's line wrapper, sizes tried by bisection. */
function drawWrapped(
  doc: PDFKit.PDFDocument,
  value: string,
  box: Box,
  style: TextStyle,
): { width: number; height: number } {
  const options: PDFKit.Mixins.TextOptions = {
    width: box.width,
    align: style.align ?? 'left',
    characterSpacing: style.characterSpacing ?? 0,
    lineGap: 0,
  };
  const maxLines = style.maxLines ?? 1;
  const heightAt = (size: number): number | undefined => {
    doc.font(style.font, size);
    const height = doc.heightOfString(value, options);
    const lines = Math.round(height / doc.currentLineHeight(true));
    return lines <= maxLines && height <= box.height ? height : undefined;
  };

  let size = style.size;
  let height = heightAt(size);
  if (height === undefined) {
    // Largest fitting size over SIZE_STEP steps; smaller sizes only shorten the text.
    let low = Math.round((style.minSize ?? style.size) / SIZE_STEP);
    let high = Math.round(style.size / SIZE_STEP) - 1;
    size = low * SIZE_STEP;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const fitted = heightAt(middle * SIZE_STEP);
      if (fitted === undefined) high = middle - 1;
      else {
        size = middle * SIZE_STEP;
        height = fitted;
        low = middle + 1;
      }
    }
  }
  doc.font(style.font, size).fillColor(style.color);
  if (height === undefined) {
    height = box.height;
    options.height = box.height;
    options.ellipsis = '…';
  }
  const y = style.valign === 'middle' ? box.y + (box.height - height) / 2 : box.y;
  const width = Math.min(box.width, doc.widthOfString(value, options));
  doc.text(value, box.x, y, options);
  return { width, height };
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** A red frame with a thin gold rule inside it and gold corner brackets. */
function drawBorder(doc: PDFKit.PDFDocument): void {
  const { width, height } = PAGE;
  doc
    .lineWidth(2.5)
    .strokeColor(COLOR.red)
    .rect(OUTER_BORDER, OUTER_BORDER, width - 2 * OUTER_BORDER, height - 2 * OUTER_BORDER)
    .stroke();
  doc
    .lineWidth(0.8)
    .strokeColor(COLOR.gold)
    .rect(INNER_BORDER, INNER_BORDER, width - 2 * INNER_BORDER, height - 2 * INNER_BORDER)
    .stroke();
  const inset = INNER_BORDER + 6;
  const arm = 34;
  doc.lineWidth(2).strokeColor(COLOR.gold);
  for (const [x, dx] of [
    [inset, 1],
    [width - inset, -1],
  ]) {
    for (const [y, dy] of [
      [inset, 1],
      [height - inset, -1],
    ]) {
      doc
        .moveTo(x + dx * arm, y)
        .lineTo(x, y)
        .lineTo(x, y + dy * arm)
        .stroke();
    }
  }
}

/** A short gold rule with a diamond at its centre, under the issuer. */
function drawOrnament(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc
    .lineWidth(0.8)
    .strokeColor(COLOR.gold)
    .moveTo(x - 90, y)
    .lineTo(x - 8, y)
    .moveTo(x + 8, y)
    .lineTo(x + 90, y)
    .stroke();
  doc.polygon([x, y - 4], [x + 4, y], [x, y + 4], [x - 4, y]).fill(COLOR.gold);
}

/**
 * The QR code as filled rectangles in module units, inside a marked-content section tagged
 * /QRCode so tests and tools can find the symbol's operators in the page. The layout keeps the
 * quiet zone around it white (QR.quietZone).
 */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const symbol = qrSymbol(url);
  const module = size / symbol.size;
  doc.markContent('QRCode');
  doc.save().translate(x, y).scale(module);
  for (const run of symbol.runs) doc.rect(run.column, run.row, run.length, 1);
  doc.fill('#000000');
  doc.restore();
  doc.endMarkedContent();
}
