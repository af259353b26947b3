// Login with a local account. On a loopback address the page says where the
// dev-mode password is, since `serve --dev` prints it instead of asking for one.
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import type { Whoami } from '../api/types';
import { ApiError } from '../api/client';
import { ErrorAlert, Page, useClient } from '../ui/kit';

/** isLocal reports a loopback host, where `blankett serve --dev` usually runs. */
export function isLocal(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

export function Login({ onLogin }: { onLogin: (w: Whoami) => void }) {
  const client = useClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fe: typeof fieldErrors = {};
    if (!username.trim()) fe.username = 'Enter your user name.';
    if (!password) fe.password = 'Enter your password.';
    setFieldErrors(fe);
    setError(null);
    if (fe.username) return userRef.current?.focus();
    if (fe.password) return passRef.current?.focus();
    setBusy(true);
    try {
      onLogin(await client.login(username.trim(), password));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 401) {
        setFieldErrors({ password: 'The user name or password is wrong.' });
        passRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError && error.status === 401 ? null : error;
  return (
    <Page title="Log in to Blankett Studio">
      {isLocal(window.location.hostname) && (
        <Paragraph data-testid="dev-hint">
          Running <code>blankett serve --dev</code>? Log in as <strong>dev</strong> with the password the server
          printed in its log at start (the line “dev mode: studio demo org and user”), or the one you gave with{' '}
          <code>--studio-dev-password</code>.
        </Paragraph>
      )}
      <ErrorAlert error={apiError} />
      <form onSubmit={submit} noValidate className="stack">
        <Textfield
          label="User name"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fieldErrors.username}
          ref={userRef}
        />
        <Textfield
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
          ref={passRef}
        />
        <div>
          <Button type="submit" loading={busy} disabled={busy}>
            Log in
          </Button>
        </div>
      </form>
    </Page>
  );
}
