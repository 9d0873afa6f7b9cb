/**
 * pino settings shared by the API and the worker. Personal data never reaches the logs: these
 * paths are replaced by "[redacted]" wherever they appear in a logged object.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.temporaryPassword',
  '*.passwordHash',
  '*.birthDate',
  '*.citizenId',
  '*.refreshToken',
  '*.accessToken',
  '*.phone',
  '*.email',
];

export interface LoggerSettings {
  level: string;
  pretty: boolean;
  name: string;
}

export function pinoOptions(settings: LoggerSettings): Record<string, unknown> {
  return {
    name: settings.name,
    level: settings.level,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    ...(settings.pretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}

/** Masks long digit runs (phone and citizen id numbers) in free text such as URLs: 0912345678 → 091*******. */
export function maskDigits(text: string): string {
  return text.replace(/\d{6,}/g, (digits) => `${digits.slice(0, 3)}${'*'.repeat(digits.length - 3)}`);
}

/**
 * A request URL as logs may keep it: signed media tokens (`/api/media/<expires>.<signature>/…`)
 * are replaced, since anyone reading the logs could otherwise replay them until they expire, and
 * long digit runs (phone and citizen id numbers) are masked.
 */
export function loggableUrl(url: string): string {
  return maskDigits(url.replace(/(\/api\/media\/)(?!public\/)[^/?#]+/, '$1[token]'));
}
