import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../../src/proxy/logger.ts';

test('log lines are JSON, drop donor and secret fields by name, and mask secrets anywhere', () => {
  const lines: string[] = [];
  const log = createLogger(['s3cret-token-value'], (line) => lines.push(line));
  log('info', 'gift_import', {
    transactionId: '123',
    emailAddress: 'ada@example.org',
    lastName: 'Lovelace',
    reason: 'fetch to https://x?t=s3cret-token-value failed',
  });
  const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
  assert.equal(entry.event, 'gift_import');
  assert.equal(entry.transactionId, '123');
  assert.equal(entry.emailAddress, '[redacted]');
  assert.equal(entry.lastName, '[redacted]');
  assert.equal(entry.reason, 'fetch to https://x?t=[redacted] failed');
});
