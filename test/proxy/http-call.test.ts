import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import { httpCall } from '../../src/proxy/http-call.ts';

/** 32 MB of zeros, gzipped to about 32 KB. */
const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024), { level: 9 });

describe('one outbound call, without fetch', () => {
  let server: Server;
  let base = '';
  const seen: Array<{ method: string; body: string; length: string | undefined }> = [];
  before(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({ method: request.method ?? '', body, length: request.headers['content-length'] });
        const json = Buffer.from('{"Message":"héllo"}');
        if (request.url === '/gzip') response.writeHead(400, { 'Content-Encoding': 'gzip' }).end(gzipSync(json));
        else if (request.url === '/deflate') response.writeHead(400, { 'Content-Encoding': 'deflate' }).end(deflateSync(json));
        else if (request.url === '/huge') response.writeHead(400).end(Buffer.alloc(1024 * 1024, 'x'));
        else if (request.url === '/bomb') response.writeHead(500, { 'Content-Encoding': 'gzip' }).end(bomb);
        else if (request.url === '/redirect') response.writeHead(307, { Location: '/elsewhere' }).end();
        else if (request.url === '/hang') response.writeHead(200).write('{"half":');
        else response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a POST carries its body with a byte length (UTF-8, not characters)', async () => {
    const answer = await httpCall(
      `${base}/ok`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"n":"é"}' },
      1024,
      2000,
    );
    assert.equal(answer.status, 202);
    assert.deepEqual(seen.at(-1), { method: 'POST', body: '{"n":"é"}', length: '10' });
  });

  test('gzip and deflate answers are decoded', async () => {
    for (const path of ['/gzip', '/deflate']) {
      const answer = await httpCall(`${base}${path}`, { method: 'GET', headers: {} }, 1024, 2000);
      assert.deepEqual(answer, { status: 400, text: '{"Message":"héllo"}', truncated: false }, path);
    }
  });

  test('a huge answer is read no further than the cap', async () => {
    const answer = await httpCall(`${base}/huge`, { method: 'GET', headers: {} }, 64 * 1024, 2000);
    assert.equal(answer.text.length, 64 * 1024);
    assert.equal(answer.truncated, true);
  });

  test('a compression bomb is capped on the decoded bytes, not the few KB on the wire', async () => {
    assert.ok(bomb.length < 64 * 1024, `${bomb.length} bytes compressed`);
    const answer = await httpCall(`${base}/bomb`, { method: 'GET', headers: {} }, 64 * 1024, 2000);
    assert.equal(answer.status, 500);
    assert.equal(answer.truncated, true);
    assert.equal(answer.text.length, 64 * 1024);
  });

  test('a redirect is answered as it is, never followed', async () => {
    const before = seen.length;
    const answer = await httpCall(`${base}/redirect`, { method: 'POST', headers: {}, body: '{}' }, 1024, 2000);
    assert.equal(answer.status, 307);
    assert.equal(seen.length, before + 1, 'one request, no second one to the new location');
  });

  test('an answer that stalls half-way ends in an AbortError after the timeout', async () => {
    const started = Date.now();
    await assert.rejects(
      httpCall(`${base}/hang`, { method: 'GET', headers: {} }, 1024, 300),
      (error: Error) => error.name === 'AbortError',
    );
    assert.ok(Date.now() - started < 2000);
  });
});
