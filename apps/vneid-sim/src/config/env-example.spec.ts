import { renderEnvExample } from '@hocvu/server-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { VneidSimConfig } from './vneid-sim-config';

describe('.env.example', () => {
  it('documents every VNeID simulator variable with its description and default', () => {
    const file = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    expect(file).toContain(renderEnvExample(VneidSimConfig));
  });
});
