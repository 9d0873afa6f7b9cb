import { ErrorBody, ErrorCode } from '@hocvu/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';

import { bodyTooLargeErrorOf } from '../http/route-body-limit';
import { AppError } from './app-error';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Fastify's own errors (body parsing, limits) mapped to stable codes instead of leaking as 500s. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ErrorCode.InvalidJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.InvalidJson,
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.UnsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.InvalidJson,
};

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
};

/** Every failure leaves the API in one shape: `{ error: { code, message, details } }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, headers } = this.toResponse(
      this.ownBodyTooLarge(exception, http.getRequest<FastifyRequest | undefined>()) ?? exception,
    );
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    else if (isUniqueViolation(exception)) this.logger.warn(`Unique violation: ${exception.message}`);
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    void reply.status(status).send(body);
  }

  /**
   * A body over a route's limit, answered with the route's own error (@BodyLimit's `tooLarge`). Nest
   * hands Fastify's FST_ERR_CTP_BODY_TOO_LARGE over as a 413 HttpException (with or without the cause).
   */
  private ownBodyTooLarge(exception: unknown, request: FastifyRequest | undefined): AppError | null {
    const fastifyError = (exception instanceof HttpException ? exception.cause : exception) as
      FastifyLikeError | undefined;
    const tooLarge =
      fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
      (exception instanceof HttpException && exception.getStatus() === 413);
    return tooLarge ? bodyTooLargeErrorOf(request) : null;
  }

  private toResponse(exception: unknown): {
    status: number;
    body: ErrorBody;
    headers: Record<string, string>;
  } {
    if (exception instanceof AppError) {
      return {
        status: exception.status,
        body: envelope(exception.code, exception.message, exception.details),
        headers: exception.headers ?? {},
      };
    }
    // Nest wraps Fastify's parser errors in an HttpException; the original (with its code) is the cause.
    const fastifyError = (exception instanceof HttpException ? exception.cause : exception) as
      FastifyLikeError | undefined;
    if (fastifyError?.code && FASTIFY_CODES[fastifyError.code]) {
      return {
        status: fastifyError.statusCode ?? HttpStatus.BAD_REQUEST,
        body: envelope(FASTIFY_CODES[fastifyError.code], fastifyError.message ?? 'Bad request'),
        headers: {},
      };
    }
    // A unique key a feature did not handle itself (two requests racing for the same value): the
    // client can try again, so it is a 409, not a 500. Constraint and values stay in the server log.
    if (isUniqueViolation(exception)) {
      return {
        status: HttpStatus.CONFLICT,
        body: envelope(
          ErrorCode.Conflict,
          'This was changed at the same moment by another request; try again',
        ),
        headers: {},
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        status === 404 ? ErrorCode.RouteNotFound : (STATUS_CODES[status] ?? ErrorCode.InternalError);
      const message = status >= 500 ? 'Something went wrong on our side' : exception.message;
      return { status, body: envelope(code, message), headers: {} };
    }
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      const status = fastifyError.statusCode;
      return {
        status,
        body: envelope(
          STATUS_CODES[status] ?? ErrorCode.ValidationFailed,
          fastifyError.message ?? 'Bad request',
        ),
        headers: {},
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: envelope(ErrorCode.InternalError, 'Something went wrong on our side'),
      headers: {},
    };
  }
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), as TypeORM reports it. */
function isUniqueViolation(exception: unknown): exception is QueryFailedError {
  return (
    exception instanceof QueryFailedError &&
    (exception.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

function envelope(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
