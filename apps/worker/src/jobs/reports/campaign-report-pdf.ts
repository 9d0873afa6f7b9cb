import { loadFonts, SharedFont } from '@hocvu/certificate-pdf';
import { CAMPAIGN_STAGES } from '@hocvu/contracts';
import PDFDocument from 'pdfkit';

import { CampaignReportFigures } from './campaign-report-figures';
import {
  formatDateTime,
  formatNumber,
  formatPercent,
  groupLabel,
  REPORT_TITLE,
  reportPeriodLine,
  reportSubtitle,
  STAGE_LABELS,
} from './campaign-report-labels';

const MARGIN = 36;
const HEADER_BACKGROUND = '#e8f0fe';
const TEXT = '#1a1a1a';

/**
 * Renders a report as an A4 landscape PDF for signing and filing: the summary against targets, target
 * groups and inclusion, then the communes ranked. Noto Sans from @hocvu/certificate-pdf (bundled, so
 * every Vietnamese diacritic prints the same on any server); tables are pdfkit's own, which break pages.
 */
export class CampaignReportPdfRenderer {
  private readonly fonts: { regular: SharedFont; bold: SharedFont };

  constructor(fontsDir?: string) {
    const fonts = loadFonts(fontsDir);
    this.fonts = { regular: fonts.sans, bold: fonts.sansBold };
  }

  async render(figures: CampaignReportFigures): Promise<Buffer> {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: MARGIN,
      bufferPages: true,
      lang: 'vi',
      displayTitle: true,
      font: this.fonts.regular.source as string,
      info: {
        Title: `${REPORT_TITLE} ${reportSubtitle(figures)}`,
        Author: figures.unit.title,
        Creator: 'Hocvu',
        CreationDate: new Date(figures.generatedAt),
      },
    });
    const done = collect(doc);
    doc.registerFont('regular', this.fonts.regular.source);
    doc.registerFont('bold', this.fonts.bold.source);
    const width = doc.page.width - 2 * MARGIN;

    doc.fillColor(TEXT).font('bold', 15).text(REPORT_TITLE, { align: 'center', width });
    doc.font('bold', 12).text(reportSubtitle(figures), { align: 'center', width });
    doc.font('regular', 10).text(reportPeriodLine(figures), { align: 'center', width });
    doc.moveDown(1);

    heading(doc, '1. Kết quả chung so với chỉ tiêu năm');
    table(
      doc,
      ['Chỉ số', 'Lũy kế', 'Trong quý', 'Chỉ tiêu năm', 'Đạt'],
      CAMPAIGN_STAGES.map((stage) => [
        STAGE_LABELS[stage],
        formatNumber(figures.total.toDate[stage]),
        formatNumber(figures.total.inQuarter[stage]),
        figures.total.targets[stage]?.targetCount == null
          ? '—'
          : formatNumber(figures.total.targets[stage].targetCount),
        formatPercent(figures.total.targets[stage]?.progressPercent),
      ]),
      [220, 110, 110, 110, 110],
    );

    heading(doc, '2. Theo nhóm đối tượng (lũy kế)');
    table(
      doc,
      ['Nhóm đối tượng', ...CAMPAIGN_STAGES.map((stage) => STAGE_LABELS[stage])],
      figures.groups.map((group) => [
        groupLabel(group.targetGroup),
        ...CAMPAIGN_STAGES.map((stage) => formatNumber(group.toDate[stage])),
      ]),
      [230, 100, 100, 100, 120, 120],
    );

    heading(doc, '3. Hòa nhập (lũy kế)');
    table(
      doc,
      ['', ...CAMPAIGN_STAGES.map((stage) => STAGE_LABELS[stage])],
      [
        [
          'Người cao tuổi (từ 60 tuổi)',
          ...CAMPAIGN_STAGES.map((s) => formatNumber(figures.inclusion.elderly[s])),
        ],
        [
          'Người khuyết tật (tự khai báo)',
          ...CAMPAIGN_STAGES.map((s) => formatNumber(figures.inclusion.disability[s])),
        ],
      ],
      [230, 100, 100, 100, 120, 120],
    );

    if (figures.unit.kind === 'province') {
      doc.addPage();
      heading(doc, '4. Các xã, phường xếp theo tiến độ xác nhận VNeID');
      table(
        doc,
        [
          'Hạng',
          'Xã, phường',
          ...CAMPAIGN_STAGES.map((stage) => STAGE_LABELS[stage]),
          'Chỉ tiêu VNeID',
          'Đạt',
          'VNeID trong quý',
        ],
        figures.communes.map((commune) => [
          String(commune.rank),
          commune.name,
          ...CAMPAIGN_STAGES.map((stage) => formatNumber(commune.toDate[stage])),
          commune.targets.confirmed?.targetCount == null
            ? '—'
            : formatNumber(commune.targets.confirmed.targetCount),
          formatPercent(commune.targets.confirmed?.progressPercent),
          formatNumber(commune.inQuarter.confirmed),
        ]),
        [36, 118, 62, 62, 62, 74, 74, 70, 52, 70],
      );
    }

    // Footers once every page exists: "Trang 1/3" and when the report was made.
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      const bottom = doc.page.height - MARGIN + 8;
      doc.page.margins.bottom = 0; // writing inside the bottom margin must not open a new page
      doc
        .font('regular', 8)
        .fillColor('#555555')
        .text(
          `Lập bởi Hocvu lúc ${formatDateTime(figures.generatedAt)} · Trang ${index + 1}/${range.count}`,
          MARGIN,
          bottom,
          { width, align: 'right', lineBreak: false },
        );
    }
    doc.end();
    return done;
  }
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.6).fillColor(TEXT).font('bold', 11).text(text, MARGIN);
  doc.moveDown(0.3);
}

function table(doc: PDFKit.PDFDocument, header: string[], rows: string[][], widths: number[]): void {
  doc.font('regular', 9).fillColor(TEXT);
  doc.table({
    position: { x: MARGIN },
    columnStyles: widths.map((width, index) => ({
      width,
      // Labels (and the commune after a rank) read from the left; numbers line up on the right.
      align: { x: index === 0 || (index === 1 && widths[0] < 50) ? ('left' as const) : ('right' as const) },
    })),
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#999999' },
    data: [
      header.map((text) => ({
        text,
        type: 'TH' as const,
        font: { family: 'bold' },
        backgroundColor: HEADER_BACKGROUND,
      })),
      ...rows,
    ],
  });
  doc.x = MARGIN;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
