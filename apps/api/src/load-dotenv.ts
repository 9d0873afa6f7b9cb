import { config } from 'dotenv';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads `.env` from the working directory if there is one; real environment variables win. */
export function loadDotEnv(): void {
  const path = resolve(process.cwd(), '.env');
  if (existsSync(path)) config({ path, quiet: true });
}
