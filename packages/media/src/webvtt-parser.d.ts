/**
 * Types for `webvtt-parser` (the W3C's WebVTT parser and validator), which ships none. Only the parts used
 * here. The package is CommonJS and assigns its classes onto `exports`, hence `export =`.
 */
declare module 'webvtt-parser' {
  namespace webvtt {
    interface ParseError {
      message: string;
      /** 1-based line of the input. */
      line: number;
      /** 1-based column, when the error is within a line. */
      col?: number;
    }

    interface Cue {
      id: string;
      startTime: number;
      endTime: number;
      text: string;
    }

    interface ParseResult {
      cues: Cue[];
      errors: ParseError[];
      styles: string[];
      /** Milliseconds the parse took. */
      time: number;
    }

    class WebVTTParser {
      /** `entities`: named character references to decode; a small default set when omitted. */
      constructor(entities?: Record<string, string>);
      /** `mode`: undefined for captions and subtitles, or "metadata" / "chapters". */
      parse(input: string, mode?: 'metadata' | 'chapters'): ParseResult;
    }
  }

  const webvtt: { WebVTTParser: typeof webvtt.WebVTTParser };
  export = webvtt;
}
