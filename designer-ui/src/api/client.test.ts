import { describe, expect, test } from 'vitest';
import { ApiError, Client, StaleParentError } from './client';
import { MAIN, MINE, NEXT, mockApi, problem, saved, whoami } from '../test/mockApi';

describe('Client', () => {
  test('sends JSON with the session cookie and decodes the answer', async () => {
    const { fetchFn, calls } = mockApi({ 'POST /login': { body: whoami } });
    const got = await new Client(fetchFn).login('dev', 'secret-password');
    expect(got.user.username).toBe('dev');
    expect(calls[0].body).toEqual({ username: 'dev', password: 'secret-password' });
    expect(calls[0].headers['Content-Type']).toBe('application/json');
  });

  test('uses credentials include', async () => {
    let init: RequestInit | undefined;
    const c = new Client(async (_u, i) => {
      init = i;
      return new Response('{"orgs":[]}', { headers: { 'Content-Type': 'application/json' } });
    });
    await c.listOrgs();
    expect(init?.credentials).toBe('include');
  });

  test('surfaces problem+json code and detail', async () => {
    const { fetchFn } = mockApi({
      'POST /orgs/ttd/apps': problem(409, 'already_exists', 'gitrepo: ttd/flyt: already exists'),
    });
    const err = await new Client(fetchFn).createApp('ttd', 'flyt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).not.toBeInstanceOf(StaleParentError);
    expect((err as ApiError).code).toBe('already_exists');
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).message).toBe('gitrepo: ttd/flyt: already exists');
  });

  test('sends If-Match and returns StaleParentError with the current head on 409 stale_parent', async () => {
    const { fetchFn, calls } = mockApi({
      'PATCH /orgs/ttd/apps/flyt/texts/nn': problem(409, 'stale_parent', 'users/dev has moved since you read it; reload and apply your change again.', {
        branch: 'users/dev',
        current: MINE,
      }),
    });
    const err = await new Client(fetchFn)
      .patchTexts('ttd', 'flyt', 'nn', MAIN, { set: { 'navn.ledetekst': 'Namn' } })
      .catch((e: unknown) => e);
    expect(calls[0].headers['If-Match']).toBe(`"${MAIN}"`);
    expect(calls[0].body).toEqual({ set: { 'navn.ledetekst': 'Namn' } });
    expect(err).toBeInstanceOf(StaleParentError);
    expect((err as StaleParentError).current).toBe(MINE);
  });

  test('a save answers with the new commit', async () => {
    const { fetchFn } = mockApi({ 'PATCH /orgs/ttd/apps/flyt/texts/nb': { body: saved(MINE, MAIN), etag: MINE } });
    const s = await new Client(fetchFn).patchTexts('ttd', 'flyt', 'nb', MAIN, { set: { a: 'b' } });
    expect(s.commit).toBe(MINE);
  });

  test('returns the ETag unquoted', async () => {
    const { fetchFn } = mockApi({ 'GET /orgs/ttd/apps/flyt/files': { body: { commit: MAIN, entries: [] }, etag: MAIN } });
    const r = await new Client(fetchFn).request('GET', '/orgs/ttd/apps/flyt/files', { query: { path: 'App/' } });
    expect(r.etag).toBe(MAIN);
  });

  test('encodes the query and leaves out empty values', async () => {
    const { fetchFn, calls } = mockApi({ 'GET /orgs/ttd/apps': { body: { apps: [] } } });
    const c = new Client(fetchFn);
    await c.listApps('ttd', 'fly t');
    await c.listApps('ttd', '');
    expect(calls[0].query.get('q')).toBe('fly t');
    expect(calls[1].query.has('q')).toBe(false);
  });

  test('a non-JSON error still has a code', async () => {
    const c = new Client(async () => new Response('bad gateway', { status: 502, statusText: 'Bad Gateway' }));
    const err = (await c.whoami().catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('http_502');
    expect(err.problem).toBeUndefined();
  });

  test('a network failure is network_error', async () => {
    const c = new Client(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = (await c.whoami().catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('network_error');
    expect(err.status).toBe(0);
  });

  test('204 has no body', async () => {
    const { fetchFn } = mockApi({ 'POST /logout': { status: 204 } });
    await expect(new Client(fetchFn).logout()).resolves.toBeUndefined();
  });

  test('lists data models and layouts of the working branch, or a ref', async () => {
    const { fetchFn, calls } = mockApi({
      'GET /orgs/ttd/apps/flyt/datamodels': { body: { commit: MINE, models: [] }, etag: MINE },
      'GET /orgs/ttd/apps/flyt/layouts': { body: { commit: MINE, sets: [] }, etag: MINE },
    });
    const c = new Client(fetchFn);
    expect((await c.listDataModels('ttd', 'flyt')).commit).toBe(MINE);
    expect((await c.listLayouts('ttd', 'flyt', 'main')).sets).toEqual([]);
    expect(calls[0].query.has('ref')).toBe(false);
    expect(calls[1].query.get('ref')).toBe('main');
  });

  test('uploads an XSD as application/xml with If-Match', async () => {
    const { fetchFn, calls } = mockApi({
      'POST /orgs/ttd/apps/flyt/datamodels/my%20model/xsd': { body: saved(MINE, MAIN), etag: MINE },
    });
    const xsd = '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>';
    const s = await new Client(fetchFn).uploadXSD('ttd', 'flyt', 'my model', xsd, MAIN);
    expect(s.commit).toBe(MINE);
    expect(calls[0].headers['Content-Type']).toBe('application/xml');
    expect(calls[0].headers['If-Match']).toBe(`"${MAIN}"`);
    expect(calls[0].body).toBe(xsd);
  });

  test('puts and deletes a page with If-Match', async () => {
    const { fetchFn, calls } = mockApi({
      'PUT /orgs/ttd/apps/flyt/layouts/form/side1': { body: saved(MINE, MAIN), etag: MINE },
      'DELETE /orgs/ttd/apps/flyt/layouts/form/side1': { body: saved(NEXT, MINE), etag: NEXT },
    });
    const c = new Client(fetchFn);
    const page = { data: { layout: [{ id: 'a', type: 'Paragraph' }] } };
    expect((await c.putLayout('ttd', 'flyt', 'form', 'side1', page, MAIN)).commit).toBe(MINE);
    expect((await c.deleteLayout('ttd', 'flyt', 'form', 'side1', MINE)).commit).toBe(NEXT);
    expect(calls[0].body).toEqual(page);
    expect(calls[0].headers['Content-Type']).toBe('application/json');
    expect(calls[0].headers['If-Match']).toBe(`"${MAIN}"`);
    expect(calls[1].headers['If-Match']).toBe(`"${MINE}"`);
    expect(calls[1].body).toBeUndefined();
  });

  test('renames a component and a page', async () => {
    const { fetchFn, calls } = mockApi({
      'POST /orgs/ttd/apps/flyt/rename/component': { body: saved(MINE, MAIN) },
      'POST /orgs/ttd/apps/flyt/rename/page': { body: saved(NEXT, MINE) },
    });
    const c = new Client(fetchFn);
    await c.renameComponent('ttd', 'flyt', 'navn', 'fornavn', MAIN);
    await c.renamePage('ttd', 'flyt', 'form', 'side1', 'start', MINE);
    expect(calls.map((x) => [x.body, x.headers['If-Match']])).toEqual([
      [{ from: 'navn', to: 'fornavn' }, `"${MAIN}"`],
      [{ set: 'form', from: 'side1', to: 'start' }, `"${MINE}"`],
    ]);
  });

  test('previewUrl names the set, page, language and commit', () => {
    expect(new Client().previewUrl('ttd', 'flyt', 'form', 'side 1', 'nn', MINE)).toBe(
      `/studio/api/v1/orgs/ttd/apps/flyt/preview/form/side%201?lang=nn&v=${MINE}`,
    );
  });
});
