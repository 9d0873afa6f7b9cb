import { ErrorCode, type FieldError } from '@hocvu/contracts';

/** Codes the portal adds for failures that never reached the API or came back unreadable. */
export const ClientErrorCode = {
  NetworkError: 'NETWORK_ERROR',
  Unknown: 'UNKNOWN',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** A failed API call, carrying the stable `error.code` of the API's error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** For VALIDATION_FAILED: the offending fields with the rules they broke. */
  get fieldErrors(): FieldError[] {
    if (this.code !== ErrorCode.ValidationFailed || !Array.isArray(this.details)) return [];
    return this.details.filter(isFieldError);
  }

  /** For RATE_LIMITED: seconds until another attempt is allowed, when the API says. */
  get retryAfterSeconds(): number | null {
    if (this.code !== ErrorCode.RateLimited || !isRecord(this.details)) return null;
    const value = this.details['retryAfterSeconds'];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, ClientErrorCode.NetworkError, 'The server could not be reached');
    error.cause = cause;
    return error;
  }

  /** Reads the `{ error: { code, message, details } }` envelope, tolerating anything else. */
  static fromBody(status: number, body: unknown): ApiError {
    const payload = isRecord(body) && isRecord(body['error']) ? body['error'] : null;
    const code =
      payload && typeof payload['code'] === 'string' && KNOWN_CODES.has(payload['code'])
        ? (payload['code'] as ErrorCode)
        : ClientErrorCode.Unknown;
    const message = payload && typeof payload['message'] === 'string' ? payload['message'] : `HTTP ${status}`;
    return new ApiError(status, code, message, payload?.['details']);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A failure that trying again may cure (no connection, a server fault), unlike a refusal (4xx). */
export function isTransientError(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status >= 500;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    isRecord(value) &&
    typeof value['field'] === 'string' &&
    Array.isArray(value['rules']) &&
    value['rules'].every((rule) => typeof rule === 'string')
  );
}

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Turns an openapi-fetch call into its data or a thrown ApiError, so TanStack Query sees failures as
 * failures. Network failures (fetch rejecting) become NETWORK_ERROR.
 */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<NonNullable<T>> {
  let result: ClientResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const { data, error, response } = result;
  if (!response.ok) throw ApiError.fromBody(response.status, error);
  if (data === undefined || data === null) throw ApiError.fromBody(response.status, null);
  return data;
}

/** Like `unwrap` for endpoints that answer 204 No Content. */
export async function expectNoContent(call: Promise<ClientResult<unknown>>): Promise<void> {
  let result: ClientResult<unknown>;
  try {
    result = await call;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!result.response.ok) throw ApiError.fromBody(result.response.status, result.error);
}
