import { CAMPAIGN_STAGES } from '@hocvu/contracts';
import { Fill, Row, Workbook, Worksheet } from 'exceljs';

import { CampaignReportFigures, ReportLine } from './campaign-report-figures';
import {
  groupLabel,
  REPORT_TITLE,
  reportPeriodLine,
  reportSubtitle,
  STAGE_LABELS,
} from './campaign-report-labels';

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
const PERCENT = '0.0" %"';
const COUNT = '#,##0';

/**
 * Writes a report as a workbook: a summary sheet (the unit's funnel to date and within the quarter
 * against its yearly targets, target groups, inclusion), the communes ranked, and every commune × target
 * group line. Values are numbers (sortable, summable), never formulas; text cells are plain strings,
 * so a name that starts with "=" stays text.
 */
export async function renderCampaignReportXlsx(figures: CampaignReportFigures): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Hocvu';
  workbook.created = new Date(figures.generatedAt);

  summarySheet(workbook, figures);
  if (figures.unit.kind === 'province') communesSheet(workbook, figures);
  groupsSheet(workbook, figures);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function titleRows(sheet: Worksheet, figures: CampaignReportFigures, columns: number): void {
  const rows = [REPORT_TITLE, reportSubtitle(figures), reportPeriodLine(figures)];
  rows.forEach((text, index) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, columns);
    row.font = index === 0 ? { bold: true, size: 14 } : { italic: index === 2, size: 11 };
  });
  sheet.addRow([]);
}

function header(sheet: Worksheet, values: string[]): Row {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  return row;
}

function summarySheet(workbook: Workbook, figures: CampaignReportFigures): void {
  const sheet = workbook.addWorksheet('Tổng hợp');
  sheet.columns = [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 14 }];
  titleRows(sheet, figures, 5);

  header(sheet, ['Chỉ số', 'Lũy kế', 'Trong quý', 'Chỉ tiêu năm', 'Đạt (% chỉ tiêu)']);
  for (const stage of CAMPAIGN_STAGES) {
    const target = figures.total.targets[stage];
    numberRow(sheet, [
      STAGE_LABELS[stage],
      figures.total.toDate[stage],
      figures.total.inQuarter[stage],
      target?.targetCount ?? null,
      target?.progressPercent ?? null,
    ]);
  }

  sheet.addRow([]);
  header(sheet, ['Nhóm đối tượng', ...CAMPAIGN_STAGES.map((stage) => STAGE_LABELS[stage])]);
  sheet.getColumn(6).width = 14;
  for (const group of figures.groups) {
    numberRow(sheet, [groupLabel(group.targetGroup), ...CAMPAIGN_STAGES.map((stage) => group.toDate[stage])]);
  }

  sheet.addRow([]);
  header(sheet, ['Hòa nhập (lũy kế)', ...CAMPAIGN_STAGES.map((stage) => STAGE_LABELS[stage])]);
  numberRow(sheet, [
    'Người cao tuổi (từ 60 tuổi)',
    ...CAMPAIGN_STAGES.map((stage) => figures.inclusion.elderly[stage]),
  ]);
  numberRow(sheet, [
    'Người khuyết tật (tự khai báo)',
    ...CAMPAIGN_STAGES.map((stage) => figures.inclusion.disability[stage]),
  ]);

  sheet.addRow([]);
  sheet.addRow([`Lập lúc ${new Date(figures.generatedAt).toISOString()} bởi Hocvu.`]).font = {
    italic: true,
    size: 9,
  };
}

function communesSheet(workbook: Workbook, figures: CampaignReportFigures): void {
  const sheet = workbook.addWorksheet('Theo xã, phường');
  const stages = CAMPAIGN_STAGES.map((stage) => STAGE_LABELS[stage]);
  const columns = [
    'Hạng',
    'Xã, phường',
    'Dân số',
    ...stages,
    'Chỉ tiêu xác nhận VNeID',
    'Đạt (% chỉ tiêu)',
    'Xác nhận VNeID trong quý',
  ];
  sheet.columns = columns.map((_, index) => ({ width: index === 1 ? 24 : index === 0 ? 7 : 14 }));
  titleRows(sheet, figures, columns.length);
  const head = header(sheet, columns);
  sheet.views = [{ state: 'frozen', ySplit: head.number, xSplit: 2 }];
  for (const commune of figures.communes) {
    numberRow(sheet, [
      commune.rank,
      commune.name,
      commune.population,
      ...CAMPAIGN_STAGES.map((stage) => commune.toDate[stage]),
      commune.targets.confirmed?.targetCount ?? null,
      commune.targets.confirmed?.progressPercent ?? null,
      commune.inQuarter.confirmed,
    ]);
  }
  sheet.autoFilter = {
    from: { row: head.number, column: 1 },
    to: { row: head.number, column: columns.length },
  };
}

function groupsSheet(workbook: Workbook, figures: CampaignReportFigures): void {
  const sheet = workbook.addWorksheet('Theo nhóm đối tượng');
  const columns = [
    'Xã, phường',
    'Nhóm đối tượng',
    ...CAMPAIGN_STAGES.flatMap((stage) => [
      `${STAGE_LABELS[stage]} (lũy kế)`,
      `${STAGE_LABELS[stage]} (trong quý)`,
    ]),
    'Chỉ tiêu xác nhận VNeID',
    'Đạt (% chỉ tiêu)',
  ];
  sheet.columns = columns.map((_, index) => ({ width: index < 2 ? 26 : 13 }));
  titleRows(sheet, figures, columns.length);
  const head = header(sheet, columns);
  sheet.views = [{ state: 'frozen', ySplit: head.number, xSplit: 2 }];
  const communes = [...figures.communes].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  for (const commune of communes) {
    for (const group of commune.groups) {
      numberRow(sheet, [commune.name, groupLabel(group.targetGroup), ...lineValues(group)]);
    }
  }
  sheet.autoFilter = {
    from: { row: head.number, column: 1 },
    to: { row: head.number, column: columns.length },
  };
}

function lineValues(line: ReportLine): (number | null)[] {
  return [
    ...CAMPAIGN_STAGES.flatMap((stage) => [line.toDate[stage], line.inQuarter[stage]]),
    line.targets.confirmed?.targetCount ?? null,
    line.targets.confirmed?.progressPercent ?? null,
  ];
}

/** A row of a text label (or two) followed by numbers; the last number column of a % header is a percent. */
function numberRow(sheet: Worksheet, values: (string | number | null)[]): Row {
  const row = sheet.addRow(values);
  row.eachCell((cell, column) => {
    if (typeof cell.value !== 'number') return;
    const headingValue = sheet.getRow(headerRowAbove(sheet, row.number)).getCell(column).value;
    const heading = typeof headingValue === 'string' ? headingValue : '';
    cell.numFmt = heading.includes('%') ? PERCENT : COUNT;
  });
  return row;
}

/** The nearest bold row above: the header of the table a row belongs to. */
function headerRowAbove(sheet: Worksheet, rowNumber: number): number {
  for (let number = rowNumber - 1; number > 0; number -= 1) {
    if (sheet.getRow(number).font?.bold) return number;
  }
  return rowNumber;
}
