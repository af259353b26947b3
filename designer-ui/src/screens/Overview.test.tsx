import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { Overview } from './Overview';
import { MAIN, MINE, NEXT, mockApi, overview, problem, saved } from '../test/mockApi';
import { renderWith } from '../test/render';

afterEach(cleanup);

const history = {
  commits: [
    {
      hash: MINE,
      parents: [MAIN],
      author: { name: 'dev', email: 'dev@blankett.local' },
      when: '2026-11-20T09:30:00Z',
      subject: 'Texts nn: navn.ledetekst',
      message: 'Texts nn: navn.ledetekst\n',
      diff: {
        from: MAIN,
        to: MINE,
        files: [{ path: 'App/config/texts/resource.nn.json', status: 'added' }],
        changes: [{ kind: 'added', area: 'text', id: 'navn.ledetekst', language: 'nn', detail: 'Text navn.ledetekst (nn) added: “Namn”.' }],
      },
    },
    { hash: MAIN, parents: [], author: { name: 'dev', email: 'dev@blankett.local' }, when: '2026-11-20T09:00:00Z', subject: 'Create app from template', message: '' },
  ],
};

test('shows the lint findings of my branch and its history with semantic diffs', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps/flyt': { body: overview },
    'GET /orgs/ttd/apps/flyt/history': { body: history },
  });
  renderWith(fetchFn, <Overview org="ttd" app="flyt" canEdit />);
  expect(await screen.findByRole('heading', { name: 'Checks of users/dev' })).toBeTruthy();
  const table = screen.getByRole('table');
  expect(within(table).getByText('Text send-inn is not used.', { exact: false })).toBeTruthy();
  expect(within(table).getByText('0 errors, 1 warnings')).toBeTruthy();
  expect(await screen.findByText('Text navn.ledetekst (nn) added: “Namn”.')).toBeTruthy();
  expect(calls.find((c) => c.path.endsWith('/history'))?.query.get('ref')).toBe('users/dev');
  // The first commit has no parent to undo against.
  expect(screen.getAllByRole('button', { name: /^Undo/ })).toHaveLength(1);
});

test('undo reverts with my head as If-Match and reloads', async () => {
  let head = MINE;
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps/flyt': () => ({ body: { ...overview, mine: { ...overview.mine!, commit: head } } }),
    'GET /orgs/ttd/apps/flyt/history': { body: history },
    'POST /orgs/ttd/apps/flyt/revert': () => {
      head = NEXT;
      return { body: saved(NEXT, MINE) };
    },
  });
  renderWith(fetchFn, <Overview org="ttd" app="flyt" canEdit />);
  fireEvent.click(await screen.findByRole('button', { name: 'Undo “Texts nn: navn.ledetekst”' }));
  expect(await screen.findByText(`Undid “Texts nn: navn.ledetekst” as commit ${NEXT.slice(0, 8)}.`)).toBeTruthy();
  const revert = calls.find((c) => c.path.endsWith('/revert'))!;
  expect(revert.headers['If-Match']).toBe(`"${MINE}"`);
  expect(revert.body).toEqual({ commit: MINE });
  expect(calls.filter((c) => c.path === '/orgs/ttd/apps/flyt')).toHaveLength(2);
});

test('undo on a moved branch says so and reloads', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps/flyt': { body: overview },
    'GET /orgs/ttd/apps/flyt/history': { body: history },
    'POST /orgs/ttd/apps/flyt/revert': problem(409, 'stale_parent', 'users/dev has moved since you read it; reload and apply your change again.', { current: NEXT }),
  });
  renderWith(fetchFn, <Overview org="ttd" app="flyt" canEdit />);
  fireEvent.click(await screen.findByRole('button', { name: /^Undo/ }));
  expect(await screen.findByRole('alert')).toBeTruthy();
  expect(screen.getByRole('alert').textContent).toContain('Your branch changed since this page loaded');
  await waitFor(() => expect(calls.filter((c) => c.path === '/orgs/ttd/apps/flyt')).toHaveLength(2));
});

test('before the first save: main, no undo for readers, merge hidden', async () => {
  const { fetchFn } = mockApi({
    'GET /orgs/ttd/apps/flyt': { body: { ...overview, mine: undefined } },
    'GET /orgs/ttd/apps/flyt/history': { body: history },
  });
  renderWith(fetchFn, <Overview org="ttd" app="flyt" canEdit={false} />);
  expect(await screen.findByRole('heading', { name: 'Checks of main' })).toBeTruthy();
  await screen.findByRole('heading', { name: 'History of main' });
  expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Merge my changes into main' })).toBeNull();
});

test('merges my branch into main', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps/flyt': { body: overview },
    'GET /orgs/ttd/apps/flyt/history': { body: history },
    'POST /orgs/ttd/apps/flyt/merge': { body: { commit: MINE, fastForward: true, from: 'users/dev', into: 'main', unchanged: false } },
  });
  renderWith(fetchFn, <Overview org="ttd" app="flyt" canEdit />);
  fireEvent.click(await screen.findByRole('button', { name: 'Merge my changes into main' }));
  expect(await screen.findByText(`Merged users/dev into main at ${MINE.slice(0, 8)}.`)).toBeTruthy();
  expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/merge'))).toBe(true);
});
