import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { Releases } from './Releases';
import type { Release } from '../api/types';
import { MAIN, MINE, mockApi, problem, ttd } from '../test/mockApi';
import { renderWith } from '../test/render';

afterEach(cleanup);

const v1: Release = {
  org: 'ttd', app: 'flyt', version: 'v1', commit: MAIN, ref: 'main', createdBy: 'dev',
  createdAt: '2026-11-20T10:00:00Z', sha256: 'f'.repeat(64), size: 4096, warnings: 1, infos: 0,
};
const envs = [
  { environment: 'test', runtimeVersion: 'v1', runtimeActive: ['v1'],
    last: { id: 1, org: 'ttd', app: 'flyt', environment: 'test', version: 'v1', action: 'deploy', status: 'succeeded', deployedBy: 'dev', deployedAt: '2026-11-20T10:01:00Z' } },
  { environment: 'production', runtimeVersion: '', runtimeActive: [], runtimeError: 'connection refused' },
];

test('lists releases and the status per environment', async () => {
  const { fetchFn } = mockApi({
    'GET /orgs/ttd/apps/flyt/releases': { body: { releases: [v1] } },
    'GET /orgs/ttd/apps/flyt/environments': { body: { environments: envs } },
  });
  renderWith(fetchFn, <Releases org="ttd" app="flyt" perms={ttd.permissions} username="dev" />);
  const table = await screen.findByRole('table');
  expect(within(table).getByText('v1')).toBeTruthy();
  const test = screen.getByRole('article', { name: 'test' });
  expect(within(test).getByText('v1', { selector: 'dd' })).toBeTruthy();
  expect(within(test).getByText(/deploy v1 by dev/)).toBeTruthy();
  const prod = screen.getByRole('article', { name: 'production' });
  expect(within(prod).getByText('unknown: connection refused')).toBeTruthy();
});

test('creates a release from my branch', async () => {
  const releases = [v1];
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps/flyt/releases': () => ({ body: { releases } }),
    'GET /orgs/ttd/apps/flyt/environments': { body: { environments: envs } },
    'POST /orgs/ttd/apps/flyt/releases': (c) => {
      const r = { ...v1, version: 'v2', ref: 'users/dev', commit: MINE };
      releases.unshift(r);
      expect(c.body).toEqual({ version: 'v2', ref: 'users/dev' });
      return { status: 201, body: r };
    },
  });
  renderWith(fetchFn, <Releases org="ttd" app="flyt" perms={ttd.permissions} username="dev" />);
  fireEvent.click(await screen.findByLabelText(/my branch users\/dev/));
  fireEvent.change(screen.getByLabelText('Version'), { target: { value: 'v2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create release' }));
  expect(await screen.findByText(`Released v2 from users/dev (${MINE.slice(0, 8)}).`)).toBeTruthy();
  await waitFor(() => expect(within(screen.getByRole('table')).getByText('v2')).toBeTruthy());
  expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
});

test('lint errors and a taken version are shown where they belong', async () => {
  let n = 0;
  const { fetchFn } = mockApi({
    'GET /orgs/ttd/apps/flyt/releases': { body: { releases: [v1] } },
    'GET /orgs/ttd/apps/flyt/environments': { body: { environments: envs } },
    'POST /orgs/ttd/apps/flyt/releases': () =>
      ++n === 1
        ? problem(422, 'lint_errors', 'The commit has 1 lint error; fix it first.', {
            errors: [{ field: 'App/ui/form/layouts/side1.json#/data/layout/0', code: 'binding_unknown', detail: 'finnesIkke is not in the data model.' }],
          })
        : problem(409, 'version_exists', 'v1 exists already.'),
  });
  renderWith(fetchFn, <Releases org="ttd" app="flyt" perms={ttd.permissions} username="dev" />);
  const version = await screen.findByLabelText('Version');
  fireEvent.change(version, { target: { value: 'v3' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create release' }));
  const list = await screen.findByRole('list', { name: 'Lint errors that stop the release' });
  expect(list.textContent).toContain('finnesIkke is not in the data model.');
  fireEvent.change(version, { target: { value: 'v1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create release' }));
  await screen.findByText('v1 exists already.');
  expect(version.getAttribute('aria-invalid')).toBe('true');
});

test('deploys a version to an environment', async () => {
  const { fetchFn, calls } = mockApi({
    'GET /orgs/ttd/apps/flyt/releases': { body: { releases: [v1] } },
    'GET /orgs/ttd/apps/flyt/environments': { body: { environments: envs } },
    'POST /orgs/ttd/apps/flyt/environments/production/deploys': { status: 201, body: { ...envs[0].last, environment: 'production', id: 2 } },
  });
  renderWith(fetchFn, <Releases org="ttd" app="flyt" perms={ttd.permissions} username="dev" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Deploy to production' }));
  await waitFor(() => expect(calls.filter((c) => c.path.endsWith('/environments'))).toHaveLength(2));
  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ version: 'v1' });
});

test('without Deploy-<env> there is no deploy button, and a failed deploy is shown', async () => {
  const { fetchFn } = mockApi({
    'GET /orgs/ttd/apps/flyt/releases': { body: { releases: [v1] } },
    'GET /orgs/ttd/apps/flyt/environments': { body: { environments: envs } },
    'POST /orgs/ttd/apps/flyt/environments/test/deploys': problem(502, 'deploy_failed', 'The runtime of test refused the bundle.'),
  });
  const perms = { ...ttd.permissions, deploy: ['test'] };
  renderWith(fetchFn, <Releases org="ttd" app="flyt" perms={perms} username="dev" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Deploy to test' }));
  expect(screen.queryByRole('button', { name: 'Deploy to production' })).toBeNull();
  expect(screen.getByText('Deploying here needs the team Deploy-production.')).toBeTruthy();
  expect((await screen.findByRole('alert')).textContent).toContain('deploy_failed');
});
