// The shipped baselines as gallery templates. Only baselines whose licence allows redistribution are
// shipped (see microsoft-samples.ts); others reach the gallery when the admin imports them.
import { toWritableBody } from '../policy-body';
import { REPORT_ONLY } from '../types';
import type { GalleryTemplate } from './gallery-template';
import { MICROSOFT_SAMPLES, SAMPLES_SOURCE } from './microsoft-samples';

export function baselineTemplates(): GalleryTemplate[] {
  return MICROSOFT_SAMPLES.map(({ file, policy }) => {
    const name = typeof policy.displayName === 'string' ? policy.displayName : file;
    return {
      key: `baseline:${file}`,
      source: 'baseline',
      templateId: null,
      name,
      description: `From ${file}.`,
      scenarios: [],
      policy: { ...toWritableBody(policy), state: REPORT_ONLY },
      attribution: SAMPLES_SOURCE,
    };
  });
}
