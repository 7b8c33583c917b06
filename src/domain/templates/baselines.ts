// The shipped baselines as gallery templates. Only baselines whose licence allows redistribution are
// shipped (see microsoft-samples.ts); others reach the gallery when the admin imports them.
import { toWritableBody } from '../policy-body';
import { REPORT_ONLY } from '../types';
import { CLIENT_APPS_NOTE, withAllClientApps } from './client-apps';
import type { GalleryTemplate } from './gallery-template';
import { MICROSOFT_SAMPLES, SAMPLES_SOURCE } from './microsoft-samples';

export function baselineTemplates(): GalleryTemplate[] {
  return MICROSOFT_SAMPLES.map(({ file, policy }) => {
    const name = typeof policy.displayName === 'string' ? policy.displayName : file;
    // Before toWritableBody, which writes the empty list as ['all'] too, but silently: the gallery says so.
    const written = withAllClientApps(policy);
    const body = { ...toWritableBody(written.policy), state: REPORT_ONLY };
    return {
      key: `baseline:${file}`,
      source: 'baseline',
      templateId: null,
      name,
      description: `From ${file}.`,
      scenarios: [],
      policy: body,
      attribution: SAMPLES_SOURCE,
      ...(written.replaced && { notes: [CLIENT_APPS_NOTE] }),
    };
  });
}
