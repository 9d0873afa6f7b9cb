import { ErrorCode, FieldError } from '@hocvu/contracts';
import { HttpStatus } from '@nestjs/common';

/**
 * The one exception feature code throws for an expected failure. The global filter turns it into
 * `{ error: { code, message, details } }` with the given status.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: HttpStatus,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(fields: FieldError[]): AppError {
    return new AppError(
      ErrorCode.ValidationFailed,
      HttpStatus.BAD_REQUEST,
      'The request has invalid fields',
      fields,
    );
  }

  static notFound(code: ErrorCode, message: string): AppError {
    return new AppError(code, HttpStatus.NOT_FOUND, message);
  }

  static forbidden(message = 'You do not have permission to do this'): AppError {
    return new AppError(ErrorCode.Forbidden, HttpStatus.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Sign in to continue'): AppError {
    return new AppError(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, message);
  }
}
