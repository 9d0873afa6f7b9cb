import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @nx/enforce-module-boundaries -- migrations/ is not an Nx project (see data-source-options.ts)
import { MIGRATIONS } from '../../../../migrations';

describe('migrations/index.ts', () => {
  it('lists every migration file of the folder, in timestamp order', () => {
    const files = readdirSync(join(__dirname, '../../../../migrations'))
      .filter((file) => /^\d+-\w+\.ts$/.test(file))
      .sort();
    const expected = files.map((file) => {
      const [timestamp, name] = file.replace(/\.ts$/, '').split('-') as [string, string];
      return `${name}${timestamp}`;
    });
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(expected);
  });
});
