// renderWith renders ui with the API client backed by a mockApi fetch.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Client } from '../api/client';
import { ClientContext } from '../ui/kit';

export function renderWith(fetchFn: ConstructorParameters<typeof Client>[0], ui: ReactElement) {
  return render(<ClientContext.Provider value={new Client(fetchFn)}>{ui}</ClientContext.Provider>);
}
