// Client-side routing under /studio/ without a router dependency: the server answers
// every /studio/... path with the app shell, and the path picks the screen.
import { useEffect, useState } from 'react';

export const BASE = '/studio/';

/** AppPage is one of an app's screens besides its overview. */
export type AppPage = 'texts' | 'datamodel' | 'pages' | 'releases';
const APP_PAGES: readonly string[] = ['texts', 'datamodel', 'pages', 'releases'] satisfies AppPage[];

/** Route is the screen a path names. */
export type Route =
  | { name: 'dashboard' }
  | { name: 'login' }
  | { name: 'overview' | AppPage; org: string; app: string }
  | { name: 'notfound' };

/** parseRoute maps a pathname to its screen. */
export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/studio$/, '');
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'dashboard' };
  if (parts.length === 1 && parts[0] === 'login') return { name: 'login' };
  if (parts[0] === 'apps' && parts.length >= 3) {
    const [, org, app, page] = parts;
    if (parts.length === 3) return { name: 'overview', org, app };
    if (parts.length === 4 && APP_PAGES.includes(page)) return { name: page as AppPage, org, app };
  }
  return { name: 'notfound' };
}

/** appHref is the path of an app's screen. */
export function appHref(org: string, app: string, page?: AppPage): string {
  return `${BASE}apps/${encodeURIComponent(org)}/${encodeURIComponent(app)}${page ? '/' + page : ''}`;
}

const NAVIGATE = 'blankett:navigate';

/** navigate moves to path without a page load. */
export function navigate(path: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** usePathname is the current pathname, updated on navigate and back/forward. */
export function usePathname(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return path;
}
