import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, test } from 'vitest';
import { PagesScreen } from './Pages';
import type { DataModels, LayoutSets } from '../api/types';
import { MAIN, MINE, NEXT, mockApi, problem, saved, type Answer, type Call } from '../test/mockApi';
import { renderWith } from '../test/render';

afterEach(cleanup);

const SCHEMA = 'https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layout.schema.v1.json';

const navn = {
  id: 'navn',
  type: 'Input',
  textResourceBindings: { title: 'navn.ledetekst' },
  dataModelBindings: { simpleBinding: 'Innhold.Navn' },
  required: true,
  maxLength: 100, // not edited by the designer, kept as is
};
const intro = { id: 'intro', type: 'Paragraph', textResourceBindings: { title: 'intro' } };

function layouts(commit: string): LayoutSets {
  return {
    commit,
    sets: [
      {
        id: 'form',
        dataType: 'skjema',
        tasks: ['Task_1'],
        pages: [
          { id: 'side1', layout: { $schema: SCHEMA, data: { layout: [intro, navn], hidden: false }, x: 'kept' } },
          { id: 'side2', layout: { $schema: SCHEMA, data: { layout: [] } } },
        ],
      },
      { id: 'kvittering', tasks: ['Task_2'], pages: [{ id: 'ferdig', layout: null, error: 'unexpected end of JSON input' }] },
    ],
  };
}

const models: DataModels = {
  commit: MAIN,
  models: [
    {
      id: 'skjema',
      root: 'Skjema',
      dataType: 'skjema',
      hasXsd: true,
      fields: [
        { path: 'Innhold', type: 'object', required: true, repeating: false },
        { path: 'Innhold.Navn', type: 'string', required: true, repeating: false },
        { path: 'Innhold.Alder', type: 'integer', required: false, repeating: false },
        { path: 'Adresser', type: 'array', required: false, repeating: true },
        { path: 'Adresser.Gate', type: 'string', required: false, repeating: false },
      ],
    },
  ],
};

/** api is a studio whose head moves on every save; extra routes override. */
function api(extra: Record<string, (c: Call) => Answer> = {}) {
  const state = { head: MAIN, listing: layouts(MAIN) };
  const save = (c: Call): Answer => {
    const parent = c.headers['If-Match'];
    const commit = state.head === MAIN ? MINE : NEXT;
    state.head = commit;
    state.listing = { ...state.listing, commit };
    return { body: saved(commit, parent.replace(/"/g, '')), etag: commit };
  };
  const mock = mockApi({
    'GET /orgs/ttd/apps/flyt/layouts': () => ({ body: state.listing, etag: state.head }),
    'GET /orgs/ttd/apps/flyt/datamodels': () => ({ body: { ...models, commit: state.head } }),
    'PUT /orgs/ttd/apps/flyt/layouts/form/side1': save,
    'PUT /orgs/ttd/apps/flyt/layouts/form/side3': (c) => {
      const s = state.listing.sets[0];
      state.listing = { ...state.listing, sets: [{ ...s, pages: [...s.pages, { id: 'side3', layout: c.body as Record<string, unknown> }] }, state.listing.sets[1]] };
      return save(c);
    },
    'DELETE /orgs/ttd/apps/flyt/layouts/form/side2': (c) => {
      const s = state.listing.sets[0];
      state.listing = { ...state.listing, sets: [{ ...s, pages: s.pages.filter((p) => p.id !== 'side2') }, state.listing.sets[1]] };
      return save(c);
    },
    'POST /orgs/ttd/apps/flyt/rename/component': (c) => {
      const { from, to } = c.body as { from: string; to: string };
      state.listing = JSON.parse(JSON.stringify(state.listing).replaceAll(`"${from}"`, `"${to}"`));
      return save(c);
    },
    ...extra,
  });
  return { ...mock, state };
}

const puts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');
const frame = () => screen.getByTitle('Preview') as HTMLIFrameElement;
const select = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const pick = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

async function open(fetchFn: ReturnType<typeof api>['fetchFn'], canEdit = true) {
  renderWith(fetchFn, <PagesScreen org="ttd" app="flyt" canEdit={canEdit} />);
  await screen.findByRole('heading', { level: 2, name: 'Components on side1' });
}

test('picks the first set and page, lists the components, previews the page', async () => {
  const { fetchFn } = api();
  await open(fetchFn);
  expect(screen.getByRole('heading', { level: 1, name: 'Pages' })).toBeTruthy();
  expect((screen.getByLabelText('Layout set') as HTMLSelectElement).value).toBe('form');
  expect(screen.getByRole('button', { name: 'side1' }).getAttribute('aria-current')).toBe('true');
  expect(screen.getByRole('button', { name: 'side2' }).hasAttribute('aria-current')).toBe(false);
  const comps = within(screen.getByRole('list', { name: 'Components' })).getAllByRole('button');
  expect(comps.map((b) => b.textContent)).toEqual(['intro (Paragraph)', 'navn (Input)']);
  expect(frame().getAttribute('src')).toBe(`/studio/api/v1/orgs/ttd/apps/flyt/preview/form/side1?lang=nb&v=${MAIN}`);
  select('Preview language', 'nn');
  expect(frame().getAttribute('src')).toBe(`/studio/api/v1/orgs/ttd/apps/flyt/preview/form/side1?lang=nn&v=${MAIN}`);
  pick('side2');
  expect(frame().getAttribute('src')).toContain('/preview/form/side2?lang=nn&');
  select('Layout set', 'kvittering');
  expect(await screen.findByText('The page file cannot be read: unexpected end of JSON input')).toBeTruthy();
});

test('adds a page as an empty layout on the read commit and selects it', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  type('New page name', 'side3');
  pick('Add page');
  await waitFor(() => expect(screen.getByRole('button', { name: 'side3' }).getAttribute('aria-current')).toBe('true'));
  expect(puts(calls)).toHaveLength(1);
  expect(puts(calls)[0].path).toBe('/orgs/ttd/apps/flyt/layouts/form/side3');
  expect(puts(calls)[0].headers['If-Match']).toBe(`"${MAIN}"`);
  expect(puts(calls)[0].body).toEqual({ $schema: SCHEMA, data: { layout: [] } });
  expect(screen.getByText(`Added the page side3 (commit ${MINE.slice(0, 8)}).`)).toBeTruthy();
  expect(frame().getAttribute('src')).toBe(`/studio/api/v1/orgs/ttd/apps/flyt/preview/form/side3?lang=nb&v=${MINE}`);
});

test('refuses a page name that is taken', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  type('New page name', 'side2');
  pick('Add page');
  expect(await screen.findByText('form has a page side2 already.')).toBeTruthy();
  expect(puts(calls)).toHaveLength(0);
});

test('deletes a page after confirming', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  pick('side2');
  pick('Delete page');
  expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
  pick('Yes, delete side2');
  await screen.findByText(`Deleted the page side2 (commit ${MINE.slice(0, 8)}).`);
  const del = calls.find((c) => c.method === 'DELETE')!;
  expect(del.path).toBe('/orgs/ttd/apps/flyt/layouts/form/side2');
  expect(del.headers['If-Match']).toBe(`"${MAIN}"`);
  expect(screen.queryByRole('button', { name: 'side2' })).toBeNull();
});

test('renames a page with one POST and keeps it selected; a page with unsaved edits is not renamed', async () => {
  const { fetchFn, calls } = api({
    'POST /orgs/ttd/apps/flyt/rename/page': (c) => {
      const b = c.body as { set: string; from: string; to: string };
      expect(b).toEqual({ set: 'form', from: 'side2', to: 'oppsummering' });
      expect(c.headers['If-Match']).toBe(`"${MAIN}"`);
      return { body: saved(MINE, MAIN), etag: MINE };
    },
  });
  await open(fetchFn);
  pick('side2');
  type('Rename page to', 'side1');
  pick('Rename page');
  expect(await screen.findByText('form has a page side1 already.')).toBeTruthy();
  type('Rename page to', 'oppsummering');
  pick('Rename page');
  await screen.findByText(`Renamed the page side2 to oppsummering (commit ${MINE.slice(0, 8)}).`);
  expect(calls.filter((c) => c.path.endsWith('/rename/page'))).toHaveLength(1);

  pick('side1');
  pick('intro (Paragraph)');
  type('Title text key', 'ny.tittel');
  type('Rename page to', 'start');
  pick('Rename page');
  expect((await screen.findByRole('alert')).textContent).toContain('Save or reload the page side1 before renaming it');
  expect(calls.filter((c) => c.path.endsWith('/rename/page'))).toHaveLength(1);
});

test('adds an Input, binds it and titles it; Save page sends the whole page and reloads the preview', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  select('Preview language', 'en');
  select('Component type', 'Input');
  pick('Add component');
  expect(await screen.findByRole('heading', { name: 'Properties of input-1 (Input)' })).toBeTruthy();
  const options = within(screen.getByLabelText('Data model field')).getAllByRole('option').map((o) => o.getAttribute('value'));
  expect(options).toEqual(['', 'Innhold.Navn', 'Innhold.Alder']);
  select('Data model field', 'Innhold.Alder');
  type('Title text key', 'alder.ledetekst');
  select('Is required', 'Yes');
  pick('Move up');
  select('Component type', 'Header');
  pick('Add component');
  await screen.findByRole('heading', { name: 'Properties of header-1 (Header)' });
  expect(screen.queryByLabelText('Data model field')).toBeNull();
  expect(screen.getByText('Unsaved changes')).toBeTruthy();
  expect(puts(calls)).toHaveLength(0);

  pick('Save page');
  expect(await screen.findByText(`Saved side1 (commit ${MINE.slice(0, 8)}).`)).toBeTruthy();
  expect(screen.getByText('Lint findings: 1 (0 errors, 1 warning).')).toBeTruthy();
  const put = puts(calls)[0];
  expect(put.path).toBe('/orgs/ttd/apps/flyt/layouts/form/side1');
  expect(put.headers['If-Match']).toBe(`"${MAIN}"`);
  expect(put.body).toEqual({
    $schema: SCHEMA,
    data: {
      layout: [
        intro,
        {
          id: 'input-1',
          type: 'Input',
          textResourceBindings: { title: 'alder.ledetekst' },
          dataModelBindings: { simpleBinding: 'Innhold.Alder' },
          required: true,
        },
        navn,
        { id: 'header-1', type: 'Header', textResourceBindings: { title: '' }, size: 'L' },
      ],
      hidden: false,
    },
    x: 'kept',
  });
  expect(frame().getAttribute('src')).toBe(`/studio/api/v1/orgs/ttd/apps/flyt/preview/form/side1?lang=en&v=${MINE}`);
  expect(screen.queryByText('Unsaved changes')).toBeNull();

  // The next save builds on the commit the first made.
  type('Title text key', 'overskrift');
  pick('Save page');
  await screen.findByText(`Saved side1 (commit ${NEXT.slice(0, 8)}).`);
  expect(puts(calls)[1].headers['If-Match']).toBe(`"${MINE}"`);
  expect(frame().getAttribute('src')).toContain(`&v=${NEXT}`);
});

test('a new component id does not clash with one on another page', async () => {
  const { fetchFn, state } = api();
  state.listing.sets[0].pages[1].layout = { data: { layout: [{ id: 'input-1', type: 'Input' }] } };
  await open(fetchFn);
  pick('Add component');
  expect(await screen.findByRole('heading', { name: 'Properties of input-2 (Input)' })).toBeTruthy();
});

test('changing "Component id" renames the component everywhere, not a page save', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  pick('navn (Input)');
  const id = screen.getByLabelText('Component id');
  fireEvent.change(id, { target: { value: 'fornavn' } });
  fireEvent.blur(id);
  expect(await screen.findByText(`Renamed navn to fornavn everywhere (commit ${MINE.slice(0, 8)}).`)).toBeTruthy();
  const post = calls.filter((c) => c.method === 'POST');
  expect(post).toHaveLength(1);
  expect(post[0].path).toBe('/orgs/ttd/apps/flyt/rename/component');
  expect(post[0].body).toEqual({ from: 'navn', to: 'fornavn' });
  expect(post[0].headers['If-Match']).toBe(`"${MAIN}"`);
  expect(puts(calls)).toHaveLength(0);
  expect(await screen.findByRole('heading', { name: 'Properties of fornavn (Input)' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'fornavn (Input)' }).getAttribute('aria-current')).toBe('true');
  expect(frame().getAttribute('src')).toContain(`&v=${MINE}`);
});

test('the Rename button renames too; an unsaved component is renamed locally', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  pick('Add component');
  await screen.findByRole('heading', { name: 'Properties of input-1 (Input)' });
  type('Component id', 'alder');
  pick('Rename');
  expect(await screen.findByRole('heading', { name: 'Properties of alder (Input)' })).toBeTruthy();
  expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  pick('intro (Paragraph)');
  type('Component id', 'innledning');
  fireEvent.blur(screen.getByLabelText('Component id')); // as a click on Rename does first
  pick('Rename');
  await screen.findByText(/^Renamed intro to innledning everywhere/);
  expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ from: 'intro', to: 'innledning' }]);
  // The unsaved component survives the reload after the rename.
  expect(screen.getByRole('button', { name: 'alder (Input)' })).toBeTruthy();
});

test('an expression that is not JSON is an inline error and nothing is saved', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  pick('navn (Input)');
  select('Is hidden', 'Expression');
  const expr = screen.getByLabelText('Hidden expression (JSON)');
  fireEvent.change(expr, { target: { value: '["equals", ["component", "intro"], ' } });
  pick('Save page');
  expect((await screen.findByRole('alert')).textContent).toContain('Nothing was saved: the hidden expression of navn is not valid JSON.');
  const described = (expr.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((i) => document.getElementById(i)?.textContent ?? '')
    .join(' ');
  expect(described).toContain('Not valid JSON');
  expect(expr.getAttribute('aria-invalid')).toBe('true');
  expect(puts(calls)).toHaveLength(0);

  fireEvent.change(screen.getByLabelText('Hidden expression (JSON)'), { target: { value: '["equals", ["component", "intro"], "x"]' } });
  select('Is required', 'No');
  pick('Save page');
  await screen.findByText(`Saved side1 (commit ${MINE.slice(0, 8)}).`);
  const { required: _, ...rest } = navn;
  expect((puts(calls)[0].body as { data: { layout: unknown[] } }).data.layout).toEqual([
    intro,
    { ...rest, hidden: ['equals', ['component', 'intro'], 'x'] },
  ]);
  // Read back, the expression shows as such.
  expect((screen.getByLabelText('Is hidden') as HTMLSelectElement).value).toBe('Expression');
  expect((screen.getByLabelText('Hidden expression (JSON)') as HTMLTextAreaElement).value).toBe('["equals",["component","intro"],"x"]');
});

test('move and delete components', async () => {
  const { fetchFn, calls } = api();
  await open(fetchFn);
  pick('intro (Paragraph)');
  expect((screen.getByRole('button', { name: 'Move up' }) as HTMLButtonElement).disabled).toBe(true);
  pick('Move down');
  pick('navn (Input)');
  pick('Delete component');
  expect(screen.queryByRole('button', { name: 'navn (Input)' })).toBeNull();
  pick('Save page');
  await screen.findByText(/^Saved side1/);
  expect((puts(calls)[0].body as { data: { layout: unknown[] } }).data.layout).toEqual([intro]);
});

test('409 stale_parent: keeps the edit, offers Reload, which reloads', async () => {
  const { fetchFn, calls } = api({
    'PUT /orgs/ttd/apps/flyt/layouts/form/side1': () =>
      problem(409, 'stale_parent', 'users/dev has moved since you read it; reload and apply your change again.', { current: NEXT }),
  });
  await open(fetchFn);
  pick('intro (Paragraph)');
  type('Title text key', 'innledning');
  pick('Save page');
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('nothing was saved');
  expect((screen.getByLabelText('Title text key') as HTMLInputElement).value).toBe('innledning');
  fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
  await waitFor(() => expect(calls.filter((c) => c.path.endsWith('/layouts'))).toHaveLength(2));
  await waitFor(() => expect(screen.queryByText('Unsaved changes')).toBeNull());
});

test('a reader gets the pages and the preview but no editing', async () => {
  const { fetchFn } = api();
  await open(fetchFn, false);
  expect(screen.queryByRole('button', { name: 'Add page' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Save page' })).toBeNull();
  expect(frame()).toBeTruthy();
});

test('accessibility: labelled controls and headings in order', async () => {
  const { fetchFn } = api();
  await open(fetchFn);
  pick('navn (Input)');
  select('Is hidden', 'Expression');
  const r = await axe.run(document.body, {
    iframes: false,
    runOnly: ['label', 'select-name', 'button-name', 'frame-title', 'heading-order', 'aria-valid-attr-value', 'duplicate-id-aria', 'list', 'listitem'],
  });
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  expect(r.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['label', 'select-name', 'frame-title']));
  for (const el of document.querySelectorAll('input, select, textarea')) {
    expect((el as HTMLInputElement).labels?.length ?? 0, el.outerHTML).toBeGreaterThan(0);
  }
  const levels = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
  levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]).toBeLessThanOrEqual(1));
  expect(levels[0]).toBe(1);
});

test('an invalid page is an alert listing the components at fault', async () => {
  const { fetchFn } = api({
    'PUT /orgs/ttd/apps/flyt/layouts/form/side1': () =>
      problem(400, 'invalid_layout', 'The page does not pass the component model.', {
        errors: [{ field: '/data/layout/1/dataModelBindings/simpleBinding', code: 'required', detail: 'An Input needs a binding.' }],
      }),
  });
  await open(fetchFn);
  pick('Add component');
  pick('Save page');
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('The page does not pass the component model. (invalid_layout)');
  expect(alert.textContent).toContain('/data/layout/1/dataModelBindings/simpleBinding An Input needs a binding.');
  expect(screen.getByText('Unsaved changes')).toBeTruthy();
});
