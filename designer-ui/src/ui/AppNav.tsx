// The navigation between an app's screens; the screen it is on is marked, not linked.
import { appHref, type AppPage } from '../router';
import { Link } from './kit';

const ITEMS: { page?: AppPage; label: string }[] = [
  { label: 'Overview' },
  { page: 'texts', label: 'Texts' },
  { page: 'datamodel', label: 'Data model' },
  { page: 'pages', label: 'Pages' },
  { page: 'releases', label: 'Releases and deploys' },
];

export function AppNav({ org, app, current }: { org: string; app: string; current: AppPage | 'overview' }) {
  return (
    <nav aria-label="App" className="row">
      {ITEMS.filter((i) => (i.page ?? 'overview') !== current).map((i) => (
        <Link key={i.label} href={appHref(org, app, i.page)}>
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
