import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker(3, 1000, () => now);

  beforeEach(() => {
    now = 0;
  });

  it('opens after the threshold of consecutive failures and lets no call through', () => {
    const subject = breaker();
    subject.failure();
    subject.failure();
    expect(subject.permits()).toBe(Number.POSITIVE_INFINITY);
    subject.failure();
    expect(subject.state).toBe('open');
    expect(subject.permits()).toBe(0);
    expect(subject.blockedUntil).toBe(1000);
  });

  it('a success resets the count', () => {
    const subject = breaker();
    subject.failure();
    subject.failure();
    subject.success();
    subject.failure();
    expect(subject.state).toBe('closed');
  });

  it('after the cool-down lets exactly one probe through; its success closes it', () => {
    const subject = breaker();
    for (let i = 0; i < 3; i += 1) subject.failure();
    now = 1000;
    expect(subject.state).toBe('half-open');
    expect(subject.permits()).toBe(1);
    expect(subject.acquire()).toBe('probe');
    expect(subject.permits()).toBe(0);
    expect(subject.acquire()).toBeNull(); // a second lane waits for the probe's answer
    subject.success();
    expect(subject.state).toBe('closed');
    expect(subject.acquire()).toBe('call');
  });

  it('an abandoned probe (its row was gone) lets the next caller probe', () => {
    const subject = breaker();
    for (let i = 0; i < 3; i += 1) subject.failure();
    now = 1000;
    expect(subject.acquire()).toBe('probe');
    subject.abandon('probe');
    expect(subject.acquire()).toBe('probe');
  });

  it('a failed probe opens it for another cool-down', () => {
    const subject = breaker();
    for (let i = 0; i < 3; i += 1) subject.failure();
    now = 1500;
    expect(subject.acquire()).toBe('probe');
    subject.failure();
    expect(subject.state).toBe('open');
    expect(subject.blockedUntil).toBe(2500);
  });

  it('a Retry-After pause blocks calls even while closed', () => {
    const subject = breaker();
    subject.pause(400);
    expect(subject.permits()).toBe(0);
    expect(subject.acquire()).toBeNull();
    expect(subject.blockedUntil).toBe(400);
    now = 400;
    expect(subject.permits()).toBe(Number.POSITIVE_INFINITY);
  });
});
