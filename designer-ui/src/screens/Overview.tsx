// The app overview: the lint findings of the caller's branch, its history with the
// semantic diff of every commit, undo of a commit, and merging the branch into main.
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppOverview, Branch } from '../api/types';
import type { HistoryEntry } from '../api/models';
import { StaleParentError } from '../api/client';
import { AppNav } from '../ui/AppNav';
import { ErrorAlert, Page, short, useClient } from '../ui/kit';

export function Overview({ org, app, canEdit }: { org: string; app: string; canEdit: boolean }) {
  const client = useClient();
  const [ov, setOv] = useState<AppOverview | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const o = await client.overview(org, app);
      setOv(o);
      const h = await client.history(org, app, o.mine?.name ?? 'main');
      setHistory(h.commits);
    } catch (e) {
      setError(e);
    }
  }, [client, org, app]);
  useEffect(() => {
    void load();
  }, [load]);

  const branch: Branch | undefined = ov?.mine ?? ov?.main;

  async function undo(c: HistoryEntry) {
    if (!branch) return;
    setBusy(true);
    setStatus('');
    setError(null);
    try {
      const s = await client.revert(org, app, c.hash, branch.commit);
      setStatus(`Undid “${c.subject}” as commit ${short(s.commit)}.`);
    } catch (e) {
      setError(
        e instanceof StaleParentError
          ? new Error('Your branch changed since this page loaded (another tab or a git push). The page has been reloaded; try again.')
          : e,
      );
    } finally {
      setBusy(false);
      await load();
      statusRef.current?.focus();
    }
  }

  async function merge() {
    setBusy(true);
    setStatus('');
    setError(null);
    try {
      const m = await client.merge(org, app);
      setStatus(m.unchanged ? 'Main already has all your changes.' : `Merged ${m.from} into main at ${short(m.commit)}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      await load();
      statusRef.current?.focus();
    }
  }

  return (
    <Page title={`${org}/${app}`}>
      <AppNav org={org} app={app} current="overview" />
      <div ref={statusRef} tabIndex={-1} className="stack">
        <ErrorAlert error={error} />
        <div role="status">{status && <Paragraph>{status}</Paragraph>}</div>
      </div>
      {ov && branch && (
        <section aria-labelledby="lint-h" className="stack">
          <Heading level={2} data-size="md" id="lint-h">
            Checks of {branch.name}
          </Heading>
          <Paragraph>
            {ov.mine ? (
              <>Your working branch <code>{ov.mine.name}</code> is at {short(ov.mine.commit)}; main is at {short(ov.main.commit)}.</>
            ) : (
              <>You have not saved anything yet; your first save starts the branch <code>users/…</code> from main ({short(ov.main.commit)}).</>
            )}
          </Paragraph>
          <Findings branch={branch} />
          {canEdit && ov.mine && ov.mine.commit !== ov.main.commit && (
            <div>
              <Button onClick={merge} disabled={busy} variant="secondary">
                Merge my changes into main
              </Button>
            </div>
          )}
        </section>
      )}
      {history && (
        <section aria-labelledby="hist-h" className="stack">
          <Heading level={2} data-size="md" id="hist-h">
            History of {branch?.name ?? 'main'}
          </Heading>
          <ol className="history">
            {history.map((c) => (
              <li key={c.hash}>
                <Paragraph>
                  <strong>{c.subject}</strong> <span className="muted">— {c.author.name}, {new Date(c.when).toLocaleString()}, {short(c.hash)}</span>
                </Paragraph>
                <Diff entry={c} />
                {canEdit && c.parents.length > 0 && (
                  <Button variant="secondary" data-size="sm" disabled={busy} onClick={() => undo(c)}>
                    Undo “{c.subject}”
                  </Button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Page>
  );
}

function Findings({ branch }: { branch: Branch }) {
  const l = branch.lint;
  if (l.failed) return <Paragraph>The app could not be checked: {l.failed}</Paragraph>;
  if (l.findings.length === 0) return <Paragraph>No findings: the app passes every check.</Paragraph>;
  return (
    <Table zebra>
      <caption>
        {l.errors} errors, {l.warnings} warnings
      </caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>Severity</Table.HeaderCell>
          <Table.HeaderCell>Where</Table.HeaderCell>
          <Table.HeaderCell>Finding</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {l.findings.map((f, i) => (
          <Table.Row key={i}>
            <Table.Cell>
              <Tag data-color={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'info'}>{f.severity}</Tag>
            </Table.Cell>
            <Table.Cell>
              <code>
                {f.file}
                {f.pointer ? '#' + f.pointer : f.line ? ':' + f.line : ''}
              </code>
            </Table.Cell>
            <Table.Cell>
              {f.message} <span className="muted">({f.code})</span>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function Diff({ entry }: { entry: HistoryEntry }) {
  const d = entry.diff;
  if (!d) return null;
  if (d.changes && d.changes.length > 0) {
    return (
      <ul className="changes">
        {d.changes.map((c, i) => (
          <li key={i}>{c.detail}</li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="changes">
      {d.files.map((f) => (
        <li key={f.path}>
          {f.status} <code>{f.path}</code>
        </li>
      ))}
      {d.appError && <li>(No semantic diff: {d.appError})</li>}
    </ul>
  );
}
