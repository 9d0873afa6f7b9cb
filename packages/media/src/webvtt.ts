/**
 * Validation of uploaded caption files (WebVTT), with the W3C's own parser, before they are stored and
 * offered to learners' players. Works in Node and in the browser.
 */
// Pulls in the parser's type declarations for every program that compiles this file, including the
// apps that import this package from source (their tsconfig does not include packages/media).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./webvtt-parser.d.ts" />
import webvtt from 'webvtt-parser';

/** Largest caption file accepted, in bytes of UTF-8 (about 10 hours of dense captions). */
export const WEBVTT_MAX_BYTES = 1024 * 1024;

export interface WebVttError {
  /** 1-based line of the file the problem is on. */
  line: number;
  message: string;
}

export type WebVttValidation = { ok: true; cueCount: number } | { ok: false; errors: WebVttError[] };

/**
 * Accepts a WebVTT file that starts with the "WEBVTT" signature, parses without a single error or
 * warning and has at least one cue. Refuses anything over 1 MB before parsing it. Errors come in file
 * order, in plain English (the parser's own wording).
 */
export function validateWebVtt(text: string): WebVttValidation {
  // A UTF-16 code unit is at least one UTF-8 byte, so a long string is refused without measuring it.
  if (text.length > WEBVTT_MAX_BYTES || utf8Length(text) > WEBVTT_MAX_BYTES) {
    return fail(1, `The caption file is larger than ${WEBVTT_MAX_BYTES / (1024 * 1024)} MB.`);
  }
  if (text.trim() === '') {
    return fail(1, 'The caption file is empty.');
  }

  const result = new webvtt.WebVTTParser().parse(text);
  if (result.errors.length > 0) {
    const errors = result.errors
      .map(({ line, message }) => ({ line, message }))
      .sort((a, b) => a.line - b.line);
    return { ok: false, errors };
  }
  if (result.cues.length === 0) {
    return fail(1, 'The caption file has no cues (no timed text).');
  }
  return { ok: true, cueCount: result.cues.length };
}

function fail(line: number, message: string): WebVttValidation {
  return { ok: false, errors: [{ line, message }] };
}

/** Bytes `text` takes in UTF-8 (lone surrogates count as the 3-byte replacement character). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
