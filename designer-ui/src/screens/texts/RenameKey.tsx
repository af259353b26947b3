// Renaming a text key: one commit that renames it in every language file and in
// every layout reference (textResourceBindings, ["text", key]), so no reference
// dangles. A key that exists only in this browser (added, no text saved yet) is
// renamed here without a commit.
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { SelectField } from '../../ui/SelectField';

const keyRE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function RenameKey(props: {
  keys: string[];
  busy: boolean;
  onRename: (from: string, to: string) => Promise<void>;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [err, setErr] = useState<string>();
  const current = from || props.keys[0] || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = to.trim();
    const msg = !keyRE.test(next)
      ? "Use letters, digits, '.', '_' or '-', starting with a letter or digit."
      : next === current
        ? 'Enter a different key.'
        : props.keys.includes(next)
          ? `${next} exists already.`
          : undefined;
    setErr(msg);
    if (msg || !current) return;
    await props.onRename(current, next);
    setFrom(next);
    setTo('');
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Rename a text key">
      <strong>Rename a text key</strong>
      <SelectField label="Key to rename" value={current} options={props.keys} onChange={setFrom} />
      <Textfield
        label="New key"
        description="Renamed in every language and every page that uses it, in one commit."
        value={to}
        onChange={(e) => setTo(e.target.value)}
        error={err}
      />
      <div>
        <Button type="submit" variant="secondary" loading={props.busy} disabled={props.busy || !current}>
          Rename key
        </Button>
      </div>
    </form>
  );
}
