// Shapes the studio API sends that openapi.yaml leaves as inline or open objects
// (so tsgen cannot name them); they follow studio/internal/gitrepo and
// appframework/diff. Everything named in components.schemas is in types.ts.
import type { Deploy, Problem } from './types';

/** One field-level problem of a Problem (internal/httpx.FieldError). */
export interface FieldError {
  field?: string;
  code: string;
  detail?: string;
}

/** A Problem with the extension members some codes carry. */
export type ProblemBody = Problem & {
  errors?: FieldError[];
  /** stale_parent: the branch's head now. */
  current?: string;
  branch?: string;
  /** conflict: the files changed on both sides. */
  conflicts?: string[];
};

export interface Commit {
  hash: string;
  parents: string[];
  author: { name: string; email: string };
  when: string;
  subject: string;
  message?: string;
}

/** One semantic change (appframework/diff.Change). */
export interface Change {
  kind: string;
  area: string;
  id: string;
  oldId?: string;
  where?: string;
  language?: string;
  detail: string;
}

export interface DiffResult {
  from: string;
  to: string;
  files: { path: string; status: 'added' | 'modified' | 'deleted' }[];
  changes?: Change[];
  appError?: string;
}

export interface HistoryEntry extends Commit {
  diff?: DiffResult;
}

export interface HistoryPage {
  commits: HistoryEntry[];
  next?: string;
}

export interface FolderEntry {
  path: string;
  dir?: boolean;
  size: number;
  hash: string;
}

/** An Altinn text resource file, resource.<lang>.json. */
export interface TextResourceFile {
  language: string;
  resources: { id: string; value: string }[];
}

export interface EnvironmentStatus {
  environment: string;
  last?: Deploy;
  runtimeVersion: string;
  runtimeActive: string[];
  runtimeError?: string;
}

export interface Merged {
  commit: string;
  fastForward: boolean;
  from: string;
  into: string;
  unchanged: boolean;
}
