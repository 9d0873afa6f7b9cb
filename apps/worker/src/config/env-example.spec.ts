import { describeEnvVars, renderEnvExample } from '@hocvu/server-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { WorkerConfig } from './worker-config';

describe('.env.example', () => {
  it('documents every worker variable with its description and default', () => {
    const file = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    const rendered = renderEnvExample(WorkerConfig).split('\n');
    for (const name of describeEnvVars(WorkerConfig).keys()) {
      const index = rendered.findIndex((line) => line.startsWith(`${name}=`));
      expect(file).toContain(`${rendered[index - 1]}\n${rendered[index]}`);
    }
  });
});
