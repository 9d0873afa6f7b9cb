import { create } from 'qrcode';

import { QR_ERROR_CORRECTION, qrSymbol } from './qr';

describe('qrSymbol', () => {
  const url = 'https://hocvu.dienbien.gov.vn/xac-thuc/DB-2026-000123';

  it('covers exactly the dark modules of the symbol, each once', () => {
    const { modules } = create(url, { errorCorrectionLevel: QR_ERROR_CORRECTION });
    const symbol = qrSymbol(url);
    expect(symbol.size).toBe(modules.size);

    const drawn = new Uint8Array(symbol.size * symbol.size);
    for (const run of symbol.runs) {
      for (let column = run.column; column < run.column + run.length; column++) {
        drawn[run.row * symbol.size + column] += 1;
      }
    }
    expect([...drawn]).toEqual([...modules.data]);
  });

  it('merges neighbouring modules of a row into one rectangle', () => {
    const symbol = qrSymbol(url);
    const dark = symbol.runs.reduce((sum, run) => sum + run.length, 0);
    expect(symbol.runs.length).toBeLessThan(dark / 1.5);
    // Runs end at a light module or the edge: two runs never touch.
    const touching = symbol.runs.some(
      (run, index) =>
        index > 0 &&
        symbol.runs[index - 1].row === run.row &&
        symbol.runs[index - 1].column + symbol.runs[index - 1].length === run.column,
    );
    expect(touching).toBe(false);
  });
});
