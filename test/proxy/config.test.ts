import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { ConfigError, readConfig } from '../../src/proxy/config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
}

describe('proxy configuration', () => {
  test('with nothing set it runs locally against the simulator with sensible defaults', () => {
    const config = readConfig({});
    assert.equal(config.upstreamBaseUrl, undefined);
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.callerChecksOff, true);
    assert.ok(config.upstreamToken.length >= 24, 'the embedded simulator gets a random token');
    assert.equal(config.simulatorDelay, 'realistic');
  });

  test('a real upstream needs its token and financial account', () => {
    assert.deepEqual(problemsOf({ GIFT_API_BASE_URL: 'https://donate.example.org' }), [
      'GIFT_API_TOKEN is required when GIFT_API_BASE_URL is set',
      'GIFT_FINANCIAL_ACCOUNT_ID is required when GIFT_API_BASE_URL is set (CSI provides it)',
    ]);
  });

  test('every problem is reported at once, one sentence each', () => {
    const problems = problemsOf({
      GIFT_API_BASE_URL: 'http://donate.example.org/api/v1/integrations/importGift',
      GIFT_API_TOKEN: 't',
      GIFT_FINANCIAL_ACCOUNT_ID: '0',
      PORT: 'eighty',
      HOST: '0.0.0.0',
      ALLOWED_ORIGINS: 'https://ok.example.org,https://bad.example.org/path',
      GIFT_TRANSACTION_PREFIX: 'TOO-LONG-PREFIX',
    });
    assert.equal(problems.length, 7, problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('must use https')));
    assert.ok(problems.some((p) => p.includes('not a full endpoint URL')));
    assert.ok(problems.some((p) => p.startsWith('GIFT_FINANCIAL_ACCOUNT_ID')));
    assert.ok(problems.some((p) => p.startsWith('PORT must be a whole number')));
    assert.ok(problems.some((p) => p.includes('https://bad.example.org/path')));
    assert.ok(problems.some((p) => p.startsWith('GIFT_ENTRY_KEYS is required when HOST (0.0.0.0)')));
    assert.ok(problems.some((p) => p.startsWith('GIFT_TRANSACTION_PREFIX')));
    assert.ok(!problems.join('\n').includes('"t"'), 'the token value is never echoed');
  });

  test('a base URL with a query, a fragment or credentials is refused, without echoing it', () => {
    const base = { GIFT_API_TOKEN: 'a-token-value', GIFT_FINANCIAL_ACCOUNT_ID: '6' };
    for (const url of ['https://donate.example.org?x=1', 'https://donate.example.org/?', 'https://donate.example.org#top']) {
      assert.deepEqual(
        problemsOf({ ...base, GIFT_API_BASE_URL: url }),
        ['GIFT_API_BASE_URL must not have a ?query or #fragment: request paths are appended to it'],
        url,
      );
    }
    const problems = problemsOf({ ...base, GIFT_API_BASE_URL: 'https://user:hunter2@donate.example.org' });
    assert.deepEqual(problems, ['GIFT_API_BASE_URL must not carry a user name or password: the proxy authenticates with GIFT_API_TOKEN']);
    assert.ok(!problems.join('').includes('hunter2'));
  });

  test('the stuck bound and the request timeout have defaults and limits', () => {
    const config = readConfig({});
    assert.equal(config.stuckAfterAttempts, 6);
    assert.equal(config.stuckAfterMs, 30 * 60_000);
    assert.equal(config.requestTimeoutMs, 30_000);
    assert.deepEqual(problemsOf({ GIFT_STUCK_AFTER_ATTEMPTS: '0' }), [
      'GIFT_STUCK_AFTER_ATTEMPTS must be a whole number from 1 to 1000 (got "0")',
    ]);
  });

  test('short caller keys are refused; a public host with keys is fine', () => {
    assert.deepEqual(problemsOf({ HOST: '0.0.0.0', GIFT_ENTRY_KEYS: 'short' }), [
      'Every GIFT_ENTRY_KEYS entry must be at least 16 characters (one has 5)',
    ]);
    const config = readConfig({
      HOST: '0.0.0.0',
      GIFT_ENTRY_KEYS: 'a-long-enough-key-1, a-long-enough-key-2',
      ALLOWED_ORIGINS: 'https://myorg.imiscloud.com',
    });
    assert.deepEqual(config.callerKeys, ['a-long-enough-key-1', 'a-long-enough-key-2']);
    assert.equal(config.callerChecksOff, false);
    assert.deepEqual(config.allowedOrigins, ['https://myorg.imiscloud.com']);
  });
});

test('npm start with a bad configuration exits 1 and lists the problems, with no stack trace', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/proxy/main.ts'], {
    env: { ...process.env, GIFT_API_BASE_URL: 'https://donate.example.org', PORT: 'x' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^The proxy cannot start:\n {2}- /);
  assert.match(result.stderr, /GIFT_API_TOKEN is required/);
  assert.match(result.stderr, /PORT must be a whole number/);
  assert.doesNotMatch(result.stderr, /\bat .+\(.+:\d+:\d+\)/, 'no stack trace');
});
