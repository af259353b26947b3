// App is the designer's shell: it asks who the caller is, shows the login when
// nobody is, and otherwise the screen the path under /studio/ names.
import { Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, Client } from './api/client';
import type { Whoami } from './api/types';
import { BASE, navigate, parseRoute, usePathname } from './router';
import { Dashboard } from './screens/Dashboard';
import { Login } from './screens/Login';
import { Overview } from './screens/Overview';
import { Releases } from './screens/Releases';
import { TextsEditor } from './screens/Texts';
import { DataModelScreen } from './screens/DataModel';
import { PagesScreen } from './screens/Pages';
import { ClientContext, ErrorAlert, Link, Page } from './ui/kit';

export function App({ client }: { client?: Client }) {
  const api = useMemo(() => client ?? new Client(), [client]);
  const path = usePathname();
  const route = parseRoute(path);
  const [me, setMe] = useState<Whoami | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      setMe(await api.whoami());
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else setError(e);
    }
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function logout() {
    await api.logout().catch(() => undefined);
    setMe(null);
    navigate(BASE + 'login');
  }

  let body;
  if (error) {
    body = (
      <Page title="Blankett Studio">
        <ErrorAlert error={error} />
      </Page>
    );
  } else if (me === undefined) {
    body = <Spinner aria-label="Loading" />;
  } else if (me === null) {
    body = (
      <Login
        onLogin={(w) => {
          setMe(w);
          if (route.name === 'login') navigate(BASE, true);
        }}
      />
    );
  } else {
    body = <Screen me={me} route={route} />;
  }

  return (
    <ClientContext.Provider value={api}>
      <header className="topbar">
        <Link href={BASE} className="brand">
          Blankett Studio
        </Link>
        {me && (
          <div className="row">
            <Paragraph data-size="sm">
              Logged in as <strong>{me.user.username}</strong>
            </Paragraph>
            <Button variant="tertiary" data-size="sm" onClick={logout}>
              Log out
            </Button>
          </div>
        )}
      </header>
      <main className="stack">{body}</main>
    </ClientContext.Provider>
  );
}

function Screen({ me, route }: { me: Whoami; route: ReturnType<typeof parseRoute> }) {
  switch (route.name) {
    case 'dashboard':
    case 'login':
      return <Dashboard orgs={me.orgs} />;
    case 'overview':
    case 'texts':
    case 'datamodel':
    case 'pages':
    case 'releases': {
      const org = me.orgs.find((o) => o.name === route.org);
      if (!org) return <NotFound />;
      if (route.name === 'overview') return <Overview org={route.org} app={route.app} canEdit={org.permissions.edit} />;
      if (route.name === 'texts') return <TextsEditor org={route.org} app={route.app} canEdit={org.permissions.edit} />;
      if (route.name === 'datamodel') return <DataModelScreen org={route.org} app={route.app} canEdit={org.permissions.edit} />;
      if (route.name === 'pages') return <PagesScreen org={route.org} app={route.app} canEdit={org.permissions.edit} />;
      return <Releases org={route.org} app={route.app} perms={org.permissions} username={me.user.username} />;
    }
    default:
      return <NotFound />;
  }
}

function NotFound() {
  return (
    <Page title="Page not found">
      <Paragraph>
        There is no such page, or you are in none of the org's teams. <Link href={BASE}>Go to your apps</Link>.
      </Paragraph>
    </Page>
  );
}
