// auditLogs/directoryAudits: newest first, $filter on the documented fields, $top paging; one
// event by id.
import { GraphError, jsonResponse } from '../http';
import { applySelect, compileFilter, listBody, paginate, selector } from '../odata';
import { checkFilterable, auditFilterable } from '../filterable';
import { contextUrl, scopes, SEGMENT, type Route } from '../route';

export const auditRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^auditLogs\/directoryAudits$/,
    scopes: scopes.readAudit,
    throttle: 'reports',
    handle(input) {
      const filter = compileFilter(input.url.searchParams.get('$filter'));
      checkFilterable(input.url.searchParams.get('$filter'), auditFilterable, 'directoryAudits');
      const ascending = /activityDateTime\s+asc/i.test(input.url.searchParams.get('$orderby') ?? '');
      // Newest first; events written in the same instant keep the order they happened in.
      const written = ascending ? [...input.tenant.audits] : [...input.tenant.audits].reverse();
      const events = written
        .filter(filter)
        .sort((a, b) => (ascending ? 1 : -1) * (Date.parse(a.activityDateTime) - Date.parse(b.activityDateTime)));
      const page = paginate(events as unknown as Record<string, unknown>[], input.url, 100);
      page.items = page.items.map(selector(input.url.searchParams.get('$select')));
      return jsonResponse(input.context, 200, listBody(contextUrl(input, 'auditLogs/directoryAudits'), page));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^auditLogs/directoryAudits/${SEGMENT}$`),
    scopes: scopes.readAudit,
    throttle: 'reports',
    handle(input) {
      const id = input.params[0]!;
      const event = input.tenant.audits.find((e) => e.id === id);
      // Graph's documentation gives no error body for an unknown id: this 404 is the emulator's choice.
      if (!event) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist.`);
      return jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'auditLogs/directoryAudits/$entity'),
        ...applySelect(event, input.url.searchParams.get('$select')),
      });
    },
  },
];
