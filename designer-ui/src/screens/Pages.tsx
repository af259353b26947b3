// The page editor: the layout sets with their pages, the selected page's components
// and a properties form, and a preview frame. Edits stay in a local copy of each
// page until "Save page" PUTs the whole file (everything it does not edit kept as
// read) based on the commit last read or saved; a component's id is renamed
// everywhere by the studio as its own commit. A 409 stale_parent offers a reload.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { StaleParentError } from '../api/client';
import type { DataModel, LayoutSets, Lint } from '../api/types';
import { AppNav } from '../ui/AppNav';
import { ErrorAlert, Page, short, useClient } from '../ui/kit';
import { LintSummary } from '../ui/LintSummary';
import { SelectField } from '../ui/SelectField';
import { ComponentList } from './pages/ComponentList';
import { PageList } from './pages/PageList';
import { Preview } from './pages/Preview';
import { Properties } from './pages/Properties';
import {
  FLAGS,
  bindableFields,
  components,
  emptyPage,
  modelFor,
  move,
  newComponent,
  parseExpression,
  renameRefs,
  setProp,
  update,
  withComponents,
  type Component,
  type ComponentType,
  type Flag,
  type LayoutFile,
} from './pages/layout';

/** Expression texts are kept by "set/page", component id and property. */
const ek = (page: string, id: string, prop: string) => `${page}\n${id}\n${prop}`;

export function PagesScreen({ org, app, canEdit }: { org: string; app: string; canEdit: boolean }) {
  const client = useClient();
  const [listing, setListing] = useState<LayoutSets | null>(null);
  const [models, setModels] = useState<DataModel[]>([]);
  const [head, setHead] = useState('');
  const [setId, setSetId] = useState('');
  const [pageId, setPageId] = useState('');
  const [selected, setSelected] = useState('');
  const [drafts, setDrafts] = useState<Record<string, LayoutFile>>({});
  const [exprs, setExprs] = useState<Record<string, string>>({});
  const [exprErrors, setExprErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [result, setResult] = useState<{ text: string; lint?: Lint } | null>(null);
  const [busy, setBusy] = useState(false);
  const parent = useRef('');
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const renaming = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const [ls, dm] = await Promise.all([client.listLayouts(org, app), client.listDataModels(org, app)]);
    parent.current = ls.commit;
    setHead(ls.commit);
    setListing(ls);
    setModels(dm.models);
  }, [client, org, app]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  /**
   * run does one call to the studio after the previous one, and reports its failure.
   * It resolves to whether what succeeded.
   */
  function run(what: () => Promise<void>): Promise<boolean> {
    const next = queue.current.then(async () => {
      setBusy(true);
      setError(null);
      setStale(false);
      setResult(null);
      try {
        await what();
        return true;
      } catch (e) {
        if (e instanceof StaleParentError) setStale(true);
        else setError(e);
        alertRef.current?.focus();
        return false;
      } finally {
        setBusy(false);
      }
    });
    queue.current = next;
    return next;
  }
  function saved(commit: string) {
    parent.current = commit;
    setHead(commit);
  }

  const set = listing?.sets.find((s) => s.id === setId) ?? listing?.sets[0];
  const page = set?.pages.find((p) => p.id === pageId) ?? set?.pages[0];
  const key = set && page ? `${set.id}/${page.id}` : '';
  const layout: LayoutFile | null = (key && drafts[key]) || page?.layout || null;
  const list = components(layout);
  const comp = list.find((c) => c.id === selected);
  const model = modelFor(set, models);
  const dirty = (k: string) => k in drafts || Object.keys(exprs).some((e) => e.startsWith(k + '\n'));

  function edit(fn: (list: Component[]) => Component[]) {
    if (!layout) return;
    setDrafts((d) => ({ ...d, [key]: withComponents(layout, fn(list)) }));
  }
  function dropPage(k: string) {
    setDrafts(({ [k]: _, ...rest }) => rest);
    setExprs((x) => Object.fromEntries(Object.entries(x).filter(([e]) => !e.startsWith(k + '\n'))));
    setExprErrors({});
  }
  function setExpr(id: string, prop: Flag, text: string | undefined) {
    const e = ek(key, id, prop);
    setExprs(({ [e]: _, ...rest }) => (text === undefined ? rest : { ...rest, [e]: text }));
    setExprErrors(({ [e]: _, ...rest }) => rest);
  }

  function addComponent(type: ComponentType) {
    const taken = new Set<string>();
    for (const s of listing?.sets ?? []) for (const p of s.pages) components(p.layout).forEach((c) => taken.add(c.id));
    for (const d of Object.values(drafts)) components(d).forEach((c) => taken.add(c.id));
    const c = newComponent(type, taken);
    edit((l) => [...l, c]);
    setSelected(c.id);
  }

  function deleteComponent(id: string) {
    edit((l) => l.filter((c) => c.id !== id));
    setExprs((x) => Object.fromEntries(Object.entries(x).filter(([e]) => !e.startsWith(`${key}\n${id}\n`))));
    setSelected('');
  }

  async function rename(from: string, to: string): Promise<string | undefined> {
    if (!to) return 'Enter an id.';
    if (/\s/.test(to)) return 'An id has no spaces.';
    if (list.some((c) => c.id === to)) return `${to} is already used on this page.`;
    const k = key;
    const rekey = () =>
      setExprs((x) =>
        Object.fromEntries(Object.entries(x).map(([e, t]) => [e.startsWith(`${k}\n${from}\n`) ? ek(k, to, e.split('\n')[2]) : e, t])),
      );
    if (!components(page?.layout).some((c) => c.id === from)) {
      // Not saved yet, so nothing refers to it outside this page.
      setDrafts((d) => ({ ...d, [k]: renameRefs(d[k] ?? layout!, from, to) }));
      rekey();
      setSelected(to);
      setResult({ text: `Renamed ${from} to ${to}; save the page to keep it.` });
      return undefined;
    }
    // Leaving the field and pressing Rename both ask; the first one does it.
    if (renaming.current) return undefined;
    renaming.current = true;
    const ok = await run(async () => {
      try {
        const s = await client.renameComponent(org, app, from, to, parent.current);
        saved(s.commit);
        setDrafts((d) => Object.fromEntries(Object.entries(d).map(([pk, f]) => [pk, renameRefs(f, from, to)])));
        rekey();
        setSelected(to);
        setResult({ text: `Renamed ${from} to ${to} everywhere (commit ${short(s.commit)}).`, lint: s.lint });
        await load();
      } finally {
        renaming.current = false;
      }
    });
    return ok ? undefined : 'Not renamed; see the message above.';
  }

  function save() {
    if (!set || !page || !layout) return;
    let file = layout;
    const errs: Record<string, string> = {};
    for (const [e, text] of Object.entries(exprs)) {
      if (!e.startsWith(key + '\n')) continue;
      const [, id, prop] = e.split('\n');
      const r = parseExpression(text);
      if (r.error) errs[e] = r.error;
      else file = withComponents(file, update(components(file), id, (c) => setProp(c, prop, r.value)));
    }
    setExprErrors(errs);
    const bad = Object.keys(errs);
    if (bad.length) {
      const [, id, prop] = bad[0].split('\n');
      setSelected(id);
      setResult(null);
      setError(new Error(`Nothing was saved: the ${prop} expression of ${id} is not valid JSON. Correct it and save again.`));
      alertRef.current?.focus();
      return;
    }
    const k = key;
    const [s0, p0] = [set.id, page.id];
    void run(async () => {
      const s = await client.putLayout(org, app, s0, p0, file, parent.current);
      saved(s.commit);
      setListing((l) => l && {
        ...l,
        commit: s.commit,
        sets: l.sets.map((x) => (x.id !== s0 ? x : { ...x, pages: x.pages.map((p) => (p.id === p0 ? { ...p, layout: file, error: undefined } : p)) })),
      });
      dropPage(k);
      setResult({ text: s.unchanged ? `Saved ${p0}: nothing had changed.` : `Saved ${p0} (commit ${short(s.commit)}).`, lint: s.lint });
    });
  }

  async function addPage(name: string): Promise<boolean> {
    if (!set) return false;
    const s0 = set.id;
    return run(async () => {
      const s = await client.putLayout(org, app, s0, name, emptyPage(), parent.current);
      saved(s.commit);
      await load();
      setPageId(name);
      setSelected('');
      setResult({ text: `Added the page ${name} (commit ${short(s.commit)}).`, lint: s.lint });
    });
  }

  async function deletePage(name: string) {
    if (!set) return;
    const s0 = set.id;
    await run(async () => {
      const s = await client.deleteLayout(org, app, s0, name, parent.current);
      saved(s.commit);
      dropPage(`${s0}/${name}`);
      setPageId('');
      setSelected('');
      await load();
      setResult({ text: `Deleted the page ${name} (commit ${short(s.commit)}).`, lint: s.lint });
    });
  }

  async function renamePage(from: string, to: string): Promise<boolean> {
    if (!set) return false;
    const s0 = set.id;
    if (dirty(`${s0}/${from}`)) {
      setError(new Error(`Save or reload the page ${from} before renaming it: it has unsaved changes.`));
      alertRef.current?.focus();
      return false;
    }
    return run(async () => {
      const s = await client.renamePage(org, app, s0, from, to, parent.current);
      saved(s.commit);
      await load();
      setPageId(to);
      setResult({ text: `Renamed the page ${from} to ${to} (commit ${short(s.commit)}).`, lint: s.lint });
    });
  }

  function reload() {
    setDrafts({});
    setExprs({});
    setExprErrors({});
    setStale(false);
    setError(null);
    load().catch(setError);
  }

  const exprsOf = (id: string, from: Record<string, string>) =>
    Object.fromEntries(FLAGS.flatMap((f) => (ek(key, id, f.prop) in from ? [[f.prop, from[ek(key, id, f.prop)]]] : [])));

  return (
    <Page title="Pages">
      <AppNav org={org} app={app} current="pages" />
      <div ref={alertRef} tabIndex={-1} className="stack">
        <ErrorAlert error={error} />
        {stale && (
          <Alert data-color="warning" role="alert">
            <Paragraph>
              Your branch has changed since this page was loaded (another tab or a git push), so nothing was saved. Reload to
              get the latest version; your unsaved changes will be lost.
            </Paragraph>
            <Button data-size="sm" onClick={reload}>
              Reload
            </Button>
          </Alert>
        )}
        <div role="status">
          {result && (
            <>
              <Paragraph>{result.text}</Paragraph>
              {result.lint && <LintSummary lint={result.lint} />}
            </>
          )}
        </div>
      </div>
      {listing && listing.sets.length === 0 && <Paragraph>The app has no layout sets.</Paragraph>}
      {listing && set && (
        <div className="editor">
          <div className="stack">
            <SelectField
              label="Layout set"
              description={set.dataType ? `Data type ${set.dataType}${model ? `, model ${model.id}` : ', no model found'}.` : 'No data type.'}
              value={set.id}
              options={listing.sets.map((s) => s.id)}
              onChange={(v) => {
                setSetId(v);
                setPageId('');
                setSelected('');
              }}
            />
            <PageList
              set={set}
              selected={page?.id ?? ''}
              dirty={(p) => dirty(`${set.id}/${p}`)}
              canEdit={canEdit}
              busy={busy}
              onSelect={(p) => {
                setPageId(p);
                setSelected('');
              }}
              onAdd={addPage}
              onDelete={deletePage}
              onRename={renamePage}
            />
            {page && (
              <section aria-labelledby="comps-h" className="stack">
                <Heading level={2} data-size="sm" id="comps-h">
                  Components on {page.id}
                </Heading>
                {!layout ? (
                  <Paragraph>The page file cannot be read: {page.error ?? 'unknown error'}</Paragraph>
                ) : (
                  <>
                    <ComponentList list={list} selected={selected} canEdit={canEdit} onSelect={setSelected} onAdd={addComponent} />
                    {canEdit && comp && (
                      <Properties
                        key={`${key}/${comp.id}`}
                        component={comp}
                        fields={bindableFields(model)}
                        hasModel={!!model}
                        exprs={exprsOf(comp.id, exprs)}
                        exprErrors={exprsOf(comp.id, exprErrors)}
                        isFirst={list[0] === comp}
                        isLast={list[list.length - 1] === comp}
                        busy={busy}
                        onChange={(c) => edit((l) => update(l, comp.id, () => c))}
                        onExpr={(prop, text) => setExpr(comp.id, prop, text)}
                        onRename={(to) => rename(comp.id, to)}
                        onMove={(delta) => edit((l) => move(l, l.indexOf(comp), delta))}
                        onDelete={() => deleteComponent(comp.id)}
                      />
                    )}
                    {canEdit && (
                      <div className="row">
                        <Button onClick={save} disabled={busy}>
                          Save page
                        </Button>
                        {dirty(key) && <Paragraph data-size="sm">Unsaved changes</Paragraph>}
                      </div>
                    )}
                  </>
                )}
              </section>
            )}
          </div>
          {page && <Preview org={org} app={app} set={set.id} page={page.id} commit={head} dirty={dirty(key)} />}
        </div>
      )}
    </Page>
  );
}
