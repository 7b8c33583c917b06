// The Content-Security-Policy of the built console. Graph and login hosts of every
// national cloud are listed because the cloud is chosen at run time (public/config.json).
const graphHosts = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
];
const loginHosts = [
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
];

export function contentSecurityPolicy({ allowLocalhost }: { allowLocalhost: boolean }): string {
  // End-to-end builds talk to the local identity provider and the emulator server.
  const local = allowLocalhost ? ['http://localhost:*', 'https://localhost:*'] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Griffel (Fluent) and Monaco insert style elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...graphHosts, ...loginHosts, ...local],
    'frame-src': ["'self'", ...loginHosts, ...local],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...loginHosts, ...local],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
