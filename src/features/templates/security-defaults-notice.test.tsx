// @vitest-environment jsdom
// The templates page says whether security defaults are on as read: never "off" when the read failed.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../../graph/errors';
import { SecurityDefaultsNotice } from './security-defaults-notice';

afterEach(cleanup);

const show = (read: Partial<UseQueryResult<{ isEnabled: boolean }>>) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <SecurityDefaultsNotice read={read as UseQueryResult<{ isEnabled: boolean }>} tenantName="Contoso" />
    </FluentProvider>,
  );

describe('the security defaults notice', () => {
  it('says the setting as read', () => {
    show({ data: { isEnabled: true }, error: null });
    expect(screen.getByText('Security defaults are on in Contoso')).toBeTruthy();
    cleanup();
    show({ data: { isEnabled: false }, error: null });
    expect(screen.getByText('Security defaults are off in Contoso')).toBeTruthy();
    expect(screen.getByText(/Policies can be turned on\./)).toBeTruthy();
  });

  it('says it is being read, not that it is off, while it is', () => {
    show({ data: undefined, error: null });
    expect(screen.getByText('Reading whether security defaults are on in Contoso…')).toBeTruthy();
    expect(screen.queryByText(/are off|defaults off/)).toBeNull();
  });

  it('says a failed read as not known, why, and offers Try again', () => {
    const refetch = vi.fn();
    show({
      data: undefined,
      error: new NetworkError('GET', '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy', new TypeError('Failed to fetch')),
      refetch,
    } as never);
    expect(screen.getByText('Whether security defaults are on in Contoso is not known')).toBeTruthy();
    expect(screen.queryByText(/are off|defaults off/)).toBeNull();
    expect(screen.getByText(/Microsoft Graph is unreachable/i)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledOnce();
  });
});
