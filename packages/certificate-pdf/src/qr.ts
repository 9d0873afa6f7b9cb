import { create, QRCodeErrorCorrectionLevel } from 'qrcode';

/** A horizontal run of dark modules: `length` modules from (`column`, `row`). */
export interface QrRun {
  row: number;
  column: number;
  length: number;
}

export interface QrSymbol {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: QrRun[];
}

/**
 * M (15 % of the symbol recoverable) is the usual choice for print: a smudged or folded certificate
 * still scans, and a verification URL stays at version 3–4, large modules at a given print size.
 */
export const QR_ERROR_CORRECTION: QRCodeErrorCorrectionLevel = 'M';

/**
 * The QR symbol for `text` as runs of dark modules, row by row, so the page draws one rectangle per
 * run instead of one per module: a quarter of the operators, and a vector that prints sharply at any
 * size (no raster image).
 */
export function qrSymbol(text: string): QrSymbol {
  const { modules } = create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const { size, data } = modules;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!data[row * size + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && data[row * size + column]) column++;
      runs.push({ row, column: start, length: column - start });
    }
  }
  return { size, runs };
}
