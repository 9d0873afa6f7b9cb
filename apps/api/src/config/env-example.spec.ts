import { renderEnvExample } from '@hocvu/server-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ApiConfig } from './api-config';

describe('.env.example', () => {
  it('documents every API variable with its description and default', () => {
    const file = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    const expected = renderEnvExample(ApiConfig);
    expect(file).toContain(expected);
  });
});
