import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { TextsEditor } from './Texts';
import { MAIN, MINE, NEXT, mockApi, problem, saved, type Call } from '../test/mockApi';
import { renderWith } from '../test/render';

afterEach(cleanup);

const nb = {
  language: 'nb',
  resources: [
    { id: 'appName', value: 'flyt' },
    { id: 'navn.ledetekst', value: 'Navn' },
  ],
};
const en = { language: 'en', resources: [{ id: 'navn.ledetekst', value: 'Name' }] };

function api(head: { commit: string }, patch: (c: Call) => ReturnType<typeof saved> | ReturnType<typeof problem>) {
  return mockApi({
    'GET /orgs/ttd/apps/flyt/files': (c) => {
      const p = c.query.get('path');
      if (p === 'App/config/texts/')
        return {
          etag: head.commit,
          body: {
            commit: head.commit,
            entries: [
              { path: 'App/config/texts/resource.nb.json', size: 120, hash: '1'.repeat(40) },
              { path: 'App/config/texts/resource.en.json', size: 80, hash: '2'.repeat(40) },
            ],
          },
        };
      expect(c.query.get('ref')).toBe(head.commit);
      return { body: p!.endsWith('.nb.json') ? nb : en, etag: head.commit };
    },
    'PATCH /orgs/ttd/apps/flyt/texts/nn': (c) => {
      const r = patch(c);
      return 'commit' in r ? { body: r, etag: r.commit } : r;
    },
  });
}

test('shows keys × languages, nb nn en first', async () => {
  const { fetchFn } = api({ commit: MAIN }, () => saved(MINE, MAIN));
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  const cell = await screen.findByLabelText('navn.ledetekst (nb)');
  expect((cell as HTMLInputElement).value).toBe('Navn');
  expect((screen.getByLabelText('navn.ledetekst (en)') as HTMLInputElement).value).toBe('Name');
  expect((screen.getByLabelText('navn.ledetekst (nn)') as HTMLInputElement).value).toBe('');
  expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Key', 'nb', 'nn', 'en']);
});

test('an edit in nn is one PATCH on the read commit; the next builds on the saved one', async () => {
  const parents: string[] = [];
  const { fetchFn, calls } = api({ commit: MAIN }, (c) => {
    parents.push(c.headers['If-Match']);
    return parents.length === 1 ? saved(MINE, MAIN) : saved(NEXT, MINE);
  });
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  const cell = await screen.findByLabelText('navn.ledetekst (nn)');
  fireEvent.change(cell, { target: { value: 'Namn' } });
  fireEvent.blur(cell);
  expect(await screen.findByText(`Saved “navn.ledetekst” in nn (commit ${MINE.slice(0, 8)}).`)).toBeTruthy();
  const app = screen.getByLabelText('appName (nn)');
  fireEvent.change(app, { target: { value: 'Flyt' } });
  fireEvent.keyDown(app, { key: 'Enter' });
  fireEvent.blur(app);
  await screen.findByText(`Saved “appName” in nn (commit ${NEXT.slice(0, 8)}).`);
  expect(parents).toEqual([`"${MAIN}"`, `"${MINE}"`]);
  expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
    { set: { 'navn.ledetekst': 'Namn' } },
    { set: { appName: 'Flyt' } },
  ]);
});

test('leaving an unchanged field saves nothing', async () => {
  const { fetchFn, calls } = api({ commit: MAIN }, () => saved(MINE, MAIN));
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  fireEvent.blur(await screen.findByLabelText('navn.ledetekst (nb)'));
  await new Promise((r) => setTimeout(r, 20));
  expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
});

test('409 stale_parent: tells the user and reloads the table', async () => {
  const head = { commit: MAIN };
  const { fetchFn, calls } = api(head, () => {
    head.commit = NEXT; // someone else saved
    return problem(409, 'stale_parent', 'users/dev has moved since you read it; reload and apply your change again.', {
      branch: 'users/dev',
      current: NEXT,
    });
  });
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  const cell = await screen.findByLabelText('navn.ledetekst (nn)');
  fireEvent.change(cell, { target: { value: 'Namn' } });
  fireEvent.blur(cell);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('were changed elsewhere');
  await waitFor(() => expect((screen.getByLabelText('navn.ledetekst (nn)') as HTMLInputElement).value).toBe(''));
  expect(calls.filter((c) => c.query.get('path') === 'App/config/texts/')).toHaveLength(2);
  await waitFor(() => expect(document.activeElement?.contains(screen.getByRole('alert'))).toBe(true));
});

test('another failure is an error on the cell', async () => {
  const { fetchFn } = api({ commit: MAIN }, () => problem(403, 'forbidden', 'You may not edit ttd/flyt.'));
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  const cell = await screen.findByLabelText('navn.ledetekst (nn)');
  fireEvent.change(cell, { target: { value: 'Namn' } });
  fireEvent.blur(cell);
  await screen.findByText('You may not edit ttd/flyt.');
  expect(cell.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(cell.getAttribute('aria-describedby')!)?.textContent).toBe('You may not edit ttd/flyt.');
});

test('adds a language column and refuses a bad code', async () => {
  const { fetchFn } = api({ commit: MAIN }, () => saved(MINE, MAIN));
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  const code = await screen.findByLabelText('Language code');
  fireEvent.change(code, { target: { value: 'Sami' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add a language' }));
  expect(await screen.findByText('Use two or three lower-case letters, such as se.')).toBeTruthy();
  fireEvent.change(code, { target: { value: 'se' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add a language' }));
  expect(await screen.findByLabelText('navn.ledetekst (se)')).toBeTruthy();
});

test('a reader gets read-only fields', async () => {
  const { fetchFn } = api({ commit: MAIN }, () => saved(MINE, MAIN));
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit={false} />);
  expect((await screen.findByLabelText('navn.ledetekst (nb)')).hasAttribute('readonly')).toBe(true);
  expect(screen.queryByLabelText('Language code')).toBeNull();
});

test('renames a key with one POST on the read commit, then shows the renamed row', async () => {
  const head = { commit: MAIN };
  let files = { nb, en };
  const { fetchFn: base } = api(head, () => saved(MINE, MAIN));
  const { fetchFn: rename, calls } = mockApi({
    'POST /orgs/ttd/apps/flyt/rename/text': () => {
      head.commit = MINE;
      const re = (f: typeof nb) => ({ ...f, resources: f.resources.map((r) => (r.id === 'navn.ledetekst' ? { ...r, id: 'navn.tittel' } : r)) });
      files = { nb: re(nb), en: re(en) };
      return { body: saved(MINE, MAIN), etag: MINE };
    },
  });
  const fetchFn = async (input: string, init: RequestInit = {}) => {
    if (input.includes('/rename/')) return rename(input, init);
    if (input.includes('resource.nb.json')) return new Response(JSON.stringify(files.nb), { headers: { 'Content-Type': 'application/json', ETag: `"${head.commit}"` } });
    if (input.includes('resource.en.json')) return new Response(JSON.stringify(files.en), { headers: { 'Content-Type': 'application/json', ETag: `"${head.commit}"` } });
    return base(input, init);
  };
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  await screen.findByLabelText('navn.ledetekst (nb)');
  fireEvent.change(screen.getByLabelText('Key to rename'), { target: { value: 'navn.ledetekst' } });
  fireEvent.change(screen.getByLabelText('New key'), { target: { value: 'appName' } });
  fireEvent.click(screen.getByRole('button', { name: 'Rename key' }));
  expect(await screen.findByText('appName exists already.')).toBeTruthy();
  fireEvent.change(screen.getByLabelText('New key'), { target: { value: 'navn.tittel' } });
  fireEvent.click(screen.getByRole('button', { name: 'Rename key' }));
  await screen.findByText(`Renamed “navn.ledetekst” to “navn.tittel” in every language and page (commit ${MINE.slice(0, 8)}).`);
  expect(calls).toHaveLength(1);
  expect(calls[0].body).toEqual({ from: 'navn.ledetekst', to: 'navn.tittel' });
  expect(calls[0].headers['If-Match']).toBe(`"${MAIN}"`);
  expect(((await screen.findByLabelText('navn.tittel (nb)')) as HTMLInputElement).value).toBe('Navn');
  expect(screen.queryByLabelText('navn.ledetekst (nb)')).toBeNull();
});

test('renaming a key added in this browser commits nothing', async () => {
  const { fetchFn, calls } = api({ commit: MAIN }, () => saved(MINE, MAIN));
  renderWith(fetchFn, <TextsEditor org="ttd" app="flyt" canEdit />);
  fireEvent.change(await screen.findByLabelText('Text key'), { target: { value: 'ny.nokkel' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add a text key' }));
  await screen.findByLabelText('ny.nokkel (nb)');
  fireEvent.change(screen.getByLabelText('Key to rename'), { target: { value: 'ny.nokkel' } });
  fireEvent.change(screen.getByLabelText('New key'), { target: { value: 'ny.tittel' } });
  fireEvent.click(screen.getByRole('button', { name: 'Rename key' }));
  expect(await screen.findByLabelText('ny.tittel (nb)')).toBeTruthy();
  expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
});
