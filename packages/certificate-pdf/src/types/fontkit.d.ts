// fontkit 2 ships no types; only what fonts.ts uses (the result is checked at run time).
declare module 'fontkit' {
  /** A font, or a collection for .ttc/.dfont files. */
  export function create(buffer: Buffer, postscriptName?: string): unknown;
}
