// A fetch double for the studio API: routes match "METHOD /path" (the path after
// /studio/api/v1, query excluded) and answer like the real handlers, with JSON or
// problem+json, ETag and status. Calls are recorded for assertions.
import type { AppOverview, Org, Saved, Whoami } from '../api/types';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface Answer {
  status?: number;
  body?: unknown;
  etag?: string;
}

type Handler = Answer | ((call: Call) => Answer);

export function mockApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchFn = async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://studio.test');
    const path = url.pathname.replace(/^\/studio\/api\/v1/, '');
    const method = init.method ?? 'GET';
    const sent = (init.headers ?? {}) as Record<string, string>;
    // JSON bodies (and bodies sent without a Content-Type) are decoded; others (an
    // XSD) are kept as the text sent.
    const type = sent['Content-Type'];
    const text = typeof init.body === 'string' ? init.body : undefined;
    const call: Call = {
      method,
      path,
      query: url.searchParams,
      headers: sent,
      body: text === undefined || (type !== undefined && !type.includes('json')) ? text : JSON.parse(text),
    };
    calls.push(call);
    const h = routes[`${method} ${path}`];
    const a: Answer = h === undefined ? notFound(path) : typeof h === 'function' ? h(call) : h;
    const status = a.status ?? 200;
    const headers = new Headers();
    if (a.etag) headers.set('ETag', `"${a.etag}"`);
    if (status === 204) return new Response(null, { status, headers });
    const problem = status >= 400;
    headers.set('Content-Type', problem ? 'application/problem+json' : 'application/json');
    return new Response(JSON.stringify(a.body ?? {}), { status, headers });
  };
  return { fetchFn, calls };
}

export function problem(status: number, code: string, detail: string, ext: Record<string, unknown> = {}): Answer {
  return {
    status,
    body: { type: 'about:blank', title: 'Problem', status, code, detail, traceId: 'req-1', ...ext },
  };
}

function notFound(path: string): Answer {
  return problem(404, 'not_found', `No resource at ${path}.`);
}

// Realistic bodies, shaped as openapi.yaml's schemas and the dev server's seed.
export const ttd: Org = {
  name: 'ttd',
  fullName: 'Testdepartementet',
  created: '2026-11-01T10:00:00Z',
  teams: ['Owners', 'Devs', 'Deploy-test', 'Deploy-production'],
  permissions: { read: true, edit: true, release: true, admin: true, deploy: ['test', 'production'] },
};

export const whoami: Whoami = {
  user: { username: 'dev', fullName: 'Dev', email: '', installationAdmin: true },
  authMethod: 'session',
  orgs: [ttd],
};

export const MAIN = 'a'.repeat(40);
export const MINE = 'b'.repeat(40);
export const NEXT = 'c'.repeat(40);

export const lintOK = { commit: MINE, errors: 0, warnings: 1, findings: [
  { severity: 'warning' as const, code: 'text_unused', file: 'App/config/texts/resource.nb.json', pointer: '/resources/3', message: 'Text send-inn is not used.' },
] };

export const overview: AppOverview = {
  org: 'ttd',
  app: 'flyt',
  main: { name: 'main', commit: MAIN, lint: { ...lintOK, commit: MAIN } },
  mine: { name: 'users/dev', commit: MINE, lint: lintOK },
  commits: [],
};

export function saved(commit: string, parent: string): Saved {
  return { commit, parent, branch: 'users/dev', unchanged: false, lint: { ...lintOK, commit } };
}
