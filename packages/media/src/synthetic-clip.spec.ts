import { syntheticClipArgs } from './synthetic-clip';

describe('syntheticClipArgs', () => {
  it('makes a 720p clip with a tone by default', () => {
    const args = syntheticClipArgs('/tmp/clip.mp4', { seconds: 10 });
    expect(args).toContain('testsrc2=size=1280x720:rate=25');
    expect(args).toContain('sine=frequency=440:sample_rate=44100');
    expect(args.slice(args.indexOf('-t'), args.indexOf('-t') + 2)).toEqual(['-t', '10']);
    expect(args.at(-1)).toBe('/tmp/clip.mp4');
  });

  it('leaves the sound out on request and keeps odd file names from reading as options', () => {
    const args = syntheticClipArgs('-silent.mp4', { seconds: 0.2, width: 320, height: 240, audio: false });
    expect(args.join(' ')).not.toMatch(/sine|aac/);
    expect(args).toContain('testsrc2=size=320x240:rate=25');
    expect(args).toContain('0.2');
    expect(args.at(-1)).toBe('./-silent.mp4');
  });
});
