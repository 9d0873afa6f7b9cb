import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { create } from 'qrcode';

import {
  CertificatePdfData,
  CertificatePdfDataError,
  CertificatePdfRenderer,
} from './certificate-pdf-renderer';
import { defaultFontsDir } from './fonts';

/** What test/pdf-probe.mjs reports about a PDF (pdf.js runs in a child process: it is ESM only). */
interface ProbedPdf {
  pages: number;
  info: Record<string, unknown>;
  pageList: {
    width: number;
    height: number;
    items: { str: string; x: number; y: number; width: number; height: number }[];
    fonts: string[];
  }[];
}

const PROBE = join(__dirname, '..', 'test', 'pdf-probe.mjs');
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
/** The inner gold frame: all text must stay inside it. */
const FRAME = 25;

const base: CertificatePdfData = {
  serial: 'DB-2026-000123',
  learnerName: 'Nguyễn Thị Thu Hà',
  courseTitle: 'Cài đặt và sử dụng ứng dụng VNeID',
  completedOn: new Date('2026-12-07T02:30:00Z'),
  issuerName: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
  issuerPlace: 'Điện Biên',
  verificationUrl: 'https://hocvu.dienbien.gov.vn/xac-thuc/DB-2026-000123',
  language: 'vi',
  kind: 'course',
};

const LONG_NAME = 'Công Tôn Nữ Hoàng Thị Phương Thảo Nguyễn Phước Vĩnh Lộc Trần Lê Bảo Ngọc Quỳnh Hương';
const LONG_COURSE =
  'Sử dụng ứng dụng VNeID và Cổng Dịch vụ công quốc gia để thực hiện thủ tục hành chính trực tuyến, ' +
  'thanh toán không dùng tiền mặt và bảo vệ thông tin cá nhân trên không gian mạng cho người dân vùng cao';

const fixtures = {
  ha: base,
  thang: { ...base, serial: 'DB-2026-000124', learnerName: 'Lò Văn Thắng' },
  mai: {
    ...base,
    serial: 'DB-2026-000125',
    learnerName: 'Vừ Thị Mai',
    courseTitle: 'Kỹ năng số cơ bản',
    kind: 'skill',
  },
  decomposed: { ...base, learnerName: '  Nguyễn   Thị Thu Hà '.normalize('NFD') },
  english: { ...base, language: 'en', kind: 'skill', courseTitle: 'Kỹ năng số cơ bản' },
  long: { ...base, learnerName: LONG_NAME, courseTitle: LONG_COURSE },
  absurd: { ...base, learnerName: `${LONG_NAME} `.repeat(5), courseTitle: `${LONG_COURSE} `.repeat(4) },
} satisfies Record<string, CertificatePdfData>;
type Fixture = keyof typeof fixtures;

describe('CertificatePdfRenderer', () => {
  const renderer = new CertificatePdfRenderer();
  const pdfs = {} as Record<Fixture, Buffer>;
  const probed = {} as Record<Fixture, ProbedPdf>;

  beforeAll(async () => {
    const names = Object.keys(fixtures) as Fixture[];
    for (const name of names) pdfs[name] = await renderer.render(fixtures[name]);
    const results = await probe(names.map((name) => pdfs[name]));
    names.forEach((name, index) => (probed[name] = results[index]));
  }, 60_000);

  const lines = (name: Fixture) => textLines(probed[name]);

  it('prints the Vietnamese names, course, issuer, date, serial and link exactly, as NFC text', () => {
    for (const [name, learner] of [
      ['ha', 'Nguyễn Thị Thu Hà'],
      ['thang', 'Lò Văn Thắng'],
      ['mai', 'Vừ Thị Mai'],
    ] as const) {
      const text = lines(name);
      expect(text).toContain(learner);
      expect(text).toContain(fixtures[name].serial);
      expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐIỆN BIÊN');
      expect(text).toContain('Điện Biên, ngày 7 tháng 12 năm 2026');
      expect(text).toContain('Tra cứu và xác thực tại:');
      expect(text).toContain('https://hocvu.dienbien.gov.vn/xac-thuc/DB-2026-000123');
      expect(text).toContain('GIẤY CHỨNG NHẬN');
      for (const line of text) expect(line).toBe(line.normalize('NFC'));
    }
    expect(lines('ha')).toEqual(
      expect.arrayContaining([
        'HOÀN THÀNH KHOÁ HỌC',
        'Chứng nhận',
        'đã hoàn thành và đạt yêu cầu khoá học',
        'Cài đặt và sử dụng ứng dụng VNeID',
        'Số hiệu',
      ]),
    );
    expect(lines('mai')).toEqual(
      expect.arrayContaining([
        'HOÀN THÀNH CHƯƠNG TRÌNH KỸ NĂNG',
        'đã hoàn thành và đạt yêu cầu chương trình',
        'Kỹ năng số cơ bản',
      ]),
    );
  });

  it('stores names given decomposed (NFD) or with stray spaces as clean NFC text', () => {
    expect(lines('decomposed')).toContain('Nguyễn Thị Thu Hà');
  });

  it('has English labels on request', () => {
    expect(lines('english')).toEqual(
      expect.arrayContaining([
        'CERTIFICATE',
        'OF SKILLS PROGRAMME COMPLETION',
        'This is to certify that',
        'Nguyễn Thị Thu Hà',
        'has successfully completed the skills programme',
        'Kỹ năng số cơ bản',
        'Điện Biên, 7 December 2026',
        'Certificate no.',
        'Verify at:',
      ]),
    );
    expect(lines('english').join(' ')).not.toMatch(/CHỨNG NHẬN|Tra cứu/);
  });

  it('is one A4 landscape page with the metadata, dated the completion', () => {
    const { pages, info, pageList } = probed.ha;
    expect(pages).toBe(1);
    expect(pageList[0]).toMatchObject(A4_LANDSCAPE);
    expect(info).toMatchObject({
      Title: 'Giấy chứng nhận hoàn thành khoá học DB-2026-000123',
      Author: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
      Subject: 'Nguyễn Thị Thu Hà – Cài đặt và sử dụng ứng dụng VNeID',
      Keywords: 'DB-2026-000123',
      Creator: 'Hocvu',
      CreationDate: 'D:20261207023000Z',
      Language: 'vi',
    });
    expect(probed.english.info).toMatchObject({ Language: 'en' });
  });

  it('embeds subsets of the Noto fonts and uses no standard PDF font', () => {
    for (const name of Object.keys(fixtures) as Fixture[]) {
      // A subset's name is its font's PostScript name behind a six-letter tag (ISO 32000-1 §9.6.4).
      const fonts = probed[name].pageList[0].fonts;
      for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+/);
      expect(fonts.map((font) => font.slice(7)).sort()).toEqual([
        'NotoSans-Bold',
        'NotoSans-Regular',
        'NotoSerif-Bold',
        'NotoSerif-Regular',
      ]);
      const raw = pdfs[name].toString('latin1');
      expect(raw.match(/\/FontFile2 /g)).toHaveLength(4);
      expect(raw.match(/\/Subtype \/CIDFontType2/g)).toHaveLength(4);
      expect(raw).not.toMatch(/Helvetica|Times|Courier|\/Type1\b/);
    }
  });

  it('draws the QR code of the verification URL as vector modules, no image', () => {
    const content = pageContents(pdfs.ha).find((stream) => stream.includes('/QRCode BMC'));
    if (content === undefined) throw new Error('No QR code section in the page');
    const section = content.slice(content.indexOf('/QRCode BMC'), content.indexOf('EMC'));

    const { modules } = create(base.verificationUrl, { errorCorrectionLevel: 'M' });
    const drawn = new Uint8Array(modules.size * modules.size);
    for (const [, x, y, width, height] of section.matchAll(/(\S+) (\S+) (\S+) (\S+) re/g)) {
      expect(Number(height)).toBe(1);
      for (let column = Number(x); column < Number(x) + Number(width); column++) {
        drawn[Number(y) * modules.size + column] += 1;
      }
    }
    expect([...drawn]).toEqual([...modules.data]);
    expect(pdfs.ha.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    // The URL is also a link, on the code and on the printed address.
    expect(
      pdfs.ha
        .toString('latin1')
        .match(/\/URI \(https:\/\/hocvu\.dienbien\.gov\.vn\/xac-thuc\/DB-2026-000123\)/g),
    ).toHaveLength(2);
  });

  it('shrinks and wraps a long name and course title to fit inside the frame', () => {
    const page = probed.long.pageList[0];
    const text = lines('long');
    const nameLines = between(text, 'Chứng nhận', 'đã hoàn thành và đạt yêu cầu khoá học');
    const courseLines = between(
      text,
      'đã hoàn thành và đạt yêu cầu khoá học',
      'Điện Biên, ngày 7 tháng 12 năm 2026',
    );
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.length).toBeLessThanOrEqual(3);
    expect(nameLines.join(' ')).toBe(LONG_NAME);
    expect(courseLines.length).toBeLessThanOrEqual(3);
    expect(courseLines.join(' ')).toBe(LONG_COURSE);
    const nameItem = page.items.find((item) => LONG_NAME.startsWith(item.str.trim()) && item.str.length > 5);
    expect(nameItem?.height).toBeLessThan(34);
    expectInsideFrame(probed.long);
  });

  it('cuts text too long even at the smallest size with an ellipsis, still inside the frame', () => {
    expect(probed.absurd.pages).toBe(1);
    expectInsideFrame(probed.absurd);
    const nameLines = between(lines('absurd'), 'Chứng nhận', 'đã hoàn thành và đạt yêu cầu khoá học');
    expect(nameLines.at(-1)).toMatch(/…$/);
  });

  it('renders the same bytes for the same data, whatever was rendered before and in which renderer', async () => {
    expect((await renderer.render(base)).equals(pdfs.ha)).toBe(true);
    expect((await new CertificatePdfRenderer().render(base)).equals(pdfs.ha)).toBe(true);
  });

  it('reads the font files once, when constructed', async () => {
    const fontsDir = await mkdtemp(join(tmpdir(), 'certificate-fonts-'));
    await cp(defaultFontsDir(), fontsDir, { recursive: true });
    const ownFonts = new CertificatePdfRenderer({ fontsDir });
    await rm(fontsDir, { recursive: true, force: true });
    expect((await ownFonts.render(base)).equals(pdfs.ha)).toBe(true);
  });

  it('says where it looked when the fonts are missing', () => {
    expect(() => new CertificatePdfRenderer({ fontsDir: join(tmpdir(), 'no-fonts-here') })).toThrow(
      /no-fonts-here\/NotoSans-Regular\.ttf cannot be read \(is fonts\/ deployed beside dist\/\?\)/,
    );
  });

  it('refuses data it cannot print faithfully', async () => {
    const refused = async (data: Partial<CertificatePdfData>) => {
      const error: unknown = await renderer.render({ ...base, ...data }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(CertificatePdfDataError);
      return (error as CertificatePdfDataError).field;
    };
    expect(await refused({ learnerName: ' \n ' })).toBe('learnerName');
    expect(await refused({ serial: '' })).toBe('serial');
    expect(await refused({ completedOn: new Date('not a date') })).toBe('completedOn');
    expect(await refused({ verificationUrl: 'javascript:alert(1)' })).toBe('verificationUrl');
    expect(await refused({ verificationUrl: 'hocvu.dienbien.gov.vn/xac-thuc/1' })).toBe('verificationUrl');
    expect(await refused({ language: 'fr' as CertificatePdfData['language'] })).toBe('language');
    expect(await refused({ kind: 'diploma' as CertificatePdfData['kind'] })).toBe('kind');
    // A letter the Noto Latin fonts lack would print as an empty box.
    expect(await refused({ learnerName: 'Nguyễn 王' })).toBe('learnerName');
  });
});

async function probe(pdfs: Buffer[]): Promise<ProbedPdf[]> {
  const dir = await mkdtemp(join(tmpdir(), 'certificate-pdf-'));
  try {
    const files = await Promise.all(
      pdfs.map(async (pdf, index) => {
        const file = join(dir, `${index}.pdf`);
        await writeFile(file, pdf);
        return file;
      }),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [PROBE, ...files], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as ProbedPdf[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The page's text as lines, top to bottom: items on one baseline joined left to right. */
function textLines(pdf: ProbedPdf): string[] {
  const rows = new Map<number, { x: number; str: string }[]>();
  for (const item of pdf.pageList[0].items) {
    const y = Math.round(item.y * 2) / 2;
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, items]) =>
      items
        .sort((a, b) => a.x - b.x)
        .map((item) => item.str)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

function between(lines: string[], after: string, before: string): string[] {
  return lines.slice(lines.indexOf(after) + 1, lines.indexOf(before));
}

function expectInsideFrame(pdf: ProbedPdf): void {
  const { width, height, items } = pdf.pageList[0];
  for (const item of items) {
    expect(item.x).toBeGreaterThanOrEqual(FRAME);
    expect(item.x + item.width).toBeLessThanOrEqual(width - FRAME);
    expect(item.y).toBeGreaterThanOrEqual(FRAME);
    expect(item.y + item.height).toBeLessThanOrEqual(height - FRAME);
  }
}

/** The decompressed content of every stream in a PDF written by pdfkit (no object streams). */
function pageContents(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const contents: string[] = [];
  for (const match of raw.matchAll(/\/Length (\d+)[^]*?>>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const bytes = pdf.subarray(start, start + Number(match[1]));
    try {
      contents.push(inflateSync(bytes).toString('latin1'));
    } catch {
      // Not deflated: not a content stream pdfkit wrote.
    }
  }
  return contents;
}
