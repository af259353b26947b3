// What the checks said about a saved commit: the counts, and the errors listed.
import { Paragraph } from '@digdir/designsystemet-react';
import type { Lint } from '../api/types';

export function LintSummary({ lint }: { lint: Lint }) {
  if (lint.failed) return <Paragraph>The app could not be checked: {lint.failed}</Paragraph>;
  const errors = lint.findings.filter((f) => f.severity === 'error');
  const n = lint.findings.length;
  return (
    <>
      <Paragraph>
        {n === 0
          ? 'Lint findings: none.'
          : `Lint findings: ${n} (${lint.errors} ${lint.errors === 1 ? 'error' : 'errors'}, ${lint.warnings} ${lint.warnings === 1 ? 'warning' : 'warnings'}).`}
      </Paragraph>
      {errors.length > 0 && (
        <ul aria-label="Lint errors">
          {errors.map((f, i) => (
            <li key={i}>
              <code>{f.file}</code>
              {f.pointer && <code>#{f.pointer}</code>}: {f.message} <span className="muted">({f.code})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
