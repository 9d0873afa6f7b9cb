// Reads PDFs with pdf.js for the specs, which cannot load pdfjs-dist (ES modules only) in Jest.
// Usage: node pdf-probe.mjs FILE.pdf… → JSON on stdout: per file its page count, metadata and, per
// page, size, text items (string, position, size, font) and the base names of the fonts used.
import { readFile } from 'node:fs/promises';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function probe(path) {
  const data = new Uint8Array(await readFile(path));
  // Every font must come from the file itself: no system fonts, no pdf.js standard font data.
  const pdf = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const { info } = await pdf.getMetadata();
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const operators = await page.getOperatorList();
    const fonts = new Set();
    operators.fnArray.forEach((fn, index) => {
      if (fn === OPS.setFont) {
        const font = page.commonObjs.get(operators.argsArray[index][0]);
        fonts.add(font.name);
      }
    });
    const items = content.items
      .filter((item) => 'str' in item && item.str !== '')
      .map((item) => ({
        str: item.str,
        x: item.transform[4],
        y: item.transform[5],
        width: item.width,
        height: item.height,
        font: item.fontName,
      }));
    pages.push({ width, height, items, fonts: [...fonts].sort() });
  }
  await pdf.destroy();
  return { pages: pdf.numPages, info, pageList: pages };
}

const results = [];
for (const path of process.argv.slice(2)) results.push(await probe(path));
process.stdout.write(JSON.stringify(results));
