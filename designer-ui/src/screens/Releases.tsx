// Releases and deploys: release main or the caller's branch as a version, list the
// releases, deploy one to an environment, and each environment's status as studio
// and the environment's runtime report it.
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Org, Release } from '../api/types';
import type { EnvironmentStatus } from '../api/models';
import { ApiError } from '../api/client';
import { AppNav } from '../ui/AppNav';
import { ErrorAlert, Page, message, short, useClient } from '../ui/kit';

const versionRE = /^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?$/;

export function Releases({ org, app, perms, username }: { org: string; app: string; perms: Org['permissions']; username: string }) {
  const client = useClient();
  const [releases, setReleases] = useState<Release[] | null>(null);
  const [envs, setEnvs] = useState<EnvironmentStatus[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const [r, e] = await Promise.all([client.listReleases(org, app), client.environments(org, app)]);
      setReleases(r);
      setEnvs(e);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [client, org, app]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Page title={`Releases of ${org}/${app}`}>
      <AppNav org={org} app={app} current="releases" />
      <ErrorAlert error={error} />
      {perms.release && <CreateRelease org={org} app={app} username={username} onCreated={load} />}
      <section aria-labelledby="rel-h" className="stack">
        <Heading level={2} data-size="md" id="rel-h">
          Releases
        </Heading>
        {releases && releases.length === 0 && <Paragraph>No releases yet.</Paragraph>}
        {releases && releases.length > 0 && (
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Version</Table.HeaderCell>
                <Table.HeaderCell>From</Table.HeaderCell>
                <Table.HeaderCell>By</Table.HeaderCell>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Warnings</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {releases.map((r) => (
                <Table.Row key={r.version}>
                  <Table.Cell>{r.version}</Table.Cell>
                  <Table.Cell>
                    {r.ref} at <code>{short(r.commit)}</code>
                  </Table.Cell>
                  <Table.Cell>{r.createdBy}</Table.Cell>
                  <Table.Cell>{new Date(r.createdAt).toLocaleString()}</Table.Cell>
                  <Table.Cell>{r.warnings}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      <section aria-labelledby="env-h" className="stack">
        <Heading level={2} data-size="md" id="env-h">
          Environments
        </Heading>
        {envs?.map((e) => (
          <Environment
            key={e.environment}
            org={org}
            app={app}
            env={e}
            versions={releases?.map((r) => r.version) ?? []}
            mayDeploy={perms.deploy.includes(e.environment)}
            onDeployed={load}
          />
        ))}
      </section>
    </Page>
  );
}

function CreateRelease({ org, app, username, onCreated }: { org: string; app: string; username: string; onCreated: () => Promise<void> }) {
  const client = useClient();
  const [version, setVersion] = useState('');
  const [ref, setRef] = useState('main');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const mine = `users/${username}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    setError(null);
    const fe = !version ? 'Enter a version.' : versionRE.test(version) ? undefined : 'Use a version such as 1.0.0, v1 or 2.0.0-rc.1.';
    setFieldError(fe);
    if (fe) return;
    setBusy(true);
    try {
      const r = await client.createRelease(org, app, version, ref);
      setDone(`Released ${r.version} from ${r.ref} (${short(r.commit)}).`);
      setVersion('');
      await onCreated();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'version_exists' || err.code === 'invalid_input')) setFieldError(message(err));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const lintErrors = error instanceof ApiError && error.code === 'lint_errors' ? error.problem?.errors ?? [] : [];
  return (
    <section aria-labelledby="new-h">
      <form onSubmit={submit} noValidate className="stack">
        <Heading level={2} data-size="md" id="new-h">
          New release
        </Heading>
        <ErrorAlert error={error} />
        {lintErrors.length > 0 && (
          <ul aria-label="Lint errors that stop the release">
            {lintErrors.map((f, i) => (
              <li key={i}>
                <code>{f.field}</code>: {f.detail}
              </li>
            ))}
          </ul>
        )}
        <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
        <fieldset className="stack">
          <legend>Release from</legend>
          <label>
            <input type="radio" name="ref" value="main" checked={ref === 'main'} onChange={() => setRef('main')} /> main (merged changes)
          </label>
          <label>
            <input type="radio" name="ref" value={mine} checked={ref === mine} onChange={() => setRef(mine)} /> my branch {mine}
          </label>
        </fieldset>
        <Textfield label="Version" description="Such as 1.0.0, v1 or 2.0.0-rc.1; it becomes a git tag." value={version} onChange={(e) => setVersion(e.target.value)} error={fieldError} />
        <div>
          <Button type="submit" loading={busy} disabled={busy}>
            Create release
          </Button>
        </div>
      </form>
    </section>
  );
}

function Environment(props: {
  org: string;
  app: string;
  env: EnvironmentStatus;
  versions: string[];
  mayDeploy: boolean;
  onDeployed: () => Promise<void>;
}) {
  const { org, app, env } = props;
  const client = useClient();
  const [version, setVersion] = useState(props.versions[0] ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const headingId = useId();
  const v = version || props.versions[0] || '';

  async function deploy(e: FormEvent) {
    e.preventDefault();
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await client.deploy(org, app, env.environment, v);
      await props.onDeployed();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article aria-labelledby={headingId} className="stack env">
      <Heading level={3} data-size="sm" id={headingId}>
        {env.environment}
      </Heading>
      <dl className="facts">
        <dt>Running</dt>
        <dd>{env.runtimeError ? `unknown: ${env.runtimeError}` : env.runtimeVersion || 'nothing'}</dd>
        <dt>Last deploy from studio</dt>
        <dd>
          {env.last
            ? `${env.last.action} ${env.last.version} by ${env.last.deployedBy}, ${new Date(env.last.deployedAt).toLocaleString()}: ${env.last.status}${env.last.error ? ' — ' + env.last.error : ''}`
            : 'none'}
        </dd>
      </dl>
      <ErrorAlert error={error} />
      {props.mayDeploy && props.versions.length > 0 && (
        <form onSubmit={deploy} className="row">
          <div className="field">
            <label htmlFor={selectId}>Version to deploy to {env.environment}</label>
            <select id={selectId} className="ds-input" value={v} onChange={(e) => setVersion(e.target.value)}>
              {props.versions.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </div>
          <Button type="submit" loading={busy} disabled={busy}>
            Deploy to {env.environment}
          </Button>
        </form>
      )}
      {!props.mayDeploy && <Paragraph data-size="sm">Deploying here needs the team Deploy-{env.environment}.</Paragraph>}
    </article>
  );
}
