import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** What `.env.example` and the start-up error say about one environment variable. */
export interface EnvVarInfo {
  description: string;
  /** Secrets are never printed back, not even in validation errors. */
  sensitive?: boolean;
  /** Written into `.env.example`; defaults to the class's default value. */
  example?: string;
}

const ENV_VARS = Symbol('hocvu:env-vars');

/** Marks a config class property as an environment variable of the same name. */
export function EnvVar(info: EnvVarInfo): PropertyDecorator {
  return (target, propertyKey) => {
    const existing = readEnvVars(target);
    const copy = new Map(existing);
    copy.set(String(propertyKey), info);
    Reflect.defineMetadata(ENV_VARS, copy, target);
  };
}

export function describeEnvVars(configClass: new () => object): Map<string, EnvVarInfo> {
  return readEnvVars(configClass.prototype as object);
}

function readEnvVars(target: object): Map<string, EnvVarInfo> {
  return (
    (Reflect.getMetadata(ENV_VARS, target) as Map<string, EnvVarInfo> | undefined) ??
    new Map<string, EnvVarInfo>()
  );
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration — fix these environment variables (see .env.example):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Builds a validated config object from `env`. Unknown variables are ignored; empty strings count
 * as unset so `FOO=` in a .env file falls back to the default.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: Record<string, string | undefined>,
): T {
  const vars = describeEnvVars(configClass);
  const defaults = new configClass() as Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  for (const name of vars.keys()) {
    const raw = env[name];
    plain[name] = raw === undefined || raw === '' ? defaults[name] : coerce(raw, defaults[name]);
  }
  const instance = plainToInstance(configClass, plain);
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(errors.map((error) => describeError(error, vars)));
  }
  return instance;
}

/** Converts by the type of the default; a value that does not convert stays a string and fails validation. */
function coerce(raw: string, defaultValue: unknown): unknown {
  if (typeof defaultValue === 'boolean') {
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    return raw;
  }
  if (typeof defaultValue === 'number') return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  return raw;
}

function describeError(error: ValidationError, vars: Map<string, EnvVarInfo>): string {
  const info = vars.get(error.property);
  const rules = Object.values(error.constraints ?? {}).join('; ');
  const shown = info?.sensitive ? '(hidden)' : JSON.stringify(error.value);
  return `${error.property}=${shown}: ${rules}${info ? ` — ${info.description}` : ''}`;
}

/** Renders a `.env.example` section for a config class (used to keep the file honest in a test). */
export function renderEnvExample(configClass: new () => object): string {
  const defaults = new configClass() as Record<string, unknown>;
  const lines: string[] = [];
  for (const [name, info] of describeEnvVars(configClass)) {
    lines.push(`# ${info.description}${info.sensitive ? ' (secret)' : ''}`);
    const fallback = defaults[name];
    const value =
      info.example ??
      (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean'
        ? String(fallback)
        : '');
    lines.push(`${name}=${value}`);
  }
  return lines.join('\n');
}
