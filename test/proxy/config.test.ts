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
      GIFT_API_TOKEN: 'X9fQ2mLr7Tz4Wb8K',
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
    assert.ok(!problems.join('\n').includes('X9fQ2mLr7Tz4Wb8K'), 'the token value is never echoed');
  });

  test('a base URL with a query, a fragment or credentials is refused, without echoing it', () => {
    const base = { GIFT_API_TOKEN: 'a-token-value-1234', GIFT_FINANCIAL_ACCOUNT_ID: '6' };
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
    assert.deepEqual(problemsOf({ HOST: '0.0.0.0', GIFT_ENTRY_KEYS: 'short', GIFT_SIMULATOR: '1' }), [
      'Every GIFT_ENTRY_KEYS entry must be at least 16 characters (one has 5)',
    ]);
    const config = readConfig({
      HOST: '0.0.0.0',
      GIFT_ENTRY_KEYS: 'a-long-enough-key-1, a-long-enough-key-2',
      ALLOWED_ORIGINS: 'https://myorg.imiscloud.com',
      GIFT_SIMULATOR: '1',
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

describe('the simulator only when asked', () => {
  const production = { GIFT_ENTRY_KEYS: 'Qm7vT2xK9pLw4Rz8', ALLOWED_ORIGINS: 'https://myorg.imiscloud.com', HOST: '0.0.0.0' };

  test('keys, allowed origins or a public host without an upstream URL are a start-up error, naming what is set', () => {
    for (const [name, value] of Object.entries(production)) {
      const problems = problemsOf(name === 'HOST' ? { HOST: value, GIFT_ENTRY_KEYS: production.GIFT_ENTRY_KEYS } : { [name]: value });
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, /^GIFT_API_BASE_URL is not set, so gifts would go to the built-in simulator and never reach iMIS/);
      assert.match(problems[0]!, new RegExp(name));
      assert.match(problems[0]!, /or GIFT_SIMULATOR=1 to run the simulator on purpose$/);
    }
  });

  test('the typo from the field (GIFT_API_BASEURL) is named with the right spelling and nothing starts', () => {
    const problems = problemsOf({ ...production, GIFT_API_BASEURL: 'https://donate.example.org', GIFT_API_TOKEN: 'Zr4Kp8Wm2Qx6Tn9Lv3' });
    assert.ok(problems.some((p) => p.startsWith('GIFT_API_BASE_URL is not set')));
    assert.ok(problems.includes('GIFT_API_BASEURL is not a setting of this proxy: did you mean GIFT_API_BASE_URL?'), problems.join('\n'));
  });

  test('GIFT_SIMULATOR=1 runs the simulator on purpose; with an upstream URL it is a contradiction', () => {
    assert.equal(readConfig({ ...production, GIFT_SIMULATOR: '1' }).upstreamBaseUrl, undefined);
    assert.deepEqual(problemsOf({ GIFT_SIMULATOR: 'yes' }), ['GIFT_SIMULATOR must be 1 (run the built-in simulator) or 0 (got "yes")']);
    assert.ok(
      problemsOf({
        GIFT_SIMULATOR: '1',
        GIFT_API_BASE_URL: 'https://donate.example.org',
        GIFT_API_TOKEN: 'Zr4Kp8Wm2Qx6Tn9Lv3',
        GIFT_FINANCIAL_ACCOUNT_ID: '6',
      }).includes('GIFT_SIMULATOR=1 and GIFT_API_BASE_URL are both set: keep only one'),
    );
  });
});

describe('unknown GIFT_ variables', () => {
  test('each is named, with the setting it was probably meant to be', () => {
    assert.deepEqual(problemsOf({ GIFT_UPSTREAM_TIMEOUT: '5000', GIFT_ENTRY_KEY: 'Qm7vT2xK9pLw4Rz8', GIFT_COLOUR: 'blue' }), [
      'GIFT_COLOUR is not a setting of this proxy (see README: Proxy configuration)',
      'GIFT_ENTRY_KEY is not a setting of this proxy: did you mean GIFT_ENTRY_KEYS?',
      'GIFT_UPSTREAM_TIMEOUT is not a setting of this proxy: did you mean GIFT_UPSTREAM_TIMEOUT_MS?',
    ]);
  });

  test('every setting README documents is known', async () => {
    const { readFileSync } = await import('node:fs');
    const section = readFileSync('README.md', 'utf8').split('## Proxy configuration')[1]!.split('\n## ')[0]!;
    const documented = [...section.matchAll(/`(GIFT_[A-Z_]+)`/g)].map((match) => match[1]!);
    assert.ok(documented.length > 15);
    const env = Object.fromEntries(documented.map((name) => [name, '']));
    assert.deepEqual(
      problemsOf(env).filter((p) => p.includes('is not a setting')),
      [],
    );
  });
});

describe('placeholder-looking secrets are refused, never echoed', () => {
  const real = { GIFT_API_BASE_URL: 'https://donate.example.org', GIFT_FINANCIAL_ACCOUNT_ID: '6', GIFT_API_TOKEN: 'Zr4Kp8Wm2Qx6Tn9Lv3' };
  const placeholders = [
    ['...32 random characters, e.g. from: openssl rand -base64 24...', /contains "\.\.\."/],
    ['…the token CSI issued…', /contains "\.\.\."/],
    ['changeme-changeme-1234', /placeholder word/],
    ['your-api-key-goes-right-here', /placeholder word/],
    ['0000000000000000000000', /repeats one character/],
    ['abababababababababab', /fewer than 6 different characters/],
  ] as const;

  for (const name of ['GIFT_ENTRY_KEYS', 'GIFT_ADMIN_TOKEN', 'GIFT_API_TOKEN'] as const) {
    test(`in ${name}`, () => {
      for (const [secret, why] of placeholders) {
        const problems = problemsOf({ ...real, [name]: secret });
        // README's placeholder holds a comma, so as a list it is two (refused) entries.
        assert.ok(problems.length >= 1, secret);
        for (const problem of problems) {
          assert.match(problem, new RegExp(`^${name.replace('GIFT_ENTRY_KEYS', 'A GIFT_ENTRY_KEYS entry')}`));
          assert.match(problem, why);
          assert.ok(!problem.includes(secret.split(',')[0]!), 'the value is not echoed');
        }
      }
    });
  }

  test('a short upstream token is refused; generated values pass', () => {
    assert.deepEqual(problemsOf({ ...real, GIFT_API_TOKEN: 'Zr4Kp8Wm2Q' }), [
      'GIFT_API_TOKEN does not look like the token CSI issued: it has 10 characters, fewer than 16',
    ]);
    const config = readConfig({ ...real, GIFT_ENTRY_KEYS: 'w3Jc0TqUvX1p+Zy8Hb5nRk2s', GIFT_ADMIN_TOKEN: 'L7eYq2bN0xVt9Rk4Mz6Ca1Fw' });
    assert.equal(config.callerKeys.length, 1);
  });
});

describe('two admin tokens while rotating', () => {
  test('both are accepted, a third is refused', () => {
    const a = 'L7eYq2bN0xVt9Rk4Mz6Ca1Fw';
    const b = 'P3sWd8Gh1Jk5Lz0Xc7Vb2Nm4';
    assert.deepEqual(readConfig({ GIFT_ADMIN_TOKEN: `${a},${b}` }).adminTokens, [a, b]);
    assert.deepEqual(problemsOf({ GIFT_ADMIN_TOKEN: `${a},${b},Q9wE4rT6yU1iO3pA` }), [
      'GIFT_ADMIN_TOKEN takes one token, or two while rotating (it has 3)',
    ]);
  });
});

describe('TRUST_PROXY', () => {
  test('is off by default; takes loopback, addresses and ranges, and names a bad entry', () => {
    assert.deepEqual(readConfig({}).trustedProxies, []);
    assert.deepEqual(readConfig({ TRUST_PROXY: 'loopback' }).trustedProxies, ['127.0.0.0/8', '::1']);
    assert.deepEqual(readConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16, fd00::/8' }).trustedProxies, [
      '10.0.0.5',
      '192.168.0.0/16',
      'fd00::/8',
    ]);
    assert.deepEqual(problemsOf({ TRUST_PROXY: 'nginx' }), [
      'TRUST_PROXY entry "nginx" must be an IP address or range like 127.0.0.1 or 10.0.0.0/8 (or TRUST_PROXY=loopback)',
    ]);
  });
});

test('npm start refuses a production setup whose upstream URL is misspelled, and starts no simulator', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/proxy/main.ts'], {
    env: {
      ...process.env,
      GIFT_API_BASEURL: 'https://donate.example.org',
      GIFT_ENTRY_KEYS: 'Qm7vT2xK9pLw4Rz8',
      PORT: '0',
      DATA_DIR: '/nonexistent/never',
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /did you mean GIFT_API_BASE_URL\?/);
  assert.doesNotMatch(result.stdout + result.stderr, /SIMULATOR MODE|simulator_in_use/);
});
