import { ErrorCode } from '@hocvu/contracts';
import { ArgumentsHost, ConflictException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

import { AllExceptionsFilter } from './all-exceptions.filter';

/** What the filter answers, caught on a stand-in Fastify reply. */
function answerTo(exception: unknown): {
  status: number;
  body: { error: { code: string; message: string } };
} {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const reply = {
    header: () => reply,
    status: (status: number) => {
      sent.status = status;
      return reply;
    },
    send: (body: unknown) => {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => undefined }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent as { status: number; body: { error: { code: string; message: string } } };
}

function queryError(code: string): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_x"'), {
    code,
    constraint: 'uq_x',
    detail: 'Key (code)=(03214-001) already exists.',
  });
  return new QueryFailedError('INSERT INTO x', [], driverError);
}

describe('AllExceptionsFilter', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it('answers an unhandled unique violation (23505) with 409 CONFLICT, without the constraint or values', () => {
    const { status, body } = answerTo(queryError('23505'));
    expect(status).toBe(409);
    expect(body.error.code).toBe(ErrorCode.Conflict);
    expect(body.error.message).not.toMatch(/uq_x|03214/);
  });

  it('leaves other database errors a 500', () => {
    const { status, body } = answerTo(queryError('23503'));
    expect(status).toBe(500);
    expect(body.error.code).toBe(ErrorCode.InternalError);
  });

  it('gives a plain 409 HttpException the CONFLICT code', () => {
    const { status, body } = answerTo(new ConflictException('taken'));
    expect(status).toBe(409);
    expect(body.error.code).toBe(ErrorCode.Conflict);
  });
});
