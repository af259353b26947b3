// The data model page: the app's models with their fields as binding paths, and the
// upload of an XSD, which the studio turns into the model's JSON Schema and data type
// in one commit on the working branch. The commit read (or last saved) is the parent
// of the upload; a 409 stale_parent reloads the listing.
import { Alert, Button, Heading, Label, Paragraph, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { StaleParentError } from '../api/client';
import type { DataModel, DataModels, Saved } from '../api/types';
import { AppNav } from '../ui/AppNav';
import { ErrorAlert, Page, useClient } from '../ui/kit';
import { LintSummary } from '../ui/LintSummary';

export function DataModelScreen({ org, app, canEdit }: { org: string; app: string; canEdit: boolean }) {
  const client = useClient();
  const [listing, setListing] = useState<DataModels | null>(null);
  const [selected, setSelected] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [uploaded, setUploaded] = useState<{ name: string; saved: Saved } | null>(null);
  const parent = useRef('');
  const alertRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const l = await client.listDataModels(org, app);
      parent.current = l.commit;
      setListing(l);
      setSelected((s) => (l.models.some((m) => m.id === s) ? s : (l.models[0]?.id ?? '')));
    } catch (e) {
      setError(e);
    }
  }, [client, org, app]);
  useEffect(() => {
    void load();
  }, [load]);

  async function upload(name: string, xsd: string): Promise<boolean> {
    setError(null);
    setUploaded(null);
    try {
      const s = await client.uploadXSD(org, app, name, xsd, parent.current);
      parent.current = s.commit;
      setUploaded({ name, saved: s });
      setSelected(name);
      await load();
      return true;
    } catch (e) {
      setError(e);
      if (e instanceof StaleParentError) await load();
      alertRef.current?.focus();
      return false;
    }
  }

  const model = listing?.models.find((m) => m.id === selected);
  return (
    <Page title="Data model">
      <AppNav org={org} app={app} current="datamodel" />
      <div ref={alertRef} tabIndex={-1} className="stack">
        <ErrorAlert error={error} />
        <div role="status">
          {uploaded && (
            <Alert data-color="success">
              <Paragraph>Uploaded {uploaded.name}</Paragraph>
              <LintSummary lint={uploaded.saved.lint} />
            </Alert>
          )}
        </div>
      </div>
      {listing && (
        <section aria-labelledby="models-h" className="stack">
          <Heading level={2} data-size="md" id="models-h">
            Models
          </Heading>
          {listing.models.length === 0 ? (
            <Paragraph>The app has no data model yet; upload an XSD to make one.</Paragraph>
          ) : (
            <ModelTable models={listing.models} selected={selected} onSelect={setSelected} />
          )}
        </section>
      )}
      {model && <Fields model={model} />}
      {canEdit && listing && <UploadForm onUpload={upload} />}
    </Page>
  );
}

function ModelTable({ models, selected, onSelect }: { models: DataModel[]; selected: string; onSelect: (id: string) => void }) {
  return (
    <Table>
      <caption className="sr-only">Data models</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>Model</Table.HeaderCell>
          <Table.HeaderCell>Root element</Table.HeaderCell>
          <Table.HeaderCell>Data type</Table.HeaderCell>
          <Table.HeaderCell>Source</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {models.map((m) => (
          <Table.Row key={m.id}>
            <Table.Cell>
              <Button
                variant={m.id === selected ? 'primary' : 'tertiary'}
                data-size="sm"
                aria-current={m.id === selected ? 'true' : undefined}
                onClick={() => onSelect(m.id)}
              >
                {m.id}
              </Button>
            </Table.Cell>
            <Table.Cell>{m.root}</Table.Cell>
            <Table.Cell>{m.dataType ?? <span className="muted">none</span>}</Table.Cell>
            <Table.Cell>
              {m.hasXsd ? <Tag data-color="success">XSD</Tag> : <span className="muted">JSON Schema only</span>}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function Fields({ model }: { model: DataModel }) {
  return (
    <section aria-labelledby="fields-h" className="stack">
      <Heading level={2} data-size="md" id="fields-h">
        Fields of {model.id}
      </Heading>
      {model.error ? (
        <Paragraph>The model could not be read: {model.error}</Paragraph>
      ) : model.fields.length === 0 ? (
        <Paragraph>The model has no fields.</Paragraph>
      ) : (
        <Table zebra data-size="sm">
          <caption className="sr-only">Fields of {model.id}, as binding paths</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Path</Table.HeaderCell>
              <Table.HeaderCell>Type</Table.HeaderCell>
              <Table.HeaderCell>Required</Table.HeaderCell>
              <Table.HeaderCell>Repeating</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {model.fields.map((f) => (
              <Table.Row key={f.path}>
                <Table.Cell>
                  <code style={{ paddingLeft: `${(f.path.split('.').length - 1) * 1.25}rem` }}>{f.path}</code>
                  {f.title && <span className="muted"> {f.title}</span>}
                </Table.Cell>
                <Table.Cell>{f.type}</Table.Cell>
                <Table.Cell>{f.required ? 'Yes' : 'No'}</Table.Cell>
                <Table.Cell>{f.repeating ? 'Yes' : 'No'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(file);
  });
}

function UploadForm({ onUpload }: { onUpload: (name: string, xsd: string) => Promise<boolean> }) {
  const [name, setName] = useState('model');
  const [file, setFile] = useState<File | null>(null);
  const [nameErr, setNameErr] = useState<string>();
  const [fileErr, setFileErr] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = name.trim();
    const ne = n ? (/^[A-Za-z][A-Za-z0-9_-]*$/.test(n) ? undefined : 'Use letters, digits, - and _, starting with a letter.') : 'Enter a model name.';
    const fe = file ? undefined : 'Choose an XSD file.';
    setNameErr(ne);
    setFileErr(fe);
    if (ne || fe || !file) return;
    setBusy(true);
    try {
      const ok = await onUpload(n, await readText(file));
      if (ok) {
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="upload-h">
      <Heading level={2} data-size="md" id="upload-h">
        Upload an XSD
      </Heading>
      <Paragraph>
        The XSD becomes App/models/&lt;name&gt;.xsd and .schema.json and the model's data type, in one commit on your working
        branch. Uploading to an existing name replaces that model.
      </Paragraph>
      <Textfield label="Model name" value={name} onChange={(e) => setName(e.target.value)} error={nameErr} />
      <div className="field">
        <Label htmlFor={id}>XSD file</Label>
        <input
          id={id}
          ref={fileInput}
          type="file"
          accept=".xsd,application/xml"
          aria-invalid={fileErr ? true : undefined}
          aria-describedby={fileErr ? id + '-err' : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {fileErr && <ValidationMessage id={id + '-err'}>{fileErr}</ValidationMessage>}
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          Upload XSD
        </Button>
      </div>
    </form>
  );
}
