// The text editor: keys × languages. Every edited cell is saved when it loses focus
// (or on Enter) as one PATCH of resource.<lang>.json based on the commit the table
// was read at; a 409 stale_parent means someone else saved in between, so the user
// is told and the table reloaded rather than overwriting their change.
import { Button, Heading, Input, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { StaleParentError } from '../api/client';
import { AppNav } from '../ui/AppNav';
import { RenameKey } from './texts/RenameKey';
import { ErrorAlert, Page, message, short, useClient } from '../ui/kit';

/** The languages every app is offered, before any it has itself. */
export const BASE_LANGS = ['nb', 'nn', 'en'];
const fileRE = /(?:^|\/)resource\.([a-z]{2,3})\.json$/;
const langRE = /^[a-z]{2,3}$/;

type Texts = Record<string, Record<string, string>>; // lang → key → value

export function TextsEditor({ org, app, canEdit }: { org: string; app: string; canEdit: boolean }) {
  const client = useClient();
  const [langs, setLangs] = useState<string[]>(BASE_LANGS);
  const [keys, setKeys] = useState<string[]>([]);
  const [stored, setStored] = useState<Texts>({});
  const [drafts, setDrafts] = useState<Texts>({});
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const parent = useRef('');
  const queue = useRef<Promise<void>>(Promise.resolve());
  const alertRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const dir = await client.folder(org, app, 'App/config/texts/');
    const found = dir.entries.map((e) => fileRE.exec(e.path)?.[1]).filter((l): l is string => !!l);
    const files = await Promise.all(found.map((l) => client.textFile(org, app, l, dir.commit)));
    const t: Texts = {};
    const ks: string[] = [];
    files.forEach((f, i) => {
      const lang = found[i];
      t[lang] = {};
      for (const r of f.resources ?? []) {
        t[lang][r.id] = r.value;
        if (!ks.includes(r.id)) ks.push(r.id);
      }
    });
    parent.current = dir.commit;
    setStored(t);
    setDrafts(structuredClone(t));
    setKeys(ks);
    setLangs((prev) => [...new Set([...BASE_LANGS, ...found, ...prev])]);
    setCellErrors({});
    setLoaded(true);
  }, [client, org, app]);

  useEffect(() => {
    load().catch(setError);
  }, [load]);

  function save(lang: string, key: string) {
    const value = drafts[lang]?.[key] ?? '';
    if (value === (stored[lang]?.[key] ?? '')) return;
    const cell = `${lang}:${key}`;
    // Saves run one after another, each based on the commit the previous one made.
    queue.current = queue.current.then(async () => {
      try {
        const s = await client.patchTexts(org, app, lang, parent.current, { set: { [key]: value } });
        parent.current = s.commit;
        setStored((t) => ({ ...t, [lang]: { ...t[lang], [key]: value } }));
        setCellErrors(({ [cell]: _, ...rest }) => rest);
        setStatus(`Saved “${key}” in ${lang} (commit ${short(s.commit)}).`);
        setError(null);
      } catch (e) {
        if (e instanceof StaleParentError) {
          setError(
            new Error(
              `The texts were changed elsewhere since you opened them, so “${key}” in ${lang} was not saved. ` +
                `The table has been reloaded; enter your change again.`,
            ),
          );
          await load().catch(setError);
          alertRef.current?.focus();
        } else {
          setCellErrors((c) => ({ ...c, [cell]: message(e) }));
        }
      }
    });
  }

  async function rename(from: string, to: string) {
    if (!Object.values(stored).some((t) => from in t)) {
      // Only in this browser so far: nothing to commit.
      setKeys((ks) => ks.map((k) => (k === from ? to : k)));
      setDrafts((d) => Object.fromEntries(Object.entries(d).map(([l, t]) => [l, renameKey(t, from, to)])));
      setStatus(`Renamed the new key ${from} to ${to}.`);
      return;
    }
    setRenaming(true);
    // After any cell saves still under way, on the commit they made.
    queue.current = queue.current.then(async () => {
      try {
        const s = await client.renameText(org, app, from, to, parent.current);
        await load();
        setStatus(`Renamed “${from}” to “${to}” in every language and page (commit ${short(s.commit)}).`);
        setError(null);
      } catch (e) {
        setError(
          e instanceof StaleParentError
            ? new Error(`The texts were changed elsewhere since you opened them, so “${from}” was not renamed. The table has been reloaded; try again.`)
            : e,
        );
        if (e instanceof StaleParentError) await load().catch(setError);
        alertRef.current?.focus();
      } finally {
        setRenaming(false);
      }
    });
    await queue.current;
  }

  return (
    <Page title={`Texts of ${org}/${app}`}>
      <AppNav org={org} app={app} current="texts" />
      <div ref={alertRef} tabIndex={-1}>
        <ErrorAlert error={error} />
      </div>
      <div role="status" className="status">
        {status && <Paragraph>{status}</Paragraph>}
      </div>
      {!canEdit && <Paragraph>You may read these texts; editing needs the Devs or Owners team.</Paragraph>}
      {loaded && (
        <>
          <Paragraph>Each change is saved as a commit on your working branch when you leave the field.</Paragraph>
          <div className="table-scroll">
            <table className="ds-table texts" data-border="true">
              <caption className="sr-only">Text keys by language</caption>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  {langs.map((l) => (
                    <th scope="col" key={l} lang={l}>
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k}>
                    <th scope="row">
                      <code>{k}</code>
                    </th>
                    {langs.map((l) => {
                      const cell = `${l}:${k}`;
                      const errId = `err-${l}-${k}`.replace(/[^A-Za-z0-9_-]/g, '_');
                      return (
                        <td key={l}>
                          <Input
                            aria-label={`${k} (${l})`}
                            lang={l}
                            value={drafts[l]?.[k] ?? ''}
                            readOnly={!canEdit}
                            aria-invalid={cellErrors[cell] ? true : undefined}
                            aria-describedby={cellErrors[cell] ? errId : undefined}
                            onChange={(e) => {
                              const v = e.target.value;
                              setDrafts((d) => ({ ...d, [l]: { ...d[l], [k]: v } }));
                            }}
                            onBlur={() => canEdit && save(l, k)}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                            }}
                          />
                          {cellErrors[cell] && <ValidationMessage id={errId}>{cellErrors[cell]}</ValidationMessage>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canEdit && (
            <div className="row">
              <AddForm
                label="Add a language"
                field="Language code"
                description="Two or three letters, such as se. Its file is created with the first text you enter."
                check={(v) => (langRE.test(v) ? (langs.includes(v) ? `${v} is already a column.` : undefined) : 'Use two or three lower-case letters, such as se.')}
                onAdd={(v) => {
                  setLangs((ls) => [...ls, v]);
                  setStatus(`Added the language ${v}; enter its texts in the new column.`);
                }}
              />
              {keys.length > 0 && <RenameKey keys={keys} busy={renaming} onRename={rename} />}
              <AddForm
                label="Add a text key"
                field="Text key"
                description="Saved with the first value you enter for it."
                check={(v) => (!v ? 'Enter a key.' : keys.includes(v) ? `${v} exists already.` : undefined)}
                onAdd={(v) => {
                  setKeys((ks) => [...ks, v]);
                  setStatus(`Added the key ${v}; enter its texts in its row.`);
                }}
              />
            </div>
          )}
        </>
      )}
    </Page>
  );
}

function AddForm(props: {
  label: string;
  field: string;
  description: string;
  check: (v: string) => string | undefined;
  onAdd: (v: string) => void;
}) {
  const [v, setV] = useState('');
  const [err, setErr] = useState<string>();
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = v.trim();
    const msg = props.check(value);
    setErr(msg);
    if (msg) return;
    props.onAdd(value);
    setV('');
  }
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label={props.label}>
      <Heading level={2} data-size="xs">
        {props.label}
      </Heading>
      <Textfield label={props.field} description={props.description} value={v} onChange={(e) => setV(e.target.value)} error={err} />
      <div>
        <Button type="submit" variant="secondary">
          {props.label}
        </Button>
      </div>
    </form>
  );
}

/** renameKey returns t with key from called to. */
function renameKey(t: Record<string, string>, from: string, to: string): Record<string, string> {
  if (!(from in t)) return t;
  const { [from]: v, ...rest } = t;
  return { ...rest, [to]: v };
}
