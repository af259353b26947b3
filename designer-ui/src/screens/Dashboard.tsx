// The dashboard: the caller's orgs, each with its apps (searchable), creating an
// app from the template and copying one.
import { Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { AppRef, Org } from '../api/types';
import { ApiError } from '../api/client';
import { appHref, navigate } from '../router';
import { ErrorAlert, Link, Page, message, useClient } from '../ui/kit';

export function Dashboard({ orgs }: { orgs: Org[] }) {
  return (
    <Page title="Your apps">
      {orgs.length === 0 && (
        <Paragraph>You are in no org's team yet. Ask an org owner to add you to a team.</Paragraph>
      )}
      {orgs.map((o) => (
        <OrgApps key={o.name} org={o} orgs={orgs} />
      ))}
    </Page>
  );
}

function OrgApps({ org, orgs }: { org: Org; orgs: Org[] }) {
  const client = useClient();
  const [q, setQ] = useState('');
  const [apps, setApps] = useState<AppRef[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingId = useId();

  const load = useCallback(
    async (query: string) => {
      try {
        setApps(await client.listApps(org.name, query));
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
    [client, org.name],
  );
  useEffect(() => {
    const t = setTimeout(() => void load(q), q ? 200 : 0);
    return () => clearTimeout(t);
  }, [load, q]);

  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="md" id={headingId}>
        {org.fullName || org.name} <span className="muted">({org.name})</span>
      </Heading>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Textfield label={`Search the apps of ${org.name}`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </form>
      <ErrorAlert error={error} />
      {apps && apps.length === 0 && <Paragraph>{q ? `No app name contains “${q}”.` : 'No apps yet.'}</Paragraph>}
      {apps && apps.length > 0 && (
        <ul className="apps" aria-label={`Apps of ${org.name}`}>
          {apps.map((a) => (
            <li key={a.app}>
              <Link href={appHref(a.org, a.app)}>{a.app}</Link>
              {org.permissions.read && <CopyApp from={a} orgs={orgs.filter((o) => o.permissions.edit)} />}
            </li>
          ))}
        </ul>
      )}
      {org.permissions.edit && <CreateApp org={org.name} />}
    </section>
  );
}

const nameRule = /^[a-z][a-z0-9-]*$/;

function nameError(name: string): string | undefined {
  if (!name) return 'Enter a name for the app.';
  if (!nameRule.test(name)) return 'Use lower-case letters, digits and “-”, starting with a letter.';
  return undefined;
}

function CreateApp({ org }: { org: string }) {
  const client = useClient();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fe = nameError(name);
    setFieldError(fe);
    setError(null);
    if (fe) return;
    setBusy(true);
    try {
      const ref = await client.createApp(org, name);
      navigate(appHref(ref.org, ref.app));
    } catch (err) {
      // A refusal about the name belongs to the field, anything else above the form.
      if (err instanceof ApiError && (err.code === 'already_exists' || err.code === 'invalid_input')) setFieldError(message(err));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card data-color="neutral">
      <form onSubmit={submit} noValidate className="stack">
        <Heading level={3} data-size="sm">
          Create an app in {org}
        </Heading>
        <ErrorAlert error={error} />
        <Textfield
          label="App name"
          name="app-name"
          description="Lower-case letters, digits and “-”. The app starts from the built-in template."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError}
        />
        <div>
          <Button type="submit" loading={busy} disabled={busy}>
            Create app
          </Button>
        </div>
      </form>
    </Card>
  );
}

function CopyApp({ from, orgs }: { from: AppRef; orgs: Org[] }) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(from.app + '-copy');
  const [toOrg, setToOrg] = useState(from.org);
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const selectId = useId();

  if (orgs.length === 0) return null;
  if (!open) {
    return (
      <Button variant="tertiary" data-size="sm" onClick={() => setOpen(true)}>
        Copy {from.app}
      </Button>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const fe = nameError(name);
    setFieldError(fe);
    if (fe) return;
    try {
      const ref = await client.copyApp(from.org, from.app, name, toOrg === from.org ? undefined : toOrg);
      navigate(appHref(ref.org, ref.app));
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'already_exists' || err.code === 'invalid_input')) setFieldError(message(err));
      else setError(err);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form" aria-label={`Copy ${from.app}`}>
      <ErrorAlert error={error} />
      <Textfield label="Name of the copy" value={name} onChange={(e) => setName(e.target.value)} error={fieldError} />
      <div className="field">
        <label htmlFor={selectId}>Into org</label>
        <select id={selectId} value={toOrg} onChange={(e) => setToOrg(e.target.value)} className="ds-input">
          {orgs.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" data-size="sm">
        Copy
      </Button>
      <Button type="button" variant="tertiary" data-size="sm" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}
