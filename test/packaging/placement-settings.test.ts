/**
 * The display script reads a placement's settings whichever way the iMIS version serves
 * them: api/ContentItem (later versions, Data.Settings in the paged envelope), else
 * api/ContentTypeSettings (iMIS 2017, Settings on the item), Settings as an object or a JSON string.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSettings, readPlacementSettings, SettingsUnreadable } from '../../src/packaging/browser/placement-settings.ts';

const KEYS = { baseUrl: '/imis/', token: 'page-token', contentKey: 'CK', contentItemKey: 'CIK' };
const SETTINGS = { endpoint: 'https://gifts.example.org', key: 'k', fund: 'GEN', prefillDonor: true };

/** A fake iMIS answering by path, recording what was asked. */
function imis(answers: Record<string, { status: number; body?: unknown }>) {
  const asked: Array<{ url: string; token: string | null }> = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'https://imis.example.org');
    asked.push({ url: `${url.pathname}${url.search}`, token: new Headers(init?.headers).get('RequestVerificationToken') });
    const answer = answers[url.pathname] ?? { status: 404, body: { Message: 'Not found' } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  }) as typeof fetch;
  return { fetchImpl, asked };
}

const paged = (settings: unknown) => ({
  Items: { $values: [{ $type: 'Asi.Soa.Core.DataContracts.ContentItemData, Asi.Contracts', Data: { Settings: settings } }] },
  Count: 1,
});

test('api/ContentItem: Data.Settings as an object, asked with the page token and both keys; nothing else is asked', async () => {
  const { fetchImpl, asked } = imis({ '/imis/api/ContentItem': { status: 200, body: paged(SETTINGS) } });
  assert.deepEqual(await readPlacementSettings(KEYS, fetchImpl), SETTINGS);
  assert.deepEqual(asked, [{ url: '/imis/api/ContentItem?contentKey=CK&contentItemKey=CIK', token: 'page-token' }]);
});

test('api/ContentItem: Data.Settings as a JSON string', async () => {
  const { fetchImpl } = imis({ '/imis/api/ContentItem': { status: 200, body: paged(JSON.stringify(SETTINGS)) } });
  assert.deepEqual(await readPlacementSettings(KEYS, fetchImpl), SETTINGS);
});

test('iMIS 2017: api/ContentItem is not there (404), so api/ContentTypeSettings is asked; Settings as a JSON string', async () => {
  const { fetchImpl, asked } = imis({
    '/imis/api/ContentTypeSettings': { status: 200, body: { ContentKey: 'CK', ContentItemKey: 'CIK', Settings: JSON.stringify(SETTINGS) } },
  });
  assert.deepEqual(await readPlacementSettings(KEYS, fetchImpl), SETTINGS);
  assert.deepEqual(
    asked.map((a) => a.url),
    ['/imis/api/ContentItem?contentKey=CK&contentItemKey=CIK', '/imis/api/ContentTypeSettings?contentKey=CK&contentItemKey=CIK'],
  );
});

test('api/ContentTypeSettings: Settings as an object (ASI JsonDemo reads response.Settings as one)', async () => {
  const { fetchImpl } = imis({ '/imis/api/ContentTypeSettings': { status: 200, body: { Settings: SETTINGS } } });
  assert.deepEqual(await readPlacementSettings(KEYS, fetchImpl), SETTINGS);
});

test('an api/ContentItem answer without settings falls back to api/ContentTypeSettings', async () => {
  const { fetchImpl } = imis({
    '/imis/api/ContentItem': { status: 200, body: { Items: { $values: [] } } },
    '/imis/api/ContentTypeSettings': { status: 200, body: { Settings: SETTINGS } },
  });
  assert.deepEqual(await readPlacementSettings(KEYS, fetchImpl), SETTINGS);
});

test('a placement saved with no settings yet reads as none, whichever the form', () => {
  assert.deepEqual(parseSettings(''), {});
  assert.deepEqual(parseSettings('  '), {});
  assert.deepEqual(parseSettings(null), {});
  assert.deepEqual(parseSettings({}), {});
});

test('what cannot be read says why, in words that fit "could not read this content item’s settings (…)"', async () => {
  const neither = imis({});
  await assert.rejects(readPlacementSettings(KEYS, neither.fetchImpl), (error: Error) => {
    assert.ok(error instanceof SettingsUnreadable);
    assert.equal(error.message, 'iMIS answered 404 to api/ContentItem and 404 to api/ContentTypeSettings without them');
    return true;
  });
  const expired = imis({ '/imis/api/ContentItem': { status: 401, body: { Message: 'Authorization has been denied' } } });
  await assert.rejects(readPlacementSettings(KEYS, expired.fetchImpl), /sign-in may have expired/);
  assert.equal(expired.asked.length, 1, 'a refused login is not retried elsewhere');
  const garbled = imis({ '/imis/api/ContentItem': { status: 200, body: paged('{"endpoint":') } });
  await assert.rejects(readPlacementSettings(KEYS, garbled.fetchImpl), /not valid JSON/);
  assert.throws(() => parseSettings([1, 2]), SettingsUnreadable);
  const down = (async () => {
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
  await assert.rejects(readPlacementSettings(KEYS, down), /iMIS could not be reached/);
});
