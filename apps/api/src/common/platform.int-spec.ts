import { ErrorCode } from '@hocvu/contracts';
import { ConfigError } from '@hocvu/server-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createTestApp, TestApp } from '../../test/test-app';
import { ApiConfigModule } from '../config/config.module';

describe('platform behaviour (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health of PostgreSQL and Redis', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('answers 503 with the failing dependency when Redis is unreachable', async () => {
    const broken = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const response = await broken.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'degraded', checks: { database: 'up', redis: 'down' } });
    } finally {
      await broken.close();
    }
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"identifier":', 400, ErrorCode.InvalidJson],
    [
      'prototype pollution',
      { 'content-type': 'application/json' },
      '{"__proto__":{"admin":true}}',
      400,
      ErrorCode.InvalidJson,
    ],
    [
      'a non-JSON content type',
      { 'content-type': 'text/plain' },
      'hello',
      415,
      ErrorCode.UnsupportedMediaType,
    ],
  ])('answers %s with the error envelope', async (_, headers, payload, status, code) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ identifier: 'x'.repeat(3 * 1024 * 1024), password: 'x' }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND and sets security headers and a request id', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/does-not-exist',
      headers: { 'x-request-id': 'trace-1234abcd' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe(ErrorCode.RouteNotFound);
    expect(response.headers['x-request-id']).toBe('trace-1234abcd');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the OpenAPI document and the docs UI', async () => {
    const document = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(document.statusCode).toBe(200);
    expect(document.json().info.title).toBe('Hocvu API');
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
  });

  it('serves exactly the committed OpenAPI document (the generated client is not stale)', async () => {
    const served = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const committed = JSON.parse(
      readFileSync(join(__dirname, '../../../../packages/api-client/openapi.json'), 'utf8'),
    );
    expect(served).toEqual(committed);
  });

  it('refuses to start with invalid configuration, naming each variable and hiding secrets', () => {
    let error: unknown;
    try {
      ApiConfigModule.load({
        API_PORT: '70000',
        JWT_ACCESS_SECRET: 'short-secret',
        DATABASE_URL: 'mysql://x',
        COOKIE_SECURE: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of [
      'API_PORT',
      'JWT_ACCESS_SECRET',
      'DATABASE_URL',
      'COOKIE_SECURE',
      'DATA_ENCRYPTION_KEYS',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('short-secret');
  });
});
