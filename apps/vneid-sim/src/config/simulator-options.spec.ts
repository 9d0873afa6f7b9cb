import { ConfigError, loadConfig } from '@hocvu/server-kit';

import { simulatorOptionsFromConfig } from './simulator-options';
import { VneidSimConfig } from './vneid-sim-config';

const optionsFrom = (env: Record<string, string>) =>
  simulatorOptionsFromConfig(loadConfig(VneidSimConfig, env));

describe('simulatorOptionsFromConfig', () => {
  it('works with no environment at all (npm start on a fresh clone)', () => {
    const options = optionsFrom({});
    expect(options).toMatchObject({
      host: '127.0.0.1',
      port: 3400,
      issuer: null,
      trustedJwks: [],
      adminToken: 'vneid-sim-admin',
      faults: { errorRate: 0, maintenance: false, seed: expect.any(Number) },
    });
    expect(options.clients).toEqual([
      {
        clientId: 'hocvu-portal',
        clientSecret: 'hocvu-vneid-sim-secret',
        redirectUris: [
          'http://127.0.0.1:3000/api/auth/vneid/callback',
          'http://localhost:3000/api/auth/vneid/callback',
          'http://127.0.0.1:8080/api/auth/vneid/callback',
          'http://localhost:8080/api/auth/vneid/callback',
        ],
      },
    ]);
  });

  it('reads keys, redirect URIs and faults', () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'abc' };
    const options = optionsFrom({
      VNEID_SIM_TRUSTED_JWKS: JSON.stringify({ keys: [jwk] }),
      VNEID_SIM_REDIRECT_URIS: ' https://hocvu.example.vn/api/auth/vneid/callback , ',
      VNEID_SIM_ERROR_RATE: '0.3',
      VNEID_SIM_MAINTENANCE: '2026-10-10T09:00:00+07:00',
      VNEID_SIM_FAULT_SEED: '123',
    });
    expect(options.trustedJwks).toEqual([jwk]);
    expect(options.clients[0]?.redirectUris).toEqual(['https://hocvu.example.vn/api/auth/vneid/callback']);
    expect(options.faults).toMatchObject({
      errorRate: 0.3,
      maintenance: { until: '2026-10-10T02:00:00.000Z' },
      seed: 123,
    });
    expect(optionsFrom({ VNEID_SIM_TRUSTED_JWKS: JSON.stringify(jwk) }).trustedJwks).toEqual([jwk]);
  });

  it('refuses to start with every problem listed, never echoing a secret', () => {
    let error: unknown;
    try {
      optionsFrom({
        VNEID_SIM_TRUSTED_JWKS: '{"keys":[1]}',
        VNEID_SIM_SIGNING_JWKS: 'secret-not-json',
        VNEID_SIM_REDIRECT_URIS: 'javascript:alert(1)',
        VNEID_SIM_ERROR_RATE: '0.7',
        VNEID_SIM_TIMEOUT_RATE: '0.7',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toEqual([
      'VNEID_SIM_REDIRECT_URIS: javascript:alert(1) is not an http(s) URL',
      'VNEID_SIM_TRUSTED_JWKS: must be a JWK ({ "kty": … }) or a JWKS ({ "keys": [ … ] })',
      'VNEID_SIM_SIGNING_JWKS: not JSON',
      'VNEID_SIM_ERROR_RATE + VNEID_SIM_RATE_LIMIT_RATE + VNEID_SIM_TIMEOUT_RATE: at most 1 together',
    ]);
    expect(() => loadConfig(VneidSimConfig, { VNEID_SIM_PORT: 'x', VNEID_SIM_MAINTENANCE: 'soon' })).toThrow(
      ConfigError,
    );
  });
});
