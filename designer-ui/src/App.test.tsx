import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { App } from './App';
import { Client } from './api/client';
import { mockApi, overview, problem, whoami } from './test/mockApi';
import { parseRoute } from './router';

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/studio/'));

test('parseRoute names the screens', () => {
  expect(parseRoute('/studio/')).toEqual({ name: 'dashboard' });
  expect(parseRoute('/studio')).toEqual({ name: 'dashboard' });
  expect(parseRoute('/studio/login')).toEqual({ name: 'login' });
  expect(parseRoute('/studio/apps/ttd/flyt')).toEqual({ name: 'overview', org: 'ttd', app: 'flyt' });
  expect(parseRoute('/studio/apps/ttd/flyt/texts')).toEqual({ name: 'texts', org: 'ttd', app: 'flyt' });
  expect(parseRoute('/studio/apps/ttd/flyt/releases')).toEqual({ name: 'releases', org: 'ttd', app: 'flyt' });
  expect(parseRoute('/studio/apps/ttd/flyt/datamodel')).toEqual({ name: 'datamodel', org: 'ttd', app: 'flyt' });
  expect(parseRoute('/studio/apps/ttd/flyt/pages')).toEqual({ name: 'pages', org: 'ttd', app: 'flyt' });
  expect(parseRoute('/studio/apps/ttd/flyt/nope')).toEqual({ name: 'notfound' });
  expect(parseRoute('/studio/apps/ttd')).toEqual({ name: 'notfound' });
});

test('anonymous: shows the login, then the dashboard with the heading focused', async () => {
  let loggedIn = false;
  const { fetchFn, calls } = mockApi({
    'GET /whoami': () => (loggedIn ? { body: whoami } : problem(401, 'login_required', 'Log in first.')),
    'POST /login': () => {
      loggedIn = true;
      return { body: whoami };
    },
    'GET /orgs/ttd/apps': { body: { apps: [{ org: 'ttd', app: 'flyt' }] } },
  });
  render(<App client={new Client(fetchFn)} />);
  const h1 = await screen.findByRole('heading', { level: 1, name: 'Log in to Blankett Studio' });
  // The heading takes focus in an effect, after it is on the screen: wait for it (a busy CI machine saw the check run first).
  await waitFor(() => expect(document.activeElement).toBe(h1));
  fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'dev' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'dev-password-1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
  const dash = await screen.findByRole('heading', { level: 1, name: 'Your apps' });
  await waitFor(() => expect(document.activeElement).toBe(dash));
  expect(await screen.findByRole('link', { name: 'flyt' })).toBeTruthy();
  expect(calls.find((c) => c.path === '/login')?.body).toEqual({ username: 'dev', password: 'dev-password-1' });
  expect(screen.getByText('dev')).toBeTruthy();
});

test('a wrong password is an error on the password field', async () => {
  const { fetchFn } = mockApi({
    'GET /whoami': problem(401, 'login_required', 'Log in first.'),
    'POST /login': problem(401, 'bad_credentials', 'Wrong user name or password.'),
  });
  render(<App client={new Client(fetchFn)} />);
  await screen.findByRole('heading', { level: 1 });
  fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'dev' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope-nope-nope' } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
  const pw = screen.getByLabelText('Password');
  await waitFor(() => expect(document.activeElement).toBe(pw));
  const describedBy = pw.getAttribute('aria-describedby') ?? '';
  const described = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  expect(described).toContain('The user name or password is wrong.');
});

test('empty fields are refused without a request', async () => {
  const { fetchFn, calls } = mockApi({ 'GET /whoami': problem(401, 'login_required', 'Log in first.') });
  render(<App client={new Client(fetchFn)} />);
  await screen.findByRole('heading', { level: 1 });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
  await screen.findByText('Enter your user name.');
  expect(calls.filter((c) => c.path === '/login')).toHaveLength(0);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('User name')));
});

test('the path picks the screen; an org the user is not in is not found', async () => {
  window.history.replaceState(null, '', '/studio/apps/ttd/flyt');
  const { fetchFn } = mockApi({
    'GET /whoami': { body: whoami },
    'GET /orgs/ttd/apps/flyt': { body: overview },
    'GET /orgs/ttd/apps/flyt/history': { body: { commits: [] } },
  });
  render(<App client={new Client(fetchFn)} />);
  expect(await screen.findByRole('heading', { level: 1, name: 'ttd/flyt' })).toBeTruthy();
  cleanup();
  window.history.replaceState(null, '', '/studio/apps/other/flyt');
  render(<App client={new Client(fetchFn)} />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
});

test('log out returns to the login', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /whoami': { body: whoami },
    'GET /orgs/ttd/apps': { body: { apps: [] } },
    'POST /logout': { status: 204 },
  });
  render(<App client={new Client(fetchFn)} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Log out' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Blankett Studio' })).toBeTruthy();
  expect(calls.some((c) => c.method === 'POST' && c.path === '/logout')).toBe(true);
  expect(window.location.pathname).toBe('/studio/login');
});

test('the app navigation links the data model and pages screens', async () => {
  window.history.replaceState(null, '', '/studio/apps/ttd/flyt/pages');
  const { fetchFn } = mockApi({
    'GET /whoami': { body: whoami },
    'GET /orgs/ttd/apps/flyt/layouts': { body: { commit: 'a'.repeat(40), sets: [] } },
    'GET /orgs/ttd/apps/flyt/datamodels': { body: { commit: 'a'.repeat(40), models: [] } },
  });
  render(<App client={new Client(fetchFn)} />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Pages' })).toBeTruthy();
  const nav = screen.getByRole('navigation', { name: 'App' });
  expect([...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
    ['Overview', '/studio/apps/ttd/flyt'],
    ['Texts', '/studio/apps/ttd/flyt/texts'],
    ['Data model', '/studio/apps/ttd/flyt/datamodel'],
    ['Releases and deploys', '/studio/apps/ttd/flyt/releases'],
  ]);
  fireEvent.click(screen.getByRole('link', { name: 'Data model' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Data model' })).toBeTruthy();
  expect(window.location.pathname).toBe('/studio/apps/ttd/flyt/datamodel');
  expect(screen.getByRole('link', { name: 'Pages' }).getAttribute('href')).toBe('/studio/apps/ttd/flyt/pages');
});
