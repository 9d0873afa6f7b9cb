import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';

import { ConfigError, EnvVar, loadConfig, renderEnvExample } from './env-config';

class SampleConfig {
  @EnvVar({ description: 'Port to listen on' })
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @EnvVar({ description: 'Pretty logs' })
  @IsBoolean()
  PRETTY = false;

  @EnvVar({ description: 'Signing secret', sensitive: true, example: 'change-me' })
  @IsString()
  @MinLength(8)
  SECRET = '';
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig(SampleConfig, { PORT: '8081', SECRET: 'long-enough' });
    expect(config.PORT).toBe(8081);
    expect(config.SECRET).toBe('long-enough');
  });

  it('parses booleans strictly', () => {
    expect(loadConfig(SampleConfig, { PRETTY: 'true', SECRET: 'long-enough' }).PRETTY).toBe(true);
    expect(loadConfig(SampleConfig, { PRETTY: 'false', SECRET: 'long-enough' }).PRETTY).toBe(false);
    expect(() => loadConfig(SampleConfig, { PRETTY: 'maybe', SECRET: 'long-enough' })).toThrow(
      /PRETTY="maybe"/,
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig(SampleConfig, { PORT: '', SECRET: 'long-enough' }).PORT).toBe(3000);
  });

  it('lists every problem and hides secrets', () => {
    let caught: unknown;
    try {
      loadConfig(SampleConfig, { PORT: 'seventy', SECRET: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('PORT="seventy"');
    expect(problems.join('\n')).toContain('SECRET=(hidden)');
    expect(problems.join('\n')).not.toContain('short');
  });

  it('renders an example file with descriptions', () => {
    expect(renderEnvExample(SampleConfig)).toBe(
      '# Port to listen on\nPORT=3000\n# Pretty logs\nPRETTY=false\n# Signing secret (secret)\nSECRET=change-me',
    );
  });
});
