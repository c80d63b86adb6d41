/**
 * One outbound HTTP call, made with node:http(s) rather than fetch: the upstream is the
 * proxy's only outbound peer, and loading fetch (undici) costs the process 10–15 MB of
 * memory for nothing it needs. Never follows a redirect, decodes gzip and deflate (we ask
 * for them), reads at most `cap` bytes once decoded and then stops decoding and drops the
 * connection, and gives up after `timeoutMs` with an AbortError, headers and body alike.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';

export interface HttpCall {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  text: string;
  /** The answer was longer than the cap and was cut there. */
  truncated: boolean;
}

export function httpCall(url: string, call: HttpCall, cap: number, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const body = call.body === undefined ? undefined : Buffer.from(call.body, 'utf8');
    const headers = body === undefined ? call.headers : { ...call.headers, 'Content-Length': String(body.length) };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(error);
    };
    const request = send(target, { method: call.method, headers, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
      const stream: Readable =
        encoding === 'gzip' ? response.pipe(createGunzip()) : encoding === 'deflate' ? response.pipe(createInflate()) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (truncated: boolean) => {
        if (settled) return;
        settled = true;
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), truncated });
        if (!truncated) return;
        // The cap counts decoded bytes; stop the decoder too, or a few KB of a compression
        // bomb would go on inflating to gigabytes after the answer was cut.
        if (stream !== response) stream.destroy();
        request.destroy();
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = cap - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (chunk.length >= room) finish(true);
      });
      stream.on('end', () => finish(false));
      stream.on('error', fail);
      response.on('error', fail);
      response.on('aborted', () => fail(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' })));
    });
    request.on('error', fail);
    request.end(body);
  });
}
