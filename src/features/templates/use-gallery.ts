// The gallery as the page shows it: Microsoft's templates (Graph), the shipped baselines and the
// tenant's saved templates, each matched against the tenant's policies.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { policyJson } from '../../domain/json';
import { baselineTemplates } from '../../domain/templates/baselines';
import { fromMicrosoftTemplate } from '../../domain/templates/gallery-template';
import { matchTemplates, type TemplateMatch } from '../../domain/templates/match-tenant';
import { policiesQuery, templatesQuery } from '../../policy-ui/queries';
import { useTenantSession } from '../../session/tenant-session';
import { useSavedTemplates } from '../../policy-ui/saved-templates';

const BASELINES = baselineTemplates();

export function useGallery() {
  const tenant = useTenantSession();
  const microsoft = useQuery(templatesQuery(tenant));
  const policies = useQuery(policiesQuery(tenant));
  const [saved, setSaved] = useSavedTemplates();
  const matches: TemplateMatch[] | null = useMemo(() => {
    if (!policies.data) return null;
    const templates = [...(microsoft.data ?? []).map(fromMicrosoftTemplate), ...BASELINES, ...saved];
    return matchTemplates(templates, policies.data.map(policyJson));
  }, [microsoft.data, policies.data, saved]);
  return { microsoft, policies, matches, saved, setSaved };
}
