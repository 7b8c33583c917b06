// @vitest-environment jsdom
// What a deleted policy refers to that is gone is named where the console knows the name (here a
// named location deleted for good, named by the audit log), not by its bare id.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MissingDependency } from '../../domain/dependencies';
import { MissingDependencies } from './deleted-actions';

afterEach(cleanup);

const purged: MissingDependency = {
  id: '5f1c2b7e-0000-4000-8000-000000000001',
  where: 'Included location',
  kind: 'namedLocation',
  exclusion: false,
  explanation: 'This named location no longer exists, so the condition refers to nothing.',
};

describe('MissingDependencies', () => {
  it('names a named location deleted for good by the name the audit log kept, beside its id', () => {
    render(<MissingDependencies missing={[purged]} known={new Map([[purged.id, { name: 'Lab network', from: 'the audit log' }]])} />);
    expect(screen.getByRole('list', { name: 'Missing dependencies' }).textContent).toContain(
      'Included location “Lab network” (deleted; name from the audit log; id 5f1c2b7e-0000-4000-8000-000000000001)',
    );
  });
});
