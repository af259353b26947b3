// The typed fetch client of the studio API (studio/api/openapi.yaml). Same origin,
// the session cookie, JSON in and out; a problem+json answer becomes an ApiError
// carrying its stable code, and 409 stale_parent a StaleParentError, because the
// editors must reload on it rather than show a generic failure.
import type {
  AppOverview,
  AppRef,
  DataModels,
  Deploy,
  LayoutSets,
  Org,
  Release,
  Saved,
  Whoami,
} from './types';
import type {
  EnvironmentStatus,
  FolderEntry,
  HistoryPage,
  Merged,
  ProblemBody,
  TextResourceFile,
} from './models';

/** ApiError is a failed request; code is the problem's stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly problem: ProblemBody | undefined;

  constructor(status: number, problem: ProblemBody | undefined, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'network_error' : 'http_' + status);
    this.detail = problem?.detail ?? fallback;
    this.problem = problem;
  }
}

/** StaleParentError: the branch moved since it was read; current is its head. */
export class StaleParentError extends ApiError {
  readonly current: string;
  constructor(problem: ProblemBody) {
    super(409, problem, 'The branch has moved since you read it.');
    this.name = 'StaleParentError';
    this.current = problem.current ?? '';
  }
}

/** Response is a decoded answer with its ETag (a commit, unquoted). */
export interface Response<T> {
  data: T;
  etag?: string;
}

interface RequestOptions {
  /** Sent as JSON, or as is when contentType is given (then it must be a string). */
  body?: unknown;
  contentType?: string;
  ifMatch?: string;
  query?: Record<string, string | undefined>;
}

const API = '/studio/api/v1';

function seg(s: string): string {
  return encodeURIComponent(s);
}

function appPath(org: string, app: string): string {
  return `/orgs/${seg(org)}/apps/${seg(app)}`;
}

/** Client calls the studio API; fetchFn defaults to the global fetch at call time. */
export class Client {
  private readonly fetchFn: (input: string, init: RequestInit) => Promise<globalThis.Response>;

  constructor(fetchFn?: (input: string, init: RequestInit) => Promise<globalThis.Response>) {
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['Content-Type'] = opts.contentType ?? 'application/json';
      body = opts.contentType ? String(opts.body) : JSON.stringify(opts.body);
    }
    if (opts.ifMatch) headers['If-Match'] = `"${opts.ifMatch}"`;
    let url = API + path;
    const q = Object.entries(opts.query ?? {}).filter(
      (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
    );
    if (q.length) url += '?' + new URLSearchParams(q).toString();
    let res: globalThis.Response;
    try {
      res = await this.fetchFn(url, { method, headers, body, credentials: 'include' });
    } catch (e) {
      throw new ApiError(0, undefined, `The studio could not be reached (${String(e)}).`);
    }
    const etag = res.headers.get('ETag')?.replace(/^W\//, '').replace(/"/g, '') || undefined;
    if (!res.ok) {
      let problem: ProblemBody | undefined;
      if ((res.headers.get('Content-Type') ?? '').includes('json')) {
        problem = (await res.json().catch(() => undefined)) as ProblemBody | undefined;
      }
      if (res.status === 409 && problem?.code === 'stale_parent') throw new StaleParentError(problem);
      throw new ApiError(res.status, problem, `${method} ${path}: ${res.status} ${res.statusText}`);
    }
    if (res.status === 204) return { data: undefined as T, etag };
    return { data: (await res.json()) as T, etag };
  }

  private async data<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return (await this.request<T>(method, path, opts)).data;
  }

  whoami(): Promise<Whoami> {
    return this.data('GET', '/whoami');
  }
  login(username: string, password: string): Promise<Whoami> {
    return this.data('POST', '/login', { body: { username, password } });
  }
  logout(): Promise<void> {
    return this.data('POST', '/logout');
  }
  async listOrgs(): Promise<Org[]> {
    return (await this.data<{ orgs: Org[] }>('GET', '/orgs')).orgs;
  }
  async listApps(org: string, q?: string): Promise<AppRef[]> {
    return (await this.data<{ apps: AppRef[] }>('GET', `/orgs/${seg(org)}/apps`, { query: { q } })).apps;
  }
  createApp(org: string, name: string): Promise<AppRef> {
    return this.data('POST', `/orgs/${seg(org)}/apps`, { body: { name } });
  }
  copyApp(org: string, app: string, name: string, toOrg?: string): Promise<AppRef> {
    return this.data('POST', appPath(org, app) + '/copy', { body: { name, toOrg: toOrg || undefined } });
  }
  overview(org: string, app: string): Promise<AppOverview> {
    return this.data('GET', appPath(org, app));
  }
  history(org: string, app: string, ref?: string, cursor?: string): Promise<HistoryPage> {
    return this.data('GET', appPath(org, app) + '/history', { query: { ref, cursor } });
  }
  revert(org: string, app: string, commit: string, parent: string): Promise<Saved> {
    return this.data('POST', appPath(org, app) + '/revert', { body: { commit }, ifMatch: parent });
  }
  merge(org: string, app: string, message?: string): Promise<Merged> {
    return this.data('POST', appPath(org, app) + '/merge', { body: message ? { message } : {} });
  }
  /** folder lists a folder of the caller's working branch (main before the first save). */
  async folder(org: string, app: string, path: string): Promise<{ commit: string; entries: FolderEntry[] }> {
    return this.data('GET', appPath(org, app) + '/files', { query: { path: path.endsWith('/') ? path : path + '/' } });
  }
  textFile(org: string, app: string, lang: string, ref: string): Promise<TextResourceFile> {
    return this.data('GET', appPath(org, app) + '/files', {
      query: { path: `App/config/texts/resource.${lang}.json`, ref },
    });
  }
  patchTexts(
    org: string,
    app: string,
    lang: string,
    parent: string,
    change: { set?: Record<string, string>; delete?: string[] },
  ): Promise<Saved> {
    return this.data('PATCH', appPath(org, app) + `/texts/${seg(lang)}`, { body: change, ifMatch: parent });
  }
  async listReleases(org: string, app: string): Promise<Release[]> {
    return (await this.data<{ releases: Release[] }>('GET', appPath(org, app) + '/releases')).releases;
  }
  createRelease(org: string, app: string, version: string, ref?: string): Promise<Release> {
    return this.data('POST', appPath(org, app) + '/releases', { body: { version, ref: ref || undefined } });
  }
  async environments(org: string, app: string): Promise<EnvironmentStatus[]> {
    return (await this.data<{ environments: EnvironmentStatus[] }>('GET', appPath(org, app) + '/environments'))
      .environments;
  }
  deploy(org: string, app: string, env: string, version: string): Promise<Deploy> {
    return this.data('POST', appPath(org, app) + `/environments/${seg(env)}/deploys`, { body: { version } });
  }
  /** listDataModels reads the app's data models with their fields (the working branch by default). */
  listDataModels(org: string, app: string, ref?: string): Promise<DataModels> {
    return this.data('GET', appPath(org, app) + '/datamodels', { query: { ref } });
  }
  /** listLayouts reads the layout sets with their pages' files (the working branch by default). */
  listLayouts(org: string, app: string, ref?: string): Promise<LayoutSets> {
    return this.data('GET', appPath(org, app) + '/layouts', { query: { ref } });
  }
  uploadXSD(org: string, app: string, model: string, xsdText: string, parent: string): Promise<Saved> {
    return this.data('POST', appPath(org, app) + `/datamodels/${seg(model)}/xsd`, {
      body: xsdText,
      contentType: 'application/xml',
      ifMatch: parent,
    });
  }
  putLayout(org: string, app: string, set: string, page: string, layoutJson: unknown, parent: string): Promise<Saved> {
    return this.data('PUT', appPath(org, app) + `/layouts/${seg(set)}/${seg(page)}`, { body: layoutJson, ifMatch: parent });
  }
  deleteLayout(org: string, app: string, set: string, page: string, parent: string): Promise<Saved> {
    return this.data('DELETE', appPath(org, app) + `/layouts/${seg(set)}/${seg(page)}`, { ifMatch: parent });
  }
  renameComponent(org: string, app: string, from: string, to: string, parent: string): Promise<Saved> {
    return this.data('POST', appPath(org, app) + '/rename/component', { body: { from, to }, ifMatch: parent });
  }
  renameText(org: string, app: string, from: string, to: string, parent: string): Promise<Saved> {
    return this.data('POST', appPath(org, app) + '/rename/text', { body: { from, to }, ifMatch: parent });
  }
  renamePage(org: string, app: string, set: string, from: string, to: string, parent: string): Promise<Saved> {
    return this.data('POST', appPath(org, app) + '/rename/page', { body: { set, from, to }, ifMatch: parent });
  }
  /** previewUrl is the preview frame's address; v (the commit) makes it change after every save. */
  previewUrl(org: string, app: string, set: string, page: string, lang: string, commit: string): string {
    const q = new URLSearchParams({ lang, v: commit });
    return `${API}${appPath(org, app)}/preview/${seg(set)}/${seg(page)}?${q.toString()}`;
  }
}
