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
