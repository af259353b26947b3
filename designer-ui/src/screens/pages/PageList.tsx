// The pages of a layout set: pick one, add one (an empty page file), delete the
// selected one after a confirmation.
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { LayoutSet } from '../../api/types';

const pageRE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function PageList(props: {
  set: LayoutSet;
  selected: string;
  dirty: (page: string) => boolean;
  canEdit: boolean;
  busy: boolean;
  onSelect: (page: string) => void;
  onAdd: (page: string) => Promise<boolean>;
  onDelete: (page: string) => Promise<void>;
  onRename: (from: string, to: string) => Promise<boolean>;
}) {
  const { set, selected } = props;
  const [confirm, setConfirm] = useState(false);
  return (
    <section aria-labelledby="pages-h" className="stack">
      <Heading level={2} data-size="sm" id="pages-h">
        Pages in {set.id}
      </Heading>
      {set.pages.length === 0 ? (
        <Paragraph>The set has no pages yet.</Paragraph>
      ) : (
        <ul className="picker" aria-labelledby="pages-h">
          {set.pages.map((p) => (
            <li key={p.id}>
              <Button
                variant={p.id === selected ? 'primary' : 'tertiary'}
                data-size="sm"
                aria-current={p.id === selected ? 'true' : undefined}
                onClick={() => {
                  setConfirm(false);
                  props.onSelect(p.id);
                }}
              >
                {p.id}
              </Button>
              {props.dirty(p.id) && <span className="muted"> (unsaved)</span>}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && selected && (
        <div className="row">
          {!confirm ? (
            <Button variant="secondary" data-size="sm" data-color="danger" disabled={props.busy} onClick={() => setConfirm(true)}>
              Delete page
            </Button>
          ) : (
            <div role="group" aria-label="Confirm deleting the page" className="row">
              <Paragraph>Delete the page {selected} and take it out of the page order?</Paragraph>
              <Button
                data-size="sm"
                data-color="danger"
                disabled={props.busy}
                onClick={async () => {
                  setConfirm(false);
                  await props.onDelete(selected);
                }}
              >
                Yes, delete {selected}
              </Button>
              <Button variant="secondary" data-size="sm" onClick={() => setConfirm(false)}>
                Cancel
              </Button>
            </div>
          )}
        </div>
      )}
      {props.canEdit && selected && <RenamePage key={selected} set={set} page={selected} busy={props.busy} onRename={props.onRename} />}
      {props.canEdit && <AddPage set={set} busy={props.busy} onAdd={props.onAdd} />}
    </section>
  );
}

/** check returns why n cannot be a new page name in set, or undefined. */
function check(set: LayoutSet, n: string): string | undefined {
  if (!n) return 'Enter a page name.';
  if (!pageRE.test(n)) return 'Use letters, digits, - and _.';
  if (set.pages.some((p) => p.id === n)) return `${set.id} has a page ${n} already.`;
  return undefined;
}

/** usePageName is a field for a new page name in set: submit checks it, runs act
 * with it, and clears the field when act succeeds. */
function usePageName(set: LayoutSet, act: (name: string) => Promise<boolean>) {
  const [name, setName] = useState('');
  const [err, setErr] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = name.trim();
    const msg = check(set, n);
    setErr(msg);
    if (msg) return;
    if (await act(n)) setName('');
  }
  return { name, setName, err, submit };
}

function RenamePage(props: { set: LayoutSet; page: string; busy: boolean; onRename: (from: string, to: string) => Promise<boolean> }) {
  const { name, setName, err, submit } = usePageName(props.set, (n) => props.onRename(props.page, n));
  return (
    <form onSubmit={submit} noValidate className="row" aria-label={`Rename the page ${props.page}`}>
      <Textfield
        label="Rename page to"
        description="Renamed in the page order and in every reference to it, in one commit."
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={err}
      />
      <Button type="submit" variant="secondary" data-size="sm" disabled={props.busy}>
        Rename page
      </Button>
    </form>
  );
}

function AddPage({ set, busy, onAdd }: { set: LayoutSet; busy: boolean; onAdd: (page: string) => Promise<boolean> }) {
  const { name, setName, err, submit } = usePageName(set, onAdd);
  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="add-page-h">
      <Heading level={3} data-size="xs" id="add-page-h">
        Add a page
      </Heading>
      <Textfield label="New page name" value={name} onChange={(e) => setName(e.target.value)} error={err} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          Add page
        </Button>
      </div>
    </form>
  );
}
