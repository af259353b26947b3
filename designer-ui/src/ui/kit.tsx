// Small building blocks shared by the screens: a page whose heading takes focus when
// it opens (so a screen reader announces the new screen after client-side
// navigation), in-app links, and an error alert that shows the problem's code.
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { createContext, useContext, useEffect, useRef, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { ApiError, Client } from '../api/client';
import { navigate } from '../router';

export const ClientContext = createContext<Client>(new Client());

/** useClient is the API client of the app (a test double in tests). */
export function useClient(): Client {
  return useContext(ClientContext);
}

export function Page({ title, children }: { title: string; children: ReactNode }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Blankett Studio`;
    h1.current?.focus();
  }, [title]);
  return (
    <>
      <Heading level={1} data-size="lg" ref={h1} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </>
  );
}

/** Link navigates inside the app on a plain click and is a normal link otherwise. */
export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/** message is what to tell the user about a failed call. */
export function message(err: unknown): string {
  if (err instanceof ApiError) return err.detail || err.message;
  return err instanceof Error ? err.message : String(err);
}

export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  // Field-level problems (an invalid layout's components, by JSON pointer) are listed.
  const details = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return (
    <Alert data-color="danger" id={id} role="alert">
      <Paragraph>
        {message(error)}
        {code && <> (<code>{code}</code>)</>}
      </Paragraph>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              {d.field && <code>{d.field}</code>} {d.detail ?? d.code}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** short is a commit hash as people read it. */
export function short(hash: string | undefined): string {
  return (hash ?? '').slice(0, 8);
}
