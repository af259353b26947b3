import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, test } from 'vitest';
import { DataModelScreen } from './DataModel';
import type { DataModels } from '../api/types';
import { MAIN, MINE, NEXT, mockApi, problem, saved } from '../test/mockApi';
import { renderWith } from '../test/render';

afterEach(cleanup);

const XSD = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="Skjema"><xs:complexType><xs:sequence>
    <xs:element name="Navn" type="xs:string"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

const uploaded: DataModels = {
  commit: MINE,
  models: [
    {
      id: 'skjema',
      root: 'Skjema',
      dataType: 'skjema',
      hasXsd: true,
      fields: [
        { path: 'Innhold', type: 'object', required: true, repeating: false },
        { path: 'Innhold.Navn', type: 'string', required: true, repeating: false, title: 'Navn' },
        { path: 'Adresser', type: 'array', required: false, repeating: true },
        { path: 'Adresser.Gate', type: 'string', required: false, repeating: false },
      ],
    },
  ],
};

function api(upload: () => ReturnType<typeof problem> | { body: unknown }) {
  const state = { listing: { commit: MAIN, models: [] } as DataModels };
  const mock = mockApi({
    'GET /orgs/ttd/apps/flyt/datamodels': () => ({ body: state.listing, etag: state.listing.commit }),
    'POST /orgs/ttd/apps/flyt/datamodels/skjema/xsd': () => {
      const a = upload();
      if (!('status' in a)) state.listing = uploaded;
      return a;
    },
  });
  return { ...mock, state };
}

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('XSD file'), { target: { files: [file] } });
}

test('uploads an XSD on the listed commit as XML, then lists its fields', async () => {
  const { fetchFn, calls } = api(() => ({ body: saved(MINE, MAIN), etag: MINE }));
  renderWith(fetchFn, <DataModelScreen org="ttd" app="flyt" canEdit />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Data model' })).toBeTruthy();
  await screen.findByText('The app has no data model yet; upload an XSD to make one.');
  const name = screen.getByLabelText('Model name') as HTMLInputElement;
  expect(name.value).toBe('model');
  expect(screen.getByLabelText('XSD file').getAttribute('accept')).toBe('.xsd,application/xml');
  fireEvent.change(name, { target: { value: 'skjema' } });
  choose(new File([XSD], 'skjema.xsd', { type: 'application/xml' }));
  fireEvent.click(screen.getByRole('button', { name: 'Upload XSD' }));

  expect(await screen.findByText('Uploaded skjema')).toBeTruthy();
  expect(screen.getByText('Lint findings: 1 (0 errors, 1 warning).')).toBeTruthy();
  const post = calls.find((c) => c.method === 'POST')!;
  expect(post.headers['If-Match']).toBe(`"${MAIN}"`);
  expect(post.headers['Content-Type']).toBe('application/xml');
  expect(post.body).toBe(XSD);

  const fields = await screen.findByRole('table', { name: 'Fields of skjema, as binding paths' });
  const rows = within(fields).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  expect(rows).toEqual([
    ['Innhold', 'object', 'Yes', 'No'],
    ['Innhold.Navn Navn', 'string', 'Yes', 'No'],
    ['Adresser', 'array', 'No', 'Yes'],
    ['Adresser.Gate', 'string', 'No', 'No'],
  ]);
  const models = screen.getByRole('table', { name: 'Data models' });
  expect(within(models).getByText('XSD')).toBeTruthy();
  expect(within(models).getByRole('button', { name: 'skjema' }).getAttribute('aria-current')).toBe('true');
  expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
});

test('the next upload builds on the saved commit', async () => {
  const parents: string[] = [];
  const { fetchFn, calls, state } = api(() => {
    parents.push(calls[calls.length - 1].headers['If-Match']);
    return { body: saved(parents.length === 1 ? MINE : NEXT, MINE) };
  });
  renderWith(fetchFn, <DataModelScreen org="ttd" app="flyt" canEdit />);
  fireEvent.change(await screen.findByLabelText('Model name'), { target: { value: 'skjema' } });
  choose(new File([XSD], 'skjema.xsd'));
  fireEvent.click(screen.getByRole('button', { name: 'Upload XSD' }));
  await screen.findByText('Uploaded skjema');
  state.listing = { ...uploaded, commit: MINE };
  choose(new File([XSD], 'skjema.xsd'));
  fireEvent.click(screen.getByRole('button', { name: 'Upload XSD' }));
  await waitFor(() => expect(parents).toHaveLength(2));
  expect(parents).toEqual([`"${MAIN}"`, `"${MINE}"`]);
});

test('an invalid XSD is an error alert and nothing is reloaded', async () => {
  const { fetchFn, calls } = api(() => problem(400, 'invalid_xml', 'XML syntax error on line 2: unexpected EOF'));
  renderWith(fetchFn, <DataModelScreen org="ttd" app="flyt" canEdit />);
  fireEvent.change(await screen.findByLabelText('Model name'), { target: { value: 'skjema' } });
  choose(new File(['<xs:schema'], 'bad.xsd'));
  fireEvent.click(screen.getByRole('button', { name: 'Upload XSD' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('XML syntax error on line 2');
  expect(alert.textContent).toContain('invalid_xml');
  expect(screen.queryByText(/^Uploaded/)).toBeNull();
  expect(calls.filter((c) => c.method === 'GET')).toHaveLength(1);
});

test('409 stale_parent: the alert, and the listing is reloaded', async () => {
  const { fetchFn, calls } = api(() =>
    problem(409, 'stale_parent', 'users/dev has moved since you read it; reload and apply your change again.', { current: NEXT }),
  );
  renderWith(fetchFn, <DataModelScreen org="ttd" app="flyt" canEdit />);
  fireEvent.change(await screen.findByLabelText('Model name'), { target: { value: 'skjema' } });
  choose(new File([XSD], 'skjema.xsd'));
  fireEvent.click(screen.getByRole('button', { name: 'Upload XSD' }));
  expect((await screen.findByRole('alert')).textContent).toContain('users/dev has moved');
  await waitFor(() => expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2));
});

test('asks for a file before uploading', async () => {
  const { fetchFn, calls } = api(() => ({ body: saved(MINE, MAIN) }));
  renderWith(fetchFn, <DataModelScreen org="ttd" app="flyt" canEdit />);
  fireEvent.click(await screen.findByRole('button', { name: 'Upload XSD' }));
  expect(await screen.findByText('Choose an XSD file.')).toBeTruthy();
  expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
});

test('a reader sees the models but no upload form', async () => {
  const { fetchFn, state } = api(() => ({ body: saved(MINE, MAIN) }));
  state.listing = uploaded;
  renderWith(fetchFn, <DataModelScreen org="ttd" app="flyt" canEdit={false} />);
  expect(await screen.findByRole('heading', { level: 2, name: 'Fields of skjema' })).toBeTruthy();
  expect(screen.queryByLabelText('XSD file')).toBeNull();
});

test('accessibility: labelled controls and headings in order', async () => {
  const { fetchFn, state } = api(() => ({ body: saved(MINE, MAIN) }));
  state.listing = uploaded;
  renderWith(fetchFn, <DataModelScreen org="ttd" app="flyt" canEdit />);
  await screen.findByRole('heading', { level: 2, name: 'Fields of skjema' });
  const r = await axe.run(document.body, { runOnly: ['label', 'button-name', 'heading-order', 'aria-valid-attr-value', 'empty-table-header'] });
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  expect(r.passes.map((p) => p.id)).toContain('label');
  expect(screen.getAllByRole('heading').map((h) => h.tagName)).toEqual(['H1', 'H2', 'H2', 'H2']);
});
