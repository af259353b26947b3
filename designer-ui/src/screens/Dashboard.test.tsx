import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Dashboard } from './Dashboard';
import { MAIN, mockApi, problem, ttd } from '../test/mockApi';
import { renderWith } from '../test/render';

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/studio/'));

const apps = [
  { org: 'ttd', app: 'flyt' },
  { org: 'ttd', app: 'skjema' },
];

test('lists the apps of each org and searches them', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps': (c) => ({ body: { apps: apps.filter((a) => a.app.includes(c.query.get('q') ?? '')) } }),
  });
  renderWith(fetchFn, <Dashboard orgs={[ttd]} />);
  const list = await screen.findByRole('list', { name: 'Apps of ttd' });
  expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['flyt', 'skjema']);
  expect(within(list).getByRole('link', { name: 'flyt' }).getAttribute('href')).toBe('/studio/apps/ttd/flyt');
  fireEvent.change(screen.getByLabelText('Search the apps of ttd'), { target: { value: 'sk' } });
  await waitFor(() => expect(within(screen.getByRole('list', { name: 'Apps of ttd' })).getAllByRole('link')).toHaveLength(1));
  expect(calls.at(-1)?.query.get('q')).toBe('sk');
  fireEvent.change(screen.getByLabelText('Search the apps of ttd'), { target: { value: 'zz' } });
  expect(await screen.findByText('No app name contains “zz”.')).toBeTruthy();
});

test('creates an app and opens it', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps': { body: { apps: [] } },
    'POST /orgs/ttd/apps': { status: 201, body: { org: 'ttd', app: 'ny-app', commit: MAIN } },
  });
  renderWith(fetchFn, <Dashboard orgs={[ttd]} />);
  await screen.findByText('No apps yet.');
  fireEvent.change(screen.getByLabelText('App name'), { target: { value: 'ny-app' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create app' }));
  await waitFor(() => expect(window.location.pathname).toBe('/studio/apps/ttd/ny-app'));
  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'ny-app' });
});

test('a taken or bad name is an error on the name field', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps': { body: { apps } },
    'POST /orgs/ttd/apps': problem(409, 'already_exists', 'gitrepo: ttd/flyt: already exists'),
  });
  renderWith(fetchFn, <Dashboard orgs={[ttd]} />);
  await screen.findByRole('list', { name: 'Apps of ttd' });
  const name = screen.getByLabelText('App name');
  fireEvent.change(name, { target: { value: 'Flyt' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create app' }));
  await screen.findByText('Use lower-case letters, digits and “-”, starting with a letter.');
  expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  fireEvent.change(name, { target: { value: 'flyt' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create app' }));
  await screen.findByText('gitrepo: ttd/flyt: already exists');
  expect(name.getAttribute('aria-invalid')).toBe('true');
  expect(window.location.pathname).toBe('/studio/');
});

test('copies an app into another org', async () => {
  const digdir = { ...ttd, name: 'digdir', fullName: 'Digitaliseringsdirektoratet' };
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps': { body: { apps: [apps[0]] } },
    'GET /orgs/digdir/apps': { body: { apps: [] } },
    'POST /orgs/ttd/apps/flyt/copy': { status: 201, body: { org: 'digdir', app: 'flyt2', commit: MAIN } },
  });
  renderWith(fetchFn, <Dashboard orgs={[ttd, digdir]} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Copy flyt' }));
  const form = screen.getByRole('form', { name: 'Copy flyt' });
  fireEvent.change(within(form).getByLabelText('Name of the copy'), { target: { value: 'flyt2' } });
  fireEvent.change(within(form).getByLabelText('Into org'), { target: { value: 'digdir' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Copy' }));
  await waitFor(() => expect(window.location.pathname).toBe('/studio/apps/digdir/flyt2'));
  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'flyt2', toOrg: 'digdir' });
});

test('no orgs: says how to get access', () => {
  const { fetchFn } = mockApi({});
  renderWith(fetchFn, <Dashboard orgs={[]} />);
  expect(screen.getByText(/You are in no org's team yet/)).toBeTruthy();
});
